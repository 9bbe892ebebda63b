"""The `minutes` command on input it cannot use: a clear one-line error and a non-zero exit, never a
traceback; and text that looks like Rich markup (»[/x]«, »[bilag 1]«) printed as it is."""
from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from api.cli import app


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None, "MINUTES_EMBEDDINGS": "false"})


def _refused(result, *words: str) -> str:
    text = " ".join(result.output.split())
    assert result.exit_code != 0, text
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in text and ("error" in text.lower() or "✗" in text), text
    for word in words:
        assert word in text, (word, text)
    return text


def test_a_data_directory_that_cannot_be_one_is_named(runner, tmp_path):
    a_file = tmp_path / "afile"
    a_file.write_text("x")
    _refused(runner.invoke(app, ["--data-dir", str(a_file), "stats"]), "is not a folder")
    _refused(runner.invoke(app, ["--data-dir", str(a_file / "sub"), "ingest", str(a_file)]),
             "cannot open the data directory")
    _refused(runner.invoke(app, ["--data-dir", str(tmp_path / ("x" * 300)), "stats"]), "File name too long")
    _refused(runner.invoke(app, ["--data-dir", "", "stats"]), "is empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]  # nothing made on the way


def test_stats_and_reindex_on_a_data_directory_with_no_store_say_so_and_make_none(runner, tmp_path, engine):
    for command in ("stats", "reindex"):  # a mistyped --data-dir used to get an empty store and exit 0
        _refused(runner.invoke(app, ["--data-dir", str(tmp_path / "mistyped"), command]),
                 "holds no store", "minutes ingest")
        _refused(runner.invoke(app, ["--data-dir", str(tmp_path), command]), "holds no store")
    assert list(tmp_path.iterdir()) == []
    counted = runner.invoke(app, ["--data-dir", str(engine.data_dir), "stats", "--json"])
    assert counted.exit_code == 0 and json.loads(counted.stdout)["items"] > 0, counted.output


def test_inspect_refuses_an_empty_path_and_a_name_too_long_for_the_file_system(runner, tmp_path):
    """»inspect ""« read the current folder, and a name too long gave a traceback."""
    _refused(runner.invoke(app, ["inspect", ""]), "empty path")
    _refused(runner.invoke(app, ["inspect", str(tmp_path / ("z" * 300 + ".txt"))]), "File name too long")
    _refused(runner.invoke(app, ["inspect", str(tmp_path)]), "is a folder")


def test_inspect_says_a_pipe_or_device_is_not_a_regular_file_rather_than_missing(runner, tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # reading it would wait forever
    for special in (pipe, "/dev/null"):  # both exist: »no such file« sent the user looking for a typo
        _refused(runner.invoke(app, ["inspect", str(special)]), "is not a regular file", "inspect reads one file")


def test_ingest_refuses_an_empty_path_and_reads_no_device_or_pipe(runner, tmp_path):
    data = ["--data-dir", str(tmp_path / "data")]
    _refused(runner.invoke(app, [*data, "ingest", ""]), "empty path")
    _refused(runner.invoke(app, [*data, "ingest", str(tmp_path / ("y" * 300))]), "File name too long")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # reading it would wait forever
    for special in (pipe, "/dev/zero"):  # /dev/zero would never end
        result = runner.invoke(app, [*data, "ingest", "--skip-embeddings", str(special)])
        _refused(result, "not a regular file", "0 of 1 files ingested")


def test_serve_and_bench_refuse_what_they_cannot_use(runner, tmp_path):
    _refused(runner.invoke(app, ["--data-dir", str(tmp_path / "data"), "serve", "--host", ""]), "--host is empty")
    _refused(runner.invoke(app, ["bench", "--corpus", str(tmp_path / "nope")]), "no such file or folder")


def test_text_that_looks_like_markup_is_printed_as_it_is(runner, tmp_path):
    minutes = tmp_path / "kd-net-2024-06-02.txt"
    minutes.write_text("Udvalg: KD-Net\nDato: 2. juni 2024\n\nPunkt 1: Godkendelse [/x] af [bilag 1] og [red]rød[/red]"
                       "\n\nBeslutning: Godkendt [udsat].\n", encoding="utf-8")
    data = ["--data-dir", str(tmp_path / "data")]
    stored = runner.invoke(app, [*data, "ingest", "--skip-embeddings", str(minutes)])
    assert stored.exit_code == 0, stored.output
    found = runner.invoke(app, [*data, "search", "--mode", "keyword", "[/b] godkendelse"])
    assert found.exit_code == 0, found.output
    text = found.output
    assert "1 result for '[/b] godkendelse'" in text
    assert "Godkendelse [/x] af [bilag 1] og [red]rød[/red]" in text and "Godkendt [udsat]." in text
    missing = runner.invoke(app, [*data, "ingest", str(tmp_path / "[/b].txt")])
    _refused(missing, "no such file or folder", "[/b].txt")


def test_an_old_word_file_named_alone_is_refused_as_one(runner, tmp_path):
    """Acadre's export holds the agenda as an old binary .DOC too: said as such, as when it is named .docx."""
    from conftest import OS2, need

    doc = need(OS2 / "acadre_syddjurs_puk_2013-06-20" / "2531342E2.DOC")
    for name in ("2531342E2.DOC", "referat"):
        copy = tmp_path / name
        copy.write_bytes(doc.read_bytes())
        result = runner.invoke(app, ["--data-dir", str(tmp_path / "data"), "ingest", "--skip-embeddings", str(copy)])
        _refused(result, "an old binary Office file", "save it as .docx or PDF")
