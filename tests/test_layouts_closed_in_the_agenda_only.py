"""An item marked closed only in the agenda listed above the items, by its entry (»2. Salg af byggegrund på
Industrivej 14 (lukket)«) or by the closed part's heading over its entry (»Lukkede punkter« / »2. …«), is closed
though its own heading says nothing: until 2026-12-05 it was read as open and its decision published (a probe of
typed minutes). An entry naming another item, or an open part's entry, closes nothing.
"""
from __future__ import annotations

import pytest

from corpus.readers import read_meetings

MINUTES = """Teknik- og Miljøudvalget
Referat af møde 12. maj 2025 kl. 8.00

{agenda}

1. Godkendelse af dagsorden
Beslutning: Godkendt.

2. Salg af byggegrund på Industrivej 14
Beslutning: Anbefales over for Økonomiudvalget.

3. Eventuelt
Beslutning: Intet.
"""


@pytest.mark.parametrize("agenda, closed", [
    ("Dagsorden\n1. Godkendelse af dagsorden\n2. Salg af byggegrund på Industrivej 14 (lukket)\n3. Eventuelt",
     [False, True, False]),
    ("Dagsorden\n1. Godkendelse af dagsorden\n2. Lukket punkt: Salg af byggegrund på Industrivej 14\n3. Eventuelt",
     [False, True, False]),
    ("Åbne punkter\n1. Godkendelse af dagsorden\n3. Eventuelt\nLukkede punkter\n2. Salg af byggegrund på Industrivej 14",
     [False, True, False]),
    ("Dagsorden\n1. Godkendelse af dagsorden\n2. Salg af byggegrund på Industrivej 14\n3. Eventuelt",
     [False, False, False]),
    ("Dagsorden\n1. Godkendelse af dagsorden\n2. Vejnavne i Nordby (lukket)\n3. Eventuelt", [False, False, False]),
    # entries numbered without a dot, the marker after a dash (a probe of extracted text, 2026-12-05: open)
    ("Dagsorden\n1 Godkendelse af dagsorden\n2 Salg af byggegrund på Industrivej 14 – Lukket punkt\n3 Eventuelt",
     [False, True, False]),
])
def test_an_item_the_agenda_marks_closed_is_closed(agenda, closed):
    [meeting] = read_meetings(MINUTES.format(agenda=agenda).encode("utf-8"), "referat.txt")
    assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden", "Salg af byggegrund på Industrivej 14",
                                                "Eventuelt"]
    assert [i.closed for i in meeting.items] == closed
