"""Ingesting into the store: idempotent, atomic per file, and a bad file never stops the rest or leaves a trace.
Each test runs on both backends (SQLite, and PostgreSQL when its binaries are installed: conftest `store_url`)."""
from __future__ import annotations

import json
import shutil

from conftest import GREVE, SAMPLES, need

from corpus.ingest import ingest_paths
from corpus.store import Store

JUNE = "kdnet-2023-06-02-dagsorden-og-referat.txt"
FEB = "kdnet-2022-02-11-referat.txt"


def _snapshot(store: Store) -> tuple:
    rows = store.db.execute("SELECT id, title, meeting_id FROM items ORDER BY id").fetchall()
    sections = store.db.execute("SELECT COUNT(*), SUM(LENGTH(text)) FROM sections").fetchone()
    return tuple(tuple(r) for r in rows), tuple(sections)


def test_bundled_corpus_counts(new_store):
    ingest_paths([SAMPLES], new_store)
    assert new_store.counts() == {"meetings": 3, "items": 42, "bodies": {"KD-Net": 3}}


def test_reingesting_unchanged_files_changes_nothing(tmp_path, new_store):
    store = new_store
    first = ingest_paths([SAMPLES], store)
    assert sorted(r.status for r in first) == ["added", "added"]
    generation, before = store.generation(), _snapshot(store)
    again = ingest_paths([SAMPLES], store)
    assert [r.status for r in again] == ["unchanged", "unchanged"]
    assert store.generation() == generation
    assert _snapshot(store) == before


def test_changed_file_replaces_its_meetings(tmp_path, new_store):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SAMPLES / JUNE, folder / JUNE)
    store = new_store
    ingest_paths([folder], store)
    text = (folder / JUNE).read_text(encoding="utf-8")
    (folder / JUNE).write_text(text.replace("KD-Net drøftede sagen.", "KD-Net vedtog en ny plan."), encoding="utf-8")
    [report] = ingest_paths([folder], store)
    assert report.status == "replaced"
    assert sorted(report.meetings) == ["kd-net-2023-04-14-1000", "kd-net-2023-06-02-1000"]
    item = store.item("kd-net-2023-06-02-1000-50")
    assert item.item.decision.startswith("KD-Net vedtog en ny plan.")
    assert store.counts()["items"] == 31


def test_bad_files_are_reported_and_leave_the_store_unchanged(tmp_path, new_store):
    store = new_store
    ingest_paths([SAMPLES / FEB], store)
    before = _snapshot(store)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (bad / "notes.txt").write_text("Indkøbsliste: mælk, brød og kaffe.\n", encoding="utf-8")
    (bad / "agenda.json").write_text('{"hello": "world"}', encoding="utf-8")
    (bad / "broken.json").write_text('{"Udvalg": ', encoding="utf-8")
    (bad / "scan.pdf").write_bytes(b"%PDF-1.4 truncated")
    reports = {r.path.rsplit("/", 1)[-1]: r for r in ingest_paths([bad], store)}
    assert set(reports) == {"empty.txt", "binary.txt", "notes.txt", "agenda.json", "broken.json", "scan.pdf"}
    for name, report in reports.items():
        assert report.status == "error" and report.error, name
    assert "empty" in reports["empty.txt"].error
    assert "binary" in reports["binary.txt"].error
    assert "no agenda items" in reports["notes.txt"].error
    assert _snapshot(store) == before


def test_one_bad_file_does_not_stop_the_rest(tmp_path, new_store):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    shutil.copy(SAMPLES / FEB, folder / FEB)
    store = new_store
    reports = ingest_paths([folder], store)
    assert [r.status for r in reports] == ["error", "added"]
    assert store.counts()["items"] == 11


def test_cp1252_text_is_read_correctly(tmp_path, new_store):
    text = (SAMPLES / FEB).read_text(encoding="utf-8")
    path = tmp_path / "kdnet-2022-02-11-cp1252.txt"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    store = new_store
    [report] = ingest_paths([path], store)
    assert report.status == "added" and report.items == 11
    item = store.item("kd-net-2022-02-11-1000-5")
    assert item.item.title == "Drøftelse af initiativer for stærkere kommunalt tilsyn med almene boliger"


def test_hidden_files_and_folders_are_not_read_and_a_hidden_folder_is_said(tmp_path, new_store):
    folder = tmp_path / "corpus"
    (folder / ".hidden").mkdir(parents=True)
    shutil.copy(SAMPLES / FEB, folder / ".hidden" / FEB)
    shutil.copy(SAMPLES / FEB, folder / ".copy.txt")
    [report] = ingest_paths([folder], new_store)
    assert (report.path, report.status) == (str((folder / ".hidden").resolve()), "ignored")
    assert new_store.counts()["items"] == 0


def test_a_day_its_month_lacks_is_no_meeting_date(tmp_path, new_store):
    """»30. februar 2022« is not a date: the next date in the header is read instead, and a file whose only
    date is impossible is refused with the reason, never stored as 2022-02-30."""
    text = (SAMPLES / FEB).read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[2] = lines[2].replace("11. februar 2022", "30. februar 2022")
    later = tmp_path / "kdnet-referat.txt"
    later.write_text("\n".join(lines), encoding="utf-8")
    [report] = ingest_paths([later], new_store)
    assert report.status == "added" and [m.date for m in new_store.meetings()] == ["2022-02-11"]
    only = tmp_path / "kd-net.txt"
    only.write_text("Udvalg (Referat)\n\n31-02-2024 10:00\n\nPunkt 1: Orientering\n\nTekst om noget.\n",
                    encoding="utf-8")
    [refused] = ingest_paths([only], new_store)
    assert refused.status == "error" and "meeting date" in refused.error
    assert [m.date for m in new_store.meetings()] == ["2022-02-11"]


def test_an_item_number_no_store_can_hold_refuses_its_file_and_the_rest_are_read(tmp_path, new_store):
    """A 20-digit »Number« overflowed SQLite's INTEGER mid-run: the files after it were never stored."""
    meeting = json.loads(sorted(need(GREVE).glob("*.json"))[0].read_text(encoding="utf-8"))
    meeting["Dagsordenpunkter"][0]["Number"] = 99999999999999999999
    (tmp_path / "a-huge.json").write_text(json.dumps(meeting), encoding="utf-8")
    shutil.copy(SAMPLES / FEB, tmp_path / FEB)
    reports = ingest_paths([tmp_path / "a-huge.json", tmp_path / FEB], new_store)
    assert [r.status for r in reports] == ["error", "added"]
    assert "item number 99999999999999999999 is out of range" in reports[0].error
    assert new_store.counts()["items"] == 11


def test_half_a_character_in_an_export_is_marked_not_a_crash(tmp_path, new_store):
    """JSON may escape a lone surrogate (»\\ud800«), which no UTF-8 text can hold: hashing the meeting
    crashed. It is stored as U+FFFD, as a decoder marks bytes it cannot read, and the rest as written."""
    meeting = json.loads(sorted(need(GREVE).glob("*.json"))[0].read_text(encoding="utf-8"))
    meeting["Dagsordenpunkter"][0]["Caption"] = "Halvt \ud800 tegn"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(meeting), encoding="utf-8")  # ensure_ascii: the escape stays in the file
    [report] = ingest_paths([path], new_store)
    assert report.status == "added", report.error
    assert "Halvt \ufffd tegn" in [s.item.title for s in new_store.items()]
