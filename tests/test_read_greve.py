"""Greve's FirstAgenda JSON reader, checked against the raw JSON of the real corpus."""
from __future__ import annotations

import copy
import json
import re
from html import escape
from pathlib import Path

import pytest

from corpus.coverage import coverage
from corpus.model import Meeting, SectionKind
from corpus.readers import ReaderError, inspect_document, read_meetings
from corpus.readers.greve_json import read
from corpus.sections import known_heading

GREVE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "greve"
QUESTIONS = GREVE / ".Spørgsmål "  # the folder name ends in a space, as published

greve = pytest.mark.greve  # only the tests that read the corpus


def _corpus() -> Path:
    if not GREVE.is_dir():
        pytest.skip(f"Greve corpus not found at {GREVE}")
    return GREVE


def _file(prefix: str) -> Path:
    matches = sorted(_corpus().glob(f"{prefix}*.json"))
    assert len(matches) == 1, prefix
    return matches[0]


def _meeting(prefix: str) -> Meeting:
    path = _file(prefix)
    [meeting] = read(path.read_bytes(), path.name)
    return meeting


def _section(meeting: Meeting, number: int, heading: str) -> str:
    item = next(i for i in meeting.items if i.number == number)
    return next(s.text for s in item.sections if s.heading == heading)


@pytest.fixture(scope="module")
def corpus_files() -> list[Path]:
    return sorted(_corpus().glob("*.json"))


@pytest.fixture(scope="module")
def all_meetings(corpus_files: list[Path]) -> list[Meeting]:
    return [m for path in corpus_files for m in read(path.read_bytes(), path.name)]


@greve
def test_meeting_facts():
    m = _meeting("Beskæftigelses- og Erhvervsudvalget_2022-01-10")
    assert (m.body, m.date, m.time, m.location) == (
        "Beskæftigelses- og Erhvervsudvalget", "2022-01-10", "08:00", "Mødelokale 1")
    assert m.participants == ["Anne Marie Lyduch", "Per Lund Sørensen", "Lone Mortensen", "Charlotte Levin",
                              "Maria Witthøft"]
    assert m.absentees == []
    assert m.source.startswith("Beskæftigelses- og Erhvervsudvalget_2022-01-10T08:00:00+01:00")
    assert m.id == "beskaeftigelses-og-erhvervsudvalget-2022-01-10-0800"
    assert [i.number for i in m.items] == list(range(1, 10))


@greve
def test_local_time_is_kept_and_absentees_are_split_off():
    # Dato is 2022-06-20T17:00:00+02:00: 17:00 local (15:00 UTC); 1 of 21 members has Absent/Cancelled set.
    m = _meeting("Byråd 2022-2025_2022-06-20")
    assert (m.body, m.date, m.time, m.location) == ("Byråd 2022-2025", "2022-06-20", "17:00", "Byrådssalen")
    assert m.absentees == ["Heidi Serny Jacobsen"]
    assert len(m.participants) == 20 and "Heidi Serny Jacobsen" not in m.participants


@greve
def test_item_with_decision_recommendation_and_attachment():
    m = _meeting("Beskæftigelses- og Erhvervsudvalget_2022-01-10")
    item = m.items[2]
    assert (item.number, item.title, item.case_number, item.closed, item.presenter) == (
        3, "Drøftelse af udvalgets årsplan", "21-016162", False, None)
    assert item.attachments == ["Bilag_Plan Beskæftigelses Erhvervsudvalget"]
    assert item.text_of(SectionKind.ATTACHMENTS) == "Bilag_Plan Beskæftigelses Erhvervsudvalget"
    # Four <div>s under <h3>Beslutning</h3> -> four paragraphs.
    assert item.decision == (
        "Udvalget drøftede årsplanen, og ønsker et ekstra fokus på borgere med psykiske- og kroniske lidelser.\n\n"
        "Udvalget ønsker inden sommerferien at mødes med repræsentanter for Erhvervscentrets bestyrelse og "
        "Greve Solrød Erhverv.\n\n"
        "Dansk Industri (DI) og Små og Mellemstore Virksomheder i Danmark (SMV) undersøgelser ønskes forelagt "
        "udvalget til september 2022.\n\n"
        "Udvalget vil tilrettelægge en dag med besøg på forskellige virksomheder.")
    # Two <em> runs joined; "Sagsprocedure" is not a known kind and stays OTHER with its heading.
    assert item.text_of(SectionKind.RECOMMENDATION).startswith(
        "Center for Politik, Organisation & Borgerbetjening indstiller at udvalget drøfter den vedlagte plan")
    assert [(s.kind, s.heading) for s in item.sections][:3] == [
        (SectionKind.DECISION, "Beslutning"), (SectionKind.OTHER, "Sagsprocedure"), (SectionKind.SUMMARY, "Resume")]


