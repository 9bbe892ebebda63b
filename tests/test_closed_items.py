"""Closed agenda items (»Lukket punkt«) reach only callers allowed to see them, through every answer.

Fixture (tests/closed_fixture): Greve-layout JSON (an open and a closed item of Økonomiudvalget, and an
earlier open item in the closed item's case) and a text minutes file of Teknik- og Miljøudvalget with a
closed item; both closed items hold the word "Kvistrupholm", which occurs nowhere else. They are served
beside the bundled KD-Net minutes, and compared with the same corpus whose closed items have no content.
Keys are generated here; nothing touches the network.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from pathlib import Path

import httpx
import jwt
import pytest
from conftest import SAMPLES, TOKEN, copy_embedding_cache
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from serving import Served

FIXTURE = Path(__file__).parent / "closed_fixture"
WORD = "kvistrupholm"
ISS, AUD = "https://login.greve.example/realms/intra", "minutes-search"
PROXY = "10.9.8.7"
CLOSED_GROUP, OEU_GROUP, ADMIN_GROUP = "lukkede-punkter", "oeu-medlemmer", "minutes-admin"
MODES = ("keyword", "semantic", "hybrid")

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def jwks() -> dict:
    keys = []
    for kid, key, alg in (("rsa-1", RSA_KEY, "RS256"), ("ec-1", EC_KEY, "ES256")):
        algorithm = jwt.algorithms.RSAAlgorithm if alg == "RS256" else jwt.algorithms.ECAlgorithm
        jwk = json.loads(algorithm.to_jwk(key.public_key()))
        keys.append({**jwk, "kid": kid, "alg": alg, "use": "sig"})
    return {"keys": keys}


def token(groups=(CLOSED_GROUP,), key=RSA_KEY, alg="RS256", kid="rsa-1", **claims) -> str:
    now = int(time.time())
    body = {"iss": ISS, "aud": AUD, "sub": "medarbejder-17", "iat": now, "nbf": now - 5, "exp": now + 300,
            "groups": None if groups is None else list(groups), **claims}
    return jwt.encode({k: v for k, v in body.items() if v is not None}, key, algorithm=alg, headers={"kid": kid})


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned(alg: str, secret: bytes | None = None) -> str:
    """A token jwt.encode refuses to make: alg none, or HS256 "signed" with the public key (confusion)."""
    now = int(time.time())
    head = b64(json.dumps({"alg": alg, "typ": "JWT", "kid": "rsa-1"}).encode())
    body = b64(json.dumps({"iss": ISS, "aud": AUD, "sub": "x", "exp": now + 300, "groups": [CLOSED_GROUP]}).encode())
    signing_input = f"{head}.{body}".encode()
    signature = b64(hmac.new(secret, signing_input, hashlib.sha256).digest()) if secret else ""
    return f"{head}.{body}.{signature}"


def bearer(value: str) -> dict:
    return {"Authorization": f"Bearer {value}"}


# -- the two corpora ---------------------------------------------------------------------------------

def stripped_copy(target: Path) -> Path:
    """The fixture with the closed items' content removed (titles, numbers and case numbers kept)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in FIXTURE.glob("*.json"):
        doc = json.loads(path.read_text())
        for item in doc["Dagsordenpunkter"]:
            if item["Caption"].lower().startswith("lukket"):
                item["Felter"] = []
        (target / path.name).write_text(json.dumps(doc, ensure_ascii=False))
    for path in FIXTURE.glob("*.txt"):
        text = path.read_text()
        heading = re.search(r"^Punkt 3: Lukket:.*$", text, re.M)
        (target / path.name).write_text(text[:heading.end()] + "\n")
    return target


def without_closed_items(target: Path) -> Path:
    """The fixture with its closed items gone altogether: what a caller who may not know of them should see."""
    target.mkdir(parents=True, exist_ok=True)
    for path in FIXTURE.glob("*.json"):
        doc = json.loads(path.read_text())
        doc["Dagsordenpunkter"] = [i for i in doc["Dagsordenpunkter"] if not i["Caption"].lower().startswith("lukket")]
        (target / path.name).write_text(json.dumps(doc, ensure_ascii=False))
    for path in FIXTURE.glob("*.txt"):
        text = path.read_text()
        (target / path.name).write_text(text[:re.search(r"^Punkt 3: Lukket:", text, re.M).start()])
    return target


