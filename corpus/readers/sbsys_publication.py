"""SBSYS eDagsorden publication XML (`Publication<N>.xml`, alone or in its `Publication<N>.zip`) -> Meetings.

What the export holds, from the two publications in ../shared/corpora/os2dagsorden (Ballerup's KMB
IT-udvalget, a final agenda; Region Hovedstaden's Forretningsudvalget, a draft) and the fields
OS2dagsorden's importers read:

* `Publication/Agendas/Agenda`: one per meeting. The committee is `Committee/Name` (the agenda's own
  `Name` can be the meeting's, »Ekstraordinært forretningsudvalgsmøde«); `Meeting/When` and `Where`.
* `Meeting/Members/MeetingMember`: `ParticipationStatusAsValue` 1 or 4 attends, 0 (»NotDecided«, the
  status of everyone on an agenda) counts as attending, any other status is an apology (afbud);
  `ParticipationNote` says why and is kept with the name.
* `Items/Item`: `Number` (or the item's `Nummer` attribute), `Caption`, `Case/Number`, `IsPublic`
  (False: a closed item). Its `Fields/ItemField` are the sections: `Caption` the heading, `Content` the
  text (rich-text HTML, or plain text for `Multiline` fields), `IsFeedback` marks the fields written at
  the meeting, the decisions (»Beslutning«, »FORRETNINGSUDVALGETS BESLUTNING«); `ItemHistory` holds
  earlier decisions on the case. `Enclosures/Enclosure/Name` are the attachments; the archive's
  `Enclosures/*.pdf` are those attachments' files, not minutes.
* An empty field is published as »Tomt indhold«: a marker, not text.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from corpus.model import AgendaItem, Dropped, DropReason, Meeting, Reading, Section, SectionKind
from corpus.readers import ReaderError, check_unique_numbers
from corpus.readers.xml_values import (flag, history_heading, item_number, local_name, meeting_date_time,
                                       readable_text, rendered, strip_namespaces, value, with_role)
from corpus.sections import heading_kind, kind_at_meeting
from corpus.textclean import collapse_spaces

ATTENDING = {"0", "1", "4"}  # NotDecided (everyone, on an agenda), and the two attending statuses
EMPTY_MARKER = re.compile(r"^\s*tomt indhold\s*$", re.IGNORECASE)
DATE_FORMATS = ("%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S")


def is_publication(root: Element) -> bool:
    return local_name(root) == "Publication"  # (with or without a namespace declared)


def read_publication(root: Element, name: str) -> Reading:
    """Every agenda of the publication as a meeting, with what was dropped (the agenda's title and front
    page as front matter, »Tomt indhold« markers) and, as the document's text, every human-readable value
    of the export (`document_text`)."""
    strip_namespaces(root)
    agendas = root.findall("Agendas/Agenda")
    if not agendas:
        raise ReaderError("an SBSYS publication without agendas: expected Publication/Agendas/Agenda")
    dropped: list[Dropped] = []
    meetings: dict[str, Meeting] = {}
    for i, agenda in enumerate(agendas):
        meeting = _meeting(agenda, f"Agendas/Agenda[{i}]", name, dropped)
        if meeting.id in meetings:  # a second agenda of the same meeting (an extended agenda): one meeting
            meetings[meeting.id].items += meeting.items
            check_unique_numbers(meetings[meeting.id].items)
        else:
            meetings[meeting.id] = meeting
    return Reading(list(meetings.values()), dropped, document_text(root), reader="sbsys_publication")


def _meeting(agenda: Element, path: str, name: str, dropped: list[Dropped]) -> Meeting:
    body = _body(value(agenda, "Committee/Name") or value(agenda, "Name"))
    if not body:
        raise _bad(f"{path} names no committee (Committee/Name)")
    date, time = meeting_date_time(agenda, "Meeting/When", path, DATE_FORMATS, _bad)
    title = value(agenda, "Name")  # the agenda's title, »Ekstraordinært forretningsudvalgsmøde«: a front page
    front = [title if title and title.lower() != body.lower() else "", rendered(agenda.find("Frontpage"))]
    dropped += [Dropped(DropReason.FRONT_MATTER, text) for text in front if text]
    present, absent = _members(agenda.findall("Meeting/Members/MeetingMember"))
    meeting = Meeting(body=body, date=date, time=time, location=value(agenda, "Meeting/Where"),
                      participants=present, absentees=absent, source=name)
    meeting.items = [_item(raw, f"{path}/Items/Item[{i}]", position, meeting, dropped)
                     for i, (position, raw) in enumerate(enumerate(agenda.findall("Items/Item"), start=1))]
    check_unique_numbers(meeting.items)
    return meeting


def _body(name: str | None) -> str | None:
    """»FORRETNINGSUDVALGET« -> »Forretningsudvalget«: a committee written in capitals, as one word."""
    if name and name.isupper() and len(name.split()) == 1:
        return name.capitalize()
    return name


def _members(members: list[Element]) -> tuple[list[str], list[str]]:
    present, absent = [], []
    for member in members:
        name = value(member, "Name") or value(member, "Member/Name")
        if not name:
            continue
        name = with_role(name, value(member, "MeetingMemberRolesList"))
        note = value(member, "ParticipationNote")
        status = value(member, "ParticipationStatusAsValue") or "0"
        (present if status in ATTENDING else absent).append(f"{name} ({note})" if note else name)
    return present, absent


def _item(raw: Element, path: str, position: int, meeting: Meeting, dropped: list[Dropped]) -> AgendaItem:
    title = collapse_spaces(value(raw, "Caption") or value(raw, "Case/Title"))  # the case's title, if no caption
    if not title:
        raise _bad(f"{path}/Caption is missing")
    number = item_number(raw.get("Nummer") or value(raw, "Number"), position, f"{path}/Number", _bad)
    case_number = value(raw, "Case/Number")
    attachments = [collapse_spaces(n) for n in (value(e, "Name") or value(e, "FileName") for e in
                                                raw.findall("Enclosures/Enclosure")) if n]
    item = AgendaItem(number=number, title=title, case_number=case_number,
                      closed=flag(raw, "IsPublic") is False, attachments=attachments)
    case_title = collapse_spaces(value(raw, "Case/Title"))
    if case_title and case_title != title:
        item.sections.append(Section(SectionKind.OTHER, "Sag", case_title))
    for field in raw.findall("Fields/ItemField"):
        section = _field_section(field, meeting, dropped)
        if section:
            item.sections.append(section)
    item.sections += _history(raw.findall("ItemHistory/*"))
    if attachments:
        item.sections.append(Section(SectionKind.ATTACHMENTS, "Bilag", "\n".join(attachments)))
    return item


def _field_section(field: Element, meeting: Meeting, dropped: list[Dropped]) -> Section | None:
    heading = collapse_spaces(value(field, "Caption"))
    body = _content(field)
    if EMPTY_MARKER.match(body):  # »Tomt indhold«: the field is published empty
        dropped.append(Dropped(DropReason.MARKER, f"{heading}: {body.strip()}"))
        return None
    if not body:
        return None
    kind = heading_kind(heading) or (SectionKind.DECISION if flag(field, "IsFeedback") else SectionKind.OTHER)
    # a decision captioned at another meeting or committee (»Beslutning i Økonomiudvalget den 5. februar 2014«)
    return Section(kind_at_meeting(kind, heading, meeting.date, meeting.body), heading, body)


def _history(entries: list[Element]) -> list[Section]:
    """Earlier decisions on the case (»Beslutning i Byrådet den 30-10-2013«): history, not this meeting's
    decision, so OTHER."""
    sections = []
    for entry in entries:
        body = _content(entry)
        if not body or EMPTY_MARKER.match(body):
            continue
        heading = history_heading(collapse_spaces(value(entry, "Caption")) or "Tidligere behandling",
                                  value(entry, "MeetingDetails/CommitteeName"),
                                  value(entry, "MeetingDetails/MeetingDueDate"))
        sections.append(Section(SectionKind.OTHER, heading, body))
    return sections


def _content(field: Element) -> str:
    """A field's text: rich-text HTML rendered as readable text, plain text (`Multiline`) kept as written."""
    return rendered(field.find("Content"), (value(field, "FieldTypeAsEnum") or "Html").lower() == "html")


