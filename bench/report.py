"""The bench's targets, checked, and its figures as a plain-text report."""
from __future__ import annotations

from bench.measure import MODES

HYBRID_P50_MS, HYBRID_P99_MS = 30.0, 100.0
KEYWORD_VS_BM25S = 10.0  # issue 17: keyword p50 within 10x of plain bm25s on the same items
SCALED_HYBRID_P50_MS, SCALED_RSS_MB = 100.0, 2048.0


def targets(data: dict) -> list[dict]:
    """The issue's targets, each with the measured value beside it and whether it is met."""
    hybrid = data["latency_ms"]["hybrid"]
    rows = [
        _target("hybrid p50, warm", hybrid["warm"]["p50"], HYBRID_P50_MS, "ms"),
        _target("hybrid p99, warm", hybrid["warm"]["p99"], HYBRID_P99_MS, "ms"),
        _target("hybrid p50, cold (query embedded)", hybrid["cold"]["p50"], HYBRID_P50_MS, "ms"),
        _target("hybrid p99, cold (query embedded)", hybrid["cold"]["p99"], HYBRID_P99_MS, "ms"),
        _target("keyword p50 / bm25s p50, warm", data["peers"]["bm25s"]["ratio"], KEYWORD_VS_BM25S, "×"),
    ]
    scale = data.get("scale")
    if scale:
        items = f"{scale['items']:,} items"
        rows += [
            _target(f"hybrid p50 at {items}, warm", scale["latency_ms"]["hybrid"]["warm"]["p50"],
                    SCALED_HYBRID_P50_MS, "ms"),
            _target(f"peak RSS serving {items}", scale["search_rss_mb"], SCALED_RSS_MB, "MB"),
        ]
    return rows


def _target(name: str, value: float | None, limit: float, unit: str) -> dict:
    return {"name": name, "value": value, "limit": limit, "unit": unit,
            "met": value is not None and value <= limit}


def render(data: dict) -> str:
    """The whole report as aligned plain text (no colour codes: it pastes into issues and logs)."""
    parts = [_heading(data), _build(data), _latency(data["latency_ms"], data["queries"]), _peers(data)]
    if data.get("scale"):
        parts.append(_scale(data["scale"]))
    parts += [_targets(data["targets"]), _memory(data)]
    return "\n\n".join(parts) + "\n"


def _heading(data: dict) -> str:
    c, m = data["corpus"], data["machine"]
    load = " ".join(f"{x:.2f}" for x in m["loadavg"])
    end = " ".join(f"{x:.2f}" for x in m.get("loadavg_end", []))
    omp = " ".join(f"{k}={v}" for k, v in m["omp"].items()) or "OpenMP defaults"
    return (f"minutes bench · {c['name']} · {c['files']:,} files, {c['meetings']:,} meetings, {c['items']:,} items\n"
            f"{m['cores']} cores, load {load} at start, {end} at end · {omp} · Python {m['python']} · "
            f"{data['total_s']:.0f} s in all · temporary data dir, removed")


def _build(data: dict) -> str:
    ing, kw, emb, bm = data["ingest"], data["keyword_build"], data["embedding"], data["peers"]["bm25s"]
    rows = [
        ["ingest (parse + store)", _s(ing["seconds"]), f"{_n(ing['items_per_s'])} items/s"],
        ["keyword index (Whoosh)", _s(kw["seconds"]), f"{_n(kw['items_per_s'])} items/s"],
        ["bm25s index (peer)", _s(bm["build_s"]), f"{_n(bm['docs'] / bm['build_s'] if bm['build_s'] else None)} items/s"],
        ["vector index", _s(emb["build_s"]), f"{emb['passages']:,} passages"],
        [f"embedding ({emb['model']})", _s(emb["embed_s"]),
         f"{_n(emb['passages_per_s'], 1)} passages/s · {_n(emb['tokens_per_s'])} tokens/s"],
    ]
    limit = "no limit" if emb["limit"] is None else f"limit {emb['limit']:,}"
    vectors = (f"vectors: {emb['real']:,} real, {emb['synthetic']:,} synthetic (real vector + noise), "
               f"{emb['from_cache']:,} from the embedding cache ({limit}; a repeated text embeds once)")
    return "Build\n" + _table(["step", "time", "rate"], rows) + "\n  " + vectors


