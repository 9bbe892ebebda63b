"""The parsed form of a user query: what both indexes receive, so both obey the same query.

`search/query.py` turns what the user typed into this; each index translates it for itself (the
keyword index into Whoosh queries, the engine into a text to embed and a set of allowed items).
"""
from __future__ import annotations

from dataclasses import dataclass

from index.analysis import danish_spelling


@dataclass(frozen=True)
class Clause:
    """One thing to look for: a word, or a phrase (quoted, or a hyphenated word like KD-Net), or a date."""

    text: str
    quoted: bool = False
    field: str | None = None  # an index field; None = all text fields
    # a day typed as a date (»13.11.2024«, »13. november 2024«) as ISO YYYY-MM-DD, a month (»november 2024«) as
    # YYYY-MM, or a day without its year (»13. november«) as --MM-DD: the text as typed, or a meeting's date
    date: str | None = None


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Clause, ...], ...] = ()  # each group: alternatives joined by OR
    excluded: tuple[Clause, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def exact(self) -> bool:
        """Whether the user asked for exact matches: a quoted phrase, a field prefix or a date. Then every
        mode keeps to the items those match, as keyword search does."""
        return any(c.quoted or c.field or c.date for g in self.groups for c in g)

    @property
    def positive_text(self) -> str:
        """What the query is about, as plain text (no operators, prefixes or excluded words), words written
        without the Danish letters respelt (»laegevagt« -> »lægevagt«, as the keyword side reads them): the
        text the semantic side embeds."""
        return danish_spelling(" ".join(c.text for g in self.groups for c in g).strip())
