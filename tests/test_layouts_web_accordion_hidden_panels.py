"""An accordion's panels hidden until their button opens them (»<button aria-expanded="false" aria-controls="p2">2
Buslinjer</button>« / »<div id="p2" hidden>…«) are the items' text: until 2026-12-05 a hidden element was always
page furniture, so a page with every panel closed was refused (»no agenda items found«) and one with the first
open lost the rest (a probe of portal pages). Hidden elements no control opens, holding no heading (a dialog's
text, an icon's label for screen readers), are still furniture.
"""
from __future__ import annotations

import pytest

from corpus.model import DropReason
from corpus.readers import inspect_document

PAGE = """<html><body>
<h1>Referat fra Regionsrådets møde</h1>
<p>Onsdag den 26. februar 2025 kl. 13.00</p>
<h3><button aria-expanded="{first}" aria-controls="p1">1 Hospitalsplan</button></h3>
<div id="p1"{hidden1}><p><strong>Beslutning</strong></p><p>Godkendt med 38 stemmer.</p></div>
<h3><button aria-expanded="false" aria-controls="p2">2 Buslinjer</button></h3>
<div id="p2" {how}><p><strong>Beslutning</strong></p><p>Linje 117 nedlægges.</p></div>
<div hidden><p>Du er ved at forlade siden.</p></div>
</body></html>"""


@pytest.mark.parametrize("how", ["hidden", 'aria-hidden="true"'])
@pytest.mark.parametrize("first_open", [True, False])
def test_panels_a_button_opens_are_the_items_text_while_hidden(how, first_open):
    html = PAGE.format(first="true" if first_open else "false", hidden1="" if first_open else " hidden", how=how)
    reading = inspect_document(html.encode("utf-8"), "referat.html")
    [meeting] = reading.meetings
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (1, "Hospitalsplan", "Godkendt med 38 stemmer."), (2, "Buslinjer", "Linje 117 nedlægges.")]
    assert [d.text for d in reading.dropped if d.reason is DropReason.WEB_FURNITURE] == ["Du er ved at forlade siden."]
