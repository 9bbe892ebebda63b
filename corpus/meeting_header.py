"""Meeting facts from the first lines of a minutes text: body, date, time, place, who came and who didn't.

The forms the Danish systems print, all read from the document itself:

* labelled lines: »Møde: …«, »Udvalg: …«, »Mødedato: …«, »Mødetid: …«, »Dato: …«, »Tid og sted: …«,
  »Mødested: …« — with a colon, a tab (a header table row), or the value on the next line; »Mødested X«
  also without a colon; and label columns (»Dato: / Tid: / Sted:« followed by the three values);
* title lines: »REFERAT <body> d. <date>«, »<body> – Referat – <date> kl. <time>«, »Referat« then the body
  on the next line, »<body> (referat)«, »Referat af møde i <body>«, a line ending in udvalg/råd/…

The file name is a last resort, and a generic one (document, referat, dagsorden, download, a number or
an id) never becomes a body.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus.dates import MONTHS, date_start, find_date, find_short_date, find_time
from corpus.sections import BODY_SUFFIX, known_heading
from corpus.spelling import either_spelling, fold
from corpus.table_rows import cells, is_column_names, member
from corpus.textclean import CONTENTS_HEADINGS, is_table_rule, part_heading

# Bodies written out in prose in some minutes; their documents elsewhere use the short name.
BODY_ALIASES = {fold(name): short for name, short in {
    "kommunaldirektørnetværket": "KD-Net",
    "kommunaldirektørnetværk": "KD-Net",
    "kdnet": "KD-Net",
    "kd-net": "KD-Net",
}.items()}
HEAD_LINES = 40
# A meeting named by its body (»byrådsmøde«, »Regionsrådsmøde«, »kommunalbestyrelsesmøde«), perhaps »ordinært«
BODY_MEETING = re.compile(either_spelling(
    r"^(?:(?:ekstra)?ordinært\s+)?(?P<body>\w*(?:byråd|regionsråd|kommunalbestyrelse|borgerrepræsentation)|\w+(?:råd"
    r"|udvalg|bestyrelse))smødet?$"),
    re.I)
# A committee's period after its name (»Byråd 2022-2025«, »Kultur- og Fritidsudvalget (2022-2025)«)
PERIOD_FORM = r"\s+\(?\d{4}\s*-\s*\d{4}\)?"
PERIOD = re.compile(PERIOD_FORM + "$")
CONTENTS = {fold(heading) for heading in CONTENTS_HEADINGS}
DOCUMENT_WORDS = {fold(word) for word in ("dagsorden", "referat", "indhold", "punkt", "mødet", "bilag", "referent")}
NO_ONE = {fold(value) for value in ("ingen", "-", "–", "ingen afbud", "ingen fraværende", "ingen fravær")}
DOC_KIND = (r"(?:referat|mødereferat|dagsorden|beslutningsprotokol|protokol|åbent referat|åben dagsorden|lukket referat"
            r"|lukket dagsorden)")
DAY_DATE = r"(?:\w+dag\s+(?:den\s+)?)?\d{1,2}\.?[\s\-./]"
KIND_FIRST = re.compile(either_spelling(rf"^{DOC_KIND}\s+(?:for\s+|af\s+|fra\s+)?(?P<body>.+?)\s*,?\s+"
                                        rf"(?:møde(?:t)?\s+)?(?:\w+dag\s+)?(?:d\.|den)\s+"
                                        rf"(?P<rest>{DAY_DATE}.*\d{{4}}.*)$"), re.I)
# What a title may name in the body's place (»Referat fra ordinært møde tirsdag den …«): the body is elsewhere
MEETING_ONLY = re.compile(either_spelling(r"^(?:(?:det|et)\s+)?(?:(?:ekstra)?ordinære?t?|konstituerende|fælles)?"
                                          r"(?:\s*(?:bestyrelses|repræsentantskabs)?møde(?:t)?)?$"), re.I)
# The heading of a box of the meeting's facts (»Mødefakta« over »Dato: …« in a Word text box): no body's name
FACTS_HEADING = re.compile(either_spelling(r"^(?:mødefakta|mødeoplysninger|mødeinfo(?:rmation)?|oplysninger om mødet|"
                                           r"praktiske oplysninger|fakta om mødet|om mødet)\s*:?$"), re.I)
# A body named with its municipality or region on a line of its own (»Ældrerådet i Greve Kommune«)
BODY_OF_PLACE = re.compile(either_spelling(r"^(?P<body>[^\d,:()]{3,60}?)(?:\s+i|,)\s+(?:[\w-]+ )+(?:kommune|region)$"),
                           re.I)  # (»Ældrerådet, Hedensted Kommune« too)
# A board, council or committee named by the institution it serves, the area or the field it is for
# (»Skolebestyrelsen ved Tune Skole«, »Brugerrådet på Plejecenter Solgården«, »Lokaludvalget for Hedehusene«,
# »Udvalget for Børn og Unge«, »Lokalrådet i Tune«): the whole line is its name
BODY_AT = re.compile(either_spelling(r"^(?=[A-ZÆØÅ])[\w-]*(?i:bestyrelse|bestyrelsen|råd|rådet|udvalg|udvalget|"
                                     r"kommission|kommissionen|nævn|nævnet)\s+(?:ved|på|for|i)\s+"
                                     rf"[A-ZÆØÅ][\w-]*(?:\s+(?:og\s+)?(?!(?i:{DOC_KIND})$)[A-ZÆØÅ][\w-]*){{0,4}}$"))
# A committee's name before the kind of meeting or the documents a page holds (»Økonomiudvalget - ekstraordinært
# møde«, »Økonomiudvalget - referater marts 2024«)
BODY_THEN_MEETING = re.compile(either_spelling(r"^(?P<body>[^\d,:()]+?)\s+[-–—|]\s+(?:(?:ordinært|ekstraordinært|"
                                               r"konstituerende)\s+møde|referater|dagsordener)\b"), re.I)
# An organisation a name is written beside: a municipality or a region
AFFILIATION = re.compile(either_spelling(r"^(?:[\w-]+ )*kommune$|^region \w+$"), re.I)
MEETING_OF = re.compile(either_spelling(r"^(?:(?:det|den|et)\s+)?(?:\w+\s+)?møde(?:t)?\s+i\s+(?:det\s+|den\s+)?"),
                        re.I)
# a print stamp's date, not the meeting's (»Netpublicator - Referat - Udskrevet 15-05-2024«, a page's footer)
PRINTED = r"(?:udskrevet|udskriftsdato|printet|dannet|genereret|publiceret)"
KIND_MIDDLE = re.compile(either_spelling(rf"^(?P<body>.+?)\s+[-–—|]\s+{DOC_KIND}\s+[-–—|]\s+"
                                         rf"(?!{PRINTED}\b)(?P<rest>.*\d{{4}}.*)$"), re.I)
KIND_DASHED = re.compile(either_spelling(rf"^{DOC_KIND}\s*[-–—:|]\s*(?P<body>[^\d]+?)\s*[-–—|,]\s+"
                                         rf"(?P<rest>{DAY_DATE}.*\d{{4}}.*)$"), re.I)  # »Referat – <udvalg> – <dato>«
# a weekday opening a date (»Torsdag den 3. oktober 2024«), no committee's name
WEEKDAY = re.compile(either_spelling(r"^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b"), re.I)
# what may stand between a title's body and its date: a comma or a dash, a weekday, »den« or »d.«
DATE_LEAD = re.compile(r"(?:[\s,|\-–—]|\b(?:den|d\.)|\b\w+dag\b)*$", re.I)
# a title's words before its date: the kind and its connecting words, then the body (»Referat af møde i
# Ældrerådet«, »Dagsorden til Ungerådets møde«, »Referat: Ældrerådet«, »Beslutningsprotokol for …«, »Møde i …«)
KIND_THEN = re.compile(either_spelling(
    rf"^(?:(?:{DOC_KIND})(?:\s+og\s+{DOC_KIND})?(?:\s*[:|–—-]\s*|\s+)(?:(?:af|fra|for|til)\s+)?(?:(?:det|et)\s+)?"
    r"|(?=(?:ekstra)?ordinært\s+møde|møde(?:t)?\s+i\s))"
    r"(?:(?:(?:ekstra)?ordinært\s+)?\w*(?:møde(?:t)?|dag(?:en)?|seminar(?:et)?)\s+(?:i|for)\s+(?:det\s+|den\s+)?)?"
    r"(?P<rest>\S.*)$"), re.I)
KIND_START = re.compile(either_spelling(rf"^{DOC_KIND}\b"), re.I)
# a word naming the occasion, not the body, before a body's name (»Temamøde Ældrerådet«, »Budgetseminar for
# Økonomiudvalget«, »Ekstraordinært møde Handicaprådet«), and a date's word that is no meeting's (»… – godkendt 9.
# april 2024«: the minutes' approval)
OCCASION = re.compile(either_spelling(r"^(?:(?:ekstra)?ordinære?t?|\w*møde[t]?|\w*seminar(?:et)?|\w*notat(?:et)?"
                                      r"|\w*indkaldelse(?:n)?|\w*dag(?:en)?|\w*forsamling(?:en)?|\w*konference(?:n)?"
                                      r"|workshop(?:pen)?)$"), re.I)
OTHER_DATE = re.compile(either_spelling(r"\b(?:godkendt|offentliggjort|udsendt|revideret|opdateret|rettet|udskrevet"
                                        r"|version|senest|frist)\b"), re.I)
# the body, then the kind (»Ældrerådet, referat af møde«), or the body alone, the kind after the date; the body's
# meeting without the kind (»Ældrerådets møde«, capitalised: a name)
BODY_KIND = re.compile(either_spelling(rf"^(?P<body>[^\d,:()]+?)\s*(?:[,:|–—-]\s*|\s+){DOC_KIND}"
                                       r"(?:\s+(?:af|fra)\s+(?:\w+\s+)?møde(?:t)?)?$"), re.I)
MEETING_NAMED = re.compile(either_spelling(r"^(?P<body>[A-ZÆØÅ][\w-]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\w-]*)*s)"
                                           r"\s+(?:(?:ekstra)?ordinære\s+)?møde(?:t)?$"))
AREA = re.compile(either_spelling(r"område(?:t|r|rne)?$"), re.I)  # (»Ældreområdet«: an area, no »…rådet«)
GENERIC = {fold(word) for word in ("Bestyrelsen", "Repræsentantskabet", "Rådet", "Udvalget", "Gruppen", "Netværket")}
NAME_JOINERS = {"og", "for", "i", "af", "&"}
BODY_ALONE = re.compile(r"^(?P<body>[^\d,:()]{3,80})$")
BODY_AFTER = re.compile(r"^[^,:()]*?\d{4}(?:\s+kl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?)?"
                        r"\s*[,|–—-]\s*(?P<body>[^\d,:()]+)$", re.I)
KIND_AFTER = re.compile(either_spelling(rf"[,|–—-]\s*{DOC_KIND}\)?\s*$"), re.I)
KIND_LINE = re.compile(either_spelling(rf"^{DOC_KIND}$"), re.I)
# A title of the document's kind and its date alone (»Referat 1. oktober 2025 kl. 15.45«), and the line under
# it naming the body and the place (»Teknisk Udvalg - Rådhuset, lokale 1«), as FirstAgenda's pages head a meeting
KIND_DATE = re.compile(either_spelling(rf"^{DOC_KIND}\s+(?:\w+dag\s+)?(?:den\s+)?{DAY_DATE}.*\d{{4}}.*$"), re.I)
BODY_AND_PLACE = re.compile(r"^(?P<body>[^\d]+?)\s+[-–—]\s+(?P<place>\S.*)$")
# A title naming the body's meeting with no date on the line: »Referat af møde i Ældrerådet«, »Referat fra
# Kultur- og Fritidsudvalgets møde«, »Dagsorden til ordinært møde i Byrådet«
# A board's meeting named with its organisation (»bestyrelsesmøde i Vejle Spildevand A/S«, as a municipal
# company's or a foundation's minutes are titled): the body is »Bestyrelsen for Vejle Spildevand A/S«
# (its number in the year may stand between: »bestyrelsesmøde nr. 4/2024 i …«; a year may end the title, which
# is no part of the name after a company's legal form, »… A/S 2024«, and is part of »Boligselskabet af 1951« and
# may be of »Fonden Aarhus 2017«)
BOARD_OF = r"(?:\w+\s+)?(?P<board>bestyrelses|repræsentantskabs)møde(?:t)?\s+(?:nr\.\s*\d+(?:/\d+)?\s+)?(?:i|for|hos)\s+"
LEGAL_FORM = r"(?:\b(?:A/S|I/S|ApS|P/S|K/S|IVS|amba|fmba|smba)|\b[afs]\.m\.b\.a\.?)"  # a Danish company's
MONTH_NAMES = "|".join(MONTHS)
# what may follow a company's legal form in a board meeting's title, the meeting's month and year (»… A/S marts
# 2024«, »… I/S - 2024«)
LEGAL_FORM_DATE = re.compile(rf"({LEGAL_FORM})\s*[-–,]?\s*(?:(?:{MONTH_NAMES})\s+)?(?:19|20)\d\d$", re.I)
KIND_OF = re.compile(either_spelling(
    rf"^{DOC_KIND}\s+(?:af|fra|for|til)\s+(?:(?:det|et)\s+)?(?:(?P<board_meeting>{BOARD_OF}[^\d]+?(?:\s+(?:19|20)\d\d)?)"
    r"|(?:\w+\s+)?"
    r"\w*møde(?:t)?\s+i\s+(?:det\s+|den\s+)?(?P<body>[^\d]+?)|(?P<genitive>[^\d]+?s)\s+(?:\w+\s+)?møde(?:t)?)$"),
    re.I)  # (»temamøde i Ældrerådet«)
BOARD_MEETING = re.compile(either_spelling(rf"^(?:(?:et|det)\s+)?{BOARD_OF}(?P<org>\S.*)$"), re.I)
# A board's meeting that names no organisation (»Referat af bestyrelsesmøde«, »… den 12. marts 2024«): the
# organisation is the letterhead's line above it, a company by its legal form or a foundation (»Vejle Spildevand
# A/S«, »Fonden for Socialt Ansvar«), not any short line (»Skolebestyrelsen«, »Teknik og Miljø«, a person)
ORGANISATION = re.compile(rf"^(?:[A-ZÆØÅ0-9][\w&'.-]*\s+(?:(?:og|for|af|i)\s+)?){{1,6}}{LEGAL_FORM}$"
                          rf"|^{LEGAL_FORM}\s+(?:[A-ZÆØÅ0-9][\w&'.-]*(?:\s+|$)){{1,5}}$"  # (»I/S Affaldsselskabet Sydsjælland«)
                          r"|^(?:Fonden\s[^\d:]{2,70}|(?:[A-ZÆØÅ][\w&'.-]*\s+){1,4}Fond(?:en)?)$")  # (»Fonden for
# Socialt Ansvar«, »Velux Fonden«; not »Med støtte fra Velux Fonden«)
BOARD_UNNAMED = re.compile(either_spelling(
    rf"^(?:{DOC_KIND}\s+(?:af|fra|for|til)\s+)?(?:(?:det|et)\s+)?(?:\w+\s+)?(?P<board>(?:skole)?bestyrelses|repræsentantskabs)"
    r"møde(?:t)?(?:\s+nr\.\s*\d+(?:/\d+)?)?(?:\s*$|\s+(?:\w+dag\s+)?(?:den\s+|d\.\s*)?\d)"), re.I)
# The organisation named on the line under a board's title (»Referat af skolebestyrelsesmøde« / »Egeskov Skole«, as
# a school's or an association's minutes set it): a company or a foundation, or a name ending in an institution's
# or an association's word
ORG_WORD = (r"(?:skole|skolen|gymnasium|gymnasiet|forening|foreningen|klub|klubben|børnehus|børnehave|vuggestue|"
            r"institution|institutionen|selskab|selskabet|forsyning|fællesskab|fællesskabet|center|centret|centeret)")
ORGANISATION_UNDER = re.compile(either_spelling(
    rf"^(?:[A-ZÆØÅ0-9][\w&'.-]*\s+(?:(?:og|for|af|i|ved)\s+)?){{0,5}}[\w-]*{ORG_WORD}$"  # »Egeskov Skole«
    rf"|^[A-ZÆØÅ][\w-]*{ORG_WORD}(?:\s+[A-ZÆØÅ0-9][\w&'.-]*){{1,4}}$"), re.I)  # »Grundejerforeningen Solbakken«
# A letterhead's line under the organisation's name: its CVR number or its address (»Vandværksvej 7, 7100 Vejle«)
LETTERHEAD_DETAIL = re.compile(r"^(?:CVR(?:-nr\.?|\s+nr\.?)?\s*:?\s*\d[\d ]{7,10}|[^\d:]{2,40}\s\d{1,4}[A-Za-z]?"
                               r"(?:,\s*(?:\d+\.?\s*(?:sal|th|tv)\.?,\s*)?\d{4}\s+\S.*)?|\d{4}\s+[A-ZÆØÅ][\w .-]+)$")
# An association's general meeting (»Referat fra ordinær generalforsamling«, »Generalforsamling i Idrætssamvirket
# Skive«): the body is the association, named after »i« or on the letterhead's line above
GENERAL_ASSEMBLY = re.compile(either_spelling(
    rf"^(?:{DOC_KIND}\s+(?:af|fra|for)\s+)?(?:(?:den|det)\s+)?(?:(?:ekstra)?ordinære?\s+)?generalforsamling(?:en)?"
    r"(?:\s+(?:i|for)\s+(?P<org>[^\d:]{3,80}?))?(?:\s+(?:\w+dag\s+)?(?:den\s+)?\d.*)?\s*$"), re.I)
# a letterhead's line saying what the organisation is (»Et fælleskommunalt selskab ejet af …«)
TAGLINE = re.compile(r"^(?:En|Et)\s+[a-zæøå][^:]{5,120}$")
ANOTHER_NAME = re.compile(r"^(?:(?:i|for|hos)\s+\S.*|[A-ZÆØÅ][^\d:.]{2,60})$")  # (no label, date or sentence)
# A board named by its organisation, alone on a title line (»Bestyrelsen for Fonden for Socialt Ansvar«)
BOARD_LINE = re.compile(either_spelling(r"^(?:bestyrelsen|repræsentantskabet)\s+(?:for|i|hos)\s+\S"), re.I)
KIND_DASH = re.compile(either_spelling(rf"^{DOC_KIND}\s*[-–—:|\t]\s*(?P<body>[^\d]+(?:{PERIOD_FORM})?)$|"
                                       rf"^(?P<body2>[^\d]+?)\s*[-–—:|\t]\s*{DOC_KIND}$"), re.I)
GENERIC_NAMES = {fold(name) for name in (
    "document", "dokument", "referat", "dagsorden", "download", "file", "fil", "minutes", "agenda", "untitled",
    "unavngivet", "ny", "new", "print", "udskrift", "export", "eksport", "scan", "pdf", "html", "index", "page",
    "side", "publication", "meeting", "møde", "den", "d", "af", "fra", "og", "til", "for", "i", "åbent", "åben",
    "lukket", "beslutningsprotokol", "protokol", "kopi", "copy", "final", "endelig", "version", "v")}
LABELS = {
    "body": ("møde", "udvalg", "mødeforum", "forum", "udvalgsnavn"),
    "when": ("mødetid", "mødetidspunkt", "dato", "mødedato", "hvornår", "tid og sted", "dato og sted", "tid/sted", "tid", "tidspunkt", "dato og tid",
             "mødedato og tid", "starttidspunkt", "starttid", "mødestart", "mødet starter", "start"),
    "place": ("mødested", "sted", "lokale", "mødelokale", "adresse", "hvor"),
    "present": ("deltagere", "mødedeltagere", "til stede", "tilstede", "medlemmer", "deltager", "deltog",
                "til stede var", "fremmødte", "fremmødt", "fremmødt fra bestyrelsen", "til stede fra bestyrelsen",
                "stedfortræder", "stedfortrædere", "suppleant", "suppleanter"),
    "absent": ("afbud", "fraværende", "afbud/fraværende", "fravær", "afbud fra", "afbud meldt af", "fraværende var",
               "ikke til stede", "meldt afbud", "forfald", "ikke mødt", "udeblevet", "fraværende med afbud",
               "afbud fra bestyrelsen"),
    "other": ("bemærk", "bemærkninger", "sekretær", "referent", "information", "mødeleder", "ordstyrer",
              "slut", "note", "sluttidspunkt", "sluttid", "mødetype", "type"),
}
ALL_LABELS = {fold(label): key for key, labels in LABELS.items() for label in labels}  # folded: »Moedested:« too
# a label inside a line, after another fact (`_facts_apart`)
FACT_INSIDE = re.compile(r"(?:(?<=[.;])\s+|\s+[—–|·]\s+|\S\s{3,})(?P<label>[A-ZÆØÅ][^\s:]*(?: [^\s:]+){0,3}?)\s*:(?=\s|$)")
# A table of members' columns for the member and for their attendance (»Navn ⇥ Parti ⇥ Fremmøde«), folded
MEMBER_COLUMNS = {fold(name) for name in ("navn", "navne", "medlem", "medlemmer", "deltager", "deltagere")}
ATTENDANCE_COLUMNS = {fold(name) for name in ("fremmøde", "fremmødt", "til stede", "tilstede", "deltog", "afbud", "fravær",
                                              "status")}
# Where the meeting was held, said in a sentence: »Mødet afholdes på Rådhuset«, »Mødet afholdt den 14. maj 2024 kl.
# 15.30 på Rådhuset, mødelokale 3«
HELD_AT = re.compile(either_spelling(r"^(?:mødet\s+)?(?:(?:blev|er|bliver)\s+)?(?:afholdes|afholdt|holdes|holdt)\b(?:.*?\s)?"
                                    r"på\s+(.+?)\.?$"), re.I)  # (»Mødet blev holdt kl. 13.00 på Brandstationen, …«)
# The place after the day and time in a »Tid og sted:« value (»Torsdag den 3. oktober 2024 kl. 17.00–19.30 i
# Byrådssalen«, »kl. 16.00, Regionshuset Viborg, Skottenborg 26«)
PLACE_AFTER_TIME = re.compile(r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?\s*(?:,\s*|\s+(?:i|på)\s+|\s+[·|—]\s+)"
                              r"(?P<place>\S.*?)\.?$", re.I)
# A line naming a meeting place: what the place line under a meeting's day holds (»Rådhuset, mødelokale 3«)
PLACE_LINE = re.compile(either_spelling(r"(rådhus|lokale|mødesal|mødecenter|byrådssal|udvalgsværelse|\bsal\b|\w+salen\b"
                                       r"|regionshus|\w+huset\b|,\s*[1-9]\d{3}\s+(?-i:[A-ZÆØÅ][a-zæøå]+)"
                                       r"|,\s*(?-i:[A-ZÆØÅ])\w*(?:vej|gade|allé|alle|plads|stræde|torv|vænget)\s+\d{1,3}[a-z]?(?:,|$))"), re.I)
# (»Regionshuset Viborg, Regionsrådssalen«; an address ending in its postcode and town: »Comwell Kolding, Skovbrynet
# 1, 6000 Kolding«, or a street and its number after a comma: »Skive Idrætscenter, cafeteriet, Arenavej 1, Skive«)
# A room named in lower case after the time, »kl. 18.30-20.30 på lærerværelset«: a noun in its definite form
ROOM_AFTER_TIME = re.compile(r"(?:på|i)\s+$")
DEFINITE = re.compile(r"^[a-zæøå]{4,}(?:et|en|erne|ene)\b")
SMALL_WORDS = frozenset({"og", "for", "i", "af", "til", "med", "under", "om", "på"})
TIME_ONLY = re.compile(r"^(kl\.?\s*:?\s*)?(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)(\s*[-–]\s*\d{1,2}[.:]\d{2})?$", re.I)
# A note after a name that the person was away: »Mikkel Dahl (V) - afbud«, »Ole Berg (fraværende)«
AWAY_NOTE = re.compile(r"\s*(?:[-–,]\s*(?:afbud|fraværende|fravær)|\((?:afbud|fraværende|fravær)\))$", re.I)
# A member's name with the party's letters after it: »Torben Thorsen (A)«, »Marianne Møller (SF)«
PARTY_MEMBER = re.compile(r"^[A-ZÆØÅ][\w.'-]+(?: +[A-ZÆØÅ][\w.'-]*){1,4} *\([A-ZÆØÅ]{1,3}\)$")
# A person's name alone on its line, perhaps with a party and a note that they were away: »Anne Vinther (A)«,
# »Mikkel Dahl (V) - afbud«, »Mette la Cour (Ø)«
PARTICLES = r"(?:(?:la|le|de|du|da|di|dos|das|del|della|van|von|der|den|ten|ter|af) +){0,2}"  # »Karen van der Berg«
NAME = rf"[A-ZÆØÅ][\w.'-]+(?: +{PARTICLES}[A-ZÆØÅ][\w.'-]*){{1,4}}"
# a person's role before the name in a list of names (»Formand Niels Bjerre«, »Adm. direktør Steen Høgh«)
ROLE = re.compile(r"^(?:(?:adm\.|administrerende|teknisk|kommunal)\s*)?(?:direktør|chef)\s+|^(?:næst)?formand\s+"
                  r"|^(?:vice)?borgmester\s+|^(?:rådmand|sekretær|(?:vice)?skoleleder|centerchef|afdelingsleder)\s+"
                  r"|^(?-i:[a-zæøå][\w.-]{3,30})\s+(?=(?-i:[A-ZÆØÅ]))", re.I)  # (any title written small: »politiinspektør«)
# a list's last entry cut after the title before the name (»…; politiinspektør« / »Ole Hvam«), in a list parted
# by semicolons: after a comma the word may be the role of the name before it (»Morten Skov (A), formand«)
TITLE_CUT = re.compile(r";\s*(?!(?:næst|vice)?(?:formand|forkvinde)\b|kasserer\b|sekretær\b|referent\b|medlem\b)"
                       r"[a-zæøå][\w.-]{3,30}$")
# a role alone, as a list of names puts it after the person's (»Nina Kaas (A), formand, Erik Holm (V)«)
ROLE_AFTER = re.compile(r"^(?P<org>[^()]+?)\s*\((?P<role>[^()]{1,30})\)$")  # »Herning Kommune (formand)«
ROLE_ALONE = re.compile(r"^(?:(?:næst|vice)?(?:formand|forkvinde|borgmester|skoleleder)|kasserer|sekretær|referent|"
                        r"dirigent|suppleant)$", re.I)
# a role written small after a name (»Rikke Thorup, forælderrepræsentant«, »…, repræsentant for eleverne«): no
# person's name is written so
SMALL_ROLE = re.compile(r"^(?-i:[a-zæøå][\w.-]+)(?:\s+(?-i:[a-zæøå][\w.-]*)){0,3}$")
# whom a member stands in for, after the name (»Ole Nørby (SF), suppleant for Karen Fisker«): that person's role
STANDING_IN = re.compile(r"^(?:suppleant|stedfortræder|suppl\.)\s+for\s+[A-ZÆØÅ][\w.-]*(?:\s+[A-ZÆØÅ(][\w.)-]*){0,3}$", re.I)
# what parts the names of a list: a comma, a semicolon or »og«, not inside brackets (»Mette Krogh (DH, formand)«)
LIST_SEPARATOR = re.compile(r"(?:,|;| og )(?![^()]*\))")
COMMA = re.compile(r",(?![^()]*\))")
PERSON_LINE = re.compile(rf"^{NAME}(?: *\([^()\t]{{1,40}}\))?(?: *[-–,] *(?:afbud|fraværende|fravær))?$")
# A line opening with a person's name, whatever follows it (»Jens Madsen (V) deltog fra kl. 16.00«, »Bent Kjær -
# næstformand«): a list of names one to a line goes on through it
NAME_FIRST = re.compile(rf"^{NAME}\b")
# A name's first word alone (»Lise«), and a line going on with its surname alone (»Holm, Bo Lund«, »Lund (B)«)
FIRST_NAME = re.compile(r"^[A-ZÆØÅ][a-zæøåé'-]+$")
SURNAME_GOES_ON = re.compile(r"^(?P<surname>[A-ZÆØÅ][\w'-]+(?: [A-ZÆØÅ][\w'-]+)?)(?: *\([^()]{1,12}\))?\s*(?:,|$)")
NO_COLON_LABEL = re.compile(either_spelling(r"^(mødested|mødedato|mødetidspunkt|mødetid|starttidspunkt|starttid)"
                                            r"\s+(\S.*)$"), re.I)  # »Mødested Byrådssalen«, »Starttid    16:30«
# The short labels of a front page's grid printed without their colons, before what only they label: »Tid Kl. 15:00 -
# 17:30«, »Sted Mødelokale 1.1, Haderslev Rådhus«
NO_COLON_SHORT = re.compile(r"^(Tid)\s+((?:[Kk]l\.?\s*)?\d{1,2}[.:]\d{2}\b.*)$|^(Sted)\s+([A-ZÆØÅ].*)$")
# Who came and who sent word, labelled without a colon in a front page's table (»Deltagere Jens Madsen (V), …«,
# »Afbud Ingen«): the value a name (two words in capitals, not »Alle medlemmer var til stede«) or »Ingen«; and
# the committee (»Udvalg Økonomiudvalget«)
NO_COLON_ATTENDANCE = re.compile(either_spelling(
    rf"^((?i:deltagere|medlemmer|afbud|fraværende|stedfortrædere?|suppleanter?))\s+((?:Ingen\b|{NAME}).*)$"
    r"|^((?i:udvalg))\s+([A-ZÆØÅ][\w-]*(?:\s+[\w-]+){0,5}?(?:udvalg|udvalget|råd|rådet|bestyrelse|bestyrelsen))$"))
# (»Udvalg Økonomiudvalget«, »Udvalg Børne- og Ungeudvalget«)


@dataclass
class MeetingHeader:
    body: str | None = None
    date: str | None = None
    time: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)

    def attended(self, there: list[str], away: list[str]) -> None:
        """Who was there (the first list read stands) and who away (each added once)."""
        self.participants = self.participants or there
        self.absentees += [name for name in away if name not in self.absentees]


def read_header(lines: list[str], source: str = "", running: Sequence[str] = ()) -> MeetingHeader:
    """Facts from the head of a meeting's text; what is missing stays None for the caller to fill. `running`:
    a PDF's running header and footer lines (»Referat – Teknik- og Miljøudvalget – 12. maj 2026« atop every
    page), read for the committee and the date where the text names none, before the file's name."""
    top = [part for line in lines[:HEAD_LINES] for part in _facts_apart(line)]
    head = [_unlisted(line.strip()) for line in top]
    header = MeetingHeader()
    _title_lines(head, header)
    _labelled(head, header, [line.strip(" \r\n") for line in top])
    beside = _first(_body_beside_date, head[:12])
    header.body = header.body or _body_from_title(head) or (beside and canonical_body(beside))
    header.date = header.date or _first(find_date, head[:15])
    if running and not (header.body and header.date):
        # (an organisation before the committee a middle dot apart is a letterhead: »KL · KKR Midtjylland | …«)
        printed = read_header([part for line in running for part in re.split(r"\s+·\s+", line)])
        if not header.date and printed.date:
            header.date, header.time = printed.date, header.time or printed.time
        header.body = header.body or printed.body
    header.body = header.body or _body_alone(head) or body_from_source(source)
    if header.date and not header.time:
        header.time = _time_near_date(head[:15]) or _first(_time_only, head[:15]) or next(
            (t for line in head[:15] if HELD_AT.match(line) and (t := find_time(line))), None)  # (»Mødet blev holdt
        # kl. 13.00 på Brandstationen«, under a title naming the day)
    header.location = header.location or _location(head)
    return header


