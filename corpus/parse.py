"""Minutes text -> meetings and agenda items.

Agenda items are found by heading shape, in the forms the Danish systems print:

* »Punkt 35: Title /v. Name« (KD-Net), »24. Title« (eDoc, FirstAgenda PDF), »- 4. Title** v. Name« (Markdown),
* »1   Title« without a dot (SBSYS), and a number alone on its line with the title on the next (FirstAgenda
  web page, as HTML or saved as text),

and by their numbering: items count up one at a time, so numbered lines inside attachments
("1. Formål", "31. december 2024") are not taken for items. One form is used per document: the one that
gives the longest such run. Sub-items »1.1 Title« are sections of item 1, not items of their own: an item
number identifies an item in case history and URLs, and a sub-item is treated under its parent. Their
sections are headed »1.1 Title – Oplæg«, so nothing of the structure is lost.

A title wrapped over lines is joined, whatever the case of the next line, up to a case number, a section
heading or a blank line; a hyphen at the wrap stays without a space (»2030-« + »fremskrivning«).

Minutes of an earlier meeting attached to a later agenda ("Møde: … / Mødetid: …" inside an item) are cut
out and parsed as their own meeting. Every line that is not stored is listed in `dropped` with its reason.
"""
from __future__ import annotations

import bisect
import collections
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.dates import find_date
from corpus.meeting_header import ALL_LABELS, MeetingHeader, read_header, title_date
from corpus.model import AgendaItem, DropReason, Dropped, Meeting, Section, SectionKind
from corpus.spelling import either_spelling, fold
from corpus.sections import (heading_kind, inline_section, is_caps_heading, kind_at_meeting, known_heading, label_beside,
                             names_decider)
from corpus.table_rows import cells, is_column_names, title as table_title
from corpus.textclean import (CLOSED_HEADINGS, CLOSED_LINE, CLOSED_MARK, CLOSED_NOTICE, CLOSED_PAGE,
                              CLOSED_PREFIX, CLOSED_STATUS, CLOSED_SUFFIX, CLOSED_WORD, CONTENTS_HEADINGS, DATE_OPENING,
                              OPEN_MARK, PAGE_MARKER, clean_inline, closed_after_part, collapse_spaces, drop_toc_lines,
                              is_table_rule, join_lines, normalise, opens_closed_part, part_heading,
                              strip_page_furniture, toc_lines, undouble_spacing)

# A heading line marked by a structured reader (HTML h1-h6): MARK + text, or MARK alone for an empty heading.
MARK = "\ue000"  # a private-use character: never in real text, and not whitespace to str.strip()

# »Punkt 1: Titel«, »PUNKT 1. Titel«, »Punkt nr. 1 - Titel«, »Dagsordenspunkt 1: Titel«, »Pkt. 1 Titel«, »PKT. 1
# TITEL«, »Ad 1. Titel«
# »Sag nr. 1 Godkendelse af dagsorden« too, as some councils head their items: a title in capitals after the number
# (»Sag nr. 24/1234« is a case number, see CASE_NUMBER)
SAG_HEADING = r"(?:Sag\s+nr|SAG\s+NR)\.?\s*(?=\d{1,3}\s*[:.\-–]?\s+(?-i:[A-ZÆØÅ]))"
# »Ad 1. Titel«, »Ad pkt. 1: Titel«, as minutes answering an agenda point by point head them (not »Ad. 1«: a
# decision's answers to a recommendation's points write »Ad. 1 Anbefales.«)
AD = r"(?:Ad|AD)\s+(?:(?:[Pp]unkt|PUNKT|[Pp]kt\.?|PKT\.?)\s*)?(?=\d{1,3}\s*[:.\-–)]?\s+(?-i:[A-ZÆØÅ\"'«»„(]))"
# »Dagsordenens punkt 1: Titel«, as a board's minutes head their items: before a capital (»Dagsordenens punkt 5
# blev behandlet før punkt 4« is a sentence)
AGENDAS = r"Dagsordenens\s+punkt\s+(?=\d{1,3}\s*[:.\-–]?\s+[A-ZÆØÅ])"
PUNKT = re.compile(r"^\s*(?:(?:Punkt|PUNKT|Dagsordens?punkt)(?:\s+nr\.)?\s+|(?:Pkt|PKT)\.\s*|" + SAG_HEADING + "|" + AD
                   + "|" + AGENDAS + r")(\d{1,4})\s*[:.\-–—·)]?\s+(\S.*)$")  # (»Punkt 1 · Titel«, a portal's)
# Forms of their own, as a document uses one form for its items: »Punkt 2, Titel« (Aarhus, Odense), »Nr.60 -
# Titel« (Fredensborg numbers its items through the year) and »Sag 31/2024 Titel« (a board's cases through the
# year). A list in an item's text may take any of them (»Punkt 3, Stk. 2 affattes således«, »Nr. 3 - Boligområde
# ved Søvej«), so, unlike »Punkt 2: Titel«, a line of these is an item's heading only with an item's furniture
# under it, as »2. Titel« is
PUNKT_COMMA = re.compile(r"^\s*(?:Punkt|PUNKT)\s+(\d{1,4}),\s+([A-ZÆØÅ\"'«»„(].*)$")
NR_HEADING = re.compile(r"^\s*(?:Nr|NR)\.\s*(\d{1,4})\s*[-–:]\s+([A-ZÆØÅ\"'«»„(].*)$")
SAG_YEAR = re.compile(r"^\s*(?:Sag|SAG|Punkt|PUNKT)\s+(\d{1,4})/(?:19|20)\d\d\s*[-–:]?\s+([A-ZÆØÅ\"'«»„(].*)$")
PUNKT_FORMS = (PUNKT, PUNKT_COMMA, NR_HEADING, SAG_YEAR)
# (four digits where the number has a dot or »Punkt« before it: Acadre counts a year's items, past 999 by
# December; a number without either stays at three, as a year at a line's start reads like one)
# An item's access in a column of its own after the title (»2.⇥Salg af grund⇥⇥Lukket punkt«, as typed minutes set
# it with tabs, or a table row »2 | Salg af grund | Åben«)
ACCESS_CELL = rf"\t+\(?(?i:{CLOSED_MARK}|{OPEN_MARK})\)?"
OPEN_CELL = re.compile(rf"\t+\(?(?i:{OPEN_MARK})\)?\s*$")
# (a closed marker may also open the title in brackets, »2. [Lukket] Salg af grund«)
NUMBERED_TITLE = r"^\s*(?:[-•*]\s*)?(\d{1,4})\.\s+(?:\*\*)?((?:\[(?=(?i:lukket|fortrolig))|[A-ZÆØÅ0-9\"'«»„(])[^\t]*"
NUMBERED = re.compile(rf"{NUMBERED_TITLE}(?:{ACCESS_CELL})?)$")
BARE = re.compile(rf"^\s*(\d{{1,3}})(?: +|\t)([A-ZÆØÅ\"'«»„(][^\t]*(?:{ACCESS_CELL})?)$")
# »1) Godkendelse af dagsorden«, as a small council's typed minutes number their items (a list's »1) anbefaler
# …« inside an item starts lower-case, and a run of items needs a case number or section under each)
PAREN = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,3})\)\s+(?:\*\*)?([A-ZÆØÅ0-9\"'«»„(][^\t]*)$")
# »3«, »3.«, »3)«, »Punkt 3«, »Pkt. 3«, »Sag nr. 3« on its own line; four digits with a dot only (Acadre's »1201.«),
# not a year
ALONE = re.compile(r"^\s*(?:(?:Punkt|PUNKT)\s+|(?:Pkt|PKT)\.?\s*|(?:Sag|SAG)\s+(?:nr|NR)\.?\s*)?(\d{1,3}|\d{4}(?=\.))"
                   r"[.)]?\s*$")
SPACED_NUMBER = re.compile(r"^\s*\d{1,3}(?: {2,}|\t)")  # SBSYS's »4   Eventuelt«, not a sentence's »4 For og …«
LIST_ENTRY = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,4})[.)]?\s+\S")  # a numbered line of any form
POINT = re.compile(r"^\s*(\d{1,4})[.)]\s+\S")  # a list's point proper, not a figure (»3 mio. kr.«)
# an item added to the agenda under a lettered number, a tillægspunkt: »3a. Titel«, »Punkt 3 a: Titel«
LETTERED_ITEM = re.compile(r"^\s*(?:(?:Punkt|PUNKT|Pkt\.|PKT\.|Dagsordens?punkt)\s*)?(\d{1,4})\s?([a-zæø])\s*[.:)\-–]?\s+"
                           r"([A-ZÆØÅ\"'«»„(].*)$")
LETTERED_ALONE = re.compile(r"^\s*(\d{1,4})\s?[a-zæø]\s*[.:)]?\s*$")  # »5a« alone on its line, its title under it
# »1. Titel« with prose under the items and at most one item with anything else that marks it (an advisory
# council's or a board's minutes: »2. Orientering fra formanden« / »Formanden orienterede om …«): in minutes
# whose title, in their first lines, calls them so (MINUTES_WORD), from item 1, three at least, and two more
# than the items with furniture explain; a list's point (under a line ending in a colon or under another
# numbered line, or with a numbered line next under it) is no item. Such minutes are typed by hand: the number
# may close with a parenthesis (»1) Godkendelse af dagsorden«), every item's alike (a list numbered in the other
# form is the items' text), and titles may end in a colon (»1. Godkendelse af dagsorden:« / »Dagsordenen blev
# godkendt.«; not every one need: »4. Eventuelt«); `_document_style` picks the form
PROSE = re.compile(r"(?#prose)" + NUMBERED.pattern)
PROSE_PAREN = re.compile(r"(?#prose)" + PAREN.pattern)
PROSE_COLON, PROSE_PAREN_COLON = (re.compile(r"(?#prose:)" + style.removesuffix(")$") + r"?)\s*:?$")
                                  for style in (NUMBERED_TITLE + ")$", PAREN.pattern))  # (the title without its colon)
PROSE_STYLES = (PROSE, PROSE_PAREN, PROSE_COLON, PROSE_PAREN_COLON)
MINUTES_WORD = re.compile(r"\b(?:referat|beslutningsprotokol|dagsorden|mødereferat)\b", re.IGNORECASE)
# a line naming minutes that is no minutes' title: a document answering, attached to or on writing minutes
# (»Bemærkninger til referat fra dialogmødet«, »Høringssvar …«, »Bilag 2 til dagsorden for …«, »Retningslinjer for
# udarbejdelse af referat«), one item of another meeting's
# (»Dagsorden for mødet 11. marts 2024, punkt 4«; not »Referat (punkt 1-4)«), where to find them (»Referater findes
# på greve.dk«), or many (a menu's »Dagsordener og referater«: one meeting's minutes are one)
ABOUT_MINUTES = re.compile(r"^(?:bemærkninger|kommentarer|høringssvar|bilag|opfølgning|svar|indsigelse|retningslinjer"
                           r"|vejledning|skabelon)\b"
                           r"|\b(?:punkt|pkt\.)\s*\d+(?!\s*[-–]\s*\d)|\b(?:findes|www\.|https?:|referater|dagsordener)"
                           r"|\.dk\b", re.IGNORECASE)
CLOSING_ITEM = re.compile(r"^(?:eventuelt|evt\.)(?:\s*$|\s+og\b)", re.IGNORECASE)  # minutes' last (»Eventuelt og …«)
MIN_PROSE_ITEMS = 3
AGENDA_HEADING = re.compile(r"^(?:dagsorden(?:en)?|program(?:met)?)\s*:?$", re.IGNORECASE)  # an agenda listed below
# such minutes' one-line item: its title, a colon and its text (»1. Godkendelse af dagsorden: Godkendt.«)
ONE_LINE_ITEM = re.compile(r"^(?P<heading>\s*\d{1,3}[.)]\s+(?![Kk]l\.?\s*\d)[A-ZÆØÅ][^:\t]{2,80}?:)\s+"
                           r"(?P<text>(?:(?!:\s).)+)$")  # (not »1. Kl. 10.00: Velkomst«, nor »2. Høring: X: …«)
PROSE_TITLE_LINES = 5  # the first lines with text, where the minutes' title stands
NUMBERED_ANY = re.compile(r"^\s*(\d{1,4})[.)]?\s+(\S.*)$")  # a number, then words: a heading in any form
LIST_POINT = re.compile(r"^(\d{1,2})[.)]\s+[A-ZÆØÅ]")  # a numbered list's point (»2. Konference den …«)
SUB = re.compile(r"^\s*(\d{1,4})\.(\d{1,2})\.?\s+([A-ZÆØÅ0-9\"'«»„(].*)$")
# »Title v. Name«, »/v. Name«, »/v/ Name«, »(v. Name)«, »v. direktør Name« (a role before the name), »v. formanden«
# (the role alone). »v/« alone only before a role (»Orientering v/ formanden«, »v/ ingeniør Ole Sand«): before a
# name it is »ved« in a place (»Café v/ Søen«), unless in parentheses after the title (»(v/Anne Holm)«).
ROLE = r"[a-zæøå]*(?:direktør|chef|formand|borgmester|rådmand|leder|konsulent|ingeniør|sekretær|koordinator|rådgiver)"
PRESENTER = re.compile(r"^(?P<title>.*?\S)\s*\**\s*(?:/\s*v[./]|(?P<open>\(\s*)?(?:\bv\.|(?<=\()\s*v/)|\bv/(?=\s*" + ROLE
                       + r"))\s*"
                       rf"(?P<who>(?:{ROLE}\s+)?[A-ZÆØÅ].*?|{ROLE}(?:en)?)(?(open)\s*\))\s*$")
CASE_FORMS = (r"\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?-\d+-\d{2}"  # KLE journal number 00.01.10-A00-2-23
              r"|[A-ZÆØÅ]{2,5}-\d{4}-\d{3,8}"  # EMN-2025-003383 (FirstAgenda/GetOrganized)
              r"|S\d{4}-\d{3,8}"  # SBSYS S2023-12345
              r"|\d{2}/\d{3,6}"  # Acadre/SBSYS 22/12345
              r"|\d{2}-\d{4,7}|\d{4}-\d{3,7}")  # Greve 21-016102, eDoc 2012-28504
# »2021-2022«, »2023-2026«: years from and to (a table's column, a plan's period), not eDoc's 2012-28504
YEAR_SPANS = "|".join(f"{year}-{year + span}" for year in range(1950, 2080) for span in range(1, 7))
# The case system a case number's label may name (»Acadre sagsnr.«, »Sagsnr. (SBSYS)«)
CASE_SYSTEMS = r"acadre|sbsys|edoc|getorganized|workzone|f2|captia|esdh|emne|(?:kmd\s)?nova|docunote|cbrain|360"
CASE_NUMBER = re.compile(
    r"^(?!" + SAG_HEADING + rf")(?:(?:(?:{CASE_SYSTEMS})-?\s?)?(?:Sagsnr\.?|Sagnr\.?|Sagsnummer)"
    rf"(?:\s*\((?:{CASE_SYSTEMS})\))?"
    r"|(?:Sag|Sags) nr\.?(?=\s*:?\s*\S+\s*$)"  # (one word after it: »Sag nr. 3 fra sidste møde …« is a sentence)
    rf"|Sags-?\s?ID\b|J\.\s?nr\.?|Journal\s?nr\.?|Journalnummer|(?:{CASE_SYSTEMS})-?\s?sag(?=\s*:)"  # (»Acadre sag: …«)
    rf"|(?:Sag|Vores ref\.?|Ref\.?)(?=\s*:\s*(?:{CASE_FORMS})(?:\s*$|\s*[·|;]\s)))(?![a-zæøå])\s*:?\s*"
    # (»Sag: 18.15.00-Ø40-1-25 · Ansvarlig: …«: the number and the item's other facts)
    r"(?P<n>\w.*)?$"  # (no number: a template's label left empty)
    rf"|^(?!(?:{YEAR_SPANS})$)(?P<bare>{CASE_FORMS})$", re.IGNORECASE)
