"""A table of contents is left out however its entries are laid out, and only a table of contents is: a
PDF's or a narrow page's entries wrap a long title onto the next line, with the page number at the end of
the last one (tab or dot leaders), and read as the same meetings as entries on one line; a table whose
numbered rows end in a figure (municipality codes and counts) is text of its item."""
from __future__ import annotations

import re
import textwrap

import pytest
from conftest import SAMPLES, SHARED, VARIANTS, need, what_was_read

from corpus.model import DropReason
from corpus.readers import inspect_document
from corpus.textclean import drop_toc_lines

JUNE = SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"
ENTRY = re.compile(r"^(Punkt \d+: .*)\t(\d+)$")


def exact(section) -> tuple:
    return section.kind.value, section.heading, section.text


def laid_out(text: str, leaders: bool, indent: str, width: int | None) -> str:
    """The June minutes' table of contents as another layout prints it: dot leaders or a tab before the
    page number, and titles longer than `width` wrapped onto the next lines (`indent` before them; at 45
    characters the longest takes three lines)."""
    lines = []
    for line in text.split("\n"):
        m = ENTRY.match(line)
        if not m:
            lines.append(line)
            continue
        title, page = m.groups()
        end = f" {'.' * 12} {page}" if leaders else f"\t{page}"
        if width and len(title) > width:
            first, *rest = textwrap.wrap(title, width)
            lines += [first, *(indent + part for part in rest[:-1]), indent + rest[-1] + end]
        else:
            lines.append(title + end)
    return "\n".join(lines)


def read(text: str, name: str = JUNE.name):
    return inspect_document(text.encode(), name)


@pytest.mark.parametrize("leaders", [False, True], ids=["tab", "dot-leaders"])
@pytest.mark.parametrize("indent", ["    ", ""], ids=["indented", "flush"])
@pytest.mark.parametrize("width", [None, 60, 45], ids=["one-line", "wrapped-60", "wrapped-45"])
def test_a_table_of_contents_in_any_layout_reads_as_the_same_meetings(leaders, indent, width):
    original = JUNE.read_text(encoding="utf-8")
    variant = laid_out(original, leaders, indent, width)
    assert variant != original or (not leaders and width is None)
    reading = read(variant)
    assert what_was_read(reading.meetings, exact) == what_was_read(read(original).meetings, exact)
    contents = " ".join(d.text for d in reading.dropped if d.reason == DropReason.CONTENTS)
    for m in filter(None, map(ENTRY.match, original.split("\n"))):
        assert " ".join(m.group(1).split()) in " ".join(contents.split())  # every entry left out, whole


def with_contents(path, leaders: bool, width: int | None, spaced: bool = False) -> str:
    """The minutes with a table of contents of their own items put above the first one, as a PDF prints it:
    »Indholdsfortegnelse«, then »N. Title« with dot leaders or a tab and a page number, wrapped at `width`."""
    text = path.read_text(encoding="utf-8")
    items = read(text, path.name).meetings[0].items
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if items[0].title[:20] in line)
    contents = ["Indholdsfortegnelse", ""]
    for page, item in enumerate(items, start=2):
        entry = f"{item.number}. {item.title}"
        end = f" {'.' * 10} {page}" if leaders else f" {page}" if spaced else f"\t{page}"
        *wrapped, last = textwrap.wrap(entry, width) if width and len(entry) > width else [entry]
        contents += [*wrapped, last + end]
    return "\n".join(lines[:first] + contents + [""] + lines[first:])


@pytest.mark.parametrize("leaders", [False, True], ids=["tab", "dot-leaders"])
@pytest.mark.parametrize("width", [None, 45], ids=["one-line", "wrapped-45"])
@pytest.mark.parametrize("path", [SAMPLES / "kdnet-2022-02-11-referat.txt", VARIANTS / "firstagenda-pdf-byraad.txt",
                                  VARIANTS / "punkt-style-kultur.txt", VARIANTS / "sbsys-skolebestyrelse.txt"],
                         ids=lambda p: p.name)
def test_every_text_layout_reads_the_same_with_a_table_of_contents(path, leaders, width):
    """Other layouts than the June minutes' (»1. Title«, »Punkt 1:«, SBSYS's »1 Title«), and a contents
    heading right below »Afbud: …«, where it was read as one more name sending apologies."""
    variant = with_contents(path, leaders, width)
    original = read(path.read_text(encoding="utf-8"), path.name).meetings
    assert what_was_read(read(variant, path.name).meetings, exact) == what_was_read(original, exact)


