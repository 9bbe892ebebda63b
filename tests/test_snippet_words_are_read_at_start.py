"""The archive's words are analysed for snippets when the service starts (`Engine.warm_up`), so the first search
showing an item looks its words up instead of analysing them then; only what the public may read is read ahead."""
from __future__ import annotations

from pathlib import Path

from conftest import SAMPLES

from config.settings import Settings
from corpus.ingest import ingest_paths
from corpus.store import Store
from index.analysis import normalise
from index.keyword import KeywordIndex, weights_from
from index.schema import WRITTEN_FIELD
from search import snippets

CLOSED_FIXTURE = Path(__file__).parent / "closed_fixture"  # closed items holding »Kvistrupholm«: test_closed_items
RARE = "kassekreditreglen"  # once in the bundled minutes, in Midttrafik's item, which no »lægevagt« search shows


def known(word: str) -> bool:
    return word in snippets._VOCABULARY.words_for(normalise(word))


def test_a_started_engine_knows_the_words_of_items_no_search_has_shown(engine):
    snippets.forget_analysed_items()
    assert not known(RARE)
    engine.warm_up()  # its own search, »lægevagt«, shows only the Lægevagten item
    assert known(RARE)


def test_the_words_read_ahead_are_the_most_widely_held_when_there_are_more_than_asked(engine):
    every = engine.keyword.written_words(10**6)
    assert RARE in every and "midttrafik" in every and len(every) == len(set(every))
    reader = engine.keyword.searcher().reader()
    held = {word: reader.doc_frequency(WRITTEN_FIELD, word) for word in every}
    top = engine.keyword.written_words(20)
    assert len(top) == 20 and set(top) <= set(every)
    assert min(held[w] for w in top) >= max(held[w] for w in set(every) - set(top))
    assert min(held[w] for w in top) > held[RARE] == 1


def test_no_closed_item_content_is_read_ahead(tmp_path):
    store = Store(tmp_path / "store.sqlite3")
    ingest_paths([SAMPLES, CLOSED_FIXTURE], store)
    index = KeywordIndex(tmp_path / "keyword", weights_from(Settings()))
    index.sync(store)
    words = index.written_words(10**6)
    assert "kloakledning" in words  # the closed item's title (»Erstatningssag om skade på kloakledning«) is public
    assert "kvistrupholm" not in words  # its content is not, though the store holds it
    assert any(stored.item.closed and "Kvistrupholm" in section.text
               for stored in store.iter_items() for section in stored.item.sections)
