"""Minutes in the layouts the Danish systems publish: FirstAgenda web pages (HTML and saved as text),
FirstAgenda referat PDFs, SBSYS referat PDFs, »Punkt N:« documents — the samples in
../shared/corpora/more-layouts and variants of the same layouts made for these tests (tests/layouts)."""
from __future__ import annotations

import re

import pytest
from conftest import MORE, OS2, VARIANTS, need, what_was_read

from corpus.meeting_header import body_from_source
from corpus.model import SectionKind
from corpus.parse import CASE_NUMBER, parse_minutes_text
from corpus.readers import ReaderError, inspect_document, read_meetings
from corpus.readers.pdf_reader import extract_text

AARHUS_HTML = "aarhus-teknisk-udvalg-2025-10-01-referat.html"
AARHUS_SBSYS = "aarhus-moedesystemgruppen-2016-10-06-referat.pdf"


def _read(folder, name, as_name=None):
    path = need(folder / name)
    return read_meetings(path.read_bytes(), as_name or path.name)


# -- FirstAgenda web page (sample) -----------------------------------------------------------------
@pytest.fixture(scope="module")
def aarhus_web():
    [meeting] = _read(MORE, AARHUS_HTML)
    return meeting


def test_firstagenda_web_page_meeting_facts(aarhus_web):
    m = aarhus_web
    assert (m.body, m.date, m.time, m.location) == ("Teknisk Udvalg", "2025-10-01", "15:45", "Udvalgsværelse 398")
    assert m.participants == [] and m.absentees == []  # the page fills participants in with a script


def test_firstagenda_web_page_items(aarhus_web):
    items = aarhus_web.items
    assert [(i.number, i.title, i.case_number) for i in items] == [
        (1, "Referat fra sidste udvalgsmøde", "EMN-2025-010561"),
        (2, "Udviklingsplan Aarhus Ø - endelig vedtagelse", "EMN-2025-009242"),
        (3, "Lokalplan 1221 (tillæg 2 til lokalplan 411) – Erhvervsområde ved Kattrup, Hasselager-Kolt, "
            "med tillæg 1 - Endelig", "EMN-2025-008468"),
        (4, "Forvaltningen orienterer", "EMN-2025-010561"),
        (5, "Eventuelt", None),
        (6, "Måltal for busfremkommelighed, jf. budgetforlig 2023", "EMN-2024-035156"),
    ]
    assert [i.decision.split(".")[0] for i in items] == [
        "Ingen bemærkninger",
        "Et flertal i udvalget kunne tiltræde indstillingen i overensstemmelse med Magistratens anbefaling",
        "Der var foretræde til sagen, hvorefter udvalget drøftede sagen og stillede spørgsmål til forvaltningen",
        "Udvalget blev orienteret om arkitekturugen i uge 41",
        "Udvalget drøftede og stillede spørgsmål til forvaltningen om forlængelse af forsøget med sommergade i "
        "Jægergårdsgade",
        "Sagen blev udsat uden behandling",
    ]
    assert not any(i.closed for i in items)


def test_firstagenda_web_page_sections(aarhus_web):
    two = aarhus_web.items[1]
    assert [(s.kind, s.heading) for s in two.sections] == [
        (SectionKind.DECISION, "Beslutninger"), (SectionKind.OTHER, ""), (SectionKind.SUMMARY, "Resume"),
        (SectionKind.RECOMMENDATION, "Beslutningspunkter"), (SectionKind.OTHER, "Sagsforløb"),
        (SectionKind.ATTACHMENTS, "Bilag")]
    # the untitled field after the decision (an empty <h3>) is not part of the decision
    assert "fire ugers høring" not in two.decision
    assert two.sections[1].text.startswith("Udviklingsplan for Pier 3 og tilstødende arealer har været i fire ugers")
    assert two.text_of(SectionKind.SUMMARY).startswith("Der er indkommet i alt 1149 høringssvar")
    assert "Udvalg: Magistraten" in two.sections[4].text
    six = aarhus_web.items[5]
    assert "Borgmesterens Afdelings påtegning" in [s.heading for s in six.sections]


