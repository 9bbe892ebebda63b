"""`minutes eval`: run every judged query through the engine in each mode and score the rankings."""
from __future__ import annotations

from pathlib import Path

from search.engine import Engine
from search.evaluation import HitRef, evaluate, format_table, load_queries
from search.request import SearchRequest

DEPTH = 10


def run_eval(engine: Engine, path: Path, modes: list[str]) -> tuple[str, dict]:
    queries = load_queries(path)
    reports = {mode: evaluate(queries, _search_fn(engine, mode), k=DEPTH) for mode in modes}
    return format_table(reports), {mode: report.to_dict() for mode, report in reports.items()}


def _search_fn(engine: Engine, mode: str):
    def search(query: str) -> list[HitRef]:
        request = SearchRequest.build(q=query, mode=mode, limit=DEPTH, settings=engine.settings)
        # the operator's view: judgments are scored on the whole corpus, closed items' content included
        hits = engine.search(request, engine.access.operator())["hits"]
        return [HitRef(body=h["body"], meeting_date=h["meeting_date"], item_number=h["item_number"]) for h in hits]

    return search
