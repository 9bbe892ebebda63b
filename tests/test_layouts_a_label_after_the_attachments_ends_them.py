"""A section's label with its text under the attachments (»Bilag: Udkast til principper for lektier« /
»Beslutning: Maja skriver et høringssvar.«, a school board's typed minutes) is that section, also where the next
line is the next item's »2. Eventuelt«, which is shaped as a numbered attachment. Until 2026-12-05 the decision
was a second attachment title and the item had none (a probe of a school board's minutes)."""
from __future__ import annotations

import pytest

from corpus.readers import inspect_document

MINUTES = """Skolebestyrelsen ved Egeskov Skole
Referat af møde tirsdag den 5. marts 2024

1. Principper for lektier
Indstilling: Ledelsen foreslår, at bestyrelsen drøfter principperne.
{bilag}
Beslutning: Maja skriver et høringssvar.
{after}
2. Eventuelt
Beslutning: Intet.
"""


@pytest.mark.parametrize("bilag", ["Bilag: Udkast til principper for lektier",
                                   "Bilag:\nUdkast til principper for lektier",
                                   "Bilag:\n1. Udkast til principper for lektier"])
@pytest.mark.parametrize("after", ["", "\n"])
def test_the_decision_under_the_attachments_is_the_decision(bilag, after):
    [meeting] = inspect_document(MINUTES.format(bilag=bilag, after=after).encode("utf-8"), "skole.txt").meetings
    item = meeting.items[0]
    assert item.decision == "Maja skriver et høringssvar."
    assert [a.removeprefix("1. ") for a in item.attachments] == ["Udkast til principper for lektier"]


def test_an_attachment_titled_as_a_section_stays_an_attachment():
    """A title alone that a heading's word opens (»Beslutning fra Byrådet«) above another title is still one."""
    text = MINUTES.format(bilag="Bilag:\nBeslutning fra Byrådet\nUdkast til principper for lektier",
                          after="").replace("Beslutning: Maja skriver et høringssvar.\n", "")
    [meeting] = inspect_document(text.encode("utf-8"), "skole.txt").meetings
    assert meeting.items[0].attachments == ["Beslutning fra Byrådet", "Udkast til principper for lektier"]
