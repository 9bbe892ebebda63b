"""Acadre's data XML (the `<fusionID>.XML` of a produced agenda or referat, beside its Word document) ->
Meetings. The XML holds the whole text of the minutes; the export's index (`XML_<agenda>.xml`, the
`producedAgenda` list) holds none and is refused in corpus/readers/xml_export.py.

The layout, from Syddjurs' export (PUK, 20 June 2013: 3687981.XML, the referat printed as 3687982.DOCX) and
the fields OS2dagsorden's Acadre importer reads. Every table is `<table name="…">` with its values as
`<fields><field name="…">`; the reader renames each to its name first (`table name="meeting"` -> `meeting`):

* `root/agenda`: the document's kind (`name` »Referat«), its `access` (1 »Åben«; any other value closes
  every item of it) and production dates.
* `agenda/committee`: `name`, the committee; `commember/member`, its standing roster (not who attended).
* `agenda/meeting`: `name` (the meeting's own name, »Ekstraordinært PUK«), `date` »2013-06-20 10:30«,
  `location` and `address` (lines separated by `<br>`), `meetmember/member` with `absent` (0 attends, 1 an
  apology) and `comment` (why, kept with the name); `upcomingmeetings`, the committee's next meetings.
* `agenda/agendaitemparents`, one per item: `sort` is the item's number (715); its `agendaitem` has `name`
  (the title), `caseno`, `access` (1 »Åben«; any other value is a closed item, as OS2dagsorden's importer
  reads it), `absent` and `excuse` (members away for this item), `comname` (the item's committee),
  `agendaitemlink/noarksak/tittel` (the case's title), the `bullet`s (`bulletname` the heading,
  `bulletcontent` rich-text HTML, `bulletsortorder` their order) and the `enclosure`s (`name`, the
  attachments; their files lie beside the XML).
* `root/agendaData`: the generator's settings (template folder, first item number, counts of open and
  closed items).

A decision heading dated at another meeting (»Beslutning i Udvalget for plan, udvikling og kultur (PUK) den
10-04-2013«) is the case's history, not this meeting's decision, as in the Word document's reader. Acadre
has no neutral title: a closed item is shown under its `name`, its text only to those who may read it.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from corpus.model import AgendaItem, Dropped, DropReason, Meeting, Reading, Section, SectionKind
from corpus.readers import ReaderError, check_unique_numbers, whole_number
from corpus.readers.xml_values import item_number, meeting_date_time, readable_text, rendered, value, with_role
from corpus.sections import heading_kind, kind_at_meeting
from corpus.textclean import collapse_spaces

DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M",
                "%d-%m-%Y", "%Y-%m-%dT%H:%M:%S")
PUBLIC = {"1"}  # `access` of an open item; OS2dagsorden's importer reads every other value as closed
PUBLIC_NAMES = {"åben", "aaben", "åbent", "aabent", "offentlig"}  # `accessname`, where an item has no `access`
PRESENT = {"", "0", "false", "nej"}  # `absent` of a member who attended


def is_acadre_data(root: Element) -> bool:
    return root.tag == "root" and root.find("table[@name='agenda']") is not None


def read_acadre_data(root: Element, name: str) -> Reading:
    """Every agenda table of the file as a meeting, with what was dropped (the document's kind, the
    meeting's name and descriptions as front matter, an attachment's file description as a marker) and, as
    the document's text, every human-readable value of the export (`document_text`)."""
    _name_tables_and_fields(root)
    agendas = root.findall("agenda")
    dropped: list[Dropped] = []
    meetings: dict[str, Meeting] = {}
    for i, agenda in enumerate(agendas):
        meeting = _meeting(agenda, f"agenda[{i}]", root, name, dropped)
        if meeting.id in meetings:  # the same meeting's agenda twice (an addendum): one meeting
            meetings[meeting.id].items += meeting.items
            check_unique_numbers(meetings[meeting.id].items)
        else:
            meetings[meeting.id] = meeting
    return Reading(list(meetings.values()), dropped, document_text(root), reader="acadre_xml")


def enclosure_files(root: Element) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """Each item of the data XML as (its number, its title, [(file name, name) of each enclosure]): the files
    beside the XML that are the item's attachments (corpus/exports.py). Numbered as the reader numbers them,
    with its ReaderError where it would refuse a number."""
    _name_tables_and_fields(root)
    start = _first_number(root)
    found = []
    for a, agenda in enumerate(root.findall("agenda")):
        for i, parent in enumerate(agenda.findall("agendaitemparents")):
            if (raw := parent.find("agendaitem")) is None:
                continue
            number = item_number(value(parent, "fields/sort"), start + i,
                                 f"agenda[{a}]/agendaitemparents[{i}]/sort", _bad)
            found.append((number, collapse_spaces(value(raw, "fields/name")),
                          [(value(e, "fields/filename") or "", collapse_spaces(value(e, "fields/name")))
                           for e in raw.findall("enclosure")]))
    return found


