"""Items headed »Sag nr. 1 Godkendelse af dagsorden« (as some councils number their agenda's cases) read as »Punkt
1: …« does. Before, the file was refused, or the heading was read as a case number »1 Godkendelse af
dagsorden«. »Sag nr. 24/1234« (or »Sag nr.: …«) under a title is still the item's case number."""
from __future__ import annotations

import re

import pytest
from conftest import VARIANTS, what_was_read

from corpus.readers import inspect_document

MINUTES = VARIANTS / "punkt-style-kultur.txt"


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name).meetings[0]


@pytest.mark.parametrize("form", [r"Sag nr. \1 ", r"Sag nr. \1: ", r"Sag nr. \1 - ", r"SAG NR. \1 "])
def test_items_headed_sag_nr_read_as_items_headed_punkt(form):
    text = MINUTES.read_text(encoding="utf-8")
    original = read(text)
    changed, n = re.subn(r"(?m)^Punkt (\d+): ", form, text)
    assert n == len(original.items) >= 4
    assert what_was_read([read(changed)]) == what_was_read([original])


@pytest.mark.parametrize("label", ["Sag nr. 22/12345", "Sag nr.: 22/12345", "Sag nr. 2012-28504"])
def test_a_case_number_labelled_sag_nr_is_still_the_case_number(label):
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count("Sagsnr.: 22/12345\n") == 1
    meeting = read(text.replace("Sagsnr.: 22/12345\n", label + "\n"))
    assert meeting.items[0].case_number == label.split()[-1]
    assert [i.title for i in meeting.items] == [i.title for i in read(text).items]
