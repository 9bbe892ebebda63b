"""The HTTP service (FastAPI): search, items, meetings, suggestions, uploads. OpenAPI docs at /docs."""
from __future__ import annotations

import hashlib
import logging
import re
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Annotated, Literal, NoReturn
from urllib.parse import urlencode

import anyio
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from uvicorn.config import STARTUP_FAILURE

from api import export, feeds
from api.cors import CredentialedCORS
from api.docs import add_docs
from api.head import HeadAsGet
from api.identity import Gate, KeepPeer
from api.schemas import (ArchiveView, DeleteResult, Health, ItemView, MeetingList, MeetingView, SearchResponse,
                         SimilarResponse, SuggestResponse, UploadResult)
from config.settings import Settings
from corpus.readers import SUPPORTED
from corpus.store import StoreUnavailable
from index.vectors import IndexMismatch
from search.access import AccessPolicy, Viewer
from search.archive import overview
from search.engine import Engine, freeze_long_lived
from search.query import QueryError
from search.request import RequestError, SearchRequest

log = logging.getLogger("minutes.api")
SAFE_NAME = re.compile(r"[^\w.\- ]+")
MAX_MEETINGS_OFFSET = 1_000_000  # beyond any real list; unbounded, a huge offset overflowed SQLite (a 500)
CSV_MAX_ROWS = 1000  # one export holds at most this many rows (the result list's first 1,000)
SIMILAR_DEFAULT, SIMILAR_MAX, SIMILAR_FEED = 8, 50, 20
ATOM_RESPONSE = {200: {"content": {"application/atom+xml": {}}, "description": "An Atom 1.0 feed"},
                 304: {"description": "Not modified since the ETag / date the client sent"}}
CSV_RESPONSE = {200: {"content": {"text/csv": {}}, "description": "CSV: UTF-8 with BOM, semicolons"}}


class SearchParams:
    """The /search parameters (query and filters), shared by /search, /feed.atom and /search.csv so all
    three read them alike; SearchRequest.build validates them."""

    def __init__(
        self,
        q: Annotated[str, Query(description="Words, \"phrases\", -not, OR, titel:/beslutning:/udvalg:, "
                                            "sag:CASE-NUMBER, a meeting's date (13.11.2024), a committee's "
                                            "name (byrådet)")] = "",
        mode: Literal["hybrid", "keyword", "semantic"] = "hybrid",
        body: Annotated[list[str], Query(description="Committee (repeatable)")] = [],
        year: Annotated[list[int], Query(description="Meeting year (repeatable)")] = [],
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        fra: Annotated[str | None, Query(description="Same as from")] = None,
        til: Annotated[str | None, Query(description="Same as to")] = None,
        presenter: str | None = None,
        section: Annotated[list[str], Query(description="Match only in: decision, recommendation, …")] = [],
        case: Annotated[list[str], Query(description="Case number (repeatable): items of that case only")] = [],
        sort: Annotated[Literal["relevance", "date"], Query(
            description="date: the newest meeting first, each meeting's items in agenda order")] = "relevance",
    ):
        self.q, self.mode, self.sort = q, mode, sort
        self.filters = {"body": body, "year": year, "date_from": date_from or fra, "date_to": date_to or til,
                        "presenter": presenter, "section": section, "case": case}

    def build(self, settings, limit: int = 10, offset: int = 0, explain: bool = False) -> SearchRequest:
        return SearchRequest.build(q=self.q, mode=self.mode, sort=self.sort, limit=limit, offset=offset,
                                   explain=explain, settings=settings, **self.filters)