def _first_number(root: Element) -> int:
    """The number of an agenda's first item where its items give none (`agendaData/startAgendaItemNo`)."""
    return whole_number(value(root, "agendaData/startAgendaItemNo") or "") or 1


def _name_tables_and_fields(root: Element) -> None:
    """`<table name="meeting">` -> `<meeting>`, `<field name="date">` -> `<date>`: paths read plainly."""
    for element in root.iter():
        if element.tag in ("table", "field") and element.get("name"):
            element.tag = element.get("name", "")


def _meeting(agenda: Element, path: str, root: Element, name: str, dropped: list[Dropped]) -> Meeting:
    meeting_table = agenda.find("meeting")
    if meeting_table is None:
        raise _bad(f"{path} has no meeting table (date, place and members)")
    body = collapse_spaces(value(agenda, "committee/fields/name"))
    if not body:
        raise _bad(f"{path}/committee names no committee (its name field)")
    date, time = meeting_date_time(meeting_table, "fields/date", f"{path}/meeting", DATE_FORMATS, _bad)
    kind = collapse_spaces(value(agenda, "fields/name"))  # »Referat«, »Dagsorden«: the document's kind
    title = collapse_spaces(value(meeting_table, "fields/name"))  # »Ekstraordinært PUK«: the meeting's name
    front = [kind, title if title.lower() != body.lower() else "",
             rendered(agenda.find("fields/description")), rendered(meeting_table.find("fields/description"))]
    dropped += [Dropped(DropReason.FRONT_MATTER, text) for text in front if text]
    present, absent = _members(meeting_table.findall("meetmember/member"))
    meeting = Meeting(body=body, date=date, time=time, location=_location(meeting_table), participants=present,
                      absentees=absent, source=name)
    parents = agenda.findall("agendaitemparents")
    if not parents:
        raise _bad(f"{path} has no items (agendaitemparents tables holding an agendaitem)")
    start = _first_number(root)
    meeting.items = [_item(parent, f"{path}/agendaitemparents[{i}]", start + i, meeting, dropped)
                     for i, parent in enumerate(parents)]
    if (value(agenda, "fields/access") or "1") not in PUBLIC:  # a closed agenda or referat: every item closed
        for item in meeting.items:
            item.closed = True
    check_unique_numbers(meeting.items)
    return meeting


def _location(meeting: Element) -> str | None:
    """»Kaløvig Kursuscenter« and its address »Præstekravevej 46<br>Følle Strand<br>8410 Rønde«, on one line."""
    place = collapse_spaces(value(meeting, "fields/location"))
    lines = [collapse_spaces(line) for line in rendered(meeting.find("fields/address")).splitlines()]
    parts = [place] + [line for line in lines if line and line != place]
    return ", ".join(p for p in parts if p) or None


def _members(members: list[Element]) -> tuple[list[str], list[str]]:
    """Who attended and who sent apologies (`absent` other than 0), each with the meeting's comment on them."""
    present, absent = [], []
    for member in members:
        person = collapse_spaces(value(member, "fields/name"))  # »Jesper  Mathiesen (A)«: spaces collapsed
        if not person:
            continue
        person = with_role(person, value(member, "fields/party"), value(member, "fields/role"))
        note = collapse_spaces(value(member, "fields/comment"))
        away = (value(member, "fields/absent") or "").lower() not in PRESENT
        (absent if away else present).append(f"{person} ({note})" if note else person)
    return present, absent


def _item(parent: Element, path: str, position: int, meeting: Meeting, dropped: list[Dropped]) -> AgendaItem:
    raw = parent.find("agendaitem")
    if raw is None:
        raise _bad(f"{path} holds no agendaitem")
    title = collapse_spaces(value(raw, "fields/name"))
    if not title:
        raise _bad(f"{path}/agendaitem has no name (the item's title)")
    number = item_number(value(parent, "fields/sort"), position, f"{path}/sort", _bad)
    attachments = _enclosures(raw.findall("enclosure"), dropped)
    item = AgendaItem(number=number, title=title, case_number=value(raw, "fields/caseno"), closed=_closed(raw),
                      attachments=attachments)
    case_title = collapse_spaces(value(raw, "agendaitemlink/noarksak/fields/tittel"))
    if case_title and case_title != title:
        item.sections.append(Section(SectionKind.OTHER, "Sag", case_title))
    committee = collapse_spaces(value(raw, "fields/comname"))
    if committee and committee != meeting.body:  # an item of another committee's on this agenda
        item.sections.append(Section(SectionKind.OTHER, "Udvalg", committee))
    listed = ""  # the heading of a Bilag bullet: its lines are attachment titles, listed with the enclosures
    for bullet in _in_order(raw.findall("bullet")):
        heading = collapse_spaces(value(bullet, "fields/bulletname"))
        text = rendered(bullet.find("fields/bulletcontent"))
        kind = kind_at_meeting(heading_kind(heading) or SectionKind.OTHER, heading, meeting.date, meeting.body)
        if kind is SectionKind.ATTACHMENTS:
            listed = listed or heading
            for line in (collapse_spaces(line) for line in text.splitlines()):
                if (bare := NUMBERED.sub("", line)) != line and bare in attachments:  # »Bilag 1: Udkast til …«,
                    dropped.append(Dropped(DropReason.MARKER, line))  # an enclosure's name numbered: once is enough
                elif line and line not in item.attachments:
                    item.attachments.append(line)
        elif text:
            item.sections.append(Section(kind, heading, text))
    away = "\n".join(t for t in (collapse_spaces(value(raw, "fields/absent")),
                                 collapse_spaces(value(raw, "fields/excuse"))) if t)
    if away:  # members away for this item, and why
        item.sections.append(Section(SectionKind.OTHER, "Fraværende", away))
    if item.attachments:
        item.sections.append(Section(SectionKind.ATTACHMENTS, listed or "Bilag", "\n".join(item.attachments)))
    return item