def test_firstagenda_web_page_attachments(aarhus_web):
    items = aarhus_web.items
    assert [len(i.attachments) for i in items] == [1, 30, 11, 0, 0, 27]  # the page's bilag links per item
    assert items[0].attachments == ["Referat fra møde den 22. september 2025"]
    # the first attachment is called »Indstilling«: it is an attachment title, not a section
    assert items[1].attachments[:4] == [
        "Indstilling", "Bilag 1: Udviklingsplan for Pier 3 med omgivelser med bilag og strategier",
        "Bilag 2: Høringssvar", "Bilag 3: Resume og kommentering af høringssvar"]
    assert items[5].attachments[-1] == "Bilag 2: Tidligere TU Notat Skanderborgvejkorridoren"
    assert not any(s.kind is SectionKind.RECOMMENDATION and s.heading == "Indstilling"
                   for i in items for s in i.sections)


def test_web_page_furniture_is_dropped_and_listed():
    path = need(MORE / AARHUS_HTML)
    reading = inspect_document(path.read_bytes(), path.name)
    furniture = [d.text for d in reading.dropped if d.reason == "web page furniture"]
    assert "Tilbage til forsiden" in furniture and "Hent som PDF Kopier link" in furniture
    assert furniture.count("PDF") == 69  # one PDF label per attachment link
    text = " ".join(s.text for i in reading.meetings[0].items for s in i.sections)
    assert "Hent som PDF" not in text and "Tip en ven" not in text and "PDF\n" not in text


@pytest.mark.parametrize("as_name", ["referat.txt", "download", "page.htm"])
def test_web_page_is_read_by_content_whatever_its_name(as_name):
    path = need(MORE / AARHUS_HTML)
    [meeting] = read_meetings(path.read_bytes(), as_name)
    assert meeting.body == "Teknisk Udvalg" and len(meeting.items) == 6


# -- SBSYS referat PDF (sample) --------------------------------------------------------------------
@pytest.fixture(scope="module")
def aarhus_sbsys():
    [meeting] = _read(MORE, AARHUS_SBSYS)
    return meeting


def test_sbsys_meeting_facts(aarhus_sbsys):
    m = aarhus_sbsys
    assert (m.body, m.date, m.time, m.location) == ("Mødesystemgruppen", "2016-10-06", "13:00", "Rådhuset lokale 233")
    assert m.participants == ["Jeppe Kirkegaard", "Tilde Ølholm", "Peter Marker", "Mona Olesen", "Carl Brockdorff",
                              "Lone Jelle", "Kasper Bang Nielsen", "Anne Arndt Nielsen", "Natascia Tacchini",
                              "Morten Kjeldsen Kusk"]
    assert m.absentees == ["Tilde"]


def test_sbsys_items_and_sub_items(aarhus_sbsys):
    items = aarhus_sbsys.items
    assert [(i.number, i.title, i.case_number) for i in items] == [
        (1, "First Agenda", None), (2, "GetOrganized", None), (3, "Eventuelt", None)]
    # sub-items are sections of their item, headed with their own number and title
    assert [(s.heading, s.kind) for s in items[0].sections] == [
        ("1.1 Status siden sidst – Oplæg", SectionKind.CASE),
        ("1.1 Status siden sidst – Referat", SectionKind.DECISION),
        ("1.2 Status på udviklingsønsker – Oplæg", SectionKind.CASE),
        ("1.3 Besøg af First Agenda – Oplæg", SectionKind.CASE),
        ("1.4 Plan for resten af året – Oplæg", SectionKind.CASE)]
    assert [s.heading for s in items[1].sections] == [
        "2.1 Status siden sidst – Oplæg", "2.2 Plan for resten af året – Oplæg",
        "2.3 Status over udviklingsønsker – Oplæg"]
    assert items[0].decision.startswith("Alle skal have indhold. Byrådsmedlemmer der ikke kan skifte kodeord")
    assert items[0].sections[0].text.startswith("Der er blevet foretaget et servicevindue")
    assert "Side 2" not in items[0].sections[1].text and items[2].sections == []
    # an all-caps sentence ending in a full stop is text, not a heading
    assert "FØLG OP PÅ SAMMEN MED KASPER." in items[0].sections[4].text


