"""Evaluation core: metric values against hand computation, judgment-key matching, file loading."""
from __future__ import annotations

import json
import math
import random
import warnings
from pathlib import Path

import pytest
from conftest import EVAL, need

from evaluation.judgments import EvalQuery, HitRef, ItemKey, hit_key_matcher, load_queries, parse_key
from evaluation.metrics import score_runs
from evaluation.report import evaluate, format_table

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
KTM = "Klima-, Teknik- og Miljøudvalget"
A, B, C = "2023-06-02#1", "2023-06-02#2", "2023-06-02#3"


def ref(label: str) -> HitRef:
    """'body/YYYY-MM-DD#n' -> HitRef (test shorthand)."""
    body, _, rest = label.rpartition("/")
    day, _, number = rest.partition("#")
    return HitRef(body=body, meeting_date=day, item_number=int(number))


def search_returning(ranking: dict[str, list[str]]):
    return lambda text: [ref(label) for label in ranking.get(text, [])]


def query(qid: str, relevant: dict[str, int], kind: str = "keyword") -> EvalQuery:
    return EvalQuery(id=qid, query=f"text of {qid}", kind=kind, relevant=relevant)


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"id": "q1", "query": "lægevagt", "kind": "keyword", "relevant": {A: 2}})


# --- metrics -----------------------------------------------------------------------------------------


def test_ndcg_uses_exponential_gain():
    # grades {a:2, b:1}, ranking [x, b, a]; gain 2^g - 1 gives a -> 3, b -> 1.
    # DCG  = 0/log2(2) + 1/log2(3) + 3/log2(4) = 0.630930 + 1.5   = 2.130930
    # IDCG = 3/log2(2) + 1/log2(3)             = 3 + 0.630930     = 3.630930
    # nDCG = 2.130930 / 3.630930 = 0.586883
    # (linear gain would give (1/log2(3) + 2/2) / (2 + 1/log2(3)) = 0.619906 -- ranx's plain "ndcg")
    scores = score_runs({"q": {A: 2, B: 1}}, {"q": [None, B, A]}, k=10)["q"]
    expected = (1 / math.log2(3) + 3 / 2) / (3 + 1 / math.log2(3))
    assert scores["ndcg"] == pytest.approx(expected) == pytest.approx(0.586883, abs=1e-6)
    assert scores["ndcg"] != pytest.approx(0.619906, abs=1e-4)


def test_ndcg_ideal_ordering_does_not_depend_on_judgment_order():
    # Same judgments listed low grade first: IDCG must still rank the grade-2 item first.
    first = score_runs({"q": {A: 2, B: 1}}, {"q": [None, B, A]}, k=10)["q"]["ndcg"]
    second = score_runs({"q": {B: 1, A: 2}}, {"q": [None, B, A]}, k=10)["q"]["ndcg"]
    assert first == pytest.approx(second)


def test_perfect_ranking_scores_one():
    scores = score_runs({"q": {A: 2, B: 1}}, {"q": [A, B, None]}, k=10)["q"]
    assert scores == pytest.approx({"ndcg": 1.0, "recall": 1.0, "mrr": 1.0})


def test_ndcg_cut_at_k():
    # k=2, ranking [x, a, b]: only x and a count.
    # DCG@2 = 3/log2(3) = 1.892789; IDCG@2 = 3/1 + 1/log2(3) = 3.630930 -> 0.521295
    scores = score_runs({"q": {A: 2, B: 1}}, {"q": [None, A, B]}, k=2)["q"]
    assert scores["ndcg"] == pytest.approx((3 / math.log2(3)) / (3 + 1 / math.log2(3)))
    assert scores["recall"] == pytest.approx(0.5)


def test_recall_counts_grades_at_least_one_within_k():
    # relevant a(2), b(1), c(1), d(0): denominator 3 (d is judged not relevant).
    # top 10 holds a, c and d; b is at rank 11 -> recall@10 = 2/3.
    ranking = [A, None, C, "2023-06-02#4", *[None] * 6, B]
    scores = score_runs({"q": {A: 2, B: 1, C: 1, "2023-06-02#4": 0}}, {"q": ranking}, k=10)["q"]
    assert scores["recall"] == pytest.approx(2 / 3)


def test_mrr_is_first_grade_one_or_more():
    # rank 1 is judged 0, rank 2 unjudged, rank 3 grade 1 -> 1/3.
    scores = score_runs({"q": {A: 0, B: 1}}, {"q": [A, None, B]}, k=10)["q"]
    assert scores["mrr"] == pytest.approx(1 / 3)


def test_relevant_beyond_k_gives_zero_mrr():
    scores = score_runs({"q": {A: 2}}, {"q": [None] * 10 + [A]}, k=10)["q"]
    assert scores == pytest.approx({"ndcg": 0.0, "recall": 0.0, "mrr": 0.0})


