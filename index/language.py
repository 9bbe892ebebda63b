"""Which query words are English: the minutes are Danish, and a user may ask in English.

A word is English when spaCy's English lemma tables (spacy-lookups-data, the package that already gives
the Danish lemmas) or Snowball's English stop list hold it and neither the Danish lemma table nor the
Danish stop list does: so »service«, »plan« and »status« stay Danish, »heating« and »lonely« are English.
The keyword side uses this twice (index/keyword_query.py): an English word is no misspelling (it gets no
»Mente du«), and an English word no item holds is a word the keyword side cannot read, which the fusion
leaves to the semantic side (search/engine.py).
"""
from __future__ import annotations

from functools import lru_cache

from whoosh.lang.stopwords import stoplists

from index.analysis import STOP_WORDS, danish, lemma_table, spacy_lookup

ENGLISH_STOP_WORDS: frozenset[str] = stoplists["en"]


@lru_cache(maxsize=1)
def english_lexicon() -> frozenset[str]:
    """English words, inflected forms included (~100k; read once, in about 50 ms)."""
    inflected: dict[str, str] = spacy_lookup("en_lemma_lookup.json.gz")  # "homes" -> "home"
    by_class: dict[str, list[str]] = spacy_lookup("en_lemma_index.json.gz")  # base forms per word class
    words = set(inflected) | set(inflected.values()) | ENGLISH_STOP_WORDS
    for base_forms in by_class.values():
        words.update(base_forms)
    return frozenset(words)


def english_word(word: str) -> bool:
    """An English word that is not also a Danish one (as typed, or written without the Danish letters)."""
    word = word.lower()
    respelt = danish(word)  # »faa«, »goer« are also få and gør written without the Danish letters
    return word in english_lexicon() and respelt not in lemma_table() and respelt not in STOP_WORDS
