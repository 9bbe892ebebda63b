"""`minutes eval-typos`: how much of a word's results survive a one-letter misspelling, per mode and peer.

No judgments needed, so it runs on any corpus: for each sampled word, the correct spelling's top 3 in a
mode (or peer) is the reference for that same mode's top 3 on the misspelling; the score is the share of
the reference kept. Beside it, the »Mente du« each misspelling gets (`did_you_mean`): the share that reads
as the word meant (the same index term), another word, or none. Words: title words of 9 letters or more
(or the lengths asked) that stand in at most 30 items' titles (specific words, where a top 3 means
something), a fixed-seed sample. Misspellings, one of each kind per
word: a letter doubled, dropped, swapped with the next, or changed (vowel for vowel, consonant for
consonant), after the first two letters; and a fifth, `early`: one of those four within the first two
letters, where typos are rarer and the fuzzy matcher's automata do not look (index/keyword_query.py
writes those edits out). The early misspellings draw on a random stream of their own, so the other
four kinds are the same words misspelt the same way as before they were added.

Beside them, `apart`: each sampled word the lexicon reads as a compound of two words, typed as those two
words (»affaldsplan« as »affalds plan«, »Strandskolen« as »strand skolen«), as Danish searchers often
write compounds (særskrivning). It is no one-letter misspelling, so it stands in a column of its own, over
the compounds among the words, and `all` stays the mean of the five misspellings.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence

from evaluation.judgments import HitRef
from evaluation.peers import Items, search_fns
from evaluation.runner import MODES, mode_search
from index.analysis import LINKING, compound_split, normalise
from search.engine import Engine
from search.request import SearchRequest

KINDS = ("doubled", "dropped", "swapped", "changed", "early")
EDITS = KINDS[:4]  # what `early` does, within the first two letters
APART = "apart"  # a compound typed as two words: a column beside the misspellings, not in their `all`
TOP = 3
MIN_LEN = 9
MAX_TITLES = 30
SEED = 7
NAMES = (*MODES, "peer-bm25s")  # what it runs: our modes and the plain keyword peer
VOWELS = "aeiouyæøå"
CONSONANTS = "bcdfghjklmnprstv"
_WORD = re.compile(r"[^\W\d_]+")


def misspell(word: str, kind: str, rng: random.Random) -> str:
    """`word` with one letter misspelt, in the way `kind` names: after its first two letters, or for
    `early` one of the other kinds that changes the first two; never `word` itself."""
    if kind == "early":  # the first kind, in random order, that can change them (»aa…« cannot be doubled)
        for kind in rng.sample(EDITS, len(EDITS)):
            if positions := [i for i in (0, 1) if _edit(word, kind, i, "x")[:2] != word[:2]]:
                break
    else:
        positions = [i for i in range(2, len(word) - 1) if kind != "swapped" or word[i] != word[i + 1]]
    i = rng.choice(positions or [len(word) - 2])
    pool = VOWELS if word[i] in VOWELS else CONSONANTS
    return _edit(word, kind, i, rng.choice([c for c in pool if c != word[i]]) if kind == "changed" else "")


def _edit(word: str, kind: str, i: int, letter: str) -> str:
    if kind == "doubled":
        return word[:i] + word[i] + word[i:]
    if kind == "dropped":
        return word[:i] + word[i + 1:]
    if kind == "swapped":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "changed":
        return word[:i] + letter + word[i + 1:]
    raise ValueError(f"unknown misspelling kind: {kind}")


def apart(word: str) -> str | None:
    """A compound typed as two words at its joint, a linking -s- or -e- kept with the first (»affaldsplan«:
    »affalds plan«), where the lexicon reads it as two (`index.analysis.compound_split`); else None."""
    pieces = compound_split(word)
    if len(pieces) != 2:
        return None
    modifier, head = pieces
    for joint in range(len(word) - 2, 1, -1):  # the shortest head first: »engmarksvej« is »engmarks vej«
        left, right = word[:joint], word[joint:]
        if normalise(right) == head and modifier in {normalise(left), *(normalise(left[:-1]) for link in LINKING
                                                                         if left.endswith(link))}:
            return f"{left} {right}"
    return None


def sample_words(titles: Sequence[str], n: int, seed: int = SEED, lengths: tuple[int, int | None] = (MIN_LEN, None)
                 ) -> list[str]:
    """Up to n title words of `lengths` letters (shortest, longest or None: MIN_LEN and up) found in
    1..MAX_TITLES titles, lower-cased, fixed sample."""
    shortest, longest = lengths
    counts = Counter(w for title in titles for w in {w.lower() for w in _WORD.findall(title)
                                                       if shortest <= len(w) <= (longest or len(w))})
    words = sorted(w for w, c in counts.items() if c <= MAX_TITLES)
    return sorted(random.Random(seed).sample(words, min(n, len(words))))


def run_typos(engine: Engine, names: Sequence[str], words: int = 60, log: Callable[[str], None] | None = None,
              lengths: tuple[int, int | None] = (MIN_LEN, None)) -> tuple[str, dict]:
    """Share of each correct spelling's top 3 kept by its misspellings, per kind, for each named mode/peer;
    and how often the misspellings' »Mente du« reads as the word meant."""
    items = Items.load(engine.store)
    if not items.ids:
        raise ValueError(f"the data directory {engine.data_dir} holds no minutes to evaluate: "
                         "add them with `minutes ingest PATH`")
    if unknown := [n for n in names if n not in NAMES]:
        raise ValueError(f"eval-typos runs {', '.join(NAMES)}, not {', '.join(unknown)}")
    fns: dict[str, Callable[[str], list[HitRef]]] = {n: mode_search(engine, n) for n in names if n in MODES}
    if "peer-bm25s" in names:
        fns.update(search_fns(["peer-bm25s"], items, lambda: None, TOP))
    sample = sample_words([s.item.title for s in items.stored], words, lengths=lengths)
    if not sample:  # a table of empty rows would read as a measurement
        shortest, longest = lengths
        span = f"{shortest} or more" if longest is None else f"{shortest}–{longest}" if longest > shortest else shortest
        raise ValueError(f"no title word of {span} letters to misspell (one in at most {MAX_TITLES} titles); "
                         "try other --lengths")
    rng, early = random.Random(SEED), random.Random(SEED + 1)
    typos = {word: {kind: misspell(word, kind, rng) for kind in EDITS} for word in sample}
    for word in sample:
        typos[word]["early"] = misspell(word, "early", early)
    split = {word: typed for word in sample if (typed := apart(word))}
    kept: dict[str, dict[str, list[float]]] = {n: {k: [] for k in (*KINDS, APART)} for n in names}
    for name in names:
        search = fns[name]
        for word, wrong in typos.items():
            reference = set(search(word)[:TOP])
            if not reference:
                continue
            for kind, typo in (*wrong.items(), *([(APART, split[word])] if word in split else [])):
                kept[name][kind].append(len(reference & set(search(typo)[:TOP])) / len(reference))
        if log:
            log(f"{name}: {len(sample)} words, {len(KINDS)} misspellings each; {len(split)} compounds typed apart")
    data = {"words": len(sample), "compounds": len(split), "lengths": list(lengths), "top": TOP,
            "kept": {n: {**{k: _mean(kinds[k]) for k in KINDS}, "all": _mean(sum((kinds[k] for k in KINDS), [])),
                         APART: _mean(kinds[APART])}
                     for n, kinds in kept.items()},
            "suggested": suggestions(engine, typos),
            "examples": {w: {**typos[w], **({APART: split[w]} if w in split else {})} for w in sample[:5]}}
    return format_table(data), data


