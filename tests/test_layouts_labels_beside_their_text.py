"""An item set out as a table of two columns, labels left and text right (»Sagsnr. 25/4417«, »Status Åben«,
»Resumé Børnetallet …«, »Beslutning Godkendt.«), which a PDF prints one row to a line without colons, is read
as the same item with colons would be: its sections under their headings, and an item whose »Status Lukket« says
it is closed is closed, while the item after it, whose »Status Åben« says it is open, stays open.

Found on 2026-12-05 by printing agenda-system referater to PDF: the sections lost their headings (the text
kept, its kind lost), the closed item was published as open, and the closed marker under it hid the next item.
Only a document that sets all its labels so is read so: where a part's heading stands alone on a line, a line
opening with the word is text, a table's row or an attachment's title (a before/after probe of 54 documents found
those read as headings, and a decision opening with a committee's name lost).
"""
from __future__ import annotations

from pathlib import Path

from corpus.model import SectionKind
from corpus.readers import read_meetings

BESIDE = Path(__file__).parent / "layouts" / "two-column-referat-labels-beside.pdf"
HEAD = "Børne- og Ungeudvalget\nMødedato: 08-04-2025\n"


def items_of(data: bytes, name: str):
    [meeting] = read_meetings(data, name)
    return meeting.items


def test_the_labels_beside_the_text_head_the_sections():
    items = items_of(BESIDE.read_bytes(), BESIDE.name)
    [_, second, _, fourth] = items
    assert [(s.kind, s.heading) for s in second.sections if s.kind is not SectionKind.OTHER] == [
        (SectionKind.SUMMARY, "Resumé"), (SectionKind.RECOMMENDATION, "Indstilling"), (SectionKind.CASE, "Sagsfremstilling"),
        (SectionKind.DECISION, "Beslutning")]
    decision = next(s for s in second.sections if s.kind is SectionKind.DECISION)
    assert decision.text == "Anbefales over for Økonomiudvalget og Byrådet."
    assert next(s for s in fourth.sections if s.kind is SectionKind.DECISION).text == "Taget til efterretning."


def test_status_lukket_closes_its_item_and_status_aaben_keeps_the_next_open():
    items = items_of(BESIDE.read_bytes(), BESIDE.name)
    assert [(i.number, i.closed) for i in items] == [(1, False), (2, False), (3, True), (4, False)]
    assert items[3].title == "Orientering om trivselsmåling 2025"


def test_the_same_labels_in_a_text_file_read_the_same():
    text = (HEAD + "1. Salg af grund\nSagsnr. 25/5120\nStatus Lukket\nLukket punkt\n"
            "2. Meddelelser\nStatus Åben\nBeslutning Formanden orienterede om budgetseminaret.\n"
            "3. Eventuelt\nStatus Åben\nBeslutning Intet.\n")
    first, second, _ = items_of(text.encode(), "referat.txt")
    assert (first.closed, second.closed) == (True, False)
    assert second.title == "Meddelelser"
    assert [(s.kind, s.text) for s in second.sections if s.kind is SectionKind.DECISION] == [
        (SectionKind.DECISION, "Formanden orienterede om budgetseminaret.")]


def test_a_sentence_opening_with_the_word_and_an_attachment_s_title_head_nothing():
    text = (HEAD + "1. Udbud af rengøring\nSagsnr.: 25/1001\nSagsfremstilling\n"
            "Beslutning om udbud blev truffet i 2024.\nBilag Tilsagnserklæring\n")
    [item] = items_of(text.encode(), "referat.txt")
    assert [s.kind for s in item.sections] == [SectionKind.CASE]
    assert "Beslutning om udbud blev truffet i 2024." in item.sections[0].text


def test_a_label_beside_a_committee_and_a_day_is_a_heading_whose_day_says_whose_decision_it_is():
    text = ("Byrådet\nMødedato: 19-03-2024\n1. Salg af Industrivej 12\nSagsnr.: 24/3310\n"
            "Beslutning Økonomiudvalget den 12-03-2024\nAnbefales.\nBeslutning Byrådet den 19-03-2024\nGodkendt.\n")
    [item] = items_of(text.encode(), "referat.txt")
    assert [(s.kind, s.heading, s.text) for s in item.sections] == [
        (SectionKind.OTHER, "Beslutning Økonomiudvalget den 12-03-2024", "Anbefales."),
        (SectionKind.DECISION, "Beslutning Byrådet den 19-03-2024", "Godkendt.")]


BESIDE_ITEMS = ("1. Anlægsbevilling\nSagsnr.: 24/1002\nSagsfremstilling Byrådet afsatte 18,5 mio. kr.\n"
                "Beslutning Økonomiudvalget anbefaler indstillingen.\n2. Eventuelt\nBeslutning Intet.\n")


def test_a_decision_opening_with_a_committee_s_name_is_the_decision_s_text():
    first, second = items_of((HEAD + BESIDE_ITEMS).encode(), "referat.txt")
    assert [(s.kind, s.heading, s.text) for s in first.sections] == [
        (SectionKind.CASE, "Sagsfremstilling", "Byrådet afsatte 18,5 mio. kr."),
        (SectionKind.DECISION, "Beslutning", "Økonomiudvalget anbefaler indstillingen.")]
    assert second.decision == "Intet."


def test_where_a_heading_stands_alone_the_lines_opening_with_the_word_stay_text_rows_and_titles():
    text = (HEAD + "1. Proces for skolestruktur\nSagsnr.: 24/1003\nSagsfremstilling\nFase\tTidspunkt\n"
            "Beslutning\tByrådet marts 2025\nHøringen gennemføres digitalt.\nBeslutning\nGodkendt.\nBilag\n"
            "Indstilling Tune Musikforening\nIndstilling Greve Kunstforening\n"
            "2. Anlægsbevilling\nBeslutning Økonomiudvalget anbefaler indstillingen.\nBeslutning\nGodkendt.\n")
    first, second = items_of(text.encode(), "referat.txt")
    assert [s.kind for s in first.sections] == [SectionKind.CASE, SectionKind.DECISION, SectionKind.ATTACHMENTS]
    assert "Beslutning\tByrådet marts 2025" in first.sections[0].text
    assert first.decision == "Godkendt."
    assert first.attachments == ["Indstilling Tune Musikforening", "Indstilling Greve Kunstforening"]
    assert "Beslutning Økonomiudvalget anbefaler indstillingen." in " ".join(s.text for s in second.sections)
