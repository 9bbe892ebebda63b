"""`minutes search` typed in a terminal that is not UTF-8 (Latin-1's »æ« is byte 0xe6, which reaches Python as
the surrogate escape '\\udce6') says the query is not valid UTF-8 and how to fix the terminal, exit 2, in every
mode; hybrid and semantic printed the encoder's »'utf-8' codec can't encode character '\\udce6'«, and keyword
mode answered »0 results« with exit 0 (bundled minutes)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from api.cli import app

LATIN1_TYPED = b"l\xe6gevagt".decode("utf-8", "surrogateescape")  # as sys.argv holds »lægevagt« from Latin-1


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None})


@pytest.mark.parametrize("mode", ["hybrid", "keyword", "semantic"])
def test_a_query_that_is_not_utf8_is_refused_with_a_hint_about_the_terminal(runner, engine, mode):
    result = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "--mode", mode, LATIN1_TYPED])
    text = " ".join(result.output.split())
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), (text, repr(result.exception))
    assert text.startswith("error: the query is not valid UTF-8 (the terminal sends text in another encoding"), text
    assert "LANG=da_DK.UTF-8" in text and "results" not in text
    typed = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "--mode", mode, "lægevagt"])
    assert typed.exit_code == 0 and "for 'lægevagt'" in typed.output, typed.output


def test_a_committee_that_is_not_utf8_is_refused_the_same_way(runner, engine):
    committee = b"\xd8konomiudvalget".decode("utf-8", "surrogateescape")
    result = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "--mode", "keyword",
                                 "--body", committee, "lægevagt"])
    text = " ".join(result.output.split())
    assert result.exit_code == 2 and text.startswith("error: --body is not valid UTF-8"), text