def _facts_apart(line: str) -> list[str]:
    """A line of several labelled facts (»Mødedato: mandag 10. marts 2025, kl. 19:00 — Mødested: Nordby
    Forsamlingshus«, »Til stede: Jens Kragh, Lise Munk. Afbud: Karen Holt.«) as a line a fact: a known label
    after a full stop, a dash, a bar, a middle dot or a wide gap begins one."""
    cuts = [m.start("label") for m in FACT_INSIDE.finditer(line) if fold(m.group("label")) in ALL_LABELS]
    return [line[a:b].rstrip(" —–|·") for a, b in zip([0, *cuts], [*cuts, len(line)])] if cuts else [line]


def _unlisted(line: str) -> str:
    """A fact set as a list's entry (»- Dato: mandag den 4. marts 2024«, a web page's <li>) as its label and value."""
    m = re.match(r"^[-•]\s+(\S.*)$", line)
    return m.group(1) if m and _split_label(m.group(1)) is not None else line


def _split_label(line: str) -> tuple[str, str] | None:
    """('moedested', 'Byrådssalen') for 'Mødested: Byrådssalen', 'Mødested\tByrådssalen', 'Mødested Byrådssalen'
    and 'Moedested: Byrådssalen': the label folded (`ALL_LABELS`), the value as written."""
    m = re.match(r"^([^:\t]{2,30}?)\s*(?::|\t)\s*(.*)$", line)
    # (a label's bold or italic markers are no part of it: a Markdown table's »**Mødedato**«)
    if m and (label := fold(m.group(1).strip().strip("*_").strip())) in ALL_LABELS:
        return label, m.group(2).strip()
    if m := NO_COLON_LABEL.match(line):
        return fold(m.group(1)), m.group(2).strip()
    if m := NO_COLON_SHORT.match(line):
        label, value = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return fold(label), value.strip()
    if m := NO_COLON_ATTENDANCE.match(line):
        label, value = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return fold(label), value.strip()
    if fold(line) in ALL_LABELS:
        return fold(line), ""
    return None


