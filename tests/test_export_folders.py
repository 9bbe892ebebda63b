"""An agenda system's export folder ingested as a folder: the minutes are read, and the files its index lists
as no minutes (attachments, eDoc's per-item PDFs, the index itself) are skipped with the reason, not refused
as errors (corpus/exports.py). The exports are eDoc's (Ballerup) and Acadre's (Syddjurs) in
../shared/corpora/os2dagsorden; a file named alone is read as before, and a damaged index skips nothing."""
from __future__ import annotations

import shutil
import unicodedata

import pytest
from conftest import OS2, need
from typer.testing import CliRunner

from api.cli import app
from config.settings import Settings
from corpus.exports import export_notes
from search.engine import Engine

EDOC = OS2 / "edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04"
ACADRE = OS2 / "acadre_syddjurs_puk_2013-06-20"
WHOLE_AGENDA = "1552814.PDF"
ITEM_PDFS = {"1552824.PDF": 1, "1552823.PDF": 2, "1552822.PDF": 3, "1552826.PDF": 4, "1552821.PDF": 5,
             "1552819.PDF": 6, "1552817.PDF": 7, "1552816.PDF": 8}
# eDoc's attachments: file -> (item, the item's title), as eDocAgendaPublishing.xml lists them
EDOC_ATTACHMENTS = {
    "1548227.PDF": (1, "Meddelelser"), "1546399.PDF": (1, "Meddelelser"), "1546728.PDF": (1, "Meddelelser"),
    "1537646.PDF": (2, "Bygningsvedligeholdelse 2013 - anlægsbevilling"),  # scanned: no text layer
    "1546743.PDF": (3, "Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013"),
    "1548285.PDF": (4, "Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013"),
    "1548343.PDF": (5, "KL's opfølgningsproces vedrørende det nære sundhedsvæsen"),
    "1543229.PDF": (5, "KL's opfølgningsproces vedrørende det nære sundhedsvæsen"),
    "1548303.PDF": (6, "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre"),
    "1533095.PDF": (7, "Etablering af aktivitetscenter på Solvej 6 i Ballerup"),
}
ACADRE_MINUTES = {"3687981.XML", "3687982.DOCX", "Ekstraordinært PUK.pdf"}
ACADRE_ATTACHMENTS = {"3525829E1.DOCX", "3629343E3.DOCX", "Opsamlingsnotat. Temamøde 20.09.2012.pdf",
                      "Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409.pdf"}


def _ingest(tmp_path, *paths):
    """The engine, and each file's report by its name (NFC: the Acadre export's names are decomposed on disk)."""
    engine = Engine(Settings(data_dir=tmp_path / "data"))
    return engine, {unicodedata.normalize("NFC", r.path.rsplit("/", 1)[-1]): r for r in engine.ingest(list(paths))}


def _copy(source, target, names, rename=lambda name: name):
    """Some of an export's files in a folder of their own (a smaller export, or one renamed)."""
    target.mkdir()
    for name in names:
        shutil.copy(need(source / name), target / rename(name))
    return target


# -- eDoc -------------------------------------------------------------------------------------------------
def test_the_edoc_folder_stores_the_meeting_with_its_eight_items_and_reports_no_error(tmp_path):
    engine, reports = _ingest(tmp_path, need(EDOC))
    assert len(reports) == 20
    assert [name for name, r in reports.items() if r.status != "skipped"] == [WHOLE_AGENDA]
    assert (reports[WHOLE_AGENDA].status, reports[WHOLE_AGENDA].items) == ("added", 8)
    assert not [r for r in reports.values() if r.status == "error" or r.error]
    [listed] = engine.store.meetings()
    meeting = engine.store.meeting(listed.id)
    assert (meeting.body, str(meeting.date), len(meeting.items)) == ("Sundheds- og Forebyggelsesudvalget",
                                                                    "2012-12-04", 8)


def test_every_attachment_the_edoc_index_lists_is_skipped_naming_its_item_even_a_scanned_one(tmp_path):
    _, reports = _ingest(tmp_path, need(EDOC))
    for name, (number, title) in EDOC_ATTACHMENTS.items():
        report = reports[name]
        assert (report.status, report.meetings, report.items) == ("skipped", [], 0), name
        assert report.note == (f"an attachment (bilag) of item {number} »{title}«, listed in "
                               "eDocAgendaPublishing.xml; its title is stored with the item"), name


