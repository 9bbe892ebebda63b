"""A case number typed in any letter case finds its case's items, as a filter (`case=`) and in the query
(`sag:`), in every mode; the hits show the case number as the minutes write it (bundled minutes: 14 items
of case 00.01.10-A00-2-23)."""
from __future__ import annotations

import csv
import io

import pytest

CASE = "00.01.10-A00-2-23"
SPELLINGS = (CASE, CASE.lower())  # its one letter as written and in lower case
MODES = ("hybrid", "keyword", "semantic")


def hits(client, mode: str, **params) -> list[dict]:
    response = client.get("/search", params={"mode": mode, "limit": 50, **params})
    assert response.status_code == 200, response.text
    return response.json()["hits"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("typed", SPELLINGS)
def test_a_case_number_in_any_letter_case_finds_the_cases_items(client, typed, mode):
    stored = [h["id"] for h in hits(client, mode, case=CASE)]
    assert len(stored) == 14
    for params in ({"case": typed}, {"q": f"sag:{typed}"}, {"q": f'sag:"{typed}"'}):
        found = hits(client, mode, **params)
        assert [h["id"] for h in found] == stored, params
        assert {h["case_number"] for h in found} == {CASE}, params  # as the minutes write it


def test_the_export_of_a_case_typed_in_lower_case_shows_the_case_number_as_written(client):
    response = client.get("/search.csv", params={"case": CASE.lower()})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 14 and {row["Sagsnummer"] for row in rows} == {CASE}
