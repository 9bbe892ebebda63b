"""The `minutes` command as a user meets it: an empty data directory, and how hits are printed."""
from __future__ import annotations

import json
import re

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from api.cli import app

HINT = re.compile(r"holds no minutes.*minutes ingest PATH.*minutes serve", re.S)


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None})


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A working directory outside the checkout, with nothing in it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_search_outside_a_checkout_says_how_to_fill_the_data_directory(runner, elsewhere):
    result = runner.invoke(app, ["search", "lægevagt"])
    assert result.exit_code == 1
    assert HINT.search(" ".join(result.output.split())), result.output
    assert list(elsewhere.iterdir()) == []  # no ./data made on the way


def test_search_and_eval_on_an_empty_data_directory_exit_non_zero(runner, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    queries = tmp_path / "queries.jsonl"
    queries.write_text('{"query": "lægevagt", "relevant": ["kd-net-2023-06-02-1000-50"]}\n', encoding="utf-8")
    for args in (["search", "lægevagt"], ["search", "lægevagt", "--json"], ["eval", str(queries)]):
        result = runner.invoke(app, ["--data-dir", str(empty), *args])
        assert result.exit_code == 1, (args, result.output)
        assert HINT.search(" ".join(result.output.split())), result.output
    assert list(empty.iterdir()) == []


def test_one_hit_is_one_result_and_a_cut_decision_ends_in_an_ellipsis(runner, engine):
    one = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "lægevagt", "--mode", "keyword"])
    assert one.exit_code == 0, one.output
    assert one.output.startswith("1 result for 'lægevagt' (keyword)")

    many = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "Midttrafik", "--mode", "keyword"])
    assert re.match(r"\d+ results for 'Midttrafik'", many.output)
    rows = [line for line in many.output.splitlines() if line.startswith("│")]
    decisions = [line.rsplit("│", 2)[1].strip() for line in rows]
    assert decisions and any(d.endswith("…") for d in decisions)
    assert all(len(d) <= 121 for d in decisions)
    assert not any(re.search(r"[,;:]…$", d) for d in decisions)


def test_a_query_opening_with_an_exclusion_is_searched_and_a_case_query_is_named_as_typed(runner, engine):
    """»minutes search -lægevagt« was »No such option: -l«; »sag:…« was headed »14 results for ''«."""
    data = ["--data-dir", str(engine.data_dir)]
    matching = runner.invoke(app, [*data, "search", "lægevagt", "--mode", "keyword", "--json"])
    excluded = runner.invoke(app, [*data, "search", "-lægevagt", "--mode", "keyword", "--json"])
    assert excluded.exit_code == 0, excluded.output
    hits = json.loads(excluded.output)["hits"]
    assert hits and not any("Lægevagt" in h["title"] for h in hits)
    assert json.loads(excluded.output)["total"] + json.loads(matching.output)["total"] == \
        engine.store.counts()["items"]
    both = runner.invoke(app, [*data, "search", "-lægevagt Midttrafik", "--mode", "keyword"])
    assert both.exit_code == 0 and re.match(r"\d+ results? for '-lægevagt Midttrafik'", both.output), both.output
    case = runner.invoke(app, [*data, "search", "sag:00.01.10-A00-2-23", "--mode", "keyword"])
    assert re.match(r"\d+ results for 'sag:00.01.10-A00-2-23' \(keyword\)", case.output), case.output
    wrong = runner.invoke(app, [*data, "search", "lægevagt", "--limt", "2"])
    assert wrong.exit_code == 2 and "--limt" in wrong.output


def test_a_misspelling_is_answered_with_its_spelling_and_nonsense_with_no_empty_table(runner, engine):
    misspelt = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "jassekredit"])
    assert misspelt.exit_code == 0, misspelt.output
    assert "Økonomi i Midttrafik" in misspelt.output
    assert misspelt.output.rstrip().splitlines()[-1] == "Did you mean: kassekredit"

    nonsense = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "xyzzy qwv"])
    assert nonsense.exit_code == 0, nonsense.output
    assert nonsense.output.strip() == "0 results for 'xyzzy qwv' (hybrid)"


def test_a_query_of_facts_alone_says_it_is_listed_as_the_minutes_run(runner, engine):
    listed = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "2.6.2023"])
    assert listed.exit_code == 0, listed.output
    assert "Listed as the minutes run" in listed.output and "newest meeting first" in listed.output
    first = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "første møde"])
    assert "oldest meeting first" in first.output
    assert re.search(r"20\d\d-\d\d-\d\d", first.output)[0] == "2022-02-11"  # the bundled minutes' first meeting
    ranked = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "lægevagt 2.6.2023"])
    assert "Lægevagten" in ranked.output and "Listed as the minutes run" not in ranked.output


