"""`minutes inspect FILE [--json]`: how a file would be read, storing nothing."""
from __future__ import annotations

import json

from conftest import MORE, SAMPLES, need
from typer.testing import CliRunner

from api.cli import app
from corpus.readers import read_meetings

runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


def _inspect(tmp_path, *args):
    return runner.invoke(app, ["--data-dir", str(tmp_path / "data"), "inspect", *args])


def test_json_shows_meeting_items_sections_attachments_and_drops(tmp_path):
    path = need(MORE / "aarhus-teknisk-udvalg-2025-10-01-referat.html")
    result = _inspect(tmp_path, str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["reader"] == "html"
    [meeting] = data["meetings"]
    assert (meeting["body"], meeting["date"], meeting["time"], meeting["location"]) == (
        "Teknisk Udvalg", "2025-10-01", "15:45", "Udvalgsværelse 398")
    assert meeting["absentees"] == [] and meeting["participants"] == []
    two = meeting["items"][1]
    assert (two["number"], two["case_number"], two["closed"]) == (2, "EMN-2025-009242", False)
    [read] = read_meetings(path.read_bytes(), path.name)
    assert two["sections"][0] == {"heading": "Beslutninger", "kind": "decision", "length": len(read.items[1].decision)}
    assert [s["heading"] for s in two["sections"]] == [s.heading for s in read.items[1].sections]
    assert two["attachments"][0] == "Indstilling" and len(two["attachments"]) == 30
    reasons = {d["reason"] for d in data["dropped"]}
    assert {"web page furniture", "front matter"} <= reasons
    assert data["coverage"]["accounted"] >= 0.98
    assert not (tmp_path / "data").exists()  # nothing stored, no store created


def test_text_lists_items_and_page_furniture(tmp_path):
    result = _inspect(tmp_path, str(SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Meeting kd-net-2023-06-02-1000" in out and "Meeting kd-net-2023-04-14-1000" in out
    assert "50. Lægevagten" in out and "presenter: Jesper Kaas Schmidt" in out
    assert "page furniture" in out and "Side 2 af 23" in out and "table of contents" in out
    assert "Words accounted for:" in out


def test_a_file_that_is_not_minutes_fails_with_the_reason(tmp_path):
    path = need(MORE / "not-minutes-case-status.pdf")
    result = _inspect(tmp_path, str(path))
    assert result.exit_code == 1
    assert "no agenda items" in result.stderr and "Supported formats" in result.stderr


def test_a_missing_file_is_a_usage_error(tmp_path):
    result = _inspect(tmp_path, str(tmp_path / "nope.pdf"))
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_a_folder_is_a_usage_error_that_points_to_ingest(tmp_path):
    result = _inspect(tmp_path, str(tmp_path))
    said = " ".join(result.stderr.split())  # the console wraps long lines
    assert result.exit_code == 2 and "is a folder" in said and f"`minutes ingest {tmp_path}`" in said