@greve
def test_heading_split_by_markup_is_one_heading():
    # Item 1 has <h3><b>I</b>ndstilling</h3>.
    m = _meeting("Beskæftigelses- og Erhvervsudvalget_2022-01-10")
    assert m.items[0].text_of(SectionKind.RECOMMENDATION) == (
        "Center for Politik, Organisation & Borgerbetjening indstiller, at dagsordenen godkendes.")


@greve
def test_a_decision_dated_at_another_meeting_is_the_cases_history():
    # The city council's item carries the committees' decisions of October before its own.
    m = _meeting("Byråd 2022-2025_2025-01-29")
    item = next(i for i in m.items if i.number == 22)
    kinds = {s.heading: s.kind for s in item.sections}
    assert [h for h, k in kinds.items() if k is SectionKind.DECISION] == ["Beslutning"]
    assert kinds["Beslutning i Økonomiudvalget den 30. oktober 2024"] is SectionKind.OTHER
    assert item.decision and item.decision != _section(m, 22, "Beslutning i Økonomiudvalget den 30. oktober 2024")


@greve
@pytest.mark.parametrize("after_label", [" ", "<br>"], ids=["same-line", "next-line"])
def test_a_bold_label_opening_a_paragraph_heads_its_section(after_label):
    """Fields written as »<p><strong>Indstilling:</strong> Administrationen indstiller …</p>« (an editor's
    bold label, not a heading element) read as the same sections as the export's h3 headings."""
    def labelled(section, paragraphs: list[str]) -> str:
        first, *rest = paragraphs
        return f"<p><strong>{section.heading}:</strong>{after_label}{first}</p>" + "".join(f"<p>{p}</p>" for p in rest)

    assert_reads_the_same_rewritten(labelled)


def assert_reads_the_same_rewritten(write) -> None:
    """A Greve file whose fields are written again, each section with a heading of its own kind by `write(section,
    paragraphs)` (the others as the export's h3 headings), reads as the same sections (tables: no tabs)."""
    path = _file("Beskæftigelses- og Erhvervsudvalget_2022-01-10")
    [meeting] = read(path.read_bytes(), path.name)
    doc = json.loads(path.read_bytes())
    written = 0
    for raw, item in zip(doc["Dagsordenpunkter"], meeting.items):
        html = []
        for section in (s for s in item.sections if s.kind is not SectionKind.ATTACHMENTS):
            paragraphs = [escape(p).replace("\n", "<br>") for p in section.text.split("\n\n")]
            if section.kind is SectionKind.OTHER or known_heading(section.heading) is None:  # (a case subheading)
                html.append(f"<h3>{section.heading}</h3>" + "".join(f"<p>{p}</p>" for p in paragraphs))
            else:
                written += 1
                html.append(write(section, paragraphs))
        raw["Felter"] = [{"Navn": "", "Html": "".join(html)}]
    [again] = read(json.dumps(doc).encode(), path.name)
    assert written >= 10
    assert [[(s.kind, s.heading, s.text.split()) for s in i.sections] for i in again.items] == [
        [(s.kind, s.heading, s.text.split()) for s in i.sections] for i in meeting.items]