def test_each_items_own_edoc_pdf_is_skipped_as_read_from_the_whole_agenda(tmp_path):
    _, reports = _ingest(tmp_path, need(EDOC))
    for name, number in ITEM_PDFS.items():
        assert reports[name].status == "skipped", name
        assert reports[name].note == f"item {number}'s own PDF; the item is read from the whole agenda (1552814.PDF)"


def test_the_edoc_index_in_its_folder_is_skipped_naming_the_whole_agendas_pdf(tmp_path):
    _, reports = _ingest(tmp_path, need(EDOC))
    report = reports["eDocAgendaPublishing.xml"]
    assert report.status == "skipped" and report.error is None
    assert report.note == "the export's index: its minutes are the PDF it lists for the whole agenda (1552814.PDF)"


def test_file_names_match_the_index_whatever_their_case(tmp_path):
    folder = _copy(need(EDOC), tmp_path / "export", ["eDocAgendaPublishing.xml", WHOLE_AGENDA, "1552823.PDF",
                                                     "1548227.PDF"], rename=str.lower)
    _, reports = _ingest(tmp_path, folder)
    assert {name: r.status for name, r in reports.items()} == {
        "1552814.pdf": "added", "1552823.pdf": "skipped", "1548227.pdf": "skipped",
        "edocagendapublishing.xml": "skipped"}
    assert reports["1552823.pdf"].note.endswith("(1552814.pdf)")  # the file's name as it is in the folder


def test_without_the_whole_agendas_pdf_the_index_is_read_as_the_minutes(tmp_path):
    """The index's PDF of the whole agenda is not there: nothing it lists is skipped, the index is read from the
    agenda's text it holds (corpus/readers/edoc_index.py; refused until 2026-12-06), an item's PDF alone is refused
    as before."""
    folder = _copy(need(EDOC), tmp_path / "export", ["eDocAgendaPublishing.xml", "1552823.PDF"])
    _, reports = _ingest(tmp_path, folder)
    assert {name: r.status for name, r in reports.items()} == {"1552823.PDF": "error",
                                                               "eDocAgendaPublishing.xml": "added"}
    assert reports["eDocAgendaPublishing.xml"].items == 8


# -- Acadre -----------------------------------------------------------------------------------------------
def test_the_acadre_folder_reads_xml_docx_and_pdf_and_skips_the_attachments_and_the_index(tmp_path):
    engine, reports = _ingest(tmp_path, need(ACADRE))
    assert {name for name, r in reports.items() if r.status == "added"} == ACADRE_MINUTES
    assert {name for name, r in reports.items() if r.status == "skipped"} == ACADRE_ATTACHMENTS | {"XML_1863.xml"}
    assert not [r for r in reports.values() if r.status == "error"]
    for name in ACADRE_ATTACHMENTS:
        assert reports[name].note == ("an attachment (bilag) of item 715 »Kulturkommune 2017. Politiske "
                                      "fokusområder«, listed in 3687981.XML; its title is stored with the item")
    assert reports["XML_1863.xml"].note == (
        "the export's index: its minutes are the documents it lists (Dagsorden PUK 20.06.2013: 3686423.xml, "
        "3686426.docx; Referat PUK: 3687981.xml, 3687982.docx)")
    [listed] = engine.store.meetings()
    meeting = engine.store.meeting(listed.id)
    assert meeting.source == "3687981.XML" and len(meeting.items[0].attachments) == 3


# -- alone, damaged -------------------------------------------------------------------------------------
@pytest.mark.parametrize("folder, name, error", [
    (EDOC, "1552823.PDF", "could not find the committee or the meeting date"),
    (EDOC, "1537646.PDF", "no text layer"),
    (ACADRE, "3525829E1.DOCX", "no agenda items found"),
    (ACADRE, "XML_1863.xml", "an Acadre export's index"),
])
def test_a_file_of_an_export_named_alone_or_uploaded_is_refused_as_before(tmp_path, folder, name, error):
    engine, reports = _ingest(tmp_path, need(folder / name))
    assert reports[name].status == "error" and error in reports[name].error and reports[name].note is None
    upload, _ = engine.ingest_upload((folder / name).read_bytes(), name, embeddings=False)
    assert upload.status == "error" and error in upload.error