def build(engine, data: Path, sources: list[Path], **overrides):
    from config.settings import Settings
    from search.engine import Engine

    jwks_file = data.parent / f"{data.name}-jwks.json"
    jwks_file.write_text(json.dumps(jwks()))
    settings = Settings(data_dir=data, api_token=TOKEN, oidc_issuer=ISS, oidc_audience=AUD, oidc_jwks_file=jwks_file,
                        closed_groups=[CLOSED_GROUP], committee_groups={"Økonomiudvalget": [OEU_GROUP]},
                        admin_groups=[ADMIN_GROUP], proxy_addresses=[f"{PROXY}/32"],
                        credential_origins=["https://intra.greve.example"], **overrides)
    copy_embedding_cache(engine, data)
    eng = Engine(settings)
    eng.ingest([SAMPLES, *sources])
    eng.sync()
    return eng


@pytest.fixture(scope="module")
def full(engine, tmp_path_factory):
    return build(engine, tmp_path_factory.mktemp("closed-full"), [FIXTURE])


@pytest.fixture(scope="module")
def stripped(engine, tmp_path_factory):
    return build(engine, tmp_path_factory.mktemp("closed-stripped"), [stripped_copy(tmp_path_factory.mktemp("src"))])


@pytest.fixture(scope="module")
def client(full):
    from api.app import create_app

    with TestClient(create_app(full)) as c:
        yield c


@pytest.fixture(scope="module")
def plain(stripped):
    from api.app import create_app

    with TestClient(create_app(stripped)) as c:
        yield c


@pytest.fixture(scope="module")
def ids(full):
    closed = {s.body: s.id for s in full.store.iter_items() if s.item.closed}
    items = [s.id for s in full.store.iter_items() if s.body != "KD-Net"]
    meetings = sorted({s.meeting_id for s in full.store.iter_items() if s.body != "KD-Net"})
    return {"closed": closed, "items": items, "meetings": meetings}


# -- the fixture is what the tests claim --------------------------------------------------------------

def test_fixture_has_closed_items_with_the_word_from_both_formats(full):
    closed = [s for s in full.store.iter_items() if s.item.closed]
    assert {s.body for s in closed} == {"Økonomiudvalget", "Teknik- og Miljøudvalget"}
    for s in closed:
        text = " ".join(sec.text for sec in s.item.sections).lower()
        assert WORD in text, s.id
    others = [s for s in full.store.iter_items() if not s.item.closed]
    assert others and not any(WORD in (s.item.title + " ".join(x.text for x in s.item.sections)).lower()
                              for s in others)


# -- anonymous: the word never appears, and nothing counts differently --------------------------------

def _get_routes(app, routes=None, prefix=""):
    """(path, route) of every GET route, also inside included routers (FastAPI >= 0.120 keeps those apart)."""
    for route in app.routes if routes is None else routes:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            yield prefix + route.path, route
        elif getattr(route, "original_router", None) is not None:  # an included router
            context = getattr(route, "include_context", None)
            yield from _get_routes(app, route.original_router.routes, prefix + getattr(context, "prefix", ""))


def _urls(path: str, route, ids) -> list[tuple[str, dict]]:
    """Requests for one route: every fixture item / meeting for its path parameters, every search mode."""
    names = re.findall(r"{(\w+)(?::\w+)?}", path)
    paths = [path]
    for name in names:
        values = (ids["items"] if "item" in name else ids["meetings"] if "meeting" in name
                  else ["widget.js"] if name == "name" else ["x"])
        paths = [re.sub(r"{%s(?::\w+)?}" % name, v, p) for p in paths for v in values]
    query = {p.name for p in route.dependant.query_params}
    params = [{}]
    if "q" in query:
        params = [{"q": WORD.capitalize()}, {"q": "skole"}, {"q": "Godkendt forlig"}]
        if "mode" in query:
            params = [{**p, "mode": m} for p in params for m in MODES]
    return [(p, q) for p in paths for q in params]


