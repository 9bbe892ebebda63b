"""A word's spelling neighbours: the indexed terms one or two edits away, behind its first two letters."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import fields
from whoosh.filedb.filestore import RamStorage

from corpus.model import AgendaItem, Meeting, Section, SectionKind
from corpus.store import Store
from config.settings import Settings
from index.keyword import KeywordIndex, weights_from
from index.lexicon import Lexicon
from search.query import parse_query

PREFIX = 2


def edits(a: str, b: str) -> int:
    """Letters added, dropped or changed, or two neighbours swapped, no letter edited twice (the optimal
    string alignment distance), written out as the textbook recurrence."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def reader_of(terms: list[str]):
    ix = RamStorage().create_index(fields.Schema(text=fields.KEYWORD(lowercase=False)))
    with ix.writer() as writer:
        for term in terms:
            writer.add_document(text=term)
    return ix.reader()


words = st.text(alphabet="abæå", min_size=1, max_size=9)  # few letters: many neighbours, swaps, ties


@settings(max_examples=150, deadline=None)
@given(terms=st.lists(words, min_size=1, max_size=60, unique=True), word=words, maxdist=st.sampled_from([1, 2]))
def test_the_neighbours_are_every_term_within_the_edits_behind_the_same_first_letters(terms, word, maxdist):
    expected = sorted((t, edits(word[PREFIX:], t[PREFIX:])) for t in terms
                      if len(word) >= PREFIX and t[:PREFIX] == word[:PREFIX] and t != word
                      and edits(word[PREFIX:], t[PREFIX:]) <= maxdist)
    assert Lexicon(PREFIX).near(reader_of(terms), "text", word, maxdist) == expected


def test_a_swap_is_one_edit_and_the_first_letters_are_fixed():
    reader = reader_of(["skole", "skolen", "skoler", "skloe", "sklo", "kole", "sole", "skal"])
    near = Lexicon(PREFIX).near(reader, "text", "skole", 2)  # in term order, not by distance
    assert near == [("skal", 2), ("sklo", 2), ("skloe", 1), ("skolen", 1), ("skoler", 1)]
    assert Lexicon(PREFIX).near(reader, "no-such-field", "skole", 2) == []


def test_a_word_added_to_the_archive_is_a_neighbour_at_the_next_search(tmp_path):
    store = Store(tmp_path / "store.sqlite3")

    def add(number: int, text: str) -> None:
        item = AgendaItem(number, "Punkt", sections=[Section(SectionKind.CASE, "Sagsfremstilling", text)])
        store.replace_source(f"test-{number}", f"digest-{number}",
                             [Meeting("Testudvalget", f"2024-01-0{number}", items=[item], content_hash=f"h{number}")])

    add(1, "Vejbelysning er drøftet.")
    index = KeywordIndex(tmp_path / "kw", weights_from(Settings()))
    index.sync(store)
    misspelt = parse_query("kassekreddit")
    assert index.search(misspelt, limit=10).hits == []

    add(2, "Midttrafiks kassekredit er drøftet.")
    index.sync(store)
    result = index.search(misspelt, limit=10)
    assert [h.meeting_date for h in result.hits] == ["2024-01-02"]
    assert result.unknown == {"kassekreddit": "kassekredit"}


@pytest.mark.parametrize("word", ["a", "å"])
def test_a_word_shorter_than_the_fixed_letters_has_no_neighbours(word):
    assert Lexicon(PREFIX).near(reader_of(["a", "ab", "å"]), "text", word, 2) == []