def _latency(latency: dict, queries: int) -> str:
    header = ["mode", "cold p50", "p95", "p99", "warm p50", "p95", "p99", "no hits"]
    rows = [[mode, *_pcts(latency[mode]["cold"]), *_pcts(latency[mode]["warm"]), str(latency[mode]["no_hits"])]
            for mode in MODES]
    note = (f"Query latency, ms · {queries} queries through Engine.search (10 hits, snippets, facets)\n"
            "  cold: first sight of each query (embedded); warm: repeats (query vector cached)")
    return note + "\n" + _table(header, rows)


def _peers(data: dict) -> str:
    p = data["peers"]
    kw, vec = p["bm25s"], p["numpy"]
    rows = [
        ["keyword, engine", _ms(p["ours"]["keyword"]), "bm25s", _ms(kw["latency"]["p50"]), _x(kw["ratio"])],
        ["keyword index alone", _ms(p["ours"]["keyword_index"]), "bm25s", _ms(kw["latency"]["p50"]),
         _x(kw["ratio_index"])],
        ["semantic, engine", _ms(p["ours"]["semantic"]), "numpy M @ q", _ms(vec["latency"]["p50"]), _x(vec["ratio"])],
        ["vector index alone", _ms(p["ours"]["vector_index"]), "numpy M @ q", _ms(vec["latency"]["p50"]),
         _x(vec["ratio_index"])],
    ]
    note = f"Peers, warm p50 in ms · numpy over the same {vec['rows']:,} × {vec['dim']} {vec['dtype']} matrix"
    return note + "\n" + _table(["ours", "p50", "peer", "p50", "ours/peer"], rows)


def _scale(s: dict) -> str:
    head = (f"Scale ×{s['copies']} · {s['items']:,} items, {s['passages']:,} passages (synthetic: dates shifted, "
            f"words shuffled, vectors + noise)\n  build: store {_s(s['store_build_s'])}, keyword index "
            f"{_s(s['keyword_build_s'])}, vectors {_s(s['vector_build_s'])} · peak RSS: build process "
            f"{_n(s['build_rss_mb'])} MB, search process {_n(s['search_rss_mb'])} MB")
    header = ["mode", "cold p50", "p95", "p99", "warm p50", "p95", "p99", "no hits"]
    lat = s["latency_ms"]
    rows = [[mode, *_pcts(lat[mode]["cold"]), *_pcts(lat[mode]["warm"]), str(lat[mode]["no_hits"])]
            for mode in MODES]
    return head + "\n" + _table(header, rows)


def _targets(rows: list[dict]) -> str:
    table = [[r["name"], "≤ " + _unit(r["limit"], r["unit"]), _unit(r["value"], r["unit"]),
              "met" if r["met"] else "NOT met"] for r in rows]
    return "Targets\n" + _table(["target", "limit", "measured", ""], table)


def _unit(value: float | None, unit: str) -> str:
    if unit == "×":
        return _x(value)
    return f"{_n(value, 0 if unit == 'MB' else 1)} {unit}"


def _memory(data: dict) -> str:
    phases = " · ".join(f"{name} {_n(mb)}" for name, mb in data["rss_mb_after"].items())
    return f"Peak RSS of this process: {_n(data['rss_mb'])} MB (after {phases} MB)"


def _table(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell: the first left-aligned, the rest right-aligned."""
    cells = [header, *rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    return "\n".join(line(r) for r in cells)


def _pcts(p: dict) -> list[str]:
    return [_ms(p["p50"]), _ms(p["p95"]), _ms(p["p99"])]


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def _x(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}×"


def _n(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"