# -- not minutes -----------------------------------------------------------------------------------
def test_case_status_table_is_rejected_with_a_helpful_message():
    path = need(MORE / "not-minutes-case-status.pdf")
    with pytest.raises(ReaderError) as err:
        read_meetings(path.read_bytes(), path.name)
    message = str(err.value)
    assert "no agenda items" in message
    assert "'1. Titel', '1 Titel'" in message and "'Punkt 1: Titel'" in message  # what was looked for
    # what was seen (the title »Sager på vej – Sundhed og Omsorg 2025« heads every page: a running header)
    assert "the first lines were: Side 1 af 4 | Til: Udvalget, Ældrerådet, Direktionen m.fl." in message
    assert "Supported formats: PDF" in message and ".html" in message and ".docx" in message


@pytest.mark.parametrize("name, message", [
    ("1552816.PDF", "could not find the committee or the meeting date"),  # one item cut out of the referat
    ("1543229.PDF", "no agenda items"),  # a KL report with numbered chapters and sub-chapters
    ("1533095.PDF", "no agenda items"),
])
def test_edoc_files_that_are_not_whole_minutes_are_rejected(name, message):
    path = need(OS2 / "edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04" / name)
    with pytest.raises(ReaderError, match=message):
        read_meetings(path.read_bytes(), path.name)


def test_an_item_numbered_past_999_reads_as_numbered():
    """Acadre numbers a year's items in one run (715 in June), so December's pass 999: »1215. Title«."""
    path = need(OS2 / "acadre_syddjurs_puk_2013-06-20" / "Ekstraordinært PUK.pdf")
    text = extract_text(path.read_bytes())
    assert text.count("715. Kulturkommune") == 2  # the contents entry and the heading
    [june] = parse_minutes_text(text, path.name)
    [december] = parse_minutes_text(text.replace("715. Kulturkommune", "1215. Kulturkommune"), path.name)
    assert [i.number for i in december.items] == [1215]
    assert what_was_read([december])[0][-1][0][1:] == what_was_read([june])[0][-1][0][1:]


def test_an_item_numbered_past_999_with_its_number_in_a_cell_of_its_own_reads_as_numbered():
    """Acadre's Word minutes put »715.« and the title in two cells of the heading's table, which reach the parser
    as a number alone on its line. Past 999 (»1215.«) that was no heading, and the file was refused."""
    path = need(OS2 / "acadre_syddjurs_puk_2013-06-20" / "Ekstraordinært PUK.pdf")
    text = extract_text(path.read_bytes())
    heading = text.rindex("715. Kulturkommune")  # (the heading, not its contents entry)
    alone = text[:heading] + text[heading:].replace("715. Kulturkommune", "715.\nKulturkommune", 1)
    [june] = parse_minutes_text(alone, path.name)
    [december] = parse_minutes_text(alone.replace("715.\nKulturkommune", "1215.\nKulturkommune"), path.name)
    assert [i.number for i in june.items] == [715] and [i.number for i in december.items] == [1215]
    assert what_was_read([december])[0][-1][0][1:] == what_was_read([june])[0][-1][0][1:]
    assert parse_minutes_text(alone.replace("715.\nKulturkommune", "2013\nKulturkommune"), path.name) == []


