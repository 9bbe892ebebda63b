"""A date typed in the query (»byrådet 13.11.2024«, »2. juni 2023«) finds the meeting held that day.

Searchers type the date of the meeting they mean. The meeting's date was a filter only, and a date in the query
was read as words: on Greve »dagsorden byrådet 13.11.2024« listed other meetings' »Godkendelse af dagsorden«,
and on the bundled minutes »2. juni 2023« listed 32 items, a meeting of 2022 first. A date on which a meeting was held now asks for that
meeting's items (or items that write the date, after them), in every mode, as a field prefix asks; a date on
which no meeting was held is read as the text it is.
"""
from __future__ import annotations

import pytest
from conftest import GREVE, item_text, need

from corpus.dates import retyped
from index.keyword_query import _days_between
from search.query import parse_query
from search.request import SearchRequest

MODES = ("keyword", "hybrid", "semantic")


def searched(engine, q: str, mode: str = "keyword", limit: int = 100) -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=limit, settings=engine.settings))


def meeting_items(engine, day: str) -> set[str]:
    return {f["id"] for f in engine.store.item_facts() if f["date"] == day}


@pytest.mark.parametrize("typed", ["2.6.2023", "02.06.2023", "2/6-2023", "2-6-2023", "2023-06-02", "02.06.23",
                                   "2. juni 2023", "2 juni 2023", "2. Jun. 2023", "2 June 2023"])
def test_a_date_is_read_in_the_forms_searchers_type_it(typed):
    parsed = parse_query(f"lægevagt {typed}")
    assert [c.date for g in parsed.groups for c in g] == [None, "2023-06-02"]
    assert parsed.groups[1][0].text == typed


def test_a_date_ending_a_sentence_or_a_bracket_is_still_a_date():
    for q in ("mødet den 2.6.2023.", "(lægevagt 2.6.2023)", "mødet i juni 2023."):
        assert [c.date for g in parse_query(q).groups for c in g if c.date] in (["2023-06-02"], ["2023-06"]), q


@pytest.mark.parametrize("typed", ["juni 2023", "Jun. 2023", "jun 2023", "June 2023"])
def test_a_month_named_with_its_year_is_read_as_that_month(typed):
    assert [c.date for g in parse_query(f"lægevagt {typed}").groups for c in g] == [None, "2023-06"]


@pytest.mark.parametrize("typed", ["2. juni", "2 juni", "2. Jun.", "2 June", "02. juni"])
def test_a_day_named_without_its_year_is_read_as_that_day_in_any_year(typed):
    assert [c.date for g in parse_query(f"lægevagt {typed}").groups for c in g] == [None, "--06-02"]
    assert [c.date for g in parse_query("29. februar").groups for c in g] == ["--02-29"]  # a leap year's day


@pytest.mark.parametrize("q", ["15.99", "31.02.2024", "2.6", '"2.6.2023"', "titel:2.6.2023", "31. april",
                               "2.6.2023x", "budget 2024", "juni", "jul 2023", "24. jul", "6.2023", "0. juni"])
def test_what_is_no_day_or_is_asked_for_as_text_is_no_date(q):
    assert not any(c.date for g in parse_query(q).groups for c in g)


@pytest.mark.parametrize("typed", ["2.6.2023", "2. juni 2023", "2023-06-02"])
def test_a_date_lists_that_days_meeting_in_every_mode(engine, typed):
    day = meeting_items(engine, "2023-06-02")
    for mode in MODES:
        result = searched(engine, typed, mode)
        found = [h["id"] for h in result["hits"]]
        assert set(found) == day, mode  # no item of the bundled minutes writes the date so


def test_a_month_lists_the_meetings_held_in_it(engine):
    april = meeting_items(engine, "2023-04-14")  # the bundled minutes' one meeting in April 2023
    for mode in MODES:
        found = {h["id"] for h in searched(engine, "april 2023", mode)["hits"]}
        assert april <= found, mode
        assert all(i in april or "april 2023" in item_text(engine, i).lower() for i in found), mode
    # no meeting was held in March 2022: the words, as an item's title writes them
    hits = searched(engine, "marts 2022")["hits"]
    assert hits and all("marts 2022" in item_text(engine, h["id"]).lower() for h in hits)


