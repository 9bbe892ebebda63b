"""An item whose announcements are numbered 1, 2, 3 … (eDoc's »Meddelelser«, each with its own Bilag), above
items numbered 2, 3 … with their case numbers. Before, the announcements took the items' numbers: Ballerup's
minutes read as »Meddelelser« and four announcements as items 2–5, the real items 2–5 folded into the fifth,
and each announcement after a Bilag list became an attachment. Now, of two runs of numbers as long, the one
with more of an item's marks (a case number under the heading) is the items', and a numbered point ends an
attachment list that it does not go on from. The points of a list are lines of their own."""
from __future__ import annotations

import re

from conftest import OS2, need

from corpus.parse import parse_minutes_text
from corpus.readers.pdf_reader import extract_text
from test_read_pdf import TITLES

BALLERUP = OS2 / "edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04" / "1552814.PDF"


def numbered_announcements() -> tuple[str, list[str]]:
    """The Ballerup minutes as printed, with item 1's lettered announcements (»a. Møder og konferencer«)
    numbered instead, as other eDoc minutes number them; and the announcements."""
    text = extract_text(need(BALLERUP).read_bytes())
    lettered = re.compile(r"^([a-e])\. (.+)$", re.MULTILINE)
    announcements = [m.group(2) for m in lettered.finditer(text)]
    assert len(announcements) == 5
    return lettered.sub(lambda m: f"{ord(m.group(1)) - ord('a') + 1}. {m.group(2)}", text), announcements


def test_numbered_announcements_do_not_take_the_items_numbers():
    text, _ = numbered_announcements()
    meeting, = parse_minutes_text(text, BALLERUP.name)
    assert [(i.number, i.title) for i in meeting.items] == list(enumerate(TITLES, start=1))
    assert meeting.items[1].case_number == "2012-28504"


def test_each_announcement_is_a_line_of_item_1_and_no_attachment():
    text, announcements = numbered_announcements()
    meeting, = parse_minutes_text(text, BALLERUP.name)
    first = meeting.items[0]
    lines = {line for s in first.sections for line in s.text.split("\n")}
    assert {f"{n}. {a}" for n, a in enumerate(announcements, start=1)} <= lines
    assert first.attachments and all(re.match(r"^2012-\d+ - ", a) for a in first.attachments)


def test_attachments_numbered_through_the_meeting_stay_attachments():
    """Minutes that number the meeting's attachments in one run: item 3's Bilag opens at »3.«."""
    from conftest import VARIANTS
    from corpus.readers import read_meetings

    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8").replace(
        "Beslutning\nGodkendt.\nSide 2 af 3", "Beslutning\nGodkendt.\nBilag\n3. Takstoversigt 2026\n4. Notat\nSide 2 af 3")
    item = read_meetings(text.encode(), path.name)[0].items[2]
    assert item.attachments == ["3. Takstoversigt 2026", "4. Notat"]
