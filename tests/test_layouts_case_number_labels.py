"""A case number under an item's title labelled as other minutes label it (»Journal nr.:«, »Acadre sagsnr.:«,
»Sagsnr. (SBSYS):«, »Sagsnr. (KMD Nova):«, »Sag:« / »Ref.:« before a case number): the item's case number, not
the rest of its title.
The sample tests/layouts/punkt-style-kultur.txt, its first label rewritten.

Found on 2026-12-04 by rewriting that label: each ran into the title (»Godkendelse af dagsorden Journal nr.:
22/12345«), and the item had no case number, so its case history was lost.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.readers import read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
LABEL = "Sagsnr.: 22/12345"


def first_item(line: str):
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(LABEL) == 1
    [meeting] = read_meetings(text.replace(LABEL, line).encode("utf-8"), MINUTES.name)
    assert len(meeting.items) == 4
    return meeting.items[0]


@pytest.mark.parametrize("line", [LABEL, "Journal nr.: 22/12345", "Acadre sagsnr.: 22/12345",
                                  "Sagsnr. (Acadre): 22/12345", "SBSYS-sagsnr. 22/12345", "Sag: 22/12345",
                                  "Ref.: 22/12345", "Sagsid: 22/12345", "Sagsnr. (KMD Nova): 22/12345",
                                  "Nova sagsnr.: 22/12345", "Acadre sag: 22/12345"])
def test_a_labelled_case_number_is_the_item_s_case_number(line):
    item = first_item(line)
    assert (item.title, item.case_number) == ("Godkendelse af dagsorden", "22/12345")


def test_a_case_system_s_label_takes_the_system_s_own_number_form():
    """»Acadre sag: 1-30-72-1088-24«, a number in no form the archive lists otherwise (a probe, 2026-12-05)."""
    assert first_item("Acadre sag: 1-30-72-1088-24").case_number == "1-30-72-1088-24"


@pytest.mark.parametrize("line", ["Sag: drøftes på næste møde", "Tidligere sagsnr.: 21/1234",
                                  "Acadre sag handler om arkivering",
                                  "Sag nr. 3 fra sidste møde om madservice blev genoptaget."])  # (a probe, 2026-12-05:
# the sentence was the item's case number, and the case text it opened was lost)
def test_a_line_that_only_looks_like_a_label_is_no_case_number(line):
    item = first_item(line)
    assert item.case_number is None
    assert line in " ".join([item.title, *(s.text for s in item.sections)])
