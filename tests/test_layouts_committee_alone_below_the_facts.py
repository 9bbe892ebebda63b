"""The committee's name alone on a line of the head, below a box of the meeting's facts (»Referat« / »Mødefakta« /
»Dato: …« / »Handicaprådet«, as a Word template's text box puts it), or below a list of other meetings a page
opens with, names the meeting where no title or label does. Until 2026-12-05 the box's heading »Mødefakta« was
read as the committee, or the file was refused, or named after its file (probes of Word minutes and a web page).
"""
from __future__ import annotations

import pytest

from corpus.readers import ReaderError, inspect_document

ITEMS = "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning\nIntet.\n"


@pytest.mark.parametrize("box", ["Mødefakta", "Mødeoplysninger", "Praktiske oplysninger"])
def test_the_committee_below_a_box_of_facts_names_the_meeting(box):
    text = f"Referat\n{box}\nDato: 03.02.2025\nTid: 14.00-16.00\nSted: Sundhedshuset\nHandicaprådet\n{ITEMS}"
    [meeting] = inspect_document(text.encode("utf-8"), "referat.txt").meetings
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        "Handicaprådet", "2025-02-03", "14:00", "Sundhedshuset")


def test_a_page_opening_with_other_meetings_is_named_by_its_heading():
    html = ('<html><body><div><h3>Seneste møder</h3><ul><li><a href="/1">Børne- og Skoleudvalget 01-04-2025</a></li>'
            '<li><a href="/2">Byrådet 27-03-2025</a></li></ul></div><h1>Økonomiudvalget</h1><table><tr><td>Dato:</td>'
            '<td>Onsdag den 2. april 2025</td></tr></table><h3>1. Godkendelse af dagsorden</h3><p><b>Beslutning:</b>'
            '</p><p>Godkendt.</p><h3>2. Regnskab 2024</h3><p>Sagsnr.: 00.30.14-Ø00-2-25</p><p><b>Beslutning:</b></p>'
            '<p>Anbefales.</p></body></html>')
    [meeting] = inspect_document(html.encode("utf-8"), "page.html").meetings
    assert (meeting.body, meeting.date) == ("Økonomiudvalget", "2025-04-02")


@pytest.mark.parametrize("line", ["Greve Kommune", "Mødefakta"])
def test_a_municipality_or_the_box_s_heading_alone_names_no_committee(line):
    text = f"Referat\nDato: 03.02.2025\n{line}\n{ITEMS}"
    with pytest.raises(ReaderError, match="could not find the committee"):
        inspect_document(text.encode("utf-8"), "referat.txt")