def suggestions(engine: Engine, typos: dict[str, dict[str, str]]) -> dict:
    """The share of misspellings whose »Mente du« reads as the word meant (the same index term: »skolen« for
    »skole« counts), as another word, or is not offered (the misspelling may be a word, or nothing is near),
    and the first wrong ones."""
    counts, wrong = Counter(), []
    for word, misspelt in typos.items():
        for typo in misspelt.values():
            request = SearchRequest.build(q=typo, mode="keyword", limit=1, settings=engine.settings)
            offered = engine.search(request)["did_you_mean"]
            verdict = "none" if offered is None else "right" if normalise(offered) == normalise(word) else "wrong"
            counts[verdict] += 1
            if verdict == "wrong" and len(wrong) < 10:
                wrong.append([word, typo, offered])
    total = sum(counts.values()) or 1
    return {**{v: round(counts[v] / total, 3) for v in ("right", "wrong", "none")}, "wrong_examples": wrong}


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else 0.0


def format_table(data: dict) -> str:
    head = f"{'':12s}" + "".join(f"{k:>9s}" for k in (*KINDS, "all", APART))
    rows = [f"{name:12s}" + "".join(f"{shares[k]:9.3f}" for k in (*KINDS, "all", APART))
            for name, shares in data["kept"].items()]
    shortest, longest = data["lengths"]
    letters = f"{shortest}-{longest}" if longest else f"{shortest}+"
    said = data["suggested"]
    return "\n".join([f"share of the correct spelling's top {data['top']} kept by a one-letter misspelling "
                      f"({data['words']} title words of {letters} letters); {APART}: by a compound typed as two "
                      f"words ({data['compounds']} of them)", head, *rows,
                      f"»Mente du« on these misspellings: the word meant {said['right']:.3f}, another word "
                      f"{said['wrong']:.3f}, none {said['none']:.3f}"])