@greve
@pytest.mark.parametrize("wrap", ["<span>{}</span>", "<em>{}</em>", "<span><em>{}</em></span>"])
def test_a_heading_made_bold_inside_an_editors_inline_styling_heads_its_section(wrap):
    """»<p><span><strong>Indstilling</strong></span></p>«, as another municipality's editor styles a heading:
    before, only a bold paragraph's direct child counted, and the sections after it fell into the one above."""
    assert_reads_the_same_rewritten(lambda section, paragraphs: "<p>" + wrap.format(
        f"<strong>{section.heading}</strong>") + "</p>" + "".join(f"<p>{p}</p>" for p in paragraphs))


@pytest.mark.parametrize("heading, kind", [
    ("Direktørens indstilling", SectionKind.RECOMMENDATION), ("Forslag til indstilling", SectionKind.RECOMMENDATION),
    ("Administrationens anbefaling", SectionKind.RECOMMENDATION), ("Anbefaling", SectionKind.RECOMMENDATION),
    ("Sagsresumé", SectionKind.SUMMARY), ("Problemstilling", SectionKind.CASE), ("Sagens baggrund", SectionKind.CASE),
])
def test_other_names_of_the_sections_read_as_their_kind(heading, kind):
    """Headings other municipalities use (Greve's own »Administrationens anbefaling« 13 times) were OTHER."""
    html = f"<h3>{heading}</h3><p>Teksten under overskriften.</p><h3>Beslutning</h3><p>Godkendt.</p>"
    [m] = read(_with_fields({"Html": html}), "x.json")
    assert [(s.kind, s.heading) for s in m.items[0].sections] == [(kind, heading), (SectionKind.DECISION, "Beslutning")]


@pytest.mark.parametrize("caption, closed", [
    ("Lukket punkt: Køb af ejendom", True), ("Personalesag (lukket)", True), ("Salg af grund (Lukket punkt)", True),
    ("LUKKET - Salg af grund", True), ("Lukkeperioder i daginstitutioner", False),
    ("Status på lukket afdeling (bilag)", False)])
def test_a_caption_marked_lukket_at_either_end_is_a_closed_item(caption, closed):
    """»Personalesag (lukket)« was an open item: only a caption opening with »Lukket« counted."""
    def change(doc):
        doc["Dagsordenpunkter"][0]["Caption"] = caption
    [m] = read(_with(change), "x.json")
    assert m.items[0].closed is closed


def test_a_field_written_as_plain_text_is_read_and_counted():
    """A field with `Tekst` and no `Html` was dropped without a word, and `inspect` called the file whole."""
    data = _with_fields(
        {"Navn": "Sagsfremstilling", "Html": None, "Tekst": "Ny affaldsordning indføres.\nFra 1. maj."},
        {"Navn": "Beslutning", "Html": None, "Tekst": "Taget til efterretning."})
    [m] = read(data, "x.json")
    assert [(s.kind, s.heading, s.text) for s in m.items[0].sections] == [
        (SectionKind.CASE, "Sagsfremstilling", "Ny affaldsordning indføres.\nFra 1. maj."),
        (SectionKind.DECISION, "Beslutning", "Taget til efterretning.")]
    reading = inspect_document(data, "x.json")
    assert "affaldsordning" in reading.text and coverage(reading).ratio == 1.0


def test_a_field_without_paragraphs_is_cut_at_its_bold_section_names():
    """»<strong>Indstilling</strong><br>…<br><strong>Beslutning</strong><br>Godkendt.« (no <p>) was one section."""
    [m] = read(_with_fields({"Html": (
        "<strong>Indstilling</strong><br>Administrationen indstiller, at planen godkendes.<br>"
        "Teksten fortsætter med <strong>Beslutning</strong> midt i en linje.<br>"
        "<strong>Beslutning</strong><br>Godkendt.")}), "x.json")
    assert [(s.kind, s.heading) for s in m.items[0].sections] == [
        (SectionKind.RECOMMENDATION, "Indstilling"), (SectionKind.DECISION, "Beslutning")]
    assert "med Beslutning midt i en linje" in m.items[0].sections[0].text


