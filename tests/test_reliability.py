"""Reliability on the bundled minutes: searches keep answering, complete and correct, while minutes are
re-ingested and reindexed, and an ingest killed with SIGKILL at any moment loses nothing that was
indexed; the next ingest finishes the interrupted work.

Writers here use their own data directories (the session `engine` only lends its embedding cache, so
nothing already embedded is embedded again and the tests stay fast).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from conftest import SAMPLES, TOKEN, copy_embedding_cache

from search.engine import Engine
from search.request import SearchRequest
from config.settings import Settings

JUNE = "kdnet-2023-06-02-dagsorden-og-referat.txt"
FEB = "kdnet-2022-02-11-referat.txt"
JUNE_ID, APRIL_ID, FEB_ID = "kd-net-2023-06-02-1000", "kd-net-2023-04-14-1000", "kd-net-2022-02-11-1000"
LAEGEVAGT = f"{JUNE_ID}-50"  # the top hit for "lægevagt", in every version written here
MARKER = "zebrafinke"  # a word only version B holds, once in the June meeting and once in April's
MINUTES = Path(sys.executable).with_name("minutes")
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


# -- corpus versions -------------------------------------------------------------------------------

def june_a() -> str:
    return (SAMPLES / JUNE).read_text(encoding="utf-8")


def june_b() -> str:
    """The June file changed in both of its meetings, with item 51 gone: one file, one transaction,
    so a reader must see both changes or neither (41 items and 2 marker hits, or 42 and 0)."""
    lines = june_a().splitlines(keepends=True)
    text = "".join(lines[:26] + lines[27:4234])  # the table-of-contents line and the block of item 51
    text = text.replace("KD-Net godkendte dagsordenen.", f"KD-Net godkendte dagsordenen. {MARKER.title()}.")
    return text.replace("Dagsordenen blev godkendt.", f"Dagsordenen blev godkendt. {MARKER.title()}.")


def feb_reworded(lines_changed: int = 150) -> str:
    """The February file with " og " reworded in its first lines: about 30 passages to embed anew."""
    lines = (SAMPLES / FEB).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line.replace(" og ", " samt ") if i < lines_changed else line for i, line in enumerate(lines))


def synthetic_meetings(folder: Path, count: int) -> int:
    """`count` copies of the February meeting, each on its own date (so its own meeting of 11 items)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (SAMPLES / FEB).read_text(encoding="utf-8")
    for i in range(count):
        day = f"{1 + i // 24 % 28}. {MONTHS[i % 12]} {2000 + i // 12 % 24}"
        (folder / f"extra-{i:04d}.txt").write_text(text.replace("11. februar 2022", day, 2), encoding="utf-8")
    return count


# -- data directories --------------------------------------------------------------------------------

@dataclass
class Seeded:
    """A private data directory holding the bundled corpus, ingested from copies under `docs`."""

    data: Path
    docs: Path
    engine: Engine

    def reopen(self, **settings) -> Engine:
        """A fresh engine on the directory, as a restarted server would open it."""
        return Engine(Settings(data_dir=self.data, api_token=TOKEN, **settings))



@pytest.fixture
def seeded(tmp_path, engine) -> Seeded:
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    for name in (FEB, JUNE):
        shutil.copy(SAMPLES / name, docs / name)
    copy_embedding_cache(engine, data)
    # The service's own fast-path mode: under concurrent writes, searches after a change are answered by Whoosh
    # while the new term arrays are built on a thread, as in `minutes serve` (the suite's default, "wait", would
    # put every rebuild on a searching thread's request).
    eng = Engine(Settings(data_dir=data, api_token=TOKEN, keyword_fast_path="background"))
    eng.ingest([docs])
    summary = eng.sync()
    assert summary["semantic"]["embedded"] == 0, "the lent cache should hold every passage"
    return Seeded(data, docs, eng)


def keyword(engine: Engine, q: str, **kw) -> dict:
    return engine.search(SearchRequest.build(q=q, mode="keyword", settings=engine.settings, **kw))


def hybrid(engine: Engine, q: str, **kw) -> dict:
    return engine.search(SearchRequest.build(q=q, settings=engine.settings, **kw))


# -- 1. searching during re-ingest and reindex ------------------------------------------------------

