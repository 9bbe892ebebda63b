"""Page furniture is left out wherever the page number stands: in a running header, with the header's other
lines above it (the eDoc and Acadre PDFs, the April KD-Net minutes), or in a footer, with the next page's
running header right below it. Every text layout reads as the same meetings, items and section text with
either kind of furniture added, and the furniture is listed as dropped."""
from __future__ import annotations

import re

import pytest
from conftest import SAMPLES, VARIANTS, heading_lines, what_was_read

from corpus.model import DropReason
from corpus.readers import inspect_document

# (not the June minutes: the April minutes embedded in them carry page furniture of their own, 22 pages, which
# 400 added page numbers would outvote)
LAYOUTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", VARIANTS / "firstagenda-pdf-byraad.txt",
           VARIANTS / "punkt-style-kultur.txt", VARIANTS / "sbsys-skolebestyrelse.txt"]
HEADER = ["Referat – fortsat", "Kommunens mødesystem"]


def paged(path, footer: bool | None, every: int = 10) -> str:
    """The text cut into pages of `every` lines (from its first item on, so the meeting's header stays as
    it is), each page number in a footer followed by the next page's running header, or in the header: on a
    line of its own, or (`footer` None) ending the header's last line, a wide gap before it."""
    text = path.read_text(encoding="utf-8")
    first_title = inspect_document(text.encode(), path.name).meetings[0].items[0].title[:20]
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if first_title in line)
    start -= lines[start - 1].strip().isdigit()  # a number alone above the title
    out, pages = lines[:start], range(start, len(lines), every)
    for page, first in enumerate(pages, start=1):
        marker = f"Side {page} af {len(pages)}"
        if footer is None:
            out += ["", HEADER[0], f"{HEADER[1]}{' ' * 30}{marker}", ""]
        elif footer == "bars":
            out += ["", f"{HEADER[0]} | 11-04-2024 | Side {page}", ""]
        elif footer == "slash":
            out += ["", HEADER[0], f"{page} / {len(pages)}", ""]
        else:
            out += (["", marker, ""] + HEADER + [""]) if footer else ([""] + HEADER + [marker, ""])
        out += lines[first:first + every]
    return "\n".join(out)


@pytest.mark.parametrize("footer", [True, False, None, "bars", "slash"],
                         ids=["page-number-in-footer", "page-number-in-header", "page-number-beside-the-header",
                              "footer-parts-set-apart-by-bars", "page-number-over-the-page-count"])
@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_page_furniture_is_left_out_wherever_the_page_number_stands(path, footer):
    """(The page's number ending the header's line, »Kommunens mødesystem      Side 2 af 4«, a footer's parts set
    apart by bars, »Økonomiudvalget | 11-04-2024 | Side 2«, and a page's number over the page count alone, »2 / 3«:
    each was the text of the item it fell in, probes of typed and extracted minutes, 2026-12-05.)"""
    original = path.read_text(encoding="utf-8")
    reading = inspect_document(paged(path, footer).encode(), path.name)
    expected = inspect_document(original.encode(), path.name).meetings
    assert what_was_read(reading.meetings) == what_was_read(expected)
    furniture = [d.text for d in reading.dropped if d.reason == DropReason.PAGE_FURNITURE]
    assert sum(text.startswith(HEADER[0]) for text in furniture) >= 2
    assert any(re.fullmatch(r"Side 2(?: af \d+)?|2 / \d+", text) for text in furniture)


def paged_at_items(path, ending: str) -> tuple[str, str]:
    """The text with each item on a page of its own (a footer with the page number, then the next page's
    running header, before every item heading but the first) and the line ending each item's page replaced
    by `ending` (its {} by the page's number); and the same text without pages."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = heading_lines(lines, inspect_document(text.encode(), path.name).meetings[0].items)
    for page, start in enumerate(at[1:], start=1):
        start -= lines[start - 1].strip().isdigit()  # a number alone above the title
        last = max(i for i in range(start) if lines[i].strip())
        lines[last] = ending.format(page)
    unpaged, pages = list(lines), []
    for page, start in enumerate(at[1:], start=1):
        start -= lines[start - 1].strip().isdigit()
        pages.append((start, ["", f"Side {page} af {len(at)}", "", *HEADER, ""]))
    for start, furniture in reversed(pages):
        lines[start:start] = furniture
    return "\n".join(lines), "\n".join(unpaged)


@pytest.mark.parametrize("ending", ["Indstillingen blev godkendt med {} stemmer mod 2 fra Ø og SF", "Godkendt."],
                         ids=["a-sentence-without-a-full-stop", "the-same-decision"])
@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_a_page_ending_an_item_neither_joins_the_next_heading_nor_loses_its_last_line(path, ending):
    """A line ending a page is joined to the next page's first when it reads on (a sentence cut by the page
    break), but never to an item heading (»3. Title«): that lost the heading and every item after it. And a
    sentence ending page after page (»Godkendt.«) is the minutes' text, not a running footer."""
    paged_text, unpaged = paged_at_items(path, ending)
    reading = inspect_document(paged_text.encode(), path.name)
    expected = inspect_document(unpaged.encode(), path.name).meetings
    assert what_was_read(reading.meetings) == what_was_read(expected)
    assert len(reading.meetings[0].items) == len(expected[0].items) >= 3
    said = " ".join(" ".join(s.text.split()) for i in reading.meetings[0].items[:-1] for s in i.sections)
    assert all(ending.format(page) in said for page in range(1, len(expected[0].items)))


