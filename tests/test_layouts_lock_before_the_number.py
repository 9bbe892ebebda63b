"""A lock icon before an item's number (»🔒 2. Forlig i voldgiftssag«, as a portal's heading or accordion button
prints it) marks the item closed, as one after the title does: until 2026-12-05 the heading was not read as an
item's, so the closed item's decision was published as the end of the open item above it (a probe of portal pages
found it by a public keyword search).
"""
from __future__ import annotations

import pytest

from corpus.readers import read_meetings

PAGE = """<html><body>
<h1>Referat - Regionsrådet</h1>
<p>Mødedato: 26.02.2025</p>
<h2>{one}Buslinjer</h2>
<h3>Beslutning</h3><p>Linje 117 nedlægges.</p>
<h2>{lock}{two}Forlig i voldgiftssag</h2>
<h3>Beslutning</h3><p>Regionsrådet godkendte forliget.</p>
<h2>{three}Eventuelt</h2>
<h3>Beslutning</h3><p>Intet.</p>
</body></html>"""
LOCKS = ["🔒 ", '<span class="lock" role="img" aria-label="Lukket punkt">🔒</span> ']
FORMS = ["{n}. ", '<span class="no">{n}</span> ', "Punkt {n}: "]  # each page numbers all its items one way


@pytest.mark.parametrize("lock", LOCKS)
@pytest.mark.parametrize("form", FORMS)
def test_a_lock_before_the_number_closes_the_item(lock, form):
    html = PAGE.format(one=form.format(n=1), lock=lock, two=form.format(n=2), three=form.format(n=3))
    [meeting] = read_meetings(html.encode("utf-8"), "referat.html")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Buslinjer", False), (2, "Forlig i voldgiftssag", True), (3, "Eventuelt", False)]
    assert meeting.items[0].decision == "Linje 117 nedlægges."


def test_a_lock_before_the_number_in_typed_minutes_closes_the_item():
    text = ("Regionsrådet\nReferat\nMødedato: 26.02.2025\n\n1. Buslinjer\nBeslutning\nLinje 117 nedlægges.\n\n"
            "🔒 2. Forlig i voldgiftssag\nBeslutning\nRegionsrådet godkendte forliget.\n")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    assert [(i.title, i.closed) for i in meeting.items] == [("Buslinjer", False), ("Forlig i voldgiftssag", True)]
