"""A municipality's web page of minutes (an Umbraco-like site) with a sidebar beside the content column, both in a
wrapper: the sidebar (»col-sidebar«: the committee's menu, »Medlemmer«, »Møder 2025« …, and a contact box) is the
site's, and the members' table under the title says who came. Until 2026-12-05 the menu's »Medlemmer« was read as
the participants' label over »Møder 2025«, »Møder 2024«, »Kommissorium«, the table was read as no one (a blank
line after its head row ended it), and the sidebar's lines pushed the line with the time and place out of the
head (a probe of a web page)."""
from __future__ import annotations

import pytest

from corpus.readers import inspect_document

PAGE = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Referat: Ældre- og Sundhedsudvalget</title>
</head><body>
<div class="site-header"><ul class="topmenu"><li><a href="/borger">Borger</a></li><li><a href="/politik">Politik</a></li></ul></div>
<div class="page-wrapper">
<div class="{sidebar}">
  <h4>Ældre- og Sundhedsudvalget</h4>
  <ul class="subnav"><li><a href="/m">Medlemmer</a></li><li><a href="/2025">Møder 2025</a></li>
  <li><a href="/2024">Møder 2024</a></li><li><a href="/k">Kommissorium</a></li></ul>
  <div class="contact-box"><h4>Kontakt sekretariatet</h4><p>Politisk Sekretariat<br>Tlf. 76 54 32 10</p></div>
</div>
<div class="col-content">
<h1>Referat: Ældre- og Sundhedsudvalget</h1>
<p class="manchet">Ordinært møde tirsdag den 3. juni 2025 kl. 16.00 på Plejecenter Lindely, Caféen.</p>
<table class="deltagere"><caption>Deltagere</caption>
<thead><tr><th>Navn</th><th>Funktion</th><th>Fremmøde</th></tr></thead>
<tbody>
<tr><td>Lene Brask (A)</td><td>Formand</td><td>Til stede</td></tr>
<tr><td>Ole Fjord (V)</td><td>Næstformand</td><td>Til stede</td></tr>
<tr><td>Sara Holm (SF)</td><td>Medlem</td><td>Fraværende med afbud</td></tr>
</tbody></table>
<div class="rte">
<h2><span class="punkt-nr">1</span> Godkendelse af dagsorden</h2>
<h3>Beslutning</h3><p>Godkendt.</p>
<h2><span class="punkt-nr">2</span> Kvalitetsstandard for madservice</h2>
<h3>Indstilling</h3><p>Direktionen indstiller, at kvalitetsstandarden godkendes.</p>
<h3>Beslutning</h3><p>Godkendt.</p>
</div></div></div></body></html>"""


@pytest.mark.parametrize("sidebar", ["col-sidebar", "page-sidebar", "sidebar"])
def test_the_sidebar_beside_the_content_is_the_sites_and_the_members_table_says_who_came(sidebar):
    reading = inspect_document(PAGE.replace("{sidebar}", sidebar).encode("utf-8"), "referat.html")
    [meeting] = reading.meetings
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        "Ældre- og Sundhedsudvalget", "2025-06-03", "16:00", "Plejecenter Lindely, Caféen")
    assert meeting.participants == ["Lene Brask (A, Formand)", "Ole Fjord (V, Næstformand)"]
    assert meeting.absentees == ["Sara Holm (SF, Medlem)"]
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Kvalitetsstandard for madservice")]
    assert not any("Møder 2025" in s.text for i in meeting.items for s in i.sections)


def test_a_menu_under_its_medlemmer_link_is_no_list_of_names():
    """Without the sidebar's class the menu stands in the head (the day read from the page's title): its
    »Medlemmer« is no label over names."""
    page = PAGE.replace('class="{sidebar}"', 'class="menu-box"').replace(
        "<title>Referat: Ældre- og Sundhedsudvalget", "<title>Referat: Ældre- og Sundhedsudvalget 3. juni 2025")
    [meeting] = inspect_document(page.encode("utf-8"), "referat.html").meetings
    assert not any("Møder" in name or "Kommissorium" in name for name in meeting.participants)