def test_a_subheading_the_table_does_not_know_goes_on_with_the_case_description():
    """Greve's case descriptions have subheadings of their own (»Garantiprovision«, »Risici ved …«): they were
    OTHER, so a section filter on Sagsfremstilling missed their text. A known heading ends the run."""
    [m] = read(_with_fields({"Html": (
        "<h3>Sagsbeskrivelse</h3><p>Selskabet søger garanti.</p><h3>Garantiprovision</h3><p>Provisionen er "
        "0,5 pct.</p><h3>Risici ved selskabet</h3><p>Lav risiko.</p><h3>Økonomiske konsekvenser</h3><p>Ingen."
        "</p><h3>Tidligere behandling</h3><p>Ingen.</p><h3>Beslutning</h3><p>Godkendt.</p>")}), "x.json")
    assert [(s.kind, s.heading) for s in m.items[0].sections] == [
        (SectionKind.CASE, "Sagsbeskrivelse"), (SectionKind.CASE, "Garantiprovision"),
        (SectionKind.CASE, "Risici ved selskabet"), (SectionKind.OTHER, "Økonomiske konsekvenser"),
        (SectionKind.OTHER, "Tidligere behandling"), (SectionKind.DECISION, "Beslutning")]


@greve
def test_the_case_descriptions_subheadings_in_greve_are_case_text():
    m = _meeting("Økonomiudvalget_2022-08-29")
    item = next(i for i in m.items if i.number == 19)
    kinds = {s.heading: s.kind for s in item.sections}
    assert kinds["Garantiprovision"] is kinds["Projektets risici"] is SectionKind.CASE
    assert kinds["Økonomiske konsekvenser"] is kinds["Sagens forløb"] is SectionKind.OTHER


def test_a_bold_subheading_ending_in_beslutning_is_no_decision():
    """»Initiativer som kræver politisk beslutning« heads case text; »Testudvalgets beslutning«, in the
    Testudvalg's minutes, is one."""
    [m] = read(_with_fields({"Html": (
        "<h3>Sagsbeskrivelse</h3><p>Planen har tre dele.</p><p><strong>Initiativer som kræver politisk "
        "beslutning</strong></p><p>To initiativer.</p><h3>Testudvalgets beslutning</h3><p>Godkendt.</p>")}),
        "x.json")
    kinds = [(s.kind, s.heading) for s in m.items[0].sections]
    assert (SectionKind.DECISION, "Initiativer som kræver politisk beslutning") not in kinds
    assert m.items[0].decision == "Godkendt."


@greve
def test_lines_made_bold_with_nothing_under_them_stay_text():
    """An editor's bold lines read as headings with nothing under them, and were lost: the Valdemarsdag list
    of who comes from which home, and »Sagsprocedure« with the committees that take the case."""
    m = _meeting("Sundheds- og Omsorgsudvalget_2025-04-28")
    item = next(i for i in m.items if i.number == 10)
    text = "\n".join(f"{s.heading}\n{s.text}" for s in item.sections)
    for line in ("Deltagerliste til Valdemarsdag", "Nældebjerg: Liselott", "Møllehøj: Lone og John",
                 "Fribo Greve: Pernille", "Charlotte afklares"):
        assert line in text
    council = _meeting("Byråd 2022-2025_2023-06-19")
    assert _section(council, 40, "Sagsprocedure") == "Skole-, Børne- og Ungeudvalget, Økonomiudvalget og Byrådet"