def test_every_get_route_as_anonymous_never_shows_the_word(client, plain, ids):
    """Every GET route of the app (the OpenAPI-listed ones and the pages), new ones included: the word
    appears no more often than in the same answer from the corpus without closed content (where only an
    echo of the query can hold it)."""
    routes = list(_get_routes(client.app))
    assert {"/search", "/suggest", "/items/{item_id}", "/meetings", "/meetings/{meeting_id}", "/punkt/{item_id}",
            "/widget.js"} <= {p for p, _ in routes}
    asked = 0
    for template, route in routes:
        for path, params in _urls(template, route, ids):
            response, reference = client.get(path, params=params), plain.get(path, params=params)
            asked += 1
            assert response.status_code < 500, (path, params, response.text[:300])
            assert response.status_code == reference.status_code, (path, params)
            echoes = reference.text.lower().count(WORD)
            assert response.text.lower().count(WORD) == echoes, (path, params)
            if not params:
                assert echoes == 0, (path, params)
    assert asked >= 33


def test_openapi_lists_no_route_the_test_above_misses(client):
    listed = {path for path, ops in client.app.openapi()["paths"].items() if "get" in ops}
    assert listed <= {p for p, _ in _get_routes(client.app)}


QUERIES = [WORD.capitalize(), "skole", "salg af den tidligere skole", "tidligere skole", "cykelstien", "kloakledning",
           "forlig erstatning", "Godkendt", "lægevagt", "budget", "Entreprise", "-Kvistrupholm skole",
           "Kvistrupholm OR cykelstien", "beslutning:Kvistrupholm", "titel:skole", '"tidligere skole"',
           "sælges ejendom boliger", "hvem køber den gamle skole", "Kvistrupholmm", "",
           "økonomiudvalget", "miljøudvalget 6.5.2024", "økonomiudvalget skole"]  # committees named, and listed


def comparable(result: dict) -> dict:
    return {"total": result["total"], "facets": result["facets"],
            "hits": [(h["id"], round(h["score"], 5), h["title"], h["presenter"], h["case_number"], h["decision"],
                      h["snippet"], h["closed"], h["restricted"]) for h in result["hits"]]}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("q", QUERIES)
def test_anonymous_results_equal_a_corpus_without_closed_content(client, plain, mode, q):
    for extra in ({}, {"presenter": "Lone Holm"}, {"section": "decision"}, {"sort": "date"},
                  {"body": "Økonomiudvalget"}):
        params = {"q": q, "mode": mode, "limit": 50, **extra}
        got, want = client.get("/search", params=params), plain.get("/search", params=params)
        assert got.status_code == want.status_code == 200, got.text
        assert comparable(got.json()) == comparable(want.json()), params
        assert WORD not in json.dumps([got.json()["hits"], got.json()["facets"]]).lower()


def test_anonymous_views_equal_a_corpus_without_closed_content(client, plain, ids):
    for path in [*(f"/items/{i}" for i in ids["items"]), *(f"/meetings/{m}" for m in ids["meetings"]),
                 "/meetings", "/health"]:
        got, want = client.get(path), plain.get(path)
        assert got.status_code == want.status_code == 200, path
        a, b = got.json(), want.json()
        for data in (a, b):
            data.pop("source", None)
            for m in data.get("meetings") if isinstance(data.get("meetings"), list) else []:
                m.pop("source", None)
        assert a == b, path
    for prefix in ("skole", "Lukket", "Salg"):
        assert client.get("/suggest", params={"q": prefix}).json() == plain.get("/suggest", params={"q": prefix}).json()


