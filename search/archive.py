"""What the archive holds, for the first page: committees, period, counts, and example searches.

The examples come from the archive itself: names that agenda-item titles share. Danish capitalises
only names, so a run of capitalised words after a title's first word ("KKR Midtjylland", "Europæisk
Kulturregion") names a place, a body or a project; the runs that the most titles mention make the
examples. Committee names, and names in so many titles that they narrow nothing down, are left out.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Protocol

WORD = re.compile(r"[^\W\d_][\w-]*")
MIN_LETTERS = 4  # of a one-word example: shorter capitalised words are mostly abbreviations (KL, IT)
MAX_WORDS = 3  # longer runs are rarely a name
COMMON_SHARE = 0.2  # a name in more than this share of titles narrows nothing down (the municipality's own)
PARTS = re.compile(r"[,:.;?!()\[\]'\"«»“”–—/]|\s-\s")  # a title's parts: each starts with a capital of its own


class TitleFacts(Protocol):
    meeting_id: str
    title: str
    body: str
    date: str


def overview(facts: Iterable[TitleFacts], examples: int = 4) -> dict:
    facts = list(facts)
    meetings: dict[str, tuple[str, str]] = {f.meeting_id: (f.body, f.date) for f in facts}
    per_body = Counter(body for body, _ in meetings.values())
    dates = sorted(date for _, date in meetings.values())
    return {
        "meetings": len(meetings),
        "items": len(facts),
        "bodies": [{"name": name, "meetings": n} for name, n in sorted(per_body.items(), key=lambda b: (-b[1], b[0]))],
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "examples": example_searches([f.title for f in facts], set(per_body), examples),
    }


def example_searches(titles: list[str], bodies: set[str], n: int) -> list[str]:
    """The n names that the most titles mention (each title counted once per name)."""
    names: dict[str, str] = {}  # casefolded -> as first written
    as_name: Counter[str] = Counter()  # casefolded name -> titles that have it where a name stands
    mentions: Counter[str] = Counter()  # casefolded word run -> titles that have it anywhere
    for title in titles:
        runs = _name_runs(title)
        for run in runs:
            names.setdefault(run.casefold(), run)
        as_name.update({run.casefold() for run in runs})
        words = [w.casefold() for w in WORD.findall(title)]
        mentions.update({" ".join(words[i:i + k]) for k in range(1, MAX_WORDS + 1) for i in range(len(words) - k + 1)})
    committees = " | ".join(b.casefold() for b in bodies)
    too_common = max(2, len(titles) * COMMON_SHARE)
    candidates = {key for key in names
                  if key.removesuffix("s") not in committees and mentions[key] <= too_common
                  and as_name[key] * 2 >= mentions[key]}  # mostly a name, not a word that opens a part
    # a word that a longer name mentioned twice or more contains ("Midtjylland" in "KKR Midtjylland") gives way
    longer = [key for key in candidates if " " in key and mentions[key] >= 2]
    candidates = {key for key in candidates if " " in key or not any(key in k.split() for k in longer)}
    ranked = sorted(candidates, key=lambda key: (-mentions[key], -len(key.split()), key))
    return [names[key] for key in ranked[:n]]


def _name_runs(title: str) -> list[str]:
    """Runs of capitalised words after the first word of each part of the title (up to MAX_WORDS words)."""
    runs = []
    for part in PARTS.split(title):
        current: list[str] = []
        for i, m in enumerate(WORD.finditer(part)):
            word = m.group()
            if i > 0 and word[0].isupper():
                current.append(word)
                continue
            if current:
                runs.append(" ".join(current))
            current = []
        if current:
            runs.append(" ".join(current))
    return [r for r in runs if len(r.split()) <= MAX_WORDS and not r.endswith("-")  # "Social- og …": a part
            and (" " in r or sum(c.isalpha() for c in r) >= MIN_LETTERS)]
