"""FirstAgenda-style agenda JSON (one meeting per file, as Greve's portal serves it, or a list of them) -> Meeting.

Findings from the 369 Greve files that shape this reader:

* `IsOpen` is False on every one of the 5,549 items, public ones with full case text included, so it
  does not mean "open to the public" (it looks like portal UI state). Closed items are the ones whose
  caption starts with "Lukket:"; for them the portal publishes only the decision.
* Text before the first heading is the decision: closed items have nothing else, and one template
  repeats the caption and then gives the decision as an unheaded first paragraph. We only read it as
  a decision when the meeting is over (`Moede.Afsluttet`); before that it stays OTHER.
* No file repeats an item number, but item ids are meeting id + number, so a repeat would silently
  overwrite an item: such a file is refused rather than stored half.
"""
from __future__ import annotations

import json
import re
from html import escape, unescape
from typing import Any

from corpus.dates import iso_date_time
from corpus.model import AgendaItem, Meeting, Reading, Section, SectionKind
from corpus.readers import ReaderError, check_unique_numbers, whole_number
from corpus.readers.html_sections import html_sections
from corpus.sections import heading_kind, kind_at_meeting, known_heading
from corpus.textclean import CLOSED_PREFIX, CLOSED_SUFFIX, as_written_values, collapse_spaces

REQUIRED = ("Udvalg", "Moede", "Dagsordenpunkter")
EXPECTED = "expected a JSON object with Udvalg, Moede and Dagsordenpunkter"
LETTERED_NUMBER = re.compile(r"^\d{1,4}\s?\.?\s?[a-zæøå]$", re.IGNORECASE)  # »3a«, »3 a«, »3.A«: an item added


def inspect(data: bytes, name: str) -> Reading:
    """The meeting, and as the document's text the export's human-readable fields (committee, place,
    participants, item numbers, captions, case numbers, the visible text of the fields' HTML, attachment
    names): ids, links and flags are data about the document, not text of it."""
    docs = _load(data)
    return Reading(_meetings(docs, name), [], "\n".join(_document_text(doc) for doc in docs))


def _document_text(doc: dict[str, Any]) -> str:
    parts: list[str] = []

    def add(value: Any) -> None:
        if isinstance(value, str) and value.strip():
            parts.append(value)

    add((doc.get("Udvalg") or {}).get("Navn"))
    moede = doc.get("Moede") or {}
    add(moede.get("Sted"))
    for person in moede.get("Moededeltagere") or []:
        add((person or {}).get("Name"))
    for raw in doc.get("Dagsordenpunkter") or []:
        raw = raw or {}
        add(str(raw.get("Number") or raw.get("Punktnummer") or ""))
        add(raw.get("Caption") or raw.get("Navn"))
        add(raw.get("CaseNumber") or raw.get("SagsNummer"))
        for field in raw.get("Felter") or []:
            html = _field_html((field or {}).get("Html"), (field or {}).get("Tekst"))
            if html:  # as a reader sees it: »<b>I</b>ndstilling« is one word
                for heading, text in html_sections(html):
                    if text.strip():  # (a heading over nothing, the template's »Fremstilling«, heads no text)
                        add(heading)
                        add(text)
        for bilag in raw.get("Bilag") or []:
            add((bilag or {}).get("Navn"))
    return "\n".join(parts)


def read(data: bytes, name: str) -> list[Meeting]:
    """The meeting in a FirstAgenda export, or the meetings of a list of them (as a portal's listing returns
    them); ReaderError for anything that is not one, naming the meeting in a list that is not."""
    return _meetings(_load(data), name)


def _meetings(docs: list[dict[str, Any]], name: str) -> list[Meeting]:
    meetings = []
    for k, doc in enumerate(docs):
        try:
            meetings.append(_read_meeting(doc, name))
        except ReaderError as exc:
            if len(docs) == 1:
                raise
            raise ReaderError(f"meeting [{k}] of the list's {len(docs)}: {exc}") from exc
    return meetings


def _read_meeting(doc: dict[str, Any], name: str) -> Meeting:
    moede = _dict(doc, "", "Moede")
    meeting = _meeting(doc, moede, name)
    decided = moede.get("Afsluttet") is True
    items = _list(doc, "", "Dagsordenpunkter")
    numbered = [_item(raw, f"Dagsordenpunkter[{i}]", decided, meeting) for i, raw in enumerate(items)]
    meeting.items = [item for item, added in numbered if added is None]
    # an item added to the agenda under a lettered number (»3a«, a tillægspunkt): an item of its own, numbered
    # after the agenda's last, its printed number kept in its title (item numbers are whole numbers)
    last = max((item.number for item in meeting.items), default=0)
    for k, (item, added) in enumerate(((item, added) for item, added in numbered if added is not None), start=1):
        item.number, item.title = last + k, f"{item.title} (punkt {added})"
        meeting.items.append(item)
    check_unique_numbers(meeting.items)
    return meeting