# -- the Acadre referat PDF reads like its DOCX -------------------------------------------------------
def test_acadre_pdf_reads_like_the_docx():
    [pdf] = _read(OS2 / "acadre_syddjurs_puk_2013-06-20", "Ekstraordinært PUK.pdf")
    [docx] = _read(OS2 / "acadre_syddjurs_puk_2013-06-20", "3687982.DOCX")
    assert (pdf.body, pdf.date, pdf.time, pdf.location) == (docx.body, docx.date, docx.time, docx.location)
    [item] = pdf.items
    assert (item.number, item.title, item.case_number) == (715, "Kulturkommune 2017. Politiske fokusområder", "12/27845")
    [word] = docx.items
    # the rows of its Bilag table are titles: number, access and document number are markers
    assert item.attachments == word.attachments == [
        "Opsamlingsnotat. Temamøde 20.09.2012",
        "Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409",
        "Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur"]
    # the decisions dated 10 and 24 April are the case's history; only 20 June's is this meeting's
    decisions = [(s.kind, s.heading) for s in item.sections if s.heading.startswith("Beslutning")]
    assert decisions == [(s.kind, s.heading) for s in word.sections if s.heading.startswith("Beslutning")] == [
        (SectionKind.OTHER, "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013"),
        (SectionKind.OTHER, "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013"),
        (SectionKind.DECISION, "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013")]
    assert item.decision.split() == word.decision.split()


@pytest.mark.parametrize("wrapped", [
    "3 Åben Kulturkommune 2017 - arbejdsoplæg til Udvalget for\nPlan, Udvikling og Kultur 58688/13",  # number last
    "3 Åben Kulturkommune 2017 - arbejdsoplæg til Udvalget for 58688/13\nPlan, Udvikling og Kultur",  # number first
], ids=["document-number-on-the-last-line", "document-number-on-the-first-line"])
def test_an_acadre_bilag_row_wrapped_in_its_cell_is_one_attachment(wrapped):
    """A title too long for the table's cell goes on over a second line: that was a second attachment (»Plan,
    Udvikling og Kultur 58688/13«, its document number kept), or the row was not read as one at all."""
    path = need(OS2 / "acadre_syddjurs_puk_2013-06-20" / "Ekstraordinært PUK.pdf")
    text = extract_text(path.read_bytes())
    row = "3 Åben Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur 58688/13"
    assert row in text
    [meeting] = parse_minutes_text(text.replace(row, wrapped), path.name)
    assert meeting.items[0].attachments == [
        "Opsamlingsnotat. Temamøde 20.09.2012",
        "Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409",
        "Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur"]


# -- variants of the layouts (tests/layouts) -------------------------------------------------------
def test_firstagenda_pdf_variant():
    [m] = _read(VARIANTS, "firstagenda-pdf-byraad.txt", "document.pdf.txt")
    assert (m.body, m.date, m.time, m.location) == ("Byrådet", "2025-08-27", "16:00", "Byrådssalen")
    assert m.participants == ["Anna Hansen", "Bo Jensen", "Carl Nielsen"] and m.absentees == ["Dorte Madsen"]
    assert [(i.number, i.title, i.case_number, i.closed) for i in m.items] == [
        (1, "Godkendelse af dagsorden", "EMN-2025-000101", False),
        (2, "Forslag fra Enhedslisten om en klimaplan med Bedre Busser og Cykelstier i hele kommunen",
         "EMN-2025-003383", False),
        (3, "Klimaregnskab og 2030-fremskrivning af udledningerne", "EMN-2025-004711", False),
        (4, "Salg af grund", "EMN-2025-005000", True)]
    two = m.items[1]
    assert two.decision == "Forslaget blev forkastet med 20 stemmer mod 9."  # the proposal is not the decision
    assert [s.heading for s in two.sections] == ["Beslutning", "BESLUTNINGSFORSLAG FRA ENHEDSLISTEN", "Bilag"]
    assert two.attachments == ["Indstilling", "Bilag 1: Beslutningsforslag", "Bilag 2: Høringssvar fra Ældrerådet"]
    assert m.items[2].text_of(SectionKind.RECOMMENDATION) == "Direktøren indstiller, at klimaregnskabet godkendes."


def test_firstagenda_web_saved_as_text_variant():
    [m] = _read(VARIANTS, "firstagenda-web-saved-as-text.txt", "referat.txt")
    assert (m.body, m.date, m.time, m.location) == ("Børne- og Ungeudvalget", "2025-11-03", "09:00", "Mødelokale 2")
    assert [(i.number, i.title, i.case_number, i.closed) for i in m.items] == [
        (1, "Godkendelse af dagsorden", "EMN-2025-020001", False),
        (2, "Ny skolestruktur i Vestbyen - høring", "EMN-2025-020002", False),
        (3, "Personalesag", None, True)]
    assert m.items[1].attachments == ["Indstilling", "Bilag 1: Kort over skoledistrikter"]
    assert m.items[1].text_of(SectionKind.SUMMARY) == "Forvaltningen foreslår at samle to skoler."


