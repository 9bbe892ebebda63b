"""Numbered lines in an item's own text stay its text: a recommendation's points reaching the item's own
number, a Bilag list or a decision's points ending the minutes, a table by year, a vote cut by a page break, a
number and a heading inside a web page item's text. (The rules that let an item with nothing but its title
count, `test_layouts_title_only_items.py`, must not turn these into items.) Each variant is made from a real
document of its layout and must keep the original's items."""
from __future__ import annotations

import pytest
from conftest import SHARED, VARIANTS, need
from selectolax.lexbor import LexborHTMLParser

from corpus.parse import _split_title
from corpus.readers import inspect_document

BYRAAD = VARIANTS / "firstagenda-pdf-byraad.txt"
SBSYS = VARIANTS / "sbsys-skolebestyrelse.txt"
AARHUS = SHARED / "corpora" / "more-layouts" / "aarhus-teknisk-udvalg-2025-10-01-referat.html"


def read(text: str, name: str):
    return inspect_document(text.encode("utf-8"), name).meetings[0]


def items_of(meeting) -> list:
    return [(i.number, i.title, i.case_number, i.closed) for i in meeting.items]


def changed(path, *edits: tuple[str, str]) -> tuple[object, object]:
    """The document read as it is and with each (old, new) text replaced once."""
    text = path.read_text(encoding="utf-8")
    edited = text
    for old, new in edits:
        assert edited.count(old) == 1, old
        edited = edited.replace(old, new)
    return read(text, path.name), read(edited, path.name)


def test_a_recommendations_points_reaching_the_items_own_number_leave_the_item_as_it_is():
    original, meeting = changed(
        BYRAAD, ("fremskrivning af udledningerne\n", "fremskrivning af udledningerne m.v.\n"),
        ("Direktøren indstiller, at klimaregnskabet godkendes.",
         "Direktøren indstiller, at byrådet\n1. Godkender klimaregnskabet\n2. Sender fremskrivningen i høring\n"
         "3. Godkender tidsplanen for høringen"))
    assert [(n, t.removesuffix(" m.v."), c, x) for n, t, c, x in items_of(meeting)] == items_of(original)
    assert meeting.items[2].title.endswith("m.v.") and meeting.items[2].case_number == "EMN-2025-004711"
    assert "3. Godkender tidsplanen for høringen" in meeting.items[2].text_of(meeting.items[2].sections[0].kind)


@pytest.mark.parametrize("ending", [
    "Bilag\n1. Notat om grunden\n2. Kort over området\n3. Vurdering\n4. Skøde\n5. Købsaftale",
    "Byrådet besluttede:\n1. At sælge grunden\n2. At prisen er 2 mio. kr.\n3. At overtagelsen sker 1. maj\n"
    "4. At administrationen bemyndiges\n5. At sagen afsluttes"], ids=["bilag-list", "decision-points"])
def test_a_numbered_list_ending_the_minutes_stays_in_the_last_item(ending):
    text = BYRAAD.read_text(encoding="utf-8").rstrip("\n")
    original = read(text, BYRAAD.name)
    meeting = read(f"{text}\n{ending}\n", BYRAAD.name)
    assert items_of(meeting) == items_of(original)
    last = meeting.items[-1]
    assert "Købsaftale" in " ".join(last.attachments) or "At sagen afsluttes" in " ".join(
        s.text for s in last.sections)


def test_a_table_by_year_is_text_not_a_table_of_contents():
    table = "2021    Plejefamilie    41\n2022    Plejefamilie    44\n2023    Plejefamilie    52\n"
    original, meeting = changed(BYRAAD, ("Forslagsstillerne begrunder", f"{table}Forslagsstillerne begrunder"))
    assert items_of(meeting) == items_of(original)
    said = " ".join(s.text for s in meeting.items[1].sections)
    assert all(row.split()[0] in said and row.split()[-1] in said for row in table.splitlines())


def test_a_vote_cut_by_a_page_break_is_joined_not_an_item():
    original, meeting = changed(SBSYS, (
        "Referat: Intet.",
        "Referat: Forslaget om at flytte møderne blev vedtaget med stemmerne\n\nSide 2 af 2\n\n4 For og 2 Imod"))
    assert items_of(meeting) == items_of(original)
    assert meeting.items[-1].decision.endswith("blev vedtaget med stemmerne 4 For og 2 Imod")


def test_ved_in_a_place_is_no_presenter():
    assert _split_title("Café v/ Søen - forpagtning") == ("Café v/ Søen - forpagtning", None, "")
    assert _split_title("Trafiksikkerhed v. nordre Ringvej")[1] is None
    assert _split_title("Oplæg om trafikplanen /v/ ingeniør Ole Sand")[1] == "ingeniør Ole Sand"