def test_a_day_without_its_year_lists_the_meetings_held_on_it_in_every_mode(engine):
    own = meeting_items(engine, "2023-06-02")
    for mode in MODES:
        found = [h["id"] for h in searched(engine, "2. juni", mode)["hits"]]
        assert set(found[:len(own)]) == own, mode  # the meeting's items, then the items that write the day
        assert found[len(own):] and all("2. juni" in item_text(engine, i) for i in found[len(own):]), mode
        result = searched(engine, "lægevagt 2. juni", mode)
        assert result["hits"][0]["title"] == "Lægevagten", mode
    # no meeting was held on 1 January: the words as written, not every item that writes »januar«
    hits = searched(engine, "1. januar")["hits"]
    assert hits and all("1. januar" in item_text(engine, h["id"]) for h in hits)


def test_words_beside_a_date_rank_within_that_days_meeting(engine):
    for mode in MODES:
        result = searched(engine, "lægevagt 2.6.2023", mode)
        assert result["hits"][0]["title"] == "Lægevagten", mode
        assert {h["meeting_date"] for h in result["hits"]} == {"2023-06-02"}, mode
    # lægevagten was discussed on 2 June, not on 14 April: the date keeps to its meeting
    other = searched(engine, "lægevagt 14.4.2023", "hybrid")
    assert other["total"] > 0 and {h["meeting_date"] for h in other["hits"]} == {"2023-04-14"}


def test_two_dates_ask_for_either_meeting(engine):
    both = meeting_items(engine, "2023-04-14") | meeting_items(engine, "2023-06-02")
    for q in ("14.4.2023 2.6.2023", "14.4.2023 OR 2.6.2023"):
        result = searched(engine, q)
        assert {h["id"] for h in result["hits"]} == both, q  # an item is of one meeting: not both at once
    assert searched(engine, "lægevagt 14.4.2023 2.6.2023", "hybrid")["hits"][0]["title"] == "Lægevagten"


def test_items_that_write_the_date_come_after_the_meetings_own(engine):
    result = searched(engine, "14. april 2023")
    own = meeting_items(engine, "2023-04-14")
    found = [h["id"] for h in result["hits"]]
    assert set(found[:len(own)]) == own
    later = found[len(own):]
    assert later and all("14. april 2023" in item_text(engine, i) for i in later)


def test_excluding_a_date_leaves_out_that_days_meeting(engine):
    for mode in MODES:
        result = searched(engine, "kommune -2.6.2023", mode)
        assert result["total"] > 0 and "2023-06-02" not in {h["meeting_date"] for h in result["hits"]}, mode
    assert searched(engine, "lægevagt -2.6.2023")["total"] == 0  # its one item is of that meeting


def test_a_date_no_meeting_was_held_on_is_read_as_text(engine):
    # 26 April 2023 was a KKR meeting, which only the bundled items' text mentions
    result = searched(engine, "26. april 2023")
    assert result["total"] > 0
    assert all("26. april 2023" in item_text(engine, h["id"]) for h in result["hits"])
    assert searched(engine, "13.11.2024")["total"] == 0 and searched(engine, "13.11.2024")["did_you_mean"] is None


