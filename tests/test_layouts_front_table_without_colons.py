"""A front page's table of facts printed without colons (»Deltagere Jens Madsen (V), …«, »Afbud Ingen«, »Udvalg
Økonomiudvalget«, as an agenda system's referat or a portal page prints its table to PDF) names who came, who sent
word and the committee, as »Mødedato 12-03-2024« already named the day; a list of members with their parties
wrapped within a name (»…, Ali« / »Yilmaz (Ø)«) keeps the name whole; names one to a line end at the first line
that is none (»Download referat som PDF · Del · Abonnér på udvalget«, »Dagsorden«); a page's number under the
apologies (»Side 2 af 3«) is nobody's.

Found on 2026-12-05 by printing 72 minutes documents to PDF: 21 lost their participants and apologies, a
FirstAgenda page printed to PDF was refused for want of a committee, and a page's links, the agenda's heading and
the page number were read as members.
"""
from __future__ import annotations

from pathlib import Path

from corpus.readers import read_meetings

OFFICE = Path(__file__).parent / "layouts" / "office-referat-running-header.pdf"
ITEM = "1. Godkendelse af dagsorden\nSagsnr.: 24/1021\nBeslutning\nGodkendt.\n"


def meeting_of(text: str):
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    return meeting


def test_the_printed_front_table_names_who_came_and_that_no_one_sent_word():
    [meeting] = read_meetings(OFFICE.read_bytes(), OFFICE.name)
    assert (meeting.body, meeting.date, meeting.time) == ("Økonomiudvalget", "2024-03-12", "16:00")
    assert meeting.participants == ["Jens Madsen", "Hanne Bro"]
    assert meeting.absentees == []


def test_labels_without_colons_name_the_committee_the_members_and_the_apologies():
    meeting = meeting_of("Referat 12. marts 2024 kl. 16.00\nUdvalg Økonomiudvalget\nMødedato 12.03.2024\n"
                         "Deltagere Jens Madsen (V), Hanne Bro (A), Peter Lund (C)\nAfbud Karin Sørensen (O)\n"
                         + ITEM)
    assert meeting.body == "Økonomiudvalget"
    assert meeting.participants == ["Jens Madsen (V)", "Hanne Bro (A)", "Peter Lund (C)"]
    assert meeting.absentees == ["Karin Sørensen (O)"]


def test_a_line_opening_with_the_word_in_lower_case_is_no_label():
    meeting = meeting_of("Økonomiudvalget\nReferat 12.03.2024\nDeltagere fra forvaltningen var til stede.\n" + ITEM)
    assert meeting.participants == []


def test_a_list_of_members_wrapped_within_a_name_keeps_the_name_whole():
    meeting = meeting_of("Økonomiudvalget\nMødedato: 12-03-2024\nDeltagere: Jens Madsen (V), Hanne Bro (A), "
                         "Mette Holm (F), Ali\nYilmaz (Ø)\nAfbud: Karin Sørensen (O)\n" + ITEM)
    assert meeting.participants == ["Jens Madsen (V)", "Hanne Bro (A)", "Mette Holm (F)", "Ali Yilmaz (Ø)"]


def test_names_one_to_a_line_end_at_the_first_line_that_is_none():
    meeting = meeting_of("Økonomiudvalget\nMødedato: 12-03-2024\nMødedeltagere: Pernille Beckmann (V)\n"
                         "Jens Kristian Olsen (A)\nLis Tribler (A) - afbud\n"
                         "Download referat som PDF · Del · Abonnér på udvalget\n" + ITEM)
    assert meeting.participants == ["Pernille Beckmann (V)", "Jens Kristian Olsen (A)"]
    assert meeting.absentees == ["Lis Tribler (A)"]
    meeting = meeting_of("Ældrerådet\nMødedato: 12-03-2024\nAfbud: Grethe Møller\nDagsorden\n" + ITEM)
    assert meeting.absentees == ["Grethe Møller"]


def test_a_page_number_under_the_apologies_is_nobody_s():
    meeting = meeting_of("Side 1 af 2\nØkonomiudvalget\nMødedato: 12-03-2024\nAfbud: Karin Sørensen (O)\n"
                         "Side 2 af 2\n" + ITEM)
    assert meeting.absentees == ["Karin Sørensen (O)"]


