"""A query of facts alone (a committee named, a meeting's date, or both: »byrådet 13.11.2024«, »økonomiudvalget«,
»november 2024«) lists its matches as the minutes run, in every mode.

Such a query asks for meetings, not for a subject. Its matches were ranked by how often an item writes »byrådet«
and, in hybrid and semantic mode, by what the embedding model makes of »13.11.2024«: the meeting's items came in
no order a reader of minutes knows, and on Greve »byrådet november 2024« put other committees' items between the
council's. Now the items of the committees named at the meetings of the days typed come first, each meeting in
agenda order, the newest first; then the other matches (items that only write the words), in the same order.
"""
from __future__ import annotations

import pytest
from conftest import GREVE, item_text, need

from search.request import SearchRequest

MODES = ("keyword", "hybrid", "semantic")
TMU = "Teknik- og Miljøudvalget"


def searched(engine, q: str, mode: str = "keyword", limit: int = 100) -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=limit, settings=engine.settings))


def agenda(engine, keep) -> list[str]:
    """The items `keep` accepts (given an item's facts), newest meeting first, each in agenda order."""
    facts = [f for f in engine.store.item_facts() if keep(f)]
    facts.sort(key=lambda f: f["number"])
    facts.sort(key=lambda f: f["date"], reverse=True)
    return [f["id"] for f in facts]


@pytest.mark.parametrize("mode", MODES)
def test_a_date_alone_lists_that_days_meeting_in_agenda_order(engine, mode):
    found = [h["id"] for h in searched(engine, "2.6.2023", mode)["hits"]]
    assert found == agenda(engine, lambda f: f["date"] == "2023-06-02")


@pytest.mark.parametrize("mode", MODES)
def test_a_month_lists_its_meetings_first_then_the_items_that_write_it(engine, mode):
    hits = searched(engine, "april 2023", mode)["hits"]
    own = agenda(engine, lambda f: f["date"].startswith("2023-04"))
    assert [h["id"] for h in hits[:len(own)]] == own
    later = hits[len(own):]
    assert later and all("april 2023" in item_text(engine, h["id"]).lower() for h in later)
    assert [h["meeting_date"] for h in later] == sorted((h["meeting_date"] for h in later), reverse=True)


@pytest.mark.parametrize("mode", MODES)
def test_a_committee_named_alone_lists_its_meetings_newest_first(committees_engine, mode):
    own = agenda(committees_engine, lambda f: f["body"] == TMU)
    # stop words beside the name change nothing, and the full name is read as its suspended compounds
    # (»Teknik- og Miljøudvalget«: the Teknikudvalg and Miljøudvalg), the items that write »teknik« after
    for q in ("miljøudvalget", "i teknikudvalget", "Teknik- og Miljøudvalget"):
        found = [h["id"] for h in searched(committees_engine, q, mode)["hits"]]
        assert found[:len(own)] == own, (q, mode)
    assert [h["id"] for h in searched(committees_engine, "miljøudvalget", mode)["hits"]] == own
    found = [h["id"] for h in searched(committees_engine, "økonomiudvalget", mode)["hits"]]
    ou = agenda(committees_engine, lambda f: f["body"] == "Økonomiudvalget")
    assert found[:len(ou)] == ou, mode


@pytest.mark.parametrize("mode", MODES)
def test_a_committee_named_by_its_hyphenated_name_is_listed_too(committees_engine, mode):
    # »KD-Net« is one word of two joined by a hyphen, which the query language reads as a phrase
    own = agenda(committees_engine, lambda f: f["body"] == "KD-Net")
    result = searched(committees_engine, "KD-Net", mode)
    assert result["as_minutes"] is True and [h["id"] for h in result["hits"]][:len(own)] == own, mode
    meeting = agenda(committees_engine, lambda f: f["date"] == "2023-04-14")
    result = searched(committees_engine, "kd-net møde 14.4.2023", mode)
    assert result["as_minutes"] is True and [h["id"] for h in result["hits"]] == meeting, mode
    assert searched(committees_engine, '"KD-Net"', mode)["as_minutes"] is False  # quoted: the words as written


