"""Who presents an item, on a line of its own under the title (»Oplæg ved: Teknisk chef Mads Lund«, as Fanø and
Frederikssund write it): the item's presenter. Before, the line was an untitled section and the presenter empty."""
from __future__ import annotations

import pytest
from conftest import VARIANTS

from corpus.readers import inspect_document

MINUTES = VARIANTS / "punkt-style-kultur.txt"
HEADING = "Punkt 2: Tilskud til foreninger\n"


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name).meetings[0]


@pytest.mark.parametrize("line, presenter", [("Oplæg ved: Teknisk chef Mads Lund", "Teknisk chef Mads Lund"),
                                             ("Fremlægges af: Borgmester Anne Holm.", "Borgmester Anne Holm"),
                                             # (Word and PDF probes, 2026-12-05: glued to the title before)
                                             ("Fremlagt af: Visitationschef Birgit Holt", "Visitationschef Birgit Holt"),
                                             ("Sagsfremstiller: Visitationschef Birgit Holt",
                                              "Visitationschef Birgit Holt")])
def test_a_presenter_line_under_the_title_is_the_presenter_and_no_text(line, presenter):
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(HEADING) == 1
    before = read(text).items[1]
    item = read(text.replace(HEADING, HEADING + line + "\n")).items[1]
    assert item.presenter == presenter
    assert [(s.kind, s.text) for s in item.sections] == [(s.kind, s.text) for s in before.sections]
    assert (item.title, item.case_number) == (before.title, before.case_number)


def test_the_words_oplaeg_ved_inside_the_text_stay_text():
    text = MINUTES.read_text(encoding="utf-8")
    said = "Foreningerne har søgt om tilskud."
    item = read(text.replace(said, said + "\nOplæg ved: Kasserer Bo Lind, som gennemgik regnskabet.")).items[1]
    assert item.presenter is None
    assert "Oplæg ved: Kasserer Bo Lind" in " ".join(s.text for s in item.sections)


def test_a_case_worker_under_the_title_is_a_fact_of_the_item_not_the_titles_wrapped_words():
    """»Sagsbehandler: Bo Lund« right under the title: a case worker is no presenter, and no part of the title (glued
    to it until 2026-12-05, a probe of Word and PDF minutes)."""
    text = MINUTES.read_text(encoding="utf-8")
    item = read(text.replace(HEADING, HEADING + "Sagsbehandler: Bo Lund\n")).items[1]
    assert (item.title, item.presenter) == ("Tilskud til foreninger", None)
    assert "Sagsbehandler: Bo Lund" in " ".join(s.text for s in item.sections)


@pytest.mark.parametrize("presenter", ["formanden", "Jens Ole Bang"])
def test_ved_and_a_name_in_a_paragraph_of_its_own_under_the_title_is_the_presenter(presenter):
    """»## Punkt 2: …« / blank / »v/ formanden« / blank / »Sagsnr.: 24/15532«, as Markdown puts each on a paragraph
    of its own: the line was the item's text, and the case number under it, after text, was text too (a probe of
    typed minutes, 2026-12-05)."""
    text = MINUTES.read_text(encoding="utf-8")
    before = read(text).items[1]
    item = read(text.replace(HEADING, f"{HEADING}\nv/ {presenter}\n\n")).items[1]
    assert item.presenter == presenter
    assert [(s.kind, s.text) for s in item.sections] == [(s.kind, s.text) for s in before.sections]
    assert (item.title, item.case_number) == (before.title, before.case_number) and before.case_number


def test_a_paragraph_opening_with_a_roman_five_stays_text():
    text = MINUTES.read_text(encoding="utf-8")
    item = read(text.replace(HEADING, f"{HEADING}\nV. Økonomiske konsekvenser for foreningerne\n\n")).items[1]
    assert item.presenter is None
    assert "V. Økonomiske konsekvenser for foreningerne" in " ".join(s.text for s in item.sections)


def test_ved_and_a_name_on_the_line_under_the_title_above_a_labelled_section_is_the_presenter():
    """»Pkt. 2 – Nyt fra elevrådet« / »v/ Sofie Holm« / »Drøftelse: …«: the presenter was read into the title once
    »Drøftelse:« was known as a heading (2026-12-05)."""
    text = ("Skolebestyrelsen ved Søndermarkskolen\nReferat af møde 17. september 2025 kl. 17.30\n\n"
            "Pkt. 1 – Godkendelse af dagsorden\nBeslutning: Godkendt.\n\nPkt. 2 – Nyt fra elevrådet\nv/ Sofie Holm\n"
            "Drøftelse: Elevrådet har holdt valg.\n\nPkt. 3 – Eventuelt\nBeslutning: Intet.\n")
    item = inspect_document(text.encode("utf-8"), "referat.txt").meetings[0].items[1]
    assert (item.title, item.presenter) == ("Nyt fra elevrådet", "Sofie Holm")
    assert [(s.heading, s.text) for s in item.sections] == [("Drøftelse", "Elevrådet har holdt valg.")]
