"""A case number closing the item's title in brackets, as Copenhagen's minutes print it (»2. Budget 2024 -
forslag til effektiviseringer (2023-0034567)«): the item's case number, and the title without it. The years a
plan spans and a number of a year in brackets stay in the title. The sample tests/layouts/punkt-style-kultur.txt,
each item's case number line moved into its title.

Found on 2026-12-04 by rewriting that sample: the case number stayed in the title and the item had none, so the
case history, which follows a case number from meeting to meeting, had nothing to follow.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.readers import read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
# the sample's items: »Punkt N: Titel« with its case number on the next line
HEADING_AND_CASE = re.compile(r"^Punkt (\d): (.+)\n(\S+: )?(\S+)$", re.M)


def read(text: str):
    [meeting] = read_meetings(text.encode("utf-8"), MINUTES.name)
    return meeting


def test_a_bracketed_case_number_closing_the_title_is_the_item_s_case_number():
    text = MINUTES.read_text(encoding="utf-8")
    as_written = read(text)
    moved, count = HEADING_AND_CASE.subn(r"\1. \2 (\4)", text)
    assert count == 4
    meeting = read(moved)
    assert [(i.number, i.title, i.case_number, i.closed) for i in meeting.items] == \
           [(i.number, i.title, i.case_number, i.closed) for i in as_written.items]
    assert [i.case_number for i in meeting.items] == ["22/12345", "S2023-12345", "00.01.10-A00-2-23", "21-016102"]
    assert [i.sections for i in meeting.items] == [i.sections for i in as_written.items]


def test_a_copenhagen_case_number_in_the_title():
    text = MINUTES.read_text(encoding="utf-8").replace(
        "Punkt 2: Tilskud til foreninger\nS2023-12345", "Punkt 2: Tilskud til foreninger (2023-0034567)")
    item = read(text).items[1]
    assert (item.title, item.case_number) == ("Tilskud til foreninger", "2023-0034567")


@pytest.mark.parametrize("title", ["Klimaplan (2020-2050)", "Budgetopfølgning (2024-2027)",
                                   "Referat af ungdomsrådets møde (10/2023)",
                                   "Budgetopfølgning pr. 31. marts (03-2024)"])
def test_years_in_brackets_stay_in_the_title(title):
    text = MINUTES.read_text(encoding="utf-8").replace("Punkt 2: Tilskud til foreninger", f"Punkt 2: {title}")
    item = read(text).items[1]
    assert (item.title, item.case_number) == (title, "S2023-12345")


def test_a_case_number_under_the_title_that_differs_leaves_the_title_s_own():
    text = MINUTES.read_text(encoding="utf-8").replace("Punkt 2: Tilskud til foreninger",
                                                       "Punkt 2: Tilskud til foreninger (2023-0034567)")
    item = read(text).items[1]
    assert (item.title, item.case_number) == ("Tilskud til foreninger (2023-0034567)", "S2023-12345")


def test_a_bracketed_case_number_in_a_word_heading_is_the_item_s_case_number():
    from test_layouts_word import word_minutes

    text, count = HEADING_AND_CASE.subn(r"\1. \2 (\4)", MINUTES.read_text(encoding="utf-8"))
    assert count == 4
    [meeting] = read_meetings(word_minutes(text, numbered=False), "kultur-og-fritidsudvalget-referat.docx")
    assert [(i.title, i.case_number) for i in meeting.items] == [
        ("Godkendelse af dagsorden", "22/12345"), ("Tilskud til foreninger", "S2023-12345"),
        ("Ny idrætshal", "00.01.10-A00-2-23"), ("Personalesag", "21-016102")]


def test_a_case_number_at_the_heading_s_right_margin_is_the_item_s_case_number():
    """A PDF printed with the case number at the right of the heading's line reads it after the title (»2.
    Budgetopfølgning pr. 31. marts 2024 Sagsnr. 24/1232«, »… 18.15.00-Ø00-2-24«): it stayed in the title and the
    item had none (a probe of printed minutes, 2026-12-05, 14 items of 3 documents). The labelled form takes any
    case number; a bare one only in a form no title ends in."""
    text = MINUTES.read_text(encoding="utf-8")
    as_written = read(text)
    beside = HEADING_AND_CASE.sub(lambda m: f"{m[1]}. {m[2]} {'Sagsnr. ' if m[4][:1] != 'S' else ''}{m[4]}", text)
    meeting = read(beside)
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == \
           [(i.number, i.title, i.case_number) for i in as_written.items]
    assert [i.sections for i in meeting.items] == [i.sections for i in as_written.items]
    bare = HEADING_AND_CASE.sub(lambda m: f"{m[1]}. {m[2]} {m[4]}", text)
    assert [(i.title, i.case_number) for i in read(bare).items] == [
        ("Godkendelse af dagsorden 22/12345", None), ("Tilskud til foreninger", "S2023-12345"),
        ("Ny idrætshal", "00.01.10-A00-2-23"), ("Personalesag 21-016102", None)]


@pytest.mark.parametrize("title", ["Budget 2024-2027", "Handlingsplan 2024-2028", "Lokalplan 1187"])
def test_a_title_ending_in_years_or_a_plan_s_number_keeps_them(title):
    text = MINUTES.read_text(encoding="utf-8").replace("Punkt 3: Ny idrætshal", f"Punkt 3: {title}")
    assert read(text).items[2].title == title
