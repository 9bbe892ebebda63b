"""A web page whose items are the entries of an ordered list, each opening with its title in a heading and numbered
only by the list (»<ol start="5"><li><h2>Takster for affaldshåndtering</h2>…«, the browser printing »5.«), reads
with those numbers: until 2026-12-05 it was refused (»no agenda items found«; a probe of portal pages). A list's
entries without a heading (a decision's points) stay its text.
"""
from __future__ import annotations

from corpus.readers import read_meetings

PAGE = """<html><body>
<h1>Kommunalbestyrelsen – Referat</h1>
<p>Dato: 27. februar 2025</p>
<ol start="{start}">
<li><h2>Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></li>
<li><h2>Takster for affaldshåndtering</h2><h3>Beslutning</h3><p>Godkendt med 21 stemmer. Der lægges vægt på:</p>
<ol><li>Lavere takst for sommerhuse</li><li>Ens takst for erhverv</li></ol></li>
<li value="{value}"><h2>Eventuelt</h2><h3>Beslutning</h3><p>Intet.</p></li>
</ol>
</body></html>"""


def test_items_numbered_by_an_ordered_list_are_read_with_its_numbers():
    [meeting] = read_meetings(PAGE.format(start=5, value=9).encode("utf-8"), "referat.html")
    assert [(i.number, i.title) for i in meeting.items] == [
        (5, "Godkendelse af dagsorden"), (6, "Takster for affaldshåndtering"), (9, "Eventuelt")]
    assert "Lavere takst for sommerhuse" in meeting.items[1].decision