def create_app(engine: Engine) -> FastAPI:
    settings = engine.settings
    gate = check_settings(settings, engine.access)  # before the warm-up: a setting it refuses is said at once

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # blocking work runs in AnyIO's thread pool (40 threads by default); a few keep the order fair
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        follower = None
        if engine.store.shared:  # a replica of a shared store: keep this process's index caches in step
            from search.replica import Follower

            follower = Follower(engine, settings.follow_seconds)
            follower.start()
        yield
        if follower is not None:
            follower.stop()

    app = FastAPI(
        title="Minutes search",
        summary="Search Danish municipal meeting minutes: keyword, semantic and hybrid.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc come from api/docs.py: their scripts from a package, not a CDN
        redoc_url=None,
    )
    add_docs(app)
    app.state.engine = engine
    engine.warm_up()
    app.add_middleware(HeadAsGet)  # HEAD on every GET route: the GET's status and headers, no body (api/head.py)
    app.add_middleware(CredentialedCORS, origins=settings.cors_origins, credential_origins=settings.credential_origins,
                       allow_methods=["GET", "POST", "DELETE"], allow_headers=["Authorization", "Content-Type"])
    # outermost: notes the connecting address before the forwarded headers replace it (api/identity.py)
    app.add_middleware(KeepPeer, forwarded_allow_ips=settings.forwarded_allow_ips)
    _error_handlers(app)
    _routes(app, engine, gate)
    try:
        from api import pages
    except ImportError:  # the pages are optional for the JSON API
        pages = None
    if pages is not None:
        app.include_router(pages.router)
    return app


def check_settings(settings: Settings, access: AccessPolicy | None = None) -> Gate:
    """The security settings the service refuses to start with, checked before it does any work: '*' among the
    origins allowed credentials (checked here, as the CORS middleware is built on the first request), and the
    sign-on's as the Gate reads them (no asymmetric algorithm, a JWKS file that cannot be read, a proxy
    address that is no IP address or network). A ValueError names the setting; `minutes serve` runs this
    before it ingests anything or starts workers, and says the message alone. Returns the Gate so checked
    (`access`: the engine's policy; by default one read from the settings), which the app then uses."""
    if "*" in settings.credential_origins:
        raise ValueError("MINUTES_CREDENTIAL_ORIGINS must name origins; '*' with credentials is refused")
    return Gate(settings, access or AccessPolicy.from_settings(settings))


def worker_app() -> FastAPI:
    """The app of one `minutes serve --workers N` process: its own engine and caches, settings from the
    environment (the parent has already bootstrapped the data directory). Also a uvicorn app factory
    (`uvicorn --factory api.app:worker_app`): settings it cannot use end the start with the reason."""
    from config.settings import SettingsInvalid, load_settings

    try:
        settings = load_settings()
    except SettingsInvalid as exc:
        refuse_start(f"invalid setting: {exc}")
    try:
        check_settings(settings)
    except ValueError as exc:
        refuse_start(str(exc))
    app = create_app(Engine(settings))
    freeze_long_lived()
    return app


