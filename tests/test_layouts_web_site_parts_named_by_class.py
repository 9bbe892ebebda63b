"""A site's menu and footer named only by their class (»<ul class="menu">«, »<div class="footer">«), as older and
hand-made sites write them, are page furniture as <nav> and <footer> are: until 2026-12-05 a menu above the
committee's heading made the page refused (»could not find the committee«) and a footer was read as the last
item's decision (a probe of portal pages). An item's own part so named (»item-footer«) stays its text.
"""
from __future__ import annotations

from corpus.model import DropReason
from corpus.readers import inspect_document

PAGE = """<html><body>
<div class="header"><a href="/">Bakkedal Kommune</a>
<ul class="menu"><li><a href="/borger">Borger</a></li><li><a href="/politik">Politik</a></li></ul></div>
<h1>Miljø- og Klimaudvalget</h1>
<p>Referat</p>
<p>Dato: 12-03-2025 kl. 08:30</p>
<h2>1. Klimahandleplan</h2>
<h3>Beslutning</h3><p>Taget til efterretning.</p>
<div class="item-footer"><p>Sagen genoptages i juni.</p></div>
<div class="footer">
<p>Bakkedal Kommune | Torvet 10 | 8800 Bakkedal</p>
<p><a href="/cookies">Cookies</a> · <a href="/was">Tilgængelighedserklæring</a></p>
</div>
</body></html>"""


def test_a_sites_menu_and_footer_named_by_class_are_furniture():
    reading = inspect_document(PAGE.encode("utf-8"), "4413.html")
    [meeting] = reading.meetings
    assert meeting.body == "Miljø- og Klimaudvalget"
    [item] = meeting.items
    assert item.decision.split() == "Taget til efterretning. Sagen genoptages i juni.".split()
    furniture = " ".join(d.text for d in reading.dropped if d.reason is DropReason.WEB_FURNITURE)
    assert "Borger" in furniture and "Torvet 10" in furniture
