"""Table rows that reach the text parser as lines with a tab between the cells (Word's tables, as
docx_reader joins them): the row of column names above them, and the attendance column of a list of members.

A table of members (»Navn ⇥ Parti ⇥ Fremmøde«, then »Dorte Madsen ⇥ O ⇥ Afbud«) says who took part and who
sent apologies; a table of attachments (»Nr. ⇥ Titel ⇥ Dok.nr.«) holds one title a row. Their column names
are no member and no attachment."""
from __future__ import annotations

import re

from corpus.spelling import fold

# The names a table's columns go by in minutes (compared folded, without a colon)
COLUMN_NAMES = {fold(name) for name in (
    "nr", "nr.", "nummer", "løbenr.", "navn", "navne", "medlem", "parti", "titel", "bilag", "bilagsnavn",
    "bilagstitel", "dokument", "dok.nr.", "dok. nr.", "dokumentnr.", "dokumentnummer", "fremmøde", "fremmødt", "til stede",
    "status", "funktion", "rolle", "bemærkning", "bemærkninger", "adgang", "åben/lukket", "type", "dato",
    "medlemmer", "organisation", "kommune", "forening", "repræsenterer", "udpeget af", "tilstede", "deltog")}
# What an attendance cell says (folded): away, or there (a cell that only says so is no part of the name)
AWAY = tuple(fold(word) for word in ("afbud", "meldt afbud", "fraværende", "fravær", "ikke til stede",
                                     "ikke tilstede", "ikke mødt", "deltog ikke", "forhindret", "udeblev", "forfald",
                                     "syg", "nej"))
ACCESS = {fold(word) for word in ("åben", "lukket", "offentlig", "fortrolig")}  # an attachment's access column
# a person's name: two words or more, the first and last with a capital (»Anna Hansen«, »Jens-Ole de Vries«)
NAME = re.compile(r"^[A-ZÆØÅ][\w.'-]+(?:\s+[\w.'-]+)*\s+[A-ZÆØÅ][\w.'-]+$")
THERE = {fold(word) for word in ("til stede", "tilstede", "mødt", "fremmødt", "deltog", "deltager", "ja", "x")}


def cells(line: str) -> list[str]:
    """A row's cells, stripped (none when the line has no tab: a line of text, not a row)."""
    return [cell.strip() for cell in line.split("\t")] if "\t" in line else []


def is_column_names(line: str) -> bool:
    """Whether a row names its table's columns (»Nr. ⇥ Titel ⇥ Dok.nr.«): every cell a column's name."""
    row = [cell for cell in cells(line) if cell]
    return len(row) >= 2 and all(fold(cell.rstrip(":").strip()) in COLUMN_NAMES for cell in row)


def title(row: list[str]) -> str:
    """A row's title: its longest cell in words (not a file number such as »1001/24«, however short the
    title: »Kort«), or its longest cell."""
    worded = [cell for cell in row if _worded(cell) and fold(cell) not in ACCESS]
    return max(worded or row, key=len)


def member(line: str) -> tuple[str, bool] | None:
    """A row of a table of members as the member's name (a cell of two capitalised words, or the first cell in
    words), with the other cells but attendance and a running number after it in brackets (»Anna Hansen (A)«,
    also from »A ⇥ Anna Hansen« and »Formand ⇥ Anna Hansen ⇥ A«), and whether the row says they were away;
    None for the column names."""
    row = [cell for cell in cells(line) if cell and not cell.rstrip(".").isdigit()]
    if not row or is_column_names(line):
        return None
    away = any(_says_away(cell) for cell in row)
    rest = [cell for cell in row if fold(cell) not in THERE and not _says_away(cell)]
    if not rest:
        return None
    # (»Formand ⇥ Anna Hansen ⇥ A«; »Hans Erik Bruun (formand)« before »Teknik- og Miljøudvalget«; »A ⇥ Anna Hansen«)
    name = next((cell for cell in rest if NAME.match(re.sub(r"\s*\([^()]*\)$", "", cell))), None) or next(
        (cell for cell in rest if _worded(cell)), rest[0])
    rest.remove(name)
    # no brackets in brackets (»Byrådet (V)«: »Byrådet, V«), nor two after one another (»Mona Strandby (A, Formand)«)
    rest = [re.sub(r"\s*\(([^()]*)\)", r", \1", cell) for cell in rest]
    if rest and name.endswith(")"):
        return f"{name[:-1]}, {', '.join(rest)})", away
    return (f"{name} ({', '.join(rest)})" if rest else name), away


def _says_away(cell: str) -> bool:
    """»Afbud«, »Afbud pga. sygdom«, »Nej« (not »Nejsum«)."""
    folded = fold(cell)
    return any(folded == word or folded.startswith(word + " ") for word in AWAY)


def _worded(cell: str) -> bool:
    """Whether a cell holds words, not a number, a party's letter or a file number (»1001/24«)."""
    return any(c.islower() for c in cell)