def _labelled(head: list[str], h: MeetingHeader, rows: list[str]) -> None:
    """Label lines and blocks; a label alone takes the next line as its value, a run of labels alone
    (a header table read column by column) takes as many following lines. `rows`: the lines with their tabs
    (`head`'s are stripped), for a table's rows whose last cells are empty."""
    pairs: list[tuple[str, str, int]] = []  # (label, value, index of the value's last line)
    i = 0
    while i < len(head):
        if table := _attendance_table(rows, i):
            there, away, i = table
            h.attended(there, away)
            continue
        split = _split_label(head[i])
        if split is None:
            i += 1
            continue
        label, value = split
        if value or ALL_LABELS[label] in ("present", "absent", "other"):
            pairs.append((label, value, i))
            i += 1
            continue
        run = [label]
        j = i + 1
        while j < len(head) and (s := _split_label(head[j])) is not None and not s[1]:
            run.append(s[0])
            j += 1
        values = [k for k in range(j, min(len(head), j + len(run) + 3)) if head[k]][:len(run)]
        for lab, k in zip(run, values):
            if _split_label(head[k]) is None:
                pairs.append((lab, head[k], k))
        i = j
    held = None
    for label, value, k in pairs:
        key = ALL_LABELS[label]
        if key == "body" and value:
            h.body = h.body or canonical_body(value)
        elif key == "when" and value:
            h.date = h.date or find_date(value) or find_short_date(value)
            h.time = h.time or find_time(value) or _time_only(value)  # (»Mødetid: 15.30 - 17.00«)
            if "sted" in label and (placed := PLACE_AFTER_TIME.search(value)) and placed.group("place")[:1].isupper():
                held = held or placed.group("place")  # (not »i forlængelse af …«; a »Sted:« line comes first)
        elif key == "place" and value:
            h.location = h.location or value.rstrip(".")
        elif key == "present":
            h.attended(*_attendance(_names(value, head, k + 1) or _grouped_names(value, head, k + 1)))
        elif key == "absent":  # »Afbud: Ingen« says there were none: the lines after it are no names
            names = [] if _no_one(value) else [n for n in _names(value, head, k + 1) if not _no_one(n)]
            # (each label's names added: »Afbud: Grethe Munk« / »Fraværende: Ib Nørgaard«, away with and without word)
            h.attended([], [name for side in _attendance(names) for name in side])
    h.location = h.location or held