def test_empty_ranking_scores_zero():
    scores = score_runs({"q": {A: 2}}, {"q": []}, k=10)["q"]
    assert scores == pytest.approx({"ndcg": 0.0, "recall": 0.0, "mrr": 0.0})


# --- judgment keys -----------------------------------------------------------------------------------


def test_parse_key_with_and_without_body():
    assert parse_key("2023-06-02#50") == ItemKey(body=None, date="2023-06-02", number=50)
    assert parse_key(f"{KTM}/2022-10-13#2") == ItemKey(body=KTM, date="2022-10-13", number=2)
    assert parse_key("Byråd 2022-2025/2023-06-19#15").body == "Byråd 2022-2025"


@pytest.mark.parametrize("key", ["2023-06-02", "2023-06-02#", "2023-6-2#1", "2023-02-30#1", "/2023-06-02#1", "x#1"])
def test_parse_key_rejects_malformed(key):
    with pytest.raises(ValueError, match="bad item key"):
        parse_key(key)


def test_qualified_key_matches_only_its_body():
    match = hit_key_matcher({f"{KTM}/2022-10-13#2": 2})
    hits = [ref("Økonomiudvalget/2022-10-13#2"), ref(f"{KTM}/2022-10-13#2")]
    assert match(hits) == [None, f"{KTM}/2022-10-13#2"]


def test_unqualified_key_matches_any_body():
    match = hit_key_matcher({"2023-06-02#50": 2})
    assert match([ref("Regionsrådet/2023-06-02#50")]) == ["2023-06-02#50"]
    assert match([ref(f"{KTM}/2023-06-02#50")]) == ["2023-06-02#50"]
    assert match([ref("Regionsrådet/2023-06-02#5")]) == [None]


def test_unqualified_key_is_credited_once_across_bodies():
    # Two bodies met on one date and both had an item 2: only the first hit earns the key.
    match = hit_key_matcher({"2023-06-02#2": 2})
    hits = [ref("Økonomiudvalget/2023-06-02#2"), ref("Byråd 2022-2025/2023-06-02#2")]
    assert match(hits) == ["2023-06-02#2", None]


def test_repeated_hit_is_credited_once():
    match = hit_key_matcher({f"{KTM}/2022-10-13#2": 2})
    hit = ref(f"{KTM}/2022-10-13#2")
    assert match([hit, hit]) == [f"{KTM}/2022-10-13#2", None]


def test_qualified_key_preferred_so_unqualified_stays_available():
    qualified = "Økonomiudvalget/2023-06-02#2"
    match = hit_key_matcher({qualified: 2, "2023-06-02#2": 1})
    hits = [ref("Økonomiudvalget/2023-06-02#2"), ref("Byråd 2022-2025/2023-06-02#2")]
    assert match(hits) == [qualified, "2023-06-02#2"]
    assert match(list(reversed(hits))) == ["2023-06-02#2", qualified]


def test_body_comparison_ignores_case_and_spacing():
    match = hit_key_matcher({f"{KTM}/2022-10-13#2": 2})
    assert match([ref("klima-,  teknik- og miljøudvalget /2022-10-13#2")]) == [f"{KTM}/2022-10-13#2"]


def test_matcher_state_does_not_leak_between_rankings():
    match = hit_key_matcher({"2023-06-02#2": 2})
    hits = [ref("Økonomiudvalget/2023-06-02#2")]
    assert match(hits) == match(hits) == ["2023-06-02#2"]


# --- evaluate ----------------------------------------------------------------------------------------


def test_evaluate_does_not_credit_duplicate_matches_twice():
    # judgments: 2023-01-05#2 (any body, grade 2), Økonomiudvalget/2023-01-05#3 (grade 1)
    # hits: A/#2 -> earns #2; B/#2 -> nothing (already earned); Byråd/#3 -> wrong body; Øk/#3 -> earns.
    # DCG  = 3/log2(2) + 1/log2(5) = 3 + 0.430677 = 3.430677
    # IDCG = 3/log2(2) + 1/log2(3) = 3 + 0.630930 = 3.630930  -> nDCG 0.944848
    relevant = {"2023-01-05#2": 2, "Økonomiudvalget/2023-01-05#3": 1}
    hits = ["Udvalg A/2023-01-05#2", "Udvalg B/2023-01-05#2", "Byråd/2023-01-05#3", "Økonomiudvalget/2023-01-05#3"]
    report = evaluate([query("q", relevant)], search_returning({"text of q": hits}))
    scores = report.results[0].scores
    assert scores["ndcg"] == pytest.approx((3 + 1 / math.log2(5)) / (3 + 1 / math.log2(3)))
    assert scores["recall"] == pytest.approx(1.0)
    assert report.results[0].matched == ["2023-01-05#2", None, None, "Økonomiudvalget/2023-01-05#3"]


