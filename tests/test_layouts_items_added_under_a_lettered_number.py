"""An item added to the agenda under a lettered number (a tillægspunkt: »3a. Titel«, »Punkt 2a: Titel«) in a
PDF's text or a text file is an item of its own, numbered after the agenda's last with »(punkt 3a)« kept in its
title, as the agenda JSON's reader numbers them. The samples tests/layouts/firstagenda-pdf-byraad.txt and
tests/layouts/punkt-style-kultur.txt with such items added.

Found on 2026-12-04 by adding them: the added item's title, case number and decision were read as the text of
the item above it.
"""
from __future__ import annotations

from pathlib import Path

from corpus.model import SectionKind
from corpus.readers import inspect_document

LAYOUTS = Path(__file__).parent / "layouts"
PDF_TEXT = LAYOUTS / "firstagenda-pdf-byraad.txt"
PUNKT = LAYOUTS / "punkt-style-kultur.txt"
ADDED = "3a. Ny busrute til Vestby\nEMN-2025-004712\nBeslutning\nGodkendt med 25 stemmer.\n"


def items(text: str, name: str):
    [meeting] = inspect_document(text.encode("utf-8"), name).meetings
    return meeting.items


def with_added(added: str) -> str:
    text = PDF_TEXT.read_text(encoding="utf-8")
    assert text.count("4. Lukket punkt") == 1
    return text.replace("4. Lukket punkt", added + "4. Lukket punkt")


def test_an_item_added_under_a_lettered_number_is_an_item_numbered_after_the_last():
    found = items(with_added(ADDED), PDF_TEXT.name)
    by_number = {i.number: i for i in found}
    assert sorted(by_number) == [1, 2, 3, 4, 5]
    added = by_number[5]
    assert (added.title, added.case_number, added.closed) == ("Ny busrute til Vestby (punkt 3a)", "EMN-2025-004712",
                                                              False)
    assert [s.text for s in added.sections if s.kind is SectionKind.DECISION] == ["Godkendt med 25 stemmer."]
    assert "busrute" not in " ".join(s.text for s in by_number[3].sections)
    assert by_number[4].title == "Salg af grund" and by_number[4].closed


def test_two_added_items_and_a_closed_one():
    added = ADDED + "Lukket punkt\n3 b. Køb af busser\nEMN-2025-004713\nBeslutning\nGodkendt.\n"
    found = {i.number: i for i in items(with_added(added), PDF_TEXT.name)}
    assert [(n, found[n].title, found[n].closed) for n in (5, 6)] == [
        (5, "Ny busrute til Vestby (punkt 3a)", False), (6, "Køb af busser (punkt 3b)", True)]


def test_punkt_headings_with_a_letter():
    text = PUNKT.read_text(encoding="utf-8").replace(
        "Punkt 3: ", "Punkt 2a: Ekstra tilskud til spejderne\n21-000001\n\nBeslutning\nBevilget.\n\nPunkt 3: ")
    found = {i.number: i for i in items(text, PUNKT.name)}
    assert found[5].title == "Ekstra tilskud til spejderne (punkt 2a)"
    assert found[5].case_number == "21-000001"
    assert [i.title for n, i in sorted(found.items()) if n < 5] == [
        "Godkendelse af dagsorden", "Tilskud til foreninger", "Ny idrætshal", "Personalesag"]


def test_a_lettered_point_of_a_list_or_with_prose_under_it_is_text():
    """»3a) at der afsættes …« (a recommendation's point) and »3a. Ny busrute« with a sentence under it, no
    case number or section: the item's text."""
    for added in ("3a) at der afsættes 2 mio. kr. til busruten\nBeslutning\nGodkendt.\n",
                  "3a. Ny busrute\nDer blev orienteret om busruten.\n"):
        found = items(with_added(added), PDF_TEXT.name)
        assert [i.number for i in found] == [1, 2, 3, 4]
        assert added.split("\n")[0] in " ".join(s.text for s in found[2].sections)


def test_a_letter_under_another_item_s_number_is_text():
    """»2a. Ny busrute« under item 3: not a tillægspunkt to item 3."""
    found = items(with_added(ADDED.replace("3a.", "2a.")), PDF_TEXT.name)
    assert [i.number for i in found] == [1, 2, 3, 4]


WEB_TEXT = LAYOUTS / "firstagenda-web-saved-as-text.txt"


def test_lettered_numbers_alone_above_their_titles_in_place_of_a_number_are_items():
    """A web page's number cell »2a« on its own line above the title (a blank line between, as the page's cells
    give it), »2a« and »2b« in place of an item 2: each an item numbered after the last. Their titles, case numbers
    and decisions were item 1's text, and the closed item 3 after them too, for want of an item 2 (a fresh probe
    of a FirstAgenda page, 2026-12-06)."""
    text = WEB_TEXT.read_text(encoding="utf-8")
    start, end = text.index("\n2\n"), text.index("\n3\n")
    added = ("\n2a\n\nTilskud til lejrskoler\nEMN-2025-020010\nBeslutninger\nBevilget 180.000 kr.\n"
             "\n2b\n\nTilskud til musik i dagtilbud\nEMN-2025-020011\nBeslutninger\nBevilget 95.000 kr.\n")
    found = {i.number: i for i in items(text[:start] + added + text[end:], WEB_TEXT.name)}
    assert [(n, found[n].title, found[n].case_number, found[n].closed) for n in sorted(found)] == [
        (1, "Godkendelse af dagsorden", "EMN-2025-020001", False), (3, "Personalesag", None, True),
        (4, "Tilskud til lejrskoler (punkt 2a)", "EMN-2025-020010", False),
        (5, "Tilskud til musik i dagtilbud (punkt 2b)", "EMN-2025-020011", False)]
    assert [s.text for s in found[5].sections if s.kind is SectionKind.DECISION] == ["Bevilget 95.000 kr."]
    assert "Bevilget" not in " ".join(s.text for s in found[1].sections)
    # the closed item after them stays an item of its own: its text was the last open item's (in any version)
    assert "Personalesag" not in " ".join(s.text for n in (1, 4, 5) for s in found[n].sections)
