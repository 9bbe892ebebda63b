"""The FirstAgenda web page's »Mødedeltagere:« cell holds one <div> a person, an apology written after the name
(»Mikkel Dahl (V) - afbud«). Aarhus's published page leaves the cell empty; a page that fills it gave no
participants and no apologies (the names, one to a block, ended at the first blank line)."""
from __future__ import annotations

from conftest import MORE, need, what_was_read

from corpus.readers import inspect_document

PAGE = MORE / "aarhus-teknisk-udvalg-2025-10-01-referat.html"
CELL = '<td class="deltagere"></td>'


def read(html: str):
    return inspect_document(html.encode("utf-8"), PAGE.name).meetings


def test_the_participants_cell_gives_who_attended_and_who_sent_apologies():
    need(PAGE)
    html = PAGE.read_text(encoding="utf-8")
    assert html.count(CELL) == 1
    filled = html.replace(CELL, '<td class="deltagere"><div>Anne Vinther (A)</div><div>Lars Holm (Ø)</div>'
                                '<div>Mikkel Dahl (V) - afbud</div></td>')
    [meeting], [before] = read(filled), read(html)
    assert (meeting.participants, meeting.absentees) == (["Anne Vinther (A)", "Lars Holm (Ø)"], ["Mikkel Dahl (V)"])
    assert what_was_read([meeting])[0][6] == what_was_read([before])[0][6]  # the items as before


def test_one_person_in_the_cell_is_read_too():
    need(PAGE)
    html = PAGE.read_text(encoding="utf-8")
    [meeting] = read(html.replace(CELL, '<td class="deltagere"><div>Anne Vinther (A)</div></td>'))
    assert (meeting.participants, meeting.absentees) == (["Anne Vinther (A)"], [])
