"""Minutes that list the agenda and then take up each point as »Ad 1.«, »Ad 2.« alone on a line, the titles only in
the agenda, as a lokalråd's or an association's typed minutes do: each »Ad N.« is its agenda point's item, titled
from the list. Until 2026-12-05 such minutes were refused (»no agenda items found«), or read as one item with item
1's decision filed under item 2 (a probe of typed minutes).
"""
from __future__ import annotations

import pytest

from corpus.readers import ReaderError, inspect_document

MINUTES = """Lokalrådet for Hvidebæk
Referat af bestyrelsesmøde mandag den 2. juni 2025 kl. 19.00
Til stede: Ole Sørensen, Karin Juhl, Bent Nygaard

Dagsorden:
1. Valg af ordstyrer
2. Trafiksikkerhed på Hovedgaden
3. Sankthansfest
4. Eventuelt

Ad 1.
{one}

Ad 2.
{two}

Ad 3.
Bålet tændes kl. 21. Karin køber pølser.

Ad 4.
Intet.
"""


@pytest.mark.parametrize("one, two", [
    ("Ole blev valgt.", "Vi skriver til kommunen om en fodgængerovergang ved skolen."),
    ("Beslutning: Ole blev valgt.", "Beslutning: Vi skriver til kommunen om en fodgængerovergang ved skolen."),
])
def test_each_ad_point_is_its_agenda_points_item(one, two):
    reading = inspect_document(MINUTES.format(one=one, two=two).encode("utf-8"), "referat.txt")
    [meeting] = reading.meetings
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Valg af ordstyrer"), (2, "Trafiksikkerhed på Hovedgaden"), (3, "Sankthansfest"), (4, "Eventuelt")]
    assert "Ole blev valgt." in meeting.items[0].sections[0].text
    assert "fodgængerovergang" in meeting.items[1].sections[0].text
    assert {"Ad 1.", "Ad 4."} <= {d.text for d in reading.dropped}  # (every word accounted for)


def test_ad_points_without_their_agenda_entries_are_no_items():
    """With point 3 missing from the list, no »Ad N.« takes a title: the minutes are refused, as before, with the
    reason, rather than read with a title made up."""
    text = MINUTES.format(one="Ole blev valgt.", two="Vi skriver.").replace("3. Sankthansfest\n", "")
    with pytest.raises(ReaderError, match="no agenda items found"):
        inspect_document(text.encode("utf-8"), "referat.txt")