def test_firstagenda_web_page_variant_with_a_closed_item():
    [m] = _read(VARIANTS, "firstagenda-web-oekonomiudvalget.html", "6f1c2a9e.html")
    assert (m.body, m.date, m.time, m.location) == ("Økonomiudvalget", "2026-01-12", "08:30", "Mødesal 1")
    assert [(i.number, i.title, i.closed) for i in m.items] == [
        (1, "Budgetopfølgning pr. 30. november", False), (2, "Køb af ejendom", True)]
    one = m.items[0]
    assert one.attachments == ["Beslutning", "Bilag 1: Budgetopfølgning"] and one.decision == "Anbefales."
    assert [s.heading for s in one.sections] == [
        "Beslutninger", "Resume", "Beslutningspunkter", "Økonomiske konsekvenser", "Bilag"]


def test_plain_portal_page_variant():
    [m] = _read(VARIANTS, "portal-teknik-og-miljoe.html", "index.html")
    assert (m.body, m.date, m.time, m.location) == (
        "Teknik- og Miljøudvalget", "2026-02-04", "16:00", "Rådhuset, lokale 1.12")
    assert [(i.title, i.case_number) for i in m.items] == [
        ("Godkendelse af dagsorden", "26/00123"), ("Ny affaldsordning for sommerhuse", "25/04567")]
    assert m.items[1].attachments == ["Indstilling", "Bilag 1: Takstblad 2026"]
    assert m.items[1].decision == "Anbefales over for Byrådet."


def test_sbsys_variant():
    [m] = _read(VARIANTS, "sbsys-skolebestyrelse.txt", "referat(2).txt")
    assert (m.body, m.date, m.time, m.location) == (
        "Skolebestyrelsen Vestskolen", "2024-03-12", "17:00", "Personalerummet, Vestskolen")
    assert m.absentees == ["Ole Berg"]
    assert m.participants == ["Mette Lund", "Sara Holm"]  # (listed under »Deltagere« too, but away)
    assert [i.title for i in m.items] == ["Budget for skoleåret 2024/25 og ferieplan", "Trivselsmåling", "Eventuelt"]
    assert m.items[0].decision == "Budgettet blev taget til efterretning.\n\nFerieplanen blev godkendt."
    assert m.items[2].decision == "Intet."


def test_punkt_style_variant_with_case_number_forms():
    [m] = _read(VARIANTS, "punkt-style-kultur.txt", "dagsorden.txt")
    assert (m.body, m.date, m.time, m.location) == (
        "Kultur- og Fritidsudvalget", "2024-05-14", "15:30", "Rådhuset, mødelokale 3")
    assert [(i.case_number, i.closed) for i in m.items] == [
        ("22/12345", False), ("S2023-12345", False), ("00.01.10-A00-2-23", False), ("21-016102", True)]
    assert m.items[2].decision == "Godkendt."  # the »Lukket punkt« marker belongs to the next item


@pytest.mark.parametrize("line, number", [
    ("00.01.10-A00-2-23", "00.01.10-A00-2-23"), ("EMN-2025-003383", "EMN-2025-003383"),
    ("22/12345", "22/12345"), ("S2023-12345", "S2023-12345"), ("21-016102", "21-016102"),
    ("2012-28504", "2012-28504"), ("Sagsnr.: 12/27845", "12/27845"),
    ("Sagsnummer 27.00.00-A00-1-24", "27.00.00-A00-1-24"),
    ("Sags-ID: EMN-2024-01234", "EMN-2024-01234"),
    ("Sagsid: 22/12345", "22/12345"),
])
def test_case_number_forms(line, number):
    m = CASE_NUMBER.match(line)
    assert m and (m.group("n") or m.group("bare")) == number


