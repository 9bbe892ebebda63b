"""Labels and headings written without æ, ø, å: »Moedested:«, »Moedetid:«, »Oekonomi«, »Mødet afsluttet« as
»Moedet afsluttet«. Exports passed through a system or a mail that knew only ASCII write the Danish letters
as ae, oe, aa; the minutes keep their layout, so a reader that knows »Mødested:« should know them too.

The readers' tables stay written in Danish; their patterns are widened once, where they are compiled
(`either_spelling`), and plain words are compared in one folded form (`fold`). The text itself is kept
as written: only what the parser recognises changes.
"""
from __future__ import annotations

TWO_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}


def fold(text: str) -> str:
    """Lower-cased, æ, ø, å written as ae, oe, aa: »Mødested« and »MOEDESTED« both give »moedested«."""
    return text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def either_spelling(pattern: str) -> str:
    """A regular expression's source with each æ, ø, å outside a character class also matching its two
    letters: r"mødet (er )?afsluttet" -> r"m(?:ø|oe)det (er )?afsluttet". A class (»[a-zæøå]«) already
    names single letters and is left as it is."""
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in TWO_LETTERS:
            out.append(f"(?:{ch}|{TWO_LETTERS[ch]})")
            continue
        out.append(ch)
    return "".join(out)
