"""Minutes printed to PDF keep only their own text: the running header and footer each page prints at the same
place are page furniture, also on the last page, where pypdf puts them after the text, and are still read for
the meeting's committee and date; so is a browser's print header and footer (the time of printing and the
page's title; the page's address and »1/2«); a word a font drew with a ligature (»ﬁnansieres«, »ﬂere«) reads as
typed, as does a word broken at its hyphen (»ikke-« / »planlagte«).

The samples in tests/layouts, printed by Chromium from the pages in tests/layouts/sources: a portal's minutes page
printed with the browser's header and footer in a font with ligatures; an agenda system's referat with a running
header as a fixed element and »Side N af M« in the page's margin; a Word referat whose committee and day stand
only in its margins, each item on a page of its own.

Found on 2026-12-05 by printing 117 minutes documents to PDF: the last page's header ended the last item's
decision (»Formanden orienterede om det kommende budgetseminar. Økonomiudvalget 12-03-2024«), the browser's
footer stood in the middle of a case text or as an attachment (»file:///…html 2/4«), and a word drawn with a
ligature matched no query.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OS2, need

from corpus.model import DropReason
from corpus.parse import parse_minutes_text
from corpus.readers import inspect_document
from corpus.readers.pdf_reader import reflow
from corpus.textclean import composed

LAYOUTS = Path(__file__).parent / "layouts"
BROWSER = LAYOUTS / "browser-printed-teknisk-udvalg.pdf"
OFFICE = LAYOUTS / "office-referat-running-header.pdf"
MARGINS = LAYOUTS / "word-referat-facts-in-the-margins.pdf"


def reading(path: Path):
    return inspect_document(path.read_bytes(), path.name)


def texts(meeting) -> list[str]:
    return [s.text for item in meeting.items for s in item.sections] + [item.title for item in meeting.items]


def test_the_running_header_of_the_last_page_does_not_end_the_last_item():
    [meeting] = reading(OFFICE).meetings
    assert [(i.number, i.closed) for i in meeting.items] == [(1, False), (2, True), (3, False), (4, False)]
    assert meeting.items[-1].decision == "Formanden orienterede om det kommende budgetseminar."
    assert not any("Økonomiudvalget 12-03-2024" in text for text in texts(meeting))


def test_the_running_header_is_dropped_as_page_furniture_on_every_page():
    read = reading(OFFICE)
    furniture = [d.text for d in read.dropped if d.reason is DropReason.PAGE_FURNITURE]
    assert furniture.count("Økonomiudvalget 12-03-2024") == 3


def test_a_browser_s_print_header_and_footer_are_page_furniture():
    read = reading(BROWSER)
    [meeting] = read.meetings
    assert [i.number for i in meeting.items] == [1, 2]
    assert meeting.items[-1].decision == "Indstillingen blev godkendt."
    assert not any("file://" in text or "AM Referat" in text for text in texts(meeting))
    furniture = [d.text for d in read.dropped if d.reason is DropReason.PAGE_FURNITURE]
    assert sum(text.startswith("file://") for text in furniture) == 2


def test_words_drawn_with_a_ligature_read_as_typed():
    [meeting] = reading(BROWSER).meetings
    case = meeting.items[1].sections[1].text
    assert "finansieres" in case and "flere officielle tilskud" in case
    assert meeting.items[1].title == "Trafiksikkerhedsplan 2024-2028"
    assert not any(0xFB00 <= ord(c) <= 0xFB06 for text in texts(meeting) for c in text)


def test_the_printed_minutes_are_found_by_a_word_typed_or_pasted_with_its_ligature(tmp_path):
    from config.settings import Settings
    from search.engine import Engine
    from search.request import SearchRequest

    engine = Engine(Settings(data_dir=tmp_path / "data"))
    engine.ingest([BROWSER])
    engine.sync(embeddings=False)
    found = [[h["title"] for h in engine.search(SearchRequest.build(q=q, mode="keyword", limit=5,
                                                                     settings=engine.settings))["hits"]]
             for q in ("officielle tilskud", "oﬀicielle tilskud")]
    assert found == [["Trafiksikkerhedsplan 2024-2028"]] * 2


def test_a_word_broken_at_a_hyphen_reads_as_one_word_with_its_hyphen():
    """pypdf gives a line's last word as the page breaks it (»ikke-« / »planlagte«); the text read »ikke-
    planlagte«, two words. The hyphen stays, as Word breaks lines at the hyphens a word has (»p-pladser«,
    »gps-udstyr«, »ad hoc-udvalget«: the text cannot tell them from a word a program hyphenated); a soft hyphen,
    which only marks a break, is left out; a suspended compound (»handels-« / »og erhvervsliv«) keeps its line."""
    page = ("den lokale udvik\u00ad\nlingen af erhvervs-\nog handelsliv, hvor rammevil\u2010\nkår, IT-\nsystemer, "
            "6-\nmåneders opfølgning, gps-\nudstyr, p-\npladser og ikke-\nplanlagte opgaver indgår.")
    assert reflow(page) == ("den lokale udviklingen af erhvervs-\nog handelsliv, hvor rammevil-kår, IT-systemer, "
                            "6-måneders opfølgning, gps-udstyr, p-pladser og ikke-planlagte opgaver indgår.")


def test_the_ballerup_minutes_keep_their_hyphens_across_a_line_s_end():
    path = need(OS2 / "edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04" / "1552814.PDF")
    said = " ".join(s.text for m in inspect_document(path.read_bytes(), path.name).meetings
                    for i in m.items for s in i.sections)
    assert "en del ikke-planlagte opgaver" in said and "data på 6-måneders opfølgningen" in said


def test_a_committee_and_date_printed_only_in_the_running_header_name_the_meeting():
    """The committee and the day stand only in the page's margins (»Referat – Teknik- og Miljøudvalget – 12. maj
    2026« on top, »Teknik- og Miljøudvalget, referat 12.05.2026« and »Side N af M« in one footer line): the
    running lines are left out of the text and still read for the meeting. Each item opens a page with »Punkt
    N« alone on its line, and the closed one with »Lukket punkt« above it: item headings and markers, never
    running lines, though they stand at the same place page after page."""
    read = reading(MARGINS)
    [meeting] = read.meetings
    assert (meeting.body, meeting.date) == ("Teknik- og Miljøudvalget", "2026-05-12")
    assert [(i.number, i.closed, i.case_number) for i in meeting.items] == [
        (1, False, "24/01234"), (2, True, "25/01100"), (3, False, "24/02210"), (4, False, "25/00871")]
    assert [i.decision for i in meeting.items] == ["Godkendt.", "Godkendt.", "Anbefales over for Byrådet.",
                                                   "Godkendt."]
    assert not any("referat 12.05.2026" in text or "Side " in text for text in texts(meeting))
    assert meeting.participants == ["Jens Madsen (V)", "Anne Berg (A)", "Ole Hansen (C)"]  # (not »Dagsorden«)


def test_ligatures_a_font_maps_to_the_private_use_area_read_as_typed():
    """Some fonts name »fi« and »fl« U+F001 and U+F002 (Adobe's and Apple's private use), as a PDF printed with
    a substitute for Arial does."""
    assert composed("\uf001nansiering af \uf002eksjob, ﬁnansieres") == "finansiering af fleksjob, finansieres"


@pytest.mark.parametrize("running, body, date", [
    (["Teknik- og Miljøudvalget Referat 14. maj 2024", "Netpublicator - Referat - Udskrevet 15-05-2024"],
     "Teknik- og Miljøudvalget", "2024-05-14"),
    (["KL · KKR Midtjylland Referat 12.09.2024", "KL · Weidekampsgade 10 · 2300 København S · www.kl.dk"],
     "KKR Midtjylland", "2024-09-12")])
def test_a_print_stamp_or_a_letterhead_in_the_running_lines_is_not_the_committee(running, body, date):
    """A publisher's footer with the time of printing (»Netpublicator - Referat - Udskrevet 15-05-2024«) named the
    committee »Netpublicator«; a letterhead before the committee a middle dot apart (»KL · KKR Midtjylland«) named
    none (a probe of printed minutes, 2026-12-05). The running lines as the PDF reader hands them on."""
    text = "Referat\nMødested: Udvalgsværelse 2\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
    [meeting] = parse_minutes_text(text, "referat.pdf", [], running)
    assert (meeting.body, meeting.date) == (body, date)
