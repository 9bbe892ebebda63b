"""Fault test: SIGKILL `minutes ingest` at random moments while `minutes serve` answers searches.

    python scripts/faulttest.py [--data-dir data] [--rounds 10] [--seed 7]

1. Copies the data directory (default: a fresh one holding the bundled minutes) to a temporary folder,
   adds copies of the bundled files as sources it can change, and starts `minutes serve` on it
   (127.0.0.1, a free port).
2. Searching clients run the whole time, checking every answer: status 200, the known top hits stay
   on top, and the June file is seen wholly in one version (its two meetings change in one file).
3. Each round changes files (new meetings, the June file toggled, and in embedding rounds a reworded
   February file), starts `minutes ingest` and SIGKILLs it at a random moment: after a random delay, or
   a random instant into a phase picked at random (storing files, keyword indexing, semantic sync,
   embedding), noting the phase it was in; some rounds are left to finish.
4. A last ingest runs to the end; then the store and both indexes are checked against each other and
   against the files, the server must show the final state, and the clients must have seen 0 errors.

Exit status 0 when every check passed. Everything runs on this machine and in a temporary folder;
the source data directory is only read (do not point it at one an ingest is writing to).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
MINUTES = Path(sys.executable).with_name("minutes")
JUNE = "kdnet-2023-06-02-dagsorden-og-referat.txt"
FEB = "kdnet-2022-02-11-referat.txt"
JUNE_ID, APRIL_ID = "kd-net-2023-06-02-1000", "kd-net-2023-04-14-1000"
MARKER = "Zebrafinke"
PROBES = [("lægevagt", "hybrid"), ("lægevagt", "keyword"), ("Midttrafik kassekredit", "hybrid"),
          ("hvad mener kommunerne om at regionen overtager vagten om natten", "semantic")]
REWORDINGS = [" samt ", " plus ", " tillige med ", " såvel som ", " og også ", " sammen med "]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


# -- files -------------------------------------------------------------------------------------------

def june_text(version_b: bool) -> str:
    """Version B changes both meetings of the June file and drops item 51 (see tests/test_reliability)."""
    text = (SAMPLES / JUNE).read_text(encoding="utf-8")
    if not version_b:
        return text
    lines = text.splitlines(keepends=True)
    text = "".join(lines[:26] + lines[27:4234])
    text = text.replace("KD-Net godkendte dagsordenen.", f"KD-Net godkendte dagsordenen. {MARKER}.")
    return text.replace("Dagsordenen blev godkendt.", f"Dagsordenen blev godkendt. {MARKER}.")


def feb_text(rewording: int | None) -> str:
    """The February file, or a rewording of its first 150 lines (about 30 passages to embed anew)."""
    lines = (SAMPLES / FEB).read_text(encoding="utf-8").splitlines(keepends=True)
    if rewording is None:
        return "".join(lines)
    word = REWORDINGS[rewording % len(REWORDINGS)]
    return "".join(line.replace(" og ", word) if i < 150 else line for i, line in enumerate(lines))


def write_meetings(folder: Path, start: int, count: int) -> None:
    """New meetings: the February file under other dates (the header only, so the item texts, and so
    their embeddings, are the ones already cached)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (SAMPLES / FEB).read_text(encoding="utf-8")
    for n in range(start, start + count):
        day = dt.date(1990, 1, 1) + dt.timedelta(days=n)
        danish = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
        (folder / f"meeting-{n:05d}.txt").write_text(text.replace("11. februar 2022", danish, 2), encoding="utf-8")


# -- looking at the data directory from outside ---------------------------------------------------------

def query(db_path: Path, sql: str, args: tuple = ()) -> list[tuple]:
    """A short read-only look at a database another process may be writing."""
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()
    except sqlite3.OperationalError:
        return []


def store_generation(data: Path) -> int:
    rows = query(data / "minutes.sqlite3", "SELECT value FROM meta WHERE key='generation'")
    return rows[0][0] if rows else -1


