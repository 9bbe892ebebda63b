"""Who presents an item, as other minutes write it: »(v/Anne Holm)« after the title, »- v. direktør Anne Holm«
set off by a dash, »Fremlægger: Anne Holm« or »Oplægsholder: …« on a line under the title. The sample
tests/layouts/punkt-style-kultur.txt, rewritten.

Found on 2026-12-04 by rewriting the sample: »(v/Anne Holm)« stayed in the title (»v/« before a name is only read
as a presenter after a slash or before a role: »Café v/ Søen« is a place), the dash stayed at the title's end
(»Tilskud til foreninger -«), and the labelled lines were the item's text.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.readers import read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
TITLE = "Punkt 2: Tilskud til foreninger"
CASE = "Sagsnr.: 22/12345"


def items(old: str, new: str):
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(old) == 1
    [meeting] = read_meetings(text.replace(old, new).encode("utf-8"), MINUTES.name)
    assert len(meeting.items) == 4
    return meeting.items


@pytest.mark.parametrize(("after", "who"), [(" (v/Anne Holm)", "Anne Holm"), (" - v. direktør Anne Holm", "direktør Anne Holm"),
                                            (" – v/ formanden", "formanden"), (" (v. Anne Holm)", "Anne Holm")])
def test_a_presenter_after_the_title_is_the_presenter(after, who):
    item = items(TITLE, TITLE + after)[1]
    assert (item.title, item.presenter) == ("Tilskud til foreninger", who)


@pytest.mark.parametrize("label", ["Fremlægger", "Oplægsholder", "Oplæg ved", "Sagsfremlægger", "Orientering ved",
                                   "Ansvarlig", "Sagsansvarlig"])  # (the last two: a probe of Word minutes, 2026-12-05)
def test_a_presenter_labelled_under_the_title_is_the_presenter(label):
    item = items(CASE, f"{CASE}\n{label}: Anne Holm")[0]
    assert (item.title, item.presenter, item.case_number) == ("Godkendelse af dagsorden", "Anne Holm", "22/12345")
    assert "Anne Holm" not in " ".join(s.text for s in item.sections)


def test_a_place_written_with_v_slash_stays_in_the_title():
    item = items(TITLE, "Punkt 2: Tilskud til Café v/ Søen")[1]
    assert (item.title, item.presenter) == ("Tilskud til Café v/ Søen", None)
