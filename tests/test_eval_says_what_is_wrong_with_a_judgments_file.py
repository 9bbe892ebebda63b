"""`minutes eval FILE` on a judgments file it cannot use says what is wrong, with the file and the line, as
`error: FILE:LINE: …` and exit 2, never a traceback (bundled minutes, keyword index only)."""
from __future__ import annotations

import json
import os

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from api.cli import app

KEY = "KD-Net/2023-06-02#50"  # the item on the »lægevagt« scheme
GOOD = json.dumps({"id": "q1", "query": "lægevagt", "kind": "keyword", "relevant": {KEY: 2}}, ensure_ascii=False)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    from config.settings import Settings
    from search.engine import Engine

    data = tmp_path_factory.mktemp("eval") / "data"
    engine = Engine(Settings(data_dir=data, embeddings=False))
    engine.ingest([SAMPLES])
    engine.sync(embeddings=False)
    engine.store.close()
    return data


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None, "MINUTES_EMBEDDINGS": "false"})


def evaluate(runner, data, path):
    return runner.invoke(app, ["--data-dir", str(data), "eval", "--mode", "keyword", str(path)])


def refused(result, where: str) -> str:
    text = " ".join(result.output.split())
    assert result.exit_code == 2, text
    assert isinstance(result.exception, SystemExit) and "Traceback" not in text, repr(result.exception)
    assert text.startswith(f"error: {where}: "), text
    return text


def judgments(tmp_path, *lines: str):
    path = tmp_path / "queries.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_grade_past_ten_is_refused_with_its_line(runner, data, tmp_path):
    """nDCG's gain 2^grade - 1 overflowed a float from grade 1024 on (an OverflowError in the metrics)."""
    def line(grade: int) -> str:
        return json.dumps({"id": "q2", "query": "lægevagt", "kind": "keyword", "relevant": {KEY: grade}})

    for grade in (11, 1024, 100_000):
        path = judgments(tmp_path, GOOD, line(grade))
        text = refused(evaluate(runner, data, path), f"{path}:2")
        assert f"grade for '{KEY}' must be at most 10, got {grade}" in text
    scored = evaluate(runner, data, judgments(tmp_path, GOOD, line(10)))
    assert scored.exit_code == 0, scored.output


@pytest.mark.parametrize("line", ["[" * 100_000, '{"id": ' + "[" * 100_000])
def test_a_line_nested_too_deeply_is_refused_with_its_line(runner, data, tmp_path, line):
    """A RecursionError in the JSON decoder was a traceback."""
    path = judgments(tmp_path, GOOD, line)
    assert "invalid JSON (nested too deeply)" in refused(evaluate(runner, data, path), f"{path}:2")


def test_a_file_that_is_not_utf8_is_refused_with_its_line(runner, data, tmp_path):
    """Latin-1 text got the decoder's bare »'utf-8' codec can't decode byte 0xe6 in position 21«."""
    path = tmp_path / "latin1.jsonl"
    path.write_bytes((GOOD + "\n").encode("utf-8") + (GOOD.replace("q1", "q2") + "\n").encode("latin-1"))
    text = refused(evaluate(runner, data, path), f"{path}:2")
    assert f"not UTF-8 text (byte 0xe6 at column {GOOD.index('æ') + 1}); save the file as UTF-8" in text


def test_a_byte_order_mark_is_read_as_utf8(runner, data, tmp_path):
    """Windows' Notepad writes one; it was refused as »Unexpected UTF-8 BOM«."""
    path = tmp_path / "notepad.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (GOOD + "\n").encode("utf-8"))
    result = evaluate(runner, data, path)
    assert result.exit_code == 0, result.output
    assert "'lægevagt'" in result.output and "q1" in result.output


def test_a_folder_or_a_device_is_said_to_be_no_judgments_file(runner, data, tmp_path):
    """A folder was »no such file«, and a name too long for the file system a traceback."""
    pipe = tmp_path / "queries.jsonl"
    os.mkfifo(pipe)  # reading it would wait for a writer
    said = {str(tmp_path): "is a folder: eval reads one judgments file", str(pipe): "is not a regular file",
            "/dev/null": "is not a regular file", str(tmp_path / ("x" * 300)): "File name too long",
            str(tmp_path / "nope.jsonl"): "no such file", "": "an empty path was given"}
    for name, reason in said.items():
        result = evaluate(runner, data, name)
        text = " ".join(result.output.split())
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit), (name, text)
        assert text.startswith("error: ") and reason in text and "Traceback" not in text, text


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_query_holding_a_unicode_line_separator_is_one_line(runner, data, tmp_path, separator):
    """JSON allows them unescaped in a string (json.dumps with ensure_ascii=False writes them so); the file was
    split at them as at a line's end, and the halves refused as invalid JSON."""
    line = json.dumps({"id": "q1", "query": f"lægevagt{separator}ordning", "kind": "keyword", "relevant": {KEY: 2}},
                      ensure_ascii=False)
    assert separator in line
    result = evaluate(runner, data, judgments(tmp_path, line, GOOD.replace("q1", "q2")))
    assert result.exit_code == 0, result.output
    assert "q1 [keyword]" in result.output and "q2 [keyword]" in result.output, result.output
