"""eDoc agenda XML (Fujitsu's agenda schema, `xmlns:edoc="http://www.fujitsu.dk/agenda/xml/schemas/…"`) ->
Meetings. eDoc's later publishing writes the whole agenda or referat into this XML, the text of every item
included, unlike the older `eDocAgendaPublishing.xml`, which lists PDFs (corpus/readers/xml_export.py).

The layout, from the example export OS2dagsorden's eDoc importer reads (Hennys testudvalg, 2017):

* `Committee/Name`, and under it `Meeting`: `MeetingDateTime` »02-05-2017 10:00«, `MeetingLocation`,
  `MeetingParticipants/MeetingParticipant` with `Name` and `Participate` (false: an apology).
* `Meeting/Agenda/AgendaElements/AgendaElement`: `SortOrder` (the item's number on this agenda),
  `AccessIsPublic` (false: a closed item), `Absences` (members away for this item), and its
  `HandlingItem`: `Title`, `NeutralTitle` (the title the public sees of a closed item), `CaseNumber`,
  `CasePresentations/CasePresentation` (`Title` the heading, `Content` rich-text HTML, `IsDecision`),
  `Attachments`, and `HandlingPlan/Handling`: the case at each meeting, this one (`Placement` »This«) with
  its `Decision`, the others earlier or later decisions on the case.
* A decision not yet released is published as »Beslutning ikke frigivet«: a marker, not text.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from corpus.model import AgendaItem, Dropped, DropReason, Meeting, Reading, Section, SectionKind
from corpus.readers import ReaderError, check_unique_numbers
from corpus.readers.xml_values import (flag, history_heading, item_number, local_name, meeting_date_time,
                                       readable_text, rendered, strip_namespaces, value)
from corpus.sections import heading_kind
from corpus.textclean import CLOSED_WORD, collapse_spaces

NAMESPACE = re.compile(r"^\{http://www\.fujitsu\.dk/agenda/xml/schemas/[^}]*\}")
CLOSED_ACCESS = re.compile(CLOSED_WORD, re.IGNORECASE)  # an access name that says the item is closed
CLOSED_TITLE = "Lukket punkt"  # what the public sees of a closed item the export gives no neutral title
NOT_RELEASED = re.compile(r"^\s*beslutning(en)? (er )?ikke frigivet\.?\s*$", re.IGNORECASE)
DATE_FORMATS = ("%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M")


def is_edoc_agenda(root: Element) -> bool:
    return any(NAMESPACE.match(child.tag) and local_name(child) == "Committee" for child in root)


def read_edoc_agenda(root: Element, name: str) -> Reading:
    strip_namespaces(root)
    meetings, dropped = [], []
    for c, committee in enumerate(root.findall("Committee")):
        body = value(committee, "Name")
        if not body:
            raise _bad(f"Committee[{c}]/Name is missing")
        for m, raw in enumerate(committee.findall("Meeting")):
            meetings.append(_meeting(raw, body, f"Committee[{c}]/Meeting[{m}]", name, dropped))
    if not meetings:
        raise _bad("no Committee/Meeting in the file")
    return Reading(meetings, dropped, document_text(root), reader="edoc_agenda")


def _meeting(raw: Element, body: str, path: str, name: str, dropped: list[Dropped]) -> Meeting:
    date, time = meeting_date_time(raw, "MeetingDateTime", path, DATE_FORMATS, _bad)
    present, absent = [], []
    for person in raw.findall("MeetingParticipants/MeetingParticipant"):
        person_name = collapse_spaces(value(person, "Name"))
        if person_name:
            (absent if flag(person, "Participate") is False else present).append(person_name)
    about = rendered(raw.find("DescriptionText"))  # the meeting's own description: its front page
    if about:
        dropped.append(Dropped(DropReason.FRONT_MATTER, about))
    meeting = Meeting(body=body, date=date, time=time, location=value(raw, "MeetingLocation"),
                      participants=present, absentees=absent, source=name)
    elements = raw.findall("Agenda/AgendaElements/AgendaElement")
    meeting.items = [_item(e, f"{path}/Agenda/AgendaElements/AgendaElement[{i}]", i + 1, dropped)
                     for i, e in enumerate(elements)]
    check_unique_numbers(meeting.items)
    return meeting


def _item(element: Element, path: str, position: int, dropped: list[Dropped]) -> AgendaItem:
    handling = element.find("HandlingItem")
    if handling is None:
        raise _bad(f"{path}/HandlingItem is missing")
    public = flag(element, "AccessIsPublic")
    # without the flag, the access's name says it (»Lukket«, »Fortrolig«, »Ikke offentlig publicering«): on the safe
    # side, as closing hides no more than it must
    closed = public is False or public is None and CLOSED_ACCESS.search(value(element, "AccessName") or "") is not None
    title = collapse_spaces(value(handling, "Title"))
    neutral = collapse_spaces(value(handling, "NeutralTitle"))
    if closed:  # the public sees a closed item under its neutral title (or as »Lukket punkt«); the other is content
        title, neutral = neutral or CLOSED_TITLE, title
    if not title:
        raise _bad(f"{path}/HandlingItem/Title is missing")
    number = item_number(value(element, "SortOrder"), position, f"{path}/SortOrder", _bad)
    attachments = [collapse_spaces(t) for t in (value(a, "Title") or value(a, "Name") or a.text
                                               for a in handling.findall("Attachments/*")) if t and t.strip()]
    item = AgendaItem(number=number, title=title,
                      case_number=value(handling, "CaseNumber"), closed=closed, attachments=attachments)
    if neutral and neutral != title:
        item.sections.append(Section(SectionKind.OTHER, "Titel", neutral))
    for described in (element, handling):  # a description of the item, where the export carries one
        description = rendered(described.find("DescriptionText"))
        if description:
            item.sections.append(Section(SectionKind.CASE, "Beskrivelse", description))
    case_title = collapse_spaces(value(handling, "CaseTitle"))
    if case_title and case_title not in (title, neutral):
        item.sections.append(Section(SectionKind.OTHER, "Sag", case_title))
    for presentation in handling.findall("CasePresentations/CasePresentation"):
        heading = collapse_spaces(value(presentation, "Title"))
        text = rendered(presentation.find("Content"))
        if text:
            decision = SectionKind.DECISION if flag(presentation, "IsDecision") else SectionKind.OTHER
            kind = heading_kind(heading) or decision
            item.sections.append(Section(kind, heading, text))
    item.sections += _handlings(handling.findall("HandlingPlan/Handling"), dropped)
    away = [collapse_spaces(n) for n in (value(a, "Name") or a.text for a in element.findall("Absences/*")) if n]
    if away:
        item.sections.append(Section(SectionKind.OTHER, "Fraværende", "\n".join(away)))
    if attachments:
        item.sections.append(Section(SectionKind.ATTACHMENTS, "Bilag", "\n".join(attachments)))
    return item


def _handlings(handlings: list[Element], dropped: list[Dropped]) -> list[Section]:
    """This meeting's decision (`Placement` »This«), and the case's decisions at other meetings."""
    sections = []
    for handling in handlings:
        text = rendered(handling.find("Decision"))
        if NOT_RELEASED.match(text):
            dropped.append(Dropped(DropReason.MARKER, text.strip()))
            continue
        if not text:
            continue
        if (value(handling, "Placement") or "").lower() == "this":
            sections.append(Section(SectionKind.DECISION, "Beslutning", text))
            continue
        heading = history_heading("Beslutning", value(handling, "CommitteeName"), value(handling, "MeetingDate"))
        sections.append(Section(SectionKind.OTHER, heading, text))
    return sections


# Not text of the minutes: ids, codes, flags, dates of the workflow, the layout's stylesheet, case workers
# and who created an item, the members' standing data, and the case's plan at other meetings apart from
# the decisions taken there.
METADATA = {"Identifier", "OutputTypeEnumName", "OutputFilterIsPublic", "OutputLayoutCssFile", "ShortName",
            "DefaultLocation", "MeetingIdentifier", "MeetingDateTime", "EndDateTime", "MeetingNumberIdentifier",
            "MeetingStateCode", "MeetingPublicExceptionIndicator", "ValidMember", "StartDate", "Rank", "Represent",
            "Secretary", "AppointedByIdentifier", "RoleInMeeting", "Participate", "PoliticalParty",
            "PoliticalPartyList", "MeetingParticipantExternals", "Type", "State", "AccessIsPublic", "AccessName",
            "Domain", "Category", "RuleOfSpeaking", "SortOrder", "ESDHIntegration", "StateCode", "SerialNo",
            "AdministrativeUnitIdentifier", "InitiatedByIdentifier", "HandlingItemCaseWorker", "FinishedIndicator",
            "FinishedDate", "CaseIdentifier", "CaseWorker", "IsDecision", "Resources", "Placement",
            "PlannedMeeting", "AgendaType", "CreationDate", "Access", "CommitteeName", "MeetingDate", "Title@Handling",
            "NeutralTitle@Handling"}


def document_text(root: Element) -> str:
    """Every human-readable value of the export (tests/test_conservation.py)."""
    return readable_text(root, _metadata, frozenset({"Content", "Decision", "DescriptionText"}))


def _metadata(element: Element, parent: str) -> bool:
    if element.tag in METADATA or f"{element.tag}@{parent}" in METADATA:
        return True
    return element.tag == "CasePresentation" and not rendered(element.find("Content"))  # heads nothing


def _bad(problem: str) -> ReaderError:
    return ReaderError(f"not a readable eDoc agenda export: {problem}")