def test_evaluate_only_scores_top_k():
    hits = [f"X/2023-06-02#{n}" for n in range(10, 20)] + ["X/2023-06-02#1"]
    report = evaluate([query("q", {A: 2})], search_returning({"text of q": hits}), k=10)
    assert report.results[0].scores["recall"] == 0.0
    assert len(report.results[0].returned) == 10


def test_report_means_by_kind_and_json_shape():
    # q1 (keyword): hit at rank 1 -> all 1.0.  q2 (keyword): nothing -> all 0.
    # q3 (semantic): single grade-2 item at rank 2 -> nDCG 3/log2(3) / 3 = 0.630930, MRR 0.5, recall 1.
    queries = [query("q1", {A: 2}), query("q2", {B: 2}), query("q3", {C: 2}, kind="semantic")]
    search = search_returning({"text of q1": [f"X/{A}"], "text of q3": [f"X/{A}", f"X/{C}"]})
    out = evaluate(queries, search).to_dict()
    assert set(out) == {"ndcg@10", "recall@10", "mrr@10", "by_kind", "queries"}
    assert out["queries"] == 3
    assert out["by_kind"]["keyword"] == pytest.approx(
        {"ndcg@10": 0.5, "recall@10": 0.5, "mrr@10": 0.5, "queries": 2}
    )
    assert out["by_kind"]["semantic"] == pytest.approx(
        {"ndcg@10": 0.6309, "recall@10": 1.0, "mrr@10": 0.5, "queries": 1}, abs=1e-4
    )
    assert out["ndcg@10"] == pytest.approx((1 + 0 + 1 / math.log2(3)) / 3, abs=1e-4)
    assert out["mrr@10"] == pytest.approx(0.5)
    json.dumps(out)  # plain floats and ints only


def test_worst_queries_lowest_ndcg_first():
    queries = [query("good", {A: 2}), query("bad", {B: 2}), query("mid", {C: 2})]
    search = search_returning({"text of good": [f"X/{A}"], "text of mid": [f"X/{A}", f"X/{C}"]})
    worst = evaluate(queries, search).worst(2)
    assert [r.id for r in worst] == ["bad", "mid"]
    assert worst[1].returned == [f"X/{A}", f"X/{C}"] and worst[1].expected == {C: 2}


def test_evaluate_rejects_empty_query_list():
    with pytest.raises(ValueError, match="no queries"):
        evaluate([], lambda text: [])


def test_format_table_lists_modes_kinds_and_worst_queries():
    queries = [query("q1", {A: 2}), query("q2", {f"{KTM}/2022-10-13#2": 2}, kind="semantic")]
    reports = {
        "hybrid": evaluate(queries, search_returning({"text of q1": [f"X/{A}"]})),
        "keyword": evaluate(queries, lambda text: []),
    }
    table = format_table(reports)
    lines = table.splitlines()
    assert lines[0].split() == ["mode", "nDCG@10", "Recall@10", "MRR@10", "queries"]
    assert lines[2].split() == ["hybrid", "0.500", "0.500", "0.500", "2"]
    assert lines[3].split() == ["keyword", "0.000", "0.000", "0.000", "2"]
    assert any(line.split()[:3] == ["semantic", "hybrid", "0.000"] for line in lines)
    assert "worst 5 (hybrid)" in table and "worst 5 (keyword)" in table
    assert f"expected: {KTM}/2022-10-13#2 (2)" in table
    assert f"X/{A} (2)" in table  # credited hit shows its grade
    assert "(no hits)" in table


# --- loading -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["queries-dev.jsonl", "greve-dev.jsonl"])
def test_loads_real_dev_files(name):
    path = SHARED_EVAL / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    queries = load_queries(path)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(queries) == len(lines) > 0
    assert len({q.id for q in queries}) == len(queries)
    for q in queries:
        assert q.query and q.kind and any(g >= 1 for g in q.relevant.values())
        assert all(parse_key(key) for key in q.relevant)


def test_greve_dev_keys_keep_bodies_with_commas():
    path = SHARED_EVAL / "greve-dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    bodies = {parse_key(key).body for q in load_queries(path) for key in q.relevant}
    assert KTM in bodies


def test_load_queries_parses_fields_and_skips_blank_lines(tmp_path):
    other = {"id": "q2", "query": "x", "kind": "typo", "relevant": {f"{KTM}/2022-10-13#2": 1}}
    path = write_lines(tmp_path, GOOD, "", json.dumps(other))
    queries = load_queries(path)
    assert queries[0] == EvalQuery(id="q1", query="lægevagt", kind="keyword", relevant={A: 2})
    assert queries[1].relevant == {f"{KTM}/2022-10-13#2": 1}


