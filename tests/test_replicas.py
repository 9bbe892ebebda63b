"""More than one machine: `minutes serve` replicas, each with its own data directory (its index caches),
sharing one PostgreSQL store started by the tests. An upload through one replica is found through the
other within 10 s; a replica killed with SIGKILL and restarted catches up; a PostgreSQL restart during
searches gives errors that clear by themselves and loses no acknowledged upload. And `--workers 2` on
one data directory serves safely while uploads commit.

Keyword-only (MINUTES_EMBEDDINGS=false) over the bundled minutes, so no test waits for embeddings.
"""
from __future__ import annotations

import signal
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from conftest import SAMPLES, TOKEN
from serving import Served

FEB = "kdnet-2022-02-11-referat.txt"
FOUND_WITHIN_S = 10
DAYS = ["3. marts 2021", "7. april 2021", "5. maj 2021", "9. juni 2021", "1. september 2021", "6. oktober 2021"]
MARKERS = ["zebrafinke", "kolibriredde", "pingvinhus", "flamingosti", "struds", "pelikanbro"]


def extra_minutes(n: int) -> tuple[str, bytes]:
    """The February minutes moved to another date (so a new meeting of 11 items) with a word of its own."""
    text = (SAMPLES / FEB).read_text(encoding="utf-8").replace("11. februar 2022", DAYS[n], 2)
    text = text.replace("Herefter drøftede KD-Net oplægget.", f"Herefter drøftede KD-Net oplægget. {MARKERS[n].title()}.")
    assert MARKERS[n].title() in text
    return f"extra-{n}.txt", text.encode()


class Replica(Served):
    """One `minutes serve` process on its own data directory (or one shared by its workers), on the store
    at `store_url` (empty: the data directory's SQLite), writable with the test token."""

    def __init__(self, data: Path, store_url: str, workers: int = 1):
        super().__init__(data, workers, MINUTES_STORE_URL=store_url, MINUTES_API_TOKEN=TOKEN)
        self.store_url = store_url

    def hits(self, word: str) -> set[str]:
        response = httpx.get(f"{self.url}/search", params={"q": word, "mode": "keyword"}, timeout=30)
        assert response.status_code == 200, response.text
        return {h["id"] for h in response.json()["hits"]}

    def upload(self, n: int) -> httpx.Response:
        name, data = extra_minutes(n)
        return httpx.post(f"{self.url}/documents", files={"file": (name, data, "text/plain")},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)


