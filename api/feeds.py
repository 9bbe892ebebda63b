"""Atom 1.0 feeds of search results and similar items, with conditional GET (ETag, Last-Modified).

Written with feedgen (a maintained Atom/RSS writer on lxml): it escapes text and emits the required
elements, so no XML is put together by hand here. The feed's body is a pure function of the entries,
so its hash is an exact ETag; Last-Modified is the newer of the store's last change and the newest
entry's change.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import Response
from feedgen.feed import FeedGenerator

ATOM_TYPE = "application/atom+xml; charset=utf-8"
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")
# Characters XML 1.0 cannot carry (lxml refuses them): dropped from every text put into a feed.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SUMMARY_CHARS = 1000


@dataclass(frozen=True)
class FeedInfo:
    """What a feed is about: its title, and the page a person would open to see the same list."""

    title: str
    subtitle: str
    page_url: str  # the search page or item page the feed follows


def danish_date(iso: str) -> str:
    """'2023-06-02' -> '2. juni 2023'."""
    try:
        y, m, d = (int(p) for p in iso[:10].split("-"))
        return f"{d}. {MONTHS[m - 1]} {y}"
    except (ValueError, IndexError):
        return iso


def item_url(request: Request, item_id: str) -> str:
    return f"{base_url(request)}punkt/{quote(item_id, safe='')}"


def base_url(request: Request) -> str:
    """The service's root as the client reached it (prefix-safe: FastAPI's root_path is included)."""
    return str(request.base_url)


def render(request: Request, info: FeedInfo, hits: list[dict], store_changed_at: int) -> Response:
    """The feed as a response, or 304 Not Modified when the client's copy is current."""
    newest_entry = max((_time(h.get("changed_at")) for h in hits), default=None)
    store_time = datetime.fromtimestamp(store_changed_at, timezone.utc)
    updated = newest_entry or store_time
    last_modified = max(store_time, updated).replace(microsecond=0)
    body = _atom(request, info, hits, updated)
    etag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    headers = {"ETag": etag, "Last-Modified": format_datetime(last_modified, usegmt=True),
               "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if not_modified(request, etag, last_modified):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=ATOM_TYPE, headers=headers)


def not_modified(request: Request, etag: str, last_modified: datetime) -> bool:
    """RFC 9110 13.1: If-None-Match decides when sent (weak comparison); If-Modified-Since otherwise."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if since:
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):  # Overflow: a zone offset of 20 digits
            return False  # an unreadable date is ignored, as the RFC asks
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return last_modified <= when
    return False


def _atom(request: Request, info: FeedInfo, hits: list[dict], updated: datetime) -> bytes:
    fg = FeedGenerator()
    self_url = str(request.url)
    fg.id(self_url)
    fg.title(_text(info.title))
    fg.subtitle(_text(info.subtitle))
    fg.updated(updated)
    fg.author({"name": "Referatsøgning"})
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    fg.link(href=info.page_url, rel="alternate", type="text/html")
    fg.language("da")
    fg.generator("minutes search")
    for hit in hits:
        # access: each hit comes from Engine.feed/similar, i.e. the engine's search hit path; when that
        # path reduces a closed item to its title for a viewer, the entry shows no more than the hit holds.
        entry = fg.add_entry(order="append")
        entry.id(f"urn:minutes-item:{hit['id']}")
        when = danish_date(hit["meeting_date"])
        entry.title(_text(f"{hit['title'] or '(uden titel)'} ({hit['body']}, {when})"))
        entry.link(href=item_url(request, hit["id"]), rel="alternate", type="text/html")
        entry.updated(_time(hit.get("changed_at")) or updated)
        if hit.get("stored_at"):
            entry.published(_time(hit["stored_at"]))
        entry.author({"name": _text(hit["body"])})
        entry.category(term=_text(hit["body"]), label=_text(hit["body"]))
        entry.summary(_text(_summary(hit, when)))
    return fg.atom_str(pretty=True)


def _summary(hit: dict, when: str) -> str:
    facts = [hit["body"], f"møde {when}", f"punkt {hit['item_number']}"]
    if hit.get("case_number"):
        facts.append(f"sag {hit['case_number']}")
    decision = " ".join((hit.get("decision") or "").split())
    if len(decision) > SUMMARY_CHARS:
        decision = decision[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return " · ".join(facts) + (f"\nBeslutning: {decision}" if decision else "")


def _text(value: str | None) -> str:
    return NOT_XML.sub("", value or "")


def _time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
