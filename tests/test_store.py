"""The store's promises on both backends (SQLite, and PostgreSQL when its binaries are installed): one
committed state per snapshot, one writer at a time, a generation that moves with every change, and the
same answers from PostgreSQL as from SQLite for the same minutes."""
from __future__ import annotations

import shutil
import threading
import time

import pytest
from conftest import SAMPLES

from corpus.ingest import ingest_paths
from corpus.store import Store, StoreUnavailable, open_store

JUNE = "kdnet-2023-06-02-dagsorden-og-referat.txt"
FEB = "kdnet-2022-02-11-referat.txt"


def test_a_snapshot_reads_one_state_while_a_write_commits(new_store, store_url, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLES / FEB, docs / FEB)
    ingest_paths([docs], new_store)
    writer = open_store(store_url, tmp_path / "data")  # another connection, as another process would have
    with new_store.snapshot():
        before = (new_store.generation(), new_store.counts()["items"])
        shutil.copy(SAMPLES / JUNE, docs / JUNE)
        thread = threading.Thread(target=ingest_paths, args=([docs / JUNE], writer))
        thread.start()
        thread.join()
        assert writer.counts()["items"] == 42, "the write committed"
        assert (new_store.generation(), new_store.counts()["items"]) == before == (1, 11)
        assert new_store.item("kd-net-2023-06-02-1000-50") is None
    assert (new_store.generation(), new_store.counts()["items"]) == (2, 42)
    assert new_store.item("kd-net-2023-06-02-1000-50").item.title.startswith("Lægevagt")
    writer.close()


def test_writers_take_turns(new_store, store_url, tmp_path):
    other = open_store(store_url, tmp_path / "data")
    order: list[str] = []
    second_waiting = threading.Event()

    def second() -> None:
        second_waiting.set()
        with other.writer_lock():
            order.append("second in")

    with new_store.writer_lock():
        order.append("first in")
        thread = threading.Thread(target=second)
        thread.start()
        second_waiting.wait()
        time.sleep(0.5)  # time enough for the second writer to get in, were the lock not held
        order.append("first out")
    thread.join(timeout=30)
    assert order == ["first in", "first out", "second in"]
    other.close()


def test_generation_and_hashes_follow_every_change(new_store):
    assert new_store.generation() == 0 and new_store.meeting_hashes() == {}
    ingest_paths([SAMPLES / FEB], new_store)
    hashes = new_store.meeting_hashes()
    assert list(hashes) == ["kd-net-2022-02-11-1000"] and len(hashes["kd-net-2022-02-11-1000"]) == 64
    assert new_store.generation() == 1
    ingest_paths([SAMPLES / FEB], new_store)  # unchanged: no new generation
    assert new_store.generation() == 1
    assert new_store.delete_meeting("kd-net-2022-02-11-1000") is True
    assert new_store.generation() == 2 and new_store.meeting_hashes() == {}
    assert new_store.counts()["items"] == 0, "the items and sections went with their meeting"
    [again] = ingest_paths([SAMPLES / FEB], new_store)
    assert again.status == "added", "its source was forgotten, so the file comes back"
    assert new_store.forget_source(again.path) == ["kd-net-2022-02-11-1000"]  # a file that is gone
    assert new_store.generation() == 4 and new_store.counts()["items"] == 0 and new_store.source_paths() == []


def test_postgresql_answers_as_sqlite_does(postgres, tmp_path):
    """Every read of the same minutes gives the same answer on both backends (order included)."""
    lite = open_store("", tmp_path / "lite")
    pg = open_store(postgres.create_database(), tmp_path / "pg")
    assert isinstance(lite, Store) and pg.shared and not lite.shared
    for store in (lite, pg):
        ingest_paths([SAMPLES], store)

    def reads(store: Store) -> dict:
        return {
            "counts": store.counts(),
            "hashes": store.meeting_hashes(),
            "meetings": store.meetings(),
            "body meetings": store.meetings(body="KD-Net", limit=2, offset=1),
            "meeting": store.meeting("kd-net-2023-06-02-1000"),
            "item counts": store.item_counts([m.id for m in store.meetings()] + ["no-such-meeting"]),
            "items": store.items(),
            "iter": list(store.iter_items(batch=2)),
            "case": store.case_history(store.item("kd-net-2023-06-02-1000-50").item.case_number),
            "facts": [tuple(r) for r in sorted(store.item_facts(), key=lambda r: r["id"])],
            "titles": [tuple(r) for r in store.titles_like("LÆGEVAGT")] + [tuple(r) for r in store.titles_like("gt")],
            "like escapes": [tuple(r) for r in store.titles_like("100%_")],
            "sources": store.source_meetings(str((SAMPLES / JUNE).resolve())),
        }

    ours, theirs = reads(lite), reads(pg)
    for key in ours:
        assert ours[key] == theirs[key], key
    assert ours["titles"], "the title search found something to compare"
    lite.close()
    pg.close()