@pytest.mark.parametrize("line", ["Godkendt.", "2025", "1. oktober 2025", "Bilag 1: Notat",
                                  "Sagsidentifikation sker ved opstart", "Sagsnummeret blev ændret"])
def test_text_is_not_a_case_number(line):
    assert CASE_NUMBER.match(line) is None


# -- committee from the document, never from a generic file name ------------------------------------
@pytest.mark.parametrize("name", ["document.pdf", "referat.pdf", "Dagsorden (3).pdf", "download.html", "1552814.PDF",
                                  "9caa4ffc-18f1-4f62-8301.json", "referat_2025-08-27.pdf"])
def test_generic_file_names_are_no_committee(name):
    assert body_from_source(name) is None


def test_a_committee_named_in_the_file_name_is_the_last_resort():
    assert body_from_source("kdnet-2022-02-11-referat.txt") == "KD-Net"
    assert body_from_source("Referat_Byråd_den_27-08-2025.pdf") == "Byråd"


def test_minutes_without_a_committee_and_a_generic_name_are_refused():
    text = "Referat\n\n12. marts 2025\n\n1. Godkendelse af dagsorden\nSagsnr.: 25/1\nBeslutning\nGodkendt.\n"
    with pytest.raises(ReaderError, match="could not find the committee"):
        read_meetings(text.encode(), "document.txt")
    [m] = read_meetings(text.replace("Referat\n", "Referat\nTeknisk Udvalg\n").encode(), "document.txt")
    assert m.body == "Teknisk Udvalg"


def test_docx_items_marked_lukket_punkt_are_closed():
    import io

    from docx import Document

    doc = Document()
    for text in ("Referat", "Social- og Sundhedsudvalget", "Torsdag den 5. marts 2026", "Kl. 14:00", "Rådhuset"):
        doc.add_paragraph(text)
    doc.add_heading("1.\tGodkendelse af dagsorden", level=1)
    doc.add_paragraph("Sagsnr.: 26/00001")
    doc.add_heading("Beslutning", level=2)
    doc.add_paragraph("Godkendt.")
    doc.add_heading("2.\tAnbringelse af et barn", level=1)
    doc.add_paragraph("Lukket punkt")
    doc.add_heading("Beslutning", level=2)
    doc.add_paragraph("Godkendt.")
    doc.add_heading("3.\tLukket punkt: Personalesag", level=1)
    buffer = io.BytesIO()
    doc.save(buffer)
    [m] = read_meetings(buffer.getvalue(), "referat.docx")
    assert (m.body, m.date, m.time) == ("Social- og Sundhedsudvalget", "2026-03-05", "14:00")
    assert [(i.number, i.closed) for i in m.items] == [(1, False), (2, True), (3, True)]


