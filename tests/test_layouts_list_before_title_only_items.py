"""A numbered list ending an item's text (»Der skal lægges vægt på:« / »1. Trafiksikkerhed« / »2. Klasseloft« /
»3. Økonomi«) holds the number of the item after it, and the items after it that have no section or case number
under them (a closed item's title alone, »Eventuelt« / »Intet.«, a title over prose) are still the items: the
list's »3.« stands right under its »2.«, the item's »3.« apart from it.

Found on 2026-12-05 by a probe of typed and Markdown minutes: items 3 and 4 were read as the end of item 2's
decision, the closed item as open text of an open item.
"""
from __future__ import annotations

import pytest

from corpus.readers import inspect_document

MINUTES = """Referat – Børne- og Skoleudvalget
Dato: 3. februar 2025, kl. 17.00
Sted: Byrådssalen

1. Godkendelse af dagsorden
Beslutning: Godkendt.

2. Skolestruktur på Vestegnen
Sagsnr. 25/1187
Indstilling: Forvaltningen indstiller, at høringen igangsættes.
Beslutning: Indstillingen blev godkendt. Der skal lægges vægt på:
1. Trafiksikkerhed
2. Klasseloft
3. Økonomi

{third}

4. Eventuelt
Intet.
"""
DECISION = "Indstillingen blev godkendt. Der skal lægges vægt på:\n1. Trafiksikkerhed\n2. Klasseloft\n3. Økonomi"


@pytest.mark.parametrize("third, title, closed", [
    ("3. Lukket punkt: Personalesag", "Personalesag", True),
    ("3. Ny legeplads i Nordby\nForvaltningen orienterede om projektet.", "Ny legeplads i Nordby", False),
])
@pytest.mark.parametrize("markdown", [False, True])
def test_items_after_a_list_that_took_their_number_are_items(third, title, closed, markdown):
    text = MINUTES.format(third=third)
    if markdown:  # the items as ATX headings
        text = "\n".join(f"## {line}" if line[:2] in ("1.", "2.", "3.", "4.") and not line.startswith(
            ("1. Trafik", "2. Klasse", "3. Øko")) else line for line in text.split("\n"))
    [meeting] = inspect_document(text.encode("utf-8"), "referat.md" if markdown else "referat.txt").meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Skolestruktur på Vestegnen", False), (3, title, closed),
        (4, "Eventuelt", False)]
    assert meeting.items[1].decision.split() == DECISION.split()  # (paragraphs apart: the list kept whole)
