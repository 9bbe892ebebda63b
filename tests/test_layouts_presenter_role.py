"""Who presents an item, named by role after »v/« or »v.« in its heading (»1. Godkendelse af dagsorden v/
formanden«, »v/ ingeniør Ole Sand«, »v. direktøren«): the item's presenter, and the title without it. Before,
»v/« counted only after a slash (»/v/«) and a role alone not at all, so the words stayed in the title. »v/«
before a name is still »ved« in a place (»Café v/ Søen«)."""
from __future__ import annotations

import pytest
from conftest import VARIANTS, what_was_read

from corpus.parse import _split_title
from corpus.readers import inspect_document

BYRAAD = VARIANTS / "firstagenda-pdf-byraad.txt"
HEADING = "1. Godkendelse af dagsorden\n"


def read(text: str):
    return inspect_document(text.encode("utf-8"), BYRAAD.name).meetings[0]


@pytest.mark.parametrize("ved, presenter", [("v/ formanden", "formanden"),
                                            ("v/ ingeniør Ole Sand", "ingeniør Ole Sand"),
                                            ("v. direktøren", "direktøren"),
                                            ("(v. borgmesteren)", "borgmesteren")])
def test_a_role_after_ved_in_the_heading_is_the_presenter(ved, presenter):
    text = BYRAAD.read_text(encoding="utf-8")
    assert text.count(HEADING) == 1
    original = read(text)
    meeting = read(text.replace(HEADING, HEADING.replace("\n", f" {ved}\n")))
    assert (meeting.items[0].title, meeting.items[0].presenter) == (original.items[0].title, presenter)
    assert what_was_read([meeting])[0][-1][1:] == what_was_read([original])[0][-1][1:]


@pytest.mark.parametrize("title", ["Café v/ Søen - forpagtning", "Hotel v/ Vejle Fjord", "Restaurant v/ chefkokken",
                                   "Trafiksikkerhed v. nordre Ringvej", "Orientering v/ formandens sekretær"])
def test_ved_before_a_place_or_a_word_that_is_no_role_stays_in_the_title(title):
    assert _split_title(title) == (title, None, "")


def test_a_point_of_a_list_with_a_presenter_does_not_take_the_next_items_number():
    """»2. Oplæg om trafikplanen v. Ole Sand« in item 1's list, above the real item 2 with its case
    number: the list point goes on from the list, and that weighs as much as its presenter."""
    text = BYRAAD.read_text(encoding="utf-8")
    original = read(text)
    listed = ("Dagsordenen blev godkendt. Planen omfatter:\n1. Ny cykelsti langs Skolevej\n"
              "2. Oplæg om trafikplanen v. Ole Sand\n3. Fartdæmpning på Bygaden")
    assert text.count("Dagsordenen blev godkendt.") == 1
    meeting = read(text.replace("Dagsordenen blev godkendt.", listed))
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == \
        [(i.number, i.title, i.case_number) for i in original.items]
    assert "2. Oplæg om trafikplanen v. Ole Sand" in meeting.items[0].sections[0].text.split("\n")