def test_hits_found_by_meaning_alone_say_so(runner, engine):
    english = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "doctor at night"])
    assert english.exit_code == 0, english.output
    assert "Lægevagten" in english.output
    assert "found by meaning alone" in english.output

    danish = runner.invoke(app, ["--data-dir", str(engine.data_dir), "search", "lægevagt"])
    assert "found by meaning alone" not in danish.output


@pytest.mark.parametrize("variable, value", [("MINUTES_KEYWORD_FAST_PATH", "sometimes"),
                                             ("MINUTES_CONVEX_WEIGHT", "2")])
def test_a_setting_the_service_refuses_is_named_without_a_traceback(runner, tmp_path, variable, value):
    result = runner.invoke(app, ["--data-dir", str(tmp_path), "stats"], env={variable: value})
    assert result.exit_code == 2
    assert f"invalid setting: {variable}" in result.output and repr(value) in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def lagging_data_dir(tmp_path):
    """The bundled minutes ingested, their keyword index marked as built by an older analysis."""
    from config.settings import Settings
    from index.keyword import VERSION_FILE
    from search.engine import Engine

    data = tmp_path / "data"
    engine = Engine(Settings(data_dir=data, embeddings=False))
    engine.ingest([SAMPLES])
    engine.store.close()
    (data / "keyword" / VERSION_FILE).write_text("0+files")  # as an index built by an older analysis
    return data


def test_search_after_an_analysis_upgrade_reindexes_first_instead_of_answering_from_an_empty_index(runner, tmp_path):
    data = lagging_data_dir(tmp_path)
    args = ["--data-dir", str(data), "search", "lægevagt", "--mode", "keyword"]
    first = runner.invoke(app, args, env={"MINUTES_EMBEDDINGS": "false"})
    assert first.exit_code == 0, first.output
    assert "bringing it up to date first" in first.output
    assert "1 result for 'lægevagt' (keyword)" in first.output
    again = runner.invoke(app, args, env={"MINUTES_EMBEDDINGS": "false"})
    assert "bringing it up to date" not in again.output and "1 result for 'lægevagt'" in again.output


def test_a_lagging_index_the_user_may_not_update_is_a_clear_error(runner, tmp_path, monkeypatch):
    from search.engine import Engine

    data = lagging_data_dir(tmp_path)

    def read_only(self, *args, **kwargs):  # as on a directory mounted read-only (root ignores chmod)
        raise PermissionError(13, "Permission denied", str(data / "keyword"))

    monkeypatch.setattr(Engine, "sync", read_only)
    result = runner.invoke(app, ["--data-dir", str(data), "search", "lægevagt"], env={"MINUTES_EMBEDDINGS": "false"})
    assert result.exit_code == 2, result.output
    assert "cannot be updated here" in result.output and "minutes reindex" in result.output
    assert "Traceback" not in result.output


def test_explain_shows_each_sides_rank_beside_the_hit(runner, engine):
    args = ["--data-dir", str(engine.data_dir), "search", "Midttrafik kassekredit", "--explain", "--limit", "3"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "title" in line)
    assert [c.strip() for c in header.strip("┃ ").split("┃")][-3:] == ["score", "keyword", "semantic"]
    first = next(line for line in result.output.splitlines() if "Økonomi i Midttrafik" in line)
    assert re.search(r"│ #1 \([\d.]+\) +│ #1 \(0\.\d+\) +│$", first), first

    plain = runner.invoke(app, args[:-3] + ["--limit", "3"])
    assert "semantic" not in plain.output


def test_ingest_and_reindex_build_no_embeddings_in_a_keyword_only_setup(runner, tmp_path):
    data, minutes = tmp_path / "data", sorted(SAMPLES.glob("*.txt"))[0]
    for args in (["ingest", str(minutes)], ["reindex"]):  # MINUTES_EMBEDDINGS=false, as the service reads it
        result = runner.invoke(app, ["--data-dir", str(data), *args], env={"MINUTES_EMBEDDINGS": "false"})
        assert result.exit_code == 0, result.output
        assert '"keyword"' in result.output and '"semantic"' not in result.output, result.output
    assert not (data / "vectors").exists()