def _attendance_table(rows: list[str], i: int) -> tuple[list[str], list[str], int] | None:
    """Who was there and who away, from a table of them opening at line `i` (its rows a tab apart, as Word's
    tables and a PDF's columns reach the parser); with the line after it. Two tables: one column a label
    (»Deltagere ⇥ Fraværende«, then »Jytte Hviid (DH) ⇥ Niels Ebbe (DH)«, »Søren Mark (DH) ⇥ «), each
    column's names that label's; and a table of members with a column for attendance (»Navn ⇥ Parti ⇥
    Fremmøde«, then »Thomas Vang ⇥ F ⇥ Afbud«: table_rows.member), however it is headed, or not at all. None
    for any other line."""
    heads = [fold(cell.rstrip(":").strip()) for cell in cells(rows[i])]
    kinds = [attendance_label(cell) if cell else None for cell in cells(rows[i])]
    skip = 0  # (a Markdown table's »|---|---|« under its head, a web page's blank line after its <thead>)
    while heads and i + 1 + skip < len(rows) and (is_table_rule(rows[i + 1 + skip]) or not rows[i + 1 + skip].strip()):
        skip += 1
    if skip and i + 1 + skip < len(rows) and cells(rows[i + 1 + skip]):
        found = _attendance_table(rows[:i + 1] + rows[i + 1 + skip:], i)
        return (*found[:2], found[2] + skip) if found else None
    if len([c for c in heads if c]) >= 2 and all(kind for head, kind in zip(heads, kinds) if head):
        # its rows: a cell for each label, each cell names or empty, up to the first line that is no such row (the
        # table of contents under it: »Punkt ⇥ Indhold ⇥ Bilag«); a row whose last cells are empty may have lost
        # its tabs (a line's end stripped): its first cell's
        table = list(itertools.takewhile(
            lambda line: len(cells(line)) == len(heads) and all(names_only(c) for c in cells(line) if c)
            or not cells(line) and names_only(line), rows[i + 1:]))
        there: list[str] = []
        away: list[str] = []
        for row in table:
            for kind, cell in zip(kinds, cells(row) or [row.strip()]):
                if kind and cell and not _no_one(cell):
                    names = _names(cell, [], 0)
                    if kind == "absent":
                        away += [name for side in _attendance(names) for name in side]
                    else:
                        present, noted_away = _attendance(names)
                        there, away = there + present, away + noted_away
        return there, away, i + 1 + len(table)
    if members_head(rows[i]):
        named = next(c for c, head in enumerate(heads) if head in MEMBER_COLUMNS)  # a row a member's, up to the
        # first that is none (a table of contents under it: »Punkt ⇥ Indhold ⇥ Bilag«, »1 ⇥ Godkendelse …«)
        table = list(itertools.takewhile(
            lambda line: len(cells(line)) == len(heads) and names_only(cells(line)[named]), rows[i + 1:]))
        there, away = _attendance(table)
        return there, away, i + 1 + len(table)
    return None


