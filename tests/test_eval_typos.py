"""`minutes eval-typos`: one-letter misspellings of title words, scored against the correct spelling."""
from __future__ import annotations

import json
import random

import pytest
from conftest import SAMPLES, copy_embedding_cache
from typer.testing import CliRunner

from api.cli import app
from evaluation.typos import APART, EDITS, KINDS, apart, misspell, run_typos, sample_words


WORDS = ("lægevagtsordningen", "kassekredit", "psykiatriforum", "aabenraa", "ellevilla")


def one_edit(word: str, wrong: str, kind: str) -> bool:
    if kind == "doubled":
        return len(wrong) == len(word) + 1 and any(wrong[:i] + wrong[i + 1:] == word for i in range(len(wrong)))
    if kind == "dropped":
        return len(wrong) == len(word) - 1 and any(word[:i] + word[i + 1:] == wrong for i in range(len(word)))
    if kind == "swapped":
        return sorted(wrong) == sorted(word) and sum(a != b for a, b in zip(word, wrong)) == 2
    return len(wrong) == len(word) and sum(a != b for a, b in zip(word, wrong)) == 1


@pytest.mark.parametrize("kind", EDITS)
def test_a_misspelling_is_one_letter_off_and_keeps_the_first_two(kind):
    rng = random.Random(1)
    for word in WORDS:
        wrong = misspell(word, kind, rng)
        assert wrong != word and wrong[:2] == word[:2]
        assert one_edit(word, wrong, kind)


def test_an_early_misspelling_is_one_letter_off_within_the_first_two():
    rng = random.Random(1)
    for word in WORDS * 4:
        wrong = misspell(word, "early", rng)
        assert wrong[:2] != word[:2]
        assert any(one_edit(word, wrong, kind) for kind in EDITS), (word, wrong)


def test_a_compound_is_typed_apart_at_its_joint():
    assert apart("affaldsplan") == "affalds plan"  # the linking -s- stays with the first word
    assert apart("strandskolen") == "strand skolen"
    assert apart("børneattest") == "børne attest"
    assert apart("aabenraa") is None and apart("kommune") is None  # a name, a word: the lexicon does not split


def test_words_are_long_specific_title_words_in_a_fixed_sample():
    titles = ["Lægevagten", "Lægevagtsordningen i Midtjylland", "Midttrafik kassekredit",
              *["Budgetopfølgning"] * 31]  # in more than 30 titles: not specific
    words = sample_words(titles, 10)
    assert words == sorted(words)
    assert set(words) == {"lægevagten", "lægevagtsordningen", "kassekredit", "midtjylland", "midttrafik"}
    assert sample_words(titles, 2) == sample_words(titles, 2) and len(sample_words(titles, 2)) == 2


def test_lengths_pick_shorter_words():
    titles = ["Lægevagten", "Budget for skoler", "Midttrafik kassekredit"]
    assert sample_words(titles, 10, lengths=(5, 8)) == ["budget", "skoler"]
    assert sample_words(titles, 10, lengths=(6, 6)) == ["budget", "skoler"]
    assert sample_words(titles, 10, lengths=(10, None)) == ["kassekredit", "lægevagten", "midttrafik"]


def test_keyword_mode_keeps_most_of_a_misspelt_words_results_and_far_more_than_stemmed_bm25(engine):
    text, data = run_typos(engine, ["keyword", "peer-bm25s"], words=40)
    kept = data["kept"]
    assert data["words"] >= 30
    assert kept["keyword"]["all"] >= 0.6  # a misspelt word is read as the nearest indexed word
    said = data["suggested"]  # and »Mente du« mostly names the word meant
    assert said["right"] >= 0.8 and said["right"] > 4 * said["wrong"]
    assert abs(said["right"] + said["wrong"] + said["none"] - 1) < 0.01
    assert kept["keyword"]["all"] > kept["peer-bm25s"]["all"] + 0.4  # a Snowball stem changes with the typo
    assert all(kept["keyword"][kind] > 0.4 for kind in KINDS)
    assert "keyword" in text and "peer-bm25s" in text


def test_eval_typos_cli_prints_json_and_refuses_an_unknown_mode(engine, tmp_path):
    data = tmp_path / "data"
    copy_embedding_cache(engine, data)
    runner = CliRunner()
    assert runner.invoke(app, ["--data-dir", str(data), "ingest", str(SAMPLES)]).exit_code == 0
    result = runner.invoke(app, ["--data-dir", str(data), "eval-typos", "--words", "5", "--mode", "keyword",
                                 "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert list(printed["kept"]) == ["keyword"] and APART in printed["kept"]["keyword"]
    assert set(printed["kept"]["keyword"]) == {*KINDS, "all", APART} and printed["compounds"] <= printed["words"]
    short = runner.invoke(app, ["--data-dir", str(data), "eval-typos", "--words", "5", "--mode", "keyword",
                                "--lengths", "5-8"])
    assert short.exit_code == 0 and "of 5-8 letters" in short.output and "»Mente du«" in short.output
    for lengths in ("x", "3-", "8-5"):
        wrong = runner.invoke(app, ["--data-dir", str(data), "eval-typos", "--lengths", lengths])
        assert wrong.exit_code == 2 and "--lengths" in wrong.output and "Traceback" not in wrong.output
    for lengths in ("99999999999999999999-", "60-70"):  # no title word that long: no table of empty rows
        none = runner.invoke(app, ["--data-dir", str(data), "eval-typos", "--mode", "keyword", "--lengths", lengths])
        assert none.exit_code == 2 and "no title word of" in none.output and "kept" not in none.output, none.output
    bad = runner.invoke(app, ["--data-dir", str(data), "eval-typos", "--mode", "peer-e5"])
    assert bad.exit_code == 2 and "peer-bm25s" in bad.output and "Traceback" not in bad.output
