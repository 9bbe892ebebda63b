"""PDF minutes: the Ballerup referat parses into its 8 items; a scan without text is reported as such."""
from __future__ import annotations

import re

import pytest
from conftest import OS2, need

from corpus.model import SectionKind
from corpus.parse import parse_minutes_text
from corpus.readers import ReaderError, read_meetings
from corpus.readers.pdf_reader import extract_text

BALLERUP = OS2 / "edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04"
TITLES = [
    "Meddelelser",
    "Bygningsvedligeholdelse 2013 - anlægsbevilling",
    "Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013",
    "Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013",
    "KL's opfølgningsproces vedrørende det nære sundhedsvæsen",
    "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre",
    "Etablering af aktivitetscenter på Solvej 6 i Ballerup",
    "Evaluering af rygestopkurser",
]


def test_ballerup_referat_has_eight_items_with_right_titles():
    path = need(BALLERUP / "1552814.PDF")
    [meeting] = read_meetings(path.read_bytes(), path.name)
    assert meeting.body == "Sundheds- og Forebyggelsesudvalget"
    assert (meeting.date, meeting.time) == ("2012-12-04", "13:00")
    assert [i.title for i in meeting.items] == TITLES
    assert [i.number for i in meeting.items] == list(range(1, 9))
    second = meeting.items[1]
    assert second.case_number == "2012-28504"
    assert second.decision == "Indstillingen godkendt"
    assert "1.316.000 kr." in second.text_of(SectionKind.SUMMARY)
    assert second.attachments == ["2012-200782 - Bygningsliste og prioriteringssystem"]
    assert not any(i.closed for i in meeting.items)
    text = " ".join(s.text for i in meeting.items for s in i.sections)
    assert "Side 5" not in text and "Åbent referat" not in text


def test_members_away_from_an_item_are_its_text_and_a_closed_part_is_no_decision():
    """eDoc prints »Følgende deltog ikke i behandlingen af punktet:« under every item; the members it lists
    are that item's text, not its decision's. »Lukket referat« opens the closed part: a marker, not the
    last open item's words."""
    path = need(BALLERUP / "1552814.PDF")
    text = extract_text(path.read_bytes())
    label = "Følgende deltog ikke i behandlingen af punktet:\n2. Bygningsvedligeholdelse"
    assert text.count(label) == 1
    text = text.replace(label, label.replace("\n", "\nHanne Holm (F)\n", 1))
    closed_from = text.rindex("7. Etablering af aktivitetscenter")  # (the heading, not its contents entry)
    text = text[:closed_from] + "Lukket referat\n" + text[closed_from:]
    [meeting] = parse_minutes_text(text, path.name)
    assert [i.title for i in meeting.items] == TITLES
    first = meeting.items[0]
    assert first.decision == "Taget til efterretning"
    away = [s for s in first.sections if s.heading == "Følgende deltog ikke i behandlingen af punktet"]
    assert [(s.kind, s.text) for s in away] == [(SectionKind.OTHER, "Hanne Holm (F)")]
    assert [i.closed for i in meeting.items] == [False] * 6 + [True] * 2
    assert "Lukket referat" not in " ".join(s.text for i in meeting.items for s in i.sections)


# eDoc's running header as the text keeps it: the committee's line above it, drawn at the same place on every
# page, is left out with the running lines; its part's name and the page's number are read by the text's rules
HEADER = "Referat\n{part}\nDato: 04.12.2012\n"


