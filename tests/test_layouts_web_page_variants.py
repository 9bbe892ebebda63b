"""Other pages of the agenda portal's layout read as their words say (the FirstAgenda web page in
tests/layouts, rewritten as another municipality's or meeting's page would be).

Found by rewriting pages of this layout (2026-12-04): words either side of an inline tag ran together after
a comma or a full stop (»orienteret,herunder«, »(formand),Steffen«); »Bilag (2)« lost the attachments to an
OTHER section; a decision headed with the meeting's date (»Beslutning den 12. januar 2026«) was OTHER; a
list of names longer than 80 characters with one »(afbud)« sent everyone away; and item numbers written »1)« or
»Pkt. 1« in the number cell refused the page (»no agenda items found«); participants as a list
(<ul><li>) were lost; and FirstAgenda's »Se alle deltagere« link, which opens a dialog, ran into the last name.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.model import SectionKind
from corpus.readers import read_meetings

PAGE = Path(__file__).parent / "layouts" / "firstagenda-web-oekonomiudvalget.html"
INFO_END = "</tbody></table>\n<table id=\"dagsordenDetaljer\">"


def read(html: str):
    [meeting] = read_meetings(html.encode("utf-8"), PAGE.name)
    return meeting


def page() -> str:
    html = PAGE.read_text(encoding="utf-8")
    assert INFO_END in html
    return html


def with_row(html: str, label: str, value: str) -> str:
    return html.replace(INFO_END, f"<tr><td>{label}</td><td>{value}</td></tr>\n" + INFO_END, 1)


def test_words_either_side_of_an_inline_tag_stay_apart():
    html = page().replace("<div>Forventet regnskab viser et mindreforbrug.</div>",
                          "<div>Forventet regnskab viser, <em>samlet set</em>, et mindreforbrug. "
                          "<strong>Taget til efterretning</strong>.</div>", 1)
    summary = next(s for s in read(html).items[0].sections if s.kind is SectionKind.SUMMARY)
    assert summary.text == "Forventet regnskab viser, samlet set, et mindreforbrug. Taget til efterretning."


def test_names_in_spans_stay_apart():
    names = "<span>Jesper Kjeldsen (formand)</span>, <span>Steffen Wich</span>, <span>Solveig Munk</span>"
    assert read(with_row(page(), "Deltagere:", names)).participants == [
        "Jesper Kjeldsen (formand)", "Steffen Wich", "Solveig Munk"]


def test_one_apology_in_a_long_list_of_names_is_one_apology():
    names = "Jesper Kjeldsen, Steffen Wich, Gert Bjerregaard, Solveig Munk, Liv Gro Jensen (afbud)"
    meeting = read(with_row(page(), "Deltagere:", names))
    assert meeting.participants == ["Jesper Kjeldsen", "Steffen Wich", "Gert Bjerregaard", "Solveig Munk"]
    assert meeting.absentees == ["Liv Gro Jensen"]


def test_attachments_under_a_heading_that_counts_them_are_attachments():
    original = read(page()).items[0].attachments
    assert len(original) == 2
    assert read(page().replace("<h3>Bilag</h3>", "<h3>Bilag (2)</h3>", 1)).items[0].attachments == original


def test_a_decision_headed_with_the_meeting_s_date_is_the_decision_and_another_day_s_is_history():
    today = read(page().replace("<h3>Beslutninger</h3>", "<h3>Beslutning den 12. januar 2026</h3>", 1))
    assert [s.kind for s in today.items[0].sections if s.text == "Anbefales."] == [SectionKind.DECISION]
    earlier = read(page().replace("<h3>Beslutninger</h3>", "<h3>Beslutning 05.01.2026</h3>", 1))
    assert [s.kind for s in earlier.items[0].sections if s.text == "Anbefales."] == [SectionKind.OTHER]


@pytest.mark.parametrize("form", ["{})", "Pkt. {}"])
def test_item_numbers_written_otherwise_in_the_number_cell_read_as_the_page_does(form):
    html = page()
    for number in (1, 2):
        html = html.replace(f'<span class="label">{number}</span>', f'<span class="label">{form.format(number)}</span>')
    assert html != page()
    read_as = [(i.number, i.title, i.closed, [(s.kind, s.text) for s in i.sections]) for i in read(html).items]
    assert read_as == [(i.number, i.title, i.closed, [(s.kind, s.text) for s in i.sections]) for i in read(page()).items]


def test_participants_as_a_list_are_the_participants_and_an_apology_in_it_an_apology():
    names = "<ul><li>Jesper Kjeldsen (formand)</li><li>Steffen Wich</li><li>Liv Gro Jensen (afbud)</li></ul>"
    meeting = read(with_row(page(), "Mødedeltagere:", names))
    assert (meeting.participants, meeting.absentees) == (["Jesper Kjeldsen (formand)", "Steffen Wich"],
                                                         ["Liv Gro Jensen"])


def test_a_link_that_opens_a_dialog_is_no_participant():
    names = ('<span>Jesper Kjeldsen</span>, <span>Steffen Wich</span> '
             '<a href="#" data-toggle="modal" data-target="#deltager-modal">Se alle deltagere</a>')
    assert read(with_row(page(), "Deltagere:", names)).participants == ["Jesper Kjeldsen", "Steffen Wich"]
