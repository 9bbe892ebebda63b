"""Section headings in the wordings other municipalities use read as their kind, whatever the tag, and a known
heading without a kind of its own (»Økonomi«) closes the section before it also when a heading's element writes
it with a colon.

Found by rewriting Greve's agenda JSON as other publishers write it (2026-12-04): »Økonomiudvalgets
indstilling«, »Indstilling fra direktionen«, »Kort resumé« and »Beslutningstekst« were read as case text or
OTHER, and »<h3>Økonomi:</h3>« after the case description ran on as case text. Later that day, by the same
rewriting: »Beslutning/referat«, »Administrationens vurdering«, »Redegørelse«, »Baggrund for sagen«,
»Bevillingsmæssige konsekvenser«, »Næste skridt« and »Beslutningskompetence« (each a heading Danish minutes use)
ran on as the section before's text; in typed minutes, the line under »Beslutning« too.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.model import SectionKind
from corpus.readers import read_meetings

LAYOUTS = Path(__file__).parent / "layouts"
MEETING = Path(__file__).parent / "closed_fixture" / "Økonomiudvalget_2024-01-15T16:00:00+01:00_a0.json"
CASE = "<h3>Sagsfremstilling</h3><p>Økonomiudvalget godkender, at den tidligere skole udbydes til salg i offentligt udbud.</p>"


def sections_of(html: str) -> list[tuple[SectionKind, str, str]]:
    data = json.loads(MEETING.read_text(encoding="utf-8"))
    first = data["Dagsordenpunkter"][0]
    assert CASE in first["Felter"][0]["Html"]
    first["Felter"][0]["Html"] = html
    meeting = read_meetings(json.dumps(data, ensure_ascii=False).encode("utf-8"), MEETING.name)[0]
    return [(s.kind, s.heading, s.text) for s in meeting.items[0].sections]


@pytest.mark.parametrize(("heading", "kind"), [
    ("Økonomiudvalgets indstilling", SectionKind.RECOMMENDATION),
    ("Udvalgets indstilling", SectionKind.RECOMMENDATION),
    ("Indstilling fra direktionen", SectionKind.RECOMMENDATION),
    ("Kort resumé", SectionKind.SUMMARY),
    ("Beslutningstekst", SectionKind.DECISION),
    ("Beslutning/referat", SectionKind.DECISION),
    ("Bevillingsmæssige konsekvenser", SectionKind.OTHER),
    ("Næste skridt", SectionKind.OTHER),
    ("Beslutningskompetence", SectionKind.OTHER),
    # (probes of web pages and Word and typed minutes, 2026-12-05: »Forslag« ran on as the case text or was
    # OTHER, »Konklusion« was no decision, a »Drøftelse« ran on as the section before's text)
    ("Forslag", SectionKind.RECOMMENDATION),
    ("Administrationens forslag", SectionKind.RECOMMENDATION),
    ("Konklusion", SectionKind.DECISION),
    ("Drøftelse", SectionKind.OTHER),
])
@pytest.mark.parametrize("tag", ["<h3>{}</h3>", "<p><strong>{}</strong></p>"])
def test_a_heading_in_another_wording_reads_as_its_kind(heading, kind, tag):
    read = sections_of(CASE + tag.format(heading) + "<p>Teksten under overskriften.</p>")
    assert (kind, heading, "Teksten under overskriften.") in read
    assert read[0][0] is SectionKind.CASE and "Teksten" not in read[0][2]


@pytest.mark.parametrize("tag", ["<h3>Økonomi:</h3>", "<h4>Tidsplan:</h4>"])
def test_a_known_heading_with_a_colon_closes_the_case_text(tag):
    """In a heading's element; in bold (»<p><strong>Tidsplan:</strong></p>«) it may open a list in the text, and
    stays there (Acadre's minutes, as their Word document prints them)."""
    read = sections_of(CASE + tag + "<p>Ingen udgifter.</p>")
    assert read[-1] == (SectionKind.OTHER, tag[4:-5], "Ingen udgifter.")  # the heading as written
    assert "Ingen udgifter" not in read[0][2]


def test_a_reason_for_the_recommendation_is_not_the_recommendation():
    """»Begrundelse for administrationens indstilling« (Greve) ends in a genitive and »indstilling«: it explains
    the case, and stays in it."""
    read = sections_of(CASE + "<h3>Begrundelse for administrationens indstilling</h3><p>Fordi.</p>")
    assert SectionKind.RECOMMENDATION not in [kind for kind, _, _ in read]



@pytest.mark.parametrize(("heading", "kind"), [
    ("Administrationens vurdering", SectionKind.CASE),
    ("Redegørelse", SectionKind.CASE),
    ("Baggrund for sagen", SectionKind.CASE),
    ("Beslutning/referat", SectionKind.DECISION),
    ("Bevillingsmæssige konsekvenser", SectionKind.OTHER),
    ("Næste skridt", SectionKind.OTHER),
    ("Drøftelse", SectionKind.OTHER),
    ("Konklusion", SectionKind.DECISION),
])
def test_typed_minutes_end_the_recommendation_at_a_heading_in_another_wording(heading, kind):
    text = (LAYOUTS / "punkt-style-kultur.txt").read_text(encoding="utf-8")
    recommendation = "Indstilling\nForvaltningen indstiller, at projektet godkendes.\n"
    assert recommendation in text
    meeting = read_meetings(text.replace(recommendation, f"{recommendation}\n{heading}\nTeksten under overskriften.\n",
                                         1).encode("utf-8"), "referat.txt")[0]
    sections = [(s.kind, s.heading, s.text) for s in meeting.items[2].sections]
    assert sections[:2] == [(SectionKind.RECOMMENDATION, "Indstilling", "Forvaltningen indstiller, at projektet godkendes."),
                            (kind, heading, "Teksten under overskriften.")]


def test_typed_minutes_end_the_decision_at_a_heading_in_another_wording():
    text = (LAYOUTS / "punkt-style-kultur.txt").read_text(encoding="utf-8")
    decision = "Beslutning\nTilskuddet blev bevilget.\n"
    assert decision in text
    meeting = read_meetings(text.replace(decision, decision + "\nBevillingsmæssige konsekvenser\nIngen.\n", 1).encode(
        "utf-8"), "referat.txt")[0]
    assert [(s.kind, s.heading, s.text) for s in meeting.items[1].sections][-2:] == [
        (SectionKind.DECISION, "Beslutning", "Tilskuddet blev bevilget."),
        (SectionKind.OTHER, "Bevillingsmæssige konsekvenser", "Ingen.")]


@pytest.mark.parametrize("who", ["Direktionen indstiller,\n\nat", "Magistraten indstiller, at", "Det indstilles, at"])
def test_a_recommendation_with_no_heading_over_it_is_the_recommendation(who):
    """»Direktionen indstiller,« / »at projektet godkendes.« after the case text, as Region Midtjylland's and
    Aarhus' minutes write it with no »Indstilling« over it: until 2026-12-04 only »Det indstilles« was known, so
    the recommendation was case text."""
    text = (LAYOUTS / "punkt-style-kultur.txt").read_text(encoding="utf-8")
    recommendation = "Indstilling\nForvaltningen indstiller, at projektet godkendes.\n"
    meeting = read_meetings(text.replace(recommendation, "Sagsfremstilling\nHallen er nedslidt.\n\n"
                                         f"{who} projektet godkendes.\n", 1).encode("utf-8"), "referat.txt")[0]
    sections = [(s.kind, s.text) for s in meeting.items[2].sections]
    assert sections[0] == (SectionKind.CASE, "Hallen er nedslidt.")
    assert sections[1][0] is SectionKind.RECOMMENDATION and sections[1][1].endswith("projektet godkendes.")


@pytest.mark.parametrize("label, kind", [
    ("Beslutning i Forretningsudvalget den 12.03.2024", SectionKind.OTHER),
    ("Økonomiudvalgets beslutning den 12.03.2024", SectionKind.OTHER),
    ("Beslutning den 03.10.2024", SectionKind.DECISION),
])
def test_a_dated_decision_label_keeps_the_text_after_its_colon(label, kind):
    """»Beslutning den 03.10.2024: Godkendt.«: the dated heading's pattern took the whole line as a heading with
    nothing under it, and the decision's text was lost (a probe of other publishers' minutes, 2026-12-05)."""
    text = ("Ældrerådet\nMødedato: 03.10.2024\n\n1. Regional udviklingsstrategi\nSagsfremstilling: Strategien har "
            f"været i høring.\n{label}: Anbefales.\n\n2. Eventuelt\nBeslutning: Intet.\n")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    assert (meeting.items[0].sections[-1].kind, meeting.items[0].sections[-1].heading,
            meeting.items[0].sections[-1].text) == (kind, label, "Anbefales.")


def test_a_sentence_a_heading_s_pattern_takes_whole_last_in_an_item_stays_its_text():
    text = ("Ældrerådet\nMødedato: 03.10.2024\n\n1. Regional udviklingsstrategi\nSagsfremstilling\nStrategien har "
            "været i høring.\nØkonomiske konsekvenser for kommunen er begrænsede\n\n2. Eventuelt\nBeslutning: Intet.\n")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    assert "Økonomiske konsekvenser for kommunen er begrænsede" in [s.text for s in meeting.items[0].sections]


@pytest.mark.parametrize("sentence", ["Økonomi og Personale indstiller, at oversigten tages til efterretning.",
                                      "Økonomiske konsekvenser for kommunen er begrænsede",
                                      "Økonomi og bemanding er beskrevet i bilag 2.",  # (a before/after probe:
                                      "Økonomi og Personale indstiller,\nat oversigten tages til efterretning"])
# the last two were still read as headings)
def test_a_sentence_a_heading_s_pattern_takes_whole_in_the_middle_of_an_item_stays_its_text(sentence):
    """»Indstilling« / »Økonomi og Personale indstiller, at …«, as a web page sets it: the sentence was read as an
    empty heading »Økonomi og …« and lost, with nothing to say so (a probe of web minutes, 2026-12-05)."""
    text = ("Ældrerådet\nMødedato: 03.10.2024\n\n1. Regional udviklingsstrategi\nSagsfremstilling\nStrategien har "
            f"været i høring.\nIndstilling\n{sentence}\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning: Intet.\n")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    item = meeting.items[0]
    assert sentence.replace("\n", " ") in [s.text for s in item.sections]
    assert item.decision == "Godkendt."
