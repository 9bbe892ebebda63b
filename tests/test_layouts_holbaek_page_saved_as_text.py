"""Holbæk's agenda page saved as text: labels in capitals over their values (»UDVALG« / »Kultur- og
Fritidsudvalget«, »STARTTIDSPUNKT« / »14-05-2024 15:30:00«), the items listed under »PUNKTER«, then each item as
»49. Title«, the title again, »Sagsgang og sagstype« with the committees and the kind of case, and its sections.
The open items of tests/layouts/punkt-style-kultur.txt written so read as the sample does.

Found on 2026-12-04 by writing that sample so: the file was refused (»no agenda items found«), as no section of
the item's own kinds stood within three lines of its heading; the title repeated under the heading would have
been the item's text.
"""
from __future__ import annotations

from pathlib import Path

from corpus.model import SectionKind
from corpus.readers import read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
FIRST = 49  # the year's running number of the first item


def holbaek(meeting) -> str:
    items = [i for i in meeting.items if not i.closed]
    head = ["UDVALG", meeting.body, "MØDE", "Referat", "STED", meeting.location, "STARTTIDSPUNKT",
            "14-05-2024 15:30:00", "SLUTTIDSPUNKT", "14-05-2024 17:00:00", "", "PUNKTER"]
    head += [f"{FIRST - 1 + i.number}. {i.title}" for i in items]
    out = ["\n\n".join(head[:-len(items) - 1]), "\n".join(head[-len(items) - 1:])]
    for i in items:
        sections = "\n".join(f"{s.heading}\n\n{s.text}" for s in i.sections)
        out.append(f"{FIRST - 1 + i.number}. {i.title}\n\n{i.title}\nSagsgang og sagstype\n\n{meeting.body}\n\n"
                   f"Beslutningssag\n\n{sections}")
    return "\n\n\n".join(out) + "\n"


def test_the_page_saved_as_text_reads_as_the_sample():
    [sample] = read_meetings(MINUTES.read_bytes(), MINUTES.name)
    [meeting] = read_meetings(holbaek(sample).encode("utf-8"), "dagsorden.txt")
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        sample.body, sample.date, sample.time, sample.location)
    open_items = [i for i in sample.items if not i.closed]
    assert [(i.number - FIRST + 1, i.title, i.closed) for i in meeting.items] == [
        (i.number, i.title, False) for i in open_items]
    for item, written in zip(meeting.items, open_items):
        assert item.sections[0].heading == "Sagsgang og sagstype"
        assert item.sections[0].kind is SectionKind.OTHER
        assert [(s.kind, s.text) for s in item.sections[1:]] == [(s.kind, s.text) for s in written.sections]