@pytest.mark.parametrize("mode", MODES)
def test_a_year_beside_a_committee_lists_that_years_meetings_first(committees_engine, mode):
    of_2023 = agenda(committees_engine, lambda f: f["body"] == "KD-Net" and f["date"].startswith("2023"))
    rest = agenda(committees_engine, lambda f: f["body"] == "KD-Net" and not f["date"].startswith("2023"))
    result = searched(committees_engine, "KD-Net 2023", mode)
    found = [h["id"] for h in result["hits"]]
    assert result["as_minutes"] is True and found[:len(of_2023)] == of_2023, mode
    assert found[len(of_2023):len(of_2023) + len(rest)] == rest, mode  # the committee's other years after
    # a year is a word without a committee: »budget 2024«, or the year alone
    for q in ("2023", "budget 2023", "møde 2023"):
        assert searched(committees_engine, q, mode)["as_minutes"] is False, (q, mode)


def oldest(engine, keep) -> list[str]:
    """The items `keep` accepts, the oldest meeting first (two meetings of one day by their id), in agenda order."""
    facts = [f for f in engine.store.item_facts() if keep(f)]
    return [f["id"] for f in sorted(facts, key=lambda f: (f["date"], f["meeting_id"], f["number"]))]


@pytest.mark.parametrize("mode", MODES)
def test_the_oldest_asked_for_lists_the_oldest_meeting_first(committees_engine, mode):
    ou = oldest(committees_engine, lambda f: f["body"] == "Økonomiudvalget")
    for q in ("første økonomiudvalgsmøde", "økonomiudvalgets første møde", "ældste referat økonomiudvalget"):
        result = searched(committees_engine, q, mode)
        assert result["as_minutes"] is True and [h["id"] for h in result["hits"]][:len(ou)] == ou, (q, mode)
    # without a committee or a day: every item, the oldest meeting first
    result = searched(committees_engine, "første møde", mode)
    assert [h["id"] for h in result["hits"]] == oldest(committees_engine, lambda f: True)[:100], mode
    # »første« beside a subject is a word; beside »seneste« the newest comes first, as a listing runs
    assert searched(committees_engine, "første behandling", mode)["as_minutes"] is False
    newest = agenda(committees_engine, lambda f: f["body"] == "Økonomiudvalget")
    found = [h["id"] for h in searched(committees_engine, "første og seneste økonomiudvalgsmøde", mode)["hits"]]
    assert found[:len(newest)] == newest, mode


@pytest.mark.parametrize("mode", MODES)
def test_a_committees_meeting_named_in_one_word_and_the_newest_asked_for_are_listed(committees_engine, mode):
    ou = agenda(committees_engine, lambda f: f["body"] == "Økonomiudvalget")
    meeting = agenda(committees_engine, lambda f: f["date"] == "2024-03-04")
    # »økonomiudvalgsmødet«: the committee's name and a word for the minutes, as one compound; »seneste« asks
    # for the newest meeting, which a listing puts first
    for q, own in (("økonomiudvalgsmødet", ou), ("seneste økonomiudvalgsmøde", ou),
                   ("sidste møde i økonomiudvalget", ou), ("økonomiudvalgsreferat 4.3.2024", meeting)):
        result = searched(committees_engine, q, mode)
        assert result["as_minutes"] is True and [h["id"] for h in result["hits"]][:len(own)] == own, (q, mode)
    own = agenda(committees_engine, lambda f: f["body"] == "KD-Net")
    assert [h["id"] for h in searched(committees_engine, "KD-Net-møde", mode)["hits"]][:len(own)] == own
    # the newest asked for without a committee or a day: every item, the newest meeting first
    everything = agenda(committees_engine, lambda f: True)
    for q in ("seneste møde", "Det sidste referat"):
        result = searched(committees_engine, q, mode)
        assert result["as_minutes"] is True and [h["id"] for h in result["hits"]] == everything[:100], (q, mode)
    hits = searched(committees_engine, "seneste møde -lægevagt", mode)["hits"]  # an exclusion still holds
    assert hits and "Lægevagten" not in {h["title"] for h in hits}
    assert [h["id"] for h in hits] == [i for i in everything if i in {h["id"] for h in hits}]
    # no committee is named »udvalg«, and »sidste« beside a subject is a word
    for q in ("udvalgsmøde", "sidste frist"):
        assert searched(committees_engine, q, mode)["as_minutes"] is False, (q, mode)


