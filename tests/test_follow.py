"""Following and export: Atom feeds of a search, a committee, a case and similar items; CSV export;
the store's stored/changed timestamps they rest on."""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from conftest import GREVE, SAMPLES, need

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LAEGEVAGTEN = "kd-net-2023-06-02-1000-50"
GREVE_CASE = "23-001882"  # treated by three committees and the city council in spring 2023
GREVE_CASE_FILES = [
    "Beskæftigelses- og Erhvervsudvalget_2023-04-24T08:00:00+02:00_d600ff3e-33bb-49ad-bad0-3187644d16f8.json",
    "Byråd 2022-2025_2023-05-15T19:00:00+02:00_13b86557-9449-4abe-b687-e52b6d01be6e.json",
    "Klima-, Teknik- og Miljøudvalget_2023-04-27T08:00:00+02:00_eda32afa-0665-466c-bdb2-78c4aa4a9075.json",
    "Økonomiudvalget_2023-05-08T08:00:00+02:00_220cd32a-3dd1-4850-8405-79874040c7f9.json",
    # a meeting without the case, so the filter has something to leave out
    "Beskæftigelses- og Erhvervsudvalget_2023-03-13T08:00:00+01:00_7ed7fb30-b252-4700-9a7f-2e39146cd58c.json",
]
NEW_MEETING = """
Sundhedsudvalget (Referat)

05-03-2024 16:00

Rådhuset, mødelokale 2

Punkt 1: Lægevagten i Midtjylland – ny aftale /v. Ane Holm

Indstilling

Det indstilles, at udvalget tager orienteringen om lægevagten til efterretning.

Beslutning

Udvalget tog orienteringen om lægevagten til efterretning. Æbler, øl og ål blev ikke drøftet.

Punkt 2: Godkendelse af dagsorden /v. Ane Holm

Beslutning

Dagsordenen blev godkendt.
"""


