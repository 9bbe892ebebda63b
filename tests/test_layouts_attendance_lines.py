"""Who attended and who sent apologies, as the minutes' head writes them on a line: a person written beside the
organisation they come from (»Lars Hansen, Skive Kommune«) is one person, as KD-Net's »Flemming Storgaard
(NFM)« is; organisations alone stay as they are. Each variant is the Feb 2022 KD-Net minutes with another line."""
from __future__ import annotations

import pytest
from conftest import SAMPLES, what_was_read

from corpus.readers import inspect_document

MINUTES = SAMPLES / "kdnet-2022-02-11-referat.txt"


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name).meetings


@pytest.mark.parametrize("line, absentees", [
    ("Afbud: Lars Hansen, Skive Kommune", ["Lars Hansen (Skive Kommune)"]),
    ("Afbud: Lars Hansen, Skive Kommune, Anne Bech, Region Midtjylland",
     ["Lars Hansen (Skive Kommune)", "Anne Bech (Region Midtjylland)"]),
    ("Afbud: Lars Hansen, Anne Bech og Peter Holm", ["Lars Hansen", "Anne Bech", "Peter Holm"]),
    ("Afbud: Skive Kommune, Viborg Kommune", ["Skive Kommune", "Viborg Kommune"]),
])
def test_a_name_beside_the_organisation_it_comes_from_is_one_person(line, absentees):
    """»Afbud: Lars Hansen, Skive Kommune« gave two apologies, one of them »Skive Kommune«."""
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count("Afbud: Ingen") == 1
    meetings = read(text.replace("Afbud: Ingen", line))
    assert meetings[0].absentees == absentees
    original = read(text)
    assert what_was_read(meetings)[0][6] == what_was_read(original)[0][6]  # the items as before


@pytest.mark.parametrize("line, absentees", [
    ("Meldt afbud: Lars Hansen", ["Lars Hansen"]),
    ("Forfald: Lars Hansen", ["Lars Hansen"]),
    ("Ikke til stede: Lars Hansen", ["Lars Hansen"]),
    ("Ikke mødt: Lars Hansen", ["Lars Hansen"]),
    ("Afbud: Lars Hansen; Anne Bech", ["Lars Hansen", "Anne Bech"]),
])
def test_apologies_in_other_wordings_are_the_absentees(line, absentees):
    """Found on 2026-12-04 by rewriting the line: each was front matter, so »<name> afbud« found nothing, and
    names parted by a semicolon were one name."""
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count("Afbud: Ingen") == 1
    assert read(text.replace("Afbud: Ingen", line))[0].absentees == absentees



@pytest.mark.parametrize("lines", ["Afbud: Lars Hansen\nFraværende: Anne Bech",
                                   "Afbud: Lars Hansen\nIkke mødt: Anne Bech, Peter Holm"])
def test_apologies_and_absence_under_two_labels_are_all_the_absentees(lines):
    """»Afbud: …« over »Fraværende: …« (away with word and without, an SBSYS-style referat printed to PDF): the
    second label's names were lost (a fresh probe of an elder council's minutes, 2026-12-06)."""
    text = MINUTES.read_text(encoding="utf-8")
    meetings = read(text.replace("Afbud: Ingen", lines))
    names = [name.strip() for line in lines.split("\n") for name in line.split(":", 1)[1].split(",")]
    assert meetings[0].absentees == names
    assert what_was_read(meetings)[0][6] == what_was_read(read(text))[0][6]  # the items as before


def test_participants_labelled_deltog_are_the_participants():
    text = MINUTES.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("Deltagere: "))
    meeting = read(text.replace(line, "Deltog: Lars Hansen; Anne Bech"))[0]
    assert meeting.participants == ["Lars Hansen", "Anne Bech"]