def test_a_committee_and_a_date_list_that_meeting_first(committees_engine):
    meeting = agenda(committees_engine, lambda f: f["date"] == "2024-03-04")
    # »møde« and »referat« name the minutes themselves, as stop words say nothing: still facts alone
    for q in ("økonomiudvalget den 4.3.2024", "referat af økonomiudvalgets møde den 4.3.2024"):
        found = [h["id"] for h in searched(committees_engine, q, "hybrid")["hits"]]
        assert found[:len(meeting)] == meeting, q
    assert searched(committees_engine, "møde 4.3.2024", "hybrid")["as_minutes"] is True
    assert searched(committees_engine, "møde", "hybrid")["as_minutes"] is False  # no committee, no date


def test_the_response_says_a_list_is_as_the_minutes_run(client):
    for mode in MODES:
        listed = client.get("/search", params={"q": "2.6.2023", "mode": mode}).json()
        assert listed["as_minutes"] is True and listed["total"] > 0, mode
        ranked = client.get("/search", params={"q": "lægevagt 2.6.2023", "mode": mode}).json()
        assert ranked["as_minutes"] is False, mode
    assert client.get("/search", params={"q": "2.6.2023", "body": "Ingen"}).json()["as_minutes"] is False  # none


def test_a_word_of_meaning_beside_the_facts_is_ranked_as_before(engine, committees_engine):
    assert searched(engine, "lægevagt 2.6.2023", "hybrid")["hits"][0]["title"] == "Lægevagten"
    for mode in MODES:  # ranked by the words, not listed from the meeting's item 1
        hits = searched(committees_engine, "miljøudvalget cykelsti", mode)["hits"]
        assert "cykelsti" in item_text(committees_engine, hits[0]["id"]).lower(), mode
    hits = searched(committees_engine, "miljøudvalget cykelsti", "keyword")["hits"]
    assert (hits[0]["body"], hits[0]["title"]) == (TMU, "Renovering af cykelstien langs Strandvejen")
    assert searched(committees_engine, '"miljøudvalget"', "keyword")["total"] == 0  # quoted: the words only


def test_greve_lists_the_city_councils_november_meeting_in_agenda_order(greve_engine):
    need(GREVE)
    engine = greve_engine[0]
    council = agenda(engine, lambda f: f["body"] == "Byråd 2022-2025" and f["date"].startswith("2024-11"))
    for q in ("byrådet november 2024", "byrådet 13.11.2024", "Byrådets møde den 13. november 2024"):
        found = [h["id"] for h in searched(engine, q, limit=len(council) + 5)["hits"]]
        assert found[:len(council)] == council, q
    # the newest asked for: the council's last meeting first
    newest = agenda(engine, lambda f: f["body"] == "Byråd 2022-2025")[:20]
    assert [h["id"] for h in searched(engine, "seneste byrådsmøde", limit=20)["hits"]] == newest
    # the oldest asked for: the council's first meeting in the archive, or of a year, first
    first = oldest(engine, lambda f: f["body"] == "Byråd 2022-2025")[:20]
    assert [h["id"] for h in searched(engine, "byrådets første møde", limit=20)["hits"]] == first
    first = oldest(engine, lambda f: f["body"] == "Byråd 2022-2025" and f["date"].startswith("2024"))[:20]
    assert [h["id"] for h in searched(engine, "første byrådsmøde 2024", limit=20)["hits"]] == first
    # a year beside a committee: its meetings then, the newest first
    of_2024 = agenda(engine, lambda f: f["body"] == "Byråd 2022-2025" and f["date"].startswith("2024"))
    found = [h["id"] for h in searched(engine, "byrådet 2024")["hits"]]
    assert len(of_2024) > 100 and found == of_2024[:100]
    # other committees' meetings that day follow the council's
    rest = searched(engine, "byrådet 13.11.2024", limit=60)["hits"][len(council):]
    assert rest and all(h["meeting_date"] == "2024-11-13" for h in rest)
