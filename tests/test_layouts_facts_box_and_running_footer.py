"""A referat printed to PDF as a case system prints it (KMD-style): each item's facts in a box of two columns
(»Sagsnr.: 25-004512 | Dokumentnr.: 25-118812«, »Sagsansvarlig: Trine Mølgaard | Status: Åben«), a closed item's
facts withheld (»Sagsnr.: Lukket«, »Sagsansvarlig: -«), and a footer of the page's number beside the time of
printing (»Side 2 af 4« | »Udskrevet 16-04-2025 08:12«). tests/layouts/kmd-referat-facts-box-and-footer.pdf, printed
by Chromium from tests/layouts/sources.

Found on 2026-12-06 by a fresh probe: pypdf writes a box's row with one space between its cells, so the case
number was »25-004512 Dokumentnr.: 25-118812« and the presenter »Trine Mølgaard Status: Åben«; the closed item's
case number was »Lukket« and its presenter »-«; and pypdf wrote the footer's two pieces as one line, »Side 2 af
4Udskrevet 16-04-2025 08:12«, which no running line matched, so it stood in three items' text.
"""
from __future__ import annotations

from pathlib import Path

from corpus.model import DropReason
from corpus.readers import inspect_document

PDF = Path(__file__).parent / "layouts" / "kmd-referat-facts-box-and-footer.pdf"


def reading():
    return inspect_document(PDF.read_bytes(), PDF.name)


def test_each_fact_of_the_box_is_its_own_and_a_withheld_case_number_marks_the_item_closed():
    [meeting] = reading().meetings
    facts = [(i.number, i.case_number, i.presenter, i.closed) for i in meeting.items]
    assert facts[1:8] == [
        (2, "25-004512", "Trine Mølgaard", False), (3, "24-019330", "Jonas Thorup", False),
        (4, "25-001877", "Ulla Kjærgaard", False), (5, "24-022905", "Trine Mølgaard", False),
        (6, "25-003318", "Jonas Thorup", False), (7, None, None, True), (8, "25-000214", "Ulla Kjærgaard", False)]
    assert meeting.items[6].title == "Salg af erhvervsgrund"


def test_the_footer_s_pieces_run_together_are_page_furniture_not_item_text():
    read = reading()
    text = " ".join(s.text for i in read.meetings[0].items for s in i.sections)
    assert "Udskrevet" not in text and "Side 2 af 4" not in text
    furniture = {d.text for d in read.dropped if d.reason is DropReason.PAGE_FURNITURE}
    assert {"Udskrevet 16-04-2025 08:12", "Side 2 af 4"} <= furniture