def test_greve_finds_the_city_councils_meeting_by_its_date(greve_engine):
    need(GREVE)
    engine = greve_engine[0]
    assert searched(engine, "byrådet 12.11.2024")["did_you_mean"] == "byrådet 13.11.2024"  # a day off
    assert searched(engine, "byrådet 10. november 2024")["did_you_mean"] == "byrådet 13. november 2024"
    assert "12. november 2024" in item_text(engine, searched(engine, "12. november 2024")["hits"][0]["id"])
    assert searched(engine, "byrådet 12. november 2024")["did_you_mean"] is None  # an item writes that day
    hits = searched(engine, "byrådet 13.11.2024", limit=20)["hits"]
    assert {h["meeting_date"] for h in hits} == {"2024-11-13"}  # no item writes »13.11.2024«
    assert [h["body"] for h in hits[:5]] == ["Byråd 2022-2025"] * 5
    hits = searched(engine, "dagsorden byrådet 13. november 2024")["hits"]
    assert (hits[0]["body"], hits[0]["meeting_date"], hits[0]["title"]) == (
        "Byråd 2022-2025", "2024-11-13", "Godkendelse af dagsorden")
    # the item of that meeting first, then later items that refer to its decision by date
    hits = searched(engine, "klimapulje 13. november 2024")["hits"]
    assert (hits[0]["meeting_date"], hits[0]["title"]) == ("2024-11-13", "Klimapulje 2024 - udmøntning")
    assert all(h["meeting_date"] == "2024-11-13" or "13. november 2024" in item_text(engine, h["id"])
               for h in hits)
    # a day without its year: the council's meetings held on it, the newest first, each from its first item
    hits = searched(engine, "byrådet 29. januar")["hits"]
    held = {f["id"] for f in engine.store.item_facts()
            if f["body"] == "Byråd 2022-2025" and f["date"] in ("2025-01-29", "2024-01-29")}
    first = [(h["meeting_date"], h["item_number"]) for h in hits[:len(held)]]
    assert {h["id"] for h in hits[:len(held)]} == held
    assert first == sorted(first, key=lambda m: (-int(m[0].replace("-", "")), m[1])) and first[0][1] == 1
    assert all(h["meeting_date"][5:] == "01-29" or "29. januar" in item_text(engine, h["id"]) for h in hits)
    # a month: its meetings' items, the budget follow-up of September 2023 first
    hits = searched(engine, "budgetopfølgning september 2023")["hits"]
    assert hits[0]["meeting_date"].startswith("2023-09") and "Budgetopfølgning" in hits[0]["title"]
    assert all(h["meeting_date"].startswith("2023-09") or "september 2023" in item_text(engine, h["id"]).lower()
               for h in hits)


@pytest.mark.parametrize(("typed", "written"), [("12.11.2024", "13.11.2024"), ("02.11.24", "13.11.24"),
                                                ("12/11-2024", "13/11-2024"), ("2024-11-12", "2024-11-13"),
                                                ("12. november 2024", "13. november 2024"),
                                                ("12 Nov. 2024", "13 Nov. 2024"), ("november 2024", None),
                                                ("12. november", "13. november"), ("12 Nov", "13 Nov")])
def test_a_day_is_offered_in_the_form_it_was_typed(typed, written):
    assert retyped(typed, "2024-11-13") == written


@pytest.mark.parametrize(("typed", "written"), [("31. oktober 2024", "4. november 2024"),
                                                ("29 Jun 2024", "4 Nov 2024"), ("30 June 2024", "4 November 2024"),
                                                ("28. Okt. 2024", "4. Nov. 2024"), ("31.10.2024", "4.11.2024")])
def test_a_day_in_another_month_is_offered_with_that_months_name_as_it_was_typed(typed, written):
    assert retyped(typed, "2024-11-04") == written
    assert retyped(typed.replace("2024", "1999"), "2024-07-01").startswith("1")  # July has no abbreviation


@pytest.mark.parametrize("mode", MODES)
def test_a_day_without_a_meeting_is_offered_the_meeting_held_nearest_it(engine, mode):
    for q, meant in (("1.6.2023", "2.6.2023"), ("05.06.2023", "02.06.2023"), ("lægevagt 31.5.2023", "lægevagt 2.6.2023"),
                     ("31. maj 2023", "2. juni 2023"), ("lægevagt  5. Juni 2023", "lægevagt 2. Juni 2023"),
                     ("5. Juni", "2. Juni"), ("lægevagt 13. april", "lægevagt 14. april")):  # in any year
        result = searched(engine, q, mode)
        assert result["did_you_mean"] == meant, (q, mode)
        assert searched(engine, meant, mode)["did_you_mean"] is None
    # more than a week from any meeting: no offer (the bundled minutes end in 2023)
    assert searched(engine, "13.11.2024", mode)["did_you_mean"] is None
    assert searched(engine, "10.6.2023", mode)["did_you_mean"] is None  # eight days after the meeting


def test_a_day_without_its_year_is_as_near_a_meeting_as_its_nearest_year_makes_it():
    assert _days_between("--12-30", "2025-01-02") == 3  # across the new year
    assert _days_between("--06-05", "2023-06-02") == 3 and _days_between("--06-02", "2023-06-02") == 0
    assert _days_between("--02-29", "2024-03-01") == 1  # 29 February, in a year that has it
    assert _days_between("2023-06-05", "2023-06-02") == 3
