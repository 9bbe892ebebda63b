"""The `minutes` command: ingest, inspect, reindex, stats, search, eval, bench, serve."""
from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from config.settings import Settings, SettingsInvalid, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Search Danish municipal meeting minutes: keyword, semantic and hybrid.")
console = Console(stderr=True)
out = Console(soft_wrap=True)


class State:
    settings: Settings


state = State()


@app.callback()
def main(
    data_dir: Annotated[Optional[str], typer.Option(
        "--data-dir", envvar="MINUTES_DATA_DIR", help="Where the store and indexes live [default: ./data]")] = None,
) -> None:
    if data_dir is not None and not data_dir.strip():  # a Path would read "" as ".": the current folder
        fail("--data-dir (or MINUTES_DATA_DIR) is empty")
    overrides = {"data_dir": Path(data_dir)} if data_dir else {}
    try:
        state.settings = load_settings(**overrides)
    except SettingsInvalid as exc:  # a MINUTES_* variable the settings refuse: name it, no traceback
        fail(f"invalid setting: {exc}")
    where = state.settings.data_dir
    try:
        if where.exists() and not where.is_dir():
            fail(f"the data directory {where} is not a folder")
    except OSError as exc:  # a name too long, a path through a file
        fail(f"the data directory {where} cannot be used: {exc.strerror or exc}")


def _engine(**defaults):
    """The engine on the command's settings; `defaults`: settings this command prefers unless set explicitly
    (a one-shot search leaves plain words to Whoosh rather than read the keyword fast path's arrays)."""
    from corpus.store import StoreUnavailable
    from search.engine import Engine

    settings = state.settings
    preferred = {k: v for k, v in defaults.items() if k not in settings.model_fields_set}
    try:
        return Engine(settings.model_copy(update=preferred) if preferred else settings)
    except (StoreUnavailable, ValueError) as exc:  # an unreachable PostgreSQL, a malformed store URL
        fail(str(exc))
    except (OSError, sqlite3.Error) as exc:  # a folder this user may not write, /proc
        fail(f"cannot open the data directory {settings.data_dir}: {getattr(exc, 'strerror', None) or exc}")


def _reading_engine(**defaults):
    """The engine for a command that reads (search, eval): its keyword index first brought in line with the
    store when it lags (built by an older analysis, which starts it empty, or a sync cut short), as `serve`
    does at start; answering from a stale index would print wrong results without a word. Embeddings are
    left as they are: `minutes reindex` or `serve` computes missing ones."""
    engine = _engine(**defaults)
    _, _, removed, changed = engine.keyword.lag(engine.store)
    if behind := len(removed) + len(changed):
        console.print(f"keyword index: behind the store by {behind:,} meetings; bringing it up to date first")
        try:
            engine.sync(embeddings=False)
        except OSError as exc:  # a data directory this user may read but not write
            fail(f"the keyword index in {engine.data_dir} lags the store and cannot be updated here ({exc}); "
                 "run `minutes reindex` as a user who may write there")
    return engine


def _log(message: str) -> None:
    console.print(message, markup=False)


def fail(message: str, code: int = 2) -> None:
    console.print(f"[red]error:[/red] {escape(message)}")  # paths, queries, titles: never markup
    raise typer.Exit(code)


def _one_file(name: str, reads: str, folder_hint: str = "") -> Path:
    """The one file a command reads, or a clear error: an empty path, a folder, a pipe, a name too long, none."""
    if not name.strip():  # a Path would read "" as the current folder
        fail(f"an empty path was given: {reads}")
    file = Path(name)
    try:
        folder, regular, exists = file.is_dir(), file.is_file(), file.exists()
    except OSError as exc:  # a name too long
        fail(f"cannot read {file}: {exc.strerror or exc}")
    if folder:
        fail(f"{file} is a folder: {reads}{folder_hint}")
    if not regular:
        fail(f"{file} is not a regular file: {reads}" if exists else f"no such file: {file}")
    return file


