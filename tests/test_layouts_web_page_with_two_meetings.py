"""A web page holding a committee's minutes of two meetings (an ordinary and an extraordinary one), each under a
heading naming the committee with its facts in a list (»<li>Dato: mandag den 4. marts 2024</li>«): two meetings,
each with its own day, place and items.

Found on 2026-12-05 by a probe of web minutes: the page was refused for want of a committee (»Økonomiudvalget -
ordinært møde« named none, and facts in a list were not read); as one meeting, the second meeting's head and
items would be the text of the first meeting's last item.
"""
from __future__ import annotations

import pytest

from corpus.readers import read_meetings

MEETING = """<section><h2>Økonomiudvalget - {kind} møde</h2><ul><li>Dato: {day}</li><li>Sted: {place}</li>
<li>Afbud: {away}</li></ul>{items}</section>"""
# the committee alone over the kind and a subtitle, the facts further down (»Byrådet« / »Referat« / »Ordinært møde«)
SUBTITLED = """<section><h2>Økonomiudvalget</h2><h3>Referat</h3><p class="sub">{kind} møde</p><p>Mødet blev holdt
i {place}.</p><ul><li>Dato: {day}</li><li>Sted: {place}</li><li>Afbud: {away}</li></ul>{items}</section>"""
ITEM = "<h3>{n}. {title}</h3><p>Sagsnr.: {case}</p><h4>Beslutning</h4><p>{decision}</p>"


def page(second: bool = True, meeting: str = MEETING) -> bytes:
    first = meeting.format(kind="ordinært", day="mandag den 4. marts 2024 kl. 15.00", place="Byrådssalen",
                           away="Mads Skau (V)", items=ITEM.format(n=1, title="Godkendelse af dagsorden",
                           case="24/3301", decision="Godkendt.") + ITEM.format(
                           n=2, title="Anlægsoversigt 1. kvartal 2024", case="24/1720", decision="Taget til efterretning."))
    other = meeting.format(kind="ekstraordinært", day="mandag den 18. marts 2024 kl. 8.15", place="Borgmesterens kontor",
                           away="Ingen", items=ITEM.format(n=1, title="Tillægsbevilling til vinterberedskab",
                           case="24/2215", decision="Anbefales over for Byrådet."))
    html = (f"<html><body><main><h1>Økonomiudvalget - referater marts 2024</h1>{first}<hr>"
            f"{other if second else ''}</main></body></html>")
    return html.encode("utf-8")


@pytest.mark.parametrize("meeting", [MEETING, SUBTITLED], ids=["kind-in-heading", "subtitled"])
def test_each_meeting_on_the_page_is_read_with_its_own_head_and_items(meeting):
    """(»Ordinært møde« under »Referat« was read as the committee, and the facts five lines under the heading
    were not looked for: one meeting, the second's items the first's last item's text; a before/after probe.)"""
    meetings = read_meetings(page(meeting=meeting), "referater.html")
    assert [(m.body, m.date, m.time, m.location, m.absentees) for m in meetings] == [
        ("Økonomiudvalget", "2024-03-04", "15:00", "Byrådssalen", ["Mads Skau (V)"]),
        ("Økonomiudvalget", "2024-03-18", "08:15", "Borgmesterens kontor", [])]
    assert [[(i.number, i.case_number, i.decision) for i in m.items] for m in meetings] == [
        [(1, "24/3301", "Godkendt."), (2, "24/1720", "Taget til efterretning.")],
        [(1, "24/2215", "Anbefales over for Byrådet.")]]


def test_a_page_with_one_meeting_reads_as_one():
    [meeting] = read_meetings(page(second=False), "referater.html")
    assert (meeting.body, meeting.date, len(meeting.items)) == ("Økonomiudvalget", "2024-03-04", 2)