def cached_vectors(data: Path) -> int:
    rows = query(data / "vectors" / "cache.sqlite3", "SELECT COUNT(*) FROM embeddings")
    return rows[0][0] if rows else 0


def keyword_generation(data: Path) -> int:
    gens = [int(m.group(1)) for p in (data / "keyword").glob("_MAIN_*.toc")
            if (m := re.fullmatch(r"_MAIN_(\d+)\.toc", p.name))]
    return max(gens, default=-1)


def files_to_store(data: Path, docs: Path) -> int:
    """Files whose bytes differ from what the store holds for them: the store writes an ingest will do."""
    held = dict(query(data / "minutes.sqlite3", "SELECT path, content_hash FROM sources"))
    return sum(held.get(str(p.resolve())) != hashlib.sha256(p.read_bytes()).hexdigest()
               for p in docs.rglob("*.txt"))


@dataclass
class Marks:
    store: int
    keyword: int
    vectors: int

    @classmethod
    def of(cls, data: Path) -> Marks:
        return cls(store_generation(data), keyword_generation(data), cached_vectors(data))


def phase(start: Marks, now: Marks, writes: int) -> str:
    """How far an ingest got, read from what it has left on disk so far."""
    if now.keyword > start.keyword:
        return f"embedding ({now.vectors - start.vectors} new vectors cached)" if now.vectors > start.vectors \
            else "semantic sync (passages, first batch)"
    stored = now.store - start.store
    if stored == 0 and writes:
        return "starting"
    return "storing files" if stored < writes else "keyword indexing"


# -- the searching clients -----------------------------------------------------------------------------