def test_a_wrapped_entry_keeps_the_first_item_of_the_meeting():
    reading = read(laid_out(JUNE.read_text(encoding="utf-8"), False, "    ", 60))
    first = reading.meetings[0].items[0]
    assert (first.number, first.title) == (35, "Godkendelse af dagsorden")
    assert "Punkt 36" not in " ".join(s.text for s in first.sections)


def test_numbered_table_rows_ending_in_a_figure_stay_in_their_item():
    """The tables of »Landstal for opholdstilladelse 2024«: »101 København⇥16« is a municipality and its
    count of family reunifications, not entry 101 on page 16; the counts go up and down, pages do not."""
    reading = read(JUNE.read_text(encoding="utf-8"))
    item = next(i for i in reading.meetings[0].items if i.title.startswith("Landstal for opholdstilladelse"))
    text = "\n".join(s.text for s in item.sections)
    for row in ("101 København\t16", "147 Frederiksberg\t1", "851 Aalborg\t13", "101 København\t45"):
        assert row in text
    assert not [d for d in reading.dropped if d.reason == DropReason.CONTENTS and "København" in d.text]


def test_an_item_heading_over_a_row_ending_in_a_figure_is_no_entry():
    lines = ["3. Fordeling af flygtninge", "Region Sjælland\t81", "", "Beslutning", "Godkendt."]
    dropped: list = []
    assert drop_toc_lines(lines, dropped) == lines
    assert dropped == []


def test_entries_whose_pages_go_down_are_no_table_of_contents():
    lines = ["1. Godkendelse af dagsorden\t3", "2. Budget\t1", "3. Eventuelt\t2"]
    assert drop_toc_lines(lines) == lines
    assert drop_toc_lines(["1. Godkendelse af dagsorden\t1", "2. Budget\t1", "3. Eventuelt\t2"]) == []


def test_tab_aligned_entries_with_an_empty_cell_are_entries():
    lines = ["Indhold", "1.\t\tGodkendelse af dagsorden\t3", "2.\t\tBudget 2024\t4", "", "1. Godkendelse af dagsorden"]
    assert drop_toc_lines(lines) == ["Indhold", "", "1. Godkendelse af dagsorden"]


def test_contents_and_tables_whose_tabs_became_spaces_read_as_the_same_items():
    """Text copied out of a PDF viewer, or exported by another system, aligns with runs of spaces where the
    June minutes have tabs. Its contents ended »… /v. Jesper Kaas Schmidt    1« and were not seen as
    contents: items 35-50 were read from the entries, with no text and the page number in the presenter,
    and »Eventuelt« held the whole meeting. A table row »155 Dragør    14.609    471« stays text."""
    original = JUNE.read_text(encoding="utf-8")
    spaced = read(original.replace("\t", "    "))

    def words(item) -> tuple:
        return item.number, item.title, item.presenter, " ".join(f"{s.heading} {s.text}" for s in item.sections).split()

    assert [[words(i) for i in m.items] for m in spaced.meetings] == \
        [[words(i) for i in m.items] for m in read(original).meetings]
    contents = [d.text for d in spaced.dropped if d.reason == DropReason.CONTENTS]
    assert len(contents) == 17 and all(line.startswith("Punkt ") for line in contents)


def test_entries_with_one_space_before_the_page_number_are_contents_where_the_items_follow():
    """pypdf extracts a right-aligned page number one space after the title (»… /v. Jesper Kaas Schmidt 1«).
    Such entries were read as items 35-50, their page numbers in the presenters, and »Eventuelt« took every
    item's text."""
    original = JUNE.read_text(encoding="utf-8")
    variant = re.sub(r"^(Punkt \d+: .*)\t(\d+)$", r"\1 \2", original, flags=re.MULTILINE)
    assert variant != original
    reading = read(variant)
    assert what_was_read(reading.meetings, exact) == what_was_read(read(original).meetings, exact)
    assert len([d for d in reading.dropped if d.reason == DropReason.CONTENTS]) == len(
        [d for d in read(original).dropped if d.reason == DropReason.CONTENTS])


@pytest.mark.parametrize("path", [SAMPLES / "kdnet-2022-02-11-referat.txt", VARIANTS / "firstagenda-pdf-byraad.txt",
                                  VARIANTS / "punkt-style-kultur.txt"], ids=lambda p: p.name)