def members_head(row: str) -> bool:
    """Whether a row (its cells a tab apart) names the columns of a table of members with a column for attendance
    (»Navn ⇥ Parti ⇥ Fremmøde«, »Medlem ⇥ Organisation ⇥ Fremmøde«)."""
    return attendance_column(row) is not None


def attendance_column(row: str) -> int | None:
    """Which of a members table's columns says who came (»Fremmøde« of »Navn ⇥ Parti ⇥ Fremmøde«); None for a row
    that is no such table's head (`members_head`)."""
    heads = [fold(cell.rstrip(":").strip()) for cell in cells(row)]
    if not is_column_names(row) or not set(heads) & MEMBER_COLUMNS:
        return None
    return next((c for c, head in enumerate(heads) if head in ATTENDANCE_COLUMNS), None)


def attendance_label(text: str) -> str | None:
    """»present« or »absent« for a label of who came or who sent word, alone on its line (»Deltagere«,
    »Afbud:«); None for any other text."""
    key = ALL_LABELS.get(fold(text.strip().rstrip(":").strip()))
    return key if key in ("present", "absent") else None


def names_only(text: str) -> bool:
    """Whether a line is a person's name or a list of them, perhaps with parties and roles (»Poul Riis«, »Anne
    Bech (V), Ole Lund«), or says no one (»Ingen«): what a cell of a table of attendance holds."""
    parts = _affiliated([part.strip() for part in COMMA.split(text)])
    return _no_one(text) or all(PERSON_LINE.match(ROLE.sub("", part)) for part in parts)


def _no_one(text: str) -> bool:
    """»Ingen«, »Ingen afbud.«, »-«: a value that says there was no one."""
    return fold(text).rstrip(".") in NO_ONE


def _attendance(names: list[str]) -> tuple[list[str], list[str]]:
    """Names as written, and the rows of a table of members (table_rows.member): who was there, who away."""
    there: list[str] = []
    away: list[str] = []
    for name in names:
        if marked := AWAY_NOTE.search(name):  # »Mikkel Dahl (V) - afbud«
            away.append(name[:marked.start()].strip())
            continue
        filled = [cell for cell in cells(name) if cell] if cells(name) else []
        if len(filled) >= 2 and all(PARTY_MEMBER.match(cell) for cell in filled):
            there += filled  # members set side by side in two columns (»Torben Thorsen (A) ⇥ Marianne Møller (C)«)
            continue
        if apart := _person_columns([name]):
            there += apart  # the same columns in a text file, spaces between (»Peter Strand (A), formand      Lise …«)
            continue
        row = member(name) if cells(name) else (name, False)
        if row is not None:  # (a member's cell »Sanne Mikkelsen (A), formand«: »Sanne Mikkelsen (A, formand)«)
            (away if row[1] else there).extend(_one_affiliated(row[0]) if cells(name) else [row[0]])
    return there, away


def _ends_value(line: str) -> bool:
    """A line a value written over lines does not go on into: a blank line, another label or a date."""
    return not line or _split_label(line) is not None or ":" in line or find_date(line) is not None


def _names(value: str, head: list[str], start: int) -> list[str]:
    """Names after a label: on its line (comma-separated) and then one a line, up to a blank line, a label or
    the heading of a table of contents or of the agenda's open part (»Afbud: Dorte Madsen« / »Åbne punkter«).
    After a label alone, names one to a block (a web page's cell of <div>s, blank lines between) are read up to
    the first line that is no name."""
    if not value and (block := _name_blocks(head, start) or _name_list(head, start)):
        return block
    if not value and _links_listed(head, start):
        return []  # (a site's menu, its »Medlemmer« a link over »Møder 2025«, »Kommissorium«: no one's names)
    lines, prose = [], False
    for line in head[start:]:
        if row := cells(line):  # a table's row: it may open with its »Nr.« and hold a »Stedfortræder: …« cell;
            # a table of contents' head row (»Punkt ⇥ Indhold ⇥ Bilag«) ends the names, as its heading line does
            ends = _split_label(line) is not None or any(fold(cell) in CONTENTS for cell in row)
        else:
            ends = _ends_value(line) or re.match(r"^\d{1,3}(\.|\s|$)", line) is not None
        if ends or fold(line.strip()) in CONTENTS | DOCUMENT_WORDS or part_heading(line) is not None \
                or ATTENDANCE_SENTENCE.search(line):  # (»Fra Skive Kommune deltog fritidskonsulent Camilla Frost.«
            # under »Afbud: Ove Thøgersen«: who else came, said in a sentence, no apology)
            break  # (»Afbud: Bo« / »Dagsorden«)
        if (PERSON_LINE.match(value) if value else lines) and all(NAME_FIRST.match(name) for name in lines) \
                and not NAME_FIRST.match(line) and "," not in line and not line[:1].islower() and not cells(line) \
                and not _name_cut(lines[-1] if lines else value, line):
            break  # names one to a line end at the first line that is none (a page's »Download referat som PDF«)
        if not lines and value.endswith(",") and "," in value[:-1] and not line[:1].islower():
            value = f"{value} {line}"  # a list of names wrapped after a comma goes on as the list (»…, Bent
            continue  # Sørensen,« / »Camilla Juhl, Erik Vestergaard«: two names, not one)
        above = lines[-1] if lines else value
        # a wrapped line of prose goes on with the line above: no name begins in lower case or follows »samt«,
        # and in a sentence wrapped once (»… eller deres« / »suppleanter, …,«) a comma ends no name either
        if above and not COLUMN_GAP.search(line) and (
                line[:1].islower() or re.search(r"\s(og|samt|eller)$", above) or prose and above[-1] == ","
                or above.count("(") > above.count(")")  # (wrapped inside a bracket: »… (suppleant for« / »Gerda …)«)
                or _name_cut(above, line) or TITLE_CUT.search(above) and NAME_FIRST.match(line)):
            prose = True
            if lines:
                lines[-1] = f"{lines[-1]} {line}"
            else:
                value = f"{value} {line}"
            continue
        lines.append(line)
    if columns := _person_columns(([value] if value else []) + lines):
        return columns  # members in columns a few spaces apart, as text taken from a PDF sets a table of them
    if not value and lines and (lines[0].count(",") >= 2 or lines[0].endswith(",")
                                or len(lines) == 1 and "," in lines[0]):
        # a list of names under its label alone, wrapped over lines as a cell wraps it (»Jens« / »Peter Vinther,
        # …«), or on the one line under it (a PDF's table of facts: »Afbud« ⇥ »Mette Kjærsgaard, Ole Thygesen«):
        # the lines are one list, as the label's own line would be
        value, lines = " ".join(lines), []
    names = _affiliated([p.strip().rstrip(",") for p in LIST_SEPARATOR.split(value) if p.strip()]) if value else []
    # one line of prose (»Kommunaldirektørerne i …«): kept whole; a long list of names (»…, Liv Gro Jensen
    # (afbud)«) is the names, so that one person's »(afbud)« does not send the whole list away
    if value and len(value) > 80 and not (len(names) > 1 and all(PERSON_LINE.match(ROLE.sub("", name))
                                                                for name in names)):
        names = [value]
    # a line under the label's names that is a list of its own (»Til stede: Karin, Ole, Hans« / »Mette, Birgit,
    # Jonas«): its names; a line of one name and where the person comes from stays one (»Lise Holm, Greve Kommune«:
    # »Lise Holm (Greve Kommune)«)
    names += [name for line in lines for name in (
        _affiliated([p.strip() for p in COMMA.split(line) if p.strip()]) if len(COMMA.findall(line)) >= 2
        else _one_affiliated(line.rstrip(",")))]
    # (the full stop ending a list, »…, Malene Friis.«, is no part of the last name; an initial's is: »Hans J.«)
    return [n[:-1] if re.search(r"[a-zæøå]{2}\.$", n) and PERSON_LINE.match(n[:-1]) else n for n in names if n]


# A group's caption over its members' names: a body's name and a colon (»Social- og Seniorudvalget:«, »Fra
# Sundhedsudvalget:«)
GROUP_CAPTION = re.compile(r"^(?:[Ff]ra\s+)?[A-ZÆØÅ][\w-]*(?:\s+(?:og|for|i|[A-ZÆØÅ]?[\w-]+)){0,5}"
                           r"(?:udvalget|udvalg|rådet|råd|bestyrelsen|nævnet|forum|gruppen|kommission(?:en)?):$")
ATTENDANCE_SENTENCE = re.compile(r"\b(?:deltog|deltager|var til stede|mødte op)\b.*\.$")
COLUMN_GAP = re.compile(r"\S\s{3,}\S")  # (a row of a table set in columns a few spaces apart: no wrapped line)


def _person_columns(lines: list[str]) -> list[str]:
    """The people of lines set in columns a few spaces apart (»Holger Riis (V), borgmester, formand      Kristian
    Mølgaard (S)« / »Birthe Laub (DF)      Politiinspektør Anders Vig«), each cell a person, perhaps with a role
    after a comma; [] unless some line has two such cells and every cell is one person."""
    rows = [[cell for cell in re.split(r"\s{3,}", line.strip()) if cell] for line in lines]
    if not any(len(row) >= 2 for row in rows):
        return []
    people = [_one_affiliated(cell)[0] for row in rows for cell in row]
    return people if all(PERSON_LINE.match(ROLE.sub("", person)) for person in people) else []