def test_anonymous_sees_a_closed_item_as_title_date_and_committee(client, ids):
    view = client.get(f"/items/{ids['closed']['Økonomiudvalget']}").json()
    assert view["closed"] and view["restricted"]
    assert view["title"] == "Lukket: Salg af den tidligere skole" and view["meeting_date"] == "2024-03-04"
    assert view["body"] == "Økonomiudvalget"
    assert view["sections"] == [] and view["decision"] == "" and view["case_number"] is None
    assert view["case_history"] == [] and view["attachments"] == [] and view["presenter"] is None
    hit = client.get("/search", params={"q": "skole", "mode": "keyword"}).json()["hits"]
    closed = [h for h in hit if h["closed"]]
    assert closed and all(h["restricted"] and h["snippet"] == "Lukket punkt" and not h["decision"] for h in closed)


def test_case_history_of_an_open_item_hides_a_closed_step(client, full):
    earlier = next(s.id for s in full.store.iter_items() if s.item.title == "Udbud af den tidligere skole")
    assert client.get(f"/items/{earlier}").json()["case_history"] == []
    allowed = client.get(f"/items/{earlier}", headers=bearer(token())).json()["case_history"]
    assert [h["title"] for h in allowed] == ["Lukket: Salg af den tidligere skole"]


# -- allowed callers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_an_allowed_group_finds_closed_content(client, ids, mode):
    result = client.get("/search", params={"q": WORD, "mode": mode}, headers=bearer(token())).json()
    # a lone made-up name is no question of meaning: semantic mode need only list both closed items
    depth = 10 if mode == "semantic" else 2
    top = [h["id"] for h in result["hits"][:depth]]
    assert set(ids["closed"].values()) <= set(top), result["hits"]
    hit = next(h for h in result["hits"] if h["id"] in ids["closed"].values())
    assert hit["closed"] and not hit["restricted"] and WORD in (hit["snippet"] + hit["decision"]).lower()


def test_an_allowed_group_sees_the_whole_item(client, ids):
    for cid in ids["closed"].values():
        view = client.get(f"/items/{cid}", headers=bearer(token())).json()
        assert view["closed"] and not view["restricted"]
        assert WORD in " ".join(s["text"] for s in view["sections"]).lower()


def test_an_es256_token_works_too(client):
    result = client.get("/search", params={"q": WORD, "mode": "keyword"},
                        headers=bearer(token(key=EC_KEY, alg="ES256", kid="ec-1"))).json()
    assert result["total"] == 2


def test_exclusion_and_field_queries_reach_closed_content_for_allowed_callers(client):
    auth = bearer(token())
    assert client.get("/search", params={"q": "beslutning:Kvistrupholm", "mode": "keyword"},
                      headers=auth).json()["total"] == 2
    without = client.get("/search", params={"q": "-Kvistrupholm skole", "mode": "keyword"}, headers=auth).json()
    assert all(not h["closed"] for h in without["hits"])


def test_committee_groups_see_only_their_committees_closed_items(client, ids):
    auth = bearer(token(groups=[OEU_GROUP]))
    result = client.get("/search", params={"q": WORD, "mode": "keyword"}, headers=auth).json()
    assert [h["id"] for h in result["hits"]] == [ids["closed"]["Økonomiudvalget"]]
    teknik = client.get(f"/items/{ids['closed']['Teknik- og Miljøudvalget']}", headers=auth).json()
    assert teknik["restricted"] and WORD not in json.dumps(teknik).lower()
    semantic = client.get("/search", params={"q": "Kvistrupholm Entreprise kloakledning", "mode": "semantic",
                                             "limit": 50}, headers=auth)
    teknik_hits = [h for h in semantic.json()["hits"] if h["id"] == ids["closed"]["Teknik- og Miljøudvalget"]]
    assert all(h["restricted"] and h["snippet"] == "Lukket punkt" for h in teknik_hits)


def test_the_operator_token_sees_closed_items(client):
    assert client.get("/search", params={"q": WORD, "mode": "keyword"}, headers=bearer(TOKEN)).json()["total"] == 2


# -- wrong identities: anonymous or 401, never content --------------------------------------------------

def test_a_wrong_group_is_the_public(client, plain):
    params = {"q": WORD, "mode": "hybrid"}
    got = client.get("/search", params=params, headers=bearer(token(groups=["andre"])))
    assert got.status_code == 200 and comparable(got.json()) == comparable(plain.get("/search", params=params).json())