@greve
def test_a_templates_headings_with_nothing_under_them_stay_out():
    path = _file("Beskæftigelses- og Erhvervsudvalget_2022-01-10")
    doc = json.loads(path.read_bytes())
    doc["Dagsordenpunkter"][0]["Felter"] = [{"Navn": "", "Html": (
        "<h3>Tidsplan</h3><h3>Lovgrundlag</h3><h3>Indstilling</h3><p>Administrationen indstiller, at …</p>"
        "<h3>Økonomiske konsekvenser</h3><h3>Beslutning</h3><p>Godkendt.</p>")}]
    [meeting] = read(json.dumps(doc).encode(), path.name)
    assert [(s.heading, s.text) for s in meeting.items[0].sections] == [
        ("Indstilling", "Administrationen indstiller, at …"), ("Beslutning", "Godkendt.")]


@greve
def test_a_fields_name_heads_the_text_before_its_first_heading_and_a_null_number_falls_back():
    path = _file("Beskæftigelses- og Erhvervsudvalget_2022-01-10")
    doc = json.loads(path.read_bytes())
    first = doc["Dagsordenpunkter"][0]
    first["Felter"] = [{"Navn": "Resume", "Html": "<div>Godkendelse af dagsorden.</div>"},
                       {"Navn": "Indstilling", "Html": "<p>Det indstilles, at dagsordenen godkendes.</p>"}]
    first["Punktnummer"], first["Number"] = first["Number"], None
    [meeting] = read(json.dumps(doc).encode(), path.name)
    item = meeting.items[0]
    assert item.number == int(first["Punktnummer"])
    assert [(s.kind, s.heading) for s in item.sections] == [(SectionKind.SUMMARY, "Resume"),
                                                           (SectionKind.RECOMMENDATION, "Indstilling")]


@greve
def test_closed_item_publishes_only_its_decision():
    # Html is <p class="xsltFirstParagraph">Der har ikke v&aelig;ret nogen henvendelser.</p><p>&nbsp;</p>
    m = _meeting("Beskæftigelses- og Erhvervsudvalget_2022-11-14")
    item = next(i for i in m.items if i.number == 9)
    assert item.closed and item.title == "Lukket: Henvendelser til formanden"
    assert [(s.kind, s.heading, s.text) for s in item.sections] == [
        (SectionKind.DECISION, "", "Der har ikke været nogen henvendelser.")]


@greve
def test_caption_echo_template_gives_decision_without_caption():
    # Html starts "Godkendelse af dagsorden" (the caption again), then <p>Godkendt.</p>, then <h2> sections.
    m = _meeting("Beskæftigelses- og Erhvervsudvalget_2023-01-09")
    item = m.items[0]
    assert (item.title, item.case_number, item.decision) == ("Godkendelse af dagsorden", "21-014448", "Godkendt.")
    assert _section(m, 1, "Resume") == "Godkendelse af dagsorden for mødet den 9. januar 2023."


@greve
def test_list_items_become_dash_lines():
    m = _meeting("Beskæftigelses- og Erhvervsudvalget_2022-04-25")
    assert _section(m, 2, "Lovgrundlag") == (
        "- Lov om Aktiv Socialpolitik.\n- Lov om Aktiv Beskæftigelsespolitik.\n- Sygedagpengeloven.")


@greve
def test_table_rows_are_tab_separated_lines():
    m = _meeting("Beskæftigelses- og Erhvervsudvalget_2023-02-06")
    assert _section(m, 2, "Tidsplan").split("\n") == [
        "Dato\tProces",
        "6. februar 2023\t2. behandling i fagudvalg",
        "10. februar- 17. marts 2023\tHøringsperiode",
        "24. april 2023\t3 behandling i fagudvalg",
        "15. maj 2023\tEndelig godkendelse af alle de otte borgerrettede politikker i byrådet",
    ]


@greve
def test_every_file_reads_and_item_total_matches_raw_json(corpus_files, all_meetings):
    raw_total = sum(len(json.loads(p.read_bytes())["Dagsordenpunkter"]) for p in corpus_files)
    assert len(corpus_files) == 369
    assert sum(len(m.items) for m in all_meetings) == raw_total == 5549