def _name_cut(line: str, after: str) -> bool:
    """Whether a line of names was wrapped within its last name, which `after` ends: in a list of members with
    their parties, each name before it ends in its party and the last does not (»Jens Madsen (V), …, Ali« /
    »Yilmaz (Ø)«); in any list, its last name is one word and the next line goes on with a surname, or a middle name
    and a surname (»…, Lise« / »Holm, Bo Lund«, »Afbud: Bo« / »Lund (B)«, »…, Hans« / »Ole Lund, …«). A list wrapped
    after a name keeps its comma."""
    names = [name.strip() for name in line.split(",")]
    if len(names) >= 3 and all(name.endswith(")") for name in names[:-1]) and names[-1][-1:].isalpha():
        return True
    last = names[-1].split(":")[-1].strip()
    m = SURNAME_GOES_ON.match(after)
    if m is None or known_heading(m["surname"]) is not None or fold(m["surname"]) in CONTENTS | DOCUMENT_WORDS:
        return False  # (nor before a heading)
    first = after.split(",")[0].strip()
    if len(names) >= 3 and all(" " in name for name in names) and FIRST_NAME.match(first) \
            and fold(first) not in ALL_LABELS:
        return True  # a surname alone, or first on the next line, under a list of whole names goes on with the
        # last (»…, Rasmus Skov« / »Andersen«, »…, Hans Ole« / »Lund, Karen Margrethe Bech«)
    # (not in a list of first names: »Anne, Bo, Carl, Dorte« / »Erik, Fie og Gitte«)
    return bool(FIRST_NAME.match(last)) and not _no_one(last) and all(" " in name for name in names[:-1])


def _grouped_names(value: str, head: list[str], start: int) -> list[str]:
    """Names under a label alone in groups, each under its caption (a joint meeting's »Tilstede« / »Social- og
    Seniorudvalget:« / names / »Sundhedsudvalget:« / names): each group's names, up to the first line after a group
    that is no caption. The caption names a body, ends in a colon and is no label of the meeting's facts."""
    names: list[str] = []
    i = start
    while not value and i < len(head) and GROUP_CAPTION.match(head[i]) and _split_label(head[i]) is None:
        group = _names("", head, i + 1)
        if not group:
            break
        names += group
        i = next((j for j in range(i + 1, len(head)) if not head[j]), len(head))  # past the group's names
        i = next((j for j in range(i, len(head)) if head[j]), len(head))  # and the blank lines after them
    return names


def _name_list(head: list[str], start: int) -> list[str]:
    """A list's entries (»- Jesper Kjeldsen (formand)«: a web page's <ul> of names, »• …« typed) after a label
    alone, from `start` and after any blank lines, up to the first line that is no entry of the list."""
    names: list[str] = []
    for line in head[start:]:
        if not line:
            continue
        if (entry := _list_entry(line)) is None or not _a_person(entry):
            break  # (nor a list of links, a site's menu under its »Medlemmer«: »- Møder 2025«, »- Kommissorium«)
        names += _one_affiliated(entry)  # (»- Hanne Brix, formand«: »Hanne Brix (formand)«)
    return names


def _list_entry(line: str) -> str | None:
    """A list's entry's text (»- Jesper Kjeldsen (formand)«, »• …«), or None for any other line."""
    return m.group(1).strip() if (m := re.match(r"^[-•]\s+(\S.*)$", line)) else None


def _a_person(text: str) -> bool:
    """Whether a text opens with a person's name, perhaps after a title (»politiinspektør Ole Hvam«)."""
    return NAME_FIRST.match(ROLE.sub("", text)) is not None


def _links_listed(head: list[str], start: int) -> bool:
    """Whether the first line with text from `start` is a list's entry that is no person's (»- Møder 2025«)."""
    entry = _list_entry(next((line for line in head[start:] if line), ""))
    return entry is not None and not _a_person(entry)


def _name_blocks(head: list[str], start: int) -> list[str]:
    """Person's names, one to a line with blank lines between, from `start`; [] where no blank line parts them
    (names one to a line are read up to a blank line, as after a label with a value)."""
    names, apart = [], False
    for line in head[start:]:
        if not line:
            apart = True
            continue
        name = _one_affiliated(line)[0]  # (»Kristian Buch (V), formand«: »Kristian Buch (V, formand)«)
        if not PERSON_LINE.match(name) or _split_label(line) is not None:  # (»Afbud Karen van der Berg (C)«)
            break
        names.append(name)
    return names if apart else []


def _one_affiliated(line: str) -> list[str]:
    """A line of one name and where the person comes from as `_affiliated` writes it (»Lise Holm, Greve Kommune«:
    »Lise Holm (Greve Kommune)«, as the same list's apologies read); any other line as it stands."""
    parts = [p.strip() for p in COMMA.split(line) if p.strip()]
    joined = _affiliated(parts) if len(parts) >= 2 and _a_person(parts[0]) else []
    return joined if len(joined) == 1 else [line]  # (»Holger Riis (V), borgmester, formand« too: one person)


def _affiliated(names: list[str]) -> list[str]:
    """»Lars Hansen, Skive Kommune« is one person and where he works: »Lars Hansen (Skive Kommune)«, as KD-Net
    writes »Flemming Storgaard (NFM)«; a list of organisations alone (»Skive Kommune, Viborg Kommune«) stays.
    A role alone after a name is that person's: »Nina Kaas (A), formand« is »Nina Kaas (A, formand)«, as
    others write »Mette Krogh (DH, formand)«; so is any role written small (»Rikke Thorup, forælderrepræsentant«).
    """
    out: list[str] = []
    for name in names:
        if out and (ROLE_ALONE.match(name) or SMALL_ROLE.match(name) and not _no_one(name) or STANDING_IN.match(name)) \
                and not ROLE_ALONE.match(out[-1]) and not SMALL_ROLE.match(out[-1]):
            out[-1] = f"{out[-1][:-1]}, {name})" if out[-1].endswith(")") else f"{out[-1]} ({name})"
        elif out and AFFILIATION.match(name) and not AFFILIATION.match(out[-1]) and "(" not in out[-1]:
            out[-1] = f"{out[-1]} ({name})"
        elif out and (role := ROLE_AFTER.match(name)) \
                and (AFFILIATION.match(role["org"]) or SMALL_ROLE.match(role["org"])) \
                and not AFFILIATION.match(out[-1]) and "(" not in out[-1]:  # (»…, Herning Kommune (formand)«)
            out[-1] = f"{out[-1]} ({role['org']}, {role['role']})"
        else:
            out.append(name)
    return out


def _title_lines(head: list[str], h: MeetingHeader) -> None:
    """'REFERAT Byrådet d. 27-08-2025', 'Teknisk Udvalg – Referat – 1. oktober 2025 kl. 15.45',
    'Referat' followed by the body and then the date."""
    for i, line in enumerate(head[:12]):
        m = _dated_title(line)
        nxt = head[i + 1] if i + 1 < len(head) else ""
        under = next((x for x in head[i + 1:i + 3] if x), "")
        if KIND_DATE.match(line) and (placed := BODY_AND_PLACE.match(under)) and BODY_SUFFIX.search(
                placed.group("body").split()[-1]):
            # FirstAgenda's title block: »Dagsorden 12. januar 2026 kl. 8.30« / »Økonomiudvalget - Mødesal 1«
            h.body = h.body or canonical_body(placed.group("body"))
            h.location = h.location or placed.group("place")
            return
        if nxt and _split_label(nxt) is None and not (m and find_time(m.group("rest"))) and not _dated_title(nxt):
            # the title wrapped (»… – Referat – 14. maj« / »2024 kl. 15.30«; not into a title whole on the next
            # line, under a line of its own: »Indholdsfortegnelse« / »Ældrerådet - Referat - 03.10.2024«)
            m = _dated_title(f"{line} {nxt}") or m
        if m:
            if not MEETING_ONLY.match(body := m.group("body").strip(" -–,")):
                if OCCASION.match(body.split()[0]) and (named := _name_of(body)):
                    body = named  # (»Referat fra temadag i Ældrerådet den …«: the council's)
                h.body = h.body or canonical_body(_named_above(body, head[:i]))
            h.date = h.date or find_date(m.group("rest"))
            h.time = h.time or find_time(m.group("rest"))
            return
        if (m := KIND_DASH.match(line)) and len(line) < 100 and not AFFILIATION.match(m.group("body") or m.group(
                "body2")) and not MEETING_ONLY.match((m.group("body") or m.group("body2")).strip()) \
                and _split_label(line) is None:  # 'Referat – Teknik- og Miljøudvalget' (not a letterhead's »Greve
            # Kommune ⇥ Referat«, nor a labelled fact: »Mødetype: Ordinært møde - Referat«, nor the meeting's kind:
            # »Referat – ordinært møde«)
            h.body = h.body or canonical_body(m.group("body") or m.group("body2"))
            return
        if (m := KIND_OF.match(line)) and len(line) < 100:  # 'Referat af møde i Ældrerådet'
            body = m.group("body") or m.group("genitive") or m.group("board_meeting")
            if BODY_SUFFIX.search(body) or not MEETING_ONLY.match(body):
                h.body = h.body or canonical_body(_named_above(body, head[:i]))
                return
        if KIND_LINE.match(line):
            nxt = [k for k in range(i + 1, min(len(head), i + 5)) if head[k] and not KIND_LINE.match(head[k])]
            dated = next((k for k in nxt if find_date(head[k])), None)
            joined = " ".join([line, *(head[k] for k in nxt if dated is not None and k < dated)])
            if dated is not None and (m := KIND_OF.match(joined)) and len(joined) < 100:
                # the title set over lines (»Referat« / »til« / »mødet i regionsrådet« / the date)
                body = canonical_body(m.group("body") or m.group("genitive"))
                h.body = h.body or body[:1].upper() + body[1:]  # (»regionsrådet« in the title's sentence)
                return
            if len(nxt) >= 2 and not find_date(head[nxt[0]]) and any(find_date(head[k]) for k in nxt[1:3]) \
                    and _split_label(head[nxt[0]]) is None and len(head[nxt[0]]) < 80 \
                    and not MEETING_ONLY.match(head[nxt[0]].strip()) and not FACTS_HEADING.match(head[nxt[0]].strip()):
                # (»Referat« / »Ordinært møde«, »Referat« / »Mødefakta«: no body)
                h.body = h.body or canonical_body(head[nxt[0]])
                return


