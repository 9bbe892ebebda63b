"""Word's hidden text (»Skjult«, `w:vanish`) is not on the page, so it is not the minutes' words: it is listed as
dropped (»hidden text«), never read into an item. A secretary may type a closed item's real title and case text
hidden under its neutral heading (»6. Lukket punkt: Ejendomshandel«).

Found on 2026-12-06 by a fresh probe of a Word template: the hidden words were the closed item's public title
(»Ejendomshandel - Køb af ejendommen Egebjergvej 14 til regnvandsbassin«), its case number and its sections.
"""
from __future__ import annotations

import io

from corpus.coverage import coverage
from corpus.model import DropReason
from corpus.readers import inspect_document

SECRET = " - Køb af ejendommen Egebjergvej 14 til regnvandsbassin"


def word_minutes(hide: bool = True) -> bytes:
    """Typed minutes with heading styles; the closed item's real title and its text as hidden runs (or shown)."""
    from docx import Document

    document = Document()
    for line in ("Referat", "Plan- og Klimaudvalget"):
        document.add_paragraph(line)
    document.add_paragraph("Mødedato: 13.05.2025 kl. 15.00")
    document.add_paragraph("Mødested: Rådhuset, mødelokale 2")
    document.add_paragraph("Afbud: Søren Kvist (V)")
    document.add_paragraph("1. Godkendelse af dagsorden", style="Heading 1")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Godkendt.")
    heading = document.add_paragraph("2. Lukket punkt: Ejendomshandel", style="Heading 1")
    heading.add_run(SECRET).font.hidden = hide
    document.add_paragraph().add_run("Sagsnr.: 25/0342").font.hidden = hide
    document.add_paragraph().add_run("Ejeren har tilbudt kommunen ejendommen for 2.350.000 kr.").font.hidden = hide
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Godkendt.")
    document.add_paragraph("3. Eventuelt", style="Heading 1")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Intet.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_hidden_text_under_a_closed_item_s_neutral_heading_is_neither_its_title_nor_its_text():
    reading = inspect_document(word_minutes(), "referat.docx")
    [meeting] = reading.meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Ejendomshandel", True), (3, "Eventuelt", False)]
    closed = meeting.items[1]
    assert closed.case_number is None and [(s.kind.value, s.text) for s in closed.sections] == [
        ("decision", "Godkendt.")]
    read = " ".join([i.title for i in meeting.items] + [s.text for i in meeting.items for s in i.sections])
    assert "Egebjergvej" not in read and "2.350.000" not in read
    hidden = [d.text for d in reading.dropped if d.reason is DropReason.HIDDEN]
    assert hidden == [SECRET.strip(), "Sagsnr.: 25/0342", "Ejeren har tilbudt kommunen ejendommen for 2.350.000 kr."]
    assert coverage(reading).missing == ()


def test_the_same_words_shown_are_read():
    """(The words are read when the page shows them: the item's title and case number are its own.)"""
    [meeting] = inspect_document(word_minutes(hide=False), "referat.docx").meetings
    closed = meeting.items[1]
    assert (closed.closed, closed.case_number) == (True, "25/0342")
    assert "Egebjergvej" in closed.title