@dataclass
class Observed:
    """What the searching threads saw: counts per check, and every violation or exception."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: int = 0
    seen: dict[str, set] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def record(self, check: str, value, ok: bool) -> None:
        with self.lock:
            self.requests += 1
            self.seen.setdefault(check, set()).add(value)
            if not ok:
                self.errors.append(f"{check}: {value!r}")

    def fail(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


def old_or_new_checks(search: Callable[[str, dict], dict], item: Callable[[str], dict | None],
                      meeting_items: Callable[[str], int]) -> list[Callable[[Observed], None]]:
    """Each check asserts that one response is wholly version A or wholly version B of the June file."""
    def laegevagt(obs: Observed) -> None:
        top = search("lægevagt", {"mode": "hybrid"})["hits"][0]["id"]
        obs.record("lægevagt hybrid top", top, top == LAEGEVAGT)

    def semantic(obs: Observed) -> None:
        top = search("hvad mener kommunerne om at regionen overtager vagten om natten",
                     {"mode": "semantic"})["hits"][0]["id"]
        obs.record("semantic top", top, top == LAEGEVAGT)

    def marker(obs: Observed) -> None:
        result = search(MARKER, {"mode": "keyword"})
        meetings = frozenset(h["meeting_id"] for h in result["hits"])
        ok = (result["total"], meetings) in {(0, frozenset()), (2, frozenset({JUNE_ID, APRIL_ID}))}
        obs.record("marker hits", (result["total"], meetings), ok)

    def browse(obs: Observed) -> None:
        result = search("", {"mode": "keyword", "limit": 100})
        whole = result["total"] in (41, 42) and len(result["hits"]) == result["total"]
        obs.record("items listed", result["total"], whole)

    def views(obs: Observed) -> None:
        view = item(LAEGEVAGT)
        obs.record("item 50", view and view["title"], bool(view) and view["title"] == "Lægevagten")
        count = meeting_items(JUNE_ID)
        obs.record("June items", count, count in (16, 17))

    return [laegevagt, semantic, marker, browse, views]


def run_searchers(check_sets: list[list[Callable[[Observed], None]]], stop: threading.Event,
                  pause: float = 0.005) -> tuple[Observed, list[threading.Thread]]:
    """One thread per set of checks, cycling through them until `stop`; everything lands in one record.
    A short pause between requests (people read results) leaves the writer some of the GIL."""
    observed = Observed()

    def loop(checks: list[Callable[[Observed], None]], offset: int) -> None:
        n = offset
        while not stop.is_set():
            try:
                checks[n % len(checks)](observed)
            except Exception as exc:  # noqa: BLE001 - any exception is a failed search
                observed.fail(f"{type(exc).__name__}: {exc}")
            n += 1
            stop.wait(pause)

    workers = [threading.Thread(target=loop, args=(checks, i), daemon=True) for i, checks in enumerate(check_sets)]
    for w in workers:
        w.start()
    return observed, workers


def stop_all(stop: threading.Event, workers: list[threading.Thread]) -> None:
    stop.set()
    for w in workers:
        w.join(timeout=60)
    assert not any(w.is_alive() for w in workers), "a searching thread hung"


def engine_checks(engine: Engine) -> list[Callable[[Observed], None]]:
    def search(q: str, params: dict) -> dict:
        return engine.search(SearchRequest.build(q=q, settings=engine.settings, **params))

    def meeting_items(meeting_id: str) -> int:
        return len(engine.store.meeting(meeting_id).items)

    return old_or_new_checks(search, engine.item_view, meeting_items)


BOTH_STATES = {(0, frozenset()), (2, frozenset({JUNE_ID, APRIL_ID}))}


def test_engine_searches_stay_complete_during_reingest_sync_and_rebuild(seeded):
    """Threads search one engine while another re-ingests changed copies of the June file, syncs and
    rebuilds: no exception, and every answer is wholly the old or wholly the new corpus."""
    stop = threading.Event()
    observed, workers = run_searchers([engine_checks(seeded.engine)] * 3, stop)
    try:
        for round_ in range(4):
            (seeded.docs / JUNE).write_text(june_b() if round_ % 2 == 0 else june_a(), encoding="utf-8")
            [report] = seeded.engine.ingest([seeded.docs / JUNE])
            assert report.status == "replaced"
            seeded.engine.sync()
            if round_ % 2 == 1:
                seeded.engine.rebuild()
    finally:
        stop_all(stop, workers)
    assert observed.errors == []
    assert observed.seen["marker hits"] == BOTH_STATES  # both versions were seen, nothing in between
    assert observed.seen["items listed"] == {41, 42}
    assert observed.requests >= 100


@pytest.fixture
def live_server(seeded):
    """The app on a real uvicorn server on 127.0.0.1 (a free port), in a thread of this process."""
    import uvicorn

    from api.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(seeded.engine), host="127.0.0.1", port=0,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(1000):
        if server.started:
            break
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", seeded
    server.should_exit = True
    thread.join(timeout=30)


def http_checks(http: httpx.Client) -> list[Callable[[Observed], None]]:
    def get(path: str, params: dict | None = None) -> httpx.Response:
        response = http.get(path, params=params)
        assert response.status_code < 500, f"{path}: {response.status_code} {response.text[:200]}"
        return response

    def search(q: str, params: dict) -> dict:
        response = get("/search", {"q": q, **params})
        assert response.status_code == 200, response.text
        return response.json()

    def item(item_id: str) -> dict | None:
        response = get(f"/items/{item_id}")
        return response.json() if response.status_code == 200 else None

    def meeting_items(meeting_id: str) -> int:
        return len(get(f"/meetings/{meeting_id}").json()["items"])

    return old_or_new_checks(search, item, meeting_items)


def test_http_searches_stay_complete_during_uploads_and_reindex(live_server):
    """Staff searching over HTTP while the June minutes are uploaded again and again (with the token)
    and the indexes rebuilt: every response is a 200 holding the old or the new state."""
    url, seeded = live_server
    stop = threading.Event()
    clients = [httpx.Client(base_url=url, timeout=60) for _ in range(4)]
    observed, workers = run_searchers([http_checks(c) for c in clients], stop)
    try:
        with httpx.Client(base_url=url, timeout=300, headers={"Authorization": f"Bearer {TOKEN}"}) as writer:
            for round_ in range(4):
                text = june_b() if round_ % 2 == 0 else june_a()
                response = writer.post("/documents", files={"file": (JUNE, text.encode(), "text/plain")})
                assert response.status_code == 201, response.text
                assert response.json()["status"] in ("added", "replaced")
                if round_ == 1:
                    seeded.engine.rebuild()
    finally:
        stop_all(stop, workers)
        for c in clients:
            c.close()
    assert observed.errors == []
    assert observed.seen["marker hits"] == BOTH_STATES
    assert observed.requests >= 50


def test_a_search_overtaken_by_an_ingest_reads_one_state_of_the_store(seeded, monkeypatch):
    """Regression: a browse (no query words) overtaken mid-way by an ingest that removed an item used to
    fail with a KeyError (a 500), and a search could count an item it no longer showed. Now each search
    reads one snapshot of the store. The ingest is made to land mid-search, on another thread."""
    eng = seeded.engine
    (seeded.docs / JUNE).write_text(june_b(), encoding="utf-8")
    real_allowed = eng._allowed

    def ingest_meanwhile(filters, facts):
        writer = threading.Thread(target=eng.ingest, args=([seeded.docs / JUNE],))
        writer.start()
        writer.join()
        return real_allowed(filters, facts)

    monkeypatch.setattr(eng, "_allowed", ingest_meanwhile)
    overtaken = keyword(eng, "", body=["KD-Net"], limit=100)
    monkeypatch.undo()
    assert eng.store.counts()["items"] == 41, "the ingest committed during the search"
    assert overtaken["total"] == len(overtaken["hits"]) == 42  # the state before the ingest, whole
    assert f"{JUNE_ID}-51" in {h["id"] for h in overtaken["hits"]}
    after = keyword(eng, "", body=["KD-Net"], limit=100)
    assert after["total"] == len(after["hits"]) == 41


# -- 2. SIGKILL mid-ingest ---------------------------------------------------------------------------

def minutes_cmd(data: Path, *args: str) -> list[str]:
    return [str(MINUTES), "--data-dir", str(data), *args]


def cli_env(**extra: str) -> dict[str, str]:
    """Wide, plain output (the summary JSON on one line) and no MINUTES_* leaking from the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    return {**env, "COLUMNS": "10000", "NO_COLOR": "1", **extra}