def test_every_text_layout_reads_the_same_with_contents_spaced_once(path):
    variant = with_contents(path, False, None, spaced=True)
    original = read(path.read_text(encoding="utf-8"), path.name).meetings
    assert what_was_read(read(variant, path.name).meetings, exact) == what_was_read(original, exact)


def test_a_heading_ending_in_a_figure_is_no_entry_without_the_item_it_names():
    """»5. Budget 2024« is a title ending in a figure unless the rest (»5. Budget«) heads an item later on."""
    lines = ["4. Regnskab 2023", "Godkendt.", "5. Budget 2024", "Godkendt.", "6. Lokalplan 12", "Vedtaget."]
    assert drop_toc_lines(lines) == lines


BALLERUP = (SHARED / "corpora" / "os2dagsorden" / "edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04"
            / "1552814.PDF")


@pytest.mark.parametrize("before_page", ["\t", " "], ids=["tab", "one-space"])
def test_a_closed_part_heading_ending_the_contents_closes_no_item(before_page):
    """Ballerup's contents end in »Lukket referat« with no entry under it. Extracted with a tab before the page
    numbers, the contents were left out and that heading read as the closed part's, over item 1: all eight
    items were closed."""
    from corpus.readers.pdf_reader import extract_text

    text = extract_text(need(BALLERUP).read_bytes())
    variant = re.sub(r"^(\d\. .*) (\d{1,2})$", rf"\1{before_page}\2", text, count=8, flags=re.MULTILINE)
    assert variant != text or before_page == " "
    meeting = read(variant, "ballerup.txt").meetings[0]
    assert [(i.number, i.closed) for i in meeting.items] == [(n, False) for n in range(1, 9)]


def test_a_closed_part_heading_right_above_the_first_item_after_the_contents_closes_it():
    text = ("Kultur- og Fritidsudvalget\nReferat\nMødedato: 3. september 2024 kl. 17.00\n\nIndholdsfortegnelse\n"
            "1. Salg af café\t2\n2. Personalesag\t3\n\nLukket referat\n\n1. Salg af café\nSagsnr.: 24/1\n\n"
            "Beslutning\nAnbefalet.\n\n2. Personalesag\nSagsnr.: 24/2\n\nBeslutning\nGodkendt.\n")
    above = text.replace("Indholdsfortegnelse\n", "Lukket referat\n").replace("\nLukket referat\n\n1.", "\n1.")
    for variant in (text, text.replace("\t", " "), above, above.replace("\t", " ")):
        assert [(i.number, i.closed) for i in read(variant, "kultur.txt").meetings[0].items] == [(1, True), (2, True)]


@pytest.mark.parametrize("form", ["Punkt {n}. {title}", "Pkt. {n} {title}", "PUNKT {n} - {title}"])
def test_contents_in_punkt_n_dot_form_are_contents_and_the_head_under_them_is_read(form):
    """»Punkt 1. Godkendelse af dagsorden⇥3«: before, the entries were taken for the items (»Salg af ejendom
    3«), every item merged into the last, and the head under the contents (»Til stede:«, »Afbud:«) was lost."""
    entries = [(1, "Godkendelse af dagsorden", 3), (2, "Salg af ejendom", 3), (3, "Eventuelt", 4)]
    contents = "".join(f"{form.format(n=n, title=title)}\t{page}\n" for n, title, page in entries)
    items = "".join(f"{form.format(n=n, title=title)}\nBeslutning\nGodkendt.\n\n" for n, title, _ in entries)
    text = ("Referat\nUdvalg for Klima og Miljø\nTirsdag den 17. september 2024 kl. 16.00\n\nIndholdsfortegnelse\n"
            f"{contents}\nMødedato: 17.09.2024\nMødested: Byrådssalen\nTil stede: Anne Holm, Bent Sørensen\n"
            f"Afbud: Camilla Juhl\n\n{items}")
    reading = inspect_document(text.encode("utf-8"), "referat.txt")
    [meeting] = reading.meetings
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (n, title, "Godkendt.") for n, title, _ in entries]
    assert (meeting.participants, meeting.absentees, meeting.location) == (
        ["Anne Holm", "Bent Sørensen"], ["Camilla Juhl"], "Byrådssalen")
    assert len([d for d in reading.dropped if d.reason is DropReason.CONTENTS]) == 3
    assert {"Til stede: Anne Holm, Bent Sørensen", "Afbud: Camilla Juhl"} <= {d.text for d in reading.dropped}