def _named_above(body: str, above: list[str]) -> str:
    """A meeting named by its kind of body (»lokaludvalgsmøde«, »skolebestyrelsesmøde«) under a line naming a body
    of that kind in full (»Amager Øst Lokaludvalg«, »Skolebestyrelsen ved Søndermarkskolen«): that line, the body;
    else `body` as it is."""
    line = next((x for x in reversed(above) if x), "")
    if (kind := BODY_MEETING.match(body)) and fold(kind.group("body")) in fold(line) and len(line) < 80 \
            and _split_label(line) is None and not find_date(line):
        return line
    return body


def _body_beside_date(line: str) -> str | None:
    """The body a title names beside its date, where no label, letterhead or other title form named one: after the
    kind, right before the date with no »den« or »d.« between (»Referat af møde i Ældrerådet 12. marts 2024«,
    »Referat af Ældrerådets møde, tirsdag 12. marts 2024 kl. 10.00«, »Referat: Ældrerådet 12.03.2024«, »Referat af
    ældrerådsmødet 12.03.2024«, »Møde i Ældrerådet …«, »Referat fra temadag i Ældrerådet …«); before the kind
    (»Ældrerådet, referat af møde 12. marts 2024«, »Ældrerådet – referat 12. marts 2024«), or alone before the date
    with the kind after it (»Ældrerådet 12. marts 2024 – referat«), or after the date that follows the kind
    (»Referat 12. marts 2024 – Økonomiudvalget«), or naming its meeting (»Ældrerådets møde 12. marts 2024«). The
    name is read by `_name_of`; none where the date is another than the meeting's (»… – godkendt 9. april 2024«)."""
    at = date_start(line)
    if not at or len(line) >= 120 or line.endswith("."):
        return None
    before = DATE_LEAD.sub("", line[:at])
    if OTHER_DATE.search(before):
        return None
    if (m := KIND_THEN.match(before)) and not BOARD_UNNAMED.match(before):
        rest = m.group("rest")
        return rest if BODY_MEETING.match(rest) else _name_of(rest)
    m = BODY_KIND.match(before) or (BODY_ALONE.match(before) if KIND_AFTER.search(line[at:]) else None) \
        or (BODY_AFTER.match(line[at:]) if KIND_LINE.match(before) else None) or MEETING_NAMED.match(before)
    return _name_of(m.group("body").strip(), whole=True) if m else None


def _name_of(words: str, whole: bool = False) -> str | None:
    """The committee's name that `words` open with, past the words naming the occasion (`OCCASION`: »Temamøde
    Ældrerådet«, »Budgetseminar for Økonomiudvalget«): the capitalised words (and the small words between) up to
    the last that is a body's and the capitalised words right after it (»Lokalrådet Vestby«, »Seniorrådet Nord og
    Seniorrådet Syd«), not what follows (»Ungerådet« of »Ungerådet i Ungdomshuset«, »Ungerådets« of »Ungerådets
    møde i …«, »Ældrerådet« of »Ældrerådet afholdt« or »Integrationsrådet, Rådhuset«); none where the name goes on
    with »for« (»Udvalget for Teknik og Miljø« is no »Udvalget«), no word is a body's, it is a body's word alone
    (»Bestyrelsen«), or, `whole`, where words stand after the name."""
    split = words.split()
    while split and OCCASION.match(split[0]):
        split = split[2:] if split[1:2] and split[1] in ("for", "i", "med") else split[1:]
    name: list[str] = []
    for word in split:
        bare = word if word.endswith("-,") else word.rstrip(",;:")
        if not (bare[:1].isupper() or bare in NAME_JOINERS or bare.endswith("-") or bare.isdigit() and name) \
                or len(name) == 6:  # (»Lokalråd 4690«)
            break
        name.append(bare)
        if bare != word:
            break  # (a comma ends it: »Integrationsrådet, Rådhuset«)
    ends = [k for k, word in enumerate(name) if BODY_SUFFIX.search(canonical_body(word))
            and not word.endswith("-") and not AREA.search(word)]
    if not ends:
        return None
    end = ends[-1] + 1
    while end < len(name) and (name[end] not in NAME_JOINERS or name[end] in ("og", "&") and end + 1 < len(name)
                               and name[end + 1] not in NAME_JOINERS):
        end += 1  # (»Lokalrådet Vestby og Omegn«)
    if any(AFFILIATION.match(word) for word in name[ends[-1] + 1:end]):
        end = ends[-1] + 1  # (»Ældrerådet Greve Kommune«: the council's municipality)
    if name[end:end + 1] == ["for"] or whole and (end < len(split) or not name) or end == 1 and fold(name[0]) in GENERIC:
        return None  # (»Bestyrelsen« alone names no one's board)
    return " ".join(name[:end])


def _a_name(words: str) -> bool:
    """Words written as a committee's name: capitalised but for the small words between (»Kultur- og
    Fritidsudvalget«, »Greve Kommunes Ældreråd«), six at most; not a sentence's (»Vedhæftet er ældrerådets«)."""
    return len(words.split()) <= 6 and all(word[:1].isupper() or word in NAME_JOINERS or word.endswith("-")
                                           for word in words.split())


def title_date(line: str) -> tuple[str, str] | None:
    """The committee and the date of a title line naming the document's kind, its committee and the day
    (»Handicaprådet - Referat - 13. juni 2024«, »REFERAT Byrådet d. 27-08-2025«), or None for any other line."""
    m = _dated_title(line.strip()) if len(line) < 120 else None
    return (canonical_body(m.group("body").strip(" -–,")), find_date(m.group("rest"))) if m else None


def _dated_title(text: str) -> re.Match[str] | None:
    """A title naming the document's kind, its body and a date (»REFERAT Byrådet d. 27-08-2025«)."""
    m = KIND_FIRST.match(text) or KIND_MIDDLE.match(text) or KIND_DASHED.match(text)
    return m if m and find_date(m.group("rest")) and not WEEKDAY.match(m.group("body").strip(" -–,")) else None


def _body_from_title(head: list[str]) -> str | None:
    """The committee a title line names on its own (»Teknik- og Miljøudvalget«, »Byråd 2022-2025«,
    »Økonomiudvalget (referat)«), in the first three lines with text: under a letterhead (»Københavns Kommune«) or
    a web page's header link (»Gå til forsiden«); or a board's, whose title names no organisation, by the
    letterhead above it, in the first five (`_letterhead_above`)."""
    texts = [line for line in head if line]
    for at, line in enumerate(texts[:5]):  # an association's general meeting: the association's (»IDRÆTSSAMVIRKET
        if assembly := GENERAL_ASSEMBLY.match(line):  # SKIVE« / »Referat fra ordinær generalforsamling«)
            if assembly.group("org") and _a_name(assembly.group("org").strip(" ,.")):
                return _uncapped(assembly.group("org").strip(" ,."))
            for name in reversed([x.strip() for x in texts[max(0, at - 3):at]]):  # (a tagline between)
                if len(name.split()) <= 6 and _a_name(_uncapped(name)) and _split_label(name) is None \
                        and not find_date(name) and not name.endswith(".") and not AFFILIATION.match(name):
                    return _uncapped(name)
    for at, line in enumerate(texts[:5]):  # (a letterhead: its name, CVR number, address)
        if (board := BOARD_UNNAMED.match(line)) and (org := _letterhead_above(texts, at)):
            return f"{_board(board.group('board'))} for {_uncapped(org)}"
        if board and (org := _organisation_under(texts, at)):
            school = board.group("board").lower().startswith("skole")
            return f"{_board(board.group('board'))} {'ved' if school else 'for'} {org}"
    for line in [line for line in head[:8] if line][:3]:
        if (m := BODY_OF_PLACE.match(line)) and _a_name(m.group("body")) and "for" not in m.group("body").split() \
                and BODY_SUFFIX.search(m.group("body").split()[-1]):  # (not »Sekretariatet for Ældrerådet …«)
            return canonical_body(m.group("body"))  # »Ældrerådet i Greve Kommune«: the council
        if AFFILIATION.match(line):
            continue
        if BODY_AT.match(line):
            return line.strip()
        m = re.match(r"^(.+?)\s*\((dagsorden|referat)\)\s*$", line, re.I)
        if m:
            return canonical_body(m.group(1))
        if (m := BODY_THEN_MEETING.match(line)) and BODY_SUFFIX.search(m.group("body").split()[-1]):
            return canonical_body(m.group("body"))  # (»Økonomiudvalget - ekstraordinært møde«)
        m = re.search(either_spelling(r"\bmøde i (?:det |den )?([\w\-æøåÆØÅ]+)"), line, re.I)
        if m and canonical_body(m.group(1)) != m.group(1):
            return canonical_body(m.group(1))
        name = PERIOD.sub("", line)
        if len(line) < 80 and BOARD_LINE.match(line) and _split_label(line) is None and not line.endswith("."):
            return line.strip()  # (not a sentence: »Bestyrelsen for Greve Boligselskab har godkendt …«)
        if KIND_START.match(line):  # (»Referat fra temadag i Handicaprådet«: the name, not the line)
            if (m := KIND_THEN.match(line)) and not find_date(line) and (named := _name_of(m.group("rest"))):
                return canonical_body(named)
            continue
        if len(line) < 80 and name and BODY_SUFFIX.search(name.split()[-1]) and _split_label(line) is None \
                and len(list(BODY_SUFFIX.finditer(name))) == 1:  # (not a menu's »Byråd og udvalg«)
            return canonical_body(line)
        if len(line) < 80 and _split_label(line) is None and (named := _name_of(line, whole=True)):
            return canonical_body(named)  # a body's word first and the name after it (»KKR Sjælland«)
    return None


