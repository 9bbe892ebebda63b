"""A web page that sets the minutes out in tabs (»Dagsorden | Deltagere | Dokumenter«, role="tabpanel", the panels
after the first hidden): the tabs are views side by side, so the panel with the items is the minutes, and who
attended (a members' table in its own panel) is the meeting's. Until 2026-12-05 the panels after the items were
the last item's text: the members' table and »Samlet referat (PDF)« were item 4's, and no one attended (a probe of
a page with tabs and <details> cards)."""
from __future__ import annotations

import pytest

from corpus.readers import inspect_document

PAGE = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Teknik- og Miljøudvalget</title></head>
<body><main><h1>Teknik- og Miljøudvalget - referat</h1>
<dl><dt>Dato</dt><dd>12-03-2025</dd><dt>Start</dt><dd>16:00</dd><dt>Sted</dt><dd>Rådhuset</dd></dl>
<div class="tabs"><div role="tablist">
<button role="tab" aria-selected="true" aria-controls="p1">Dagsorden</button>
<button role="tab" aria-selected="false" aria-controls="p2">Deltagere</button>
<button role="tab" aria-selected="false" aria-controls="p3">Dokumenter</button></div>
<div role="tabpanel" id="p1">{items}</div>
<div role="tabpanel" id="p2" hidden><table><tr><th>Medlem</th><th>Fremmøde</th></tr>
<tr><td>Anne Vind (A), formand</td><td>Deltog</td></tr><tr><td>Bo Krog (V)</td><td>Deltog</td></tr>
<tr><td>Eva Strøm (B)</td><td>Afbud</td></tr></table></div>
<div role="tabpanel" id="p3" hidden><ul><li><a href="/r.pdf">Samlet referat (PDF)</a></li></ul></div>
</div></main></body></html>"""

HEADINGS = ("<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
            "<h2>2. Cykelsti langs Skolevej</h2><h3>Indstilling</h3><p>Forvaltningen indstiller, at projektet godkendes.</p>"
            "<h3>Beslutning</h3><p>Godkendt. Arbejdet begynder i august.</p>")
CARDS = ('<details open><summary><span class="no">1</span><span class="title">Godkendelse af dagsorden</span></summary>'
         '<div><h3>Beslutning</h3><p>Godkendt.</p></div></details>'
         '<details><summary><span class="no">2</span><span class="title">Cykelsti langs Skolevej</span></summary>'
         '<div><h3>Indstilling</h3><p>Forvaltningen indstiller, at projektet godkendes.</p></div>'
         '<div><h3>Beslutning</h3><p>Godkendt. Arbejdet begynder i august.</p></div></details>')


@pytest.mark.parametrize("items", [HEADINGS, CARDS], ids=["headings", "details cards"])
def test_who_attended_in_a_tab_of_its_own_is_the_meetings_not_the_last_items(items):
    [meeting] = inspect_document(PAGE.format(items=items).encode("utf-8"), "referat.html").meetings
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        "Teknik- og Miljøudvalget", "2025-03-12", "16:00", "Rådhuset")
    assert meeting.participants == ["Anne Vind (A, formand)", "Bo Krog (V)"]
    assert meeting.absentees == ["Eva Strøm (B)"]
    last = meeting.items[-1]
    assert (last.number, last.title, last.decision) == (2, "Cykelsti langs Skolevej",
                                                        "Godkendt. Arbejdet begynder i august.")
    assert last.attachments == []


@pytest.mark.parametrize("title", ["3 Salg af kommunal ejendom – Lukket", "3 Salg af kommunal ejendom"])
def test_a_last_card_with_its_notice_alone_is_an_item_of_its_own(title):
    """A card's title »3 Salg af kommunal ejendom – Lukket« with only »Punktet er lukket for offentligheden.« under
    it: a bare number and title set as a heading element (here a <summary>) is an item although prose alone stands
    under it; it was read as a heading in item 2's text, under that open item (a probe of a page with <details>
    cards, 2026-12-05). »Punktet er lukket for offentligheden.« says the item is closed, as »Punktet er lukket.«
    does."""
    cards = CARDS + (f'<details><summary><span class="no">3</span> {title[2:]}</summary>'
                     '<p>Punktet er lukket for offentligheden.</p></details>')
    [meeting] = inspect_document(PAGE.format(items=cards).encode("utf-8"), "referat.html").meetings
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Cykelsti langs Skolevej"), (3, "Salg af kommunal ejendom")]
    assert meeting.items[2].closed  # (by its title's marker, or by the notice alone)
    assert not any("Salg af kommunal ejendom" in s.heading or "lukket for" in s.text for s in meeting.items[1].sections)
