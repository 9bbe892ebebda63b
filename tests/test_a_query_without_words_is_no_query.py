"""Text without a word (punctuation, a bare OR/AND/NOT, zero-width spaces, control characters), typed alone or
left over when a case number is taken out of the query, is no query, in every mode: the filters' items are
listed, newest first, as for an empty query; nonsense and real words are searched as before (bundled minutes:
KD-Net's 42 items, 14 of them in case 00.01.10-A00-2-23)."""
from __future__ import annotations

import pytest

MODES = ("hybrid", "keyword", "semantic")
CASE = "00.01.10-A00-2-23"
NO_WORDS = (".", "...", "( )", "OR", "AND", "NOT", "- ?", "\u200b", "\u200b\u200b \ufeff", "\x07", "»«")
LEFT_OVER = (f"sag:{CASE}.", f"(sag:{CASE})", f"sag:{CASE} OR sag:99-000001", f"sag:{CASE} AND", f"sag:{CASE} ,")


def search(client, q: str, mode: str, **params) -> dict:
    response = client.get("/search", params={"q": q, "mode": mode, "limit": 50, **params})
    assert response.status_code == 200, response.text
    return response.json()


def listing(result: dict) -> tuple[int, list[str]]:
    return result["total"], [h["id"] for h in result["hits"]]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("q", NO_WORDS)
def test_text_without_a_word_lists_what_the_filters_allow(client, q, mode):
    empty = listing(search(client, "", mode, body="KD-Net"))
    assert empty[0] == 42
    assert listing(search(client, q, mode, body="KD-Net")) == empty


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("q", LEFT_OVER)
def test_what_a_case_number_leaves_without_a_word_lists_the_case(client, q, mode):
    case = listing(search(client, "", mode, case=CASE))
    assert case[0] == 14
    assert listing(search(client, q, mode)) == case


@pytest.mark.parametrize("mode", ("hybrid", "keyword"))
def test_nonsense_still_finds_nothing_and_words_still_rank(client, mode):
    assert search(client, "xyzzy qwv", mode)["total"] == 0
    assert search(client, "xyzzy qwv.", mode)["total"] == 0
    words = search(client, "lægevagt", mode)
    assert words["total"] > 0 and words["hits"][0]["score"] > 0
    assert listing(search(client, "lægevagt ...", mode)) == listing(words)