def _require_minutes() -> None:
    """search and eval on a data directory without minutes: say so and how to fill it (creating nothing)."""
    from corpus.store import stored_items

    data_dir = state.settings.data_dir
    if not state.settings.store_url and stored_items(data_dir) == 0:  # a shared store holds them elsewhere
        fail(f"the data directory {data_dir} holds no minutes. Fill it with `minutes ingest PATH...` "
             "(files or folders of minutes), or run `minutes serve`, which ingests the bundled sample minutes "
             "on its first start. Another data directory: --data-dir DIR or MINUTES_DATA_DIR.", 1)


def _require_store() -> None:
    """stats and reindex on a data directory with no store (a mistyped --data-dir): say so, creating nothing."""
    from corpus.store import STORE_FILE

    data_dir = state.settings.data_dir
    if not state.settings.store_url and not (data_dir / STORE_FILE).is_file():
        fail(f"the data directory {data_dir} holds no store: nothing was ingested there. Fill it with "
             "`minutes ingest PATH...`, or name another with --data-dir DIR or MINUTES_DATA_DIR.", 1)


@app.command()
def ingest(
    names: Annotated[list[str], typer.Argument(
        metavar="PATHS", help="Minutes files or folders (.txt, .pdf, .json, .docx, .html, .xml, .zip)")],
    skip_embeddings: Annotated[bool, typer.Option(
        help="Build no embeddings (keyword index only; so does MINUTES_EMBEDDINGS=false)")] = False,
) -> None:
    """Read minutes into the store and update both indexes incrementally."""
    if not all(n.strip() for n in names):  # a Path would read "" as the current folder
        fail("an empty path was given")
    paths = [Path(n) for n in names]
    try:
        missing = [str(p) for p in paths if not p.exists()]
    except OSError as exc:  # a name too long
        fail(f"cannot read {exc.filename or 'a path'}: {exc.strerror or exc}")
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    engine = _engine()
    with engine.writing():
        reports = _ingest_with_progress(engine, paths)
        good = [r for r in reports if r.status not in ("error", "skipped", "ignored")]
        skipped = [r for r in reports if r.status == "skipped"]
        ignored = [r for r in reports if r.status == "ignored"]
        for r in reports:
            if r.status == "error":
                console.print(f"[red]✗[/red] {escape(r.path)}: {escape(r.error or '')}")
            elif r.status == "skipped":
                console.print(f"[dim]· {escape(r.path)}: skipped, {escape(r.note or 'not minutes')}[/dim]")
            elif r.status == "ignored":
                console.print(f"[yellow]·[/yellow] {escape(r.path)}: not read, {escape(r.note or '')}")
            else:
                console.print(f"[green]✓[/green] {escape(r.path)}: {r.status}, {len(r.meetings)} meeting(s), "
                              f"{r.items} items")
        summary = _sync_with_progress(engine, embeddings=engine.settings.embeddings and not skip_embeddings)
    read = [r for r in reports if r.status != "ignored"]
    also = f", {len(skipped)} skipped (an export's attachments, item PDFs and indexes)" if skipped else ""
    also += f", {len(ignored)} not read (their types, or hidden folders: see above)" if ignored else ""
    console.print(f"{len(good)} of {len(read)} files ingested{also}; index: "
                  f"{json.dumps(summary, ensure_ascii=False)}", markup=False)
    if read and not good and len(skipped) < len(read):  # nothing read, and something failed
        raise typer.Exit(1)
    if not read:
        fail("no supported files found (.txt, .pdf, .json, .docx, .html, .xml, .zip)", 1)


def _ingest_with_progress(engine, paths: list[Path]):
    from corpus.ingest import iter_files

    files = list(iter_files(paths))  # counted for the bar; the folders are passed, so an export's are known
    with _progress() as bar:
        task = bar.add_task("reading", total=len(files))
        return engine.ingest(paths, progress=lambda report: report.status == "ignored" or bar.advance(task))


