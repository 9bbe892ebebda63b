"""A municipality's own theme around FirstAgenda's minutes: each item's row of tools (»Udskriv punkt · Hent som PDF ·
Kopier link«), a »Tilbage til oversigten« link under the items, a file-type badge before an attachment's name and
its size after it (»<span class="file-type">PDF</span> Forslag …«, »<span class="fa-filesize">(245 KB)</span>«), a
feedback box (»Fandt du det, du søgte?«), and labels written with their colon in an element of their own (»<span
class="fa-label">Sted:</span> …«).

Found on 2026-12-06 by fresh probes of two councils' sites: the tools stood in every item's decision and as an
attachment, the badges in the attachments' names, the feedback box in the last item, and the place was »:
Mødelokale …«.
"""
from __future__ import annotations

from corpus.readers import inspect_document

PAGE = """<!doctype html><html lang="da"><head><title>Referat</title></head><body>
<main>
<h1 class="fa-meeting-committee">By- og Udviklingsudvalget</h1>
<ul class="fa-meeting-facts">
  <li><span class="fa-label">Dato:</span> Tirsdag den 6. maj 2025</li>
  <li><span class="fa-label">Tid:</span> 15:30</li>
  <li><span class="fa-label">Sted:</span> Mødelokale 2, Rådhuset</li>
</ul>
<div class="agenda">
  <div class="agenda-item"><h2>1. Godkendelse af dagsorden</h2>
    <h3>Beslutning</h3><p>Godkendt.</p>
    <div class="agenda-item__tools"><a href="#p1" class="tool-link">Udskriv punkt</a>
      <a href="#" class="tool-link">Hent som PDF</a> <a href="#" class="tool-link">Kopier link</a></div></div>
  <div class="agenda-item"><h2>2. Lokalplan for boliger ved Fjordvej</h2>
    <p>Sagsnr.: 25/1234</p>
    <h3>Beslutning</h3><p>Anbefales.</p>
    <h3>Bilag</h3><ul>
      <li><a class="attachment-link" href="/bilag/1"><span class="file-type">PDF</span> Forslag til lokalplan 0421-13</a>
        <span class="fa-filesize">(245 KB)</span></li></ul>
    <div class="agenda-item__tools"><a href="#p2" class="tool-link">Udskriv punkt</a>
      <a href="#" class="tool-link">Hent som PDF</a> <a href="#" class="tool-link">Kopier link</a></div></div>
</div>
<p class="meeting__back"><a href="/">Tilbage til oversigten</a></p>
<aside class="hk-feedback"><p>Fandt du det, du søgte?</p><button>Ja</button><button>Nej</button></aside>
</main></body></html>"""


def test_an_item_s_tools_badges_and_the_page_s_feedback_box_are_furniture():
    [meeting] = inspect_document(PAGE.encode("utf-8"), "referat.html").meetings
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        "By- og Udviklingsudvalget", "2025-05-06", "15:30", "Mødelokale 2, Rådhuset")
    first, second = meeting.items
    assert first.decision == "Godkendt." and second.decision == "Anbefales."
    assert second.attachments == ["Forslag til lokalplan 0421-13"]
    text = " ".join(s.text for item in meeting.items for s in item.sections)
    for furniture in ("Udskriv", "Kopier link", "Hent som PDF", "Tilbage til", "Fandt du", "245 KB"):
        assert furniture not in text