def refuse_start(message: str) -> NoReturn:
    """A service process that cannot start: the reason on one line, no traceback, and uvicorn's exit code for
    a failed start, on which its supervisor stops rather than starting the worker again and again."""
    print(f"error: {message}", file=sys.stderr, flush=True)
    sys.exit(STARTUP_FAILURE)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"] if p not in ("query", "path", "body"))
        return JSONResponse(status_code=422, content={"detail": f"{where}: {first['msg']}", "errors": errors})

    @app.exception_handler(RequestError)
    @app.exception_handler(QueryError)
    async def bad_request(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(IndexMismatch)
    async def stale_index(request: Request, exc: IndexMismatch) -> JSONResponse:
        return JSONResponse(status_code=409, content={"detail": str(exc)})

    @app.exception_handler(StoreUnavailable)
    async def store_down(request: Request, exc: StoreUnavailable) -> JSONResponse:
        log.warning("store unavailable on %s: %s", request.url.path, exc)
        return JSONResponse(status_code=503, content={"detail": "the store is unavailable just now; retry shortly"},
                            headers={"Retry-After": "2"})

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse(status_code=500, content={"detail": "internal error; the operator's log has details"})


def _routes(app: FastAPI, engine: Engine, gate: Gate) -> None:
    settings = engine.settings
    # Who is calling, decided once per request (api/identity.py); every read route takes the Viewer and
    # passes it on, so closed items reach only callers allowed to see them (search/access.py).
    app.state.gate = gate
    caller = Depends(gate.viewer)
    require_token = gate.writer  # the operator's token, or a verified identity in an admin group

    @app.get("/search", response_model=SearchResponse, tags=["search"])
    async def search(
        params: Annotated[SearchParams, Depends()],
        limit: Annotated[int, Query(ge=1, description="Hits per page (at most MINUTES_MAX_LIMIT)")] = 10,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
        explain: bool = False,
        viewer: Viewer = caller,
    ) -> dict:
        return await _in_thread(engine.search, params.build(settings, limit, offset, explain), viewer)

    @app.get("/feed.atom", response_class=Response, responses=ATOM_RESPONSE, tags=["follow"])
    async def feed(request: Request, params: Annotated[SearchParams, Depends()],
                   viewer: Viewer = caller) -> Response:
        """The newest items (by meeting date, at most 50) matching a search, a committee or a case, as Atom."""
        search_request = params.build(settings)
        # access: Engine.feed takes its items from the engine's search path
        result = await _in_thread(engine.feed, search_request, viewer)
        return feeds.render(request, _feed_info(request, search_request), result["hits"], result["store_changed_at"])

    @app.get("/search.csv", response_class=Response, responses=CSV_RESPONSE, tags=["follow"])
    async def search_csv(
        request: Request,
        params: Annotated[SearchParams, Depends()],
        limit: Annotated[int, Query(ge=1, le=CSV_MAX_ROWS, description="Rows (at most 1,000)")] = CSV_MAX_ROWS,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
        viewer: Viewer = caller,
    ) -> Response:
        """The result list of a search as CSV for a spreadsheet (Danish Excel: UTF-8 with BOM, semicolons)."""
        search_request = replace(params.build(settings, 1, offset), limit=limit)
        # access: the rows are the engine's search hits
        result = await _in_thread(engine.search, search_request, viewer)
        return Response(export.search_csv(request, result["hits"]), media_type=export.CSV_TYPE,
                        headers={"Content-Disposition": 'attachment; filename="referater.csv"',
                                 "X-Content-Type-Options": "nosniff"})

    @app.get("/suggest", response_model=SuggestResponse, tags=["search"])
    async def suggest(q: Annotated[str, Query(max_length=200)] = "",
                      limit: Annotated[int, Query(ge=1, le=20)] = 8, viewer: Viewer = caller) -> dict:
        return {"query": q, "suggestions": await _in_thread(engine.suggest, q.replace("\x00", ""), limit, viewer)}

    @app.get("/items/{item_id}", response_model=ItemView, tags=["items"])
    async def item(item_id: str, viewer: Viewer = caller) -> dict:
        view = await _in_thread(engine.item_view, item_id, viewer)
        if view is None:
            raise HTTPException(404, f"no agenda item with id {item_id!r}")
        return view

    @app.get("/items/{item_id}/similar", response_model=SimilarResponse, tags=["items"])
    async def similar(item_id: str, limit: Annotated[int, Query(ge=1, le=SIMILAR_MAX)] = SIMILAR_DEFAULT,
                      viewer: Viewer = caller) -> dict:
        """Items nearest in meaning to this one, leaving out the item and the other treatments of its case."""
        # access: Engine.similar builds its hits with the search path's hit builder
        found = await _in_thread(engine.similar, item_id, limit, viewer)
        if found is None:
            raise HTTPException(404, f"no agenda item with id {item_id!r}")
        return found

    @app.get("/items/{item_id}/similar.atom", response_class=Response, responses=ATOM_RESPONSE, tags=["follow"])
    async def similar_feed(request: Request, item_id: str, viewer: Viewer = caller) -> Response:
        """The items most like this one, newest meeting first: tells a feed reader when something like it comes up."""
        found = await _in_thread(engine.similar, item_id, SIMILAR_FEED, viewer)
        if found is None:
            raise HTTPException(404, f"no agenda item with id {item_id!r}")
        hits = sorted(found["hits"], key=lambda h: (h["meeting_date"], h["item_number"]), reverse=True)
        info = feeds.FeedInfo(f"Lignende punkter: {found['title']}",
                              f"Punkter der ligner »{found['title']}«, nyeste møde først",
                              feeds.item_url(request, item_id))
        return feeds.render(request, info, hits, found["store_changed_at"])

    @app.get("/meetings", response_model=MeetingList, tags=["meetings"])
    async def meetings(body: Annotated[list[str], Query(description="Committee (repeatable): any of them")] = [],
                       limit: Annotated[int, Query(ge=1, le=500)] = 100,
                       offset: Annotated[int, Query(ge=0, le=MAX_MEETINGS_OFFSET)] = 0,
                       viewer: Viewer = caller) -> dict:
        def listing() -> list[dict]:
            found = engine.store.meetings(body, limit, offset)
            counts = engine.store.item_counts([m.id for m in found])
            # as many items as the meeting's own page lists for this caller (closed ones: see Viewer.listed)
            return [{**_meeting_summary(engine, m),
                     "items": counts[m.id][0] + counts[m.id][1] * viewer.listed(True, m.body)} for m in found]

        return {"meetings": await _in_thread(listing), "limit": limit, "offset": offset}

    @app.get("/meetings/{meeting_id}", response_model=MeetingView, tags=["meetings"])
    async def meeting(meeting_id: str, viewer: Viewer = caller) -> dict:
        found = await _in_thread(engine.store.meeting, meeting_id)
        if found is None:
            raise HTTPException(404, f"no meeting with id {meeting_id!r}")
        data = _meeting_summary(engine, found)
        listed = [it for it in found.items if viewer.listed(it.closed, found.body)]
        data["items"] = [_meeting_item(found, it, viewer.may_see(it.closed, found.body)) for it in listed]
        return data

    # (store generation, kind of viewer) -> overview: the examples take a moment on big stores
    archive_cache: dict[tuple[int, tuple], dict] = {}

    def archive_overview(viewer: Viewer) -> dict:
        key = (engine.store.generation(), viewer.key)
        if key not in archive_cache:
            if any(generation != key[0] for generation, _ in archive_cache):
                archive_cache.clear()
            # the items this caller is listed (with hide_closed, not the closed ones it may not see: neither
            # counted nor a source of example searches)
            archive_cache[key] = overview(engine.access_view(viewer).facts.values(), examples=4)
        return archive_cache[key]

    @app.get("/archive", response_model=ArchiveView, tags=["service"])
    async def archive(viewer: Viewer = caller) -> dict:
        """Committees, period, meetings and items, and example searches drawn from the titles, of the items
        this caller is listed."""
        return await _in_thread(archive_overview, viewer)

    @app.get("/health", response_model=Health, tags=["service"])
    async def health(viewer: Viewer = caller) -> dict:
        counts = await _in_thread(engine.store.counts)
        if viewer.hide_closed:  # closed items left out for this caller are not counted either
            counts["items"] = len((await _in_thread(engine.access_view, viewer)).facts)
        return {"status": "ok", "meetings": counts["meetings"], "items": counts["items"]}

    @app.post("/documents", response_model=UploadResult, status_code=201, tags=["writes"],
              dependencies=[Depends(require_token)], openapi_extra=UPLOAD_BODY)
    async def upload(request: Request) -> dict:
        """A minutes file, as multipart/form-data in the field `file`. The body is read only after the token
        is checked (a `File()` parameter had FastAPI read and spool it first, from anyone)."""
        name, data = await _read_upload(request, settings.max_upload_bytes)
        report, summary = await _in_thread(engine.ingest_upload, data, name)
        if report.status == "error":
            raise HTTPException(422, f"{name}: {report.error}")
        _keep_upload(engine, name, data)
        return {"file": name, "status": report.status, "meetings": report.meetings, "items": report.items,
                "index": summary}

    @app.delete("/meetings/{meeting_id}", response_model=DeleteResult, tags=["writes"],
                dependencies=[Depends(require_token)])
    async def delete(meeting_id: str) -> dict:
        if not await _in_thread(engine.delete_meeting, meeting_id):
            raise HTTPException(404, f"no meeting with id {meeting_id!r}")
        return {"deleted": meeting_id}


def _feed_info(request: Request, search: SearchRequest) -> feeds.FeedInfo:
    """Title and page of a search feed: what it follows, in words."""
    about = []
    if search.q:
        about.append(f"»{search.q}«")
    if search.filters.case_numbers:
        about.append("sag " + ", ".join(search.filters.case_numbers))
    if search.filters.bodies:
        about.append(", ".join(search.filters.bodies))
    if search.filters.years:
        about.append(", ".join(str(y) for y in search.filters.years))
    subject = " · ".join(about) or "alle punkter"
    words = " ".join([search.q, *(f"sag:{c}" for c in search.filters.case_numbers)]).strip()
    shown = [("q", words)] if words else []
    shown += [("body", b) for b in search.filters.bodies] + [("year", str(y)) for y in search.filters.years]
    page = feeds.base_url(request) + ("?" + urlencode(shown) if shown else "")
    return feeds.FeedInfo(f"Referater: {subject}", f"Nyeste dagsordenspunkter for {subject}, nyeste møde først",
                          page)


def _meeting_summary(engine: Engine, m) -> dict:
    return {"id": m.id, "body": m.body, "date": m.date, "time": m.time, "location": m.location,
            "participants": m.participants, "absentees": m.absentees, "source": m.source.rsplit("/", 1)[-1],
            "items": len(m.items)}


def _meeting_item(meeting, item, visible: bool) -> dict:
    """An item in a meeting's list; one the caller may not see shows its title only."""
    return {"id": f"{meeting.id}-{item.number}", "item_number": item.number, "title": item.title,
            "presenter": item.presenter if visible else None, "case_number": item.case_number if visible else None,
            "closed": item.closed, "restricted": not visible}


def safe_filename(name: str) -> str:
    """The last path part of an uploaded file's name, stripped of anything but plain characters."""
    base = re.split(r"[\\/]", name)[-1]
    base = SAFE_NAME.sub("_", base).strip(". ")
    if not base:
        raise HTTPException(400, "the file's name is empty, or only a path: send the file with its name")
    stem, dot, suffix = base.rpartition(".")
    if dot and not base.lower().endswith(SUPPORTED):  # (with no type at all, as »download«, the content decides)
        raise HTTPException(415, f"unsupported file type; send one of: {', '.join(SUPPORTED)}")
    if not dot:
        stem = base
    while len(base.encode()) > 150:  # cut the stem, keep the type: the file system's limit is 255 bytes, and
        stem = stem[:-1]  # »ø« takes two
        base = f"{stem}{dot}{suffix}" if dot else stem
    return base


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary", "description": "A minutes file"}}}}}}}
FORM_OVERHEAD = 64 * 1024  # a multipart body's boundaries and part headers, beyond the file itself


async def _read_upload(request: Request, limit: int) -> tuple[str, bytes]:
    """The uploaded file's safe name and bytes: a declared length over the limit is refused unread, and a
    body sent without one is read only until it passes the limit (413 either way)."""
    too_large = HTTPException(413, f"the upload is larger than {limit} bytes")
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise HTTPException(422, "send the file as multipart/form-data, in the field 'file'")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + FORM_OVERHEAD:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit + FORM_OVERHEAD:
            raise too_large
        chunks.append(chunk)
    body = b"".join(chunks)

    async def replay() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(request.scope, replay).form(max_files=1, max_fields=16)
    except (MultiPartException, ValueError) as exc:
        raise HTTPException(422, f"the upload is not a readable multipart form: {exc}") from None
    try:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise HTTPException(422, "the upload has no file in the field 'file'")
        data = await file.read(limit + 1)
        if len(data) > limit:
            raise too_large
        return safe_filename(file.filename or ""), data
    finally:
        await form.close()


async def _in_thread(fn, *args):
    """Blocking work in the thread pool, from an async endpoint: a request then queues for a thread
    once. (A sync endpoint queues a second time for FastAPI to validate its response, and the two
    waits add up to a long tail under load.)"""
    return await anyio.to_thread.run_sync(fn, *args)


def _keep_upload(engine: Engine, name: str, data: bytes) -> None:
    """Keep the uploaded original inside the data directory (never outside: the name is a bare base name),
    under its content's digest and its name: documents sent under one name (»referat.pdf«) are all kept. The
    meetings are stored by then; a copy that cannot be written is logged, not a failed upload."""
    folder = (engine.data_dir / "uploads").resolve()
    target = (folder / f"{hashlib.sha256(data).hexdigest()[:12]}-{name}").resolve()
    if target.parent == folder:
        try:
            folder.mkdir(exist_ok=True)
            target.write_bytes(data)
        except OSError as exc:
            log.warning("upload %s stored, but its original could not be kept: %s", name, exc)
