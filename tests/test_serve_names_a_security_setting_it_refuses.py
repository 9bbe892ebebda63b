"""`minutes serve` with a security setting the service refuses (credentials for every origin, a proxy address
that is no address, a JWKS file that cannot be read, only symmetric sign-on algorithms) says the reason alone
as `error: …` and exits non-zero before it opens, fills or catches up the data directory, with one worker or
several; it printed the reason under a traceback once the data directory was ready, and with --workers each
worker failed with a traceback and was started again without end. The uvicorn app factory stops the same way."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from api.cli import app

REFUSED = {
    "credentials for every origin": ({"MINUTES_CREDENTIAL_ORIGINS": '["*"]'},
                                     "MINUTES_CREDENTIAL_ORIGINS must name origins"),
    "a proxy address that is none": ({"MINUTES_PROXY_ADDRESSES": '["bogus"]'},
                                     "MINUTES_PROXY_ADDRESSES: 'bogus' is not an IP address or network"),
    "a JWKS file that is not there": ({"MINUTES_OIDC_JWKS_FILE": "/nonexistent.json"},
                                      "MINUTES_OIDC_JWKS_FILE /nonexistent.json: not a readable JWKS"),
    "only symmetric algorithms": ({"MINUTES_OIDC_ALGORITHMS": '["HS256"]', "MINUTES_OIDC_ISSUER": "https://x"},
                                  "MINUTES_OIDC_ALGORITHMS names no asymmetric algorithm"),
}


@pytest.fixture
def runner(monkeypatch):
    import uvicorn

    from api import workers

    def served(*args, **kwargs):
        raise AssertionError("the service started")

    monkeypatch.setattr(uvicorn, "run", served)
    monkeypatch.setattr(workers, "run", served)
    return CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None, "MINUTES_EMBEDDINGS": "false"})


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_serve_says_the_reason_alone_before_it_touches_the_data_directory(runner, tmp_path, case, workers):
    settings, reason = REFUSED[case]
    data = tmp_path / "data"
    result = runner.invoke(app, ["--data-dir", str(data), "serve", "--port", "8798", "--workers", workers],
                           env=settings)
    text = " ".join(result.output.split())
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), (text, repr(result.exception))
    assert text.startswith(f"error: {reason}") and "Traceback" not in text, text
    assert not data.exists()  # nothing ingested or indexed first


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_service_factory_stops_with_the_reason(tmp_path, monkeypatch, capsys, case):
    from uvicorn.config import STARTUP_FAILURE

    from api.app import worker_app

    settings, reason = REFUSED[case]
    monkeypatch.setenv("MINUTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MINUTES_EMBEDDINGS", "false")
    for variable, value in settings.items():
        monkeypatch.setenv(variable, value)
    with pytest.raises(SystemExit) as stopped:
        worker_app()
    assert stopped.value.code == STARTUP_FAILURE  # uvicorn's supervisor stops instead of starting it again
    error = capsys.readouterr().err
    assert error.startswith(f"error: {reason}") and "Traceback" not in error, error
