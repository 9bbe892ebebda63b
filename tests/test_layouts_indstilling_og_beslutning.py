"""»INDSTILLING OG BESLUTNING«, the heading Copenhagen's minutes set over what the administration recommends (its
decision under »BESLUTNING« after), is the recommendation. Until 2026-12-05 it was no heading: in minutes of two
items, item 1 with that heading and the recommendation's »1. at …« points under its title was taken for front
matter and lost; with more items the section was read as untitled text (probes of Copenhagen's minutes)."""
from __future__ import annotations

import pytest

from corpus.model import SectionKind
from corpus.readers import inspect_document

MINUTES = """Referat – Teknik- og Miljøudvalget – 4. marts 2024

1. Cykelsti langs Amagerbrogade
{heading}
Teknik- og Miljøforvaltningen indstiller over for Økonomiudvalget og Borgerrepræsentationen,
1. at der gives en anlægsbevilling på 14,2 mio. kr.,
2. at projektet udføres i 2024-2025.
BESLUTNING
Indstillingen blev godkendt.

2. Eventuelt
BESLUTNING
Intet.
"""


@pytest.mark.parametrize("heading", ["INDSTILLING OG BESLUTNING", "Indstilling og beslutning"])
def test_the_heading_over_the_recommendation_is_the_recommendation(heading):
    [meeting] = inspect_document(MINUTES.format(heading=heading).encode("utf-8"), "tmu.txt").meetings
    assert [(i.number, i.title) for i in meeting.items] == [(1, "Cykelsti langs Amagerbrogade"), (2, "Eventuelt")]
    item = meeting.items[0]
    assert "anlægsbevilling på 14,2 mio. kr." in item.text_of(SectionKind.RECOMMENDATION)
    assert item.decision == "Indstillingen blev godkendt."
