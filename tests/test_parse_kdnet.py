"""The bundled KD-Net minutes parse into the right meetings, items, fields and sections."""
from __future__ import annotations

import re

from conftest import SAMPLES, find_item

from corpus.model import SectionKind
from corpus.parse import parse_minutes_text


def test_three_meetings_with_the_right_items(sample_meetings):
    by_date = {m.date: [i.number for i in m.items] for m in sample_meetings}
    assert by_date == {
        "2022-02-11": list(range(1, 12)),
        "2023-04-14": list(range(21, 35)),
        "2023-06-02": list(range(35, 52)),
    }
    assert sum(len(m.items) for m in sample_meetings) == 42
    assert {m.body for m in sample_meetings} == {"KD-Net"}


def test_meeting_facts(sample_meetings):
    june = next(m for m in sample_meetings if m.date == "2023-06-02")
    assert (june.time, june.location) == ("10:00", "Scandic Silkeborg")
    assert june.absentees == ["Flemming Storgaard (NFM)", "Erik Hattens", "Martin Østergaard Christensen",
                              "Lars Møller"]
    feb = next(m for m in sample_meetings if m.date == "2022-02-11")
    assert feb.location.startswith("Scandic Silkeborg, Udgårdsvej 2")
    assert feb.participants and "Kommunaldirektørerne" in feb.participants[0]


def test_laegevagten_field_by_field(sample_meetings):
    item = find_item(sample_meetings, "2023-06-02", 50)
    assert item.title == "Lægevagten"
    assert item.presenter == "Jesper Kaas Schmidt"
    assert item.decision.startswith("KD-Net drøftede sagen.")
    assert "lægevagtsordningen" in item.decision
    assert item.text_of(SectionKind.RECOMMENDATION) == "Det indstilles, at KD-Net drøfter sagen."
    assert "overtager vagten i tidsrummet kl. 23.00" in item.text_of(SectionKind.CASE)


def test_embedded_april_minutes_are_their_own_meeting(sample_meetings):
    item = find_item(sample_meetings, "2023-04-14", 30)
    assert item.title == "Udpegning til baggrundsgruppe: styregruppe for Europæisk Kulturregion"
    assert "Erik Hattens" in item.decision
    assert item.case_number == "00.01.10-A00-2-23"
    assert item.attachments == ["Bilag 11 - Handlingsplan for Europæisk Kulturregion 2020-2022",
                                "Bilag 10 - Strategi, Europæisk Kulturregion"]
    first = find_item(sample_meetings, "2023-04-14", 21)
    assert first.title == "Oplæg fra Kristian Vendelbo, KL (Kl. 10.00 - 10.30)"
    assert first.presenter == "Kristian Vendelbo"
    # the June item that carried the April minutes keeps only its own text
    carrier = find_item(sample_meetings, "2023-06-02", 36)
    assert "Udpegning til baggrundsgruppe" not in " ".join(s.text for s in carrier.sections)


def test_referat_style_2022(sample_meetings):
    item = find_item(sample_meetings, "2022-02-11", 4)
    assert item.title == "Drøftelse af VIAs institutionsplan"
    assert item.presenter == "Lars Møller"
    assert item.decision.startswith("Lars Møller indledte punktet")
    assert item.text_of(SectionKind.RECOMMENDATION) == "Det indstilles, at sagen drøftes"
    five = find_item(sample_meetings, "2022-02-11", 5)
    assert five.title == "Drøftelse af initiativer for stærkere kommunalt tilsyn med almene boliger"
    assert "KD-Net bakkede op om formandens indstilling." in five.decision


def test_no_page_furniture_or_toc_in_item_text(sample_meetings):
    footer = re.compile(r"Side \d+ af \d+|side \d+ af \d+")
    for meeting in sample_meetings:
        for item in meeting.items:
            text = "\n".join([item.title] + [s.heading + "\n" + s.text for s in item.sections])
            assert not footer.search(text), (meeting.date, item.number)
            assert not re.search(r"^Punkt \d+:.*\t\d+$", text, re.M), (meeting.date, item.number)
            assert "14. april 2023 kl. 10:00\n" not in text


def test_page_break_inside_a_sentence_is_rejoined(sample_meetings):
    item = find_item(sample_meetings, "2023-04-14", 24)
    assert "erhvervsfremmestrategi 2024-2027. Strategien" in item.text_of(SectionKind.SUMMARY)


def test_a_presenter_is_read_in_each_way_it_is_written():
    """»/v/ Name«, »(v. Name)« and »v. <role> Name« as well as »v. Name«: before, the first two stayed in the
    title and a role before the name kept the presenter from being read."""
    from conftest import SAMPLES

    from corpus.readers import inspect_document

    path = SAMPLES / "kdnet-2022-02-11-referat.txt"
    text = path.read_text(encoding="utf-8")
    [before] = inspect_document(text.encode(), path.name).meetings
    written = {"1. Godkendelse af dagsorden v. Jesper Kaas Schmidt":
               "1. Godkendelse af dagsorden /v/ Jesper Kaas Schmidt",
               "3. Konstituering af KD-Net og de underliggende grupper v. Jesper Kaas Schmidt":
               "3. Konstituering af KD-Net og de underliggende grupper (v. Jesper Kaas Schmidt)",
               "10. Kommende møder v. Jesper Kaas Schmidt": "10. Kommende møder v. formand Jesper Kaas Schmidt"}
    for plain, other in written.items():
        assert text.count(plain) == 1
        text = text.replace(plain, other)
    [meeting] = inspect_document(text.encode(), path.name).meetings
    assert [(i.number, i.title) for i in meeting.items] == [(i.number, i.title) for i in before.items]
    presenters = {i.number: i.presenter for i in meeting.items}
    assert [presenters[n] for n in (1, 3, 10)] == ["Jesper Kaas Schmidt", "Jesper Kaas Schmidt",
                                                   "formand Jesper Kaas Schmidt"]


def test_a_span_of_years_in_a_table_is_no_case_number(sample_meetings):
    """Item 44's attachment has a table whose rows open with »2021-2022« (a season): not the item's case."""
    item = find_item(sample_meetings, "2023-06-02", 44)
    assert item.title == "Strategi- og handlingsplan for Europæisk Kulturregion"
    assert item.case_number != "2021-2022"
    assert "2021-2022" in "\n".join(s.text for s in item.sections)  # the row is still text


def test_the_recommendations_formula_after_the_case_text_is_the_recommendation():
    """KD-Net's minutes write »Det indstilles, at …« without a heading; where it follows the case text instead
    of opening the item, it was read as one more paragraph of the case."""
    text = SAMPLES.joinpath("kdnet-2022-02-11-referat.txt").read_text(encoding="utf-8")
    formula = "Det indstilles, at KD-Net drøfter, om der er interesse for et styrket kommunalt samarbejde i " \
              "forbindelse med tilsyn af de almene boliger"
    case_end = "med henblik på at give KL en tilbagemelding herom."
    assert text.count(formula) == 1 and text.count(case_end) == 1
    moved = text.replace(formula + "\n", "").replace(case_end, case_end + "\n\n" + formula)
    [original] = parse_minutes_text(text, "kdnet-2022-02-11-referat.txt")
    [meeting] = parse_minutes_text(moved, "kdnet-2022-02-11-referat.txt")
    before, after = original.items[4], meeting.items[4]

    def recommendation(item) -> list[str]:
        return [s.text for s in item.sections if s.kind is SectionKind.RECOMMENDATION]

    assert after.title == before.title and recommendation(after) == recommendation(before) == [formula]
    assert formula not in " ".join(s.text for s in after.sections if s.kind is SectionKind.CASE)