@dataclass
class Watch:
    """What the clients saw."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    marker_states: Counter = field(default_factory=Counter)

    def ok(self) -> None:
        with self.lock:
            self.requests += 1

    def error(self, message: str) -> None:
        with self.lock:
            self.requests += 1
            self.errors.append(message)


def baseline(http: httpx.Client) -> dict[tuple[str, str], str]:
    return {(q, mode): http.get("/search", params={"q": q, "mode": mode}).json()["hits"][0]["id"]
            for q, mode in PROBES}


def check_once(http: httpx.Client, rng: random.Random, expected: dict, watch: Watch) -> None:
    kind = rng.randrange(3)
    try:
        if kind == 0:
            q, mode = rng.choice(PROBES)
            response = http.get("/search", params={"q": q, "mode": mode})
            top = response.json()["hits"][0]["id"] if response.status_code == 200 else None
            if response.status_code != 200 or top != expected[(q, mode)]:
                return watch.error(f"{q} ({mode}): {response.status_code} top {top}")
        elif kind == 1:
            response = http.get("/search", params={"q": MARKER, "mode": "keyword"})
            body = response.json()
            state = (body.get("total"), tuple(sorted({h["meeting_id"] for h in body.get("hits", [])})))
            with watch.lock:
                watch.marker_states[state] += 1
            if response.status_code != 200 or state not in ((0, ()), (2, tuple(sorted((JUNE_ID, APRIL_ID))))):
                return watch.error(f"marker: {response.status_code} {state}")
        else:
            response = http.get(f"/meetings/{JUNE_ID}")
            if response.status_code != 200 or len(response.json()["items"]) not in (16, 17):
                return watch.error(f"June meeting: {response.status_code}")
        watch.ok()
    except (httpx.HTTPError, ValueError, KeyError, IndexError) as exc:
        watch.error(f"{type(exc).__name__}: {exc}")


def client_loop(url: str, seed: int, expected: dict, watch: Watch, stop: threading.Event, pause: float) -> None:
    rng = random.Random(seed)
    limits = httpx.Limits(keepalive_expiry=2.0)  # below uvicorn's 5 s keep-alive (see loadtest.py)
    with httpx.Client(base_url=url, timeout=60, limits=limits) as http:
        while not stop.is_set():
            check_once(http, rng, expected, watch)
            stop.wait(pause)


# -- processes ---------------------------------------------------------------------------------------------

def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    return {**clean, "COLUMNS": "10000", "NO_COLOR": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data: Path, port: int, log: Path) -> subprocess.Popen:
    with open(log, "w") as out:  # the child keeps its own copy of the file descriptor
        proc = subprocess.Popen([str(MINUTES), "--data-dir", str(data), "serve", "--host", "127.0.0.1",
                                 "--port", str(port)], env=env(), stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: see {log}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not come up in 120 s")


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def ingest(data: Path, docs: Path, log: Path, embeddings: bool) -> subprocess.Popen:
    args = [str(MINUTES), "--data-dir", str(data), "ingest", str(docs)]
    with open(log, "w") as err:
        return subprocess.Popen(args + ([] if embeddings else ["--skip-embeddings"]), env=env(),
                                stdout=subprocess.DEVNULL, stderr=err)


def pick_target(rng: random.Random, embeddings: bool) -> str:
    """Where to kill: at a random time, on entering a phase (then a random moment into it), or not at all
    (some rounds must finish, so the clients see the indexes change under them)."""
    phases = ["embedding", "semantic sync"] if embeddings else ["storing files", "keyword indexing"]
    return rng.choice(phases + ["keyword indexing", "random time", "random time", "no kill"])


def kill_at(proc: subprocess.Popen, target: str, rng: random.Random, max_delay: float, data: Path,
            start: Marks, writes: int) -> str:
    """SIGKILL the ingest when `target` is reached (plus 0-0.5 s), unless it ends first; what happened."""
    began = time.monotonic()
    delay = rng.uniform(0.5, max_delay) if target == "random time" else None
    while proc.poll() is None and time.monotonic() - began < 600:
        now = Marks.of(data)
        current = phase(start, now, writes)
        elapsed = time.monotonic() - began
        if (delay is not None and elapsed >= delay) or current.startswith(target):
            if delay is None:
                time.sleep(rng.uniform(0.0, 0.5))
                current = phase(start, Marks.of(data), writes)
            if proc.poll() is not None:
                break
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return f"killed at {time.monotonic() - began:.2f} s while {current}"
        time.sleep(0.02)
    proc.wait()
    return "finished" if proc.returncode == 0 else f"failed (exit {proc.returncode})"


# -- checks ------------------------------------------------------------------------------------------------

def check_final(data: Path, docs: Path, june_b: bool, meetings_added: int, url: str, expected: dict) -> list[str]:
    """Store and indexes against each other and the files; the server against the store."""
    sys.path.insert(0, str(ROOT))
    from search.engine import Engine
    from search.request import SearchRequest
    from config.settings import Settings

    problems: list[str] = []

    def need(ok: bool, what: str) -> None:
        if not ok:
            problems.append(what)

    db = sqlite3.connect(data / "minutes.sqlite3")
    need(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "SQLite integrity check")
    per_meeting = dict(db.execute("SELECT meeting_id, COUNT(*) FROM items GROUP BY meeting_id").fetchall())
    db.close()
    june_items, want_items = (16, 41) if june_b else (17, 42)
    need(len(per_meeting) == 3 + meetings_added, f"meetings: {len(per_meeting)} != {3 + meetings_added}")
    need(per_meeting.get(JUNE_ID) == june_items and per_meeting.get(APRIL_ID) == 14, "June/April items")
    need(all(n == 11 for m, n in per_meeting.items() if m not in (JUNE_ID, APRIL_ID)), "February copies whole")
    need(files_to_store(data, docs) == 0, "every file stored as it is on disk")

    engine = Engine(Settings(data_dir=data))
    items = engine.store.counts()["items"]
    need(items == want_items + 11 * meetings_added, f"items: {items}")
    need(engine.keyword.indexed_meetings() == engine.store.meeting_hashes(), "keyword index = store")
    need(engine.keyword.doc_count() == items, f"keyword documents: {engine.keyword.doc_count()} != {items}")
    manifest = json.loads((data / "vectors" / "manifest.json").read_text())
    need(manifest["meetings"] == engine.store.meeting_hashes(), "vector index = store")
    stats = engine.vectors.stats()
    need(stats["items"] == items and stats["passages"] == manifest["passages"], f"vector stats {stats}")
    for (q, mode), top in expected.items():
        got = engine.search(SearchRequest.build(q=q, mode=mode, settings=engine.settings))["hits"][0]["id"]
        need(got == top, f"engine top hit for {q} ({mode}): {got}")
    marker = engine.search(SearchRequest.build(q=MARKER, mode="keyword", settings=engine.settings))["total"]
    need(marker == (2 if june_b else 0), f"marker hits {marker}")

    health = httpx.get(f"{url}/health", timeout=30).json()
    need(health == {"status": "ok", "meetings": 3 + meetings_added, "items": items}, f"server health {health}")
    served = httpx.get(f"{url}/search", params={"q": MARKER, "mode": "keyword"}, timeout=30).json()["total"]
    need(served == marker, f"server marker hits {served} != {marker}")
    return problems


def server_log_problems(log: Path) -> list[str]:
    """The server's own log must show no crash and no 5xx answer."""
    text = log.read_text(errors="replace") if log.exists() else ""
    bad = [line for line in text.splitlines() if "Traceback" in line or re.search(r'" 5\d\d ', line)]
    return [f"server log: {line[:200]}" for line in bad[:5]]