def run_ingest(data: Path, *args: str, **env: str) -> dict:
    """`minutes ingest` to the end; its index summary."""
    done = subprocess.run(minutes_cmd(data, "ingest", *args), env=cli_env(**env), capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r"index: (\{.*\})", done.stderr)
    assert found, done.stderr[-2000:]
    return json.loads(found.group(1))


def kill_ingest_when(data: Path, args: list[str], ready: Callable[[], bool], env: dict[str, str] | None = None,
                     timeout: float = 300) -> None:
    """Start `minutes ingest` and SIGKILL it as soon as `ready()` holds (polled); fail if it ends first."""
    log = data.parent / "killed-ingest.log"
    with open(log, "w") as err:  # a file, not a pipe: an unread pipe could block the child
        proc = subprocess.Popen(minutes_cmd(data, "ingest", *args), env=cli_env(**(env or {})),
                                stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if ready():
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"ingest ended before the kill point: {log.read_text()[-2000:]}"


def scalar(db_path: Path, sql: str) -> int:
    """One number from a database another process is writing (a short read-only connection)."""
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute(sql).fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError:
        return -1


def sources(data: Path) -> int:
    return scalar(data / "minutes.sqlite3", "SELECT COUNT(*) FROM sources")


def store_has_marker(data: Path) -> bool:
    return scalar(data / "minutes.sqlite3", f"SELECT COUNT(*) FROM sections WHERE text LIKE '%{MARKER.title()}%'") > 0


def check_store_consistent(data: Path) -> dict[str, int]:
    """The store opens, passes SQLite's integrity check, and every meeting is whole: 11 items for a
    February copy, 14 for April, and the June file's two meetings of one version (16 + marker, or 17)."""
    db = sqlite3.connect(data / "minutes.sqlite3")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = dict(db.execute("SELECT meeting_id, COUNT(*) FROM items GROUP BY meeting_id").fetchall())
        marked = {r[0] for r in db.execute(
            "SELECT DISTINCT i.meeting_id FROM sections s JOIN items i ON i.id = s.item_id WHERE s.text LIKE ?",
            (f"%{MARKER.title()}%",))}
        meetings = {r[0] for r in db.execute("SELECT id FROM meetings")}
        claimed = {m for (ids,) in db.execute("SELECT meeting_ids FROM sources") for m in json.loads(ids)}
    finally:
        db.close()
    assert claimed == meetings, "every stored source's meetings are present, and no others"
    assert marked in (set(), {JUNE_ID, APRIL_ID})
    expected_june = 16 if marked else 17
    for meeting_id, n in counts.items():
        assert n == {JUNE_ID: expected_june, APRIL_ID: 14}.get(meeting_id, 11), meeting_id
    return counts


def check_indexes_serve(seeded: Seeded, embeddings: bool = False) -> Engine:
    """A fresh engine opens the directory and the known top hits come back (keyword, and hybrid and
    semantic when `embeddings`)."""
    eng = seeded.reopen()
    assert keyword(eng, "lægevagt")["hits"][0]["id"] == LAEGEVAGT
    assert keyword(eng, "Midttrafik kassekredit")["hits"][0]["id"] == f"{JUNE_ID}-47"
    if embeddings:
        assert hybrid(eng, "lægevagt")["hits"][0]["id"] == LAEGEVAGT
        semantic = hybrid(eng, "hvad mener kommunerne om at regionen overtager vagten om natten", mode="semantic")
        assert semantic["hits"][0]["id"] == LAEGEVAGT
    return eng


def keyword_state(eng: Engine) -> str:
    """'old' (the three bundled meetings as first indexed), 'new' (all the store holds), else 'mixed'."""
    held, current = eng.keyword.indexed_meetings(), eng.store.meeting_hashes()
    if held == current:
        return "new"
    return "old" if set(held) == {JUNE_ID, APRIL_ID, FEB_ID} and eng.keyword.doc_count() == 42 else "mixed"


def check_repaired(seeded: Seeded, extra: int) -> Engine:
    """After a full ingest: every file in, every index in line with the store, the searches right."""
    counts = check_store_consistent(seeded.data)
    eng = seeded.reopen()
    assert eng.store.counts()["meetings"] == 3 + extra
    assert eng.store.counts()["items"] == 41 + 11 * extra  # June is version B: item 51 is gone
    assert sum(counts.values()) == eng.store.counts()["items"]
    assert eng.keyword.indexed_meetings() == eng.store.meeting_hashes()
    assert eng.keyword.doc_count() == eng.store.counts()["items"]
    marker = keyword(eng, MARKER)
    assert marker["total"] == 2 and {h["meeting_id"] for h in marker["hits"]} == {JUNE_ID, APRIL_ID}
    assert keyword(eng, "", limit=10)["total"] == 41 + 11 * extra
    assert keyword(eng, "lægevagt")["hits"][0]["id"] == LAEGEVAGT
    return eng


def stage_many_files(seeded: Seeded, count: int) -> int:
    """Many new meetings plus a changed June file, so an ingest takes seconds, not milliseconds."""
    synthetic_meetings(seeded.docs / "extra", count)
    (seeded.docs / JUNE).write_text(june_b(), encoding="utf-8")
    return count


@pytest.mark.parametrize("moment", ["reading files", "keyword indexing"])
def test_ingest_killed_mid_way_leaves_a_serving_store_and_the_next_ingest_repairs_it(seeded, moment):
    """SIGKILL while files are being stored (some in, some not) or while the keyword index is being
    written (store done, index not committed): everything opens, the previous results come back,
    and the next `minutes ingest` finishes the work."""
    extra = stage_many_files(seeded, 120)
    total = 2 + extra
    if moment == "reading files":
        def ready() -> bool:
            return 2 + 20 <= sources(seeded.data) < total
    else:
        def ready() -> bool:
            return sources(seeded.data) == total and store_has_marker(seeded.data)
    kill_ingest_when(seeded.data, [str(seeded.docs), "--skip-embeddings"], ready)

    check_store_consistent(seeded.data)
    stored = sources(seeded.data)
    if moment == "reading files":
        assert 22 <= stored < total  # files before the kill are whole, the rest are not there at all
    eng = check_indexes_serve(seeded, embeddings=True)
    assert keyword_state(eng) == "old", "the killed ingest must not have half-written the keyword index"
    assert keyword(eng, MARKER)["total"] == 0

    summary = run_ingest(seeded.data, str(seeded.docs), "--skip-embeddings")
    assert summary["keyword"]["added"] + summary["keyword"]["updated"] == extra + 2  # + June's two meetings
    check_repaired(seeded, extra)


def test_ingest_killed_while_embedding_keeps_the_old_vectors_and_the_embedded_batches(seeded):
    """SIGKILL after a few embedding batches: the vector index still serves the previous generation,
    the batches already embedded stay in the cache, and the next ingest embeds only the rest."""
    (seeded.docs / FEB).write_text(feb_reworded(), encoding="utf-8")
    cache = seeded.data / "vectors" / "cache.sqlite3"
    base_rows = scalar(cache, "SELECT COUNT(*) FROM embeddings")
    manifest = json.loads((seeded.data / "vectors" / "manifest.json").read_text())
    kill_ingest_when(seeded.data, [str(seeded.docs)],
                     lambda: scalar(cache, "SELECT COUNT(*) FROM embeddings") >= base_rows + 8,
                     env={"MINUTES_EMBED_BATCH": "4"})
    killed_rows = scalar(cache, "SELECT COUNT(*) FROM embeddings")
    assert killed_rows >= base_rows + 8

    check_store_consistent(seeded.data)
    eng = check_indexes_serve(seeded, embeddings=True)
    assert json.loads((seeded.data / "vectors" / "manifest.json").read_text())["tag"] == manifest["tag"]
    assert keyword_state(eng) == "new"  # the keyword index is committed before embedding starts
    before = reworded_passages(eng)

    summary = run_ingest(seeded.data, str(seeded.docs), MINUTES_EMBED_BATCH="4")
    final_rows = scalar(cache, "SELECT COUNT(*) FROM embeddings")
    assert summary["semantic"]["embedded"] == final_rows - killed_rows > 0  # only what the kill cut off
    eng = seeded.reopen()
    assert eng.vectors.stats()["meetings"] == 3
    assert json.loads((seeded.data / "vectors" / "manifest.json").read_text())["meetings"] == \
        eng.store.meeting_hashes()
    assert hybrid(eng, "lægevagt")["hits"][0]["id"] == LAEGEVAGT
    assert reworded_passages(eng) > before, "the February meeting is embedded as reworded"


def reworded_passages(eng: Engine) -> int:
    """Passages of the generation the manifest points at that hold the rewording (" samt " for " og ")."""
    folder = eng.data_dir / "vectors"
    tag = json.loads((folder / "manifest.json").read_text())["tag"]
    rows = json.loads((folder / f"rows-{tag}.json").read_text(encoding="utf-8"))
    return sum(" samt " in text for text in rows["texts"])


def load_script(name: str):
    """A script of scripts/ as a module (they are run by hand, not installed)."""
    import importlib.util

    path = Path(__file__).parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("queries", [[], ["--fresh-queries"]])
def test_load_test_script_reports_throughput_latency_and_no_errors(live_server, queries):
    """The load test itself, briefly, against a live server: every request kind answered, none failed."""
    import asyncio

    url, _ = live_server
    loadtest = load_script("loadtest")
    args = loadtest.parse_args(["--url", url, "--clients", "4", "--seconds", "3", "--json", *queries])
    summary = asyncio.run(loadtest.run(args))
    assert summary["errors"] == 0, summary["error_examples"]
    assert set(summary["statuses"]) == {200} and summary["requests"] >= 20
    assert set(summary["per_kind"]) == {"item", "search_hybrid", "search_keyword", "suggest"}
    assert 0 < summary["p50_ms"] <= summary["p99_ms"] <= summary["max_ms"]
    assert summary["queries"] == ("fresh" if queries else "fixed")


def test_load_test_refuses_a_server_that_is_not_on_this_machine():
    with pytest.raises(SystemExit):
        load_script("loadtest").parse_args(["--url", "http://example.org:8000"])
