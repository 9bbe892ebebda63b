"""Section headings -> normalised kinds. Municipalities name the same section many ways.

`SECTION_HEADINGS` is the one open table: each kind with the heading texts (regular expressions over the
lower-cased heading, without a trailing colon) that name it. Add a variant here and every reader knows it:
as a heading line (»Beslutning«), as an inline label (»Beslutning: Godkendt.«), in capitals
(»BESLUTNING«) and written without æ, ø, å (»Praesentation«, corpus/spelling.py). Headings that are known
but have no kind of their own (Økonomi, Høring, Sagsforløb …) are OTHER: they still open a section, so the
text under them is not taken for the section before.
"""
from __future__ import annotations

import re

from corpus.dates import find_date, find_short_date
from corpus.model import SectionKind
from corpus.spelling import either_spelling, fold

SECTION_HEADINGS: dict[SectionKind, list[str]] = {
    SectionKind.SUMMARY: [r"(sags)?resum[eé]", r"kort resum[eé]", r"sammendrag", r"kort om sagen",
                          r"præsentation", r"beslutningstema"],  # (Slagelse: what the item asks to decide)
    SectionKind.RECOMMENDATION: [
        r"((administrationens|direktionens|(kommunal)?direktørens|forvaltningens|centerets|borgmesterens|"
        r"supplerende|rådmandens|magistratens) )?(indstilling(er)?|anbefaling(er)?)",
        r"beslutningspunkter", r"forslag til (beslutning|indstilling)", r"indstillingen",
        r"forvaltningen foreslår", r"((administrationens|direktionens|forvaltningens) )?forslag",
        r"forslag til (vedtagelse|afgørelse)",  # (»Forslag«, as boards and councils head what is proposed)
        r"[\w-]+s indstilling(er)?", r"indstilling(er)? fra .{1,80}",  # »Økonomiudvalgets indstilling«
        r"indstilling og beslutning"],  # (Copenhagen's heading over what is recommended; its decision follows)
    SectionKind.DECISION: [
        r"beslutning(er)?", r"beslutningstekst", r"referat", r"afgørelse", r"beslutning ?/ ?referat", r"referat ?/ ?beslutning",
        r".{0,80}s beslutning(er)?( (den|d\.) .*)?", r"beslutning(er)? i .+ (den|d\.) \d.*",
        r"beslutning(er)? i [\w ,-]{0,60}(udvalg(et)?|råd(et)?|byråd|bestyrelsen|kkr( [\w]+)?|kd-net)",  # undated
        r"beslutning(er)? ((den|d\.) )?\d{1,2}[.\-/ ].*",  # dated (`kind_at_meeting`: another day's is OTHER)
        r"konklusion(er)?"],  # (a school board's or a council's »Konklusion« under its »Drøftelse«)
    SectionKind.CASE: [
        r"((ny )?supplerende )?(sagsfremstilling|fremstilling|sagsbeskrivelse|baggrund|sagen|beskrivelse"
        r"|sagens indhold|sagsfremstilling og vurdering|sagens baggrund|problemstilling|beskrivelse af sagen"
        r"|emne og sagsfremstilling)",  # (a Word table's column over each item's title and case text)
        r"oplæg", r"((administrationens|forvaltningens|direktionens|centerets) )?vurdering", r"redegørelse",
        r"sagens fakta", r"faktiske forhold", r"baggrund (for sagen|og formål)"],
    SectionKind.ATTACHMENTS: [r"bilag(sliste)?( \(\d{1,3}\))?", r"samlet bilagsliste", r"bilagsfortegnelse",
                              r"bilag til (punktet|sagen|dagsordenspunktet)", r"bilagsoversigt", r"vedhæftede bilag"],  # »Bilag (3)«: how many
    SectionKind.OTHER: [
        r"økonomi", r"økonomi(ske| og) .{0,60}", r"høring", r"høring(ssvar|sproces|speriode)", r"sagsprocedure",
        r"(tidligere )?sagsforløb", r"sagens forløb", r"tidligere beslutninger", r"lovgrundlag", r"retsgrundlag",
        r"lovgivning", r"øvrige (forhold|konsekvenser)",
        r"beslutningen træffes af", r"sagen afgøres (i|af)", r"tidsplan", r"videre proces",
        r"kommunikation", r"konsekvenser.{0,60}", r"miljøvurdering", r"personale(mæssige)? konsekvenser",
        r".{0,60}påtegning", r"bemærkninger", r"supplerende oplysninger",
        r"(den )?videre proces", r"klimakonsekvenser", r"borgerinddragelse", r"[a-zæøå]+mæssige konsekvenser",
        r"beslutningskompetence", r"tidligere behandling(er)?", r"politisk behandling", r"fremtidig proces",
        r"næste skridt", r"sagsproces", r"historik", r"kompetence", r"sagsgang( og sagstype)?",
        r"drøftelse"],  # (a heading of its own, above its »Konklusion«: its text is no other section's)
}
# The word a committee's or council's name ends in (»Økonomiudvalget«, »Byråd«, »KKR«, »Beredskabskommissionen«):
# the meeting header's committee, and the body a decision heading names (»Beslutning i Økonomiudvalget«)
BODY_SUFFIX = re.compile(either_spelling(
    r"(udvalg(et)?|råd(et)?|byråd|bestyrelse(n)?|netværk(et)?|kkr|kd-net|forum|"
    r"gruppe(n)?|magistrat(en)?|repræsentantskab(et)?|kommunalbestyrelse(n)?|kommission(en)?|nævn(et)?)\b"), re.I)
