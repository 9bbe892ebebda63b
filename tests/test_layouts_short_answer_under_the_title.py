"""What an item with no section says right under its title, a decision without a full stop (»Godkendt«, »Ingen
bemærkninger«, »-«), is its text, not the title's wrapped words; a presenter on a line of its own under the title
(»v/ Sofie Holm«) is the item's presenter. Until 2026-12-05 each was glued to the title (»Eventuelt Ingen
bemærkninger«, »Nyt fra elevrådet v/ Sofie Holm« with no presenter; a probe of typed minutes). A title wrapped in
a narrow column (»Ny skolestruktur i« / »Vestbyen - høring«) still goes on: tests/test_layouts.py.
"""
from __future__ import annotations

import pytest

from corpus.readers import read_meetings

MINUTES = """Ældrerådet
Referat af møde 3. marts 2025 kl. 14.00

1. Godkendelse af referat
{answer}

2. Nyt fra elevrådet
v/ Sofie Holm
Elevrådet har holdt valg.

3. Eventuelt
{answer}
"""


@pytest.mark.parametrize("answer", ["Godkendt", "Ingen bemærkninger", "-", "Taget til efterretning"])
def test_a_short_answer_under_a_title_is_the_items_text(answer):
    [meeting] = read_meetings(MINUTES.format(answer=answer).encode("utf-8"), "referat.txt")
    assert [(i.title, i.presenter) for i in meeting.items] == [
        ("Godkendelse af referat", None), ("Nyt fra elevrådet", "Sofie Holm"), ("Eventuelt", None)]
    assert [s.text for s in meeting.items[2].sections] == [answer]