def test_a_number_and_a_heading_in_a_web_page_items_text_are_text():
    tree = LexborHTMLParser(need(AARHUS).read_text(encoding="utf-8"))
    original = read(tree.html, AARHUS.name)
    details = tree.css("tr.punktrow")[0].css_first("div.details")
    inserted = LexborHTMLParser("<div><p>5</p><h4>Anlægsprojekter</h4><p>Tre projekter er i gang.</p></div>")
    details.insert_child(inserted.body.child)
    meeting = read(tree.html, AARHUS.name)
    assert items_of(meeting) == items_of(original)
    assert "Tre projekter er i gang." in " ".join(s.text for s in meeting.items[0].sections)


def test_announcements_numbered_up_to_the_items_own_number_stay_under_a_title_ending_in_a_full_stop():
    """»3. Meddelelser m.v.« holding »1. … v. Name«, »2. …«, »3. Nyt fra … v. Name«: the third announcement
    has a presenter, the title does not, and the title is still item 3's (it goes on from no list)."""
    original, meeting = changed(
        BYRAAD, ("3. Klimaregnskab og 2030-\nfremskrivning af udledningerne\n", "3. Meddelelser m.v.\n"),
        ("EMN-2025-004711\nIndstilling\nDirektøren indstiller, at klimaregnskabet godkendes.",  # (no case number)
         "Indstilling\nFormanden orienterede om:\n1. Nyt fra Kommunernes Landsforening v. Anna "
         "Hansen\n2. Status på klimaplanen\n3. Nyt fra Danske Handicaporganisationer v. Karen Dahl"))
    assert [n for n, *_ in items_of(meeting)] == [n for n, *_ in items_of(original)]
    assert meeting.items[2].title == "Meddelelser m.v." and meeting.items[2].presenter is None
    assert "Karen Dahl" in " ".join(s.text for s in meeting.items[2].sections)


def test_short_lines_under_a_heading_with_its_presenter_are_text_not_the_presenters_name():
    original, meeting = changed(BYRAAD, (
        "1. Godkendelse af dagsorden\nEMN-2025-000101\n",
        "1. Godkendelse af dagsorden v. Poul Sørensen\nPoul gennemgik dagsordenen\nDer var ingen bemærkninger\n"
        "Punkt 4 blev flyttet\n\nEMN-2025-000101\n"))
    assert meeting.items[0].presenter == "Poul Sørensen"
    said = " ".join(s.text for s in meeting.items[0].sections)
    assert "Poul gennemgik dagsordenen" in said and "Punkt 4 blev flyttet" in said
    assert [i.title for i in meeting.items] == [i.title for i in original.items]


@pytest.mark.parametrize("second", ["Hævet flade v. nordre Ringvej", "Oplæg om trafikplanen v/ ingeniør Ole Sand"])
def test_a_list_in_the_first_items_text_leaves_the_next_items_their_numbers(second):
    """Item 1's decision lists projects 1–3: the items after it, with their case numbers, keep the numbers 2
    and 3. Before, the list's points 2 and 3 became the items and the real ones their text."""
    original, meeting = changed(BYRAAD, (
        "Dagsordenen blev godkendt.",
        f"Dagsordenen blev godkendt. Planen omfatter:\n1. Ny cykelsti langs Skolevej\n2. {second}\n"
        "3. Fartdæmpning på Bygaden"))
    assert items_of(meeting) == items_of(original)
    said = meeting.items[0].sections[0].text.split("\n")
    assert f"2. {second}" in said and "3. Fartdæmpning på Bygaden" in said


def test_figures_opening_lines_under_a_lists_point_do_not_end_the_list():
    """Item 2's recommendation points 1–3 with amounts under point 2 (»- 3 mio. kr. …«): point 3 still goes
    on from the list, so the closed item 3 after »Lukkede punkter« keeps its number and stays closed. Before,
    the amounts passed for the list's last point, point 3 became item 3 and the closed item its open text."""
    original, meeting = changed(
        BYRAAD, ("Forslaget blev forkastet med 20 stemmer mod 9.",
                 "Forslaget blev forkastet med 20 stemmer mod 9.\nIndstilling\nDirektøren indstiller, at byrådet\n"
                 "1. Godkender planen\n2. Afsætter midler:\n- 3 mio. kr. i 2026\n- 1 mio. kr. i 2027\n"
                 "3. Oversender sagen til revisionen"),
        ("3. Klimaregnskab og 2030-", "Lukkede punkter\n3. Klimaregnskab og 2030-"))
    assert [(n, t) for n, t, *_ in items_of(meeting)] == [(n, t) for n, t, *_ in items_of(original)]
    assert [i.closed for i in meeting.items] == [False, False, True, True]