def test_a_list_of_names_wrapped_after_a_comma_goes_on_as_the_list():
    """»Til stede: …, Bent Sørensen,« / »Camilla Juhl, Erik Vestergaard«, as a PDF wraps a long list: the line
    under it was one person, »Camilla Juhl, Erik Vestergaard« (a probe of other publishers' minutes, 2026-12-05)."""
    text = ("Ældrerådet - Referat - 3. oktober 2024\nTil stede: Mette Frederiksen Hald, Gitte Bach, Dorte Kjær, "
            "Bent Sørensen,\nCamilla Juhl, Erik Vestergaard,\nOle Lund\nAfbud: Niels Østergaard\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode("utf-8"), "referat.txt").meetings
    assert meeting.participants == ["Mette Frederiksen Hald", "Gitte Bach", "Dorte Kjær", "Bent Sørensen",
                                    "Camilla Juhl", "Erik Vestergaard", "Ole Lund"]
    assert meeting.absentees == ["Niels Østergaard"]


def test_a_name_wrapped_after_its_first_name_keeps_its_middle_name_and_surname():
    """»Til stede: …, Pia Skovgaard, Hans« / »Ole Lund, Inger Damgaard«, as a PDF wraps a list within a name: the
    list read »Hans« as one person and »Ole Lund, Inger Damgaard« as another (a probe, 2026-12-05). A list whose
    line ends after a whole name and its comma stays as it was."""
    head = "Ældrerådet - Referat - 3. oktober 2024\nTil stede: Mette Frederiksen Hald, Pia Skovgaard, Hans\n{rest}\n"
    item = "Afbud: Finn Nørgaard\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
    [meeting] = inspect_document((head.format(rest="Ole Lund, Inger Damgaard") + item).encode(), "referat.txt").meetings
    assert meeting.participants == ["Mette Frederiksen Hald", "Pia Skovgaard", "Hans Ole Lund", "Inger Damgaard"]
    apart = head.replace(", Hans\n", ", Hans Ole Lund,\n").format(rest="Inger Damgaard") + item
    [meeting] = inspect_document(apart.encode(), "referat.txt").meetings
    assert meeting.participants == ["Mette Frederiksen Hald", "Pia Skovgaard", "Hans Ole Lund", "Inger Damgaard"]


def test_a_surname_alone_under_a_list_of_whole_names_goes_on_with_the_last():
    """»Til stede: …, Thomas Kjær, Rasmus Skov« / »Andersen«, as a PDF wraps a long list: »Andersen« was a person
    of their own (a probe of printed minutes, 2026-12-05). Names one to a line, each whole, stay apart."""
    head = "Klima- og Miljøudvalget - Referat - 5. november 2024\nTil stede: {names}\nAfbud: Bo Nørgaard\n\n"
    item = "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
    wrapped = head.format(names="Ida Brandt, Malene Friis, Thomas Kjær, Rasmus Skov\nAndersen") + item
    [meeting] = inspect_document(wrapped.encode(), "referat.txt").meetings
    assert meeting.participants == ["Ida Brandt", "Malene Friis", "Thomas Kjær", "Rasmus Skov Andersen"]
    apart = head.format(names="Ida Brandt\nMalene Friis\nThomas Kjær") + item
    [meeting] = inspect_document(apart.encode(), "referat.txt").meetings
    assert meeting.participants == ["Ida Brandt", "Malene Friis", "Thomas Kjær"]


def test_a_long_list_of_names_with_their_roles_before_them_is_the_names():
    """»Deltagere: Formand Niels Bjerre, Næstformand Karin Skov, …, Adm. direktør Steen Høgh«: a list over 80
    characters whose names were not all bare was kept as one line of prose, one participant (a probe of Word
    minutes, 2026-12-05)."""
    names = ["Formand Niels Bjerre", "Næstformand Karin Skov", "Ulrik Frandsen", "Bente Kruse", "Lars Gyldenvang",
             "Adm. direktør Steen Høgh"]
    text = (f"Bestyrelsen for Affaldsselskabet - Referat - 13. juni 2024\nDeltagere: {', '.join(names)}\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert meeting.participants == names


def test_the_full_stop_ending_a_list_of_names_is_no_part_of_the_last_name():
    """»Til stede: …, Malene Friis.« gave »Malene Friis.« (a probe of printed minutes, 2026-12-05); an initial keeps
    its full stop."""
    text = ("Klima- og Miljøudvalget - Referat - 5. november 2024\nTil stede: Per Mølgaard, Karina Høj, Malene Friis.\n"
            "Afbud: Hans J.\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert (meeting.participants, meeting.absentees) == (["Per Mølgaard", "Karina Høj", "Malene Friis"], ["Hans J."])


@pytest.mark.parametrize("names, read_as", [
    ("Medlemmer:\nMette Juhl Kristensen, Anders Bøgh, Lone Østergaard, Jens\nPeter Vinther, Kirsten Lund,\nBirgitte Holm",
     ["Mette Juhl Kristensen", "Anders Bøgh", "Lone Østergaard", "Jens Peter Vinther", "Kirsten Lund", "Birgitte Holm"]),
    ("Til stede: Maria Falk, Henning Dyrberg, Asger Munk, Hans Ole\nLund, Karen Margrethe Bech",
     ["Maria Falk", "Henning Dyrberg", "Asger Munk", "Hans Ole Lund", "Karen Margrethe Bech"]),
    ("Til stede: Karin, Ole, Hans\nMette, Birgit, Jonas", ["Karin", "Ole", "Hans", "Mette", "Birgit", "Jonas"]),
    ("Til stede:\nLise Holm, Greve Kommune\nBo Lund, Køge Kommune", ["Lise Holm (Greve Kommune)", "Bo Lund (Køge Kommune)"]),
], ids=["under its label, wrapped in a name", "wrapped after a middle name", "a second line of first names",
        "one person a line with where they come from"])
def test_a_list_of_names_wrapped_over_lines_is_read_name_by_name(names, read_as):
    """Probes of printed and typed minutes, 2026-12-05: a list under »Medlemmer:« alone was read a line a person
    (»Mette Juhl Kristensen, Anders Bøgh, …, Jens«), »Hans Ole« / »Lund, …« as »Hans Ole« and »Lund, Karen
    Margrethe Bech«, and a second line of first names as one person."""
    text = (f"Ældrerådet - Referat - 3. oktober 2024\n{names}\nAfbud: Finn Nørgaard\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode("utf-8"), "referat.txt").meetings
    assert meeting.participants == read_as


UNDER_THE_ITEMS = """Integrationsrådet
Referat af møde 22. maj 2025 kl. 17.00

1. Godkendelse af dagsorden
Beslutning: Godkendt.

2. Eventuelt
Beslutning: Intet.
{tail}"""


@pytest.mark.parametrize("tail, participants, absentees", [
    ("\nFraværende: Ali Hassan, Maria Petersen\nReferent: Tove Mikkelsen\n", [], ["Ali Hassan", "Maria Petersen"]),
    ("\nMødet hævet kl. 18.40.\n\nDeltagere: Ruth Dalgaard, Jørgen Saabye, Inga Poulsen\nAfbud: Inga Poulsen\n",
     ["Ruth Dalgaard", "Jørgen Saabye"], ["Inga Poulsen"]),
    ("\nNæste møde: Onsdag den 12. november 2025 kl. 9.30\n", [], []),
    ("Mødet sluttede kl. 17.50.\n", [], []),  # (as »Mødet hævet«: closing matter, not the decision's last words)
])
def test_the_meetings_facts_set_apart_under_the_last_item_are_its_attendance_not_the_items_text(
        tail, participants, absentees):
    """Small councils type who attended at the end (a probe of typed minutes, 2026-12-05): those lines were the end of
    the last item's decision, or closing matter with the attendance unread, so »<name> afbud« found nothing."""
    [meeting] = read(UNDER_THE_ITEMS.format(tail=tail))
    assert (meeting.participants, meeting.absentees) == (participants, absentees)
    assert [i.decision for i in meeting.items] == ["Godkendt.", "Intet."]


def test_a_facts_line_that_is_the_last_items_only_text_stays_its_text():
    [meeting] = read(UNDER_THE_ITEMS.format(tail="\n3. Næste møde\n\nNæste møde: 12. november 2025\n"))
    assert meeting.items[-1].title == "Næste møde" and "12. november 2025" in meeting.items[-1].sections[0].text


@pytest.mark.parametrize("present, away, participants, absentees", [
    ("Nina Kaas (A), formand, Erik Holmgaard (V), Pernille Rye (SF), Martin Vad (K), Lise Tang (DF)", "Martin Vad (K)",
     ["Nina Kaas (A, formand)", "Erik Holmgaard (V)", "Pernille Rye (SF)", "Lise Tang (DF)"], ["Martin Vad (K)"]),
    ("Nina Kaas (A), formand, Erik Holmgaard (V)", "Ingen", ["Nina Kaas (A, formand)", "Erik Holmgaard (V)"], []),
    ("Mette Krogh (DH, formand), Jens Ole Bang (DH), Susanne Friis (DH), Anders Vinther (byrådet)", "Carsten Hviid (DH)",
     ["Mette Krogh (DH, formand)", "Jens Ole Bang (DH)", "Susanne Friis (DH)", "Anders Vinther (byrådet)"],
     ["Carsten Hviid (DH)"]),
    ("Maria Friis (formand), Thomas Bach, Louise Kragh, Jesper Ulrik, Ayla Karim, skoleleder Bo Vang, viceskoleleder "
     "Trine Lau", "Thomas Bach", ["Maria Friis (formand)", "Louise Kragh", "Jesper Ulrik", "Ayla Karim",
                                  "skoleleder Bo Vang", "viceskoleleder Trine Lau"], ["Thomas Bach"]),
], ids=["a role after a name", "a short list", "a comma in a name's brackets", "a role before a name"])
def test_a_members_role_beside_the_name_stays_with_that_person(present, away, participants, absentees):
    """»Deltagere: Nina Kaas (A), formand, Erik Holmgaard (V), …« made »formand« a participant, or (a list over 80
    characters) kept the list as one line of prose, so the one sending word was still among the participants;
    »Mette Krogh (DH, formand)« was cut at its comma (probes of typed minutes, 2026-12-05)."""
    text = (f"Børne- og Ungeudvalget - Referat - 5. november 2025\nDeltagere: {present}\nAfbud: {away}\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert (meeting.participants, meeting.absentees) == (participants, absentees)


@pytest.mark.parametrize("members, participants", [
    ("Jens Fuglsang, Herning Kommune (formand)\nLotte Bæk, Ikast-Brande Kommune\nElse Kamp, Region Midtjylland",
     ["Jens Fuglsang (Herning Kommune, formand)", "Lotte Bæk (Ikast-Brande Kommune)", "Else Kamp (Region Midtjylland)"]),
    ("Morten Skov (A), formand\nJette Fogh (V)", ["Morten Skov (A, formand)", "Jette Fogh (V)"]),
    ("- Hanne Brix, formand\n- Pia Lund, kasserer\n- Emil Ravn", ["Hanne Brix (formand)", "Pia Lund (kasserer)",
                                                                 "Emil Ravn"]),
], ids=["an organisation", "a role", "a list's entries with their roles"])
def test_members_one_to_a_line_read_as_the_same_lists_apologies(members, participants):
    """Members one to a line under »Til stede:« alone, each with the organisation they come from or a role after a
    comma, read as the apologies beside them read (»Finn Aagaard (Lemvig Kommune)«); until 2026-12-05 each line
    stood as written (»Jens Fuglsang, Herning Kommune (formand)«), unlike the same list's apologies (a probe of an
    I/S representatives' meeting)."""
    text = (f"Repræsentantskabet for Midtvejs Affald I/S\nReferat af møde 7. juni 2024\n\nTil stede:\n{members}\n\n"
            "Afbud:\nFinn Aagaard, Lemvig Kommune\n\n1. Valg af dirigent\nBeslutning\nJens Fuglsang blev valgt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert (meeting.participants, meeting.absentees) == (participants, ["Finn Aagaard (Lemvig Kommune)"])


@pytest.mark.parametrize("present", [
    "Til stede: Borgmester Hans Kjeld (V), formand; Susanne Ebbe (A); Lasse Knudsen (C); politiinspektør Ole Hvam",
    "Til stede: Borgmester Hans Kjeld (V), formand; Susanne Ebbe (A); Lasse Knudsen (C); politiinspektør\nOle Hvam",
])
def test_a_list_parted_by_semicolons_with_titles_written_small_is_the_names(present):
    """A list over 80 characters whose last entry has a title written small before the name (»politiinspektør Ole
    Hvam«) was kept as one line of prose, a participant »Borgmester Hans Kjeld (V), formand; …«, and where a
    printed page wrapped it after the title, »Ole Hvam« was a second (a probe of an emergency board's minutes)."""
    text = (f"Beredskabskommissionen - Referat - 12. marts 2024\n{present}\nAfbud: Mette Dal (Ø)\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert meeting.participants == ["Borgmester Hans Kjeld (V, formand)", "Susanne Ebbe (A)", "Lasse Knudsen (C)",
                                    "politiinspektør Ole Hvam"]
    assert meeting.absentees == ["Mette Dal (Ø)"]


def test_a_drupal_pages_members_field_one_person_an_item_with_a_role_after_the_first():
    """Drupal's field of members, each name a field item (blank lines between, as the web reader gives blocks),
    the first with », formand« after the party: the role stopped the names at the first, and no one attended (a
    probe of a Drupal page, 2026-12-05). A member who sent word is no participant."""
    items = "".join(f'<div class="field__item">{name}</div>' for name in (
        "Kristian Buch (V), formand", "Dorthe Ravn (A)", "Ib Sejersen (K)", "Yasmin Aziz (SF)"))
    html = ('<html><body><main><h1>Plan- og Boligudvalget - referat</h1>'
            '<div class="field"><div class="field__label">Mødedato</div><div class="field__item">24. september 2025'
            '</div></div><div class="field"><div class="field__label">Medlemmer</div><div class="field__items">'
            f'{items}</div></div><div class="field"><div class="field__label">Afbud</div><div class="field__items">'
            '<div class="field__item">Ib Sejersen (K)</div></div></div>'
            '<h2>Punkt 1 - Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></main></body></html>')
    [meeting] = inspect_document(html.encode("utf-8"), "referat.html").meetings
    assert meeting.participants == ["Kristian Buch (V, formand)", "Dorthe Ravn (A)", "Yasmin Aziz (SF)"]
    assert meeting.absentees == ["Ib Sejersen (K)"]


@pytest.mark.parametrize("away, absentees", [
    ("Fraværende:\nRikke Thorup, forælderrepræsentant", ["Rikke Thorup (forælderrepræsentant)"]),
    ("Fraværende: Rikke Thorup, forælderrepræsentant, Bo Lund, medarbejderrepræsentant",
     ["Rikke Thorup (forælderrepræsentant)", "Bo Lund (medarbejderrepræsentant)"]),
])
def test_a_role_written_small_after_a_name_is_that_persons(away, absentees):
    """»Rikke Thorup, forælderrepræsentant« was two apologies, one of them »forælderrepræsentant«; »Louise Kragh,
    forælderrepræsentant (formand)« stood as written (a probe of a school board's Word minutes, 2026-12-05)."""
    text = (f"Skolebestyrelsen ved Bakkely Skole - Referat - 27. maj 2025\nDeltagere:\n"
            f"Louise Kragh, forælderrepræsentant (formand)\nMartin Brix, forælderrepræsentant\n{away}\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert meeting.participants == ["Louise Kragh (forælderrepræsentant, formand)", "Martin Brix (forælderrepræsentant)"]
    assert meeting.absentees == absentees


RIIS = ["Holger Riis (V, borgmester, formand)", "Birthe Laub (DF)", "Politiinspektør Anders Vig", "Beredskabschef Tom Skau"]


@pytest.mark.parametrize("members, away, participants", [
    ("Medlemmer:\nPeter Strand (A), regionsrådsformand         Lise Hviid (V)\n"
     "Anders Fjord (A)                             Mona Ibsen (F)", "Mona Ibsen (F)",
     ["Peter Strand (A, regionsrådsformand)", "Lise Hviid (V)", "Anders Fjord (A)"]),
    ("Medlemmer:\nHolger Riis (V), borgmester, formand               Kristian Mølgaard (S)\n"
     "Birthe Laub (DF)                                   Politiinspektør Anders Vig\nBeredskabschef Tom Skau",
     "Kristian Mølgaard (S)", RIIS),
    ("Deltagere   Holger Riis (V), borgmester, formand       Kristian Mølgaard (S)\n"
     "            Birthe Laub (DF)                           Politiinspektør Anders Vig\n"
     "            Beredskabschef Tom Skau", "Kristian Mølgaard (S)", RIIS),
], ids=["two columns", "roles after commas, under a label alone", "roles after commas, beside a label without a colon"])
def test_members_in_columns_a_few_spaces_apart_in_a_text_file_are_each_a_member(members, away, participants):
    """Text taken from a PDF sets a table of members in columns with spaces between (»Peter Strand (A),
    regionsrådsformand         Lise Hviid (V)«), its cells perhaps with roles after commas (»Holger Riis (V),
    borgmester, formand«), under a label or beside one without a colon, its lines indented: a line was one
    participant of two people, or the next row ran into the first as its wrapped words (probes of minutes saved as
    text, 2026-12-05). A member who sent word is no participant."""
    text = (f"Beredskabskommissionen\nReferat 12. marts 2024\nStarttid    14:00\n\n{members}\n\n"
            f"Fraværende:    {away}\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert meeting.participants == participants
    assert (meeting.absentees, meeting.time) == ([away], "14:00")


def test_a_general_meeting_s_attendance_from_the_board_and_a_sentence_on_who_else_came():
    """»Fremmødt fra bestyrelsen:« and »Afbud fra bestyrelsen:« are the labels of who came and who sent word, and
    a sentence under them on who else came (»Fra Skive Kommune deltog fritidskonsulent Camilla Frost.«) is no
    apology (a fresh probe of an association's general meeting, 2026-12-05: no one came, and the sentence was an
    apology)."""
    text = ("Idrætssamvirket Skive\nReferat fra ordinær generalforsamling 8. marts 2023\n\n"
            "Fremmødt fra bestyrelsen: Lone Kjærgaard (formand), Mads Rindom (kasserer), Helle Sønderby\n"
            "Afbud fra bestyrelsen: Ove Thøgersen\nFra Skive Kommune deltog fritidskonsulent Camilla Frost.\n\n"
            "1. Valg af dirigent\nBeslutning: Preben Dahl blev valgt.\n")
    [meeting] = inspect_document(text.encode(), "referat.txt").meetings
    assert meeting.participants == ["Lone Kjærgaard (formand)", "Mads Rindom (kasserer)", "Helle Sønderby"]
    assert meeting.absentees == ["Ove Thøgersen"]


JOINT = """Referat
Fællesmøde mellem Social- og Seniorudvalget og Sundhedsudvalget
tirsdag den 12. november 2024, kl. 16:30
i Mødelokale 3 på Rudersdal Rådhus

Tilstede
Social- og Seniorudvalget:
Hanne Kirkegaard (V) - formand
Morten Lysholm (C)

Sundhedsudvalget:
Søren Pilgaard (C) - formand
Anja Frost (Ø)

Afbud/Fraværende
Kirsten Udby (B)

1. Sundhedsaftale 2024-2027 - lokal implementeringsplan
Sagsnr.: 2024-11872
Beslutning
Godkendt.

2. Eventuelt
Beslutning
Intet.
"""


def test_a_joint_meeting_s_members_under_their_committees_captions_are_the_participants():
    """»Tilstede« over »Social- og Seniorudvalget:« / names / »Sundhedsudvalget:« / names (an eDoc referat of a joint
    meeting): no one was read as present (a fresh probe, 2026-12-06)."""
    [meeting] = read(JOINT)
    assert [name.split(" (")[0] for name in meeting.participants] == [
        "Hanne Kirkegaard", "Morten Lysholm", "Søren Pilgaard", "Anja Frost"]
    assert meeting.absentees == ["Kirsten Udby (B)"]
    assert [(i.number, i.decision) for i in meeting.items] == [(1, "Godkendt."), (2, "Intet.")]


def test_a_list_of_names_wrapped_inside_a_bracket_goes_on_as_the_list():
    """»…, Bjarne Kjær (suppleant for« / »Gerda Nissen)«, a mail's list hard-wrapped at 76 columns: the list was one
    line of prose and the bracket's end a name (a fresh probe, 2026-12-06)."""
    text = MINUTES.read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith("Deltagere: "))
    wrapped = ("Deltagere: Inge Marie Thomsen (formand), Hans Jürgen Lorenzen (næstformand),\n"
               "Karen Bonde, Peter Clausen, Else Marie Hansen, Bjarne Kjær (suppleant for\nGerda Nissen)")
    [meeting, *_] = read(text.replace(line, wrapped))
    assert meeting.participants == ["Inge Marie Thomsen (formand)", "Hans Jürgen Lorenzen (næstformand)",
                                    "Karen Bonde", "Peter Clausen", "Else Marie Hansen",
                                    "Bjarne Kjær (suppleant for Gerda Nissen)"]


def test_a_substitute_s_note_after_the_name_is_that_person_s_in_a_list_parted_by_semicolons():
    """»Til stede: Bent Dam (V), formand; Anja Kirk (A); …; Ole Nørby (SF), suppleant for Karen Fisker« (a Word
    template's): »suppleant for Karen Fisker« was no name, and the whole list one participant (a fresh probe,
    2026-12-06)."""
    text = MINUTES.read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith("Deltagere: "))
    listed = ("Deltagere: Bent Dam (V), formand; Anja Kirk (A); Jens Peder Hove (DF); Birgitte Lund (V); "
              "Ole Nørby (SF), suppleant for Karen Fisker")
    [meeting, *_] = read(text.replace(line, listed))
    assert meeting.participants == ["Bent Dam (V, formand)", "Anja Kirk (A)", "Jens Peder Hove (DF)",
                                    "Birgitte Lund (V)", "Ole Nørby (SF, suppleant for Karen Fisker)"]


def test_a_substitute_s_line_ends_the_apologies_above_it():
    """»Afbud Jørgen Bjerg (A)« over »Stedfortræder Kamilla Lund (A) deltog for Jørgen Bjerg (A)« (labels printed
    without colons): the substitute's line was an apology (a fresh probe, 2026-12-06)."""
    text = MINUTES.read_text(encoding="utf-8")
    [meeting, *_] = read(text.replace("Afbud: Ingen", "Afbud Jørgen Bjerg (A)\n"
                                      "Stedfortræder Kamilla Lund (A) deltog for Jørgen Bjerg (A)"))
    assert meeting.absentees == ["Jørgen Bjerg (A)"]