def test_the_closed_minutes_read_by_their_running_header_are_closed_item_by_item():
    """eDoc prints the document's part atop every page; the closed minutes say »Lukket referat« there. The
    header is page furniture and was dropped with what it said: every item read as open, and the committee
    as »Lukket referat«. Now each item on such a page is closed; a sentence a page break cut still reads
    whole, and the header is no item's text."""
    text = extract_text(need(BALLERUP / "1552814.PDF").read_bytes())
    text = text.replace(HEADER.format(part="Åbent referat"), HEADER.format(part="Lukket referat"))
    [meeting] = parse_minutes_text(text, "1552814.PDF")
    assert [i.title for i in meeting.items] == TITLES
    assert meeting.body == "Sundheds- og Forebyggelsesudvalget"
    assert all(i.closed for i in meeting.items)
    said = " ".join(s.text for i in meeting.items for s in i.sections)
    assert "Stokholtbuen, Måløvgård, aflastningstilbuddet Torvevej og Rødbo" in said
    assert "Lukket referat" not in said and "Side 8" not in said


def test_the_closed_part_begins_at_the_first_page_whose_running_header_names_it():
    """Open and closed minutes in one document: the closed part starts on a new page (item 3's), headed
    »Lukket referat« from there on (most pages: so the header is furniture); the items before it stay open."""
    text = extract_text(need(BALLERUP / "1552814.PDF").read_bytes())
    opens = HEADER.format(part="Åbent referat")
    closed_from = text.rindex(opens, 0, text.rindex("3. Kvalitetsstandarder for stof- og alkoholbehandling"))
    text = text[:closed_from] + text[closed_from:].replace(opens, HEADER.format(part="Lukket referat"))
    [meeting] = parse_minutes_text(text, "1552814.PDF")
    assert [i.title for i in meeting.items] == TITLES
    assert [i.closed for i in meeting.items] == [False] * 2 + [True] * 6


def test_the_closed_part_in_a_footer_begins_at_the_top_of_its_page():
    """The same minutes with the page's part and number printed in a footer, at the page's end: the items
    from the first page whose footer says »Lukket referat« on are closed, the one opening that page too."""
    text = extract_text(need(BALLERUP / "1552814.PDF").read_bytes())
    block = re.compile(re.escape(HEADER.format(part="Åbent referat")) + r"Side \d+\n")
    heads = block.findall(text)
    pages = block.split(text)[1:]  # (the text opens with the first page's header)
    closed_from = next(k for k, page in enumerate(pages) if page.startswith("3. Kvalitetsstandarder"))
    text = "".join(page + (head.replace("Åbent referat", "Lukket referat") if k >= closed_from else head)
                   for k, (page, head) in enumerate(zip(pages, heads)))
    [meeting] = parse_minutes_text(text, "1552814.PDF")
    assert [i.title for i in meeting.items] == TITLES
    assert [i.closed for i in meeting.items] == [False] * 2 + [True] * 6


def test_scanned_pdf_is_reported_as_having_no_text_layer():
    path = need(BALLERUP / "1537646.PDF")
    with pytest.raises(ReaderError, match="no text layer"):
        read_meetings(path.read_bytes(), path.name)


@pytest.mark.parametrize("data, message", [
    (b"%PDF-1.4\n1 0 obj\n<<", "cannot be read|no pages|no text layer"),
    (b"hello, I am not a pdf", "not a PDF"),
])
def test_broken_pdfs_give_clear_errors(data, message):
    with pytest.raises(ReaderError, match=message):
        read_meetings(data, "broken.pdf")


def test_truncated_real_pdf_gives_a_clear_error():
    data = need(BALLERUP / "1552814.PDF").read_bytes()
    with pytest.raises(ReaderError):
        read_meetings(data[: len(data) // 3], "truncated.pdf")


def _encrypted(data: bytes, user: str, owner: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_locked_by_a_password_says_so_and_one_with_an_owners_password_only_reads():
    data = need(BALLERUP / "1552814.PDF").read_bytes()
    with pytest.raises(ReaderError, match="protected by a password"):
        read_meetings(_encrypted(data, "hemmelig", "ejer"), "referat.pdf")
    plain = [(i.number, i.title) for m in read_meetings(data, "referat.pdf") for i in m.items]
    opened = [(i.number, i.title) for m in read_meetings(_encrypted(data, "", "ejer"), "referat.pdf") for i in m.items]
    assert opened == plain and len(plain) == 8
