"""A council's minutes repeat the committees' decisions on the case under headings dated at their meetings
(»Økonomiudvalgets beslutning den 13.05.24«, »… d. 13. maj 2024«): those are the case's history, and this
meeting's decision is the one dated at it. Before, a heading dated with a two-digit year was read as this
meeting's decision, and one written »d.« was no heading at all (it and its text were glued into the section
above)."""
from __future__ import annotations

import pytest

from corpus.model import SectionKind
from corpus.readers import inspect_document

MINUTES = """Byrådet

Referat
Mødedato: 22.05.2024 kl. 19.00
Mødested: Byrådssalen

1. Salg af erhvervsjord i Hørning
Sagsnr.: 24/1200
Resumé
Et firma ønsker at købe 4 ha erhvervsjord.
{earlier}
Anbefales over for byrådet.
Byrådets beslutning den 22.05.2024
Godkendt.

2. Eventuelt
Beslutning
Intet.
"""


@pytest.mark.parametrize("earlier", ["Økonomiudvalgets beslutning den 13.05.24",
                                     "Økonomiudvalgets beslutning d. 13. maj 2024",
                                     "Økonomiudvalgets beslutning den 13.05.2024"])
def test_a_committees_earlier_decision_is_history_and_this_meetings_the_decision(earlier):
    [meeting] = inspect_document(MINUTES.format(earlier=earlier).encode(), "referat.txt").meetings
    item = meeting.items[0]
    assert item.decision == "Godkendt."
    assert [(s.kind, s.heading, s.text) for s in item.sections if s.heading == earlier] == [
        (SectionKind.OTHER, earlier, "Anbefales over for byrådet.")]