def _sync_with_progress(engine, embeddings: bool) -> dict:
    with _progress(rate=True) as bar:
        task = bar.add_task("embedding passages", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return engine.sync(embeddings=embeddings, progress=progress)


def _progress(rate: bool = False) -> Progress:
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    if rate:
        columns.append(_RateColumn())
    return Progress(*columns, console=console, transient=False, disable=not sys.stderr.isatty())


class _RateColumn(ProgressColumn):
    """Passages embedded per second, the figure that decides how long a build takes."""

    def render(self, task) -> Text:
        return Text(f"{task.speed or 0:,.1f} passages/s")


@app.command()
def inspect(
    name: Annotated[str, typer.Argument(metavar="FILE",
                                        help="One minutes file (.pdf, .docx, .html, .txt, .json, .xml, .zip)")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Show how a file would be read (meeting, items, sections, what was dropped), storing nothing."""
    from corpus.coverage import coverage
    from corpus.readers import ReaderError, inspect_document

    file = _one_file(name, "inspect reads one file (`minutes inspect FILE`)",
                     folder_hint=f"; `minutes ingest {name}` reads a folder's files into the store and says per file "
                                 "what it did")
    try:
        reading = inspect_document(file.read_bytes(), file.name)
    except OSError as exc:  # a file this user may not read
        fail(f"cannot read {file}: {exc.strerror or exc}")
    except ReaderError as exc:
        fail(f"{file.name}: {exc}", 1)
    data = _inspection(reading, file, coverage(reading))
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    _print_inspection(data)


def _inspection(reading, file: Path, cov) -> dict:
    meetings = []
    for m in reading.meetings:
        items = [{"number": i.number, "title": i.title, "presenter": i.presenter, "case_number": i.case_number,
                  "closed": i.closed,
                  "sections": [{"heading": s.heading, "kind": str(s.kind), "length": len(s.text)} for s in i.sections],
                  "attachments": i.attachments} for i in m.items]
        meetings.append({"id": m.id, "body": m.body, "date": m.date, "time": m.time, "location": m.location,
                         "participants": m.participants, "absentees": m.absentees, "items": items})
    return {"file": file.name, "reader": reading.reader, "meetings": meetings,
            "dropped": [{"reason": str(d.reason), "text": d.text} for d in reading.dropped],
            "coverage": {"document_words": cov.document_words, "accounted": round(cov.ratio, 4),
                         "missing_words": list(cov.missing)}}


def _print_inspection(data: dict) -> None:
    out.print(f"{data['file']}: read as {data['reader']}", highlight=False, markup=False)
    for m in data["meetings"]:
        out.print(f"\nMeeting {m['id']}\n  body: {m['body']}\n  date: {m['date']}  time: {m['time'] or '-'}\n"
                  f"  location: {m['location'] or '-'}\n  participants: {', '.join(m['participants']) or '-'}\n"
                  f"  apologies: {', '.join(m['absentees']) or '-'}", highlight=False, markup=False)
        for i in m["items"]:
            flags = " [closed]" if i["closed"] else ""
            out.print(f"\n  {i['number']}. {i['title']}{flags}\n     case: {i['case_number'] or '-'}"
                      + (f"   presenter: {i['presenter']}" if i["presenter"] else ""), highlight=False, markup=False)
            for s in i["sections"]:
                out.print(f"     - {s['heading'] or '(untitled)'} [{s['kind']}]: {s['length']} chars",
                          highlight=False, markup=False)
            for title in i["attachments"]:
                out.print(f"     · bilag: {title}", highlight=False, markup=False)
    dropped: dict[str, list[str]] = {}
    for d in data["dropped"]:
        dropped.setdefault(d["reason"], []).append(d["text"])
    out.print("\nDropped:" if dropped else "\nDropped: nothing", highlight=False, markup=False)
    for reason, texts in dropped.items():
        shown = list(dict.fromkeys(texts))
        out.print(f"  {reason} ({len(texts)} lines): " + " | ".join(t[:60] for t in shown[:8])
                  + (" …" if len(shown) > 8 else ""), highlight=False, markup=False)
    cov = data["coverage"]
    out.print(f"\nWords accounted for: {cov['accounted']:.1%} of {cov['document_words']} distinct words"
              + (f"; not found: {', '.join(cov['missing_words'][:20])}" if cov["missing_words"] else ""),
              highlight=False, markup=False)


@app.command()
def reindex(
    skip_embeddings: Annotated[bool, typer.Option(
        help="Rebuild the keyword index only (so does MINUTES_EMBEDDINGS=false)")] = False,
) -> None:
    """Rebuild both indexes from the store (embeddings come from the cache where unchanged)."""
    _require_store()
    engine = _engine()
    with engine.writing():
        with _progress(rate=True) as bar:
            task = bar.add_task("embedding passages", total=None)
            summary = engine.rebuild(embeddings=engine.settings.embeddings and not skip_embeddings,
                                     progress=lambda d, t: bar.update(task, completed=d, total=t))
    console.print(f"reindexed: {json.dumps(summary, ensure_ascii=False)}", markup=False)


@app.command("copy-store")
def copy_store(
    target: Annotated[str, typer.Argument(help="The store to copy into: a postgresql://… URL")],
) -> None:
    """Copy this store (the data directory's SQLite, or MINUTES_STORE_URL) into another, file by file;
    run again after an interruption, it copies only what is missing. Replicas then build their indexes."""
    from corpus.store import copy_store as copy, open_store

    if not target.startswith(("postgresql://", "postgres://")):
        fail("the target must be a postgresql:// URL")
    try:
        source = open_store(state.settings.store_url, state.settings.data_dir)
        destination = open_store(target, state.settings.data_dir)
    except Exception as exc:  # an unreachable server, a missing driver: say which, exit non-zero
        fail(f"cannot open the stores: {exc}")
    with destination.writer_lock(), _progress() as bar:
        task = bar.add_task("copying files", total=None)
        copied = copy(source, destination, progress=lambda d, t: bar.update(task, completed=d, total=t))
    console.print(f"copied {copied} files; the target holds {json.dumps(destination.counts(), ensure_ascii=False)}",
                  markup=False)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False) -> None:
    """Counts of meetings, items, passages; the embedder and ranking settings in force."""
    _require_store()
    data = _engine().stats()
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    for key, value in data.items():
        out.print(f"{key}: {json.dumps(value, ensure_ascii=False)}", markup=False)


@app.command(context_settings={"ignore_unknown_options": True})  # a query may open with an exclusion: »-midttrafik …«
def search(
    query: Annotated[str, typer.Argument(help="What to look for")],
    mode: Annotated[str, typer.Option(help="hybrid | keyword | semantic")] = "hybrid",
    limit: Annotated[int, typer.Option(min=1)] = 10,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    body: Annotated[Optional[list[str]], typer.Option(help="Only this committee (repeatable)")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="From date YYYY-MM-DD")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="To date YYYY-MM-DD")] = None,
    sort: Annotated[str, typer.Option(help="relevance | date")] = "relevance",
    explain: Annotated[bool, typer.Option(help="Show keyword and semantic ranks")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    all_access: Annotated[bool, typer.Option(
        "--all-access", help="Act as an operator allowed to see closed items (default: what the public sees)")] = False,
) -> None:
    """Search the minutes and print the hits."""
    from index.vectors import IndexMismatch
    from search.request import SearchRequest

    for text, what in [(query, "the query"), *((b, "--body") for b in body or []), (date_from or "", "--from"),
                       (date_to or "", "--to")]:
        _require_utf8(text, what)
    _require_minutes()
    try:
        request = SearchRequest.build(q=query, mode=mode, limit=limit, offset=offset, body=body or [],
                                      date_from=date_from, date_to=date_to, sort=sort, explain=explain,
                                      settings=state.settings)
        engine = _reading_engine(keyword_fast_path="off")
        result = engine.search(request, engine.access.operator() if all_access else engine.access.public)
    except (ValueError, IndexMismatch) as exc:
        fail(str(exc))
    if as_json:
        out.print_json(json.dumps(result, ensure_ascii=False))
        return
    _print_hits(result, query)


def _require_utf8(text: str, what: str) -> None:
    """Text from a terminal in another encoding (Latin-1's »æ« is byte 0xe6) reaches Python as surrogate escapes,
    which no index holds and the embedder cannot encode: refused in every mode, with what to change."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        fail(f"{what} is not valid UTF-8 (the terminal sends text in another encoding, such as Latin-1: set its "
             "encoding to UTF-8, or a UTF-8 locale such as LANG=da_DK.UTF-8)")


DECISION_CHARS = 120  # of the decision, in the table


def _print_hits(result: dict, typed: str) -> None:
    """The hits as a table, headed by the query as typed (the result's `query` is what was left to search once
    a case filter was taken out of it: »sag:23-001882« leaves '')."""
    from corpus.textclean import ELLIPSIS, collapse_spaces, cut_at_word

    total = result["total"]
    title = f"{total} {'result' if total == 1 else 'results'} for {typed!r} ({result['mode']})"
    table = Table(title=Text(title), show_lines=False)  # Text: a title or query is never markup
    explained = any("explain" in hit for hit in result["hits"])
    sides = ("keyword", "semantic")
    for column in ("#", "date", "body", "no.", "title", "decision", *(("score", *sides) if explained else ())):
        table.add_column(column, overflow="fold")
    for n, hit in enumerate(result["hits"], start=result["offset"] + 1):
        decision = ("Lukket punkt" if hit.get("restricted")
                    else cut_at_word(collapse_spaces(hit["decision"] or ""), DECISION_CHARS, ELLIPSIS))
        row = [str(n), hit["meeting_date"], hit["body"], str(hit["item_number"]), hit["title"], decision]
        if explained:  # each side's rank and score for this hit, "–" where that side did not find it
            found = hit.get("explain") or {}
            row += [f"{hit['score']:.3f}", *(f"#{found[side]['rank']} ({found[side]['score']:g})"
                                            if side in found else "–" for side in sides)]
        table.add_row(*map(Text, row))
    if result["hits"]:
        out.print(table)
    else:
        out.print(title, markup=False)
    if result.get("by_meaning_only"):
        out.print("No item holds these words; the hits are found by meaning alone.")
    if result.get("as_minutes"):
        first = "oldest" if result.get("oldest_first") else "newest"
        out.print(f"Listed as the minutes run: the committees and meetings named first, {first} meeting first, "
                  "in agenda order.")
    if result.get("did_you_mean"):
        out.print(f"Did you mean: {result['did_you_mean']}", markup=False)


@app.command("eval")
def evaluate(
    name: Annotated[str, typer.Argument(metavar="QUERIES", help="Relevance judgments, JSON lines")],
    mode: Annotated[str, typer.Option(
        help="all | hybrid | keyword | semantic | peer-bm25s | peer-e5 | peer-rrf")] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """nDCG@10, Recall@10 and MRR@10 per search mode and plain peer, overall and per query kind."""
    from evaluation.peers import PeerUnavailable
    from evaluation.runner import expand, run_eval
    from index.vectors import IndexMismatch

    queries = _one_file(name, "eval reads one judgments file, a query per line as JSON (`minutes eval QUERIES.jsonl`)")
    _require_minutes()
    try:
        names = expand(mode)
    except ValueError as exc:
        fail(str(exc))
    try:
        with _progress(rate=True) as bar:
            text, data = run_eval(_reading_engine(keyword_fast_path="wait"), queries, names, log=_log,
                                  progress=_lazy_task(bar, "peer-e5: embedding head texts"))
    except (ValueError, IndexMismatch) as exc:
        fail(str(exc))
    except PeerUnavailable as exc:
        fail(str(exc), 1)
    _emit(data, text, as_json)


@app.command("eval-typos")
def evaluate_typos(
    words: Annotated[int, typer.Option(min=1, help="Title words to misspell")] = 60,
    mode: Annotated[str, typer.Option(help="all | hybrid | keyword | semantic | peer-bm25s")] = "all",
    lengths: Annotated[str, typer.Option(help="Word lengths to sample: 9- (9 letters and up), 5-8, 6")] = "9-",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """How much of a word's top 3 a one-letter misspelling keeps, per mode and beside plain bm25s, and how often
    its »Mente du« is the word meant."""
    from evaluation.peers import PeerUnavailable
    from evaluation.typos import NAMES, run_typos

    _require_minutes()
    names = list(NAMES) if mode == "all" else [mode]
    if not (shape := re.fullmatch(r"\s*(\d+)\s*(-)?\s*(\d+)?\s*", lengths)) or int(shape[1]) < 4 or (
            shape[3] and int(shape[3]) < int(shape[1])):
        fail(f"--lengths takes a length or a range of them, from 4 letters (9-, 5-8, 6), not {lengths!r}")
    shortest = int(shape[1])
    longest = int(shape[3]) if shape[3] else None if shape[2] else shortest
    try:
        text, data = run_typos(_reading_engine(keyword_fast_path="wait"), names, words, log=_log,
                               lengths=(shortest, longest))
    except ValueError as exc:
        fail(str(exc))
    except PeerUnavailable as exc:
        fail(str(exc), 1)
    _emit(data, text, as_json)


def _lazy_task(bar: Progress, description: str):
    """A progress callback whose bar appears only once something reports progress."""
    task = None

    def progress(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            task = bar.add_task(description, total=total)
        bar.update(task, completed=done, total=total)

    return progress


@app.command()
def bench(
    corpus: Annotated[Optional[list[Path]], typer.Option(help="Corpus to benchmark on [default: bundled]")] = None,
    scale: Annotated[int, typer.Option(min=0, help="Also test N× synthetic copies")] = 0,
    embed_limit: Annotated[int, typer.Option(
        min=-1, help="Passages to embed for real; the rest get synthetic vectors (-1: all)")] = 1000,
    repeats: Annotated[int, typer.Option(min=1, help="Warm passes over the query list")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Throughput, build times, query latency p50/p95/p99 per mode, peak RSS; peers: bm25s and numpy."""
    from bench.runner import run_bench

    if missing := [str(p) for p in corpus or [] if not p.exists()]:
        fail(f"no such file or folder: {', '.join(missing)}")
    try:
        data, text = run_bench(state.settings, corpus, scale,
                               embed_limit=None if embed_limit < 0 else embed_limit, repeats=repeats)
    except ValueError as exc:  # a corpus without minutes
        fail(str(exc))
    _emit(data, text, as_json)


def _emit(data: dict, text: str, as_json: bool) -> None:
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False))
    else:
        out.print(text, highlight=False, markup=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Worker processes, each with its own caches, on the same data directory")] = 1,
) -> None:
    """Run the HTTP service; on an empty data directory, ingest the bundled corpus first."""
    import os

    if not host.strip():  # uvicorn would listen on every interface
        fail("--host is empty; give an interface (127.0.0.1, or 0.0.0.0 for every one)")

    import uvicorn

    from api.app import check_settings, create_app
    from api.bootstrap import ensure_bundled_corpus
    from corpus.store import StoreUnavailable
    from search.engine import freeze_long_lived

    try:  # before the store is opened, filled or caught up with, and before any worker starts
        check_settings(state.settings)
    except ValueError as exc:  # a JWKS file that cannot be read, '*' allowed credentials, …: named
        fail(str(exc))
    engine = _engine()
    try:
        ensure_bundled_corpus(engine, log=_log, ingest=lambda paths: _ingest_with_progress(engine, paths),
                              sync=lambda: _sync_with_progress(engine, embeddings=engine.settings.embeddings))
    except StoreUnavailable as exc:
        fail(str(exc))
    if workers == 1:
        app = create_app(engine)
        freeze_long_lived()
        # proxy_headers off: the app reads forwarded headers itself, after noting who connected (KeepPeer)
        uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
        return
    engine.store.close()
    os.environ["MINUTES_DATA_DIR"] = str(state.settings.data_dir)  # the workers read their settings from it
    from api import workers as supervisor  # each worker on a socket of its own (api/workers.py)

    supervisor.run(uvicorn.Config("api.app:worker_app", factory=True, workers=workers, host=host, port=port,
                                  log_level="info", proxy_headers=False))


if __name__ == "__main__":
    app()