def _load(data: bytes) -> list[dict[str, Any]]:
    """The export's meetings: its one object, or each object of a list of them."""
    try:
        doc = as_written_values(json.loads(data))  # composed, mojibake repaired, as text is
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ReaderError(f"not valid JSON ({exc})") from exc
    if not isinstance(doc, list):
        if not _is_export(doc):
            raise ReaderError(f"not an agenda export: {EXPECTED}, or a list of such objects")
        return [doc]
    if not doc:
        raise ReaderError("not an agenda export: an empty list, no meetings in it")
    for k, one in enumerate(doc):
        if not _is_export(one):
            raise ReaderError(f"not an agenda export: meeting [{k}] of the list's {len(doc)} is not one: {EXPECTED}")
    return doc


def _is_export(doc: Any) -> bool:
    return isinstance(doc, dict) and all(key in doc for key in REQUIRED)


def _meeting(doc: dict[str, Any], moede: dict[str, Any], name: str) -> Meeting:
    date, time = _date_time(_text(moede, "Moede", "Dato"))
    present, absent = _participants(moede)
    return Meeting(
        body=_text(_dict(doc, "", "Udvalg"), "Udvalg", "Navn"),
        date=date,
        time=time,
        location=_optional_text(moede, "Moede", "Sted"),
        participants=present,
        absentees=absent,
        source=name,
    )


def _date_time(value: str) -> tuple[str, str | None]:
    """ISO date and HH:MM on Danish clocks (`iso_date_time`): Greve writes its own, »2022-10-03T17:00:00+02:00«;
    an export in UTC, »2022-10-03T15:00:00Z«, is the same 17:00."""
    if (found := iso_date_time(value)) is None:
        raise _bad(f"Moede.Dato {value!r} is not a date and time")
    return found