_COMPILED = [(kind, re.compile(either_spelling("^(?:" + "|".join(patterns) + ")$")))  # »Oekonomi« too
             for kind, patterns in SECTION_HEADINGS.items()]
INLINE_LABEL = re.compile(r"^(?P<label>[^:\t]{2,60}?)\s*:\s*(?P<rest>\S.*)?$")
# A label set beside its text in two columns, which a PDF prints as one line without the colon (»Beslutning
# Godkendt.«, »Indstilling Direktionen indstiller, at«): only the headings of an item's own parts, capitalised,
# before a capital (a sentence opening so is no Danish: »Beslutning om udbud …« is text; »Bilag« is left out, as
# attachments' titles open with it: »Bilag Tilsagnserklæring«)
BESIDE_LABEL = re.compile(r"^(?P<label>Resumé|Resume|Indstilling|Beslutning|Sagsfremstilling|Sagsbeskrivelse)"
                          r"[ \t]+(?P<rest>[A-ZÆØÅ]\S*(?:\s.*)?)$")
# A table's row of a label and its text, cells a tab apart (a Word item table's »Beslutning ⇥ Godkendt.«)
TAB_LABEL = re.compile(r"^(?P<label>[^:\t]{2,60}?)\s*\t+\s*(?P<rest>\S.*)$")
CAPS_HEADING_MAX_WORDS = 12


def _key(heading: str) -> str:
    return re.sub(r"\s+", " ", heading).strip().rstrip(":").strip().lower()


def heading_kind(heading: str) -> SectionKind | None:
    """The kind a heading names, or None when the line is not a known section heading.

    Only the kinds with their own meaning (summary, recommendation, decision, case, attachments) are
    returned; known headings without one give None here and OTHER from `known_heading`.
    """
    kind = known_heading(heading)
    return None if kind is SectionKind.OTHER else kind


def kind_at_meeting(kind: SectionKind, heading: str, meeting_date: str | None, body: str | None) -> SectionKind:
    """A decision heading dated at another meeting (»Beslutning i Udvalget for plan, udvikling og kultur (PUK)
    den 10-04-2013« in the minutes of 20 June), or naming another committee than the meeting's (»Økonomiudvalgets
    beslutning« in the council's minutes), is the case's history, not what this meeting decided: OTHER. A
    decision heading with no date and naming no committee (»Beslutning«, »Udvalgets beslutning«), or with this
    meeting's, keeps its kind; so does one whose committee may be the meeting's written otherwise (»Teknik- og
    Miljøudvalgets beslutning« in the minutes of »Udvalget for Teknik og Miljø«, »Kommunalbestyrelsens« in
    »Byrådet«'s): only a committee plainly another takes the decision away."""
    if kind is not SectionKind.DECISION:
        return kind
    dated = find_date(heading) or find_short_date(heading)  # (»Økonomiudvalgets beslutning den 13.05.24«)
    if dated and meeting_date and dated != meeting_date:
        return SectionKind.OTHER
    named = _body_named(heading)
    return SectionKind.OTHER if named and body and _other_body(named, body) else kind


