"""The HTTP service (FastAPI): search, items, meetings, suggestions, uploads. OpenAPI docs at /docs."""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Literal

import anyio
from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api.schemas import (DeleteResult, Health, ItemView, MeetingList, MeetingView, SearchResponse, SuggestResponse,
                         UploadResult)
from corpus.readers import SUPPORTED
from corpus.store import StoreUnavailable
from index.vectors import IndexMismatch
from search.engine import Engine
from search.query import QueryError
from search.request import RequestError, SearchRequest

log = logging.getLogger("minutes.api")
SAFE_NAME = re.compile(r"[^\w.\- ]+")
MAX_MEETINGS_OFFSET = 1_000_000  # beyond any real list; unbounded, a huge offset overflowed SQLite (a 500)


def create_app(engine: Engine) -> FastAPI:
    settings = engine.settings

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
    )
    app.state.engine = engine
    engine.warm_up()
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "DELETE"],
                       allow_headers=["Authorization", "Content-Type"])
    _error_handlers(app)
    _routes(app, engine)
    try:
        from api import pages
    except ImportError:  # the pages are optional for the JSON API
        pages = None
    if pages is not None:
        app.include_router(pages.router)
    return app


def worker_app() -> FastAPI:
    """The app of one `minutes serve --workers N` process: its own engine and caches, settings from the
    environment (the parent has already bootstrapped the data directory)."""
    from config.settings import Settings

    return create_app(Engine(Settings()))


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


def _routes(app: FastAPI, engine: Engine) -> None:
    settings = engine.settings

    async def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        """Writes need the operator's bearer token; its hash is compared in constant time."""
        expected = settings.token_hash
        if not expected:
            raise HTTPException(403, "this service is read-only: no write token is configured")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        given = hashlib.sha256(token.strip().encode()).hexdigest()
        if not hmac.compare_digest(given, expected):
            raise HTTPException(403, "invalid token")

    @app.get("/search", response_model=SearchResponse, tags=["search"])
    async def search(
        q: Annotated[str, Query(description="Words, \"phrases\", -not, OR, titel:/beslutning:/udvalg:")] = "",
        mode: Literal["hybrid", "keyword", "semantic"] = "hybrid",
        body: Annotated[list[str], Query(description="Committee (repeatable)")] = [],
        year: Annotated[list[int], Query(description="Meeting year (repeatable)")] = [],
        date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        fra: Annotated[str | None, Query(description="Same as from")] = None,
        til: Annotated[str | None, Query(description="Same as to")] = None,
        presenter: str | None = None,
        section: Annotated[list[str], Query(description="Match only in: decision, recommendation, …")] = [],
        sort: Literal["relevance", "date"] = "relevance",
        limit: Annotated[int, Query(ge=1, description="Hits per page (at most MINUTES_MAX_LIMIT)")] = 10,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
        explain: bool = False,
    ) -> dict:
        request = SearchRequest.build(q=q, mode=mode, body=body, year=year, date_from=date_from or fra,
                                      date_to=date_to or til, presenter=presenter, section=section, sort=sort,
                                      limit=limit, offset=offset, explain=explain, settings=settings)
        return await _in_thread(engine.search, request)

    @app.get("/suggest", response_model=SuggestResponse, tags=["search"])
    async def suggest(q: Annotated[str, Query(max_length=200)] = "",
                      limit: Annotated[int, Query(ge=1, le=20)] = 8) -> dict:
        return {"query": q, "suggestions": await _in_thread(engine.suggest, q.replace("\x00", ""), limit)}

    @app.get("/items/{item_id}", response_model=ItemView, tags=["items"])
    async def item(item_id: str) -> dict:
        view = await _in_thread(engine.item_view, item_id)
        if view is None:
            raise HTTPException(404, f"no agenda item with id {item_id!r}")
        return view

    @app.get("/meetings", response_model=MeetingList, tags=["meetings"])
    async def meetings(body: str | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 100,
                       offset: Annotated[int, Query(ge=0, le=MAX_MEETINGS_OFFSET)] = 0) -> dict:
        found = await _in_thread(engine.store.meetings, body, limit, offset)
        return {"meetings": [_meeting_summary(engine, m) for m in found], "limit": limit, "offset": offset}

    @app.get("/meetings/{meeting_id}", response_model=MeetingView, tags=["meetings"])
    async def meeting(meeting_id: str) -> dict:
        found = await _in_thread(engine.store.meeting, meeting_id)
        if found is None:
            raise HTTPException(404, f"no meeting with id {meeting_id!r}")
        data = _meeting_summary(engine, found)
        data["items"] = [{"id": f"{found.id}-{it.number}", "item_number": it.number, "title": it.title,
                          "presenter": it.presenter, "case_number": it.case_number} for it in found.items]
        return data

    @app.get("/health", response_model=Health, tags=["service"])
    async def health() -> dict:
        counts = await _in_thread(engine.store.counts)
        return {"status": "ok", "meetings": counts["meetings"], "items": counts["items"]}

    @app.post("/documents", response_model=UploadResult, status_code=201, tags=["writes"],
              dependencies=[Depends(require_token)])
    async def upload(request: Request, file: Annotated[UploadFile, File(description="A minutes file")]) -> dict:
        name = safe_filename(file.filename or "")
        data = await _read_limited(request, file, settings.max_upload_bytes)
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


def _meeting_summary(engine: Engine, m) -> dict:
    return {"id": m.id, "body": m.body, "date": m.date, "time": m.time, "location": m.location,
            "participants": m.participants, "absentees": m.absentees, "source": m.source.rsplit("/", 1)[-1],
            "items": len(m.items)}


def safe_filename(name: str) -> str:
    """The last path part of an uploaded file's name, stripped of anything but plain characters."""
    base = re.split(r"[\\/]", name)[-1]
    base = SAFE_NAME.sub("_", base).strip(". ") or "upload"
    if not base.lower().endswith(SUPPORTED):
        raise HTTPException(415, f"unsupported file type; send one of: {', '.join(SUPPORTED)}")
    return base[:150]


async def _read_limited(request: Request, file: UploadFile, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise HTTPException(413, f"the upload is larger than {limit} bytes")
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"the upload is larger than {limit} bytes")
    return data


async def _in_thread(fn, *args):
    """Blocking work in the thread pool, from an async endpoint: a request then queues for a thread
    once. (A sync endpoint queues a second time for FastAPI to validate its response, and the two
    waits add up to a long tail under load.)"""
    return await anyio.to_thread.run_sync(fn, *args)


def _keep_upload(engine: Engine, name: str, data: bytes) -> None:
    """Keep the uploaded original inside the data directory (never outside: the name is a bare base name)."""
    folder = (engine.data_dir / "uploads").resolve()
    folder.mkdir(exist_ok=True)
    target = (folder / name).resolve()
    if target.parent == folder:
        target.write_bytes(data)
