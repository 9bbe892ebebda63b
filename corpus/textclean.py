"""Cleaning text: decomposed letters and mojibake as text is decoded; page headers/footers, tables of
contents and markup in extracted minutes before parsing; and the two small helpers every layer uses,
collapse_spaces() and cut_at_word().

Page furniture is found by its shape, not by a list of municipalities: a "Side N (af M)" line, the lines
right above it that repeat above most such markers, and the lines right below it that stand at the same
place below most of them (the next page's running header under a footer's page number).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any
from xml.etree.ElementTree import Element

from ftfy import fix_encoding

from corpus.dates import MONTHS
from corpus.model import DropReason, Dropped
from corpus.sections import known_heading
from corpus.spelling import fold

PAGE_MARKER = re.compile(r"^\s*(?:.*//\s*)?(side|page)\s+\d+(\s*(af|of|/)\s*\d+)?\s*$"
                         r"|^\s*\d{1,3}\s+(af|of)\s+\d{1,3}\s*$|^\s*\d{1,3}\s+/\s+\d{1,3}\s*$", re.IGNORECASE)
# (»2 / 3« alone on its line: a page's number, as a PDF's footer prints it)
# How an entry of a table of contents opens, in any of the items' heading forms (»Sag nr. 2: Titel⇥4«; four
# digits only with a dot: »2021    Plejefamilie    41« is a table's row by year)
TOC_ENTRY = (r"^\s*((?:Punkt|PUNKT|Pkt\.|PKT\.|Sag\s+nr\.?|SAG\s+NR\.?)\s*\d{1,4}\s*[:.\-–]?\s|[-•]?\s*\d{1,3}\.?\s"
             r"|[-•]?\s*\d{4}\.\s)")
TOC_PAGE = r"(\t|[ \xa0]{2,}|\.{4,}|…{2,})\s*(\d{1,3})\s*$"  # and ends: a tab, spaces or dot leaders, a page
TOC_LINE = re.compile(TOC_ENTRY + ".*" + TOC_PAGE)
# a table row's number between cells, a tab or spaces apart (»155 Dragør⇥14.609⇥471«)
NUMBER_CELL = re.compile(r"(\t|[ \xa0]{2,})\s*\d[\d\s.,%+-]*\t")
TOC_OPENING, TOC_ENDING = re.compile(TOC_ENTRY + r"\s*\S"), re.compile(TOC_PAGE)
TOC_NUMBER = re.compile(TOC_ENTRY)  # (an entry's number, before its title)
PRESENTED = re.compile(r"\s+(?:/v\.?/?|v\.|\(v\.)\s+[A-ZÆØÅ]")  # a heading's presenter: »… v. Jesper Kaas Schmidt«
SPACED_PAGE = re.compile(r"(?<=\S)( )(\d{1,3})\s*$")  # a page number one space after the title (`_spaced_entries`)
DATE_OPENING = re.compile(r"^\s*\d{1,2}\.\s+(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)  # »14. april …«
TOC_WRAP = 2  # lines an entry's title may wrap onto, the last holding the page number
CONTENTS_HEADINGS = ("indhold", "indholdsfortegnelse")  # the line above a table of contents (compared folded)
# The headings of the open and the closed part of an agenda (compared folded): no title or name goes on into one
PART_HEADINGS = ("åbne punkter", "åben dagsorden", "åbent referat", "åbne sager", "punkter på åben dagsorden",
                 "åben del", "lukket referat", "lukket dagsorden", "lukket møde", "lukkede punkter", "lukkede sager",
                 "punkter på lukket dagsorden", "lukket del",
                 # KMD's »Til behandling - for åbne døre« / »Til behandling - for lukkede døre«
                 "til behandling for åbne døre", "til behandling for lukkede døre", "for åbne døre",
                 "for lukkede døre",
                 # the other publishers' words for the closed part (a board's »Fortrolige punkter«)
                 "fortrolige punkter", "fortrolige sager", "ikke offentlige punkter", "ikke offentlige sager",
                 "sager behandlet for lukkede døre", "punkter behandlet for lukkede døre",
                 # the open agenda's parts as boards and committees head them, unnumbered between items
                 "sager til beslutning", "sager til orientering", "sager til drøftelse", "punkter til beslutning",
                 "punkter til orientering", "punkter til drøftelse",
                 # the parts named by the agenda's points (»## Lukkede dagsordenspunkter«, an intranet's export)
                 *(f"{part} {points}" for part in ("åbne", "lukkede", "fortrolige", "ikke offentlige")
                   for points in ("dagsordenspunkter", "dagsordenpunkter", "sager på dagsordenen")))
# »Åbne punkter«, »ÅBNE PUNKTER:«, »Åbne punkter (fortsat)«, »Aabne punkter - fortsat«, »2. Lukkede
# punkter«, »B. Lukkede punkter«, folded
PART_LINE = re.compile(r"^(?:(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)?(?P<part>[a-z ]+?)"
                       r"\s*(?P<on>[-–(]?\s*fortsat\s*\)?)?\s*:?$")
_PARTS = {fold(heading) for heading in PART_HEADINGS}
CLOSED_PARTS = {part for part in _PARTS if "lukke" in part or "fortrolig" in part or "ikke offentlig" in part}
# Of those, the headings whose words name nothing but the closed part, so that a heading opening with them in any
# wording opens it (»Lukkede punkter (forts.)«, »Lukket referat, fortsat fra side 2«): on the safe side, as
# closing the rest hides no more than it must. »Lukket del« and »Punkter på lukket dagsorden« count only as a
# whole heading right above an item: »Lukket del af vejen«, »Punkter på lukket dagsorden blev behandlet …« are text
CLOSED_HEADINGS = CLOSED_PARTS - {fold(heading) for heading in ("lukket del", "punkter på lukket dagsorden",
                                                                 "til behandling for lukkede døre",
                                                                 "for lukkede døre", "sager behandlet for lukkede døre",
                                                                 "punkter behandlet for lukkede døre",
                                                                 # (»Fortrolige sager« may head a case text's part)
                                                                 "fortrolige punkter", "fortrolige sager",
                                                                 "ikke offentlige punkter", "ikke offentlige sager")}
CLOSED_PART = re.compile(r"^(?:(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)?"
                         rf"(?:{'|'.join(sorted(CLOSED_HEADINGS))})(?![a-z])")
# The words that mark an item closed: »Lukket«, and as other publishers write it »Fortroligt« and »Ikke
# offentligt« (»Ikke offentlig«), each perhaps with »punkt« or »sag« after it. »Lukket« may run into the title
# (»Lukket Salg af grund«, as FirstAgenda prints it); the others, which also begin ordinary titles (»Ikke offentligt
# tilgængelige data«), mark a title only in parentheses or set off by a colon or dash (»Fortroligt: …«)
OTHER_CLOSED_WORD = r"(?:fortroligt?|ikke[- ]offentligt?)"
CLOSED_WORD = rf"(?:lukket|{OTHER_CLOSED_WORD})"
# (»Lukket pkt.«, »Lukket behandling«, »(Lukket møde)«)
CLOSED_MARK = rf"{CLOSED_WORD}(?: punkt| pkt\.?| sag| behandling| møde)?"
OPEN_MARK = r"åbent?(?: punkt| sag)?"  # an open item's access as a badge or a column (»Åbent punkt«, »Åben«)
# A closed item's marker, a line of its own above or under the item's heading: »Lukket punkt«, »(Lukket)«,
# »Lukket punkt:«, »Fortroligt«, »Ikke offentligt punkt«, also naming the law that closes it (»Lukket punkt jf.
# kommunestyrelseslovens § 10, stk. 2«, »Lukket punkt, jf. forvaltningslovens § 32.«)
LEGAL_GROUND = r"(?:,?\s*(?:jf\.?|jævnfør|i henhold til|iht\.)\s+\S[^\n]{0,100}?)"
CLOSED_LINE = re.compile(rf"^[(\[]?{CLOSED_MARK}{LEGAL_GROUND}?[)\]]?\s*[:.]?$", re.IGNORECASE)
# An open item's access alone: a badge or a cell beside its title (»Åbent punkt«, »(Åben)«)
OPEN_LINE = re.compile(rf"^\(?{OPEN_MARK}\)?$", re.IGNORECASE)
# The marker opening a title, with what sets it off (»Lukket punkt: «, »(Fortroligt) «, »Ikke offentligt - «).
# »Lukket« running into the title marks it only before the title's capital (»Lukket Salg af grund«): before a
# small letter it is the title's own word (»Lukket vej ved Strandskolen«, »Lukket skole i Tune - høring«)
CLOSED_PREFIX = re.compile(rf"^\s*(?:\(?lukket(?: punkt| sag)?\b\)?\s*[:\-–]|[(\[]lukket(?: punkt| sag)?[)\]]|lukket punkt\b"
                           r"|lukket(?=\s+(?-i:[^\s\wæøå]*[A-ZÆØÅ0-9])|\s*$)"
                           rf"|\(\s*{OTHER_CLOSED_WORD}(?: punkt| sag)?\s*\)"
                           rf"\s*[:\-–]?|{OTHER_CLOSED_WORD}(?: punkt| sag)?\s*[:\-–])\s*", re.IGNORECASE)
# The marker ending a title: »… (Lukket)«, »… - lukket punkt«, »… (Fortroligt)«; a badge beside the title, as a
# web page printed or a Word heading's own run gives it: in capitals after a title that is not (»Salg af grund
# LUKKET«; »SVØMMEHALLEN I TUNE FORBLIVER LUKKET« is a title), or set apart by a tab or more than one space (»Salg
# af grund  Lukket«). Not »Lukket« after one space: »Dispensation til Restaurant Lukket« is a title
CLOSED_SUFFIX = re.compile(rf"(?:\s*[-–(\[]\s*{CLOSED_MARK}\s*[)\]]?|(?-i:(?<=[a-zæøå0-9.)])\s+LUKKET(?: PUNKT| SAG)?)"
                           rf"|(?:\t|\s{{2,}})\s*(?-i:(?=[A-ZÆØÅ(]))\(?{CLOSED_MARK}\)?"
                           r"|\s*\(\s*ikke til offentliggørelse\s*\)|\s*\U0001F512\uFE0F?)\s*$", re.IGNORECASE)
# The item's access as a labelled value among the facts under its title (a Word item table's row »Status: |
# Lukket«, »Adgang: Fortroligt«)
# A label set beside its value in two columns prints without the colon (»Status Lukket«): then the label is capitalised
# (»Behandling: Lukket«), or saying no to being public (»Offentlig: Nej«)
CLOSED_STATUS = re.compile(rf"^(?:(?:(?:status|adgang|åben/lukket|åben eller lukket|offentlighed|behandling)\s*[:\t]\s*"
                           rf"|(?-i:Status|Adgang|Offentlighed)\s+)\(?{CLOSED_MARK}\)?"
                           r"|(?:offentlig|offentligt|åben|åbent punkt)\s*[:\t]\s*nej)\.?$", re.IGNORECASE)
# A sentence first under an item's title saying that it was dealt with behind closed doors: »Punktet er
# lukket.«, »Sagen blev behandlet for lukkede døre.«, »Behandles for lukkede døre«. Only under the title: at the
# end of an item it may speak of that item, so unlike a marker line it is never taken to mark the next one
# (»Punktet er lukket.«, »Behandles for lukkede døre«, »Punktet behandles på lukket møde.«, »Behandles for lukket
# dør«, »Sagen behandles lukket«, »Punktet er fortroligt.«)
BEHIND_CLOSED_DOORS = (r"(?:for\s+lukke(?:de|t)\s+døre?|på\s+lukket\s+møde|i\s+lukket\s+møde"
                       r"|som\s+lukket(?:\s+(?:punkt|sag))?|lukket)")  # (»Sagen behandles som lukket punkt.«)
CLOSED_NOTICE = re.compile(r"^(?:lukket\s+(?:punkt|sag)\s*[.:\-–]\s*(?=\w))?"  # (»Lukket punkt. Sagen er behandlet …«)
                           r"(?:ikke\s+til\s+offentliggørelse|(?:punktet|sagen)\s+(?:(?:er|blev)\s+"
                           r"(?:lukket(?:\s+for\s+(?:pressen\s+og\s+)?offentligheden)?|fortroligt?|ikke\s+offentligt?"
                           r"|undtaget\s+fra\s+(?:offentlighed|aktindsigt))"  # (»Punktet er lukket for offentligheden.«)
                           rf"|(?:er\s+|blev\s+)?behandle[st]\s+{BEHIND_CLOSED_DOORS})"
                           rf"|behandle[st]\s+{BEHIND_CLOSED_DOORS})\s*\.?$", re.IGNORECASE)
# What a running header naming the closed part leaves in the text (eDoc prints »Lukket referat« atop each page
# of it): a line the readers take for blank, where the closed part begins (the header itself is furniture)
CLOSED_PAGE = "\ue001"  # a private-use character, as parse.MARK
# The open parts whose heading may say the agenda goes on after a closed part (»Åbne sager« may also head a list
# of pending cases inside a closed item)
REOPENING = {fold(heading) for heading in ("åbne punkter", "åben dagsorden", "åbent referat",
                                           "punkter på åben dagsorden", "åben del")}
# KMD's open part, which no page of the closed part is headed with: it ends the closed part without »fortsat«
REOPENS = {fold(heading) for heading in ("til behandling for åbne døre", "for åbne døre")}
LAYOUT_TAGS = re.compile(r"</?(p|ul|ol|li|br|span|div|strong|em|b|i|u|table|tbody|thead|tr|td|th|h[1-6])\b[^>]*>",
                         re.IGNORECASE)
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TABLE_RULE = re.compile(r"^[\s\-|=+\t]{4,}$")
# a line ending in a page's number, a tab or a wide gap before it (`_page_apart`)
NUMBER_BESIDE = re.compile(r"^(?P<text>.*\S)(?:(?:\t|[ \xa0]{2,})\s*(?P<page>(?:side|page)\s+\d{1,3}\s*(?:af|of|/)\s*\d{1,3})"
                           r"|\s+[|·]\s+(?P<short>(?:side|page)\s+\d{1,3}(?:\s*(?:af|of|/)\s*\d{1,3})?))\s*$",
                           re.IGNORECASE)  # (»Økonomiudvalget | 11-04-2024 | Side 2«, a footer's parts set apart)
INLINE_PAGE = re.compile(r"(?<=\S)\s+side\s+\d+\s+af\s+\d+\s+(?=\S)", re.IGNORECASE)
# What UTF-8's æ, ø, å, é (Ã), other Latin-1 signs (Â) and dashes, quotes, € (â) begin with, read as cp1252
MOJIBAKE_LEADS = "ÃÂâ"
HEADER_LOOKBACK = 6
# A line a page opens with that starts an item (»3. Orientering«, »823. Budget«, »4   Eventuelt«, a number
# alone): a new heading, never the rest of the sentence the page before ended in (»… 7 stemmer mod« / »2 fra Ø«,
# »… med stemmerne« / »4 For og 2 Imod«)
ITEM_OPENING = re.compile(r"^\d{1,4}(?:\.?\s*$|\.\s+[A-ZÆØÅ0-9\"'«»„(]|(?: {2,}|\t)[A-ZÆØÅ])")
# Text a page can end in that is the minutes' own, however often it ends one (»Godkendt.«): a running header
# or footer is a name, a date, a title (»Referat«), not a sentence, unless it holds a figure (»Kultur- og
# Fritidsudvalget 14-05-2024. Referatet er godkendt digitalt.«)
SENTENCE_END = (".", "!", "?")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a str holds a surrogate only alone (JSON joins pairs)
ELLIPSIS = "…"
CUT_PUNCTUATION = " ,.;:–-"  # dropped before an ellipsis, so a cut reads "sagen…", not "sagen, …"


def opens_closed_part(line: str) -> bool:
    """Whether a line heads the agenda's closed part: its heading's words, in a heading (short, no sentence:
    »Lukket møde med borgerne blev holdt den 3. maj.« is text)."""
    text = line.strip()
    return len(text) <= 60 and not text.endswith(".") and CLOSED_PART.match(fold(text)) is not None


def names_closed_part(line: str) -> bool:
    """Whether a line names the agenda's closed part: a heading opening it in any wording (`opens_closed_part`)
    or one of its whole headings (»Lukket del«)."""
    part = part_heading(line)
    return opens_closed_part(line) or part is not None and part[0] in CLOSED_PARTS


def closed_after_part(line: str, closed: bool) -> bool:
    """Whether the agenda's closed part holds the item right under this part heading: it begins at its heading
    and ends only where an open part says it goes on (»Åbne punkter (fortsat)«); a plain open-part heading
    leaves it as it was (eDoc prints »Åbent referat« on the closed part's pages too)."""
    part = part_heading(line)
    goes_on = part is not None and (part[1] and part[0] in REOPENING or part[0] in REOPENS)
    return names_closed_part(line) or closed and not goes_on


def part_heading(line: str) -> tuple[str, bool] | None:
    """The agenda part a line heads (folded, as in PART_HEADINGS) and whether it says the part goes on
    (»(fortsat)«), or None when the line heads no part."""
    m = PART_LINE.match(re.sub(r"\s+[-–—]\s+(?!fortsat)", " ", fold(line.strip())))  # (»Til behandling - for …«)
    if m is None or m.group("part") not in _PARTS:
        return None
    return m.group("part"), m.group("on") is not None


# The Latin ligatures (U+FB00-FB06: »ﬁ«, »ﬂ«, »ﬀ« …; fi and fl also at U+F001-F002) as their letters. A PDF's
# text layer names the glyph a font drew, and fonts draw »fi« in »finansiering« or »fl« in »fleksjob« as one
# (LaTeX, browsers, some Word exports): read as written, the word is »ﬁnansiering«, which no typed query matches.
LIGATURES = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
LIGATURES |= {0xF001: "fi", 0xF002: "fl"}  # where a font maps them to the private use area (Adobe's, Apple's)


def composed(text: str) -> str:
    """Characters in the one form the readers, the index and the query expect: composed (NFC: »å« as one
    character, where macOS and some PDF tools write »a« and a combining ring, which the patterns and the
    tokenizer would split), ligatures as their letters (`LIGATURES`)."""
    return unicodedata.normalize("NFC", text).translate(LIGATURES)


def as_written(text: str) -> str:
    """A decoded text in the one form the readers and the index expect: `composed` and mojibake repaired
    (`repair_mojibake`). A lone surrogate (JSON's »\\ud800«: half a character, which no UTF-8 text can hold)
    becomes U+FFFD, as a decoder marks bytes it cannot read."""
    return repair_mojibake(composed(LONE_SURROGATE.sub("\ufffd", text)))


def as_written_values(value: Any) -> Any:
    """Every text in a parsed JSON document (objects, lists, strings) `as_written`; keys and other values as
    they are. Structured exports are read field by field, so they are composed and repaired there."""
    if isinstance(value, str):
        return as_written(value)
    if isinstance(value, list):
        return [as_written_values(v) for v in value]
    if isinstance(value, dict):
        return {k: as_written_values(v) for k, v in value.items()}
    return value


def as_written_element(root: Element) -> Element:
    """Every text, tail and attribute value of a parsed XML tree `as_written`, in place; `root` returned."""
    for element in root.iter():
        if element.text:
            element.text = as_written(element.text)
        if element.tail:
            element.tail = as_written(element.tail)
        for name, value in element.attrib.items():
            element.attrib[name] = as_written(value)
    return root


def repair_mojibake(text: str) -> str:
    """UTF-8 that was once decoded as Windows-1252 (or Latin-1) and saved again: »MÃ¸de«, »lÃ¦gevagt« ->
    »Møde«, »lægevagt«, as the document was written. ftfy's `fix_encoding` (the well-kept library for this)
    changes only sequences far likelier mojibake than text, so quotes, dashes and a real »Ã« stay as they
    are. The whole text first (the more of it, the surer ftfy is); where a byte was lost on the way (five of
    Windows-1252's bytes have no character) that repairs little, so such a text is repaired line by line
    instead (a copy of the June KD-Net minutes so damaged: 818 of its 4,239 lines still garbled after the
    whole-text pass, 73 line by line). Every mojibake of æ, ø, å, é (and of most non-ASCII) starts with
    Ã, Â or â: a text or line without them is kept as it is, unread."""
    if not any(c in text for c in MOJIBAKE_LEADS):
        return text
    whole = fix_encoding(text)
    if not any(c in whole for c in MOJIBAKE_LEADS):
        return whole
    return "\n".join(fix_encoding(line) if any(c in line for c in MOJIBAKE_LEADS) else line
                      for line in text.split("\n"))


# A line ending in a hyphen goes on in the next one's word (»ikke-« / »planlagte«, »udvik-« / »lingen«), unless
# the next line goes on with the word a suspended compound leads to (»handels-« / »og erhvervsliv«)
HYPHENS = ("-", "\u2010", "\u00ad")  # a hyphen as typed, as a font names it (U+2010), a soft one where it broke
SUSPENDED = re.compile(r"^(?:og|eller|samt|til|som|hhv\.?|henholdsvis|&)\b")


def goes_on_in_word(last: str, line: str) -> bool:
    """Whether `line` goes on in the word that `last` (right-stripped) breaks with a hyphen."""
    return last.endswith(HYPHENS) and line[:1].islower() and not SUSPENDED.match(line) and last[-2:-1].isalnum()


def joined_at_hyphen(last: str, line: str) -> str:
    """`last` and the line that goes on in its word: the hyphen kept (»ikke-planlagte«, »IT-systemer«, and
    »udvik-lingen« where a program hyphenated the word: which hyphen is whose the text cannot tell), a soft
    hyphen (U+00AD), which only marks where the word broke, left out (»udviklingen«)."""
    return last[:-1] + ("" if last.endswith("\u00ad") else "-") + line


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one line: a space between them, but a word broken at a line's end hyphen joined."""
    out = ""
    for line in lines:
        last = out.rstrip()
        out = joined_at_hyphen(last, line) if goes_on_in_word(last, line) else f"{out} {line}" if out else line
    return out


def collapse_spaces(text: str | None) -> str:
    """Every run of whitespace (line breaks too) becomes one space; no space at either end."""
    return " ".join((text or "").split())


def cut_at_word(text: str, limit: int, end: str = "") -> str:
    """`text` when it has at most `limit` characters; else its first `limit` characters cut back to the
    last space in them (mid-word only when that space would lose more than half), then `end` (an
    ellipsis, say; before one, trailing punctuation goes)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    head = head[:space] if space > limit // 2 else head
    return head.rstrip(CUT_PUNCTUATION) + end if end else head


def normalise(text: str) -> str:
    """Unify line ends and drop characters that have no place in text (NUL, form feeds, soft hyphens)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = text.replace("\x00", "").replace("\u00ad", "").replace("\u00a0", " ")
    return text


# Characters no field of a meeting may hold: C0 controls but tab and line break, DEL, and lone surrogates (a
# JSON export may escape any of them; PostgreSQL refuses NUL outright, and no encoder takes a lone surrogate).
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
LINE_BREAKS = re.compile(r"[\t\n]")


def without_controls(text: str, one_line: bool = False) -> str:
    """`text` with control characters gone (NUL dropped, the others read as a space), and with `one_line` (a
    title, a name) tabs and line breaks too; text without any comes back unchanged."""
    if not CONTROLS.search(text) and not (one_line and LINE_BREAKS.search(text)):
        return text
    text = CONTROLS.sub(" ", text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
    return collapse_spaces(text) if one_line else text


def undouble_spacing(lines: list[str]) -> list[str]:
    """A double-spaced text (a blank line after every line, as some PDF and OCR converters write it) ->
    single-spaced, so a wrapped title or a list of names reads as one again. Where wider gaps stand between
    its paragraphs they stay as one blank line; without them, only text laid out in page-wide lines (none over
    120 characters) is taken for double-spaced: text whose paragraphs are single long lines also has a blank
    after nearly every line, and is left as it is."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    if len(text) < 10:
        return lines
    followed = sum(1 for i in text if i + 2 < len(lines) and not lines[i + 1].strip())
    wide = sum(1 for i in text if i + 2 < len(lines) and not lines[i + 1].strip() and not lines[i + 2].strip())
    if followed < 0.95 * (len(text) - 1):
        return lines
    if wide < max(3, 0.05 * len(text)) and any(len(lines[i]) > 120 for i in text):
        return lines
    out: list[str] = []
    blanks = 0
    for line in lines:
        if line.strip():
            if blanks >= 2 and out:
                out.append("")
            out.append(line)
            blanks = 0
        else:
            blanks += 1
    return out


def strip_page_furniture(lines: list[str], dropped: list[Dropped] | None = None) -> list[str]:
    """Remove 'Side N af M' markers and the running header or footer lines beside them: the lines right
    above a marker (a header ending in the page number, a footer above it) or right below it (the next
    page's header under a footer's page number) that repeat there at most markers. Rejoin split paragraphs.
    Where the furniture names the closed part, a CLOSED_PAGE line marks where its page begins."""
    dropped = dropped if dropped is not None else []
    for line in lines:
        dropped.extend(Dropped(DropReason.PAGE_FURNITURE, m.group().strip()) for m in INLINE_PAGE.finditer(line))
    lines = [part for line in lines for part in _page_apart(INLINE_PAGE.sub(" ", line))]
    markers = [i for i, line in enumerate(lines) if PAGE_MARKER.match(line)]
    if not markers:
        return lines
    threshold = max(2, len(markers) // 2)
    drop: set[int] = set(markers)
    above_each = [_lines_beside(lines, i, -1) for i in markers]
    above = Counter(text for near in above_each for text in {lines[j].strip() for j in near})
    # A section's heading (»Beslutning«) ending a few pages is no footer; one in the header of nearly every page is
    # (eDoc's »Referat« above »Åbent referat«)
    repeated_above = {text for text, n in above.items()
                      if n >= threshold and not own_text(text) and part_heading(text) is None
                      and (known_heading(text) is None or n >= max(2, len(markers) - 1))
                      and not CLOSED_LINE.match(text)}  # (»Lukket punkt« atop each closed item's page marks it)
    # A part's heading where the pages print their part, at the same place on two pages or more, is their
    # running header: the open and the closed part each print their own, »Åbent referat« on some pages and
    # »Lukket referat« on the rest, even one (elsewhere it heads the part: »Lukket referat« ending the contents
    # right above a page's header)
    parts_above = _part_places(Counter((k, lines[j].strip()) for near in above_each for k, j in enumerate(near)))

    def furniture(text: str, k: int) -> bool:
        return text in repeated_above or (k, text) in parts_above

    # Below a page number (a footer's) the next page's running header stands at the same place page after
    # page; a section heading opening a few pages (»Beslutning«) is no header, as it is no footer.
    below_each = [_lines_beside(lines, i, 1) for i in markers]
    below = Counter((k, lines[j].strip()) for near in below_each for k, j in enumerate(near))
    repeated_below = {place for place, n in below.items()
                      if n >= threshold and not known_heading(place[1]) and not CLOSED_LINE.match(place[1])}
    repeated_below |= _part_places(below)
    _drop_beside(lines, below_each, lambda text, k: (k, text) in repeated_below, drop)
    # The pages end in their number (footers) when the text neither opens with furniture nor goes on after the
    # last number; else the number ends each page's header (eDoc), and a header is as tall as the one above the
    # first number: the lines above it that end a page (»Godkendt«, »Følgende deltog ikke i behandlingen af
    # punktet:«, where the items each end a page) are the minutes' own, however often they end one
    opens = len([j for j in range(markers[0]) if lines[j].strip()]) <= len(above_each[0]) and all(
        furniture(lines[j].strip(), k) for k, j in enumerate(above_each[0]))
    footers = not opens and all(not lines[j].strip() or j in drop for j in range(markers[-1] + 1, len(lines)))
    height = 0 if footers else next(
        (k for k, j in enumerate(above_each[0]) if not furniture(lines[j].strip(), k)), len(above_each[0]))
    height = height or HEADER_LOOKBACK  # (a first page without a header tells nothing)
    _drop_beside(lines, above_each, lambda text, k: k < height and furniture(text, k), drop)
    dropped.extend(Dropped(DropReason.PAGE_FURNITURE, lines[i].strip()) for i in sorted(drop))
    kept: list[str | None] = [line if i not in drop else None for i, line in enumerate(lines)]
    return _rejoin(_closed_pages(lines, kept, markers, above_each, below_each, footers))


def _page_apart(line: str) -> list[str]:
    """A running header or footer that ends in the page's number, a wide gap before it (»Ældrerådet – referat 9.
    september 2025      Side 2 af 2«), as two lines: its text above the number, where the header of a page
    numbered on a line of its own stands, and is found as that is (repeated above most numbers)."""
    m = NUMBER_BESIDE.match(line)
    return [m.group("text"), m.group("page") or m.group("short")] if m else [line]


def _closed_pages(lines: list[str], kept: list[str | None], markers: list[int], above_each: list[list[int]],
                  below_each: list[list[int]], footers: bool) -> list[str | None]:
    """The kept lines with a mark (CLOSED_PAGE) where each page whose furniture names the closed part begins:
    at a header's place, or at the page number before a footer's (before the first line, on the first page)."""
    first_page = False
    for m, near in enumerate(above_each):
        for j in (j for j in near if kept[j] is None and names_closed_part(lines[j])):
            if footers and m == 0:
                first_page = True
            else:
                kept[markers[m - 1] if footers else j] = CLOSED_PAGE
    for near in below_each:
        for j in (j for j in near if kept[j] is None and names_closed_part(lines[j])):
            kept[j] = CLOSED_PAGE
    return [CLOSED_PAGE] * first_page + kept


def _part_places(placed: Counter[tuple[int, str]]) -> set[tuple[int, str]]:
    """Of the lines counted by their place beside the page numbers, the agenda parts' headings standing where
    such a heading stands on two pages or more; not one saying the open part goes on (»Åbne punkter
    (fortsat)« atop a page ends the closed part there, as right above an item)."""
    parts = Counter({place: n for place, n in placed.items()
                     if (part := part_heading(place[1])) is not None and not (part[1] and part[0] in REOPENING)})
    pages = Counter()
    for (k, _), n in parts.items():
        pages[k] += n
    return {place for place in parts if pages[place[0]] >= 2}


def own_text(text: str) -> bool:
    """A sentence without a figure: what minutes say, not what a page template prints."""
    return text.endswith(SENTENCE_END) and not any(c.isdigit() for c in text)


def _drop_beside(lines: list[str], beside_each: list[list[int]], furniture, drop: set[int]) -> None:
    """Add to `drop` the lines beside each marker (each marker's `_lines_beside`, nearest first) that are
    `furniture(text, place)`, up to the first that is not."""
    for beside in beside_each:
        for k, j in enumerate(beside):
            if not furniture(lines[j].strip(), k):
                break
            drop.add(j)


def _lines_beside(lines: list[str], i: int, step: int) -> list[int]:
    """Indexes of the non-blank lines right above line i (`step` -1) or below it (1), nearest first, up to
    the next page marker."""
    found, j = [], i + step
    while 0 <= j < len(lines) and len(found) < HEADER_LOOKBACK and not PAGE_MARKER.match(lines[j]):
        if lines[j].strip():
            found.append(j)
        j += step
    return found


def _rejoin(kept: list[str | None]) -> list[str]:
    """Drop removed lines; where a page break cut a sentence, join the two halves again (a closed part's page
    mark then follows the sentence)."""
    out: list[str] = []
    cut, marks = False, []
    for line in kept:
        if line is None or line == CLOSED_PAGE:
            cut = True
            marks += [line] if line else []
            continue
        if cut and line.strip():
            cut = False
            prev = _last_text_index(out)
            if prev is not None and _continues(out[prev], line):
                del out[prev + 1:]
                out[prev] = out[prev].rstrip() + " " + line.strip()
                out += marks
                marks = []
                continue
            out += marks
            marks = []
        out.append(line)
    return out + marks


def _last_text_index(out: list[str]) -> int | None:
    for j in range(len(out) - 1, -1, -1):
        if out[j].strip() and out[j] != CLOSED_PAGE:
            return j
    return None


def _continues(before: str, after: str) -> bool:
    before, after = before.rstrip(), after.lstrip()
    if not before or before[-1] in ".:!?»\"”)" or len(before) < 40:
        return False
    return after[:1].islower() or after[:1].isdigit() and not ITEM_OPENING.match(after)


def drop_toc_lines(lines: list[str], dropped: list[Dropped] | None = None, toc: set[int] | None = None) -> list[str]:
    """The lines without their table of contents (`toc`, found by `toc_lines` when not given), which go to
    `dropped`."""
    toc = toc_lines(lines) if toc is None else toc
    if dropped is not None:
        dropped.extend(Dropped(DropReason.CONTENTS, lines[i].strip()) for i in sorted(toc) if lines[i].strip())
    return [line for i, line in enumerate(lines) if i not in toc]


def toc_lines(lines: list[str]) -> set[int]:
    """Table-of-contents lines: item headings ending in a tab, spaces or dot leaders and a page number, one per line
    or with a long title wrapped onto the next line or two (a PDF's or a narrow page's table of contents:
    »Punkt 39: Status på overordnede principper for« / »    udligningsmodeller … /v. Lasse Jacobsen⇥6«).

    Entries come in runs (one blank line between allowed) whose page numbers never go down. A table of
    numbered rows ending in a figure (»101 København⇥16«, »147 Frederiksberg⇥1«: municipalities and their
    counts) has the shape of entries but not their order, so it stays text; so does a lone item heading
    over a row ending in a number, as a wrapped entry counts only in a run of entries."""
    entries = sorted({(i, i) for i, line in enumerate(lines) if _toc_line(line)}
                     | {span for i in range(len(lines)) if (span := _wrapped_entry(lines, i))}
                     | {(i, i) for i in _spaced_entries(lines)})
    toc: set[int] = set()
    for run in _runs(entries):
        pages = [int((TOC_ENDING.search(lines[end]) or SPACED_PAGE.search(lines[end])).group(2)) for _, end in run]
        lone_wrapped = len(run) == 1 and run[0][0] != run[0][1]
        if lone_wrapped or any(b < a for a, b in zip(pages, pages[1:])):
            continue
        toc.update(i for start, end in run for i in range(start, end + 1))
        toc.update(j for j in range(run[0][0], run[-1][1]) if part_heading(lines[j]) is not None)
        toc.update(_parts_after(lines, run[-1][1]))
    return toc


def _parts_after(lines: list[str], i: int) -> list[int]:
    """The agenda parts' headings right under a run of entries that end at line i: the contents' own
    (»Lukket referat« with no entry under it, as those between its entries are), not the heading of the part the
    first item begins (a numbered line right under it). One above the entries stays: it may be the part every
    item is in (»Lukket referat« over the contents of closed minutes)."""
    found, j = [], i + 1
    while j < len(lines) and (not lines[j].strip() or part_heading(lines[j]) is not None):
        if lines[j].strip():
            found.append(j)
        j += 1
    return [] if j < len(lines) and _opens_entry(lines[j]) else found


def _spaced_entries(lines: list[str]) -> list[int]:
    """Entries whose page number follows the title after one space (how pypdf extracts a right-aligned
    number: »Punkt 52: Godkendelse af dagsorden /v. Jesper Kaas Schmidt 1«). A title may end in a figure
    (»Budget 2024«), so such a line counts only where the document goes on to head an item with the rest of it
    (followed or not by the presenter, which contents may leave out)."""
    later: dict[str, int] = {}  # a line's text, and its text before a presenter -> the last line it stands on
    for i, line in enumerate(lines):
        later[line.strip()] = i
        if m := PRESENTED.search(line):
            later[line[:m.start()].strip()] = i
    return [i for i, line in enumerate(lines) if (m := SPACED_PAGE.search(line)) and _opens_entry(line)
            and max(later.get(line[:m.start()].strip(), -1), later.get(_entry_title(line[:m.start()]) or "\n", -1)) > i]


def _entry_title(entry: str) -> str:
    """An entry's title without its number (»Sag nr. 1: Godkendelse af dagsorden« -> »Godkendelse af dagsorden«),
    as the document may head the item with the number on a line of its own and the title under it."""
    return entry[m.end():].strip() if (m := TOC_NUMBER.match(entry)) else ""


def _runs(entries: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Entries (first, last line), in order, grouped where each starts at most two lines below the last."""
    runs: list[list[tuple[int, int]]] = []
    for start, end in entries:
        if runs and start <= runs[-1][-1][1] + 2:
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
    return runs


def _toc_line(line: str) -> bool:
    """An entry on one line (a line opening with a date, »14. april …«, opens no entry)."""
    return bool(TOC_LINE.match(line)) and not DATE_OPENING.match(line) and not _table_row(line)


def _opens_entry(line: str) -> bool:
    return bool(TOC_OPENING.match(line)) and not DATE_OPENING.match(line)


def _table_row(line: str) -> bool:
    """A row of figures between tabs before the last (»155 Dragør⇥14.609⇥471«) is a table's, not an entry."""
    return bool(NUMBER_CELL.search(TOC_ENDING.sub("\t", line)))


def _wrapped_entry(lines: list[str], start: int) -> tuple[int, int] | None:
    """(first, last line) of an entry opening at `start` without its page number, which ends one of the
    next `TOC_WRAP` lines (none of them blank or opening an entry of its own: a title wrapped before a date,
    »… fra mødet d.« / »14. april …«, goes on), or None."""
    if not _opens_entry(lines[start]) or TOC_ENDING.search(lines[start]):
        return None
    for end in range(start + 1, min(start + 1 + TOC_WRAP, len(lines))):
        line = lines[end]
        if not line.strip() or _opens_entry(line):
            return None
        if TOC_ENDING.search(line):
            return None if _table_row(line) else (start, end)
    return None


def clean_inline(text: str) -> str:
    """Markdown and layout-HTML residue from conversion -> plain text. Other tags stay as text."""
    text = MD_LINK.sub(r"\1", text)
    text = LAYOUT_TAGS.sub(" ", text)
    text = text.replace("**", "")
    text = re.sub(r"(?<!\w)\*(\S[^*]*\S|\S)\*(?!\w)", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def is_table_rule(line: str) -> bool:
    return bool(TABLE_RULE.match(line)) and "-" in line or line.strip().startswith("|--")