def found_within(replica: Replica, word: str, seconds: float) -> float:
    """Seconds until a search through `replica` finds `word`; fails after `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if replica.hits(word):
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"{word!r} not found through {replica.url} within {seconds} s")


@pytest.fixture
def replicas(postgres, tmp_path):
    """Two replicas on one fresh PostgreSQL database; the first bootstraps the bundled minutes into it."""
    url = postgres.create_database()
    started: list[Replica] = []

    def start(name: str, workers: int = 1) -> Replica:
        replica = Replica(tmp_path / name, url, workers).start()
        started.append(replica)
        return replica

    yield start
    for replica in started:
        replica.kill(signal.SIGTERM)


def test_an_upload_through_one_replica_is_found_through_the_other(replicas):
    a = replicas("a", workers=2)
    b = replicas("b")
    assert b.hits("lægevagt") == a.hits("lægevagt") != set(), "b built its caches from the shared store"
    response = a.upload(0)
    assert response.status_code == 201, response.text
    found_within(b, MARKERS[0], FOUND_WITHIN_S)
    response = b.upload(1)
    assert response.status_code == 201, response.text
    found_within(a, MARKERS[1], FOUND_WITHIN_S)
    # a's two workers each follow the store: every answer from a holds both uploads
    for _ in range(20):
        assert a.hits(MARKERS[0]) and a.hits(MARKERS[1])


def test_a_replica_killed_and_restarted_catches_up(replicas):
    a = replicas("a")
    b = replicas("b")
    assert a.upload(0).status_code == 201
    found_within(b, MARKERS[0], FOUND_WITHIN_S)
    b.kill(signal.SIGKILL)
    assert a.upload(1).status_code == 201  # while b is down
    b.start()
    assert b.hits(MARKERS[1]), "caught up on start"
    assert a.upload(2).status_code == 201
    found_within(b, MARKERS[2], FOUND_WITHIN_S)
    assert b.hits(MARKERS[0]) == a.hits(MARKERS[0])


def test_a_postgresql_restart_gives_errors_that_clear_and_loses_no_acknowledged_upload(replicas, postgres):
    a = replicas("a")
    b = replicas("b")
    statuses: Counter = Counter()
    stop = threading.Event()

    def search_loop(replica: Replica) -> None:
        with httpx.Client(base_url=replica.url, timeout=30) as http:
            while not stop.is_set():
                try:
                    statuses[http.get("/search", params={"q": "lægevagt", "mode": "keyword"}).status_code] += 1
                except httpx.HTTPError as exc:
                    statuses[type(exc).__name__] += 1
                time.sleep(0.02)

    searchers = [threading.Thread(target=search_loop, args=(r,)) for r in (a, b, a, b)]
    for thread in searchers:
        thread.start()
    acknowledged: list[int] = []
    try:
        for n in range(4):  # uploads before, during and after the restart; only the 201s are promised
            if n == 1:
                postgres.stop("fast")
            if n == 3:
                postgres.start()
            response = a.upload(n)
            assert response.status_code in (201, 503), response.text
            if response.status_code == 201:
                acknowledged.append(n)
            time.sleep(1)
    finally:
        if 3 not in acknowledged and not postgres_running(postgres):
            postgres.start()
        time.sleep(3)
        stop.set()
        for thread in searchers:
            thread.join(timeout=60)
    assert 0 in acknowledged and 3 in acknowledged and 1 not in acknowledged
    assert statuses[503] > 0, f"some searches met the database down: {statuses}"
    assert set(statuses) <= {200, 503}, f"errors are 503s, never a 500 or a hang: {statuses}"
    # the errors cleared by themselves: every replica answers every request again
    for replica in (a, b):
        for _ in range(10):
            assert replica.hits("lægevagt")
    for n in acknowledged:
        found_within(a, MARKERS[n], FOUND_WITHIN_S)
        found_within(b, MARKERS[n], FOUND_WITHIN_S)


def postgres_running(postgres) -> bool:
    import psycopg

    try:
        psycopg.connect(postgres.url(), connect_timeout=2).close()
        return True
    except psycopg.OperationalError:
        return False


def test_two_workers_on_one_sqlite_data_directory_serve_while_uploads_commit(tmp_path):
    """`minutes serve --workers 2` (the embedded store): searches through both workers stay 200 while
    uploads commit, and afterwards every answer, whichever worker gives it, holds every upload."""
    server = Replica(tmp_path / "data", "", workers=2).start()
    try:
        children = subprocess.run(["ps", "--ppid", str(server.proc.pid), "-o", "args="], capture_output=True,
                                  text=True, check=False).stdout
        assert children.count("multiprocessing.spawn") == 2, children  # two workers (and a resource tracker)
        statuses: Counter = Counter()
        stop = threading.Event()

        def search_loop() -> None:
            with httpx.Client(base_url=server.url, timeout=30) as http:
                while not stop.is_set():
                    statuses[http.get("/search", params={"q": "lægevagt"}).status_code] += 1

        searchers = [threading.Thread(target=search_loop) for _ in range(3)]
        for thread in searchers:
            thread.start()
        try:
            for n in range(3):
                response = server.upload(n)
                assert response.status_code == 201, response.text
        finally:
            stop.set()
            for thread in searchers:
                thread.join(timeout=60)
        assert set(statuses) == {200} and statuses[200] >= 20, statuses
        for _ in range(20):  # connections spread over both workers
            for n in range(3):
                assert server.hits(MARKERS[n])
    finally:
        server.kill(signal.SIGTERM)


def test_search_replicas_may_read_from_a_streaming_standby(replicas, postgres, tmp_path):
    """The deployment's read path: a replica whose store is a hot standby of the
    primary finds an upload made through a replica on the primary; a write sent to it is refused."""
    from pgserver import PostgresServer

    a = replicas("a")  # on the primary, bootstraps the bundled minutes
    standby = PostgresServer(primary=postgres)
    try:
        reader = Replica(tmp_path / "reader", a.store_url.replace(str(postgres.port), str(standby.port)))
        reader.start()
        try:
            assert reader.hits("lægevagt") == a.hits("lægevagt") != set()
            assert a.upload(0).status_code == 201
            found_within(reader, MARKERS[0], FOUND_WITHIN_S)
            refused = reader.upload(1)
            assert refused.status_code == 503 and "standby" not in refused.text  # no detail leaks; the log says
            assert "read-only standby" in reader.log()
        finally:
            reader.kill(signal.SIGTERM)
    finally:
        standby.close()


def test_a_replica_catches_up_while_a_writer_still_holds_the_lock(postgres, tmp_path):
    """Following takes only the replica's own directory lock: a change committed by a writer that still
    holds the store's writer lock (a long ingest embedding its passages, say) is followed at once."""
    from config.settings import Settings
    from search.engine import Engine
    from search.replica import Follower
    from search.request import SearchRequest

    url = postgres.create_database()
    writer = Engine(Settings(data_dir=tmp_path / "writer", store_url=url, embeddings=False))
    replica = Engine(Settings(data_dir=tmp_path / "replica", store_url=url, embeddings=False))
    follower = Follower(replica, interval=0.1)
    request = SearchRequest.build(q="tilsyn almene boliger", mode="keyword", settings=replica.settings)
    assert follower.follow_once() is not None and replica.search(request)["total"] == 0
    summaries: list = []
    with writer.writing():
        writer.ingest([SAMPLES / FEB])
        thread = threading.Thread(target=lambda: summaries.append(follower.follow_once()))
        thread.start()
        thread.join(timeout=60)
        assert not thread.is_alive(), "the follower waited for the writer's lock"
        assert summaries[0]["keyword"]["added"] == 1
        assert replica.search(request)["hits"][0]["id"] == "kd-net-2022-02-11-1000-5"
    assert follower.follow_once() is None, "nothing moved since"
