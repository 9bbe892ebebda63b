"""The indexed terms of a field, in memory, for finding a word's spelling neighbours.

A neighbour is an indexed term within one or two edits of the word, where an edit is a letter added,
dropped or changed, or two neighbouring letters swapped (Damerau's four, as Lucene's fuzzy query counts
them: »skloe« is one edit from »skole«, not two), and whose first `prefix` letters are the word's own: a
typo there is found another way (`QueryBuilder._early_spellings`), and the fixed letters keep the
candidates few. The distance is the optimal string alignment distance, computed by rapidfuzz in C.

This replaced a Levenshtein automaton walked over Whoosh's term list on disk: building the automaton in
Python and a binary search of the on-disk table at every jump cost 3 ms a word on the 42 bundled items
and 7 ms on Greve's 5,549, the largest part of a first search for a rare or misspelt word. Here a word's
neighbours are the terms sharing its first letters, kept in memory (Greve's whole-item field: 34,000
terms, loaded once per index generation in about 0.05 s) and measured in one call.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.reading import IndexReader


@dataclass(frozen=True, slots=True)
class _Group:
    terms: tuple[str, ...]  # indexed terms sharing their first letters, in term order
    rests: tuple[str, ...]  # the same terms without those letters, what the distance is measured on


class Lexicon:
    """The terms of an index generation's fields, grouped by their first `prefix` letters; each field is
    read on first use from the reader then given. It belongs to one generation: the readers it is given
    must be of that generation, and a new generation needs a new Lexicon."""

    def __init__(self, prefix: int):
        self.prefix = prefix
        self._fields: dict[str, dict[str, _Group]] = {}
        self._terms: dict[str, tuple[str, ...]] = {}  # `terms`, read once: asked for by every query word
        self._lock = threading.Lock()

    def near(self, reader: IndexReader, field: str, term: str, maxdist: int) -> list[tuple[str, int]]:
        """The field's terms other than `term` within `maxdist` edits of it and beginning with its first
        `prefix` letters, each with its distance, in term order."""
        if len(term) < self.prefix:
            return []
        group = self._groups(reader, field).get(term[:self.prefix])
        if group is None:
            return []
        rest = term[self.prefix:]
        found = process.extract(rest, group.rests, scorer=OSA.distance, score_cutoff=maxdist, limit=None)
        return [(group.terms[i], distance) for _, distance, i in sorted(found, key=lambda hit: hit[2])
                if distance > 0]

    def load(self, reader: IndexReader, field: str) -> None:
        """Read the field's terms now (at start, so that the first misspelt word does not wait for them)."""
        self._groups(reader, field)

    def terms(self, reader: IndexReader, field: str) -> tuple[str, ...]:
        """All the field's terms, in term order (a field of few terms: the committees' names)."""
        if (terms := self._terms.get(field)) is None:
            terms = tuple(term for group in self._groups(reader, field).values() for term in group.terms)
            self._terms = {**self._terms, field: terms}
        return terms

    def _groups(self, reader: IndexReader, field: str) -> dict[str, _Group]:
        if (groups := self._fields.get(field)) is not None:
            return groups
        with self._lock:
            if (groups := self._fields.get(field)) is None:
                grouped: dict[str, list[str]] = defaultdict(list)
                if field in reader.indexed_field_names():
                    for term in reader.field_terms(field):  # in term order
                        grouped[term[:self.prefix]].append(term)
                groups = {key: _Group(tuple(terms), tuple(t[self.prefix:] for t in terms))
                          for key, terms in grouped.items()}
                self._fields = {**self._fields, field: groups}
            return groups