DECIDED_BY = re.compile(r"^(?:(?P<genitive>.{2,80}?)(?:'s|s) beslutning(?:er)?"
                        r"|beslutning(?:er)? i (?P<body>.{2,80}?))(?:\s+(?:den|d\.)\s.*)?:?$", re.I)
# The kinds of body: a council by any of its names is one kind (»Byrådet«, »Kommunalbestyrelsen«, »Greve Byråd«)
BODY_KINDS = {"byraad": "council", "kommunalbestyrels": "council", "regionsraad": "council",
              "borgerrepraesentation": "council", "magistrat": "magistrat", "udvalg": "udvalg", "raad": "raad",
              "bestyrels": "bestyrelse", "netvaerk": "netvaerk", "kkr": "kkr", "kommunekontaktraad": "kkr",
              "kd-net": "netvaerk", "forum": "forum", "grupp": "gruppe", "repraesentantskab": "repraesentantskab"}
BODY_WORD = re.compile("(" + "|".join(sorted(BODY_KINDS, key=len, reverse=True)) + r")(?:ets|ens|et|en|e|s|'s)?$")
NAME_FILLER = {"og", "for", "i", "ved", "paa", "af", "the"}


def names_decider(heading: str) -> bool:
    """Whether a heading names whose decision or which day's it is (»Beslutning i Økonomiudvalget den 12.03.2024«,
    »Byrådets beslutning«): a heading of its own, also with nothing under it."""
    return bool(find_date(heading) or find_short_date(heading) or _body_named(heading))


def _body_named(heading: str) -> str | None:
    """The committee a decision heading names: »Økonomiudvalgets beslutning den …«, »Beslutning i Byrådet«."""
    m = DECIDED_BY.match(_key(heading))
    name = m and (m.group("genitive") or m.group("body"))
    if not name:
        return None
    kind, field = _body_parts(name)
    # no committee's name, or one any committee goes by (»Udvalgets beslutning«, »Rådets«): the meeting's own
    return name if kind and (field or kind not in ("udvalg", "raad", "bestyrelse")) else None


def _body_parts(name: str) -> tuple[str | None, set[str]]:
    """A committee's kind and the words naming its field: »Teknik- og Miljøudvalget« -> (udvalg, {teknik,
    miljoe}); »Udvalget for Teknik og Miljø« the same; »Byråd 2022-2025« -> (council, set()). No kind: no
    committee's name (»Direktionen«)."""
    words = [w for w in re.split(r"[^a-z'-]+|-(?=\s|$)", fold(name.lower().replace("&", " og "))) if w]
    kind, field = None, set()
    for word in words:
        m = BODY_WORD.search(word.strip("-"))
        if m and kind is None:
            kind = BODY_KINDS[m.group(1)]
            word = word[:m.start()]
        for part in word.split("-"):  # (»Børne-Ungeudvalget«, »Hoved-MED-udvalget«: each word its own)
            if (part := part.strip("'")) and part not in NAME_FILLER:
                field.add(part)
    return kind, field


def _other_body(named: str, body: str) -> bool:
    """Whether a decision heading's committee is plainly not the meeting's: of another kind (a committee's in a
    council's minutes), or of the kind with no word of its field in common (»Økonomiudvalget« beside »Teknik-
    og Miljøudvalget«). A name given without its field (»Udvalgets«, »KKR's«) may be the meeting's own."""
    (kind, field), (own_kind, own_field) = _body_parts(named), _body_parts(body)
    if own_kind is None:
        return False
    if kind != own_kind:
        return True
    return bool(field and own_field) and not any(_same_word(a, b) for a in field for b in own_field)