@greve
def test_ids_do_not_collide(all_meetings):
    ids = [m.id for m in all_meetings]
    assert len(set(ids)) == len(ids)
    for m in all_meetings:
        numbers = [i.number for i in m.items]
        assert len(set(numbers)) == len(numbers), m.source


@greve
def test_no_html_or_entities_left_in_text(all_meetings):
    tag = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
    entity = re.compile(r"&(#\d+|[a-zA-Z]+);")
    for m in all_meetings:
        for item in m.items:
            for s in item.sections:
                assert not tag.search(s.text) and not entity.search(s.text), (m.source, item.number, s.heading)
                assert s.text == s.text.strip() and "\n\n\n" not in s.text and "\xa0" not in s.text


@greve
def test_closed_flag_follows_caption_not_isopen(corpus_files, all_meetings):
    # IsOpen is False on every raw item, so it cannot be what marks closed items.
    raw_items = [it for p in corpus_files for it in json.loads(p.read_bytes())["Dagsordenpunkter"]]
    assert {it["IsOpen"] for it in raw_items} == {False}
    closed = [i for m in all_meetings for i in m.items if i.closed]
    assert len(closed) == sum(it["Caption"].strip().lower().startswith("lukket") for it in raw_items)
    assert all(i.decision for i in closed)


@greve
def test_question_files_in_hidden_folder_read_as_attachment_lists():
    if not QUESTIONS.is_dir():
        pytest.skip("no .Spørgsmål folder")
    for path in sorted(QUESTIONS.glob("*.json")):
        raw = json.loads(path.read_bytes())
        [m] = read(path.read_bytes(), path.name)
        assert m.body == raw["Udvalg"]["Navn"]
        [item] = m.items
        assert item.attachments == [" ".join(b["Navn"].split()) for b in raw["Dagsordenpunkter"][0]["Bilag"]]
        assert [s.kind for s in item.sections] == [SectionKind.ATTACHMENTS]


# Bad input: always a ReaderError with a message, never a KeyError/TypeError.

def _minimal() -> dict:
    return {
        "Udvalg": {"Navn": "Testudvalget"},
        "Moede": {"Dato": "2024-05-01T16:00:00+02:00", "Sted": "Rådhuset", "Afsluttet": True,
                  "Moededeltagere": [{"Name": "A. Person", "Absent": False, "ParticipationCancelled": True}]},
        "Dagsordenpunkter": [{"Number": "1", "Caption": "Punkt", "CaseNumber": "", "Bilag": [],
                              "Felter": [{"Html": "<h3>Beslutning</h3><p>Godkendt.</p>"}]}],
    }


def _with(change) -> bytes:
    doc = copy.deepcopy(_minimal())
    change(doc)
    return json.dumps(doc).encode()


def _with_fields(*fields: dict) -> bytes:
    """The minimal export with its item's fields (`Felter`) as given."""
    def change(doc):
        doc["Dagsordenpunkter"][0]["Felter"] = list(fields)
    return _with(change)


def test_minimal_export_reads():
    [m] = read(json.dumps(_minimal()).encode(), "x.json")
    assert (m.date, m.time, m.absentees, m.participants) == ("2024-05-01", "16:00", ["A. Person"], [])
    assert (m.items[0].case_number, m.items[0].decision) == (None, "Godkendt.")


@pytest.mark.parametrize("caption", ["Fortroligt: Salg af grund", "Lukket: Salg af grund",
                                     "Salg af grund (lukket)", "Salg af grund (Fortroligt)"])
def test_a_caption_marked_closed_in_any_of_its_words_closes_the_item(caption):
    def change(doc):
        doc["Dagsordenpunkter"][0]["Caption"] = caption
    [m] = read(_with(change), "x.json")
    assert m.items[0].closed and m.items[0].title == caption