def _body_alone(head: list[str]) -> str | None:
    """A committee's name alone on a line of the head, its last word a body's and each word capitalised (»Referat« /
    »Mødefakta« / »Dato: …« / »Handicaprådet«, a Word text box of facts above the committee), where no title or
    label names one: that name. Lines the other readings passed over; up to the first numbered line."""
    for line in head[:HEAD_LINES]:
        if re.match(r"^\d{1,3}[.)]?\s", line):
            return None
        words = line.split()
        if 1 <= len(words) <= 5 and len(line) < 60 and BODY_SUFFIX.search(words[-1]) and _a_name(line) \
                and _split_label(line) is None and not find_date(line) and not FACTS_HEADING.match(line) \
                and fold(words[-1]) not in GENERIC and not AFFILIATION.match(line):
            return canonical_body(line)
    return None


def _board(kind: str) -> str:
    """»Bestyrelsen« for a »bestyrelsesmøde«, »Skolebestyrelsen« for a »skolebestyrelsesmøde«, »Repræsentantskabet«
    for a »repræsentantskabsmøde«."""
    kind = kind.lower()
    return "Skolebestyrelsen" if kind.startswith("skole") else "Bestyrelsen" if kind.startswith("b") \
        else "Repræsentantskabet"


def _organisation_under(texts: list[str], at: int) -> str | None:
    """The organisation named on the line right under a board's title that names none (`ORGANISATION_UNDER`, or a
    company or foundation), not a label, date or place; None where no such line stands there."""
    line = texts[at + 1].strip() if at + 1 < len(texts) else ""
    if BODY_SUFFIX.search(line.split()[0] if line else "") or BOARD_LINE.match(line):
        return None  # (the board itself, named in full: »Skolebestyrelsen ved Bakkely Skole«, read as before)
    if (ORGANISATION_UNDER.match(line) or ORGANISATION.match(line)) and len(line) < 80 \
            and _split_label(line) is None and not find_date(line) and not PLACE_LINE.search(line):
        return line
    return None


def _letterhead_above(texts: list[str], at: int) -> str | None:
    """The organisation on the letterhead above a board's title (`texts[at]`, the head's lines with text) that
    names none: the line right above it, or above the letterhead's CVR number and address lines (»Halsnæs
    Forsyning A/S« / »CVR-nr. 33 05 12 12« / »Referat af bestyrelsesmøde«), when it is a company or a foundation
    (`ORGANISATION`; not »Bestyrelsen for …«, which names the board itself) and no other organisation is named
    under the title (`_another_name_under`)."""
    above = at - 1
    while above > 0 and (LETTERHEAD_DETAIL.match(texts[above]) or TAGLINE.match(texts[above])):
        above -= 1
    org = texts[above].strip() if above >= 0 else ""
    if ORGANISATION.match(org) and not BOARD_LINE.match(org) and not _another_name_under(texts[at + 1:at + 4]):
        return org
    return None


def _another_name_under(under: list[str]) -> bool:
    """Whether the three lines with text under a board's title may name another organisation than the letterhead
    above it: the title going on (»i Greve Spildevand A/S«), a name (»Ejerforeningen Strandparken«, »E/F
    Strandparken, Vejle«: an administrator's client) or a company anywhere (»Selskab: Vejle Spildevand A/S«: a
    holding's subsidiary); not a label, date, place or the document's kind."""
    return any(re.search(LEGAL_FORM, line) or ANOTHER_NAME.match(line) and not PLACE_LINE.search(line)
               and not KIND_LINE.match(line) for line in under)


def canonical_body(name: str) -> str:
    """'det konstituerende møde i kommunaldirektørnetværket i …' -> 'KD-Net';
    'møde i Teknisk Udvalg' -> 'Teknisk Udvalg'; 'KULTUR- OG FRITIDSUDVALGET' -> 'Kultur- og Fritidsudvalget'."""
    name = _uncapped(name.strip().rstrip(","))
    if m := BOARD_MEETING.match(name):  # »bestyrelsesmøde i Vejle Spildevand A/S«: that company's board
        board = _board(m.group("board"))
        named = m.group("org").strip()
        if dated := LEGAL_FORM_DATE.search(named):
            named = named[:dated.end(1)]  # (»… A/S marts 2024«: the meeting's month and year)
        org, _, place = named.rpartition(" på ")
        return f"{board} for {org if org and PLACE_LINE.search(place) else named}"  # (not its
        # meeting room: »… i Vejle Spildevand A/S på Rådhuset«)
    if m := BODY_MEETING.match(name):  # »ordinært byrådsmøde«, »Regionsrådsmøde«: the council that meets
        stem = m.group("body")
        name = stem[:1].upper() + stem[1:] + ("n" if stem.endswith("e") else "et")
    if name.endswith("s") and (m := BODY_SUFFIX.search(stem := name[:-1])) and m.end() == len(stem):
        name = stem  # the genitive of »Referat fra Kultur- og Fritidsudvalgets møde«: the body
    if MEETING_OF.match(name):
        name = MEETING_OF.sub("", name)
        first = name.split()[0] if name.split() else name
        if fold(first) in BODY_ALIASES:
            return BODY_ALIASES[fold(first)]
    return BODY_ALIASES.get(fold(name), name)


def body_from_source(source: str) -> str | None:
    """Last resort: the file name's leading words ('kdnet-2022-02-11-referat.txt' -> 'KD-Net').

    A generic name ('document.pdf', 'referat(3).pdf', '1552814.PDF', an id) gives None, never a body.
    """
    stem = Path(source).stem
    lead = re.split(r"\d", stem, maxsplit=1)[0]
    words = [w for w in re.split(r"[\s_\-.()\[\]+]+", lead) if w]
    words = [w for w in words if fold(w) not in GENERIC_NAMES]
    if not words or not any(len(w) > 2 for w in words):
        return None
    if re.fullmatch(r"[0-9a-f]{8,}", "".join(words), re.I):
        return None
    return canonical_body(" ".join(words))


def is_generic_name(source: str) -> bool:
    return body_from_source(source) is None


def _uncapped(name: str) -> str:
    """A name typed in capitals as the minutes name the body elsewhere: each word capitalised, the small words
    (og, for, i …) and a word's parts after a hyphen in small letters, an abbreviation (up to three letters, »KKR«,
    »IT-udvalget«) as it is; a name not all in capitals is left as written."""
    if not name.isupper():
        return name

    def word(w: str) -> str:
        if w.lower() in SMALL_WORDS:
            return w.lower()
        first, *rest = w.split("-")
        head = first if len(first) <= 3 else first[:1] + first[1:].lower()
        return "-".join([head, *(part.lower() for part in rest)])

    return " ".join(word(w) for w in name.split())


def _first(fn, lines: list[str]):
    for line in lines:
        value = fn(line)
        if value:
            return value
    return None


def _time_near_date(lines: list[str]) -> str | None:
    return next((find_time(line) for line in lines if find_date(line) and find_time(line)), None)


def _time_only(line: str) -> str | None:
    """The time of a line that is nothing but a time or a span (»Kl. 10:30«, »15.30 - 17.00«): its start."""
    return f"{int(m.group('h')):02d}:{m.group('m')}" if (m := TIME_ONLY.match(line)) else None


def _wrapped(place: str, under: list[str]) -> str:
    """A place and the lines it goes on to, wrapped after a comma or a postcode, or before a word in lower case
    (»…, Udgårdsvej 2, 8600« / »Silkeborg«; »… i Gørlev Hallens mødelokale, Kirkestræde 8,« / »Gørlev«)."""
    for nxt in under:
        if _ends_value(nxt) or not (re.search(r"(,|\b\d{4})$", place) or nxt[:1].islower()):
            break
        place = f"{place} {nxt.rstrip('.')}"
    return place


def _location(head: list[str]) -> str | None:
    for i, line in enumerate(head[:15]):
        if TIME_ONLY.match(line):  # Acadre: 'Kl. 10:30', then place and address one a line
            place = []
            for nxt in head[i + 1:i + 6]:
                if not nxt or _split_label(nxt) is not None or find_date(nxt):
                    break
                place.append(nxt)
            if place:
                return ", ".join(place)
        m = HELD_AT.match(line)
        if m:
            return _wrapped(m.group(1), head[i + 1:i + 3])
        m = re.match(either_spelling(r"^i\s+(.+(?:rådhus|lokale|mødecenter|sal).*)$"), line, re.I)
        if m:
            return m.group(1)
        if find_date(line) and (m := PLACE_AFTER_TIME.search(line)) and (m.group("place")[:1].isupper() or (
                ROOM_AFTER_TIME.search(line[:m.start("place")]) and DEFINITE.match(m.group("place")))) \
                and _split_label(m.group("place")) is None and not find_date(m.group("place")):
            # the place after the day and time (»Mødedato: 27.11.2024 kl. 19:00, Idrætscentret, mødelokale 1«,
            # »Referat fra møde den 5/3 2024 kl. 9.30 på Aktivitetscentret …«)
            return _wrapped(m.group("place"), head[i + 1:i + 3])
        j = next((j for j in range(i + 1, min(i + 3, len(head))) if head[j]), None)
        under = head[j] if j is not None else ""
        if find_date(line) and len(line) < 80 and PLACE_LINE.search(under) and len(under) < 80 and (
                _split_label(under) is None and not find_date(under)):
            # the place under the meeting's day: »Tirsdag den 14. maj 2024 kl. 15.30« / »Rådhuset, …« (»i Mødecenter C«)
            place = held.group(1) if (held := HELD_AT.match(under)) else re.sub(r"^i\s+", "", under)
            return _wrapped(place, head[j + 1:j + 3]).rstrip(".")
        if find_date(line) and re.fullmatch(r"[\d\-.: ]+", line):
            nxt = next((x for x in head[i + 1:i + 4] if x), None)
            if nxt and not find_date(nxt) and len(nxt) < 80 and nxt.lower() not in ("indhold", "dagsorden") \
                    and _split_label(nxt) is None and not re.match(r"^\d", nxt):
                return nxt
    return None