# -- the run -------------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, help="data directory to copy [default: a fresh bundled one]")
    parser.add_argument("--rounds", type=int, default=10, help="ingests to start (and mostly kill)")
    parser.add_argument("--files-per-round", type=int, default=15, help="new meetings written per round")
    parser.add_argument("--embedding-every", type=int, default=3, help="every Nth round embeds (others skip)")
    parser.add_argument("--max-kill-delay", type=float, default=5.0, help="random-time kills: within, s")
    parser.add_argument("--max-embed-kill-delay", type=float, default=20.0,
                        help="random-time kills in rounds that embed: within, s")
    parser.add_argument("--clients", type=int, default=4, help="searching clients")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 100 or not 1 <= args.clients <= 32:
        parser.error("--rounds must be 1..100 and --clients 1..32")
    return args


def prepare(args: argparse.Namespace, tmp: Path) -> tuple[Path, Path]:
    data, docs = tmp / "data", tmp / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / FEB, docs / FEB)
    shutil.copy(SAMPLES / JUNE, docs / JUNE)
    if args.data_dir:
        shutil.copytree(args.data_dir, data, ignore=shutil.ignore_patterns("*.lock", "uploads"))
    print(f"data directory: {data} ({'copy of ' + str(args.data_dir) if args.data_dir else 'new'})", flush=True)
    started = time.monotonic()
    done = subprocess.run([str(MINUTES), "--data-dir", str(data), "ingest", str(docs)], env=env(),
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"the first ingest failed:\n{done.stderr[-2000:]}")
    print(f"bundled minutes ingested as changeable sources in {time.monotonic() - started:.1f} s", flush=True)
    return data, docs


@dataclass
class Corpus:
    """The changeable files and what the last round made of them."""

    docs: Path
    june_b: bool = False
    added: int = 0
    rewording: int | None = None

    def change(self, embeddings: bool, files_per_round: int) -> None:
        """Toggle the June file; then reword February (embedding rounds) or add new meetings."""
        self.june_b = not self.june_b
        (self.docs / JUNE).write_text(june_text(self.june_b), encoding="utf-8")
        if embeddings:
            self.rewording = 0 if self.rewording is None else self.rewording + 1
            (self.docs / FEB).write_text(feb_text(self.rewording), encoding="utf-8")
        else:
            write_meetings(self.docs / "new", self.added, files_per_round)
            self.added += files_per_round


