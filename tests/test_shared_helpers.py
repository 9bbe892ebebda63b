"""The small helpers every layer shares: whitespace, word-boundary cuts, the write lock."""
from __future__ import annotations

import multiprocessing
import threading
import time

from conftest import SAMPLES

from corpus.locks import WriteLock
from corpus.readers import read_meetings
from corpus.textclean import ELLIPSIS, collapse_spaces, cut_at_word
from index.passages import head_text

HEAD_CHARS = 1200


def test_collapse_spaces_folds_every_kind_of_whitespace():
    assert collapse_spaces("  Punkt\t1:\n\n Lægevagten \u00a0 og\u2003regionen \r\n") == "Punkt 1: Lægevagten og regionen"
    assert collapse_spaces(None) == "" and collapse_spaces(" \n ") == ""


def test_cut_at_word_keeps_whole_words_and_marks_the_cut():
    text = "KD-Net drøftede sagen, og der var opbakning til at kommunerne fortsat ikke forhandler"
    assert cut_at_word(text, len(text), ELLIPSIS) == text  # fits: unchanged, no ellipsis
    cut = cut_at_word(text, 24, ELLIPSIS)
    assert cut == "KD-Net drøftede sagen…"  # back to a space, the comma dropped before the ellipsis
    assert cut_at_word(text, 24) == "KD-Net drøftede sagen,"  # without an end nothing is dropped
    assert cut_at_word("Ordinært" + "x" * 40 + " møde", 30, ELLIPSIS) == "Ordinært" + "x" * 22 + ELLIPSIS


def test_cuts_on_the_bundled_minutes_stay_within_the_limit_at_a_word_end():
    texts = [collapse_spaces(s.text) for path in sorted(SAMPLES.glob("*.txt"))
             for m in read_meetings(path.read_bytes(), path.name) for item in m.items for s in item.sections]
    long = [t for t in texts if len(t) > 200]
    assert len(long) > 50
    for text in long:
        cut = cut_at_word(text, 200, ELLIPSIS)
        assert len(cut) <= 201 and cut.endswith(ELLIPSIS)
        kept = cut[:-1]
        assert text.startswith(kept) and text[len(kept)] in " ,.;:–-"  # ended where a word ended


def test_head_text_cuts_the_body_at_a_word(sample_meetings):
    items = [item for m in sample_meetings for item in m.items]
    heads = [head_text(item, HEAD_CHARS) for item in items]
    assert any(len(h) > HEAD_CHARS for h in heads)
    for item, head in zip(items, heads):
        body = collapse_spaces(" ".join(s.text for s in item.sections if s.text))
        if len(body) > HEAD_CHARS:
            title = collapse_spaces(item.title).rstrip(" .:")
            kept = head.removeprefix(f"{title}. ")
            assert len(kept) <= HEAD_CHARS and body.startswith(kept) and body[len(kept)] == " "


def _hold(folder, entered, release):
    with WriteLock(folder):
        entered.set()
        release.wait(30)


def test_write_lock_keeps_a_second_process_out_and_is_reentrant_in_the_holder(tmp_path):
    lock = WriteLock(tmp_path / "data")
    with lock, lock:  # re-entrant: an ingest that syncs takes it twice
        assert (tmp_path / "data" / "write.lock").exists()
    ctx = multiprocessing.get_context("spawn")
    entered, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(tmp_path / "data", entered, release))
    holder.start()
    try:
        assert entered.wait(60)
        got = threading.Event()

        def take():
            with WriteLock(tmp_path / "data"):
                got.set()

        waiter = threading.Thread(target=take, daemon=True)
        waiter.start()
        time.sleep(0.5)
        assert not got.is_set()  # the other process holds it
        release.set()
        assert got.wait(30)
    finally:
        release.set()
        holder.join(30)
