"""The XML an agenda system exports, alone or in the zip archive it publishes -> the reader of its layout.

Read: SBSYS eDagsorden publications (`Publication<N>.xml`, or `Publication<N>.zip` holding it and the
attachments' files), eDoc agenda exports in Fujitsu's schema (the items' text inside) and Acadre's data XML
(`<fusionID>.XML`, the agenda or referat with its items' text), and eDoc's `eDocAgendaPublishing.xml`
where it holds its agenda's text (corpus/readers/edoc_index.py). The exports that only index documents are
refused with the file to read instead: eDoc's `eDocAgendaPublishing.xml` without that text (its minutes are
the PDFs it lists) and Acadre's index (`XML_<N>.xml`, the `producedAgenda` list: its minutes are the data XML and Word
documents it lists). XML is parsed with defusedxml: no entity expansion, no DTDs, no network.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from xml.etree.ElementTree import Element

from corpus.model import Reading
from corpus.readers import ZIP_SIGNATURES, ReaderError
from corpus.readers.acadre_xml import is_acadre_data, read_acadre_data
from corpus.readers.edoc_agenda import is_edoc_agenda, read_edoc_agenda
from corpus.readers.edoc_index import read_edoc_index
from corpus.readers.sbsys_publication import is_publication, read_publication
from corpus.textclean import as_written_element

MAX_XML_BYTES = 64 * 1024 * 1024  # an archive member larger than this is not read (a zip bomb, not minutes)
ACADRE_INDEX = re.compile(rb'<table\s+name="producedAgenda"\s*>(.*?)(?:</table>|$)', re.S)
ACADRE_DOCUMENT = re.compile(rb"<fields>(.*?)(?:</fields>|$)", re.S)
ACADRE_KINDS = {"1": "Dagsorden", "2": "Referat"}  # producedAgenda `type`; others are drafts
ACADRE_START = re.compile(rb"\s*(<\?xml[^>]*>\s*)?<root>")
EDOC_START = re.compile(rb"<Meeting>\s*<Committee>")


def inspect(data: bytes, name: str) -> Reading:
    if data.startswith(ZIP_SIGNATURES):
        readings = [_inspect_xml(xml, name) for xml in _publications_in_zip(data, name)]
        if len(readings) == 1:
            return readings[0]
        # an archive of several publications (one per committee or meeting): each is read, none dropped
        return Reading([m for r in readings for m in r.meetings], [d for r in readings for d in r.dropped],
                       "\n".join(r.text for r in readings), readings[0].reader)
    return _inspect_xml(data, name)


def _inspect_xml(data: bytes, name: str) -> Reading:
    index = _index_export(data)
    if index:
        if is_edoc_index(data) and (reading := read_edoc_index(data, name)) is not None:
            return reading  # eDoc's index holding its agenda's text: read alone, it is the minutes
        raise ReaderError(index)
    root = parse(data)
    if is_publication(root):
        return read_publication(root, name)
    if is_edoc_agenda(root):
        return read_edoc_agenda(root, name)
    if is_acadre_data(root):
        return read_acadre_data(root, name)
    tag = root.tag.rsplit("}", 1)[-1]
    raise ReaderError(f"an XML file whose root element is <{tag}>, not an agenda export we read; XML is read "
                      "when it is an SBSYS eDagsorden publication (<Publication>), an eDoc agenda export "
                      "(<edoc:Committee> in Fujitsu's agenda schema) or Acadre's data XML (<root> holding "
                      "<table name=\"agenda\">)")


def _publications_in_zip(data: bytes, name: str) -> list[bytes]:
    """The publication XML of an SBSYS archive: each file named as its folder (`Publication32/Publication32.xml`),
    at any depth (an archive may hold several, `Publication553/…` and `export/2013/Publication32/…`; reading
    only the first, or only the top's, dropped the others without a word); with none so named, the XML files
    nearest its top. Other XML files are the items' own, or the archive's (a `manifest.xml`)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".xml") and not m.is_dir()]
        if not members:
            raise ReaderError(f"a zip archive with no XML in it: {name} is not an SBSYS publication archive "
                              "(Publication<N>.zip holding Publication<N>.xml)")
        named = [m for m in members if _named_as_its_folder(m.filename)]
        top = min(m.filename.count("/") for m in members)
        found: list[bytes] = []
        left = MAX_XML_BYTES  # for all of them together
        for member in sorted(named or [m for m in members if m.filename.count("/") == top], key=lambda m: m.filename):
            if member.file_size > left:
                raise ReaderError(f"{member.filename} in the archive is {member.file_size:,} bytes unpacked, "
                                  f"more than the {MAX_XML_BYTES:,} an agenda export needs")
            with archive.open(member) as handle:
                found.append(handle.read(left + 1))
            left -= len(found[-1])
            if left < 0:  # the header's size can lie
                raise ReaderError(f"{member.filename} in the archive unpacks to more than the {MAX_XML_BYTES:,} "
                                  "bytes an agenda export needs")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, RuntimeError,
            ValueError, zlib.error) as exc:  # RuntimeError: an encrypted member; zlib.error: damaged data
        raise ReaderError(f"the zip archive cannot be read (damaged or truncated): {exc}") from exc
    return found