def run_rounds(args: argparse.Namespace, rng: random.Random, data: Path, corpus: Corpus, tmp: Path,
               watch: Watch) -> list[str]:
    outcomes = []
    for n in range(1, args.rounds + 1):
        embeddings = n % args.embedding_every == 0
        corpus.change(embeddings, args.files_per_round)
        start, writes = Marks.of(data), files_to_store(data, corpus.docs)
        target = pick_target(rng, embeddings)
        max_delay = args.max_embed_kill_delay if embeddings else args.max_kill_delay
        proc = ingest(data, corpus.docs, tmp / f"ingest-{n:02d}.log", embeddings)
        outcome = kill_at(proc, target, rng, max_delay, data, start, writes)
        outcomes.append(outcome)
        kind = "with embeddings" if embeddings else "keyword only   "
        print(f"round {n:2d} ({kind}, {writes:3d} files to store, kill: {target:16}): {outcome}; "
              f"clients {watch.requests} requests, {len(watch.errors)} errors", flush=True)
    return outcomes


def final_ingest(data: Path, docs: Path) -> list[str]:
    """One ingest left to finish: it must repair whatever the killed ones left undone."""
    print("final ingest, to the end ...", flush=True)
    started = time.monotonic()
    done = subprocess.run([str(MINUTES), "--data-dir", str(data), "ingest", str(docs)], env=env(),
                          capture_output=True, text=True, check=False)
    summary = re.search(r"index: (\{.*\})", done.stderr)
    print(f"final ingest: exit {done.returncode} in {time.monotonic() - started:.1f} s; "
          f"{summary.group(1) if summary else done.stderr[-500:]}", flush=True)
    return [] if done.returncode == 0 else ["the final ingest failed"]


def start_clients(url: str, args: argparse.Namespace, expected: dict, watch: Watch,
                  stop: threading.Event) -> list[threading.Thread]:
    workers = [threading.Thread(target=client_loop, args=(url, args.seed * 100 + i, expected, watch, stop, 0.01),
                                daemon=True) for i in range(args.clients)]
    for w in workers:
        w.start()
    return workers


def print_summary(outcomes: list[str], watch: Watch, problems: list[str]) -> None:
    kills = Counter(re.sub(r"killed at [\d.]+ s while ", "killed while ", o).split(" (")[0] for o in outcomes)
    print("\n== fault test summary ==")
    print(f"ingests started: {len(outcomes)}; outcomes: {dict(kills)}")
    print(f"client requests: {watch.requests}; errors: {len(watch.errors)}; "
          f"June file states seen (marker hits): {dict(watch.marker_states)}")
    for e in watch.errors[:10]:
        print(f"  client error: {e}")
    print("final checks: " + ("all passed" if not problems else "FAILED"))
    for p in problems:
        print(f"  problem: {p}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="minutes-fault-"))
    server, stop, watch = None, threading.Event(), Watch()
    outcomes: list[str] = []
    problems: list[str] = []
    try:
        data, docs = prepare(args, tmp)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = start_server(data, port, tmp / "serve.log")
        with httpx.Client(base_url=url, timeout=60) as http:
            expected = baseline(http)
        print(f"server on {url}; top hits to keep: "
              f"{json.dumps({q + '/' + m: v for (q, m), v in expected.items()}, ensure_ascii=False)}", flush=True)
        workers = start_clients(url, args, expected, watch, stop)
        corpus = Corpus(docs)
        outcomes = run_rounds(args, rng, data, corpus, tmp, watch)
        problems += final_ingest(data, docs)
        time.sleep(1.0)  # the clients search the final state too
        stop.set()
        for w in workers:
            w.join(timeout=60)
        problems += check_final(data, docs, corpus.june_b, corpus.added, url, expected)
    finally:
        stop.set()
        if server is not None:
            stop_process(server)
            problems += server_log_problems(tmp / "serve.log")
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print_summary(outcomes, watch, problems)
    return 0 if not problems and not watch.errors else 1


if __name__ == "__main__":
    sys.exit(main())
