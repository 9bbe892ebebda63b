"""A list or dict setting (MINUTES_CLOSED_GROUPS, MINUTES_CORS_ORIGINS, MINUTES_PROXY_ADDRESSES, …) written as a
bare value instead of JSON is named with how to write it, on every command and when the service's app
factory starts, as any other setting it refuses: one line, no traceback (pydantic-settings raised its
SettingsError through every command)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from api.cli import app

NOT_JSON = [("MINUTES_CLOSED_GROUPS", "lukkede-punkter"), ("MINUTES_CORS_ORIGINS", "https://a.example"),
            ("MINUTES_PROXY_ADDRESSES", "10.0.0.5"), ("MINUTES_COMMITTEE_GROUPS", "oeu-medlemmer")]


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None, "MINUTES_EMBEDDINGS": "false"})


@pytest.mark.parametrize("command", [["stats"], ["search", "lægevagt"], ["serve", "--port", "8798"]])
@pytest.mark.parametrize("variable, value", NOT_JSON)
def test_a_setting_not_written_as_json_is_named_with_how_to_write_it(runner, tmp_path, variable, value, command):
    result = runner.invoke(app, ["--data-dir", str(tmp_path), *command], env={variable: value})
    text = " ".join(result.output.split())
    assert result.exit_code == 2, text
    assert isinstance(result.exception, SystemExit) and "Traceback" not in text, repr(result.exception)
    assert f"error: invalid setting: {variable} must be JSON" in text and repr(value) in text, text
    assert ("'[\"a\",\"b\"]'" if variable != "MINUTES_COMMITTEE_GROUPS" else "'{\"a\": [\"a\",\"b\"]}'") in text
    assert list(tmp_path.iterdir()) == []  # refused before anything was made


def test_the_service_factory_refuses_it_the_same_way(tmp_path, monkeypatch, capsys):
    """`uvicorn --factory api.app:worker_app` (and each `serve --workers N` process): the reason, and uvicorn's
    exit code for a failed start, on which its supervisor stops instead of starting the worker again."""
    from uvicorn.config import STARTUP_FAILURE

    from api.app import worker_app

    monkeypatch.setenv("MINUTES_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MINUTES_CLOSED_GROUPS", "lukkede-punkter")
    with pytest.raises(SystemExit) as stopped:
        worker_app()
    assert stopped.value.code == STARTUP_FAILURE
    error = capsys.readouterr().err
    assert error.startswith("error: invalid setting: MINUTES_CLOSED_GROUPS must be JSON, such as '[\"a\",\"b\"]'")
    assert "Traceback" not in error and len(error.splitlines()) == 1