def _line(**changes) -> str:
    obj = {"id": "q2", "query": "x", "kind": "keyword", "relevant": {A: 2}}
    obj.update(changes)
    return json.dumps({k: v for k, v in obj.items() if v is not ...})


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"id": "q2", "query": "x",', "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (_line(relevant=...), "missing field.*relevant"),
        (_line(query=...), "missing field.*query"),
        (_line(kind=""), "'kind' must be a non-empty string"),
        (_line(relevant={"2023-06-02": 2}), "bad item key"),
        (_line(relevant={"Byråd 2022-2025/2023-13-01#4": 2}), "bad item key"),
        (_line(relevant={A: 1.5}), "grade .* non-negative integer"),
        (_line(relevant={A: "2"}), "grade .* non-negative integer"),
        (_line(relevant={A: True}), "grade .* non-negative integer"),
        (_line(relevant={A: -1}), "grade .* non-negative integer"),
        (_line(relevant={A: 0}), "at least one key with grade >= 1"),
        (_line(relevant=[A]), "'relevant' must be an object"),
        (_line(id="q1"), "duplicate query id 'q1'"),
    ],
)
def test_malformed_line_reports_line_number(tmp_path, bad, message):
    path = write_lines(tmp_path, GOOD, bad)
    with pytest.raises(ValueError, match=rf":2: .*{message}"):
        load_queries(path)


# --- our metrics, value for value against ranx (a test dependency only) ------------------------------


def ranx_scores(qrels, runs, k):
    """The same runs scored by ranx (`ndcg_burges`, `recall`, `mrr`), per query."""
    from ranx import Qrels, Run, evaluate as ranx_evaluate

    measures = {"ndcg": "ndcg_burges", "recall": "recall", "mrr": "mrr"}
    ranx_qrels = {qid: dict(grades) for qid, grades in qrels.items()}
    # rank order as strictly decreasing scores; a hit earning nothing keeps its rank under a filler id
    ranx_runs = {
        qid: {key if key is not None else f"none-{rank}": float(len(ranking) - rank)
              for rank, key in enumerate(ranking)} or {"empty": 0.0}
        for qid, ranking in runs.items()
    }
    run = Run(ranx_runs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numba chatter
        ranx_evaluate(Qrels(ranx_qrels), run, [f"{m}@{k}" for m in measures.values()], return_mean=False)
    return {qid: {ours: float(run.scores[f"{theirs}@{k}"][qid]) for ours, theirs in measures.items()}
            for qid in runs}


def assert_same_as_ranx(qrels, runs, k):
    ours, theirs = score_runs(qrels, runs, k), ranx_scores(qrels, runs, k)
    assert ours.keys() == theirs.keys()
    for qid in ours:
        assert ours[qid] == pytest.approx(theirs[qid], abs=1e-12), (qid, qrels[qid], runs[qid])


def synthetic_runs(seed: int, n: int = 400):
    """Random judgments (grades 0-3, at least one >= 1) and rankings mixing judged keys, repeats of
    nothing, and hits that earn nothing, from empty to longer than k."""
    rng = random.Random(seed)
    qrels, runs = {}, {}
    for i in range(n):
        keys = [f"2023-01-{rng.randint(1, 28):02d}#{j}" for j in range(rng.randint(1, 12))]
        grades = {key: rng.choice([0, 1, 1, 2, 2, 3]) for key in keys}
        grades[rng.choice(list(grades))] = rng.randint(1, 3)
        pool = list(grades) + [None] * rng.randint(0, 10)
        rng.shuffle(pool)
        qid = f"q{i}"
        qrels[qid] = grades
        runs[qid] = pool[: rng.randint(0, len(pool))]
    return qrels, runs


@pytest.mark.parametrize("k", [1, 3, 10])
def test_metrics_equal_ranx_on_synthetic_runs(k):
    qrels, runs = synthetic_runs(seed=k)
    assert_same_as_ranx(qrels, runs, k)


def test_metrics_equal_ranx_on_real_runs_over_the_bundled_corpus(engine):
    """Every mode's and the bm25s peer's rankings for the bundled dev queries, scored both ways."""
    from evaluation.peers import Items, search_fns
    from evaluation.runner import MODES, mode_search

    queries = load_queries(need(EVAL / "queries-dev.jsonl"))
    fns = {mode: mode_search(engine, mode) for mode in MODES}
    fns.update(search_fns(["peer-bm25s"], Items.load(engine.store), make_e5=None, k=10))
    qrels = {q.id: q.relevant for q in queries}
    for name, fn in fns.items():
        report = evaluate(queries, fn, k=10)
        runs = {r.id: r.matched for r in report.results}
        assert sum(key is not None for ranking in runs.values() for key in ranking) > len(queries), name
        assert_same_as_ranx(qrels, runs, 10)
        theirs = ranx_scores(qrels, runs, 10)
        assert all(r.scores == pytest.approx(theirs[r.id], abs=1e-12) for r in report.results)