# Not text of the minutes: who edited the export and when, e-mail addresses, status codes and flags, file
# paths and sizes, the generator's settings, the committee's standing roster (the meeting's members are
# read), each item's copy of the members, and the publication's second list of the items' enclosures.
METADATA = {"GeneratorSettings", "Stylesheets", "CreatedBy", "LastChangedBy", "PublishedBy", "ConcludedBy",
            "EmailAddress", "Created", "LastChanged", "Published", "Concluded", "When", "Until", "Index",
            "FileLength", "FileSize", "FileName", "DownloadUrl", "Data", "Formatter", "PeriodStart", "PeriodEnd",
            "DefaultMeetingPlace", "DefaultMeetingTime", "CommitteeGroup", "MeetingMemberRolesList",
            "MeetingMemberRoles", "NumberAndTitle", "ItemNumber", "RelativeEnclosureOutputPath", "NewItemsIsPublic",
            "MeetingPrepationState"}
METADATA_PATHS = ("Committee/Members", "Item/Members", "Agenda/Enclosures", "Enclosure/Number", "Enclosure/Case")
METADATA_PREFIXES = ("Is", "Has", "Show", "GeneratorSettings", "Output", "Instantiation", "EnclosureFile",
                     "EnclosureInst", "EnclosureOutput", "EnclosureUrl", "EnclosureImage")
METADATA_SUFFIXES = ("AsValue", "AsEnum", "AsText", "Identifier")


def document_text(root: Element) -> str:
    """Every human-readable value of the export (tests/test_conservation.py)."""
    return readable_text(root, _metadata, frozenset({"Content", "Frontpage"}))


def _metadata(element: Element, parent: str) -> bool:
    tag = element.tag
    if tag in METADATA or f"{parent}/{tag}" in METADATA_PATHS or tag.startswith(METADATA_PREFIXES) \
            or tag.endswith(METADATA_SUFFIXES):
        return True
    return tag == "ItemField" and not _content(element)  # a field left empty: its heading heads nothing


def _bad(problem: str) -> ReaderError:
    return ReaderError(f"not a readable SBSYS publication: {problem}")
