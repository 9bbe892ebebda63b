"""Items numbered »1) Godkendelse af dagsorden«, as small councils (ældreråd, handicapråd, skolebestyrelser) type
their minutes, read as »1. …« does; and items that end the minutes with prose under their titles and no section
(»3) Orientering fra formanden« / »Formanden orienterede om …«, then »4) Eventuelt«) are items holding it.
Before, the first was refused (»no agenda items found«) and the second's items were the last words of the item
above them. Each variant is made from a real document of its layout and must read as the original does, but
for the change made."""
from __future__ import annotations

import re

import pytest
from conftest import SAMPLES, VARIANTS, heading_lines, what_was_read

from corpus.readers import inspect_document

LAYOUTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", VARIANTS / "firstagenda-pdf-byraad.txt"]


def read(text: str, name: str):
    return inspect_document(text.encode("utf-8"), name).meetings[0]


def with_parentheses(text: str, items) -> str:
    """The document with each item's heading numbered »n)« instead of »n.«."""
    lines = text.split("\n")
    for at in heading_lines(lines, items):
        lines[at] = re.sub(r"^(\s*(?:[-*]\s*)?\d{1,3})\.", r"\1)", lines[at])
    return "\n".join(lines)


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_items_numbered_with_a_parenthesis_read_as_items_numbered_with_a_dot(path):
    text = path.read_text(encoding="utf-8")
    original = read(text, path.name)
    changed = with_parentheses(text, original.items)
    assert changed.count(")") > text.count(")")
    assert what_was_read([read(changed, path.name)]) == what_was_read([original])


@pytest.mark.parametrize("path", [VARIANTS / "firstagenda-pdf-byraad.txt", VARIANTS / "sbsys-skolebestyrelse.txt"],
                         ids=lambda p: p.name)
def test_the_last_items_with_prose_under_their_titles_are_items_holding_it(path):
    text = path.read_text(encoding="utf-8")
    original = read(text, path.name)
    lines = text.split("\n")
    at = heading_lines(lines, original.items)
    k = len(at) - 2  # the last two items: their headings kept, each with one line of prose under it
    prose = ["Formanden orienterede om mødet med borgmesteren.", "Intet at bemærke."]
    changed = "\n".join(lines[:at[k] + 1] + [prose[0], ""] + [lines[at[k + 1]], prose[1], ""])
    meeting = read(changed, path.name)
    assert [i.number for i in meeting.items] == [i.number for i in original.items]
    assert [[s.text for s in i.sections] for i in meeting.items[k:]] == [[prose[0]], [prose[1]]]
    assert what_was_read([meeting])[0][-1][:k] == what_was_read([original])[0][-1][:k]


def test_a_list_numbered_with_parentheses_in_an_items_text_is_no_item():
    """Guard: an upper-case list »1) Anbefaler …« in a decision, in minutes numbered »1.«, stays the decision's
    text, and the items under it stay items."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    original = read(text, path.name)
    lines = text.split("\n")
    at = heading_lines(lines, original.items)
    points = ["1) Anbefaler at bevare begge dagcentre", "2) Peger på behovet for flere aktiviteter",
              "3) Beder om en evaluering efter et år", "4) Sender sagen videre til Økonomiudvalget",
              "5) Ønsker en orientering i juni"]
    changed = "\n".join(lines[:at[1]] + points + [""] + lines[at[1]:])
    meeting = read(changed, path.name)
    assert [(i.number, i.title) for i in meeting.items] == [(i.number, i.title) for i in original.items]
    assert "Beder om en evaluering efter et år" in " ".join(s.text for s in meeting.items[0].sections)