# A case number closing the title in brackets, as Copenhagen's minutes print it (»Budget 2024 (2023-0034567)«);
# not the years a plan spans (»Klimaplan (2020-2050)«) nor a number or month of a year (»(10/2023)«, »(03-2024)«)
TITLE_CASE_NUMBER = re.compile(rf"\s*\((?P<n>{CASE_FORMS})\)$")
YEARS = re.compile(r"(?:19|20)\d\d-(?:19|20)\d\d|\d{2}[/-](?:19|20)\d\d")  # (»(03-2024)«: a month of a year)
# A case number printed at the right margin of the heading's line, which a PDF's text puts after the title: with its
# label (»2. Budgetopfølgning Sagsnr. 24/1232«), or bare in a form no title ends in (a KLE journal number
# »18.15.00-Ø00-2-24«, »EMN-2024-01234«, SBSYS's »S2024-1085«; not »Budget 2024-2027«)
TITLE_CASE_AFTER = re.compile(r"\s+(?:(?:Sagsnr\.?|Sagnr\.?|Sag nr\.?|Sagsnummer|J\.\s?nr\.?)\s*:?\s*"
                              rf"(?P<n>{CASE_FORMS})"
                              r"|(?P<bare>\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}|[A-ZÆØÅ]{2,5}-\d{4}-\d{3,8}"
                              r"|S\d{4}-\d{3,8}))$")


def _title_case_number(title: str) -> tuple[str, str | None]:
    """'Budget 2024 (2023-0034567)' -> ('Budget 2024', '2023-0034567'), 'Budget 2024 Sagsnr. 24/1232' -> ('Budget
    2024', '24/1232'); a title without one is returned as is."""
    m = TITLE_CASE_NUMBER.search(title.rstrip())
    if m and title[:m.start()].strip() and not YEARS.fullmatch(m.group("n")):
        return title[:m.start()].rstrip(" -–—"), m.group("n")
    m = TITLE_CASE_AFTER.search(title.rstrip())
    if m and title[:m.start()].strip():
        return title[:m.start()].rstrip(" -–—"), m.group("n") or m.group("bare")
    return title, None


DOC_NUMBER = re.compile(r"^(Dok\.?\s*nr\.?|Dokumentnr\.?)\s*:")
# the recommendation's formula: »Det indstilles, at …«, »<who> indstiller, at …« (»Direktionen indstiller,«)
RECOMMENDS = re.compile(r"^(?:Det indstilles\b"
                        r"|[A-ZÆØÅ][\w-]*(?:\s+[\w-]+){0,3}\s+indstiller(?:\s*,|\s*:|\s+at\b|$))")
# a line of an item's facts under its title: a short label, a colon, its value (»Sagen afgøres i: Byrådet«)
FACT_LINE = re.compile(r"^[A-ZÆØÅ][\w .,/()-]{1,40}:\s*\S.{0,150}$")
PRESENTER_ALONE = re.compile(r"^v[/.]\s*(?P<who>[A-ZÆØÅa-zæøå].{1,120})$", re.I)  # »v/ projektleder Bo Lund«
# A case number with more after it on its line, set off by a comma, a middle dot, a bar or a dash (»25/08813, v/
# projektleder Dorthe Kvist«, »00.30.14-S00-2-25 · Fremlægges af: Økonomichef Anne Bjerre«): a number of one word
CASE_AND_MORE = re.compile(r"^(?P<n>\S*\d\S*?)(?:\s*(?:[,·|;]|\s[-–]\s)\s*|\s+(?=[A-ZÆØÅ][\wæøå ]{1,30}:\s))"
                           r"(?P<rest>[A-ZÆØÅa-zæøå].*)$")  # (or a label after a space: »… Fremlægges af: …«)
CELL_GAP = re.compile(r"\t+|\s{3,}")  # between a PDF's or a table's cells on a line (»Sagsnr.: … ⇥ Dok.nr.: …«)
# who presents the item, on a line under its title: »Oplæg ved: Teknisk chef Mads Lund«, »Fremlægges af:
# borgmesteren«, »Ansvarlig: Skoleleder Peter Haahr« (a board's minutes: who answers for the item)
PRESENTED_BY = re.compile(either_spelling(r"^(?:(?:oplæg|fremlæggelse|præsentation|fremlægges|præsenteres|fremlagt|"
                                          r"præsenteret)\s+(?:ved|af)"
                                          r"|(?:sags)?fremlægger|sagsfremstiller|oplægsholder(?:e)?|orientering ved"
                                          r"|(?:sags)?ansvarlig)"
                                          r"\s*:\s*(?P<who>\S.{0,150})$"), re.I)
MEETING_START = re.compile(either_spelling(r"^\s*Mødetid\s*:"), re.I)
ATTACHMENT_TEXT = re.compile(r"^Punkt\s+\d+\s*,\s*Bilag\s+\d+\s*:")
# a row of Acadre's Bilag table as a PDF line: its number, access and title, the document number ending the row's
# last line (the first, or a later one where the title wraps in its cell)
ATTACHMENT_ROW = re.compile(either_spelling(r"^(?P<n>\d{1,3})\s+(?P<access>Åben|Lukket)\s+(?P<title>\S.*)$"))
DOC_NUMBER_END = re.compile(r"^(?P<title>.*?\S)\s+(?P<doc>\d{1,8}/\d{2})$")
ATTACHMENT_SHAPE = re.compile(r"^(bilag\s*\d+|\d{4}-\d+\s+-\s|\d{1,2}[.)]\s)", re.I)
LETTERED = re.compile(r"^[a-zæøå][.)]\s+\S")
APPROVED = re.compile(r"^(?:(?:referat|(?:beslutnings)?protokol)(?:et|len)?\s+(?:er\s+)?godkendt"
                      r"|(?:referatet|(?:beslutnings)?protokollen)\s+godkendes)\b.{0,80}$", re.IGNORECASE)
# (»Protokollen er godkendt af udvalgets formand.«, as a board's minutes, its »protokol«, end)
# The meeting's facts, a label's line set apart under the last item (see `_until_end_of_items`)
CLOSING_FACT = re.compile(either_spelling(r"^(?:deltagere|til stede|tilstede|fraværende|afbud|referent|mødeleder|"
                                          r"ordstyrer|sekretær|næste møde)\s*:\s*\S"), re.IGNORECASE)
END_OF_ITEMS = re.compile(either_spelling(
    r"^(samlet bilagsliste|mødet (?:er |blev )?(?:afsluttet|afsluttedes|hævet|hævedes|sluttede|slut)"
    r"|underskriftsside)\b|^underskrifter\s*:?\s*$"), re.I)  # (»Underskrifter:« over the signatures' names)
# »Lukket punkt: 4. Title«, »(Lukket) 4. Title«, »Lukket: 4. Title«, »Fortroligt: 4. Title«; not »Lukket 3.
# kvartal …«
MARKER_BEFORE_NUMBER = re.compile(rf"^(?P<marker>\s*(?:\({CLOSED_MARK}\)|{CLOSED_WORD}(?: punkt| sag)\s*:?"
                                  rf"|{CLOSED_WORD}\s*:))\s*(?P<heading>\d{{1,4}}\.\s+\S.*)$", re.IGNORECASE)
# »🔒 2. Title«, a lock icon before an item's number (a portal's heading or button): read as »2. Title 🔒«
LOCK_BEFORE_NUMBER = re.compile(rf"^(?P<mark>\s*{MARK}?\s*)\U0001F512\uFE0F?\s*"
                                rf"(?P<heading>(?:punkt\s+)?\d{{1,4}}\b.*?)\s*$", re.IGNORECASE)
OPEN_WORDS = ("åbent punkt", "åben", "åben sag", "åbent")  # an item's access line saying it is open
NOISE_LINES = {fold(line) for line in (
    *CONTENTS_HEADINGS, "indkaldelse", "underskriftside", "åbent referat", "åben dagsorden", *OPEN_WORDS)}
# A case's fact under its title: »Sagsbehandler: Bo Lund«, »Sagen afgøres i: Byrådet«
FACT = re.compile(either_spelling(r"^(?:sagsbehandler|sagsansvarlig|ansvarlig|afgørelsesniveau|sagen afgøres i|"
                                  r"forvaltning|afdeling|center|kle|dokumentnr\.?)\s*:\s*\S"), re.IGNORECASE)
OPEN_LINES = {fold(line) for line in (*OPEN_WORDS, "åben sag:", *(f"{label}{gap}{word}" for label in ("status", "adgang")
                                                             for gap in (": ", " ") for word in OPEN_WORDS))}
# eDoc prints it under every item; the members it lists, if any, are the item's own text
AWAY_FROM_ITEM = fold("Følgende deltog ikke i behandlingen af punktet:")
MAX_SKIPPED = 9  # numbers minutes may leave out between two items (closed items not published)
MAX_WEAK_TITLE = 250  # a title with nothing under it that marks it as an item is at most this long
HEADING_FORMS = "'1. Titel', '1 Titel', 'Punkt 1: Titel' or a number alone on its line followed by the title"


@dataclass
class Heading:
    line: int
    number: int
    title: str
    end: int  # first line after the heading (the title may wrap or follow the number)
    closed: bool = False
    weak: bool = False  # nothing but the title marks it as an item: counted only where the numbering needs it
    certain: bool = False  # a web page's item row (number cell, heading element): numbers may skip between two
    label: str | None = None  # an item added under a lettered number (»3a«): numbered after the last item


def parse_minutes_text(text: str, source: str = "", dropped: list[Dropped] | None = None,
                       running: Sequence[str] = ()) -> list[Meeting]:
    """All meetings in one minutes text: the document's own, then any earlier minutes embedded in it.

    Lines that are not stored (page furniture, table of contents, front and closing matter, markers)
    are appended to `dropped` when it is given. Raises ReaderError when items are found but the document
    names no committee or date (a generic file name is not taken for a committee). `running`: a PDF's running
    header and footer lines, left out of the text, where the meeting's committee and date may stand alone.
    Where no item is found in the forms above, items numbered otherwise (`other_numbering`) are read.
    """
    dropped = dropped if dropped is not None else []
    read: list[Dropped] = []
    meetings = _parse(text, source, read, running)
    if not meetings and (other := other_numbering(text)) is not None:
        text, read = other
        meetings = _parse(text, source, read, running)
    dropped.extend(read)
    return meetings


HEADING_WORD = re.compile(r"^([^\W\d_][^\d]{0,30}?)\s*\d")  # (a heading line's word before its number)


# Items numbered in other ways than the forms above, one per line with a capitalised title after the number: Roman
# numerals (»I. Valg af dirigent«, »IV) …«, as an I/S's or an association's general meeting numbers them) and
# »Sag 1: Titel« (»Sag 2 – …«, a local council's typed minutes; »Sag 3 blev udsat« is a sentence)
ROMAN = re.compile(r"^\s*(?:[-•*]\s*)?(?P<n>[IVXL]{1,7})[.)]\s+(?P<title>[A-ZÆØÅ\"'«»„(].*)$")
SAG_NUMBER = re.compile(r"^\s*(?:[-•*]\s*)?(?:Sag|SAG)\s+(?P<n>\d{1,3})\s*[:\-–—]\s+(?P<title>[A-ZÆØÅ\"'«»„(].*)$")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_number(text: str) -> int | None:
    """A Roman numeral's value, or None where it is not written as one (»IIII«, »VX«, »IL«)."""
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN_VALUES[ch]
        total += -value if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > value else value
    return total if 0 < total < 90 and _roman(total) == text else None


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        out += numeral * (n // value)
        n %= value
    return out


def other_numbering(text: str) -> tuple[str, list[Dropped]] | None:
    """The text with items numbered otherwise (ROMAN, SAG_NUMBER) written as »2. Titel«, and each number as printed
    (»II.«, »Sag 2:«), dropped as a marker; None where no such run stands. A run counts up one at a time from 1, two
    lines at least, in one form (a Roman list restarting at »I.« inside an item's text is that item's). The text
    is then read as any other, so such lines are items only with what makes items under them. Until 2026-12-05
    such minutes were refused."""
    lines = text.split("\n")
    for form, value in ((ROMAN, roman_number), (SAG_NUMBER, int)):
        run: dict[int, re.Match[str]] = {}
        for i, line in enumerate(lines):
            if (m := form.match(line)) and value(m.group("n")) == len(run) + 1:
                run[i] = m
        if len(run) >= 2:
            out, markers = list(lines), []
            for i, m in run.items():
                out[i] = f"{len(markers) + 1}. {m.group('title')}"
                markers.append(Dropped(DropReason.MARKER, lines[i][:m.start("title")].strip()))
            return "\n".join(out), markers
    return None


def _parse(text: str, source: str, dropped: list[Dropped], running: Sequence[str]) -> list[Meeting]:
    raw = _agenda_grid(_facts_beside(_labels_over_values(normalise(text).split("\n"))), dropped)
    raw = _labels_set_beside(_grouped_items(_ad_points(raw, dropped), dropped))
    if len(parts := _meetings_one_after_another(raw)) > 1:
        from corpus.readers import ReaderError

        read: list[Dropped] = []
        try:
            meetings = [m for start, end in parts
                        for m in parse_minutes_text("\n".join(raw[start:end]), source, read, running)]
        except ReaderError:
            pass  # (read as one document, as before)
        else:
            dropped.extend(read)
            return meetings
    if not any(line.lstrip().startswith(MARK) for line in raw):  # (a web page's blocks are its own)
        raw = undouble_spacing(raw)
    contents = toc_lines(raw)
    lines = _heading_once(_marker_apart(strip_page_furniture(drop_toc_lines(raw, dropped, contents), dropped)), dropped)
    style, lines = _document_style(lines)
    embedded = _embedded_blocks(lines, style)
    outer_lines = _blank_out(lines, embedded)
    headings = _item_headings(outer_lines, style)
    # (not the contents, whose last entry would run into a title under it, nor »Side 2 af 3« under »Afbud«)
    header = read_header([_plain(line) for i, line in enumerate(raw[:_header_end(raw, outer_lines, headings)])
                          if i not in contents and not PAGE_MARKER.match(_plain(line))], source, running)
    meetings = [_meeting(outer_lines, header, style, source, dropped)]
    for start, end in embedded:
        block = lines[start:end]
        block_header = read_header([_plain(line) for line in block], source)
        meetings.append(_meeting(block, block_header, NUMBERED, source, dropped, fallback=header))
    meetings = [m for m in meetings if m.items]
    if meetings:
        _require_facts(meetings[0], raw)
    return meetings


# The head row of an agenda set out as one table, an item a row (»Pkt. ⇥ Emne ⇥ Referat«, as a school board's or a
# council's Word template has it; a portal's »Nr. ⇥ Punkt ⇥ Sagsnr. ⇥ Status ⇥ Beslutning«): the number's column,
# the title's, perhaps the case number's and the item's access, and the column of what was said or decided
GRID_NUMBER = either_spelling(r"(?:pkt\.?|punkt|nr\.?)")
GRID_TITLE = either_spelling(r"(?:emne|punkt|sag|dagsordenspunkt|overskrift|titel|dagsorden)")
GRID_CASE = either_spelling(r"(?:sagsnr\.?|sagsnummer|j\.\s?nr\.?)")
GRID_ACCESS = either_spelling(r"(?:status|adgang|åben/lukket|åbent/lukket)")
GRID_HEAD = re.compile(rf"^\s*{GRID_NUMBER}\t+{GRID_TITLE}\t+(?P<case>{GRID_CASE}\t+)?(?P<access>{GRID_ACCESS}\t+)?"
                       + either_spelling(r"(?P<said>referat|beslutning|drøftelse og beslutning|beslutning/referat)")
                       + r"\s*$", re.IGNORECASE)
GRID_ROW = re.compile(r"^\s*(?P<n>\d{1,3})\.?\t+(?P<title>[^\t]*\S[^\t]*)\t+(?P<said>.*)$")


# an item's facts' labels, as a facts box sets them beside each other (`_facts_beside`), folded, a last full stop aside
ITEM_FACTS = {fold(label) for label in ("sagsnr", "sagsnummer", "sag nr", "journalnr", "j.nr", "dok.nr", "dokumentnr",
                                        "dokumentnummer", "sagsansvarlig", "sagsbehandler", "status", "adgang")}
FACT_OPENING = re.compile(r"^\s*([A-ZÆØÅ][^:\t]{1,28}?)\s*:\s+\S")
FACT_BESIDE = re.compile(r"\s(?P<label>[A-ZÆØÅ][\w.]*(?: [a-zæøå.]+)?)\s*:\s+\S")
# the labels of a facts table's row over its values (`_labels_over_values`): an item's, and the meeting's
FACT_LABELS = {fold(label) for label in ("sagsnr", "sagsnummer", "sag nr", "journalnr", "j.nr", "dok.nr", "sagsansvarlig",
                                         "ansvarlig", "sagsbehandler", "fremlægger", "status", "adgang", "åben/lukket",
                                         "beslutningskompetence", "kompetence")} | {
    label for label, key in ALL_LABELS.items() if key not in ("present", "absent")}  # (attendance's columns: meeting_header)


def _facts_beside(raw: list[str]) -> list[str]:
    """An item's labelled facts set beside each other on one line, as a facts box's row prints to PDF with one space
    between its cells (»Sagsnr.: 25-004512 Dokumentnr.: 25-118812«, »Sagsansvarlig: Trine Mølgaard Status: Åben«):
    a line each, as typed. Only a line that opens with such a label, and at the labels the table knows: until
    2026-12-06 the case number was »25-004512 Dokumentnr.: 25-118812«, the presenter »Trine Mølgaard Status: Åben«."""
    out: list[str] = []
    for line in raw:
        head = FACT_OPENING.match(line)
        # (cells a tab or a wide gap apart are read as such: a case number's line with its access beside it)
        if head is None or fold(head.group(1).rstrip(".")) not in ITEM_FACTS or CELL_GAP.search(line.strip()):
            out.append(line)
            continue
        cuts = [m.start("label") for m in FACT_BESIDE.finditer(line, head.end())
                if fold(m.group("label").rstrip(".")) in ITEM_FACTS]
        out += [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)])]
    return out


