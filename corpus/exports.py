"""An agenda system's export folder -> which of its files are not minutes, and why.

eDoc and Acadre export a meeting as a folder: the minutes, the attachments (bilag) and an index listing them.
Read one by one, the index and the attachments are refused as errors, though nothing is wrong with them.
`export_notes` reads a folder's index into a mapping file name -> why the file is not minutes, so a folder's
walk (corpus/ingest.py) reports those files as skipped:

* eDoc (`eDocAgendaPublishing.xml`): per `MeetingAgendaType` the whole agenda's PDF (`PDFDocument`, the
  minutes), per `MeetingAgendaItem` its `AgendaItemNumber`, its own PDF (skipped: the item is read from the
  whole agenda), its `Document/Title` and its `Attachments/Attachment`s, each with `Title` and `PDFDocument`.
* Acadre (`XML_<N>.xml`, the `producedAgenda` list): each produced document's data XML (`xmlfilename`) and
  Word document (`docfilename`), the minutes. The attachments are listed in the data XML: per item
  (`agendaitemparents`, numbered by `sort`) the `enclosure`s with their `filename` (»3525829E1.DOCX«) and
  `name` (»Opsamlingsnotat. Temamøde 20.09.2012«, the name of the attachment's PDF beside it).

Only an index that is whole (its closing root tag read) and whose minutes lie in the folder is used: a
damaged index, or one without its minutes, skips nothing, and the folder's files are read as they are alone.
Names are matched case-insensitively (the index lists `1552823.PDF`, the folder may hold `1552823.pdf`).
Nothing here raises: whatever an index holds, the worst is that no file is skipped.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from corpus.readers import ReaderError
from corpus.readers.acadre_xml import enclosure_files
from corpus.readers.xml_export import (MAX_XML_BYTES, acadre_documents, acadre_index_documents, is_acadre_index,
                                       is_edoc_index, parse)

EDOC_INDEX = re.compile(r"edocagendapublishing\.xml", re.I)
ACADRE_INDEX_NAME = re.compile(r"xml_\d+\.xml", re.I)
MAX_TITLE = 100  # characters of an item's title quoted in a note


def key(name: str) -> str:
    """A file name as matched: case and Unicode normalisation (a folder copied from a Mac) left out."""
    return unicodedata.normalize("NFC", name).casefold()


def export_notes(folder: Path) -> dict[str, str]:
    """`key(file name)` -> why that file of `folder` is not minutes, for each export index in the folder;
    empty for a folder without a usable index."""
    try:
        names = {key(p.name): p.name for p in folder.iterdir() if p.is_file()}
    except OSError:
        return {}
    notes: dict[str, str] = {}
    for name in sorted(names.values()):
        if EDOC_INDEX.fullmatch(name):
            read = _edoc_notes
        elif ACADRE_INDEX_NAME.fullmatch(name):
            read = _acadre_notes
        else:
            continue
        try:
            data = _read(folder / name)
            found = read(data, name, folder, names) if data is not None else {}
        except Exception:  # an odd index in a way not foreseen: it skips nothing, it never stops the walk
            found = {}
        for file, note in found.items():
            notes.setdefault(file, note)
    return notes


def _read(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_XML_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_XML_BYTES else None


# -- eDoc ------------------------------------------------------------------------------------------------
# Regexes on bytes, as corpus/readers/xml_export.py reads the index: it is not always well-formed XML.
EDOC_END = re.compile(rb"</Meeting>\s*$")
AGENDA_TYPE = re.compile(rb"<MeetingAgendaType>(.*?)</MeetingAgendaType>", re.S)
AGENDA_ITEM = re.compile(rb"<MeetingAgendaItem>(.*?)</MeetingAgendaItem>", re.S)
DOCUMENT = re.compile(rb"<Document[\s>]")  # not <DocumentVersionNumber>, a field of the item before it
ATTACHMENT = re.compile(rb"<Attachment\b[^>]*>(.*?)</Attachment>", re.S)


def _edoc_notes(data: bytes, index: str, folder: Path, names: dict[str, str]) -> dict[str, str]:
    """eDoc's index `data`: its item PDFs and attachments, and the index itself, for each agenda type whose
    whole-agenda PDF is among `names` (the folder's files by `key`)."""
    if not (is_edoc_index(data) and EDOC_END.search(data)):
        return {}
    notes: dict[str, str] = {}
    minutes: list[str] = []
    for agenda_type in AGENDA_TYPE.findall(data):
        whole = _tag(agenda_type.split(b"<MeetingAgendaItems", 1)[0], b"PDFDocument")
        if not whole or key(whole) not in names:
            continue  # this agenda's minutes are not in the folder: its files are read as they are alone
        whole = names[key(whole)]
        minutes.append(whole)
        for item in AGENDA_ITEM.findall(agenda_type):
            head, document = (DOCUMENT.split(item, 1) + [b""])[:2]  # the item's own fields, its document
            number = _tag(head, b"AgendaItemNumber")
            title = _tag(document.split(b"<Attachments", 1)[0], b"Title")
            label = _item_label(number, title)
            own = _tag(head, b"PDFDocument")
            if own:
                notes.setdefault(key(own), f"{_possessive(number)} own PDF; the item is read from the whole "
                                           f"agenda ({whole})")
            for attachment in ATTACHMENT.findall(document):
                pdf = _tag(attachment, b"PDFDocument")
                if pdf:
                    notes.setdefault(key(pdf), f"an attachment (bilag) of {label}, listed in {index}; its title "
                                               "is stored with the item")
    if not minutes:
        return {}
    listed = ", ".join(minutes)
    notes[key(index)] = (f"the export's index: its minutes are the PDF{'s' if len(minutes) > 1 else ''} it lists "
                         f"for the whole agenda ({listed})")
    for whole in minutes:  # never skip the minutes, whatever else lists them
        notes.pop(key(whole), None)
    return notes


def _tag(data: bytes, tag: bytes) -> str:
    """The first `<tag>value</tag>` in `data`, unescaped, its spaces collapsed ("" when there is none)."""
    found = re.search(rb"<" + tag + rb">([^<]*)</" + tag + rb">", data)
    return _text(found.group(1)) if found else ""


# -- Acadre ----------------------------------------------------------------------------------------------
ACADRE_END = re.compile(rb"</root>\s*$")


def _acadre_notes(data: bytes, index: str, folder: Path, names: dict[str, str]) -> dict[str, str]:
    """Acadre's index `data`, when a document it lists is among `names`: the index itself, and the enclosures
    of the listed data XMLs in `folder`."""
    if not (is_acadre_index(data) and ACADRE_END.search(data)):
        return {}
    data_xml, minutes = [], []
    for _, xml, doc in acadre_index_documents(data):
        for file in filter(None, (xml, doc)):
            if key(file) in names:
                minutes.append(names[key(file)])
                if file == xml:
                    data_xml.append(names[key(file)])
    if not minutes:
        return {}
    notes: dict[str, str] = {}
    stems: dict[str, list[str]] = {}  # a name without its extension -> the folder's files of that name
    for name in names.values():
        stems.setdefault(key(Path(name).stem), []).append(name)
    for xml in data_xml:
        for number, title, enclosures in _acadre_items(folder / xml):
            note = (f"an attachment (bilag) of {_item_label(number, title)}, listed in {xml}; its title is "
                    "stored with the item")
            for filename, name in enclosures:
                files = {key(filename)} if filename else set()
                # the file in any other format (3525829E1.pdf), and its PDF named by its title
                for stem in filter(None, (Path(filename).stem, name)):
                    files.update(key(f) for f in stems.get(key(stem), []))
                for file in files:
                    notes.setdefault(file, note)
    notes[key(index)] = f"the export's index: its minutes are the documents it lists ({acadre_documents(data)})"
    for name in minutes:
        notes.pop(key(name), None)
    return notes


def _acadre_items(path: Path) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """The items of Acadre's data XML with their enclosures (corpus/readers/acadre_xml.py); none for a file
    the reader would refuse."""
    data = _read(path)
    if data is None:
        return []
    try:
        return enclosure_files(parse(data))
    except ReaderError:  # not well-formed, entities, an unknown encoding, an item number that is none
        return []


# -- notes -----------------------------------------------------------------------------------------------
def _text(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    return " ".join(html.unescape(text).split())


def _item_label(number: int | str, title: str) -> str:
    """»item 2 »Bygningsvedligeholdelse 2013 - anlægsbevilling««, its title shortened past `MAX_TITLE`."""
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE].rsplit(" ", 1)[0] + " …"
    label = f"item {number}" if number else "an item"
    return f"{label} »{title}«" if title else label


def _possessive(number: int | str) -> str:
    return f"item {number}'s" if number else "the item's"
