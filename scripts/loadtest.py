"""Load test: N concurrent clients for T seconds against a running `minutes serve` on this machine.

    python scripts/loadtest.py --url http://127.0.0.1:8000 --clients 50 --seconds 60

Each client (an asyncio task with its own httpx connection) sends a realistic mix, one request
after another: hybrid and keyword searches (with filters, paging and date sort now and then), title
suggestions as someone types, and item pages. Reports requests/s, latency percentiles and every
error (a non-2xx answer, a timeout, a dropped connection). Only loopback URLs are accepted: this is
for a server you started yourself, and the run is bounded in time and in request count.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlparse

import httpx

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
KEEPALIVE_EXPIRY = 2.0  # seconds; below the server's keep-alive timeout (uvicorn: 5 s)
QUERIES = [
    "lægevagt", "Midttrafik kassekredit", "GovTech Midtjylland", "rammeaftale 2023", "erhvervsfremme strategi",
    "hvad mener kommunerne om at regionen overtager vagten om natten", "europæisk kulturregion",
    "tilsyn med almene boliger", "studietur Bruxelles", "udligningsmodeller sundhedsartikler", "TeleKOL",
    "opholdstilladelse landstal", "klimasamarbejde", "lægevagen", '"KKR Midtjylland"', "danskuddannelse",
    "specialiserede socialområde analyse", "mobilitet styregruppe", "budget økonomi underskud",
    "hvordan går det med udflytning af studiepladser", "synsudsættelser høretab", "råstofplan",
]
PREFIXES = ["læ", "Midt", "God", "Kul", "Ud", "Orien", "Dr", "Bev", "Sta", "Ko"]
FILTERS = [{}, {}, {}, {"body": "KD-Net"}, {"year": "2023"}, {"sort": "date"}, {"offset": "10"}, {"from": "2023-01-01"}]
# (weight, kind): hybrid search is what the search page sends; keyword is the API's precise mode
MIX = [(35, "search_hybrid"), (30, "search_keyword"), (20, "suggest"), (15, "item")]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def record(self, kind: str, seconds: float, status: int | None, error: str | None) -> None:
        self.latencies[kind].append(seconds)
        if status is not None:
            self.statuses[status] += 1
        if error:
            self.errors[error] += 1
            if len(self.examples) < 10:
                self.examples.append(f"{kind}: {error}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the server (loopback only)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=60, help="how long to send requests")
    parser.add_argument("--think", type=float, default=0.0, help="pause after each answer, seconds (0: none)")
    parser.add_argument("--timeout", type=float, default=30, help="per-request timeout, seconds")
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="stop after this many requests")
    parser.add_argument("--fresh-queries", action="store_true",
                        help="search new word combinations from item titles instead of the fixed list, so the "
                             "server's per-query caches (query vectors, spelling neighbours) rarely help")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    host = urlparse(args.url).hostname
    if host not in LOOPBACK:
        parser.error(f"refusing to load-test {host!r}: only a server on this machine (127.0.0.1)")
    if not (1 <= args.clients <= 1000 and 0 < args.seconds <= 3600):
        parser.error("--clients must be 1..1000 and --seconds 0..3600")
    return args


@dataclass
class Corpus:
    """What the clients ask about: real item ids (the newest 100 items) and their title words."""

    ids: list[str]
    title_words: list[str]
    fresh: bool = False

    def query(self, rng: random.Random) -> str:
        if not self.fresh:
            return rng.choice(QUERIES)
        return " ".join(rng.sample(self.title_words, k=min(len(self.title_words), rng.randint(1, 4))))


async def fetch_corpus(client: httpx.AsyncClient, fresh: bool) -> Corpus:
    response = await client.get("/search", params={"q": "", "mode": "keyword", "limit": 100})
    response.raise_for_status()
    hits = response.json()["hits"]
    if not hits:
        raise SystemExit("the server holds no items: ingest some minutes first")
    words = sorted({w for hit in hits for w in re.findall(r"\w{4,}", hit["title"])})
    return Corpus([hit["id"] for hit in hits], words, fresh)


def next_request(rng: random.Random, corpus: Corpus) -> tuple[str, str, dict]:
    kind = rng.choices([k for _, k in MIX], weights=[w for w, _ in MIX])[0]
    if kind.startswith("search"):
        params = {"q": corpus.query(rng), "mode": kind.split("_")[1], **rng.choice(FILTERS)}
        return kind, "/search", params
    if kind == "suggest":
        return kind, "/suggest", {"q": rng.choice(PREFIXES)}
    return kind, f"/items/{rng.choice(corpus.ids)}", {}


async def one_client(client: httpx.AsyncClient, rng: random.Random, corpus: Corpus, deadline: float,
                     budget: list[int], think: float, results: Results) -> None:
    if think:  # people do not all press Enter in the same millisecond
        await asyncio.sleep(rng.uniform(0, think))
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        kind, path, params = next_request(rng, corpus)
        started = time.perf_counter()
        status, error = None, None
        try:
            response = await client.get(path, params=params)
            status = response.status_code
            if status >= 400:
                error = f"HTTP {status}: {response.text[:120]}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"[:160]
        results.record(kind, time.perf_counter() - started, status, error)
        if think:
            await asyncio.sleep(rng.uniform(0.5, 1.5) * think)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def summarize(results: Results, elapsed: float, args: argparse.Namespace) -> dict:
    every = [s for values in results.latencies.values() for s in values]
    per_kind = {kind: {"requests": len(v), "p50_ms": ms(percentile(v, 50)), "p99_ms": ms(percentile(v, 99))}
                for kind, v in sorted(results.latencies.items())}
    return {
        "url": args.url, "clients": args.clients, "seconds": round(elapsed, 1), "think_s": args.think,
        "queries": "fresh" if args.fresh_queries else "fixed",
        "requests": len(every), "requests_per_s": round(len(every) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": ms(percentile(every, 50)), "p90_ms": ms(percentile(every, 90)),
        "p99_ms": ms(percentile(every, 99)), "max_ms": ms(max(every, default=0.0)),
        "mean_ms": ms(statistics.fmean(every)) if every else 0.0,
        "errors": sum(results.errors.values()), "error_kinds": dict(results.errors.most_common(10)),
        "error_examples": results.examples, "statuses": dict(sorted(results.statuses.items())),
        "per_kind": per_kind,
    }


def report(summary: dict) -> str:
    lines = [
        (f"{summary['requests']} requests in {summary['seconds']} s from {summary['clients']} clients "
         f"against {summary['url']} ({summary['queries']} queries)"),
        f"throughput: {summary['requests_per_s']} requests/s",
        (f"latency: p50 {summary['p50_ms']} ms, p90 {summary['p90_ms']} ms, p99 {summary['p99_ms']} ms, "
         f"max {summary['max_ms']} ms"),
        f"errors: {summary['errors']}  statuses: {summary['statuses']}",
    ]
    lines += [f"  {kind:15} {v['requests']:7} req  p50 {v['p50_ms']:7} ms  p99 {v['p99_ms']:7} ms"
              for kind, v in summary["per_kind"].items()]
    lines += [f"  error: {e}" for e in summary["error_examples"]]
    return "\n".join(lines)


async def run(args: argparse.Namespace) -> dict:
    # Each client has its own connection, as each member of staff has their own browser. (One shared
    # httpx pool of 50 connections stalled the load generator itself for a second or two now and then,
    # with the server idle: that showed up as the service's p99.) Idle connections are dropped after
    # 2 s: uvicorn closes them at 5 s (its keep-alive timeout), and reusing one then races the close.
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1, keepalive_expiry=KEEPALIVE_EXPIRY)
    async with contextlib.AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(httpx.AsyncClient(base_url=args.url, timeout=args.timeout,
                                                                     limits=limits))
                   for _ in range(args.clients)]
        corpus = await fetch_corpus(clients[0], args.fresh_queries)
        results, budget = Results(), [args.max_requests]
        started = time.monotonic()
        deadline = started + args.seconds
        await asyncio.gather(*(one_client(client, random.Random(args.seed * 1000 + i), corpus, deadline, budget,
                                          args.think, results) for i, client in enumerate(clients)))
        return summarize(results, time.monotonic() - started, args)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    summary = asyncio.run(run(args))
    print(json.dumps(summary, ensure_ascii=False, indent=2) if args.json else report(summary))
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