def test_closed_minutes_naming_their_part_in_every_pages_footer_are_closed_from_the_first_page():
    """A footer »Lukket referat« above each page number: the part it names holds its page from the top, the
    first page's item too, and the front page's lines are kept as they were (before, every item read as
    open)."""
    pages = [("1. Personalesag", "2012-40001", "N.N. afskediges."), ("2. Køb af ejendom", "2012-40002", "Godkendt."),
             ("3. Erstatningssag", "2012-40003", "Afvist.")]
    text = "Referat\nØkonomiudvalget\nMødedato: 4. december 2012\n" + "".join(
        f"{title}\nSagsnr.: {case}\nBeslutning\n{decision}\nLukket referat\nSide {n} af 3\n"
        for n, (title, case, decision) in enumerate(pages, start=1))
    meeting, = inspect_document(text.encode(), "referat.txt").meetings
    assert (meeting.body, meeting.date) == ("Økonomiudvalget", "2012-12-04")
    assert [(i.number, i.closed, i.decision) for i in meeting.items] == [
        (1, True, "N.N. afskediges."), (2, True, "Godkendt."), (3, True, "Afvist.")]


@pytest.mark.parametrize("cover", ["", "Økonomiudvalget\nReferat\n4. december 2012\n"], ids=["no-cover", "cover"])
def test_the_lines_ending_every_page_above_edocs_header_are_the_items_own(cover):
    """eDoc prints its header (committee, »Referat«, the part, the date) above the page number, the first
    page's too (below a cover page without one, perhaps); where each item fills a page, every page ends with
    the item's decision and »Følgende deltog ikke i behandlingen af punktet:«. Those repeat above most page
    numbers, yet stand above the header, not in it: they are the minutes' own. Before, every decision but the
    last was dropped as furniture. The last item's page says »Lukket referat«: that item alone is closed."""
    header = "Økonomiudvalget\nReferat\n{part}\nDato: 04.12.2012\nSide {n}\n"
    titles = ["Meddelelser", "Budgetopfølgning", "Anlægsbevilling", "Takster 2013", "Personalesag"]
    text = cover + header.format(part="Åbent referat", n=1) + (
        "Referat\nØkonomiudvalget\ntirsdag den 4. december 2012, kl. 16:00\n") + "".join(
        header.format(part="Lukket referat" if n == len(titles) else "Åbent referat", n=n + 1)
        + f"{n}. {title}\nSagsnr.: 2012-4000{n}\nSammendrag\nSagen om {title.lower()}.\n"
        f"Økonomiudvalgets beslutning den 04.12.2012 Punkt {n}\nIndstillingen godkendt\n"
        "Følgende deltog ikke i behandlingen af punktet:\n" for n, title in enumerate(titles, start=1))
    meeting, = inspect_document(text.encode(), "referat.txt").meetings
    assert [(i.title, i.closed) for i in meeting.items] == [(t, t == "Personalesag") for t in titles]
    assert [i.decision for i in meeting.items] == ["Indstillingen godkendt"] * len(titles)
    assert not any("Økonomiudvalget" == s.text for i in meeting.items for s in i.sections)


def test_one_page_whose_footer_names_the_closed_part_among_open_ones_is_closed():
    """Footers name each page's part, »Åbent referat« on the open pages and »Lukket referat« on the one
    closed page: that page's item is closed (before, one page's footer was no furniture, stayed as a line
    under the item, and closed only the items after it)."""
    pages = [("1. Meddelelser", "Ingen.", "Åbent referat"), ("2. Budget", "Godkendt.", "Åbent referat"),
             ("3. Personalesag", "N.N. afskediges.", "Lukket referat")]
    text = "Referat\nØkonomiudvalget\nMødedato: 4. december 2012\n" + "".join(
        f"{title}\nBeslutning\n{decision}\n{part}\nSide {n}\n" for n, (title, decision, part) in enumerate(pages, 1))
    meeting, = inspect_document(text.encode(), "referat.txt").meetings
    assert [(i.number, i.closed, i.decision) for i in meeting.items] == [
        (1, False, "Ingen."), (2, False, "Godkendt."), (3, True, "N.N. afskediges.")]


PROSE = "".join(f"\n{name} bemærkede forslaget.\n" for name in ("Anne", "Bo", "Carl", "Dorte", "Erik"))  # more lines


def test_a_section_heading_ending_two_pages_above_their_numbers_is_no_footer():
    """»Beslutning« last on two of four pages, right above the page number (a page breaks after the heading):
    it was counted as a footer repeated above the numbers and dropped, and the decision under it went into the
    case text. A heading in the header of nearly every page stays furniture (eDoc's »Referat«)."""
    item = "Sagsnr.: 24/{n}\nSagsfremstilling\nForvaltningen har udarbejdet et forslag nummer {n}.\nBeslutning\n"
    pages = ["Økonomiudvalget\nReferat\nMødedato: 12-03-2024\n1. Godkendelse af dagsorden\n" + item.format(n=1),
             "Godkendt.\n2. Budgetopfølgning\n" + item.format(n=2),
             "Anbefales over for Byrådet.\n3. Trafikplan\nSagsnr.: 24/3\nBeslutning\nGodkendt.\n" + PROSE,
             "4. Meddelelser\nBeslutning\nTaget til efterretning.\n" + PROSE]
    text = "".join(page + f"Side {k} af 4\n" for k, page in enumerate(pages, start=1))
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert [i.decision.split("\n")[0] for i in meeting.items] == [
        "Godkendt.", "Anbefales over for Byrådet.", "Godkendt.", "Taget til efterretning."]