def test_an_item_added_under_a_lettered_number_is_kept_after_the_agenda():
    """A tillægspunkt numbered »3a« made the whole meeting refused (»not a whole item number«): every item lost."""
    def change(doc):
        first = doc["Dagsordenpunkter"][0]
        added = dict(first, Number="1a", Caption="Tillægspunkt: Vinterbad",
                     Felter=[{"Html": "<h3>Beslutning</h3><p>Anbefales.</p>"}])
        doc["Dagsordenpunkter"] = [first, added, dict(first, Number="2", Caption="Eventuelt")]
    [m] = read(_with(change), "x.json")
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Punkt"), (2, "Eventuelt"), (3, "Tillægspunkt: Vinterbad (punkt 1a)")]
    assert m.items[2].decision == "Anbefales."


def test_an_item_number_that_is_no_number_still_gets_a_clear_error():
    def change(doc):
        doc["Dagsordenpunkter"][0]["Number"] = "tre"
    with pytest.raises(ReaderError, match=r"Number 'tre' is not a whole item number"):
        read(_with(change), "x.json")


@pytest.mark.parametrize("data", [
    b"not json at all",
    b"\xff\xfe\x00garbage",
    b"{}",
    b"[]",
    b"[1, 2, 3]",
    b'"a string"',
    b'{"Udvalg": {}, "Moede": {}, "Dagsordenpunkter": []}',
    _with(lambda d: d.update(Udvalg="Testudvalget")),
    _with(lambda d: d.update(Moede=None)),
    _with(lambda d: d["Moede"].update(Dato="yesterday")),
    _with(lambda d: d["Moede"].update(Dato=20240501)),
    _with(lambda d: d["Moede"].update(Moededeltagere=["A. Person"])),
    _with(lambda d: d["Moede"].update(Moededeltagere={"Name": "x"})),
    _with(lambda d: d.update(Dagsordenpunkter={"1": {}})),
    _with(lambda d: d["Dagsordenpunkter"].append("punkt 2")),
    _with(lambda d: d["Dagsordenpunkter"][0].pop("Number")),
    _with(lambda d: d["Dagsordenpunkter"][0].update(Number="a1")),
    _with(lambda d: d["Dagsordenpunkter"][0].update(Number="²")),  # a digit to isdigit(), not to int()
    _with(lambda d: d["Dagsordenpunkter"][0].update(Caption=["x"])),
    _with(lambda d: d["Dagsordenpunkter"][0].update(Felter=[{"Html": 5}])),
    _with(lambda d: d["Dagsordenpunkter"][0].update(Bilag=[{"Navn": 7}])),
    _with(lambda d: d["Dagsordenpunkter"].append(copy.deepcopy(d["Dagsordenpunkter"][0]))),
])
def test_bad_input_raises_reader_error(data: bytes):
    with pytest.raises(ReaderError) as info:
        read(data, "bad.json")
    assert re.match(r"(not valid JSON|not an agenda export|item number \d+ appears twice)", str(info.value))


def test_dispatcher_refuses_export_without_items():
    with pytest.raises(ReaderError, match="no agenda items"):
        read_meetings(_with(lambda d: d.update(Dagsordenpunkter=[])), "empty.json")


@greve
def test_a_committee_name_no_committee_has_gives_a_bounded_id():
    # a 5,000-character committee name made a 10,000-character meeting id, in every URL of its items
    path = _file("Beskæftigelses- og Erhvervsudvalget_2022-01-10")
    doc = json.loads(path.read_bytes())
    ids = []
    for filler in ("Beskæftigelses- og Erhvervsudvalget " * 150, "Beskæftigelses- og Erhvervsudvalget " * 151):
        doc["Udvalg"]["Navn"] = filler.strip()
        [meeting] = read(json.dumps(doc).encode(), path.name)
        assert meeting.body == filler.strip()
        ids.append(meeting.id)
    assert all(len(i) < 120 for i in ids) and ids[0] != ids[1]
    [real] = read(path.read_bytes(), path.name)
    assert real.id == "beskaeftigelses-og-erhvervsudvalget-2022-01-10-0800"