def _labels_over_values(raw: list[str]) -> list[str]:
    """A facts table set out as a row of labels over a row of their values (»Sagsnr. ⇥ Sagsansvarlig ⇥ Status« /
    »1-14-2-19-23 ⇥ Poul Hede ⇥ Lukket«, as a PDF's or Word's item table has it) as a line a fact, »Sagsnr.:
    1-14-2-19-23«, read as the facts under a title are: the labels were the case number, and »Lukket« no marker."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        labels = cells(raw[i])
        values = cells(raw[i + 1]) if i + 1 < len(raw) else []
        if len(labels) >= 2 and len(values) == len(labels) and all(fold(label.rstrip(":.").strip()) in FACT_LABELS
                                                                   for label in labels):
            out += [f"{label.rstrip(':').strip()}: {value}" for label, value in zip(labels, values) if value]
            i += 2
            continue
        out.append(raw[i])
        i += 1
    return out


def _agenda_grid(raw: list[str], dropped: list[Dropped]) -> list[str]:
    """An agenda set out as one table under a head row naming its columns (»Pkt. ⇥ Emne ⇥ Referat« / »1 ⇥
    Godkendelse af dagsorden ⇥ Godkendt.«) as the lines an item is typed in: »1. Godkendelse af dagsorden«, the
    third column's heading, its text (a cell's further paragraphs stay under it). Only under such a head row, and
    only in minutes with no item headings of their own: other tables keep their rows."""
    out, said, columns = [], None, (None, None)
    for line in raw:
        if _numbered_heading(line):
            return raw  # (an item heading above or under the table: a table in an item's text, a høringsnotat's,
            # or a summary of the items read in full under it)
        if (head := GRID_HEAD.match(line)) and not line.lstrip().startswith(MARK):
            said = head.group("said").strip().capitalize()
            columns = (head.group("case"), head.group("access"))
            dropped.append(Dropped(DropReason.MARKER, line.strip()))
            continue
        between = bool(columns[0]) + bool(columns[1])  # the case number's and the access's columns
        cells = line.strip().split("\t")  # (a cell left empty, an item with no case number, keeps its place)
        cells = cells if len(cells) >= 3 + between else re.split(r"\t+", line.strip())
        if said and (row := GRID_ROW.match(line)) and len(cells) >= 3 + between:
            title, facts, text = cells[1], cells[2:2 + between], "\t".join(cells[2 + between:])
            out.append(f"{row.group('n')}. {title.strip()}")
            if columns[0] and facts and facts[0].strip():
                out.append(f"Sagsnr.: {facts[0].strip()}")
            if columns[1] and facts and CLOSED_LINE.match(facts[-1].strip()):
                out.append("Lukket punkt")  # (the access column's »Lukket«: the item's marker under its title)
            elif columns[1] and facts and facts[-1].strip():
                dropped.append(Dropped(DropReason.MARKER, facts[-1].strip()))  # (»Åben«)
            out.append(said)
            out += [text.strip()] if text.strip() else []
            continue
        out.append(line)
    return out


# »Ad 2.« alone on its line, taking up the agenda's point 2 (»Dagsorden:« / »2. Trafik« above the items)
AD_ALONE = re.compile(r"^\s*(?:Ad|AD)\s+(?:(?:punkt|pkt\.?)\s*)?(\d{1,3})\s*[.:)]?\s*$", re.IGNORECASE)


def _ad_points(raw: list[str], dropped: list[Dropped]) -> list[str]:
    """Minutes that list the agenda, then take up each point as »Ad 1.«, »Ad 2.« alone on a line, the titles only in
    the agenda (a lokalråd's typed minutes): each »Ad N.« is headed with its point's title from the agenda
    (»2. Trafik«), so the items are read as items; until 2026-12-05 such minutes were refused, or read as one item.
    Only where every such line, two or more in order, has its entry in the list above the first."""
    ads = [(i, int(m.group(1))) for i, line in enumerate(raw) if (m := AD_ALONE.match(line))]
    if len(ads) < 2 or [n for _, n in ads] != sorted({n for _, n in ads}):
        return raw
    listed = {int(m.group(1)): m.group(2).strip() for line in raw[:ads[0][0]] if (m := NUMBERED.match(line.strip()))}
    if not all(n in listed for _, n in ads):
        return raw
    out = list(raw)
    for i, n in ads:
        dropped.append(Dropped(DropReason.MARKER, raw[i].strip()))
        out[i] = f"{n}. {listed[n]}"
    return out


# A group of items under a numbered caption (»1. SAGER TIL BESLUTNING« over »1.1 …«, »1.2 …«, as KL's, the regions'
# and some boards' minutes number their items)
GROUP_CAPTION = re.compile(either_spelling(
    r"^\s*(?P<n>\d{1,2})\.?\s+(?:(?:sager|punkter|emner)\s+til\s+(?:beslutning|orientering|drøftelse|godkendelse|"
    r"efterretning|udtalelse)|beslutningssager|orienteringssager|drøftelsessager|"
    r"(?:beslutnings|orienterings|drøftelses)punkter)\s*:?\s*$"), re.IGNORECASE)


def _grouped_items(raw: list[str], dropped: list[Dropped]) -> list[str]:
    """Items numbered within their group (»1. SAGER TIL BESLUTNING« / »1.1 Regional udviklingsstrategi« / … /
    »2. SAGER TIL ORIENTERING« / »2.1 Meddelelser«) as the items they are, numbered in the order they stand, the
    printed number kept in the title (»Regional udviklingsstrategi (punkt 1.1)«, as an added item's »(punkt 3a)«);
    the captions are the agenda's parts. An item of its own beside the groups (»1. Godkendelse af dagsorden«, »4.
    Eventuelt«) is the numbered line that goes on from the last caption or item (a list's »1.«, »2.« in an item's
    text does not). Where no caption names a group (»1. First Agenda« / »1.1 Status siden sidst«), the numbered
    points are sub-items of their item, as before."""
    if any(line.lstrip().startswith(MARK) for line in raw):
        return raw
    top, group, members, plain, point = 0, None, set(), set(), None  # (point: a list's last number in a text)
    for i, line in enumerate(raw):
        if (m := GROUP_CAPTION.match(line)) and int(m.group("n")) == top + 1 and _opens_group(raw, i, top + 1):
            top = group = int(m.group("n"))
            point = None
        elif (m := SUB.match(line)) and group is not None and int(m.group(1)) == group:
            members.add(i)
            point = None
        elif m := NUMBERED.match(line.strip()):
            n = int(m.group(1))
            if n == top + 1 and not (point is not None and n == point + 1):  # (not a list's »3. At …« in a text)
                top, group, point = n, None, None
                plain.add(i)
            else:
                point = n
    if not members and (orphans := _uncaptioned_group(raw)):
        members, plain = orphans, set()
    itemlike = {i for i in members if _looks_like_item(raw, i + 1, SUB.match(raw[i]).group(3))}
    if len(itemlike) < 2:
        return raw  # (points listed in a text, »2.1 Budgetsager« / »2.2 Øvrige sager«, are no items; beside two that
        # are, an item with its title alone, »1.1 Godkendelse af dagsorden« over »1.2 …«, is one)
    out, number = [], 0
    for i, line in enumerate(raw):
        if GROUP_CAPTION.match(line) and i not in plain:
            dropped.append(Dropped(DropReason.MARKER, line.strip()))
        elif i in members or i in plain:
            m = SUB.match(line) if i in members else NUMBERED.match(line.strip())
            printed = f"{m.group(1)}.{m.group(2)}" if i in members else m.group(1)
            number += 1
            title = (m.group(3) if i in members else m.group(2)).strip()
            out.append(f"{number}. {title}" + (f" (punkt {printed})" if printed != str(number) else ""))
        else:
            out.append(line)
    return out


def _uncaptioned_group(raw: list[str]) -> set[int]:
    """Items numbered within a group no caption names, the agenda's items all of one number (»4.1 Godkendelse af
    dagsorden« / »4.2 Trafiksikkerhedsplan« / »4.3 …«, the meeting's or the agenda part's number first): the lines
    »n.1«, »n.2«, … in order, up to the first that breaks the count. Where an item of that number stands above
    them (»1 First Agenda« / »1.1 Status siden sidst«) or after them (»4. Eventuelt«), they are its points (none);
    a list's »4. …« in an item's text, under the list's »3. …«, is neither."""
    first = next((i for i, line in enumerate(raw) if (m := SUB.match(line)) and m.group(2) == "1"), None)
    if first is None:
        return set()
    group, lines, expected = SUB.match(raw[first]).group(1), [], 1
    for i in range(first, len(raw)):
        if (m := SUB.match(raw[i])) and m.group(1) == group and int(m.group(2)) == expected:
            lines.append(i)
            expected += 1
    for i, line in enumerate(raw):
        if (m := NUMBERED.match(line.strip()) or BARE.match(line)) and m.group(1) == group and (
                i < first or i > lines[-1] and _looks_like_item(raw, i + 1, m.group(2))
                and not LIST_ENTRY.match(_text_above(raw, i))):
            return set()
    return set(lines) if len(lines) >= 2 else set()


def _opens_group(raw: list[str], i: int, n: int) -> bool:
    """Whether the caption on line i is followed by its group's first item (»2. Sager til beslutning« / »2.1 …«): an
    item titled so, with its own text under it (»2. Orienteringssager« / »Beslutning«), is an item."""
    nxt = next((line for line in raw[i + 1:] if line.strip()), "")
    return (m := SUB.match(nxt)) is not None and int(m.group(1)) == n and int(m.group(2)) == 1


BESIDE_KINDS = (SectionKind.SUMMARY, SectionKind.RECOMMENDATION, SectionKind.DECISION, SectionKind.CASE)


def _labels_set_beside(raw: list[str]) -> list[str]:
    """In a document that sets every label of an item's parts beside its text, as a table of two columns prints
    (»Resumé Sagen har …«, »Beslutning Godkendt.«, or a Word table's »Beslutning ⇥ Rådet afgav høringssvar.«),
    those lines as the labels they are (»Beslutning: Godkendt.«). Only there: where a part's heading stands alone
    on a line anywhere in the document, a line opening with the word is text or a table's row (»Beslutning ⇥
    Byrådet marts 2025« in a time table, »Indstilling Tune Musikforening« an attachment's title)."""
    beside = {i: found for i, line in enumerate(raw) if (found := label_beside(line))}
    if len(beside) < 2 or any(heading_kind(clean_inline(_plain(line))) in BESIDE_KINDS
                              and fold(_plain(line).strip()) != "referat"  # (»Referat« alone: the document's title)
                              for line in raw if _plain(line).strip()):
        return raw
    return [f"{beside[i][0]}: {beside[i][1]}" if i in beside else line for i, line in enumerate(raw)]


def _meetings_one_after_another(raw: list[str]) -> list[tuple[int, int]]:
    """Where each meeting begins in a file holding several, one after the other (a year's minutes collected, an
    ordinary and an extraordinary meeting): at a title naming the kind, the committee and another day than the
    meeting before, of the same committee (»Handicaprådet - Referat - 13. juni 2024«), standing apart (a blank line
    above it or a meeting's head under it, not under a line introducing a quote, »Af referatet fremgår:«), after
    that meeting's items, where items 1 and 2 follow. A running header repeats its own day, and an earlier
    meeting quoted in an item (»Møde: …«, or its title over a point »1. …«) begins no meeting."""
    if any(line.lstrip().startswith(MARK) for line in raw):
        return _web_meetings(raw)
    starts, day, items = [0], None, False
    for i, line in enumerate(raw):
        text = line.strip()
        if _numbered_heading(text):
            items = True
            continue
        if not (titled := title_date(text)):
            continue
        above = next((line.strip() for line in reversed(raw[:i]) if line.strip()), "")
        apart = not above.endswith(":") and (i and not raw[i - 1].strip() or _head_follows(raw[i + 1:]))
        if day is not None and titled[1] != day[1] and titled[0] == day[0] and items and apart \
                and _first_numbers(raw[i + 1:]) == [1, 2]:
            starts.append(i)  # (the same committee's: another's minutes quoted in an item begin no meeting)
            items = False
        day = titled if day is None or titled[0] == day[0] else day
    return list(zip(starts, starts[1:] + [len(raw)]))


def _web_meetings(raw: list[str]) -> list[tuple[int, int]]:
    """Where each meeting begins on a web page holding several (an ordinary and an extraordinary meeting): at a
    heading element naming the committee the page's first names (»Økonomiudvalget«, »Økonomiudvalget -
    ekstraordinært møde«), after items, with the meeting's head under it (»Mødedato: 18. marts 2024 …«) on another
    day than the meeting before."""
    headings = [(i, line.strip()[1:].strip()) for i, line in enumerate(raw) if line.strip().startswith(MARK)]
    first = next((_named(text) for _, text in headings if text and not _numbered_heading(text)), None)
    starts, day, items = [0], None, False
    for i, text in headings:
        if _numbered_heading(text):
            items = True
            continue
        if first is None or _named(text) != first or not _head_follows(raw[i + 1:]):
            continue
        head = raw[i + 1:next((k for k, other in headings if k > i and _numbered_heading(other)), len(raw))]
        dated = next((d for line in head[:15] if HEAD_LABEL.match(line) and (d := find_date(line))), None)
        if day is not None and dated and dated != day and items:
            starts.append(i)
            items = False
        day = dated or day
    return list(zip(starts, starts[1:] + [len(raw)]))


def _named(heading: str) -> str:
    """What a heading names before a dash (»Økonomiudvalget - ordinært møde« -> »økonomiudvalget«), folded."""
    return fold(re.split(r"\s+[-–—|:]\s+", heading, maxsplit=1)[0])


def _numbered_heading(line: str) -> re.Match[str] | None:
    """A line shaped as an item's heading, »1. Title« or one of the »Punkt 1: Title« forms (group 1 its number)."""
    text = line.strip()
    return NUMBERED.match(text) or next((m for form in PUNKT_FORMS if (m := form.match(text))), None)


HEAD_LABEL = re.compile(either_spelling(r"^\s*(?:[-•]\s+)?(?:mødetid|mødetidspunkt|mødested|mødedato|dato|tid|sted|"
                                       r"deltagere|til stede|afbud|fraværende|medlemmer)\b"), re.IGNORECASE)


def _head_follows(lines: list[str]) -> bool:
    """Whether a meeting's head (»Mødetid: …«, »Deltagere: …«) stands under a title, before its first item."""
    for line in lines:
        if _numbered_heading(line):
            return False
        if HEAD_LABEL.match(line):
            return True
    return False


def _first_numbers(lines: list[str]) -> list[int]:
    """The numbers of the first two item headings in `lines`."""
    found = []
    for line in lines:
        if m := _numbered_heading(line):
            found.append(int(m.group(1)))
            if len(found) == 2:
                break
    return found


def _marker_apart(lines: list[str]) -> list[str]:
    """»Lukket punkt: 4. Personalesag«, the closed marker before the item's number on its heading line, as two
    lines: the marker above the heading, which marks that item (as a »Lukket punkt« line above any heading
    does). On one line, the item was not seen, and its closed text went to the open item above. A lock icon before
    the number (»🔒 2. Title«) goes after the title, where it marks the item closed (»2. Title 🔒«)."""
    out: list[str] = []
    for line in lines:
        if (m := MARKER_BEFORE_NUMBER.match(line)) and not line.lstrip().startswith(MARK):
            out += [m.group("marker").strip(), m.group("heading")]
        elif m := LOCK_BEFORE_NUMBER.match(line):
            out.append(f"{m.group('mark')}{m.group('heading')} \U0001F512")
        else:
            out.append(line)
    return out


