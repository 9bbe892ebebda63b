"""A closed item whose only title is its marker (»Lukket punkt«) is a closed item of its own, on a web page and
in the page saved as text (the samples in tests/layouts, rewritten as a portal that hides a closed item's
title would publish them).

Found by rewriting the samples (2026-12-04): the number alone above »Lukket punkt« was not read as an item's
heading, so the closed item was lost. Its number went into the item before it (»bilag: 2«), an item after it
was lost with it, and its decision was read as a section of the open item before it, which the public sees.
"""
from __future__ import annotations

from pathlib import Path

from corpus.model import SectionKind
from corpus.readers import read_meetings

LAYOUTS = Path(__file__).parent / "layouts"
PAGE = LAYOUTS / "firstagenda-web-oekonomiudvalget.html"
TEXT = LAYOUTS / "firstagenda-web-saved-as-text.txt"
TITLED = '<h2 class="overskrift">Køb af ejendom</h2></button>\n<span class="label lukket">Lukket punkt</span>'
UNTITLED = '<h2 class="overskrift">Lukket punkt</h2></button>'
CONTENT = ('<div class="details"><div class="punkt"><div><h3>Beslutninger</h3><span class="resume"><div>Godkendt.'
           '</div></span></div></div></div>')


def read(text: str, name: str):
    [meeting] = read_meetings(text.encode("utf-8"), name)
    return meeting


def untitled_page() -> str:
    html = PAGE.read_text(encoding="utf-8")
    assert TITLED in html and CONTENT in html
    return html.replace(TITLED, UNTITLED, 1)


def test_a_web_page_s_closed_item_headed_lukket_punkt_is_a_closed_item_with_its_decision():
    meeting = read(untitled_page(), PAGE.name)
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Budgetopfølgning pr. 30. november", False), (2, "Lukket punkt", True)]
    assert [(s.kind, s.text) for s in meeting.items[1].sections] == [(SectionKind.DECISION, "Godkendt.")]
    open_item = meeting.items[0]
    assert "Godkendt." not in " ".join(s.text for s in open_item.sections)
    assert open_item.attachments == ["Beslutning", "Bilag 1: Budgetopfølgning"]


def test_a_public_page_showing_only_the_closed_item_s_marker_keeps_the_item():
    meeting = read(untitled_page().replace(CONTENT, "", 1), PAGE.name)
    assert [(i.number, i.title, i.closed, i.sections) for i in meeting.items[1:]] == [(2, "Lukket punkt", True, [])]
    assert meeting.items[0].attachments == ["Beslutning", "Bilag 1: Budgetopfølgning"]


def test_the_page_saved_as_text_keeps_the_closed_item_and_the_items_after_it():
    text = TEXT.read_text(encoding="utf-8")
    closed = "3\nLukket punkt\nPersonalesag\nBeslutninger\nGodkendt."
    assert closed in text
    meeting = read(text.replace(closed, "3\nLukket punkt\n4\nEventuelt\nBeslutninger\nIntet.\n", 1), TEXT.name)
    assert [(i.number, i.title, i.closed) for i in meeting.items[2:]] == [
        (3, "Lukket punkt", True), (4, "Eventuelt", False)]
    assert meeting.items[3].decision == "Intet."
    assert "Intet." not in " ".join(s.text for s in meeting.items[1].sections)


def test_a_marker_above_a_title_still_marks_the_titled_item():
    meeting = read(TEXT.read_text(encoding="utf-8"), TEXT.name)
    assert [(i.number, i.title, i.closed) for i in meeting.items[2:]] == [(3, "Personalesag", True)]


def test_an_sbsys_referat_s_item_titled_by_its_marker_with_its_empty_labels_is_closed():
    """»2   Lukket punkt« over the empty »Oplæg:« and »Referat:« of an SBSYS referat printed to PDF: the item was
    read as open (a fresh probe of another municipality's referat, 2026-12-06); nothing else marks it."""
    text = ("Referat\nKultur- og Fritidsudvalget\nDato: 12. marts 2025\nTid: 16:00 - 18:00\n"
            "Sted: Vejen Rådhus, mødelokale 2\n1   Godkendelse af dagsorden\nReferat:\nGodkendt.\n"
            "2   Lukket punkt\nOplæg:\nReferat:\n3   Eventuelt\nReferat:\nIntet.\n")
    meeting = read(text, "referat.txt")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Lukket punkt", True), (3, "Eventuelt", False)]
    assert (meeting.items[0].decision, meeting.items[2].decision) == ("Godkendt.", "Intet.")