BAD_TOKENS = {
    "expired": lambda: token(exp=int(time.time()) - 3600, nbf=int(time.time()) - 7200, iat=int(time.time()) - 7200),
    "not yet valid": lambda: token(nbf=int(time.time()) + 3600),
    "wrong audience": lambda: token(aud="another-service"),
    "wrong issuer": lambda: token(iss="https://evil.example"),
    "no audience": lambda: token(aud=None),
    "bad signature": lambda: token(key=OTHER_KEY),
    "unknown key": lambda: token(kid="who-knows"),
    "alg none": lambda: unsigned("none"),
    "HS256 with the public key": lambda: unsigned("HS256", RSA_KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)),
    "HS256 with the JWK": lambda: unsigned("HS256", json.dumps(jwks()["keys"][0]).encode()),
    "RS256 token claiming the EC key": lambda: token(kid="ec-1"),
    "garbage": lambda: "not.a.token",
    "a random word": lambda: "hunter2",
}


@pytest.mark.parametrize("case", BAD_TOKENS)
def test_invalid_tokens_are_401_without_content(client, ids, case):
    auth = bearer(BAD_TOKENS[case]())
    for path, params in [("/search", {"q": WORD, "mode": "keyword"}), ("/search", {"q": WORD, "mode": "semantic"}),
                         (f"/items/{ids['closed']['Økonomiudvalget']}", {}), ("/suggest", {"q": "skole"}),
                         (f"/meetings/{ids['meetings'][0]}", {})]:
        response = client.get(path, params=params, headers=auth)
        assert response.status_code == 401, (case, path, response.text)
        assert response.json()["detail"].startswith("invalid access token")
        assert WORD not in response.text.lower() and set(response.json()) == {"detail"}


def test_a_leeway_of_seconds_accepts_slight_clock_skew(client):
    skewed = token(nbf=int(time.time()) + 10)  # the issuer's clock runs 10 s ahead; leeway is 30 s
    assert client.get("/search", params={"q": WORD, "mode": "keyword"}, headers=bearer(skewed)).json()["total"] == 2


@pytest.fixture(scope="module")
def via_proxy(full):
    from api.app import create_app

    with TestClient(create_app(full), client=(PROXY, 40000)) as c:
        yield c


def test_proxy_headers_count_only_from_the_proxy(client, via_proxy, plain):
    headers = {"X-Forwarded-User": "medarbejder-17", "X-Forwarded-Groups": f"andre, {CLOSED_GROUP}"}
    params = {"q": WORD, "mode": "keyword"}
    spoofed = client.get("/search", params=params, headers=headers)
    assert spoofed.status_code == 200 and comparable(spoofed.json()) == comparable(plain.get("/search", params=params).json())
    assert WORD not in json.dumps(spoofed.json()["hits"]).lower()
    assert via_proxy.get("/search", params=params, headers=headers).json()["total"] == 2
    assert via_proxy.get("/search", params=params, headers={**headers, "X-Forwarded-Groups": "andre"}).json()["total"] == 0
    assert via_proxy.get("/search", params=params).json()["total"] == 0  # the proxy's own requests: public



def test_a_caller_naming_the_proxy_in_x_forwarded_for_is_still_the_public(full):
    """`minutes serve` as deployed, over HTTP: uvicorn by default took the address in X-Forwarded-For as the
    caller's when the request came from 127.0.0.1, so anyone on the machine who named the proxy there was
    believed as the proxy, and saw closed items. Now the gate trusts the address that connected."""
    with Served(full.settings.data_dir, MINUTES_PROXY_ADDRESSES=json.dumps([f"{PROXY}/32"]),
                MINUTES_CLOSED_GROUPS=json.dumps([CLOSED_GROUP])) as server:
        identity = {"X-Forwarded-User": "mallory", "X-Forwarded-Groups": CLOSED_GROUP}
        params = {"q": WORD, "mode": "keyword"}
        for forwarded in ({"X-Forwarded-For": PROXY}, {"X-Forwarded-For": f"203.0.113.5, {PROXY}"}, {}):
            found = httpx.get(f"{server.url}/search", params=params, headers={**identity, **forwarded}, timeout=30)
            assert found.status_code == 200 and found.json()["total"] == 0, (forwarded, found.text)
            assert WORD not in json.dumps(found.json()["hits"]).lower()