def atom_checked(content: bytes) -> tuple[feedparser.FeedParserDict, ET.Element]:
    """Parse with feedparser and check the Atom namespace and RFC 4287's required elements."""
    parsed = feedparser.parse(content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ET.fromstring(content)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        element = root.find(f"{ATOM}{name}")
        assert element is not None and (element.text or "").strip(), f"feed lacks <{name}>"
    assert RFC3339.match(root.find(f"{ATOM}updated").text)
    assert root.find(f"{ATOM}author/{ATOM}name") is not None  # required unless every entry has one
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            element = entry.find(f"{ATOM}{name}")
            assert element is not None and (element.text or "").strip(), f"entry lacks <{name}>"
        assert RFC3339.match(entry.find(f"{ATOM}updated").text)
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("http")
    return parsed, root


def item_id_of(entry) -> str:
    return entry.id.removeprefix("urn:minutes-item:")


# -- a store of its own (keyword index only), written to by the tests ---------------------------
@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from config.settings import Settings
    from search.engine import Engine

    work = tmp_path_factory.mktemp("follow")
    engine = Engine(Settings(data_dir=work / "data"))
    engine.ingest([SAMPLES])
    engine.sync(embeddings=False)
    with TestClient(create_app(engine)) as client:
        yield engine, client, work


def test_search_feed_is_valid_atom_with_item_entries(client):
    response = client.get("/feed.atom", params={"q": "lægevagt"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed, _ = atom_checked(response.content)
    assert "lægevagt" in parsed.feed.title
    entry = parsed.entries[0]
    assert item_id_of(entry) == LAEGEVAGTEN
    assert entry.title.startswith("Lægevagten") and "KD-Net" in entry.title and "2. juni 2023" in entry.title
    assert entry.link.endswith(f"/punkt/{LAEGEVAGTEN}")
    assert "Beslutning: KD-Net drøftede sagen." in entry.summary
    assert client.get(entry.link.removeprefix("http://testserver")).status_code == 200  # the item page


def test_filters_alone_give_the_newest_items_of_a_committee(client):
    response = client.get("/feed.atom", params={"body": "KD-Net"})
    parsed, _ = atom_checked(response.content)
    assert len(parsed.entries) == 42 > 0  # every bundled item: all are KD-Net's, under the 50-entry cap
    ids = [item_id_of(e) for e in parsed.entries]
    dates = [re.search(r"\d{4}-\d{2}-\d{2}", i).group() for i in ids]
    assert dates == sorted(dates, reverse=True)  # newest meeting first
    assert atom_checked(client.get("/feed.atom", params={"body": "Økonomiudvalget"}).content)[0].entries == []


def test_feed_rejects_bad_parameters_with_a_message(client):
    response = client.get("/feed.atom", params={"q": "x", "from": "02-06-2023"})
    assert response.status_code == 422 and "YYYY-MM-DD" in response.json()["detail"]


def test_unchanged_feed_answers_304(client):
    first = client.get("/feed.atom", params={"q": "lægevagt", "body": "KD-Net"})
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and modified.endswith("GMT")
    again = client.get("/feed.atom", params={"q": "lægevagt", "body": "KD-Net"}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    since = client.get("/feed.atom", params={"q": "lægevagt", "body": "KD-Net"},
                       headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    other = client.get("/feed.atom", params={"q": "midttrafik"}, headers={"If-None-Match": etag})
    assert other.status_code == 200  # another search's feed is another document



@pytest.mark.parametrize("since", ["Mon, 01 Jan 2020 00:00:00 +99999999999999999999", "gestern", "",
                                   "Mon, 32 Jan 2020 00:00:00 GMT", "Mon, 01 Jan 99999999999 00:00:00 GMT"])
def test_an_unreadable_if_modified_since_is_ignored(client, since):
    """RFC 9110: a date that cannot be read is ignored, the feed is sent; never a 500 (a 20-digit zone offset
    overflowed the standard library's parser)."""
    for path in ("/feed.atom", f"/items/{LAEGEVAGTEN}/similar.atom"):
        response = client.get(path, params={"q": "lægevagt"}, headers={"If-Modified-Since": since})
        assert response.status_code == 200 and atom_checked(response.content)[0].entries, (path, since)

def test_new_meeting_tops_an_existing_feed(writable):
    engine, client, work = writable
    params = {"q": "lægevagt"}
    before = client.get("/feed.atom", params=params)
    old_ids = [item_id_of(e) for e in atom_checked(before.content)[0].entries]
    assert old_ids[0] == LAEGEVAGTEN

    new_file = work / "sundhed-2024-03-05-referat.txt"
    new_file.write_text(NEW_MEETING, encoding="utf-8")
    engine.ingest([new_file])
    engine.sync(embeddings=False)

    after = client.get("/feed.atom", params=params, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    parsed, _ = atom_checked(after.content)
    ids = [item_id_of(e) for e in parsed.entries]
    assert ids[0].startswith("sundhedsudvalget-2024-03-05") and ids[0].endswith("-1")
    assert ids[1:] == old_ids  # the old entries follow, unchanged
    assert "Lægevagten i Midtjylland" in parsed.entries[0].title
    assert parsed.entries[0].updated_parsed >= parsed.entries[1].updated_parsed
    assert client.get("/feed.atom", params=params,
                      headers={"If-None-Match": after.headers["etag"]}).status_code == 304


def test_case_feed_by_parameter_and_by_sag_prefix(client):
    case = "00.01.10-A00-2-23"  # a case number the bundled minutes give 14 items
    by_param = atom_checked(client.get("/feed.atom", params={"case": case}).content)[0]
    by_query = atom_checked(client.get("/feed.atom", params={"q": f"sag:{case}"}).content)[0]
    ids = [item_id_of(e) for e in by_param.entries]
    assert ids and ids == [item_id_of(e) for e in by_query.entries]
    expected = {h["id"] for h in client.get("/search", params={"q": "", "case": case, "limit": 100}).json()["hits"]}
    assert set(ids) == expected
    items = [client.get(f"/items/{i}").json() for i in ids]
    assert all(it["case_number"] == case for it in items)
    # `sag:` with a word is still a search in the case text, not a case number
    assert client.get("/search", params={"q": "sag:lægevagtsordningen"}).json()["total"] >= 1


@pytest.mark.greve
def test_greve_case_feed_lists_every_treatment(tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from config.settings import Settings
    from corpus.readers import read_meetings
    from corpus.model import item_id
    from search.engine import Engine

    folder = need(GREVE)
    files = [folder / name for name in GREVE_CASE_FILES]
    for f in files:
        need(f)
    expected = set()
    for f in files:
        for meeting in read_meetings(f.read_bytes(), f.name):
            expected |= {item_id(meeting.id, it.number) for it in meeting.items if it.case_number == GREVE_CASE}
    assert len(expected) == 4

    engine = Engine(Settings(data_dir=tmp_path / "data"))
    engine.ingest(files)
    engine.sync(embeddings=False)
    with TestClient(create_app(engine)) as client:
        for params in ({"case": GREVE_CASE}, {"q": f"sag:{GREVE_CASE}"}):
            parsed, _ = atom_checked(client.get("/feed.atom", params=params).content)
            assert {item_id_of(e) for e in parsed.entries} == expected, params
            bodies = {e.author for e in parsed.entries}
            assert {"Byråd 2022-2025", "Økonomiudvalget"} <= bodies
        words_and_case = client.get("/feed.atom", params={"q": f"budget sag:{GREVE_CASE}"})
        assert {item_id_of(e) for e in atom_checked(words_and_case.content)[0].entries} <= expected


# -- similar items -----------------------------------------------------------------------------
def test_similar_items_are_on_topic_and_exclude_the_item(client):
    response = client.get(f"/items/{LAEGEVAGTEN}/similar", params={"limit": 10})
    assert response.status_code == 200
    data = response.json()
    assert data["available"] is True and data["id"] == LAEGEVAGTEN
    hits = data["hits"]
    assert 5 <= len(hits) <= 10
    titles = [h["title"] for h in hits]
    assert LAEGEVAGTEN not in [h["id"] for h in hits]
    for field in ("id", "meeting_id", "body", "meeting_date", "item_number", "title", "decision", "snippet", "score"):
        assert all(field in h for h in hits), field
    health = [i for i, t in enumerate(titles) if re.search(r"sundhed|Tele(KOL|Hjerte)|vagt", t)]
    calendar = [i for i, t in enumerate(titles) if re.search(r"Kommende møder|Godkendelse af dagsorden", t)]
    assert health and health[0] < 5, titles
    assert not calendar or health[0] < calendar[0], titles


def test_similar_leaves_out_the_other_treatments_of_the_case(client):
    case = "00.01.10-A00-2-23"
    member = client.get("/search", params={"case": case, "limit": 1}).json()["hits"][0]
    hits = client.get(f"/items/{member['id']}/similar", params={"limit": 20}).json()["hits"]
    assert hits and all(h["case_number"] != case for h in hits)


def test_similar_unknown_item_is_404(client):
    response = client.get("/items/no-such-item/similar")
    assert response.status_code == 404 and "no-such-item" in response.json()["detail"]
    assert client.get("/items/no-such-item/similar.atom").status_code == 404


def test_similar_feed(client):
    response = client.get(f"/items/{LAEGEVAGTEN}/similar.atom")
    parsed, _ = atom_checked(response.content)
    assert "Lægevagten" in parsed.feed.title and parsed.entries
    assert LAEGEVAGTEN not in [item_id_of(e) for e in parsed.entries]
    iso = [re.search(r"\d{4}-\d{2}-\d{2}", item_id_of(e)).group() for e in parsed.entries]
    assert iso == sorted(iso, reverse=True)  # newest meeting first (item ids carry the meeting date)
    cached = client.get(f"/items/{LAEGEVAGTEN}/similar.atom", headers={"If-None-Match": response.headers["etag"]})
    assert cached.status_code == 304


def test_similar_without_vectors_says_so(writable):
    _, client, _ = writable
    data = client.get(f"/items/{LAEGEVAGTEN}/similar").json()
    assert data == {**data, "available": False, "hits": []}


# -- CSV ---------------------------------------------------------------------------------------
def test_csv_round_trips_with_bom_and_danish_letters(client):
    response = client.get("/search.csv", params={"q": "lægevagt", "body": "KD-Net"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Udvalg", "Mødedato", "Punkt", "Titel", "Sagsnummer", "Beslutning", "Link"]
    search = client.get("/search", params={"q": "lægevagt", "body": "KD-Net", "limit": 100}).json()
    assert len(rows) - 1 == search["total"]
    first = rows[1]
    assert first[:4] == ["KD-Net", "2023-06-02", "50", "Lægevagten"]
    assert "drøftede" in first[5] and "gå ind i forhandlinger" in first[5]
    assert first[6].endswith(f"/punkt/{LAEGEVAGTEN}")
    text = "".join("".join(r) for r in rows)
    assert all(letter in text for letter in "æøå")
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[1]) for r in rows[1:])


def test_csv_quotes_semicolons_and_neutralises_formulas():
    from starlette.requests import Request

    from api.export import search_csv

    request = Request({"type": "http", "scheme": "http", "server": ("host", 80), "path": "/search.csv",
                       "root_path": "", "query_string": b"", "headers": []})
    hit = {"id": "x-1", "body": "Økonomiudvalget", "meeting_date": "2024-01-02", "item_number": 3,
           "title": "=HYPERLINK(\"http://evil\")", "case_number": "24-000001",
           "decision": "Godkendt; dog med\nforbehold for \"æøå\"."}
    rows = list(csv.reader(io.StringIO(search_csv(request, [hit]).decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1][3] == "'=HYPERLINK(\"http://evil\")"
    assert rows[1][5] == "Godkendt; dog med forbehold for \"æøå\"."
    assert rows[1][6] == "http://host/punkt/x-1"


def test_csv_limit_is_bounded(client):
    assert client.get("/search.csv", params={"q": "kd-net", "limit": 5000}).status_code == 422


# -- the store's timestamps --------------------------------------------------------------------
def test_items_keep_stored_at_and_change_changed_at_only_when_changed(tmp_path, monkeypatch):
    import corpus.store as store_module
    from corpus.ingest import ingest_paths
    from corpus.store import Store

    source = tmp_path / "sundhed-2024-03-05-referat.txt"
    source.write_text(NEW_MEETING, encoding="utf-8")
    store = Store(tmp_path / "minutes.sqlite3")
    monkeypatch.setattr(store_module, "utc_now", lambda: "2024-03-06T10:00:00Z")
    ingest_paths([source], store)
    first = {s.id: s for s in store.items()}
    assert {s.stored_at for s in first.values()} == {s.changed_at for s in first.values()} == {"2024-03-06T10:00:00Z"}

    monkeypatch.setattr(store_module, "utc_now", lambda: "2024-03-07T10:00:00Z")
    source.write_text(NEW_MEETING.replace("Dagsordenen blev godkendt.", "Dagsordenen blev godkendt med en rettelse."),
                      encoding="utf-8")
    ingest_paths([source], store)
    second = {s.id: s for s in store.items()}
    changed = [i for i in second if second[i].changed_at != first[i].changed_at]
    assert len(changed) == 1 and changed[0].endswith("-2")
    assert second[changed[0]].changed_at == "2024-03-07T10:00:00Z"
    assert all(s.stored_at == "2024-03-06T10:00:00Z" for s in second.values())


def test_an_older_store_is_migrated_in_place(tmp_path):
    import sqlite3

    from corpus.ingest import ingest_paths
    from corpus.store import Store

    path = tmp_path / "minutes.sqlite3"
    source = tmp_path / "sundhed-2024-03-05-referat.txt"
    source.write_text(NEW_MEETING, encoding="utf-8")
    ingest_paths([SAMPLES, source], Store(path))
    old = sqlite3.connect(path)  # make it look like a store from before the timestamps
    for column in ("stored_at", "changed_at", "item_hash"):
        old.execute(f"ALTER TABLE items DROP COLUMN {column}")
    old.execute("DELETE FROM meta WHERE key='changed_at'")
    old.commit()
    count = old.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    old.close()

    store = Store(path)
    items = store.items()
    assert len(items) == count == 44
    assert all(s.stored_at and s.stored_at == s.changed_at for s in items)
    assert store.changed_at() > 0
    before = {s.id: s.changed_at for s in items}

    source.write_text(NEW_MEETING.replace("Dagsordenen blev godkendt.", "Dagsordenen blev ikke godkendt."),
                      encoding="utf-8")
    import corpus.store as store_module

    store_module_now = store_module.utc_now
    try:
        store_module.utc_now = lambda: "2099-01-01T00:00:00Z"
        ingest_paths([source], store)
    finally:
        store_module.utc_now = store_module_now
    after = {s.id: s.changed_at for s in store.items()}
    assert [i for i in after if after[i] != before[i]] == [i for i in after if i.startswith("sundheds") and i.endswith("-2")]
    assert len([i for i in after if after[i] == "2099-01-01T00:00:00Z"]) == 1