def _named_as_its_folder(path: str) -> bool:
    *_, folder, file = ["", *path.split("/")]
    return bool(folder) and file.lower() == f"{folder.lower()}.xml"


def parse(data: bytes) -> Element:
    """The XML's root element, parsed with defusedxml; ReaderError for anything that is not plain XML."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        return as_written_element(fromstring(data))  # composed, mojibake repaired, as text is
    except DefusedXmlException as exc:
        raise ReaderError(f"the XML declares entities or a DTD, which an agenda export does not: {exc}") from exc
    except ParseError as exc:
        raise ReaderError(f"not well-formed XML ({exc})") from exc
    except LookupError as exc:  # <?xml version="1.0" encoding="utf-9"?>
        raise ReaderError(f"the XML declares an encoding that does not exist ({exc})") from exc


def _index_export(data: bytes) -> str | None:
    """The reason to refuse an export that indexes the minutes' documents rather than holding them, told
    by its first bytes (eDoc's index is not always well-formed XML: Ballerup's has a control character)."""
    if is_edoc_index(data):
        pdf = re.search(rb"<PDFDocument>([^<]+)</PDFDocument>", data[:8192])
        where = f" ({pdf.group(1).decode('utf-8', 'replace').strip()})" if pdf else ""
        return ("an eDoc export's index (eDocAgendaPublishing.xml): the minutes are the PDF it lists for the whole "
                f"agenda{where}; read that file, or the export's folder")
    if is_acadre_index(data):
        listed = acadre_documents(data)
        where = f" ({listed})" if listed else ""
        return (f"an Acadre export's index (the XML_<N>.xml of its produced documents), not minutes: the minutes "
                f"are the documents it lists{where}; read the data XML or the Word document, or the export's "
                "folder")
    return None


def is_edoc_index(data: bytes) -> bool:
    """eDoc's `eDocAgendaPublishing.xml`, told by its first bytes."""
    head = data[:8192]
    return EDOC_START.search(head) is not None and b"<MeetingAgendaTypes>" in head


def is_acadre_index(data: bytes) -> bool:
    """Acadre's `XML_<N>.xml`, the list of the documents it produced (its `producedAgenda` table)."""
    return ACADRE_START.match(data[:8192]) is not None and ACADRE_INDEX.search(data) is not None


def acadre_index_documents(data: bytes) -> list[tuple[str, str, str]]:
    """Each document Acadre's index lists, as (its label, its data XML, its Word document): (»Referat PUK«,
    »3687981.xml«, »3687982.docx«), "" for a file it does not name; a document naming neither is left out."""
    documents = []
    for table in ACADRE_INDEX.findall(data):
        for fields in ACADRE_DOCUMENT.findall(table):
            found = {k.decode(): html.unescape(v.decode("utf-8", "replace")).strip()
                     for k, v in re.findall(rb'<field\s+(comment|type|xmlfilename|docfilename)="([^"]*)"', fields)}
            xml, doc = found.get("xmlfilename", ""), found.get("docfilename", "")
            if xml or doc:
                documents.append((found.get("comment") or ACADRE_KINDS.get(found.get("type", ""), ""), xml, doc))
    return documents


def acadre_documents(data: bytes) -> str:
    """»Dagsorden PUK 20.06.2013: 3686423.xml, 3686426.docx; Referat PUK: 3687981.xml, 3687982.docx«: the
    documents Acadre's index lists, for a message."""
    listed = [(label, ", ".join(filter(None, files))) for label, *files in acadre_index_documents(data)]
    return "; ".join(f"{label}: {files}" if label else files for label, files in listed)