def test_a_proxy_that_forwards_the_client_address_is_still_believed(full):
    """A proxy that adds X-Forwarded-For (nginx's proxy_add_x_forwarded_for) and X-Forwarded-Proto, from an
    address whose forwarded headers count: its identity headers are believed by the address that connected,
    and links show the scheme the client used."""
    from api.app import create_app
    from search.engine import Engine

    eng = Engine(full.settings.model_copy(update={"forwarded_allow_ips": [PROXY]}))
    headers = {"X-Forwarded-User": "medarbejder-17", "X-Forwarded-Groups": CLOSED_GROUP,
               "X-Forwarded-For": "203.0.113.5", "X-Forwarded-Proto": "https"}
    with TestClient(create_app(eng), client=(PROXY, 40000)) as c:
        assert c.get("/search", params={"q": WORD, "mode": "keyword"}, headers=headers).json()["total"] == 2
        feed = c.get("/feed.atom", params={"q": "lægevagt"}, headers=headers).text
        assert 'href="https://testserver/' in feed and 'href="http://testserver/' not in feed


# -- writes ---------------------------------------------------------------------------------------------

def test_an_admin_identity_may_write_and_others_may_not(client):
    assert client.delete("/meetings/no-such-meeting", headers=bearer(token(groups=[ADMIN_GROUP]))).status_code == 404
    assert client.delete("/meetings/no-such-meeting", headers=bearer(token())).status_code == 403
    assert client.delete("/meetings/no-such-meeting", headers=bearer(token(groups=[ADMIN_GROUP],
                                                                             key=OTHER_KEY))).status_code == 401
    assert client.delete("/meetings/no-such-meeting", headers=bearer(TOKEN)).status_code == 404


# -- hiding closed items entirely ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def hiding(full):
    from api.app import create_app
    from search.engine import Engine

    eng = Engine(full.settings.model_copy(update={"hide_closed": True}))
    with TestClient(create_app(eng)) as c:
        yield c


def test_hide_closed_leaves_them_out_for_the_public_only(hiding, client, ids):
    closed = set(ids["closed"].values())
    everything = hiding.get("/search", params={"q": "", "limit": 100}).json()
    assert not closed & {h["id"] for h in everything["hits"]}
    assert everything["total"] == client.get("/search", params={"q": "", "limit": 100}).json()["total"] - 2
    assert all(hiding.get(f"/items/{i}").status_code == 404 for i in closed)
    assert not closed & {i["id"] for m in ids["meetings"] for i in hiding.get(f"/meetings/{m}").json()["items"]}
    assert not [s for s in hiding.get("/suggest", params={"q": "Lukket"}).json()["suggestions"]]
    assert hiding.get("/health").json()["items"] == client.get("/health").json()["items"] - 2
    # the meeting list counts what each caller's meeting page lists
    for caller in ({}, bearer(token())):
        for meeting in hiding.get("/meetings", headers=caller).json()["meetings"]:
            page = hiding.get(f"/meetings/{meeting['id']}", headers=caller).json()
            assert meeting["items"] == len(page["items"]) > 0, (caller, meeting["id"])
    assert (sum(m["items"] for m in hiding.get("/meetings").json()["meetings"]) ==
            sum(m["items"] for m in hiding.get("/meetings", headers=bearer(token())).json()["meetings"]) - 2)
    for mode in MODES:
        for q in ("skole Kvistrupholm", "økonomiudvalget", "miljøudvalget 6.5.2024"):  # the last two: listed
            hits = hiding.get("/search", params={"q": q, "mode": mode, "limit": 50}).json()["hits"]
            assert hits and not closed & {h["id"] for h in hits}, (q, mode)
    allowed = hiding.get("/search", params={"q": WORD, "mode": "keyword"}, headers=bearer(token())).json()
    assert {h["id"] for h in allowed["hits"]} == closed