def _heading_once(lines: list[str], dropped: list[Dropped]) -> list[str]:
    """An item's heading printed twice, the second right under the first (»1. Godkendelse af dagsorden (B)« /
    »1.     Godkendelse af dagsorden (B)«, as Slagelse's minutes do, or the title alone under it), is one
    heading: the second is dropped. Kept, either could be taken for the item's, and the first then ran into the
    item above as its last line."""
    out: list[str] = []
    last: tuple[str, str] | None = None  # the last numbered line's number and title, while only blanks follow it
    for line in lines:
        m = NUMBERED_ANY.match(line) if not line.lstrip().startswith(MARK) else None
        key = (m.group(1), fold(collapse_spaces(m.group(2)))) if m else None
        if last and (key == last or not m and fold(collapse_spaces(line)) == last[1]):
            # (or its title alone, as Holbæk's page prints it under »49. Godkendelse af dagsorden«)
            dropped.append(Dropped(DropReason.MARKER, line.strip()))
            continue
        out.append(line)
        if line.strip():
            last = key
    return out


def _header_end(raw: list[str], lines: list[str], headings: list[Heading]) -> int:
    """Where the first item starts in the raw text: the meeting header is read from the lines before it (the
    heading's line as read, or the raw line it was taken from, `_one_line_items`)."""
    if not headings:
        return len(raw)
    first = lines[headings[0].line]
    at = next((i for i, line in enumerate(raw) if line == first), None)
    if at is None:
        at = next((i for i, line in enumerate(raw) if ONE_LINE_ITEM.match(line) and line.startswith(first)), len(raw))
    return at


def _require_facts(meeting: Meeting, raw: list[str]) -> None:
    from corpus.readers import ReaderError

    missing = [what for what, value in (("committee", meeting.body), ("meeting date", meeting.date)) if not value]
    if missing:
        first = [_plain(line).strip() for line in raw if _plain(line).strip()][:8]
        raise ReaderError(
            f"found {len(meeting.items)} agenda items but could not find the {' or the '.join(missing)}: looked for "
            "'Møde:', 'Udvalg:', 'Mødedato:' or 'Dato:' lines, a title like 'REFERAT <udvalg> d. <dato>' or "
            "'<udvalg> – Referat – <dato>' in the first lines, and a committee in the file name "
            f"(not a generic one like document.pdf); the first lines were: {' | '.join(first)}")


def _plain(line: str) -> str:
    """The line's text: without a web page's block mark, and blank where a closed part's page began."""
    return line.replace(MARK, "").replace(CLOSED_PAGE, "")


def _meeting(lines: list[str], header: MeetingHeader, style: re.Pattern[str], source: str,
             dropped: list[Dropped], fallback: MeetingHeader | None = None) -> Meeting:
    fallback = fallback or MeetingHeader()
    meeting = Meeting(
        body=header.body or fallback.body or "",
        date=header.date or fallback.date or "",
        time=header.time if header.date else fallback.time,
        location=header.location or fallback.location,
        participants=header.participants,
        absentees=list(header.absentees),
        source=source,
    )
    lines, closing = _until_end_of_items(lines, dropped)
    if closing:  # the attendance set under the items, where the head has none (a member listed as away is not
        under = read_header(closing, source)  # among those present)
        meeting.absentees = meeting.absentees or list(under.absentees)
        meeting.participants = [p for p in meeting.participants or under.participants if p not in meeting.absentees]
    headings = _item_headings(lines, style)
    front = lines[:headings[0].line] if headings else lines  # (a block with no item: its head, all of it)
    bodies = [lines[h.end:headings[k + 1].line if k + 1 < len(headings) else len(lines)]
              for k, h in enumerate(headings)]
    front, bodies = _case_numbers_above(front, bodies)
    dropped.extend(Dropped(DropReason.FRONT_MATTER, _plain(line).strip()) for line in front if _plain(line).strip())
    # the word a heading's number stands after (»Punkt 1 – …«, »PUNKT 1« alone, »Dagsordenpunkt 1:«): a marker, so
    # that every word of the document is stored or accounted for (the number is the item's, the title its own)
    dropped.extend(Dropped(DropReason.MARKER, m.group(1)) for h in headings
                   if (m := HEADING_WORD.match(_plain(lines[h.line]).strip())))
    # the agenda's part headed right above the first item: »Lukket dagsorden« makes it closed, unless the front
    # page lists the items (Ballerup's contents end in »Lukket referat« with no item under it)
    listed = any(_numbered_heading(_plain(line)) for line in front)  # (not »8722 Greve«)
    closed = not listed and _closed_after([], _trailing_parts(front)[1], False) or any(CLOSED_PAGE in line
                                                                                      for line in front)
    if headings and _closed_marker_at_end(front) is not None:
        headings[0].closed = True  # 'Lukket punkt' right above the first item marks it, as above any other
    for k in _closed_in_agenda(front, headings):
        headings[k].closed = True
    under_title, unsure = _marker_under_title(bodies, style)
    for k, h in enumerate(headings):
        if k + 1 < len(headings) and not (closed or h.closed) and (j := _closed_part_within(bodies[k])) is not None:
            # text under the closed part's heading, before the next item (»Lukket møde« / »Under dette punkt deltog
            # elevrepræsentanten ikke.« / »3. Ansættelse …«): the closed part's, its first item's, not the open
            # item's above it (a Word probe, 2026-12-05: the sentence was that item's decision, public)
            bodies[k], bodies[k + 1] = bodies[k][:j + 1], bodies[k][j + 1:] + bodies[k + 1]
        body, parts = _trailing_parts(bodies[k])  # the next part's heading, above the next item: no item's text
        dropped.extend(Dropped(DropReason.MARKER, _plain(line).strip()) for line in parts)
        alone = (last := _closed_marker_at_end(body)) is not None and _closed_marker_at_start(body) == last
        nearer = _nearer(body, last) if alone and unsure else None  # (the heading the marker stands closer to)
        under_section = last is not None and known_heading(clean_inline(_text_above(body, last))) is not None
        if k + 1 < len(headings) and last is not None and not (
                under_title and alone or _marked_closed(body[:last]) or _marked_open(bodies[k + 1]) or under_section
                or alone and (nearer == "own" or CLOSED_PREFIX.match(h.title) or CLOSED_SUFFIX.search(h.title))):
            # 'Lukket punkt' printed above the next item's heading marks that item, not this one's text; where
            # the document prints it under the closed item's title, a marker alone under a title (or its case
            # number) is that item's. Nor where this item is marked closed above it (»Sagsnr.: 24/3310«, »Lukket
            # sag«, »Lukket punkt«: a system's access line, then the text it prints for a closed item) or the
            # next item says it is open (»Åben sag« under its title). A marker alone under a title or its case
            # number may be either's (below). Nor one under a section's heading, that section's text (»Referat« /
            # »Lukket punkt.«, a closed row of an agenda table: until 2026-12-05 it closed the next, open item)
            headings[k + 1].closed = True
            if not (unsure and alone and nearer is None):
                dropped.append(Dropped(DropReason.MARKER, _plain(body[last]).strip()))
                body = body[:last]
            # (where no item says whose a marker alone under a title is, the blank lines may: it is the item's it
            # stands closer to, »2. Meddelelser« / ⏎ ⏎ »Lukket punkt« / »3. Erstatningssag« the next one's; where
            # they say nothing either, as in a PDF's text, it is that item's too, as documents most often print a
            # closed item, its title and »Lukket punkt«, and it still marks the next item, so that nothing closed
            # is published whichever it is. A title marked closed itself, »… 🔒«, takes its own marker)
        meeting.items.append(_item(h, body, closed, meeting, dropped))
        closed = _closed_after(body, parts, closed)
    # an item added under a lettered number: numbered after the agenda's last, its printed number kept in its
    # title (item numbers are whole numbers), as the agenda JSON's reader does
    last = max((item.number for item, h in zip(meeting.items, headings) if h.label is None), default=0)
    added = [(item, h.label) for item, h in zip(meeting.items, headings) if h.label]
    for k, (item, label) in enumerate(added, start=1):
        item.number, item.title = last + k, f"{item.title} (punkt {label})"
    meeting.absentees = list(dict.fromkeys(meeting.absentees))
    return meeting


def _closed_in_agenda(front: list[str], headings: list[Heading]) -> set[int]:
    """The items an agenda listed above them marks closed (their places in `headings`): an entry marked so
    (»2. Salg af byggegrund (lukket)«), or listed under the closed part's heading (»Lukkede punkter« / »2. Salg af
    byggegrund«), with the item's number and title; the item's own heading may not say so (until 2026-12-05 such an
    item was read as open and its decision published)."""
    closed_part, entries = False, {}
    for line in front:
        text = _plain(line).strip()
        if opens_closed_part(text) or part_heading(text) is not None:
            closed_part = closed_after_part(text, closed_part)
        elif m := _numbered_heading(text) or NUMBERED_ANY.match(text):  # (»2 Salg af grund – Lukket punkt«: an
            # entry numbered without a dot, which counts only where an item of that number and title follows)
            title, marker = _closed_marker_apart(m.group(2).strip())
            entries[int(m.group(1))] = (title.strip(), closed_part or marker is not None)
    return {k for k, h in enumerate(headings)
            if (entry := entries.get(h.number)) and entry[1] and entry[0] and _same_title(entry[0], h.title)}