def test_a_list_wrapped_after_a_first_name_keeps_the_name_whole():
    meeting = meeting_of("Økonomiudvalget\nMødedato: 12-03-2024\nDeltagere: Jens Madsen, Anne Berg, Ole Hansen, "
                         "Lise\nHolm, Bo Lund\nAfbud: Karin\nSørensen (O)\n" + ITEM)
    assert meeting.participants == ["Jens Madsen", "Anne Berg", "Ole Hansen", "Lise Holm", "Bo Lund"]
    assert meeting.absentees == ["Karin Sørensen (O)"]


def test_names_under_a_label_alone_end_at_the_first_line_that_is_none():
    meeting = meeting_of("Økonomiudvalget\nMødedato: 12-03-2024\nDeltagere\nJens Madsen (V)\nAnne Berg (A)\n"
                         "Download referat som PDF\nÅbn dagsorden\n" + ITEM)
    assert meeting.participants == ["Jens Madsen (V)", "Anne Berg (A)"]


def test_a_committee_of_several_words_labelled_without_a_colon():
    meeting = meeting_of("Referat\nUdvalg Børne- og Ungeudvalget\nMødedato 12.05.2026\n" + ITEM)
    assert meeting.body == "Børne- og Ungeudvalget"


def test_names_with_particles_are_names_one_to_a_line():
    meeting = meeting_of("Økonomiudvalget\nMødedato: 12. maj 2026\nDeltagere:\nJens Madsen (V)\nKaren van der Berg (K)\n"
                         "Mette la Cour (Ø)\nOle Hansen (C)\nAfbud:\nLise Holm (F)\n" + ITEM)
    assert meeting.participants == ["Jens Madsen (V)", "Karen van der Berg (K)", "Mette la Cour (Ø)", "Ole Hansen (C)"]
    assert meeting.absentees == ["Lise Holm (F)"]


def test_names_one_to_a_line_go_on_through_a_note_a_role_or_a_particle():
    """Found by the third reading: the rule that ends names at a line that is none ended them at a name with
    more after it, and the names after it were lost."""
    meeting = meeting_of("Økonomiudvalget\nMødedato: 12-03-2024\nDeltagere:\nLise Holm (A)\nJens Madsen (V) deltog fra "
                         "kl. 16.00\nBent Kjær - næstformand\nMaria dos Santos\nKarin Sørensen (C)\n\n" + ITEM)
    assert meeting.participants == ["Lise Holm (A)", "Jens Madsen (V) deltog fra kl. 16.00", "Bent Kjær - næstformand",
                                    "Maria dos Santos", "Karin Sørensen (C)"]


def test_a_list_of_first_names_is_not_joined_across_its_line_and_a_heading_is_no_surname():
    meeting = meeting_of("Økonomiudvalget\nMødedato: 12-03-2024\nTil stede: Anne, Bo, Carl, Dorte\nErik, Fie\n"
                         "Afbud: Hans\nDagsorden\n" + ITEM)
    assert not any(name.startswith("Dorte Erik") for name in meeting.participants)
    assert meeting.absentees == ["Hans"]


def test_a_label_without_a_colon_before_a_sentence_names_no_one():
    meeting = meeting_of("Økonomiudvalget\nMødedato 12.03.2024\nMedlemmer Alle medlemmer var til stede\n" + ITEM)
    assert meeting.participants == []


def test_an_apology_labelled_without_a_colon_ends_the_members_above_it():
    meeting = meeting_of("Referat\nUdvalg Børne- og Ungeudvalget\nMødedato 21. januar 2025\nDeltagere Jens Madsen (V), "
                         "Lise Holm (A), Bo Lund (B), Ali\nYilmaz (Ø)\nAfbud Karen van der Berg (C)\n\n" + ITEM)
    assert meeting.participants == ["Jens Madsen (V)", "Lise Holm (A)", "Bo Lund (B)", "Ali Yilmaz (Ø)"]
    assert meeting.absentees == ["Karen van der Berg (C)"]
