"""HEAD on every GET route answers with the GET's status and headers and no body (RFC 9110): feed readers and
health probes ask with it, and it was 405 on every API route. Who may see what, and conditional requests, hold
for HEAD as for GET; a route without GET still refuses it (bundled minutes)."""
from __future__ import annotations

import pytest
from conftest import TOKEN

ITEM, MEETING = "kd-net-2023-06-02-1000-50", "kd-net-2023-06-02-1000"
ROUTES = ["/feed.atom?q=skole", "/search.csv?q=skole", "/suggest?q=sko", f"/items/{ITEM}", f"/items/{ITEM}/similar",
          f"/items/{ITEM}/similar.atom", "/meetings", f"/meetings/{MEETING}", "/archive", "/health", "/docs",
          "/redoc"]


def same_answer(client, path: str, **headers: str):
    got, head = client.get(path, headers=headers), client.head(path, headers=headers)
    assert head.content == b"", (path, head.content[:200])
    assert head.status_code == got.status_code, (path, head.status_code, got.status_code)
    assert dict(head.headers) == dict(got.headers), path
    return head


@pytest.mark.parametrize("path", ROUTES)
def test_head_answers_with_the_gets_status_and_headers_and_no_body(client, path):
    head = same_answer(client, path)
    assert head.status_code == 200 and int(head.headers["content-length"]) > 0


def test_head_of_a_search_answers_as_its_get(client):
    """Its took_ms changes from one request to the next, and with it the length."""
    got, head = client.get("/search?q=skole"), client.head("/search?q=skole")
    assert head.status_code == got.status_code == 200 and head.content == b""
    assert {k: v for k, v in head.headers.items() if k != "content-length"} == \
           {k: v for k, v in got.headers.items() if k != "content-length"}


@pytest.mark.parametrize("path", ["/items/nope", "/items/nope/similar.atom", "/meetings/nope"])
def test_head_of_something_that_is_not_there_is_404(client, path):
    assert same_answer(client, path).status_code == 404


def test_head_of_a_feed_the_reader_holds_is_304(client):
    etag = client.get("/feed.atom?q=skole").headers["etag"]
    assert same_answer(client, "/feed.atom?q=skole", **{"If-None-Match": etag}).status_code == 304


def test_head_is_answered_as_its_caller_may_see(client):
    assert same_answer(client, "/search?q=skole", Authorization="Bearer not-the-token").status_code == 401
    assert same_answer(client, "/health", Authorization=f"Bearer {TOKEN}").status_code == 200


def test_what_answered_head_before_answers_it_as_before(client):
    """A guard, not a fix: the pages answered HEAD already, and a route without GET (POST /documents) or a path
    that is none still refuses it as it refuses GET."""
    for path in ("/", f"/punkt/{ITEM}", "/widget.js", "/openapi.json"):
        assert same_answer(client, path).status_code == 200
    assert same_answer(client, "/documents").status_code == 405
    assert same_answer(client, "/nowhere").status_code == 404