@pytest.mark.parametrize("index", ["eDocAgendaPublishing.xml", "XML_1863.xml"])
@pytest.mark.parametrize("share", [0, 0.01, 0.5, 0.99])
def test_a_damaged_index_skips_nothing_and_never_crashes(tmp_path, index, share):
    source = EDOC if index.startswith("eDoc") else ACADRE
    folder = _copy(need(source), tmp_path / "export", [p.name for p in source.iterdir() if p.is_file()])
    data = (folder / index).read_bytes()
    (folder / index).write_bytes(data[:int(len(data) * share)])
    assert export_notes(folder) == {}


@pytest.mark.parametrize("content", [
    b"", b"\x00\xff" * 100, b"<Meeting><Committee>x</Committee><MeetingAgendaTypes></Meeting>",
    b"<Meeting>\n<Committee>x</Committee><MeetingAgendaTypes><MeetingAgendaType><PDFDocument>&#xZZ;</PDFDocument>"
    b"<MeetingAgendaItems><MeetingAgendaItem><AgendaItemNumber/><PDFDocument>\xff\xfe.PDF</PDFDocument>"
    b"</MeetingAgendaItem></MeetingAgendaItems></MeetingAgendaType></MeetingAgendaTypes></Meeting>",
])
def test_an_odd_edoc_index_skips_nothing(tmp_path, content):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "eDocAgendaPublishing.xml").write_bytes(content)
    (folder / "XML_1.xml").write_bytes(content)
    assert export_notes(folder) == {}
    assert export_notes(tmp_path / "no such folder") == {}


def test_a_damaged_edoc_index_leaves_the_folder_read_as_before(tmp_path):
    folder = _copy(need(EDOC), tmp_path / "export", ["eDocAgendaPublishing.xml", WHOLE_AGENDA, "1552823.PDF",
                                                     "1548227.PDF"])
    index = folder / "eDocAgendaPublishing.xml"
    index.write_bytes(index.read_bytes()[:-2000])
    _, reports = _ingest(tmp_path, folder)
    assert {name: r.status for name, r in reports.items()} == {
        WHOLE_AGENDA: "added", "1552823.PDF": "error", "1548227.PDF": "error", "eDocAgendaPublishing.xml": "error"}


# -- the command --------------------------------------------------------------------------------------------
def test_the_command_prints_skipped_files_with_their_reason_and_counts_them_apart(tmp_path):
    folder = _copy(need(EDOC), tmp_path / "export", ["eDocAgendaPublishing.xml", WHOLE_AGENDA, "1552823.PDF",
                                                     "1537646.PDF"])
    result = CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None}).invoke(
        app, ["--data-dir", str(tmp_path / "data"), "ingest", "--skip-embeddings", str(folder)])
    assert result.exit_code == 0, result.output
    assert "✗" not in result.output
    assert f"· {folder / '1552823.PDF'}: skipped, item 2's own PDF; the item is read from the whole agenda" \
           in result.output
    assert f"· {folder / '1537646.PDF'}: skipped, an attachment (bilag) of item 2" in result.output
    assert "1 of 4 files ingested, 3 skipped (an export's attachments, item PDFs and indexes)" in result.output


def test_the_command_on_an_export_without_its_pdfs_reads_the_index_and_lists_the_item_pdf_s_error(tmp_path):
    """The index's PDF of the whole agenda is missing: nothing is skipped, the index is read from its text, the
    item's PDF alone is an error, listed as one (the command fails only when no file is read)."""
    folder = _copy(need(EDOC), tmp_path / "export", ["eDocAgendaPublishing.xml", "1552823.PDF"])
    result = CliRunner(env={"COLUMNS": "250", "MINUTES_DATA_DIR": None}).invoke(
        app, ["--data-dir", str(tmp_path / "data"), "ingest", "--skip-embeddings", str(folder)])
    assert result.exit_code == 0 and result.output.count("✗") == 1 and "skipped" not in result.output
    assert "eDocAgendaPublishing.xml: added, 1 meeting(s), 8 items" in result.output
    assert "1 of 2 files ingested" in result.output