def test_contents_in_sag_nr_form_are_contents_and_the_title_under_them_names_the_committee():
    """»Sag nr. 1: Godkendelse af dagsorden 3« (as pypdf extracts a right-aligned page number) over the minutes'
    title »Ældrerådet - Referat - 03.10.2024«: before, the entries were no contents, and once they were, the last
    entry ran into the title under it (»Sag nr. 7: Eventuelt 9 Ældrerådet«, then »Indholdsfortegnelse
    Ældrerådet«); the file was refused for want of a committee (a probe of other publishers' minutes, 2026-12-05)."""
    entries = [(1, "Godkendelse af dagsorden", 3), (2, "Salg af ejendommen Stationsvej 14", 4), (3, "Eventuelt", 5)]
    contents = "".join(f"Sag nr. {n}: {title} {page}\n" for n, title, page in entries)
    items = "".join(f"Sag nr. {n}: {title}\nBeslutning\nGodkendt.\n" for n, title, _ in entries)
    text = (f"Indholdsfortegnelse\n{contents}Ældrerådet - Referat - 03.10.2024\nMødedato: 03.10.2024\n"
            f"Mødested: Byrådssalen\nAfbud: Finn Nørgaard\n{items}")
    reading = inspect_document(text.encode("utf-8"), "referat.pdf.txt")
    [meeting] = reading.meetings
    assert (meeting.body, meeting.date, meeting.location, meeting.absentees) == (
        "Ældrerådet", "2024-10-03", "Byrådssalen", ["Finn Nørgaard"])
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (n, title, "Godkendt.") for n, title, _ in entries]
    assert [d.text for d in reading.dropped if d.reason is DropReason.CONTENTS] == contents.splitlines()


def test_contents_whose_items_are_headed_by_their_number_alone_over_the_title_are_contents():
    """»Sag nr. 1: Godkendelse af dagsorden 2« in the contents, the item headed »Sag nr. 1« / »Godkendelse af
    dagsorden«: the entries were the items, each titled with its page, and every item's text went into the last
    (a before/after probe, 2026-12-05)."""
    entries = [(1, "Godkendelse af dagsorden", 2), (2, "Beskæftigelsesplan 2026", 3), (3, "Eventuelt", 4)]
    contents = "".join(f"Sag nr. {n}: {title} {page}\n" for n, title, page in entries)
    items = "".join(f"Sag nr. {n}\n{title}\n\nBeslutning\nGodkendt.\n\n" for n, title, _ in entries)
    text = (f"Erhvervsudvalget\n\nReferat\n\nDato: 3. marts 2025\n\nIndholdsfortegnelse\n\n{contents}\n\n{items}")
    reading = inspect_document(text.encode("utf-8"), "referat.txt")
    [meeting] = reading.meetings
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (n, title, "Godkendt.") for n, title, _ in entries]
    assert [d.text for d in reading.dropped if d.reason is DropReason.CONTENTS] == contents.splitlines()


AGENDA_IN_PUNKT_FORM = """Børne- og Ungeudvalget
Referat
Mødedato: 5. marts 2024

Dagsorden
Punkt 1 Godkendelse af dagsorden
Punkt 2 Klagesag om befordring
Punkt 3 Skolernes ferieplan 2025/26

Punkt 1 Godkendelse af dagsorden
Beslutning
Dagsordenen blev godkendt.

Punkt 2 Klagesag om befordring
Lukket punkt

Punkt 3 Skolernes ferieplan 2025/26
Sagsnr.: 24/1187
Beslutning
Ferieplanen blev godkendt.
"""


@pytest.mark.parametrize("blank_lines", [True, False])
def test_an_agenda_listed_in_the_items_punkt_form_without_page_numbers_is_no_list_of_items(blank_lines):
    """»Punkt 1 Titel« / »Punkt 2 Titel« line under line above the items, each again further on: the list was read
    as the items, every item's text went to the last and the closed one was read as open (a probe of Word and
    PDF minutes, 2026-12-05). Without blank lines, as a PDF's or a Word file's paragraphs give the text."""
    text = AGENDA_IN_PUNKT_FORM if blank_lines else AGENDA_IN_PUNKT_FORM.replace("\n\n", "\n")
    [meeting] = inspect_document(text.encode("utf-8"), "referat.txt").meetings
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", "Dagsordenen blev godkendt."), (2, "Klagesag om befordring", ""),
        (3, "Skolernes ferieplan 2025/26", "Ferieplanen blev godkendt.")]
    assert meeting.items[1].closed and meeting.items[2].case_number == "24/1187"