def test_postgresql_store_recovers_after_a_restart(postgres, tmp_path):
    """A store outlives a database restart: calls while it is down raise StoreUnavailable (the API's
    503), and the next call after it is back succeeds on a fresh connection, with nothing lost."""
    store = open_store(postgres.create_database(), tmp_path / "data")
    ingest_paths([SAMPLES / FEB], store)
    postgres.stop()
    try:
        with pytest.raises(StoreUnavailable):
            store.counts()
        with pytest.raises(StoreUnavailable):
            with store.writer_lock():
                pass
    finally:
        postgres.start()
    assert store.counts()["items"] == 11
    with store.snapshot():
        assert store.generation() == 1
    store.close()


def test_a_store_url_that_is_not_postgresql_is_refused(tmp_path):
    with pytest.raises(ValueError, match="postgresql://"):
        open_store("mysql://localhost/minutes", tmp_path)


def test_copy_store_moves_an_sqlite_store_to_postgresql(postgres, tmp_path):
    """`minutes copy-store URL`: the PostgreSQL store then answers as the SQLite one; run again, it copies nothing."""
    import subprocess
    import sys
    from pathlib import Path

    data = tmp_path / "data"
    lite = open_store("", data)
    ingest_paths([SAMPLES], lite)
    url = postgres.create_database()
    minutes = [str(Path(sys.executable).with_name("minutes")), "--data-dir", str(data), "copy-store", url]
    first = subprocess.run(minutes, capture_output=True, text=True, timeout=300, check=False)
    assert first.returncode == 0, first.stderr
    assert "copied 2 files" in first.stderr
    pg = open_store(url, tmp_path / "elsewhere")
    assert pg.meeting_hashes() == lite.meeting_hashes() and pg.items() == lite.items()
    assert pg.source_hash(str((SAMPLES / FEB).resolve())) == lite.source_hash(str((SAMPLES / FEB).resolve()))
    again = subprocess.run(minutes, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0 and "copied 0 files" in again.stderr, again.stderr
    bad = subprocess.run(minutes[:-1] + ["sqlite:///x"], capture_output=True, text=True, timeout=300, check=False)
    assert bad.returncode == 2 and "postgresql://" in bad.stderr
    pg.close()
    lite.close()


def test_replicas_share_embeddings_through_a_postgresql_store(postgres, tmp_path, engine):
    """Two replicas' vector indexes on one PostgreSQL store: what the first has embedded (here lent from
    the session's cache) the second borrows through the store, embedding nothing, and ranks alike."""
    from conftest import copy_embedding_cache

    from index.vectors import VectorIndex

    store = open_store(postgres.create_database(), tmp_path / "pg")
    ingest_paths([SAMPLES], store)
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    copy_embedding_cache(engine, first_dir)
    encoder, policy = engine.vectors.encoder, engine.vectors.policy
    first = VectorIndex(first_dir / "vectors", encoder, policy=policy, batch=16)
    assert first.sync(store)["embedded"] == 0
    second = VectorIndex(second_dir / "vectors", encoder, policy=policy, batch=16)
    report = second.sync(store)
    assert report["embedded"] == 0 and report["cached"] == report["passages"] > 42, report  # a head per item and more
    query = "hvad mener kommunerne om at regionen overtager vagten om natten"
    assert [h.item_id for h in second.search(query, limit=5)] == [h.item_id for h in first.search(query, limit=5)]
    lite = open_store("", tmp_path / "lite")  # the embedded store keeps no shared embeddings
    lite.share_embeddings(encoder.model_id, [("x", b"\0" * 4)])
    assert lite.shared_embeddings(encoder.model_id, ["x"]) == {}
    store.close()



def test_the_command_searches_a_postgresql_store(postgres, tmp_path):
    """`minutes search` looked for minutes in the data directory's SQLite file only, so on a replica of a
    shared store it always said the data directory holds no minutes."""
    from typer.testing import CliRunner

    from api.cli import app

    url = postgres.create_database()
    store = open_store(url, tmp_path / "loader")
    ingest_paths([SAMPLES], store)
    store.close()
    runner = CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None, "MINUTES_STORE_URL": url})
    found = runner.invoke(app, ["--data-dir", str(tmp_path / "replica"), "search", "lægevagt", "--mode", "keyword"])
    assert found.exit_code == 0, found.output
    assert "\n1 result for 'lægevagt' (keyword)" in found.output and "Lægevagten" in found.output

def test_the_store_password_never_reaches_printed_settings():
    from config.settings import Settings

    for url in ("postgresql://minutes:s3cret@db.internal:5432/minutes",
                "postgresql://db.internal/minutes?user=minutes&password=s3cret&sslmode=require"):
        shown = Settings(store_url=url).public()["store_url"]
        assert "s3cret" not in shown and "db.internal" in shown and "***" in shown, shown


def test_title_completions_ignore_the_case_of_the_danish_capitals(new_store):
    ingest_paths([SAMPLES / JUNE], new_store)
    for typed in ("Økonomi i", "økonomi i", "ØKONOMI I", "lægevagt", "LÆGEVAGT"):
        titles = [r["title"] for r in new_store.titles_like(typed, 5)]
        assert titles and titles[0].lower().startswith(typed.lower()), (typed, titles)
    assert new_store.titles_like("100%_", 5) == []  # LIKE's wildcards are the user's letters
