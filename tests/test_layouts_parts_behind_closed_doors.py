"""The agenda's parts headed as KMD's minutes head them, »Til behandling - for åbne døre« and »Til behandling -
for lukkede døre«: the items under the second are closed, as under »Lukkede punkter«, and the headings are
markers. The sample tests/layouts/punkt-style-kultur.txt, its »Lukket punkt« marker replaced by the parts.

Found on 2026-12-04 by rewriting that sample: the closed item was read as open, its decision public, and the part's
heading was the last line of the item above.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.readers import inspect_document

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"


def reading(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name)


@pytest.mark.parametrize("open_part, closed_part", [
    ("Til behandling - for åbne døre", "Til behandling - for lukkede døre"),
    ("For åbne døre", "For lukkede døre")])
def test_the_item_under_the_closed_doors_part_is_closed(open_part, closed_part):
    text = MINUTES.read_text(encoding="utf-8")
    rewritten = text.replace("Punkt 1:", f"{open_part}\n\nPunkt 1:", 1).replace("Lukket punkt\n", f"{closed_part}\n\n")
    read = reading(rewritten)
    [meeting] = read.meetings
    assert [(i.number, i.title, i.closed, i.sections) for i in meeting.items] == [
        (i.number, i.title, i.closed, i.sections) for i in reading(text).meetings[0].items]
    assert closed_part in [d.text for d in read.dropped]


def test_a_sentence_about_closed_doors_closes_nothing():
    text = MINUTES.read_text(encoding="utf-8").replace("Lukket punkt\n", "").replace(
        "Foreningerne har søgt om tilskud.",
        "Foreningerne har søgt om tilskud.\nFor lukkede døre drøftede udvalget sagen.")
    assert [i.closed for i in reading(text).meetings[0].items] == [False] * 4


def test_the_open_doors_part_after_the_closed_one_opens_again():
    text = MINUTES.read_text(encoding="utf-8").replace("Lukket punkt\n", "Til behandling - for lukkede døre\n\n")
    text += "\nTil behandling - for åbne døre\n\nPunkt 5: Eventuelt\n\nBeslutning\nIntet.\n"
    assert [(i.number, i.closed) for i in reading(text).meetings[0].items] == [
        (1, False), (2, False), (3, False), (4, True), (5, False)]