def test_a_decision_in_capitals_is_the_decision_not_a_heading_lost():
    """»GODKENDT« under »Beslutning«, and »V OG DF STEMTE IMOD« after the decision at an item's end: an
    all-caps line with nothing under it is text (such lines went missing, not even listed as dropped)."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    capitals = text.replace("Dagsordenen blev godkendt.", "GODKENDT").replace(
        "Godkendt.\nSide 2 af 3", "GODKENDT\nV OG DF STEMTE IMOD\nSide 2 af 3")
    assert capitals.count("GODKENDT") == 2
    [meeting] = inspect_document(capitals.encode(), path.name).meetings
    first, third = meeting.items[0].decision, meeting.items[2].decision
    assert first == "GODKENDT" and "GODKENDT" in third and "V OG DF STEMTE IMOD" in third
    [before] = inspect_document(text.encode(), path.name).meetings
    assert [(i.number, i.title) for i in meeting.items] == [(i.number, i.title) for i in before.items]


def test_a_decision_in_capitals_before_the_bilag_is_the_decision():
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    assert text.count("Forslaget blev forkastet med 20 stemmer mod 9.") == 1
    capitals = text.replace("Forslaget blev forkastet med 20 stemmer mod 9.\nBESLUTNINGSFORSLAG FRA ENHEDSLISTEN\n"
                            "Enhedslisten foreslår, at byrådet vedtager en klimaplan for trafikken.\n"
                            "Forslagsstillerne begrunder det med, at busserne er for langsomme.\n",
                            "FORSLAGET BLEV FORKASTET\nA OG V STEMTE IMOD\n")
    assert capitals != text
    [meeting] = inspect_document(capitals.encode(), path.name).meetings
    second = meeting.items[1]
    assert second.decision == "FORSLAGET BLEV FORKASTET\n\nA OG V STEMTE IMOD"
    assert [s.heading for s in second.sections if s.kind is SectionKind.ATTACHMENTS] == ["Bilag"]


@pytest.mark.parametrize("form", ["Pkt. {n} {title}", "PKT. {n}  {title}"])
def test_items_numbered_pkt_are_items(form):
    """(»PKT. 1  BUDGETOPFØLGNING«, in capitals, was refused: no items found)"""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    [before] = inspect_document(text.encode(), path.name).meetings
    pkt = "\n".join(form.format(n=line[:1], title=line[3:]) if line[:1].isdigit() and line[1:3] == ". " else line
                    for line in text.split("\n"))
    assert pkt.upper().count("PKT. ") == 4
    [meeting] = inspect_document(pkt.encode(), path.name).meetings
    assert what_was_read([meeting]) == what_was_read([before])


@pytest.mark.parametrize("form", ["PUNKT {n}: {title}", "Punkt nr. {n}: {title}", "Dagsordenspunkt {n}: {title}",
                                  "Punkt {n} – {title}", "Punkt {n} - {title}", "Punkt {n}\n{title}"])
def test_items_headed_in_other_punkt_forms_read_as_punkt_n_colon(form):
    """Other municipalities head items »PUNKT 1:«, »Punkt nr. 1:«, »Dagsordenspunkt 1:«, »Punkt 1 – …« or with
    »Punkt 1« on a line of its own: the file was refused (no items found), or the title began with the dash."""
    path = VARIANTS / "punkt-style-kultur.txt"
    text = path.read_text(encoding="utf-8")
    [before] = inspect_document(text.encode(), path.name).meetings
    headings = re.compile(r"^Punkt (\d+): (.+)$", re.MULTILINE)
    assert len(headings.findall(text)) == 4
    written = headings.sub(lambda m: form.format(n=m.group(1), title=m.group(2)), text)
    [meeting] = inspect_document(written.encode(), path.name).meetings
    assert what_was_read([meeting]) == what_was_read([before])


def test_a_case_number_label_left_empty_is_no_case_number():
    """A template's »Sagsnr.:« with nothing after it gave the case number »:«."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    reading = inspect_document(text.replace("EMN-2025-000101", "Sagsnr.:").encode(), path.name)
    [before] = inspect_document(text.encode(), path.name).meetings
    first = reading.meetings[0].items[0]
    assert first.case_number is None and "Sagsnr.:" in [d.text for d in reading.dropped]
    assert [i.case_number for i in reading.meetings[0].items[1:]] == [i.case_number for i in before.items[1:]]


def test_the_headings_of_the_open_and_closed_parts_are_no_name_or_title():
    """»Åbne punkter« under »Afbud: …« was read as an absentee, and »Lukkede punkter« under a title-only item
    as the rest of its title."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    parts = text.replace("Afbud: Dorte Madsen\n", "Afbud: Dorte Madsen\nÅbne punkter\n").replace(
        "EMN-2025-004711\nIndstilling\nDirektøren indstiller, at klimaregnskabet godkendes.\nBeslutning\nGodkendt.\n"
        "Side 2 af 3\n", "Lukkede punkter\n")
    assert parts.count("Lukkede punkter") == 1 and parts.count("Åbne punkter") == 1
    [meeting] = inspect_document(parts.encode(), path.name).meetings
    [before] = inspect_document(text.encode(), path.name).meetings
    assert meeting.absentees == before.absentees == ["Dorte Madsen"]
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (i.number, i.title, i.closed) for i in before.items]