@pytest.fixture(scope="module")
def never_held(engine, tmp_path_factory):
    from api.app import create_app

    eng = build(engine, tmp_path_factory.mktemp("closed-none"), [without_closed_items(tmp_path_factory.mktemp("src"))])
    with TestClient(create_app(eng)) as c:
        yield c


@pytest.mark.parametrize("q", ["skole", "den tidligere skole", "salg", "erstatningssag cykelstien",
                               "cykelstien Lone Holm", "\"tidligere skole\"", "titel:skole", "skole -udbud",
                               "økonomiudvalget skole", "miljøudvalget cykelstien"])  # a committee's share too
def test_hide_closed_scores_the_public_as_an_archive_that_never_held_them(hiding, never_held, q):
    """A hidden item's title stayed in the keyword index's statistics: »skole«, which one open title and the
    hidden »Salg af den tidligere skole« hold, scored the open item lower than an archive without the hidden
    one would, so its score told the public that a hidden title holds the word."""
    def hits(c):
        return [(h["id"], h["score"]) for h in c.get("/search", params={"q": q, "mode": "keyword"}).json()["hits"]]

    public, expected = hits(hiding), hits(never_held)
    assert [i for i, _ in public] == [i for i, _ in expected] and public, q
    # equal but for the hidden documents' lengths, which the index keeps quantised (a title's exactly)
    assert [s for _, s in public] == pytest.approx([s for _, s in expected], rel=1e-6), q


def test_hide_closed_leaves_them_out_of_the_archive_overview(hiding, client):
    """The first page's overview counts what the caller is listed, and offers searches that find something."""
    public, everything = hiding.get("/archive").json(), client.get("/archive").json()
    assert public["items"] == everything["items"] - 2
    assert hiding.get("/archive", headers=bearer(token())).json()["items"] == everything["items"]
    assert public["examples"]
    for example in public["examples"]:
        assert hiding.get("/search", params={"q": example, "mode": "keyword"}).json()["total"] > 0, example


# -- CORS with credentials ------------------------------------------------------------------------------

def test_credentials_only_for_the_configured_intranet_origin(client):
    intra = client.get("/search", params={"q": "skole"}, headers={"Origin": "https://intra.greve.example"})
    other = client.get("/search", params={"q": "skole"}, headers={"Origin": "https://evil.example"})
    assert intra.headers["access-control-allow-origin"] == "https://intra.greve.example"
    assert intra.headers["access-control-allow-credentials"] == "true"
    assert "access-control-allow-credentials" not in other.headers
    assert other.headers.get("access-control-allow-origin") == "*"


def test_credentials_with_a_wildcard_origin_are_refused(full):
    from api.app import create_app

    with pytest.raises(ValueError, match="CREDENTIAL_ORIGINS"):
        create_app(Engine_with(full, credential_origins=["*"]))


def Engine_with(full, **update):
    from search.engine import Engine

    return Engine(full.settings.model_copy(update=update))


# -- the CLI ----------------------------------------------------------------------------------------------

def test_the_cli_acts_as_the_public_unless_told_otherwise(full):
    from typer.testing import CliRunner

    from api.cli import app

    runner = CliRunner()
    base = ["--data-dir", str(full.data_dir), "search", "--json"]
    for mode in MODES:
        public = runner.invoke(app, [*base, "--mode", mode, WORD])
        assert public.exit_code == 0, public.output
        data = json.loads(public.stdout)
        assert WORD not in json.dumps([data["hits"], data["facets"]]).lower()
        assert all(h["restricted"] for h in data["hits"] if h["closed"])
        shown = runner.invoke(app, ["--data-dir", str(full.data_dir), "search", "--mode", mode, "skole"])
        assert shown.exit_code == 0 and WORD not in shown.stdout.lower()
    operator = runner.invoke(app, [*base, "--mode", "keyword", "--all-access", WORD])
    assert operator.exit_code == 0 and json.loads(operator.stdout)["total"] == 2
    assert WORD in operator.stdout.lower()
