"""The first line under an item's title that ends in an amount (»… en egenkapital på 212.000 kr.«) ends a sentence:
it is the item's text, not the title's wrapped words. Until 2026-12-05 a line ending in »kr.« was taken for an
abbreviation's, and the title read »Regnskab 2022 og fastsættelse af kontingent Kassereren gennemgik …« (a fresh
probe of an association's general meeting)."""
from __future__ import annotations

import pytest

from corpus.readers import inspect_document


@pytest.mark.parametrize("amount", ["212.000 kr.", "2,3 mio.", "1,1 mia."])
def test_a_line_ending_in_an_amount_under_the_title_is_the_items_text(amount):
    text = ("Økonomiudvalget\nReferat 12. marts 2024\n\n1. Regnskab 2022 og fastsættelse af kontingent\n"
            f"Kassereren gennemgik regnskabet, der viser et overskud på 14.300 kr. og en egenkapital på {amount}\n"
            "Beslutning: Regnskabet blev godkendt.\n\n2. Eventuelt\nBeslutning: Intet.\n")
    item = inspect_document(text.encode("utf-8"), "referat.txt").meetings[0].items[0]
    assert item.title == "Regnskab 2022 og fastsættelse af kontingent"
    assert item.sections[0].text.startswith("Kassereren gennemgik regnskabet")
