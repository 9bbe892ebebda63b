"""A folder's files that are not read are said, each with why: a type not read from folders (a web page saved
without a suffix, an old Word .doc), a hidden folder (Greve's ».Spørgsmål «). A hidden file (».DS_Store«) is
no minutes and goes unsaid. Nothing read at all is an error."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES
from typer.testing import CliRunner

from api.cli import app
from corpus.ingest import ingest_paths

FEB, JUNE = "kdnet-2022-02-11-referat.txt", "kdnet-2023-06-02-dagsorden-og-referat.txt"


def _folder(root: Path) -> Path:
    folder = root / "docs"
    (folder / ".drafts").mkdir(parents=True)
    shutil.copy(SAMPLES / FEB, folder / FEB)
    shutil.copy(SAMPLES / JUNE, folder / ".drafts" / JUNE)
    shutil.copy(SAMPLES / JUNE, folder / "referat_juni")  # saved without a suffix
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    return folder


def test_a_folders_unread_files_and_hidden_folders_are_reported(tmp_path, new_store):
    reports = {Path(r.path).name: r for r in ingest_paths([_folder(tmp_path)], new_store)}
    assert set(reports) == {FEB, ".drafts", "referat_juni"}
    assert reports[FEB].status == "added"
    assert reports[".drafts"].status == "ignored" and "hidden folder" in reports[".drafts"].note
    assert reports["referat_juni"].status == "ignored" and "name the file alone" in reports["referat_juni"].note
    assert [m.date for m in new_store.meetings()] == ["2022-02-11"]
    [alone] = ingest_paths([tmp_path / "docs" / "referat_juni"], new_store)  # named alone: read by its content
    assert alone.status == "added" and alone.items == 31


def test_the_cli_says_what_it_did_not_read_and_fails_when_it_read_nothing(tmp_path):
    runner = CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None, "MINUTES_EMBEDDINGS": "false"})
    data = ["--data-dir", str(tmp_path / "data")]
    result = runner.invoke(app, [*data, "ingest", str(_folder(tmp_path))])
    text = " ".join(result.output.split())
    assert result.exit_code == 0, text
    assert "1 of 1 files ingested, 2 not read" in text and ".drafts: not read" in text and ".DS_Store" not in text
    only_other = tmp_path / "other"
    only_other.mkdir()
    (only_other / "referat.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    result = runner.invoke(app, [*data, "ingest", str(only_other)])
    assert result.exit_code != 0 and "no supported files found" in " ".join(result.output.split())
    assert "referat.doc: not read" in " ".join(result.output.split())
