"""A closed item's marker written before its number on the heading line (»Lukket punkt: 4. Salg af grund«, as
some FirstAgenda PDFs print it) marks that item, as »4. Lukket punkt: Salg af grund« does. Before, the line was no
heading: the closed item's case number and decision were read as the open item above's, shown to everyone."""
from __future__ import annotations

import pytest
from conftest import VARIANTS, what_was_read

from corpus.readers import inspect_document

MINUTES = VARIANTS / "firstagenda-pdf-byraad.txt"
HEADING = "4. Lukket punkt: Salg af grund"


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name).meetings


@pytest.mark.parametrize("written", ["Lukket punkt: 4. Salg af grund", "LUKKET PUNKT: 4. Salg af grund",
                                     "Lukket: 4. Salg af grund", "(Lukket) 4. Salg af grund"])
def test_the_closed_marker_before_the_number_marks_the_item(written):
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(HEADING) == 1
    original = read(text)
    meetings = read(text.replace(HEADING, written))
    assert what_was_read(meetings) == what_was_read(original)
    assert [i.closed for i in meetings[0].items][-1] is True


def test_a_sentence_opening_with_lukket_and_a_number_is_text():
    """»Lukket 3. kvartal …« is no marker: only a marker, a colon or not, then »N. Title«."""
    text = MINUTES.read_text(encoding="utf-8")
    original = read(text)
    decision = "EMN-2025-005000\nBeslutning\n"
    assert text.count(decision) == 1
    meetings = read(text.replace(decision, decision + "Lukket 3. kvartal i år.\n"))
    assert [(i.number, i.title, i.closed) for i in meetings[0].items] == [
        (i.number, i.title, i.closed) for i in original[0].items]
    assert "Lukket 3. kvartal i år." in " ".join(s.text for s in meetings[0].items[-1].sections)