def _case_numbers_above(front: list[str], bodies: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """A case number printed above each item's heading (Region Midtjylland's »Sagnr.: 1-30-76-12-24« over »2.
    Title«) is that item's, not the last line of the item above; one printed as each item's last line is that
    item's own. Where at least two items and half of them end in a labelled case number, the last item says
    which: ending in none, the numbers stand above the headings (the first item may have none over it, as
    »Godkendelse af dagsorden« often has none); ending in one, at the items' ends. Each such line goes to the top
    of its item's body, where the case number is read."""
    ends = [_case_line_at_end(front)] + [_case_line_at_end(body) for body in bodies]  # [0]: over the first item
    if sum(j is not None for j in ends) < max(2, len(bodies) / 2):
        return front, bodies
    front, bodies = list(front), [list(body) for body in bodies]
    above = ends[-1] is None
    for k in range(len(bodies) - 1, -1, -1):  # from the last: a body loses its last line after its own moved
        j = ends[k] if above else ends[k + 1]
        if j is not None:
            lines = (front if k == 0 else bodies[k - 1]) if above else bodies[k]
            bodies[k].insert(0, lines.pop(j))
    return front, bodies


def _case_line_at_end(lines: list[str]) -> int | None:
    """Where a labelled case number is the lines' last (a »Lukket punkt« under it aside), or None."""
    last = next((j for j in range(len(lines) - 1, -1, -1)
                 if _plain(lines[j]).strip() and not CLOSED_LINE.match(_plain(lines[j]).strip())), None)
    m = CASE_NUMBER.match(_plain(lines[last]).strip()) if last is not None else None
    return last if m and m.group("n") else None


def _until_end_of_items(lines: list[str], dropped: list[Dropped]) -> tuple[list[str], list[str]]:
    """A meeting's closing matter (combined attachment list, signatures) belongs to no item; nor does a note that
    the minutes were approved, as the document's last line under text of the last item's (»Referatet er godkendt
    digitalt af udvalgets medlemmer.«; not a decision's only words under its heading, »Beslutning« / »Referatet er
    godkendt.«, as the item approving the last minutes has them), nor the meeting's facts set apart under the last
    item (»Fraværende: Ali Hassan« / »Referent: Tove Mikkelsen«, »Næste møde: …«, as small councils type them).
    The lines, and the closing matter's (where the meeting's attendance may stand)."""
    for i, line in enumerate(lines):
        if END_OF_ITEMS.match(_plain(line).strip()):
            return _closing_from(lines, i, dropped)
    last = next((i for i in range(len(lines) - 1, -1, -1) if _plain(lines[i]).strip()), None)
    if last is None:
        return lines, []
    above = _text_above(lines, last)
    if APPROVED.match(_plain(lines[last]).strip()) and not _is_section_start(above) and not _numbered_heading(above):
        return _closing_from(lines, last, dropped)
    start = last  # the block of lines the last stands in, set apart by a blank line above it
    while start > 0 and _plain(lines[start - 1]).strip():
        start -= 1
    above = _text_above(lines, start)
    if start > 0 and all(CLOSING_FACT.match(_plain(x).strip()) for x in lines[start:last + 1]) and above \
            and heading_kind(clean_inline(above)) is None and not _numbered_heading(above) \
            and not above.endswith(":"):  # (not an item's only text under its heading)
        return _closing_from(lines, start, dropped)
    if (signed := _signed_from(lines, last)) is not None:
        return _closing_from(lines, signed, dropped)
    return lines, []


# The place and day the minutes were signed, a line of its own above the signatures (»Herning, den 7. juni 2024«)
DATELINE = re.compile(r"^[A-ZÆØÅ][\w.\- ]{1,40},\s+(?:d\.|den)?\s*\d{1,2}\.?\s*(?:[a-zæøå]{3,9}\.?|\d{1,2}\.?)"
                      r"\s*\d{4}\.?$")
THEMATIC_BREAK = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")  # (Markdown's »---« between the items and the close)
SIGNED_BY = re.compile(either_spelling(r"^(?:godkendt|underskrevet|referat godkendt)\s+(?:af|digitalt)\b"), re.I)
SIGNATURE_LINES = 6  # (the few lines of names and roles under a dateline)
# a mail's closing greeting, alone on its line after a blank one, over the sender's signature (at most half of
# MAIL_SIGNATURE_LINES lines, its disclaimer included)
GREETING = re.compile(r"^(?:med\s+)?(?:venlig(?:st)?|de\s+bedste)\s+hilsen(?:er)?\s*[,.!]?$|^mvh\.?,?$", re.I)
MAIL_SIGNATURE_LINES = 30
PUNKT_LINE = re.compile(r"^\s*(?:punkt|pkt\.?|sag)\s*\d", re.I)  # (an item's heading after a quoted letter's greeting)


def _signed_from(lines: list[str], last: int) -> int | None:
    """Where the minutes' signing stands after the last item's text, as closing matter: a dateline or a note that
    the minutes were approved after a blank line with at most a few short lines of names under it (»Herning, den 7.
    juni 2024« / »Jens Fuglsang, dirigent«), or a thematic break (»---«) over a few such lines opening with the
    minute-taker or the approval (»Referent: Pia Lund« / »Godkendt af formand Hanne Brix, 20. marts 2024«), or a
    mail's greeting over its signature (»Med venlig hilsen« / the sender's name, office, address, disclaimer); None
    where no such lines end the text. The meeting's facts alone under the last item are read above
    (`CLOSING_FACT`)."""
    mail = [i for i in range(max(0, last - MAIL_SIGNATURE_LINES), last + 1) if _plain(lines[i]).strip()]
    for k, i in enumerate(mail):  # a mail's greeting over its signature and disclaimer (»Med venlig hilsen« /
        # »Birgitte Holm« / »Udvalgssekretær« / … / »Denne e-mail kan indeholde fortrolige oplysninger …«)
        if GREETING.match(_plain(lines[i]).strip()) and i > 0 and not _plain(lines[i - 1]).strip() \
                and len(mail) - k <= MAIL_SIGNATURE_LINES // 2 \
                and not any(LIST_ENTRY.match(_plain(lines[j])) or PUNKT_LINE.match(_plain(lines[j]))
                            for j in mail[k + 1:]):
            return i  # (not a letter quoted in an item, an item after it: »Venlig hilsen« / … / »Punkt 51: …«)
    tail = [i for i in range(max(0, last - SIGNATURE_LINES * 2), last + 1) if _plain(lines[i]).strip()]
    for k, i in enumerate(tail):
        line, after = _plain(lines[i]).strip(), [_plain(lines[j]).strip() for j in tail[k + 1:]]
        if len(after) >= SIGNATURE_LINES or any(len(x) > 80 for x in after) or i == 0 or _plain(lines[i - 1]).strip():
            continue
        if (DATELINE.match(line) and find_date(line) or APPROVED.match(line) or SIGNED_BY.match(line)) \
                and not any(x.endswith((".", ":")) for x in after):
            return i  # (also the approval over the signatures' lines: »Referatet er godkendt af formanden.« /
            # »______ ⇥ ______« / »Birgit Hald, formand ⇥ Mette Sloth, referent«)
        if THEMATIC_BREAK.match(line) and after and (CLOSING_FACT.match(after[0]) or SIGNED_BY.match(after[0])
                                                     or APPROVED.match(after[0])):
            return i
    return None


def _closing_from(lines: list[str], start: int, dropped: list[Dropped]) -> tuple[list[str], list[str]]:
    """The lines with those from `start` on blanked as closing matter (listed in `dropped`), and those lines."""
    dropped.extend(Dropped(DropReason.CLOSING_MATTER, _plain(x).strip()) for x in lines[start:] if x.strip())
    return lines[:start] + [""] * (len(lines) - start), [_plain(x).strip() for x in lines[start:]]


# -- finding items ------------------------------------------------------------------------------
def _document_style(lines: list[str]) -> tuple[re.Pattern[str], list[str]]:
    """The heading form of this document and its lines: the form whose numbered run is longest (ties: first
    listed), else, in minutes of titles and prose whose items are one line each (»1. Godkendelse af dagsorden:
    Godkendt.«), the prose form read with each such line as its title and its text (`_one_line_items`)."""
    style, items = _heading_style(lines)
    if style in PROSE_STYLES or items > 1:
        return style, lines
    apart = _one_line_items(lines)
    if apart != lines and (other := _heading_style(apart)[0]) in PROSE_STYLES \
            and not _one_line_left(apart, _item_headings(apart, other)):
        return other, apart
    return style, lines


def _one_line_items(lines: list[str]) -> list[str]:
    """Each line of a numbered title, a colon and text (»1. Godkendelse af dagsorden: Godkendt.«) as two: the
    title with its colon and the text under it, where it is the next item by number. Not a list's points in an
    item's text: under a line ending in a colon, numbered from 1 again (»1. Salg af ejendommen« / … / »1.
    Salgspris: 2 mio. kr.«), or right under a point whose list it may go on, no blank line between or its number
    standing again further on (»2. Næstformand: …« / »3. …«; under it, »4. Mødeplan: …« is item 4 where item 3
    came last)."""
    out: list[str] = []
    above, above_split, ones, expected, blank = "", False, 0, 1, False
    later = collections.Counter(int(n.group(1)) for line in lines if (n := LIST_ENTRY.match(_plain(line).strip())))
    for line in lines:
        plain = _plain(line).strip()
        m = ONE_LINE_ITEM.match(line)
        listed = LIST_ENTRY.match(plain)
        number = int(listed.group(1)) if listed else None
        if number is not None:
            later[number] -= 1
        after = LIST_ENTRY.match(above)
        point = above.endswith(":") or number == 1 and ones > 0 or (
            after is not None and not above_split and int(after.group(1)) + 1 == number
            and (not blank or later[number] > 0))  # (a point apart, its number an item's further on: the list's)
        split = m is not None and not line.lstrip().startswith(MARK) and number == expected and not point
        out += [m.group("heading"), m.group("text")] if split else [line]
        if split or number == expected and not point and NUMBERED.match(plain) and _title_like(NUMBERED.match(
                plain).group(2)):
            expected += 1  # (an item of title and prose lines counts too: »3. Budget 2025« / »Rådet …«)
        if plain:
            above, above_split, ones, blank = plain, split, ones + (number == 1), False
        else:
            blank = True  # (a blank line ends a list whose points stand together)
    return out


def _one_line_left(lines: list[str], headings: list[Heading]) -> bool:
    """Whether a one-line item numbered as the next after the last item read stands below it, not read as one:
    the one-line reading stopped in a list it could not tell from the items (it refuses instead)."""
    last = headings[-1]
    return any(ONE_LINE_ITEM.match(line) and int(LIST_ENTRY.match(line).group(1)) == last.number + 1
               for line in lines[last.end:])


def _heading_style(lines: list[str]) -> tuple[re.Pattern[str], int]:
    """The heading form of these lines, the one whose numbered run is longest (ties: first listed), and how many
    items the ordinary forms find."""
    best, best_found = NUMBERED, []
    for style in (PUNKT, NUMBERED, ALONE, BARE, PAREN, PUNKT_COMMA, NR_HEADING, SAG_YEAR):
        found = _item_headings(lines, style)
        if len(found) > len(best_found):
            best, best_found = style, found
    best_len = len(best_found)
    if best_len <= 1:  # (two items more than those with an item's furniture explain: at most one has it)
        # of the forms that read as such minutes, the one whose items begin first: a list in another form stands in
        # an item's text, after its title (»2. Orientering« / … / »1) Dialogmøde« …); then the one with the most
        # items (»4. Næste møde:«, the one title typed with a colon). Not a list in the one item the ordinary
        # reading found (»Punkt 7: Budgetopfølgning« / »Sagsnr.« / … / »1. Anlæg:« »2. Drift:« »3. Takster:«).
        one = best_found[0].line if best_len == 1 else None
        runs = [(found[0].line, -len(found), style) for style in PROSE_STYLES
                if len(found := _item_headings(lines, style)) >= best_len + 2
                and (one is None or found[0].line <= one or any(h.line == one for h in found))]
        if runs:
            return min(runs, key=lambda run: run[:2])[2], best_len
    return best, best_len


def _candidates(lines: list[str], style: re.Pattern[str]) -> list[Heading]:
    """Numbered lines of `style` that are item headings; `weak` where only the title is there (an item with
    nothing under it, or whose text starts with prose rather than a case number or section)."""
    found = []
    plain = [_plain(line) for line in lines]
    listed = _agenda_listed(plain, style) if style is PUNKT else set()
    for i, line in enumerate(plain):
        m = style.match(line)
        if not m or i in listed or part_heading(line) is not None and not _case_number_at(plain, i + 1):
            continue  # »2. Lukkede punkter« heads a part (»3. Åbne sager - fortsat« / »EMN-…« an item)
        if style is ALONE:
            heading = _alone_heading(plain, i, int(m.group(1)), lines)
            if heading:
                found.append(heading)
            continue
        title = m.group(2).strip()
        if len(title) >= 400:
            continue
        wrapped, end = _wrapped_title(plain, i + 1, title, most=0 if style in PROSE_STYLES else _wraps_after(title))
        # (minutes of titles and prose: a capitalised line under a title is the item's text, »3. Klimaregnskab« /
        # »Regnskabet viser et fald«; a lower-case one still goes on with the title)
        # the presenter may stand on the title's wrapped line (»… den 3. december 2021« / »v. Jesper Kaas …«),
        # and a long title's wrap may push its case number past the lines looked at
        if style is PUNKT or _looks_like_item(plain, i + 1, title) or end > i + 1 and (
                PRESENTER.match(wrapped) or _case_number_at(plain, end)):
            # a web page's heading element: its numbers may skip an item left out (a closed one), as rows' do
            found.append(Heading(i, int(m.group(1)), wrapped, end, certain=lines[i].lstrip().startswith(MARK)))
        elif style is not BARE or SPACED_NUMBER.match(line) or lines[i].lstrip().startswith(MARK):
            # (»4 Salg af ejendom« bare, with prose under it: an item where a page sets it as a heading element)
            if _title_like(wrapped):
                found.append(Heading(i, int(m.group(1)), wrapped, end, weak=True))
            elif _title_like(title):  # the line after it is the item's first sentence (»Formanden orienterede:«)
                found.append(Heading(i, int(m.group(1)), title, i + 1, weak=True))
    return found


def _agenda_listed(plain: list[str], style: re.Pattern[str]) -> set[int]:
    """The lines of an agenda listed above the items in their own heading form (»Dagsorden« / »Punkt 1 Godkendelse af
    dagsorden« / »Punkt 2 …« line under line), each heading again further on with its number and title: a form
    that makes every line an item's heading took the list for the items, and their texts went to the last one."""
    headed = [(i, int(m.group(1)), fold(m.group(2).strip()))
              for i, line in enumerate(plain) if (m := style.match(line))]
    listed: set[int] = set()
    for k, (i, number, title) in enumerate(headed):
        beside = [(j, n) for j, n, _ in headed[max(k - 1, 0):k + 2] if j != i]
        in_list = any(abs(j - i) == 1 and n - number == j - i for j, n in beside)  # (line under line, counting on)
        if in_list and any(n == number and t == title and j > i + 1 for j, n, t in headed[k + 1:]):
            listed.add(i)
    return listed


def _wraps_after(title: str) -> int:
    """How many lines a heading's title may go on over: three, but one where it already ends in its presenter
    (»… v. Poul Sørensen«: the short lines under it are the item's text), unless a sentence about the presenter
    is left open (»… v. Lars Møller. Prorektor for« / »VIA, Gitte Sommer Harrits, deltager …«)."""
    if not (m := PRESENTER.match(title)):
        return 3
    note = _name_and_note(m.group("who"))[1]
    return 3 if note and not note.endswith((".", "!", "?")) else 1


def _case_number_at(lines: list[str], start: int) -> bool:
    following = next((line.strip() for line in lines[start:start + 3] if line.strip()), "")
    return CASE_NUMBER.match(following) is not None


def _title_like(title: str) -> bool:
    """Could stand alone as an item's title: short, not a sentence or a list entry (»Godkender budgettet.«,
    »Det indstilles, at:«), not a section heading; »Evt.« ends in its abbreviation's full stop."""
    return len(title) <= MAX_WEAK_TITLE and (not title.rstrip().endswith((".", ":", ";", ","))
                                             or CLOSING_ITEM.match(title.strip()) is not None) and (
        not _is_section_start(title))


def _alone_heading(lines: list[str], i: int, number: int, marked: list[str]) -> Heading | None:
    """'3' on its own line, then (perhaps a 'Lukket punkt' marker and) the title, then item furniture, or on a
    web page a heading element holding the title with nothing after it (»Eventuelt«, a closed item's title)."""
    j, closed = _next_text(lines, i + 1), False
    if j is not None and CLOSED_LINE.match(lines[j].strip()):
        marker, j, closed = j, _next_text(lines, j + 1), True
        if marker - i <= 3 and (j is None or _is_section_start(lines[j].strip()) or ALONE.match(lines[j].strip())):
            # the marker is all the title there is (a web page's closed item headed »Lukket punkt«): what follows
            # is the item's sections, the next item's number or nothing, so this is an item, not the text before
            certain = marked[marker].lstrip().startswith(MARK)
            title = lines[marker].strip().strip("():-–— ")
            return Heading(i, number, title, marker + 1, True, weak=not certain, certain=certain)
    if j is None or j - i > 3:
        return None
    title = lines[j].strip()
    # a title may start with a figure (»2. etape af …«, »2030-planen«), not be one
    if not title[:1].isalnum() and title[:1] not in "\"'«»„(" or ALONE.match(title) or len(title) >= 400:
        return None
    if _is_section_start(title):
        return None
    certain = marked[j].lstrip().startswith(MARK)
    if not _looks_like_item(lines, j + 1, title, closed):  # the page's item row, or a title and nothing else
        return Heading(i, number, title, j + 1, closed, weak=not certain, certain=certain) \
            if _title_like(title) else None
    title, end = _wrapped_title(lines, j + 1, title)
    return Heading(i, number, title, end, closed, certain=certain)


def _next_text(lines: list[str], start: int) -> int | None:
    return next((k for k in range(start, min(len(lines), start + 4)) if lines[k].strip()), None)


def _looks_like_item(lines: list[str], start: int, title: str, closed: bool = False) -> bool:
    """A numbered line is an item heading only if it carries a presenter or is followed by item furniture."""
    if PRESENTER.match(title) or closed:
        return True
    following = [line.strip() for line in lines[start:start + 12] if line.strip()][:6]
    for k, f in enumerate(following[:3]):
        if NUMBERED.match(f) and not CASE_NUMBER.match(f):
            break  # the next numbered title: what stands under it is not this line's (a list's »1. Budget 2025«
            # above »2. Ny trafikplan« and the next item's »3. Høring …« / »Sagsnr. 24/1234«)
        if (CASE_NUMBER.match(f) or _is_section_start(f) or f.startswith("Det indstilles") or CLOSED_LINE.match(f)
                or CLOSED_NOTICE.match(f) or k == 0 and fold(f) in OPEN_LINES):  # (»Åben sag« right under it)
            return True
        if k == 0 and known_heading(clean_inline(f)) is SectionKind.OTHER and not LIST_ENTRY.match(f) \
                and any(_is_section_start(g) for g in following[1:4]):
            return True  # right under the title a heading of the item's (Holbæk's »Sagsgang og sagstype«), and a
            # section of the item's kinds soon after it
        if SUB.match(f):  # a sub-item counts when it is itself followed by a section ('1.1 Status' / 'Oplæg:')
            return any(_is_section_start(g) for g in following[k + 1:k + 4])
    return False


@functools.lru_cache(maxsize=1 << 16)
def _is_section_start(line: str) -> bool:
    """A heading of a section with a kind of its own (Beslutning, Indstilling, Bilag …), alone or as a label.
    Cached: choosing the items' numbering asks it of the same lines many times over."""
    text = clean_inline(line)
    return _section_kind(text) not in (None, SectionKind.OTHER) or ATTACHMENT_TEXT.match(text) is not None


def _section_kind(text: str) -> SectionKind | None:
    """The kind a section heading names, alone or as a label (»Beslutning«, »Beslutning: Godkendt.«)."""
    inline = inline_section(text)
    return known_heading(text) or (inline[0] if inline else None)


def _ends_title(line: str) -> bool:
    text = line.strip()
    return (not text or text[:1].isupper() and part_heading(text) is not None or CASE_NUMBER.match(text) is not None
            or not text[:1].islower() and known_heading(clean_inline(text)) is not None  # (a title's wrapped word
            # »høring« goes on with it: a section's heading is capitalised)
            or inline_section(text) is not None or SUB.match(text) is not None or DOC_NUMBER.match(text) is not None
            or CLOSED_LINE.match(text) is not None or CLOSED_NOTICE.match(text) is not None
            or fold(text) in NOISE_LINES or fold(text) in OPEN_LINES  # (»Åben sag«, »Status Åben« under the title,
            # as »Lukket sag« is)
            or LETTERED.match(text) is not None and not text.startswith("v.")  # (»a) Status på …«: the item's
            # first point; not »v. Jesper Kaas Schmidt«, the presenter on the title's wrapped line)
            or PRESENTED_BY.match(text) is not None or CLOSED_STATUS.match(text) is not None
            or FACT.match(text) is not None  # (»Sagsbehandler: Bo Lund« under the title: a fact, no wrapped words)
            or text.startswith("Det indstilles")
            or any(form.match(text) for form in PUNKT_FORMS) or NUMBERED.match(text) is not None)


# What an item with no section says under its title, as a decision without a full stop (»1. Godkendelse af referat« /
# »Godkendt«, »3. Eventuelt« / »Ingen bemærkninger« or »-«): the item's text, no title's wrapped words
ANSWERS = {fold(a) for a in ("godkendt", "vedtaget", "tiltrådt", "taget til efterretning", "til efterretning",
                             "orienteret", "drøftet", "udsat", "anbefales", "intet", "ingen", "ingen bemærkninger",
                             "intet at bemærke", "intet nyt", "ikke noget", "ingen punkter")}


def _answer(line: str) -> bool:
    """A short answer an item with no section gives under its title (`ANSWERS`), or a line of signs alone (»-«)."""
    text = line.strip().rstrip(".!")
    return bool(line.strip()) and (fold(text) in ANSWERS or not any(ch.isalnum() for ch in line))


PRESENTER_LINE = re.compile(r"^v/\s*((?-i:[A-ZÆØÅ])\S*(?:\s+(?-i:[A-ZÆØÅ])\S*){0,3})$")  # »v/ Sofie Holm« alone


def _wrapped_title(lines: list[str], start: int, title: str, most: int = 3) -> tuple[str, int]:
    """Join the lines a wrapped heading goes on over (at most `most`: one where the heading already ends in
    its presenter), when a case number, a section heading or a blank line follows them; a lower-case next
    line always continues the title. A title ending in its closed marker (»… Harboøre (LUKKET PUNKT)«) has ended:
    the sentence under it (»Sagen er behandlet som lukket punkt, jf. styrelseslovens § 10.«) is the item's text."""
    if CLOSED_SUFFIX.search(title):
        return title, start
    for extra in range(1, most + 1):
        if start + extra > len(lines):
            break
        tail = [line.strip() for line in lines[start:start + extra]]
        if any(_ends_title(t) or len(t) > 120 or _answer(t) for t in tail) or _sentence(tail[-1]):
            break
        after = lines[start + extra] if start + extra < len(lines) else ""
        if _ends_title(after):
            for t in tail:
                title = _join_wrap(title, _as_presenter(t))
            return title, start + extra
    if start < len(lines):
        nxt = lines[start].strip()
        if nxt and nxt[:1].islower() and len(nxt) < 120 and not _ends_title(nxt):
            return _join_wrap(title, _as_presenter(nxt)), start + 1
    return title, start


def _as_presenter(line: str) -> str:
    """The presenter on a line of its own (»2. Nyt fra elevrådet« / »v/ Sofie Holm«) as »v. Name«, which is read
    after a title; any other line as it is."""
    return f"v. {m.group(1)}" if (m := PRESENTER_LINE.match(line)) else line


def _sentence(line: str) -> bool:
    """A line ending a sentence (»Godkendt.«): the item's first words under its title, which no title ends in,
    but in an abbreviation (»… m.v.«, »… mv.«)."""
    last = line.rsplit(None, 1)[-1] if line else ""
    if re.fullmatch(r"\d{1,2}[.:]\d{2}\.", last):  # (a time ending it: »Næste møde … kl. 19.00.«)
        return True
    if re.search(r"\d\s+(?:kr|mio|mia)\.$", line):  # (an amount ending it: »… en egenkapital på 212.000 kr.«)
        return True
    return last.endswith((".", "!", "?")) and len(last) > 4 and "." not in last[:-1]


def _join_wrap(title: str, more: str) -> str:
    if re.search(r"\w-$", title):
        return title + more
    return f"{title} {more}"


def _item_headings(lines: list[str], style: re.Pattern[str]) -> list[Heading]:
    """The longest run of candidates numbered n, n+1, n+2, … in document order (the first of runs as long).
    Of two lines with the same number that each lead a run as long, one going on from a list (»3. Drøfter
    prioriteringen.« under »2. …« in item 2's Indstilling; Ballerup's »1. Meddelelser« numbering its
    announcements 1–5, each with its Bilag, above the items »2. …«, »3. …«), the title after it is the item's
    when it has more of an item's marks (`_evidence`: a presenter, a case number under it). A weak candidate
    (a title and nothing that marks it as an item) counts only where the numbering needs it: filling the one
    number missing between two items, or as items with nothing but their titles ending the minutes."""
    cands = _candidates(lines, style)
    strong = [c for c in cands if not c.weak]
    weak = [c for c in cands if c.weak]
    if style in PROSE_STYLES:  # an item is a title and prose, in minutes that say they are
        if not cands or not _says_minutes(lines, cands[0].line):
            return []
        strong, weak = _prose_items(lines, cands), []
    weak_at: dict[int, list[Heading]] = {}
    for w in weak:
        weak_at.setdefault(w.number, []).append(w)
    points = _ListPoints(lines)
    numbered: dict[int, list[int]] = {}  # number -> the strong candidates' places in `strong`
    for k, c in enumerate(strong):
        numbered.setdefault(c.number, []).append(k)
    certain = [k for k, c in enumerate(strong) if c.certain]
    runs: list[list[Heading]] = [[] for _ in strong]  # the best run from each candidate on, found from the last
    for i in range(len(strong) - 1, -1, -1):
        c = strong[i]
        best: list[Heading] = [c]
        skipped = (k for n in range(c.number + 3, c.number + MAX_SKIPPED + 2) for k in numbered.get(n, ()))
        later = sorted(k for k in (*numbered.get(c.number + 1, ()), *numbered.get(c.number + 2, ()),
                                   *(certain if c.certain else ()), *skipped) if k > i and strong[k].line >= c.end)
        for d, run in ((strong[k], runs[k]) for k in dict.fromkeys(later)):
            if d.number in (c.number + 2, c.number + 3) and (gap := _weak_between(points, weak_at, c, d)):
                step = [c, *gap]  # (also on a web page: the heading of a closed item published by its title alone;
                # two such in a row: »2. Salg af kommunal ejendom 🔒« / »3. Klagesag vedr. tjenestemand 🔒«)
            elif d.number == c.number + 1 or d.number > c.number and c.certain and d.certain \
                    and not any(c.number < o.number < d.number and o.line > d.line for o in cands):
                step = [c]  # (a web page may leave out the items it does not publish: 1, 2, 5, 6)
            elif d.number == c.number + 2 and points.part_between(c.end, d.line):
                step = [c]  # a part's heading numbered in the items' list took the number (»7. Lukkede punkter«)
            elif d.number == c.number + 2 and _lettered_between(lines, c, d):
                step = [c]  # the number's items lettered (»4«, »5a«, »5b«, »6«: _with_added reads them)
            elif d.number > c.number + 1 and _skips_to(lines, points, cands, c, d):
                step = [c]  # minutes published without their closed items: 1, 2, 5, 6
            else:
                continue
            length = len(step) + len(run)
            if length > len(best) or length == len(best) and _instead(lines, points, c, best[1], d):
                best = step + run
        runs[i] = best
    found = max(runs, key=len, default=[])  # (the first of runs as long)
    if style in PROSE_STYLES and (len(found) < MIN_PROSE_ITEMS or found[0].number != 1):
        return []
    return _with_added(lines, _weak_head(lines, weak, found) + found + _weak_tail(lines, points, weak, found))


def _says_minutes(lines: list[str], end: int) -> bool:
    """Whether the document's title, in its first lines with text above `end`, calls it minutes or an agenda
    (»Referat af møde i Ældrerådet«, »Udkast til referat«, »Ældrerådet – Referat – 12. marts 2024«): the word
    itself, in a line that is no sentence (not »Du kan læse referatet …«, »… jf. dagsordenen.«) nor about minutes
    (`ABOUT_MINUTES`)."""
    first = [text for line in lines[:end] if (text := _plain(line).strip())][:PROSE_TITLE_LINES]
    return any(MINUTES_WORD.search(text) and len(text) <= 100 and not text.endswith(".")
               and not ABOUT_MINUTES.search(text) for text in first)


def _prose_items(lines: list[str], cands: list[Heading]) -> list[Heading]:
    """The candidates that are items in minutes of titles and prose: not a list's points. A list starts at a
    point `_list_point` tells, and goes on with the next numbers: point after point where its points stand
    apart (text and a blank line between them, as items do), or line under line where they stand together,
    then ending at a blank line (»1. Budget 2025« / »2. Ny trafikplan« / blank / »3. Høring …«: the item), or at
    the next item's number where no line further on has that number and the next number follows (»1. Høringssvar
    sendes« / »2. Formanden kontakter udvalget« / »3. Høring …« / »4. Eventuelt«: items 3 and 4; a list's »4.
    Frivillighed« closing the minutes stays a point), or at the standing item that closes minutes (»4. Eventuelt«:
    no list's point), where the list's points have text under them (an agenda for the next meeting listed in the
    last item, bare titles to its »4. Eventuelt«, goes on to its end)."""
    items: list[Heading] = []
    last: Heading | None = None  # the list's last point
    together: bool | None = None  # whether its points stand line under line (None: one point so far)
    opening = _empty_opening(lines, cands)
    for k, c in enumerate(cands):
        if k in opening:
            items.append(c)
            continue
        if last is not None and c.number == last.number + 1 and not (
                items and _items_go_on(cands, k, items[-1]) and _has_text(lines, last, c)):
            apart = any(not _plain(lines[j]).strip() for j in range(last.end, c.line))
            if not (together and apart):
                together = not apart if together is None else together
                last = c
                continue
        if items and _items_go_on(cands, k, items[-1]) and not (
                POINT.match(_text_under(lines, c)) and LIST_ENTRY.match(_text_above(lines, c.line))):
            # the next item's number, no list's next point, right under a list's last (»2. Demens: Flere pladser.«
            last = None  # / »4. Høring om ældrepolitik«); not a point amid a list's (»3. …« / »4. …« / »5. …«)
            items.append(c)
            continue
        if _list_point(lines, c) or items and c.number == 1:  # (a »1.« after an item: the numbers start over
            last, together = c, None  # in its text, »Bestyrelsen besluttede« / »1. Regnskabet godkendes:« …)
            continue
        last = None
        items.append(c)
    return items


def _empty_opening(lines: list[str], cands: list[Heading]) -> tuple[int, ...]:
    """The places of items 1 and 2 where item 1 has nothing under it (»1. Godkendelse af dagsorden«, approved
    without a word) and item 2 has text (»2. Orientering fra formanden« / »Formanden orienterede …«): the first
    item, not a list's first point, where no later line numbered 1 or 2 has its title (an agenda listed above the
    items, or the next meeting's in the last, lists them again), no colon, agenda heading (»Dagsorden«) or
    numbered line stands right above it, it is the first numbered line, item 3 or a list's point comes next, and
    every later »1.« is a list's point; a list numbered from 1 in a later item's text is that item's."""
    if len(cands) < 2 or cands[0].number != 1 or any(not _list_point(lines, c) for c in cands[1:] if c.number == 1):
        return ()  # (minutes going on from item 7 list from 1 in an item; a »1.« with text under it later is
        # item 1 and this a list above it, »… tre fokusområder« / »1. Tryghed« / »2. Fællesskab« / »Flere …«)
    first, second, rest = cands[0], cands[1], cands[2:]
    if any(_same_title(later.title, (first, second)[later.number - 1].title) for later in rest
           if later.number in (1, 2)):
        return ()  # (the items listed again below: this was the agenda, »Godkendelse af dagsorden«/»… dagsordenen«)
    right_above = _plain(lines[first.line - 1]).strip() if first.line else ""
    above = _text_above(lines, first.line)
    if second.number != 2 or _has_text(lines, first, second) or above.endswith(":") or AGENDA_HEADING.match(above) \
            or LIST_ENTRY.match(right_above) or rest and rest[0].number not in (1, 3):
        return ()
    stop = rest[0].line if rest else len(lines)
    under = next((text for line in lines[second.end:stop] if (text := _plain(line).strip())), "")
    return (0, 1) if under and not LIST_ENTRY.match(under) else ()


def _same_title(a: str, b: str) -> bool:
    """Two titles of one item, as an agenda and its minutes write them (»Godkendelse af dagsorden« / »Godkendelse
    af dagsordenen«): one folded the other's start."""
    a, b = fold(a), fold(b)
    return a.startswith(b) or b.startswith(a)


def _text_under(lines: list[str], h: Heading) -> str:
    """The first line with text under a heading, or ''."""
    return next((text for line in lines[h.end:] if (text := _plain(line).strip())), "")


def _items_go_on(cands: list[Heading], k: int, item: Heading) -> bool:
    """Whether candidate k, numbered as a list's next point, is rather the item after `item`: its number is the
    next item's, no line further on has it, and the items go on after it or it closes the minutes (Eventuelt)."""
    c, later = cands[k], {o.number for o in cands[k + 1:]}
    return c.number == item.number + 1 and c.number not in later and (
        c.number + 1 in later or CLOSING_ITEM.match(c.title) is not None)


def _has_text(lines: list[str], h: Heading, nxt: Heading) -> bool:
    """Whether a list's point has text under it before the next: a list of bare titles (an agenda for the next
    meeting listed in the last item, »1. Godkendelse af dagsorden« … »4. Eventuelt«) goes on to its end."""
    return any(_plain(lines[j]).strip() for j in range(h.end, nxt.line))


def _list_point(lines: list[str], h: Heading) -> bool:
    """A numbered line that is a list's point rather than an item: under a line ending in a colon (blank lines
    aside) or right under another numbered line, or with a numbered line (or nothing) next under it (an agenda
    listed above the items: »Dagsorden« / »1. …« / »2. …«)."""
    above = _text_above(lines, h.line)
    right_above = _plain(lines[h.line - 1]).strip() if h.line else ""
    if above.endswith(":") or LIST_ENTRY.match(right_above) and not CASE_NUMBER.match(right_above):
        return True
    under = next((text for line in lines[h.end:] if (text := _plain(line).strip())), "")
    if not under:  # (the minutes' closing item may have nothing under it: »4) Eventuelt«)
        return CLOSING_ITEM.match(h.title) is None
    return LIST_ENTRY.match(under) is not None and not CASE_NUMBER.match(under) \
        and not DATE_OPENING.match(under)  # (»4. Næste møde:« / »9. april 2024 kl. 10.00«: a date, no point)


def _with_added(lines: list[str], headings: list[Heading]) -> list[Heading]:
    """The headings, and after each item the items added to the agenda under its number and a letter (»3a.
    Titel«, »Punkt 3a: Titel«, a tillægspunkt; »5a« alone above its title, as a web page's number cell) in its
    text, each with an item's furniture under it: a list's
    »3 a) at …« or »3a. Godkendt.« is no title, and a lettered line with prose under it is text."""
    plain = [_plain(line) for line in lines]
    out: list[Heading] = []
    for k, h in enumerate(headings):
        out.append(h)
        stop, j = headings[k + 1].line if k + 1 < len(headings) else len(lines), h.end
        while j < stop:
            m, after = LETTERED_ITEM.match(plain[j]), j + 1
            if m is None and LETTERED_ALONE.match(plain[j]) and (t := next(  # »5a« / »Title«, as a page's cells
                    (t for t in range(j + 1, min(j + 3, stop)) if plain[t].strip()), None)) is not None:
                m, after = LETTERED_ITEM.match(f"{plain[j].strip()} {plain[t].strip()}"), t + 1
            if m and _added_to(int(m.group(1)), h, headings[k + 1] if k + 1 < len(headings) else None) \
                    and _title_like(title := m.group(3).strip()):
                wrapped, end = _wrapped_title(plain, after, title, most=_wraps_after(title))
                if end <= stop and _looks_like_item(plain[:stop], end, wrapped):
                    out.append(Heading(j, h.number, wrapped, end, label=m.group(1) + m.group(2)))
                    j = end
                    continue
            j += 1
    return out


def _lettered_between(lines: list[str], c: Heading, d: Heading) -> bool:
    """Whether the number between `c`'s and `d`'s stands lettered between them, on a line of its own or before a
    title (»5a« / »Ansøgning om …«, »5a. Ansøgning om …«)."""
    for line in lines[c.end:d.line]:
        text = _plain(line)
        m = LETTERED_ALONE.match(text) or LETTERED_ITEM.match(text)
        if m and int(m.group(1)) == c.number + 1:
            return True
    return False


def _added_to(number: int, h: Heading, after: Heading | None) -> bool:
    """Whether an item lettered with `number` (»3a«) stands where the agenda adds it: after its own number's item,
    or in place of a number the agenda leaves out (»4«, »5a«, »5b«, »6«: item 5 split in two)."""
    return number == h.number or number == h.number + 1 and (after is None or after.number > number)


class _ListPoints:
    """A document's numbered lines, to tell fast whether a line goes on from a list above it."""

    def __init__(self, lines: list[str]) -> None:
        self.numbered: dict[int, list[int]] = {}  # number -> the lines numbered so, any form (»3 mio. kr.« too)
        self.points: dict[int, int] = {}  # line -> number, of a list's points proper: »3. …«, »3) …«
        self.parts = [i for i, line in enumerate(lines) if part_heading(_plain(line)) is not None]
        for i, line in enumerate(lines):
            text = _plain(line)
            if m := LIST_ENTRY.match(text):
                self.numbered.setdefault(int(m.group(1)), []).append(i)
            if m := POINT.match(text):
                self.points[i] = int(m.group(1))

    def part_between(self, start: int, end: int) -> bool:
        """Whether an agenda part's heading stands in these lines."""
        k = bisect.bisect_left(self.parts, start)
        return k < len(self.parts) and self.parts[k] < end

    def goes_on(self, start: int, h: Heading) -> bool:
        """Whether a line numbered one less than `h` stands between `start` and `h`, with no point of a list
        numbered as `h` or more after it (a list 1, 2, 3 ending a Bilag block above »3. Orientering« holds
        the number 3 already, and does not go on into it)."""
        at = self.numbered.get(h.number - 1, [])
        k = bisect.bisect_left(at, h.line) - 1
        if k < 0 or at[k] < start:
            return False
        return not any(self.points.get(i, 0) >= h.number for i in range(at[k] + 1, h.line))


def _instead(lines: list[str], points: _ListPoints, c: Heading, chosen: Heading, other: Heading) -> bool:
    """Whether `other`, after `chosen` and numbered the same, is the item after `c` rather than `chosen`: when
    `chosen` goes on from a list in c's text and `other` has as many of an item's marks (going on from a list
    outweighs one mark: »2. Oplæg om trafikplanen v/ ingeniør Ole Sand« in item 1's list, its presenter against
    the case number under the real item 2)."""
    return other.number == chosen.number and not other.weak and not chosen.weak \
        and points.goes_on(c.end, chosen) and _title_like(other.title) \
        and _evidence(lines, other, headed=True) >= _evidence(lines, chosen)


def _skips_to(lines: list[str], points: _ListPoints, cands: list[Heading], c: Heading, d: Heading) -> bool:
    """Whether the item after `c` is `d`, numbered more than one on: minutes published without the items they
    leave out (the closed ones), their numbers kept. Only where no item numbered in between stands after `c`
    (then those are the items), both are titles (not »2. Anbefales.«, a decision's point), `d` does not go on
    from a list above it nor stand under a line ending in a colon, and has a case number, an access line
    (»Åben sag«) or only a closed marker under it, or the same furniture as `c` (the same section heading): a
    list's point in an item's text (»7. Godkendelse af …« above »Beslutning«) has an item's furniture under it
    only by chance."""
    if any(c.number < o.number < d.number and o.line > c.line and not o.weak for o in cands):
        return False
    if not _title_like(c.title) or not _title_like(d.title) or d.title[:1].islower() or points.goes_on(c.end, d):
        return False
    above = _text_above(lines, d.line)
    if above.endswith(":"):  # a list's point (»… følgende sager, der er afgjort administrativt:« / »5. …«)
        return False
    furniture = _furniture(lines, d)
    return furniture is not None and furniture in ("case number", "access", "closed item", _furniture(lines, c))


def _furniture(lines: list[str], h: Heading) -> str | None:
    """What stands first under a heading, past a closed marker: a case number, or the heading of a section
    with a kind of its own (by its kind); a closed marker with nothing after it but the next heading (a closed
    item published by its title alone: »4. Salg af grund« / »Lukket punkt«); None for anything else."""
    marked = False
    for line in lines[h.end:h.end + 6]:
        text = _plain(line).strip()
        if not text or CLOSED_LINE.match(text) or CLOSED_NOTICE.match(text) or CLOSED_STATUS.match(text):
            marked = marked or bool(text)
            continue
        if CASE_NUMBER.match(text):
            return "case number"
        if fold(text) in OPEN_LINES:  # an agenda system's access line (»Åben sag«) under the title, as a case number
            return "access"
        if _is_section_start(text):
            return str(_section_kind(clean_inline(text)))
        return "closed item" if marked and _numbered_heading(text) else None
    return "closed item" if marked else None


def _weak_between(points: _ListPoints, weak: dict[int, list[Heading]], before: Heading, after: Heading
                  ) -> list[Heading]:
    """The weak candidates numbered between two items, one for each number missing, in order inside the gap
    between them, none going on from a list (»2. Status …« above »3. Ny kulturchef ansat« in a title-only item's
    text); [] where one is missing. `weak`: the weak candidates by number, in document order."""
    gap: list[Heading] = []
    for number in range(after.number - 1, before.number, -1):  # (from the last: the latest so numbered)
        end = gap[0].line if gap else after.line
        w = next((w for w in reversed(weak.get(number, ())) if before.end <= w.line and w.end <= end), None)
        if w is None:
            return []
        gap.insert(0, w)
    # (each from the item or title above it: »3. …« goes on from »2. …« in the gap as items do; two or more only
    # each a title on its line, not a title going on into lines that may as well be its text)
    if len(gap) > 1 and any(w.end > w.line + 1 for w in gap):
        return []
    return [] if any(points.goes_on(above.end, w) for above, w in zip([before, *gap], gap)) else gap


def _weak_head(lines: list[str], weak: list[Heading], chain: list[Heading]) -> list[Heading]:
    """Items that open the minutes with no section or case number under them (»1. Godkendelse af dagsorden« /
    »Godkendt.« above »2. …« / »Sagsnr.: …«): weak candidates numbered down to 1 from the first item, each the
    last so numbered above the next with no numbered line between them and no line ending in a colon right
    above it (a list's point, or an agenda printed above the items, does not take the number)."""
    head: list[Heading] = []
    first = chain[0] if chain else None
    while first is not None and first.number > 1:
        w = next((w for w in reversed(weak) if w.number == first.number - 1 and w.end <= first.line), None)
        if w is None or any(LIST_ENTRY.match(_plain(lines[i])) for i in range(w.end, first.line)):
            return []
        above = _text_above(lines, w.line)
        if above.endswith(":"):  # a list's first point (»Formanden orienterede om:« / »1. Budget 2025«)
            return []
        head.insert(0, w)
        first = w
    return head


def _weak_tail(lines: list[str], points: _ListPoints, weak: list[Heading], chain: list[Heading]) -> list[Heading]:
    """Items that end the minutes with no section or case number under them (»5. Eventuelt«, »3. Orientering
    fra formanden« / »Formanden orienterede om …«): weak candidates numbered on from the last item, each
    perhaps with text under it, as long as no numbered line stands in that text (a list's points: then the
    numbers may be the list's) and the first does not go on from a list the last item ends with."""
    if not chain:
        return []
    tail: list[Heading] = []
    for w in weak:
        last = (tail or chain)[-1]
        if w.number == last.number + 1 and w.line >= last.end:
            tail.append(w)
        elif tail and w.number == last.number and _going_on(lines, last) and not _going_on(lines, w):
            tail[-1] = w  # a list's point right under the one before it (»2. Klasseloft« / »3. Økonomi« in item
            # 2's decision) gives its number to the title after it that stands apart (»3. Personalesag«)
    if not tail:
        return []
    taken = {i for h in tail for i in range(h.line, h.end)}
    text = (_plain(lines[i]) for i in range(tail[0].line, len(lines)) if i not in taken)
    if points.goes_on(chain[-1].end, tail[0]):  # a list the last item ends with: 1., 2., 3.
        return []
    if any(LIST_ENTRY.match(t) for t in text):
        return []
    return tail


def _going_on(lines: list[str], h: Heading) -> bool:
    """Whether a numbered line stands right under another, as a list's points do (no blank line between)."""
    return h.line > 0 and LIST_ENTRY.match(_plain(lines[h.line - 1]).strip()) is not None


def _text_above(lines: list[str], line: int) -> str:
    """The nearest line with text above `line` (blank lines aside), or ''."""
    return next((text for i in range(line - 1, -1, -1) if (text := _plain(lines[i]).strip())), "")


def _evidence(lines: list[str], h: Heading, headed: bool = False) -> int:
    """How much marks a candidate as an item heading: a presenter, a case number right after it (before any
    numbered line: »4. Notat« ending a Bilag list right above »4. Lukket punkt: …« / »EMN-2025-005000« has
    none), and where `headed` counts (for a line that does not go on from a list) an agenda part's heading or
    a closed marker right above it (»Lukkede punkter« heads an item, not the last point of a list)."""
    above = _text_above(lines, h.line) \
        if headed else ""
    heads = bool(above) and (part_heading(above) is not None or CLOSED_LINE.match(above) is not None)
    following: list[str] = []
    for line in lines[h.end:h.end + 8]:
        text = _plain(line).strip()
        if LIST_ENTRY.match(text) and not CASE_NUMBER.match(text) or len(following) == 3:
            break
        following += [text] if text else []
    return bool(PRESENTER.match(h.title)) + any(CASE_NUMBER.match(f) for f in following) + heads


def _embedded_blocks(lines: list[str], outer_style: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of earlier meetings' minutes inside this one: from their 'Møde:' header to the next outer item."""
    if outer_style is not PUNKT:
        return []
    blocks = []
    for i, line in enumerate(lines):
        if MEETING_START.match(line):
            start = i - 1 if i and fold(lines[i - 1].strip()).startswith("moede:") else i
            end = next((j for j in range(i, len(lines)) if PUNKT.match(lines[j])), len(lines))
            blocks.append((start, end))
    return blocks


def _blank_out(lines: list[str], spans: list[tuple[int, int]]) -> list[str]:
    out = list(lines)
    for start, end in spans:
        out[start:end] = [""] * (end - start)
    return out


def _closed_marker_at_end(body: list[str]) -> int | None:
    last = next((i for i in range(len(body) - 1, -1, -1) if _plain(body[i]).strip()), None)
    return last if last is not None and CLOSED_LINE.match(_plain(body[last]).strip()) else None


def _marked_closed(body: list[str]) -> bool:
    """Whether an item's lines hold a closed marker of their own (»Lukket sag« under its title)."""
    return any(CLOSED_LINE.match(text) or CLOSED_STATUS.match(text) for text in (_plain(line).strip() for line in body))


def _marked_open(body: list[str]) -> bool:
    """Whether an item's first lines, past its case number, say that it is open (»Åben sag«, »Åbent punkt«)."""
    text = next((_plain(line).strip() for line in body if _plain(line).strip() and not _numbering(line)), "")
    return fold(text) in OPEN_LINES


def _closed_marker_at_start(body: list[str]) -> int | None:
    """The place of a closed marker first in an item's lines, past its case number."""
    first = next((i for i, line in enumerate(body) if _plain(line).strip() and not _numbering(line)), None)
    return first if first is not None and CLOSED_LINE.match(_plain(body[first]).strip()) else None


def _numbering(line: str) -> bool:
    """A case or document number's line (»Sagsnr.: 24/00871«), or another of the case's facts that an agenda
    system prints under the title (»Sagsbehandler: Bo Lund«)."""
    text = _plain(line).strip()
    return CASE_NUMBER.match(text) is not None or DOC_NUMBER.match(text) is not None or FACT.match(text) is not None


def _nearer(body: list[str], marker: int) -> str | None:
    """Which heading a marker line stands closer to, by the blank lines between: "own" (the item's title above the
    body), "next" (the heading after it), or None where as many blank lines stand on either side."""
    above = sum(1 for line in body[:marker] if not _plain(line).strip())
    below = sum(1 for line in body[marker + 1:] if not _plain(line).strip())
    return None if above == below else "own" if above < below else "next"


def _marker_under_title(bodies: list[list[str]], style: re.Pattern[str]) -> tuple[bool, bool]:
    """Whether this document prints 'Lukket punkt' under the closed item's title (FirstAgenda's web page, a
    number alone above the title) rather than above its heading (typed minutes): told by the items whose
    marker has text on one side of it, and by the heading form where none has; and whether nothing told it
    (every marker alone between two headings, in a form that may print it either way)."""
    under = above = 0
    for body in bodies:
        start, end = _closed_marker_at_start(body), _closed_marker_at_end(body)
        under += start is not None and start != end
        above += end is not None and start != end
    return under > above or under == above and style is ALONE, under == above == 0 and style is not ALONE


# the note under a part's heading on what the part holds (»Følgende punkter behandles for lukkede døre.«,
# »Punkterne er behandlet for lukkede døre, og referatet offentliggøres ikke.«)
PART_NOTE = re.compile(r"^(?:(?:de\s+)?følgende\s+(?:punkter|sager)|punkterne|sagerne)\s+(?:behandles|blev\s+behandlet"
                       r"|er\s+behandlet|offentliggøres)\b.{0,100}$", re.IGNORECASE)


def _trailing_parts(body: list[str]) -> tuple[list[str], list[str]]:
    """An item's lines without the part headings that end them (»Lukkede punkter«, »Åbne punkter (fortsat)«
    right above the next item's heading), and those headings."""
    cut = len(body)
    for i in range(len(body) - 1, -1, -1):
        if part_heading(_plain(body[i])) is not None:
            cut = i
        elif PART_NOTE.match(_plain(body[i]).strip()) and part_heading(_text_above(body, i)) is not None:
            continue  # (»Lukkede punkter« / »Følgende punkter behandles for lukkede døre.«: the part's own note)
        elif _plain(body[i]).strip():
            break
    return body[:cut], [line for line in body[cut:] if _plain(line).strip()]


def _closed_part_within(body: list[str]) -> int | None:
    """Where the closed part's heading stands among an item's lines with text after it, or None."""
    heads = [j for j, line in enumerate(body) if opens_closed_part(_plain(line))]
    if heads and any(_plain(line).strip() for line in body[heads[-1] + 1:]):
        return heads[-1]
    return None


def _closed_after(body: list[str], parts: list[str], closed: bool) -> bool:
    """Whether the agenda's closed part holds the item after this one: it begins at its heading (»Lukkede
    punkter«, »Lukket referat« anywhere) or on the first page whose running header names it, and ends only at
    an open part's heading right above the next item that says the part goes on (»Åbne punkter (fortsat)«). A
    plain open-part line does not end it: eDoc prints »Åbent referat« as a running header on the closed part's
    pages too; nor does »Åbne sager (fortsat)«, which may head the pending cases a closed item lists, even as
    its last line."""
    closed = closed or any(opens_closed_part(_plain(line)) or CLOSED_PAGE in line for line in body)
    for line in parts:
        closed = closed_after_part(_plain(line), closed)
    return closed


# -- reading one item ---------------------------------------------------------------------------
def _item(h: Heading, body: list[str], closed: bool, meeting: Meeting, dropped: list[Dropped]) -> AgendaItem:
    title, presenter, note = _split_title(h.title)
    closed = closed or h.closed
    if h.closed and not CLOSED_LINE.match(h.title):  # (a closed item headed by its marker alone keeps it as title)
        dropped.append(Dropped(DropReason.MARKER, "Lukket punkt"))
    title, marker = _closed_marker_apart(title)
    if marker is not None:
        dropped.append(Dropped(DropReason.MARKER, marker))
        closed = True
    elif CLOSED_LINE.match(title.strip()):  # »4   Lukket punkt«: an item titled by its marker alone is closed
        closed = True
    elif m := OPEN_CELL.search(title):
        dropped.append(Dropped(DropReason.MARKER, m.group().strip()))
        title = title[:m.start()]
    item = AgendaItem(number=h.number, title=clean_inline(title), presenter=presenter, closed=closed)
    if note:
        item.sections.append(Section(SectionKind.OTHER, "", note))
    _BodyReader(item, meeting, dropped).read(body)
    untitled, case_number = _title_case_number(item.title)
    if case_number and item.case_number in (None, case_number):  # (one the body names otherwise: the title keeps it)
        item.title, item.case_number = untitled, case_number
    item.sections = [s for s in item.sections if s.text.strip()]
    return item


def _closed_marker_apart(title: str) -> tuple[str, str | None]:
    """A title without the closed marker opening or ending it (»Lukket punkt: Salg af grund«, »Salg af grund
    (lukket)«), and that marker, or None."""
    if (m := CLOSED_PREFIX.match(title)) and title[m.end():]:
        return title[m.end():], m.group().strip()
    if m := CLOSED_SUFFIX.search(title):
        return title[:m.start()], m.group().strip()
    return title, None


def _split_title(title: str) -> tuple[str, str | None, str]:
    """'Title /v. Name' -> (title, presenter, note); a note is text after the name ('v. Lars Møller. Prorektor …')."""
    m = PRESENTER.match(title)
    if not m:
        return title.rstrip("*").strip(), None, ""
    who, note = _name_and_note(m.group("who"))
    return m.group("title").rstrip("*").strip().rstrip(" -–—"), who, note  # (»Titel - v. Navn«)


def _name_and_note(text: str) -> tuple[str, str]:
    parts = re.split(r"(?<=[a-zæøå])\.\s+(?=[A-ZÆØÅ])", text.strip(), maxsplit=1)
    return parts[0].rstrip(". ").strip(), parts[1].strip() if len(parts) > 1 else ""


BOLD_OPENED = re.compile(r"^\s*[-•]\s*\*\*(?!.*\*\*)")  # »• **Baggrundsgruppe til …«, bold not closed


def _join_bold_wraps(lines: list[str], most: int = 2) -> list[str]:
    """A bold heading hard-wrapped over lines (»• **Baggrundsgruppe til Sundhedskoordinations- og« /
    »Praksisplanudvalget/medlemmer af Sundhedsstyregruppen**«) is one line again; an unclosed one stays."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = None
        if BOLD_OPENED.match(lines[i]):
            for j in range(i + 1, min(i + 1 + most, len(lines))):
                if not lines[j].strip() or "**" in lines[j] and not lines[j].endswith("**"):
                    break
                if lines[j].endswith("**"):
                    end = j
                    break
        if end is None:
            out.append(lines[i])
            i += 1
        else:
            out.append(" ".join(line.strip() for line in lines[i:end + 1]))
            i = end + 1
    return out


class _BodyReader:
    """One item's lines -> case number, sections (sub-items as headed sections) and attachment titles."""

    def __init__(self, item: AgendaItem, meeting: Meeting, dropped: list[Dropped]) -> None:
        self.item, self.meeting, self.dropped = item, meeting, dropped
        self.kind, self.heading, self.para, self.paras = SectionKind.OTHER, "", [], []
        self.sub = ""  # current sub-item heading ('1.1 Status siden sidst')
        self.in_bilag = False
        self.bilag_titles: list[str] = []
        self.rows = False  # in Acadre's Bilag table, whose every row starts »N Åben|Lukket«
        # a known heading nothing was written under yet: its kind, the heading as stored (a sub-item's before it)
        # and as written
        self.unsaid: tuple[SectionKind, str, str] | None = None
        # nothing under the title yet but headings and its facts' lines (»Sagen afgøres i: Byrådet«,
        # »Sagsansvarlig: Carl Berg«): a closed marker here still marks the item, as one right under the title does
        self.facts_only = True
        self.inline = False

    def _case_line_cells(self, cells: list[str]) -> None:
        """The cells beside the case number on its line (»Sagsnr.: 330-2024-164 ⇥ Dok.nr.: 330-2024-488200 ⇥
        Lukket«): the document number a marker, »Åbent« / »Lukket« the item's access, any other the item's text."""
        for cell in cells:
            if CLOSED_LINE.match(cell):
                self.item.closed = True
            elif not (fold(cell) in NOISE_LINES or DOC_NUMBER.match(cell)):
                self.item.sections.append(Section(SectionKind.OTHER, "", cell))
                continue
            self.dropped.append(Dropped(DropReason.MARKER, cell))

    def read(self, body: list[str]) -> None:
        skip_absentees = False
        lines = _join_bold_wraps([line.rstrip() for line in body if line != CLOSED_PAGE])
        for i, raw in enumerate(lines):
            marked = raw.lstrip().startswith(MARK)
            line = _plain(raw).strip()
            low = fold(line)
            if skip_absentees:
                if line:
                    self.meeting.absentees.append(line)
                    continue
                skip_absentees = False
            if marked:
                self._marked_heading(line)
                continue
            if not line:
                self._flush_para()
                continue
            if self.in_bilag and self._bilag_line(line, lines, i):
                continue
            if low == AWAY_FROM_ITEM:
                self._start(SectionKind.OTHER, line.rstrip(":"))
                continue
            if low in NOISE_LINES or is_table_rule(line) or DOC_NUMBER.match(line) or low in CLOSED_HEADINGS \
                    or THEMATIC_BREAK.match(line):  # (Markdown's »---« between an export's items)
                self.dropped.append(Dropped(DropReason.MARKER, line))
                continue
            if CLOSED_LINE.match(line) and self.facts_only:
                self.item.closed = True
                self.dropped.append(Dropped(DropReason.MARKER, line))
                continue
            if CLOSED_STATUS.match(line) and self.kind is SectionKind.OTHER and not self.heading:
                self.item.closed = True  # »Status: Lukket« among the facts under the title
                self.dropped.append(Dropped(DropReason.MARKER, line))
                continue
            if CLOSED_NOTICE.match(line) and self.facts_only and (not self.heading or self.inline):
                # »Behandles for lukkede døre«: a sentence, kept as the item's text; the item's case number and
                # sections may still follow
                self.item.closed = True
                self.item.sections.append(Section(SectionKind.OTHER, "", line))
                continue
            if (m := PRESENTED_BY.match(line) or line[:1] == "v" and PRESENTER_ALONE.match(line)) \
                    and self.item.presenter is None and not self.paras and not self.para and not self.heading:
                # »Oplæg ved: Teknisk chef Mads Lund«, and »v/ formanden« in a paragraph of its own under the title;
                # a dash says no one (»Sagsansvarlig: -«, a closed item's)
                who = m.group("who").strip().rstrip(".")
                self.item.presenter = None if who in ("-", "–", "—") else who
                self.dropped.append(Dropped(DropReason.MARKER, line if self.item.presenter is None
                                            else line[:m.start("who")].strip()))
                continue
            if (m := CASE_NUMBER.match(line)) and not (m.group("n") or m.group("bare")):
                self.dropped.append(Dropped(DropReason.MARKER, line))  # »Sagsnr.:« left empty
                continue
            if m and CLOSED_LINE.match((m.group("n") or m.group("bare")).strip()):
                self.item.closed = True  # »Sagsnr.: Lukket«: a closed item's number withheld, its marker (until
                self.dropped.append(Dropped(DropReason.MARKER, line))  # 2026-12-06 its case number »Lukket«)
                continue
            if self.item.case_number is None and not self.paras and not self.para and m:
                number, *beside = CELL_GAP.split((m.group("n") or m.group("bare")).strip())
                if more := CASE_AND_MORE.match(number):  # »25/08813, v/ projektleder Dorthe Kvist«, »… · Fremlægges
                    number, rest = more.group("n"), more.group("rest")  # af: …«: the case number, then the rest
                    who = PRESENTED_BY.match(rest) or PRESENTER_ALONE.match(rest)
                    if who and self.item.presenter is None:
                        self.item.presenter = who.group("who").strip().rstrip(".")
                        self.dropped.append(Dropped(DropReason.MARKER, rest[:who.start("who")].strip()))
                    else:
                        beside.insert(0, rest)
                self.item.case_number = number
                if m.group("n"):
                    self.dropped.append(Dropped(DropReason.MARKER, line[:m.start("n")].strip()))
                self._case_line_cells(beside)
                continue
            if low == "afbud":
                self.dropped.append(Dropped(DropReason.MARKER, line))
                self._start(SectionKind.OTHER, "")
                skip_absentees = True
                continue
            if (m := SUB.match(line)) and int(m.group(1)) == self.item.number:
                self._flush_section()
                self.sub = clean_inline(line)
                self.kind, self.heading, self.in_bilag = SectionKind.OTHER, "", False
                continue
            if not (self.para and line[:1].islower()) and self._section_line(line, raw):
                continue  # (a line going on in lower case, right under a paragraph's line, is its wrap)
            text = clean_inline(line)
            point = LIST_POINT.match(text) and not DATE_OPENING.match(text)  # (»14. Marts« is a date wrapped)
            row = bool(cells(line))
            if text and (raw[:1] in "-•" or row or point):  # a list's entry, a table's row: its own line
                self._flush_para()
            if text:
                self.para.append(text)
                self.facts_only = self.facts_only and FACT_LINE.match(line) is not None
            if row:
                self._flush_para()
        self._flush_section()
        self._forget_unsaid()

    # sections
    def _start(self, kind: SectionKind, heading: str, rest: str = "") -> None:
        if self.heading and not self.paras and not self.para and not self.bilag_titles \
                and known_heading(self.heading) is None and fold(self.heading + ":") != AWAY_FROM_ITEM \
                and not (is_caps_heading(self.heading) and (self.unsaid or known_heading(heading) is not None)):
            # a heading of its own with nothing under it ('UDLEVELSE' above 'STRATEGIEN …'): keep it (but an
            # all-caps line with nothing under it before a section's own heading is text: flushed below)
            heading = f"{self.heading} – {heading}" if heading else self.heading
            self.heading = ""
        self._flush_section()
        self.kind, self.heading = kind, heading
        self.inline = bool(rest)  # a label and its value on one line (»Sagen afgøres i: Byrådet«)
        self.in_bilag = kind is SectionKind.ATTACHMENTS and heading.lower().startswith("bilag")
        if rest:
            if self.in_bilag:
                self._add_title(rest)
            else:
                self.para.append(clean_inline(rest))
                self.facts_only = self.facts_only and kind is SectionKind.OTHER  # (»Beslutning: Godkendt.« is text)

    def _marked_heading(self, text: str) -> None:
        """A heading element of a web page: a known section, another heading, or an empty one (a break)."""
        kind = known_heading(text) if text else None
        self._start(kind or SectionKind.OTHER, text)

    def _section_line(self, line: str, raw: str) -> bool:
        bare = clean_inline(line)
        kind = known_heading(bare)
        found = inline_section(bare)
        if kind is not None and not (found and found[2]):  # (a dated label's text after its colon is text:
            # »Beslutning den 03.10.2024: Godkendt.«, which the dated heading's pattern would take whole)
            self._start(kind, bare.rstrip(":").strip())
            return True
        if found:
            self._start(*found)
            return True
        if ATTACHMENT_TEXT.match(bare):
            self._start(SectionKind.ATTACHMENTS, bare)
            return True
        if RECOMMENDS.match(bare) and (self.kind is SectionKind.OTHER and not self.heading or (
                self.kind in (SectionKind.CASE, SectionKind.OTHER) and not self.para)):
            # the recommendation's formula with no heading over it: where the item opens, or a paragraph after
            # the case text (»Sagsfremstilling« … / »Det indstilles, at KD-Net drøfter sagen.«, »Direktionen
            # indstiller,« / »at …«, »Magistraten indstiller, at …«)
            self._start(SectionKind.RECOMMENDATION, "", bare)
            return True
        if m := re.match(r"^[-•]\s*\*\*(.+?)\*\*\s*$", line):
            keeps = self.kind in (SectionKind.CASE, SectionKind.OTHER, SectionKind.ATTACHMENTS)
            self._start(self.kind if keeps else SectionKind.OTHER, m.group(1).strip())
            return True
        if is_caps_heading(bare):
            self._start(SectionKind.OTHER, bare.rstrip(":").strip())
            return True
        return False

    def _flush_para(self) -> None:
        if self.para:  # cleaned again as a whole: a link or emphasis may be wrapped over lines (»[AI« / »Act](#)«)
            self.paras.append(clean_inline(join_lines(self.para)))
            self.para.clear()

    def _flush_section(self) -> None:
        self._flush_para()
        heading = self.heading
        if self.sub:
            heading = f"{self.sub} – {heading}" if heading else self.sub
        if self.in_bilag or self.bilag_titles:
            self.rows = False
            if self.bilag_titles:
                self.item.sections.append(Section(SectionKind.ATTACHMENTS, heading, "\n".join(self.bilag_titles)))
                self.item.attachments.extend(self.bilag_titles)
            self.bilag_titles = []
        if self.paras:
            self._forget_unsaid()
            kind = kind_at_meeting(self.kind, heading, self.meeting.date, self.meeting.body)  # another's: history
            self.item.sections.append(Section(kind, heading, "\n\n".join(self.paras)))
            self.paras.clear()
        elif fold(self.heading + ":") == AWAY_FROM_ITEM:  # no member was away
            self.dropped.append(Dropped(DropReason.MARKER, f"{self.heading}:"))
        elif self.heading and is_caps_heading(self.heading) and known_heading(self.heading) is None:
            # an all-caps line with nothing under it is text, not a heading: the text of a heading right above
            # it (»Beslutning« / »GODKENDT«), or the end of the section before (»V OG DF STEMTE IMOD«)
            if self.unsaid:
                kind, above, _ = self.unsaid
                kind = kind_at_meeting(kind, above, self.meeting.date, self.meeting.body)
                self.item.sections.append(Section(kind, above, heading))
                self.unsaid = None
            elif self.item.sections and self.item.sections[-1].kind is not SectionKind.ATTACHMENTS:
                last = self.item.sections[-1]
                self.item.sections[-1] = Section(last.kind, last.heading, f"{last.text}\n\n{heading}")
            else:
                self.item.sections.append(Section(SectionKind.OTHER, "", heading))
        elif self.heading and known_heading(self.heading) is not None and not self.bilag_titles:
            self._forget_unsaid()
            self.unsaid = (self.kind, heading, self.heading)

    def _forget_unsaid(self) -> None:
        """A known heading with nothing under it (a template's »Høring« left empty, a sub-item's »Referat«) is no
        section: listed as a marker, so that the document's every word is stored or accounted for. A sentence a
        heading's pattern took whole (»Økonomiske konsekvenser for kommunen er begrænsede«) is text."""
        said = self.unsaid and self.unsaid[2]
        if said and len(said.split()) > 4 and not names_decider(said):
            self.item.sections.append(Section(SectionKind.OTHER, "", said))
        elif self.unsaid:
            self.dropped.append(Dropped(DropReason.MARKER, self.unsaid[1]))
        self.unsaid = None

    # attachment lists
    def _bilag_line(self, line: str, lines: list[str], i: int) -> bool:
        """Inside a Bilag block every line is an attachment title, whatever its words, until a heading
        followed by prose, a section's label with its text (»Beslutning: Godkendt.«, also as an item's last line),
        a lettered sub-point, a sub-item or a point of a list the attachments do not number (»3. Konference …«
        under »2012-208960 - …«, an announcement of item 1's list) ends the block."""
        text = clean_inline(line).lstrip("-• ").strip()
        if not text:
            return True
        if LETTERED.match(text) or (SUB.match(text) and int(SUB.match(text).group(1)) == self.item.number) or (
                (point := LIST_POINT.match(text)) and not self._numbers_attachments(int(point.group(1)))):
            self._end_bilag()
            return False
        if (self.bilag_titles or self.paras) and self._heading_like(text):
            nxt = next((_plain(x).strip() for x in lines[i + 1:] if _plain(x).strip()), None)
            labelled = (found := inline_section(text)) is not None and found[2] != ""  # (»Beslutning: Godkendt.«)
            if labelled or nxt is not None and not ATTACHMENT_SHAPE.match(clean_inline(nxt).lstrip("-• ")):
                self._end_bilag()
                return False
        self._add_title(text, listed=line.lstrip()[:1] in "-•")
        return True

    def _numbers_attachments(self, number: int) -> bool:
        """Whether a point numbered so is an attachment's: the block's first title (attachments may be numbered
        through the meeting: »3. Takstoversigt«), a list's first point, or the point after the title above."""
        if number == 1 or not self.bilag_titles:
            return True
        last = LIST_POINT.match(self.bilag_titles[-1])
        return last is not None and int(last.group(1)) == number - 1

    def _heading_like(self, text: str) -> bool:
        return known_heading(text) is not None or inline_section(text) is not None or is_caps_heading(text)

    def _add_title(self, text: str, listed: bool = False) -> None:
        """One attachment title; a PDF line that only goes on with the title before (a wrap) is joined to it."""
        if is_column_names(text):  # a table's »Nr. ⇥ Titel ⇥ Dok.nr.«
            self.dropped.append(Dropped(DropReason.MARKER, text.strip()))
            return
        if row := cells(text):  # a table's row: its title is its longest cell in words (the others: number,
            text = table_title(row)  # file number)
            row.remove(text)
            self.dropped += [Dropped(DropReason.MARKER, cell) for cell in row if cell]
        text = clean_inline(text).lstrip("-• ").strip()
        if not text:
            return
        wrapped = False
        if row := ATTACHMENT_ROW.match(text):  # »1 Åben Opsamlingsnotat. Temamøde 20.09.2012 222359/12«
            self.dropped += [Dropped(DropReason.MARKER, row.group(part)) for part in ("n", "access")]
            text, self.rows = row.group("title"), True
        elif self.rows and self.bilag_titles:  # every row of the table starts so: this line goes on with the last
            wrapped = True
        if self.rows and (end := DOC_NUMBER_END.match(text)):
            self.dropped.append(Dropped(DropReason.MARKER, end.group("doc")))
            text = end.group("title")
        if wrapped:
            self.bilag_titles[-1] = _join_wrap(self.bilag_titles[-1], text)
            return
        prev = self.bilag_titles[-1] if self.bilag_titles else ""
        if prev.count("[") > prev.count("]"):  # a link wrapped over lines (»[Bilag 3 - …« / »… SMV'er](#)«)
            self.bilag_titles[-1] = clean_inline(_join_wrap(prev, text))
        elif prev and not listed and ATTACHMENT_SHAPE.match(prev) and not ATTACHMENT_SHAPE.match(text) \
                and (text[:1].islower() or len(prev) >= 55 and prev[-1:] not in ".!?)"):
            self.bilag_titles[-1] = _join_wrap(prev, text)
        elif text.lower() == "ingen":
            self.paras.append(text)
        else:  # (a line may list several, »Bilag: Årsregnskab 2023; Revisionsprotokollat«)
            self.bilag_titles += [title for part in text.split(";") if (title := part.strip())]

    def _end_bilag(self) -> None:
        self._flush_section()
        self.kind, self.heading, self.in_bilag = SectionKind.OTHER, "", False
