"""Who attended and who sent apologies, as the minutes' head writes them on a line: a person written beside the
organisation they come from (»Lars Hansen, Skive Kommune«) is one person, as KD-Net's »Flemming Storgaard
(NFM)« is; organisations alone stay as they are. Each variant is the Feb 2022 KD-Net minutes with another line."""
from __future__ import annotations

import pytest
from conftest import SAMPLES, what_was_read

from corpus.readers import inspect_document

MINUTES = SAMPLES / "kdnet-2022-02-11-referat.txt"


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name).meetings


@pytest.mark.parametrize("line, absentees", [
    ("Afbud: Lars Hansen, Skive Kommune", ["Lars Hansen (Skive Kommune)"]),
    ("Afbud: Lars Hansen, Skive Kommune, Anne Bech, Region Midtjylland",
     ["Lars Hansen (Skive Kommune)", "Anne Bech (Region Midtjylland)"]),
    ("Afbud: Lars Hansen, Anne Bech og Peter Holm", ["Lars Hansen", "Anne Bech", "Peter Holm"]),
    ("Afbud: Skive Kommune, Viborg Kommune", ["Skive Kommune", "Viborg Kommune"]),
])
def test_a_name_beside_the_organisation_it_comes_from_is_one_person(line, absentees):
    """»Afbud: Lars Hansen, Skive Kommune« gave two apologies, one of them »Skive Kommune«."""
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count("Afbud: Ingen") == 1
    meetings = read(text.replace("Afbud: Ingen", line))
    assert meetings[0].absentees == absentees
    original = read(text)
    assert what_was_read(meetings)[0][6] == what_was_read(original)[0][6]  # the items as before
