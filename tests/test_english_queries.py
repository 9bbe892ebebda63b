"""A question in English is read by meaning: an English word is no misspelling, and the keyword side, which
cannot read English words no item holds, counts in hybrid ranking only as far as it can read the query."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EVAL, need

from evaluation.runner import expand, run_eval
from index.language import english_word
from search.query import parse_query
from search.request import SearchRequest

LAEGEVAGTEN = ("2023-06-02", 50)  # the bundled minutes' item about the out-of-hours doctor service
ENGLISH = Path(__file__).resolve().parents[1] / "evaluation" / "english"


def search(engine, q: str, mode: str = "hybrid", limit: int = 10) -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=limit, settings=engine.settings),
                         engine.access.operator())


def refs(result: dict) -> list[tuple[str, int]]:
    return [(h["meeting_date"], h["item_number"]) for h in result["hits"]]


@pytest.mark.parametrize("word", ["heating", "lonely", "hours", "Doctor", "paths", "elderly"])
def test_english_words_are_told_apart(word):
    assert english_word(word)


@pytest.mark.parametrize("word", ["service", "plan", "status", "lægevagt", "kommune", "afslører", "xyzzy", "i"])
def test_danish_words_words_of_both_languages_and_unknown_strings_are_not_english(word):
    assert not english_word(word)


def test_the_keyword_side_reads_a_danish_query_whole_and_an_english_one_in_part(engine):
    assert engine.keyword.search(parse_query("Midttrafik kassekredit")).coverage == 1.0
    assert engine.keyword.search(parse_query("lægevagtsorddningen")).coverage == 1.0  # read by its spelling
    # »out« is an English stop word, »service« Danish too; »hours« and »doctor« no item holds
    assert engine.keyword.search(parse_query("out of hours doctor service")).coverage == pytest.approx(1 / 3)


def test_an_english_word_gets_no_spelling_suggestion(engine):
    assert search(engine, "out of hours doctor service")["did_you_mean"] is None  # was »out of hous …«
    assert search(engine, "lægevagtsorddningen")["did_you_mean"] == "lægevagtsordningen"  # Danish still is


def test_an_english_question_finds_its_item_in_hybrid_as_semantic_mode_does(engine):
    """Before, the stray words the keyword side matched (»service«) filled the page and the item was not on it."""
    hybrid = refs(search(engine, "out of hours doctor service"))
    semantic = refs(search(engine, "out of hours doctor service", "semantic"))
    assert LAEGEVAGTEN in semantic[:3]
    assert LAEGEVAGTEN in hybrid[:3] and hybrid.index(LAEGEVAGTEN) <= semantic.index(LAEGEVAGTEN)


def test_a_danish_query_ranks_as_before(engine):
    """Coverage 1 leaves the fusion as it was: the Danish word's item first, in both hybrid and keyword mode."""
    assert refs(search(engine, "lægevagt"))[0] == LAEGEVAGTEN == refs(search(engine, "lægevagt", "keyword"))[0]


def test_english_words_are_not_misspellings_on_greve_either(greve_engine):
    engine, _ = greve_engine
    english = engine.keyword.search(parse_query("bicycle paths along the coast"))
    assert english.unknown == {} and english.coverage < 1  # no »Mente du: bicycle pahs«
    danish = engine.keyword.search(parse_query("cykelstier langs kysten"))
    assert danish.coverage == 1.0


@pytest.mark.parametrize("name", ["queries-dev.jsonl", "greve-dev.jsonl"])
def test_the_english_query_sets_ask_the_dev_queries_in_english_with_their_judgments(name):
    danish = [json.loads(line) for line in need(EVAL / name).read_text(encoding="utf-8").splitlines()]
    english = [json.loads(line) for line in (ENGLISH / name).read_text(encoding="utf-8").splitlines()]
    assert [("en-" + d["id"], "en-" + d["kind"], d["relevant"]) for d in danish] == [
        (e["id"], e["kind"], e["relevant"]) for e in english]
    assert sum(e["query"] != d["query"] for d, e in zip(danish, english)) >= len(danish) - 3  # names stay


def test_hybrid_beats_the_plain_peers_on_english_questions_about_the_bundled_minutes(engine):
    """The same run as `minutes eval evaluation/english/queries-dev.jsonl --mode all`."""
    _, report = run_eval(engine, ENGLISH / "queries-dev.jsonl", expand("all"))
    ndcg = {name: r["ndcg@10"] for name, r in report.items()}
    assert ndcg["hybrid"] > max(ndcg["peer-rrf"], ndcg["peer-bm25s"], ndcg["keyword"])
    assert ndcg["hybrid"] >= ndcg["semantic"] - 0.02, ndcg  # reading by meaning loses nothing to the keyword side