def _same_word(a: str, b: str) -> bool:
    """The same word in two forms (»skoler« / »skole«, »landdistrikter« / »landdistrikts«): one begins the other,
    or they share their first five letters."""
    return a.startswith(b) or b.startswith(a) or len(a) >= 5 and a[:5] == b[:5]


# a sentence, which no heading is, though a heading's pattern may take it whole (»Økonomi og Personale indstiller,
# at oversigten tages til efterretning.« read as »Økonomi og …«): »…, at …«, a comma ending it (»… indstiller,«
# over its points), or five words or more and a full stop (»… er beskrevet i bilag 2.«)
SENTENCE = re.compile(r",\s+at\b|,$|^(?:\S+\s+){4,}\S*\w\.$")


def known_heading(heading: str) -> SectionKind | None:
    """The kind of any heading in the table (OTHER for known headings without a kind of their own)."""
    text = _key(heading)
    if not text or len(text) > 120:
        return None
    for kind, pattern in _COMPILED:
        if pattern.match(text):
            return None if SENTENCE.search(text) else kind
    return None


def inline_section(line: str) -> tuple[SectionKind, str, str] | None:
    """'Beslutning: Godkendt.' -> (kind, 'Beslutning', 'Godkendt.') for a known heading used as a label; a label
    set beside a committee or a day alone is a heading ('Beslutning Økonomiudvalget den 12-03-2024')."""
    m = INLINE_LABEL.match(line.strip())
    if not m and (beside := BESIDE_LABEL.match(line.strip())) and _names_meeting(beside.group("rest")):
        return known_heading(beside.group("label")), line.strip(), ""
    if not m:
        return None
    kind = known_heading(m.group("label"))
    if kind is None:
        return None
    return kind, m.group("label").strip(), (m.group("rest") or "").strip()


def label_beside(line: str) -> tuple[str, str] | None:
    """An item's part's label set beside its text, as a table of two columns prints (»Beslutning Godkendt.«,
    »Beslutning ⇥ Rådet afgav høringssvar.«): the label and the text; None for any other line, and for a label
    beside a committee or a day alone (a heading: `inline_section`). Only where a document sets all its labels so
    is the line read so (`corpus.parse`): elsewhere »Beslutning ⇥ Byrådet marts 2025« is a table's row."""
    text = line.strip()
    m = BESIDE_LABEL.match(text) or ((row := TAB_LABEL.match(text)) and heading_kind(row.group("label")) is not None
                                     and re.search(r"[^\W\d_]{2}", row.group("rest")) and row)
    if not m or _names_meeting(m.group("rest")):
        return None
    return m.group("label").strip(), m.group("rest").strip()


def _names_meeting(rest: str) -> bool:
    """Whether what follows a label set beside its text is a committee's name or a day alone, as a heading's is
    (»Beslutning Økonomiudvalget den 12-03-2024«, »Beslutning Byrådet«), not the text (»Beslutning Økonomiudvalget
    anbefaler indstillingen.«): the whole line is then the heading, whose committee and day say whose decision it
    is (`kind_at_meeting`)."""
    words = rest.rstrip(".:").split()
    if not words:
        return False
    at = next((k for k, word in enumerate(words) if word in ("den", "d.") or find_date(" ".join(words[k:]))), len(words))
    name, day = words[:at], " ".join(words[at:])
    if day and not ((find_date(day) or find_short_date(day)) and re.search(r"\d", words[-1]) and len(words) - at <= 5):
        return False  # (the day alone: not »12.03.2024 om kulturpuljen«)
    return (not name and bool(day)) or bool(name) and len(name) <= 6 and BODY_SUFFIX.search(name[-1].rstrip(",")) \
        is not None and all(word[:1].isupper() or word in NAME_FILLER or word.endswith("-") for word in name)


def is_caps_heading(line: str) -> bool:
    """An all-capitals heading line ('BESLUTNINGSFORSLAG FRA ENHEDSLISTEN'), not a shouted sentence."""
    text = line.strip().rstrip(":").strip()
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or "\t" in text or text[-1:] in ".,;!?" or any(c.islower() for c in text):
        return False
    if len(text.split()) > CAPS_HEADING_MAX_WORDS:
        return False
    return len(letters) >= 0.6 * len(text.replace(" ", ""))
