"""Who came and who sent apologies is searchable: »<name> afbud« finds the meeting, and the item view says it."""
from __future__ import annotations

from search.request import SearchRequest


def test_a_name_with_afbud_finds_the_meeting_with_that_apology(engine, client):
    meetings = [m for m in engine.store.meetings() if m.absentees]
    assert meetings
    for meeting in meetings:
        name = meeting.absentees[0].split("(")[0].strip()
        request = SearchRequest.build(q=f"{name} afbud", mode="keyword", limit=3, settings=engine.settings)
        hits = engine.search(request)["hits"]
        assert hits and hits[0]["meeting_id"] == meeting.id, (name, [h["meeting_id"] for h in hits])
        view = client.get(f"/items/{hits[0]['id']}").json()
        assert view["absentees"] == meeting.absentees and view["participants"] == meeting.participants


def test_attendance_is_indexed_once_per_meeting(engine):
    items = list(engine.store.iter_items())
    with_attendance = [s for s in items if s.attendance]
    meetings_with_people = {m.id for m in engine.store.meetings() if m.participants or m.absentees}
    assert {s.meeting_id for s in with_attendance} == meetings_with_people
    assert len(with_attendance) == len(meetings_with_people)  # on each meeting's first item only
