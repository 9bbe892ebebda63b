"""`minutes eval`: every judged query through the engine in each mode, and through the plain peers, scored."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from evaluation.judgments import HitRef, load_queries
from evaluation.paired import against_reference, format_paired
from evaluation.peers import PEERS, E5Peer, Items, search_fns
from evaluation.report import evaluate, format_table
from index.encoders import load_encoder
from index.vectors import CACHE_FILE
from search.engine import Engine
from search.request import SearchRequest

DEPTH = 10
MODES = ("hybrid", "keyword", "semantic")
CHOICES = ("all", *MODES, *PEERS)  # what `--mode` accepts
Progress = Callable[[int, int], None]
Log = Callable[[str], None]


def expand(choice: str) -> list[str]:
    """`all` -> our modes, then the peers; a mode or peer name -> itself."""
    if choice not in CHOICES:
        raise ValueError(f"--mode must be one of {', '.join(CHOICES)}")
    return [*MODES, *PEERS] if choice == "all" else [choice]


def run_eval(engine: Engine, path: Path, names: Sequence[str], progress: Progress | None = None,
             log: Log | None = None) -> tuple[str, dict]:
    """Score each named mode or peer on the judgments in `path`: the plain-text table and the JSON."""
    queries = load_queries(path)
    if not engine.store.counts()["items"]:
        raise ValueError(f"the data directory {engine.data_dir} holds no minutes to evaluate: "
                         "add them with `minutes ingest PATH`")
    fns = {name: mode_search(engine, name) for name in names if name in MODES}
    peers = [name for name in names if name in PEERS]
    if peers:
        fns.update(_peer_fns(engine, peers, progress, log or (lambda message: None)))
    reports = {name: evaluate(queries, fns[name], k=DEPTH) for name in names}
    paired = format_paired(against_reference(reports), k=DEPTH)  # how sure each difference from hybrid is
    text = format_table(reports, worst_of=[name for name in names if name in MODES], after_overall=[paired])
    return text, {name: report.to_dict() for name, report in reports.items()}


def mode_search(engine: Engine, mode: str) -> Callable[[str], list[HitRef]]:
    """A query -> top DEPTH hits function for one of our modes, through the engine as the API calls it."""
    def search(query: str) -> list[HitRef]:
        request = SearchRequest.build(q=query, mode=mode, limit=DEPTH, settings=engine.settings)
        # the operator's view: judgments are scored on the whole corpus, closed items' content included
        hits = engine.search(request, engine.access.operator())["hits"]
        return [HitRef(body=h["body"], meeting_date=h["meeting_date"], item_number=h["item_number"]) for h in hits]

    return search


def _peer_fns(engine: Engine, names: list[str], progress: Progress | None, log: Log):
    items = Items.load(engine.store)
    cache = Path(engine.data_dir) / "vectors" / CACHE_FILE  # the vector index's own embedding cache

    def make_e5() -> E5Peer:
        log(f"peer-e5: one vector per item's head text ({len(items.ids):,} items), cached in {cache}")
        peer = E5Peer(items, load_encoder("e5"), cache, batch=engine.settings.embed_batch, progress=progress)
        log(f"peer-e5: {peer.embedded:,} head texts embedded, the rest came from the cache")
        return peer

    return search_fns(names, items, make_e5, DEPTH)