def _participants(moede: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Present members, and those marked absent or whose participation was cancelled (afbud)."""
    present, absent = [], []
    for i, person in enumerate(_list(moede, "Moede", "Moededeltagere", optional=True)):
        path = f"Moede.Moededeltagere[{i}]"
        name = _optional_text(_as_dict(person, path), path, "Name")
        if not name:  # a seat the portal lists without a name (a vacancy, a deputy not yet named): no one to list
            continue
        away = _flag(person.get("Absent")) or _flag(person.get("ParticipationCancelled"))
        (absent if away else present).append(name)
    return present, absent


def _flag(value: Any) -> bool:
    """A yes/no of the export: JSON's true, or as this API also writes its flags, a string (»"true"«, »"True"«)."""
    return value is True or isinstance(value, str) and value.strip().lower() in ("true", "1")


def _item(raw: Any, path: str, decided: bool, meeting: Meeting) -> tuple[AgendaItem, str | None]:
    """The item, and its printed number where that is lettered (»3a«; the item's own number is then 0)."""
    raw = _as_dict(raw, path)
    attachments = _attachments(raw, path)
    number, lettered = _number(raw, path)
    # an item the portal lists without a caption: named by its number, as the agenda prints it, rather than the
    # meeting refused for it
    title = collapse_spaces(_optional_text(raw, path, "Caption", fallback="Navn") or f"Punkt {lettered or number}")
    item = AgendaItem(
        number=number,
        title=title,
        presenter=None,  # no presenter in this export: Presentations and CasePresentationUid are always null
        case_number=_optional_text(raw, path, "CaseNumber", fallback="SagsNummer"),
        # »Lukket: …«, »Fortroligt - …«, »… (lukket)«; the caption stays as the portal writes it
        closed=bool(CLOSED_PREFIX.match(title) or CLOSED_SUFFIX.search(title)),
        attachments=attachments,
    )
    item.sections = _sections(raw, path, title, decided, meeting)
    if attachments:
        item.sections.append(Section(SectionKind.ATTACHMENTS, "Bilag", "\n".join(attachments)))
    return item, lettered


def _number(raw: dict[str, Any], path: str) -> tuple[int, str | None]:
    """The item's number, or (0, »3a«) for a number with a letter after it."""
    value = raw.get("Number")
    if value is None:  # null or missing: the export's Danish key
        value = raw.get("Punktnummer")
    if isinstance(value, int) and not isinstance(value, bool):
        return value, None
    if isinstance(value, str) and (number := whole_number(value)) is not None:
        return number, None
    if isinstance(value, str) and LETTERED_NUMBER.match(value.strip()):
        return 0, collapse_spaces(value.strip())
    raise _bad(f"{path}.Number {value!r} is not a whole item number")


def _field_html(html: Any, plain: Any) -> str:
    """A field's HTML; a field written as plain text (`Tekst`, with `Html` empty) as a paragraph of that text;
    else ''. The one reading of a field, for the sections and for the document's text they are measured by."""
    if isinstance(html, str) and html.strip():
        return html
    if isinstance(plain, str) and plain.strip():
        return f"<p>{escape(plain.strip())}</p>".replace("\n", "<br>")
    return ""


def _sections(raw: dict[str, Any], path: str, title: str, decided: bool, meeting: Meeting) -> list[Section]:
    """Each field's HTML as sections under its headings; text before a field's first heading comes under the
    field's name (`Navn`, empty in Greve's export) or, with none, is the decision of a meeting held. A
    decision heading dated at another meeting is the case's history (`kind_at_meeting`)."""
    parts: list[tuple[str, str]] = []
    for i, field in enumerate(_list(raw, path, "Felter", optional=True)):
        field_path = f"{path}.Felter[{i}]"
        field = _as_dict(field, field_path)
        html = _field_html(_optional_text(field, field_path, "Html", strip=False),
                           _optional_text(field, field_path, "Tekst"))
        name = _optional_text(field, field_path, "Navn") or ""
        parts += [(heading or name, text) for heading, text in html_sections(html)]
    sections = []
    for heading, text in _bold_lines(parts):
        if not heading:
            text = _drop_caption_echo(text, title)
            kind = SectionKind.DECISION if decided else SectionKind.OTHER
        elif known_heading(heading) is None and sections and sections[-1].kind is SectionKind.CASE:
            kind = SectionKind.CASE  # a subheading of the case description (»Garantiprovision«, »Baggrund …«)
        else:
            kind = kind_at_meeting(heading_kind(heading) or SectionKind.OTHER, heading, meeting.date, meeting.body)
        if text:
            sections.append(Section(kind, heading, text))
    return sections


def _bold_lines(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(heading, text) pairs with no words lost to headings that have nothing under them. A section's name
    alone (»Tidsplan«, the template's) goes; lines an editor made bold are text: under the heading above
    them with nothing else under it (»Deltagerliste til Valdemarsdag«, then »Nældebjerg: Liselott«,
    »Møllehøj: Lone og John« …; »Sagsprocedure«, then »Skole-, Børne- og Ungeudvalget, Økonomiudvalget og
    Byrådet«), or one alone, at the end of the text before it."""
    out: list[tuple[str, str]] = []
    run: list[tuple[str, list[str]]] = []  # the headings in a row with nothing under them, each with its lines

    def close() -> None:
        for head, lines in run:
            if lines:
                out.append((head, "\n".join(lines)))
            elif known_heading(head) is None and out and out[-1][1]:
                out[-1] = (out[-1][0], f"{out[-1][1]}\n{head}")
        run.clear()

    for heading, text in parts:
        if heading and not text:
            if run and known_heading(heading) is None:
                run[-1][1].append(heading)
            else:
                run.append((heading, []))
            continue
        close()
        out.append((heading, text))
    close()
    return out


def _drop_caption_echo(text: str, title: str) -> str:
    """One template starts the item's HTML with its caption again; that line is not content."""
    first, _, rest = text.partition("\n\n")
    return rest.strip() if collapse_spaces(first) == title else text


def _attachments(raw: dict[str, Any], path: str) -> list[str]:
    titles = []
    for i, bilag in enumerate(_list(raw, path, "Bilag", optional=True)):
        bilag_path = f"{path}.Bilag[{i}]"
        title = _optional_text(_as_dict(bilag, bilag_path), bilag_path, "Navn")
        if title:
            titles.append(collapse_spaces(title))
    return titles


# Typed access: a malformed value becomes a ReaderError naming its JSON path, never a KeyError/TypeError.

def _bad(problem: str) -> ReaderError:
    return ReaderError(f"not an agenda export: {problem}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _as_dict(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(f"{path} is not an object")
    return value


def _dict(obj: dict[str, Any], path: str, key: str) -> dict[str, Any]:
    return _as_dict(obj.get(key), _join(path, key))


def _list(obj: dict[str, Any], path: str, key: str, optional: bool = False) -> list[Any]:
    value = obj.get(key)
    if value is None and optional:
        return []
    if not isinstance(value, list):
        raise _bad(f"{_join(path, key)} is not a list")
    return value


def _text(obj: dict[str, Any], path: str, key: str, fallback: str | None = None) -> str:
    value = _optional_text(obj, path, key, fallback)
    if not value:
        raise _bad(f"{_join(path, key)} is missing or empty")
    return value


def _optional_text(obj: dict[str, Any], path: str, key: str, fallback: str | None = None,
                   strip: bool = True) -> str | None:
    value = obj.get(key)
    if value in (None, "") and fallback:
        key, value = fallback, obj.get(fallback)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _bad(f"{_join(path, key)} is not text")
    if not strip:
        return value
    # a plain-text field may carry HTML's character references, as the fields' HTML does (»K&oslash;ge«,
    # »Kultur &amp; Fritid«); the HTML itself (`strip=False`) is read by the HTML parser
    return (unescape(value) if "&" in value else value).strip() or None