def _closed(item: Element) -> bool:
    """Not public: an `access` code other than 1; without one, an `accessname` other than »Åben«; without
    either, closed (the export does not say the public may read it)."""
    code = value(item, "fields/access")
    if code is not None:
        return code not in PUBLIC
    access = value(item, "fields/accessname")
    return access is None or access.lower() not in PUBLIC_NAMES


def _in_order(bullets: list[Element]) -> list[Element]:
    """The bullets by `bulletsortorder`, when every one has a whole number there; else as written."""
    orders = [whole_number(value(b, "fields/bulletsortorder") or "") for b in bullets]
    if None in orders:
        return bullets
    return [b for _, b in sorted(zip(orders, bullets), key=lambda pair: pair[0])]


def _enclosures(enclosures: list[Element], dropped: list[Dropped]) -> list[str]:
    """The attachments' titles; a file description that says more than the title is listed as dropped."""
    titles = []
    for enclosure in enclosures:
        title = collapse_spaces(value(enclosure, "fields/name") or value(enclosure, "fields/filename"))
        about = collapse_spaces(value(enclosure, "fields/description"))
        if title and title not in titles:
            titles.append(title)
        if about and about != title:
            dropped.append(Dropped(DropReason.MARKER, about))
    return titles


# Not text of the minutes, by the table holding the value: ids, codes, states, dates of the workflow and
# their spelled-out copies, who produced the document, the committee's standing roster and department, the
# members' roles, e-mail and addresses, the case workers, file names and numbers, the committee's next
# meetings and the generator's settings (`agendaData`).
METADATA = {"agendaData", "upcomingmeetings", "commember", "agendaitemlink/agendaitemid", "agendaitemlink/objecttype",
            "agendaitemlink/objectid", "committee/deptid", "committee/departmentName", "committee/description",
            "meeting/date", "meeting/finish", "meeting/callindate", "member/absent", "member/role", "member/sort",
            "member/party", "member/address", "member/email", "agendaitemparents/agitemid",
            "agendaitemparents/parentid", "agendaitemparents/parenttype", "agendaitemparents/sort",
            "agendaitem/access", "agendaitem/accessname", "agendaitem/createdby", "agendaitem/type",
            "agendaitem/area", "agendaitem/caseofficer", "agendaitem/caseofficername", "agendaitem/state",
            "agendaitem/stateName", "agendaitem/comId", "agendaitem/parentitem", "agendaitem/publishlevel",
            "bullet/bullettype", "bullet/bulletsortorder", "bullet/lastbullet", "enclosure/UNC",
            "enclosure/access", "enclosure/accessname", "enclosure/sort", "enclosure/fusionID",
            "enclosure/EnclosureFileType", "enclosure/filename", "enclosure/fileno", "enclosure/type",
            "agenda/access", "agenda/state", "agenda/stateName", "agenda/cdate", "agenda/producedate",
            "agenda/createdby", "agenda/createdbyinit", "agenda/accessname"}
METADATA_NAMES = {"sysid"}
# An attachment's number before its title in a Bilag bullet's line (»Bilag 1: …«, »2. …«)
NUMBERED = re.compile(r"^(?:bilag\s*)?(?:nr\.?\s*)?\d{1,3}\s*[:.)–-]\s*", re.I)
DATE_COPY = re.compile(r"^(produce|callin|finish)?dateF\d$")  # »Torsdag den 20-06-2013 Kl. 10:30«: the date again


def document_text(root: Element) -> str:
    """Every human-readable value of the export (tests/test_conservation.py), on the renamed tree."""
    owners = {child: parent.tag for parent in root.iter() for fields in parent.findall("fields") for child in fields}

    def skip(element: Element, parent: str) -> bool:
        tag = element.tag
        if tag in METADATA or tag in METADATA_NAMES or DATE_COPY.match(tag):
            return True
        if f"{owners.get(element, parent)}/{tag}" in METADATA:
            return True
        return tag == "bullet" and not rendered(element.find("fields/bulletcontent"))  # heads nothing

    return readable_text(root, skip, frozenset({"bulletcontent"}))


def _bad(problem: str) -> ReaderError:
    return ReaderError(f"not a readable Acadre agenda export: {problem}")
