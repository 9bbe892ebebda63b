"""/meetings?body=A&body=B lists the meetings of both committees, newest first, as the search's repeatable
`body` filter does; before, the listing took the last `body` only and dropped the other committee's meetings."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES
from fastapi.testclient import TestClient

from corpus.ingest import ingest_paths

FIXTURE = Path(__file__).parent / "closed_fixture"  # Økonomiudvalget (JSON) and Teknik- og Miljøudvalget (text)


def test_the_store_lists_the_meetings_of_any_of_several_committees(new_store):
    ingest_paths([SAMPLES, FIXTURE], new_store)
    everything = new_store.meetings()
    bodies = sorted({m.body for m in everything})
    assert len(bodies) >= 3, bodies
    two = bodies[:2]
    listed = new_store.meetings(body=two)
    assert [m.id for m in listed] == [m.id for m in everything if m.body in two]  # same order: newest first
    assert {m.body for m in listed} == set(two)
    assert new_store.meetings(body=[two[0]]) == new_store.meetings(body=two[0])
    assert [m.id for m in new_store.meetings(body=[])] == [m.id for m in everything]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from api.app import create_app
    from config.settings import Settings
    from search.engine import Engine

    engine = Engine(Settings(data_dir=tmp_path_factory.mktemp("data"), embeddings=False))
    engine.ingest([SAMPLES, FIXTURE])
    engine.sync(embeddings=False)
    with TestClient(create_app(engine)) as c:
        yield c


def test_the_meetings_listing_takes_every_body_given(client):
    everything = client.get("/meetings").json()["meetings"]
    bodies = sorted({m["body"] for m in everything})
    assert len(bodies) >= 3, bodies
    both = client.get("/meetings", params=[("body", bodies[0]), ("body", bodies[1])])
    assert both.status_code == 200, both.text
    assert [m["id"] for m in both.json()["meetings"]] == [m["id"] for m in everything if m["body"] in bodies[:2]]
    one = client.get("/meetings", params={"body": bodies[0]}).json()["meetings"]
    assert one and {m["body"] for m in one} == {bodies[0]}
    assert client.get("/meetings", params={"body": ""}).json()["meetings"] == everything  # an empty filter: all
