"""An item with nothing but its title (»Eventuelt« with nothing said, a closed item the page prints as its
title and a label, an item whose text opens with prose) is still an item, in its place; an item title that
starts with a figure (»2. etape af …«) is a title; and a numbered list in an item's text that reaches the
next item's number (»3. Drøfter prioriteringen.« in item 2's Indstilling) does not take that item's place.
Each variant is made from a real document of its layout and must read as the original does, but for the
change made."""
from __future__ import annotations

import pytest
from conftest import SAMPLES, SHARED, VARIANTS, heading_lines, need, what_was_read
from selectolax.lexbor import LexborHTMLParser

from corpus.readers import inspect_document

TEXT_LAYOUTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", VARIANTS / "firstagenda-pdf-byraad.txt",
                VARIANTS / "sbsys-skolebestyrelse.txt"]
AARHUS = SHARED / "corpora" / "more-layouts" / "aarhus-teknisk-udvalg-2025-10-01-referat.html"


def read(text: str, name: str):
    return inspect_document(text.encode("utf-8"), name).meetings[0]


def without_text(path, k: int) -> tuple[str, object]:
    """The document with item k's text taken out (its heading line kept), and the original reading."""
    text = path.read_text(encoding="utf-8")
    original = read(text, path.name)
    lines = text.split("\n")
    at = heading_lines(lines, original.items)
    end = at[k + 1] if k + 1 < len(at) else len(lines)
    return "\n".join(lines[:at[k] + 1] + [""] + lines[end:]), original


def facts_but(meeting, k: int) -> list:
    """What was read of every item but the k-th, and the k-th's number and title."""
    items = what_was_read([meeting])[0][-1]
    return [i for j, i in enumerate(items) if j != k] + [items[k][:2]]


@pytest.mark.parametrize("path", TEXT_LAYOUTS, ids=lambda p: p.name)
def test_the_last_item_with_nothing_but_its_title_is_an_item(path):
    original = read(path.read_text(encoding="utf-8"), path.name)
    k = len(original.items) - 1
    text, _ = without_text(path, k)
    meeting = read(text, path.name)
    assert [i.number for i in meeting.items] == [i.number for i in original.items]
    assert meeting.items[k].sections == [] and meeting.items[k].title.startswith(original.items[k].title[:12])
    assert facts_but(meeting, k)[:-1] == facts_but(original, k)[:-1]


@pytest.mark.parametrize("path", TEXT_LAYOUTS, ids=lambda p: p.name)
@pytest.mark.parametrize("line", ["Intet at bemærke.", "Næste møde torsdag den 11. april kl. 19.00."])
def test_the_last_item_with_a_line_of_prose_under_its_title_is_an_item_holding_it(path, line):
    """»4. Eventuelt« / »Intet at bemærke.« ending the minutes: before, the line and the title were item 3's
    text (and after a closed part, closed with it). A sentence ending in a time (»… kl. 19.00.«) was read as the
    title's wrap (a probe of a board's typed minutes, 2026-12-05)."""
    original = read(path.read_text(encoding="utf-8"), path.name)
    k = len(original.items) - 1
    text, _ = without_text(path, k)
    meeting = read(text.rstrip("\n") + f"\n{line}\n", path.name)
    assert [i.number for i in meeting.items] == [i.number for i in original.items]
    assert meeting.items[k].title == original.items[k].title
    assert [s.text for s in meeting.items[k].sections] == [line]
    assert facts_but(meeting, k)[:-1] == facts_but(original, k)[:-1]


ALONE_FORM = """Kultur- og Fritidsudvalget
Referat
Tirsdag den 3. september 2024 kl. 17.00

1
Godkendelse af dagsorden

Beslutning
Godkendt.

2
Ansøgning om tilskud til musikfestival
S2024-12345

Beslutning
Der bevilges 100.000 kr.

3
Eventuelt
"""


@pytest.mark.parametrize("under", ["", "Intet at bemærke."])
def test_the_last_item_in_the_number_alone_form_with_only_its_title_or_a_line_is_an_item(under):
    """A number alone on its line above the title (»3« / »Eventuelt«) ending the minutes: before, the title
    was the last words of item 2's decision."""
    meeting = read(ALONE_FORM + under, "kultur.txt")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Ansøgning om tilskud til musikfestival"), (3, "Eventuelt")]
    assert meeting.items[1].sections[-1].text == "Der bevilges 100.000 kr."
    assert [s.text for s in meeting.items[2].sections] == ([under] if under else [])


def test_a_numbered_list_under_the_last_items_title_keeps_it_text():
    """A title numbered on from the last item, with a list under it, may be that list's heading: it stays the
    last item's text."""
    text = ALONE_FORM.replace("3\nEventuelt\n", "Der er tre vilkår:\n3\nVilkår for tilskuddet\n"
                              "1. Regnskab aflægges.\n2. Logo bruges.\n")
    meeting = read(text, "kultur.txt")
    assert [i.number for i in meeting.items] == [1, 2]
    assert "1. Regnskab aflægges." in meeting.items[1].sections[-1].text


def test_a_sentence_under_a_title_with_no_blank_line_is_text_not_the_titles_wrap():
    """Minutes with no blank lines (a Word document typed without styles): »Godkendt.« right under
    »1. Godkendelse af dagsorden« is the item's text; a title does not end a sentence."""
    text = ("Ældrerådet\nMødedato: 9. januar 2025 kl. 10.00\n1. Godkendelse af dagsorden\nGodkendt.\n"
            "2. Høring om madservice\nSagsnr.: 24/30002\nBeslutning\nÆldrerådet afgav høringssvar.\n"
            "3. Budget 2026 for ældreområdet m.v.\nSagsnr.: 24/30003\nBeslutning\nTaget til efterretning.")
    meeting = read(text, "aeldreraadet.txt")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Høring om madservice"), (3, "Budget 2026 for ældreområdet m.v.")]
    assert [s.text for s in meeting.items[0].sections] == ["Godkendt."]


PROSE = ["Forvaltningen har siden sidste møde holdt to møder med parterne", "",
         "Der er enighed om at fortsætte arbejdet", ""]


@pytest.mark.parametrize("change", ["title-only", "prose-first"])
@pytest.mark.parametrize("path", TEXT_LAYOUTS, ids=lambda p: p.name)
def test_an_item_in_the_middle_with_nothing_but_its_title_or_opening_with_prose_keeps_every_item(path, change):
    text = path.read_text(encoding="utf-8")
    original, lines = read(text, path.name), text.split("\n")
    at = heading_lines(lines, original.items)
    k = 1
    end = next(j for j in range(at[k], at[k + 1]) if original.items[k].title[-8:] in lines[j]) + 1  # its title's
    if change == "title-only":
        lines[end:at[k + 1]] = [""]
    else:  # its text opens with paragraphs (no heading, case number or presenter marks the line as an item's)
        lines[end:end] = ["", *PROSE]
    meeting = read("\n".join(lines), path.name)
    assert [(i.number, i.title) for i in meeting.items] == [(i.number, i.title) for i in original.items]
    if change == "title-only":
        assert meeting.items[k].sections == []
    else:
        assert PROSE[0] in meeting.items[k].sections[0].text
    assert facts_but(meeting, k)[:-1] == facts_but(original, k)[:-1]


@pytest.mark.parametrize("mark", ["", " 🔒"])
def test_two_items_in_a_row_with_nothing_but_their_titles_keep_every_item(mark):
    """»2. Salg af kommunal ejendom 🔒« / »3. Klagesag vedr. tjenestemand 🔒« with nothing under either, as minutes
    print closed items: every item after the first was read as its text (a before/after probe, 2026-12-05). Only
    titles each on a line of their own: a title going on over lines may as well be a title and its text
    (`test_layouts_word`'s »3. Klimaregnskab« / »Regnskabet viser et fald« / …)."""
    text = ("Økonomiudvalget\n\nReferat\n\nDato: 9. september 2025\nSted: Rådhuset, mødelokale 1\n\n"
            "1. Godkendelse af dagsorden\n\nBeslutning\nDagsordenen blev godkendt.\n\n"
            f"2. Salg af kommunal ejendom{mark}\n\n\n3. Klagesag vedr. tjenestemand{mark}\n\n\n"
            "4. Lokalplan 1187 - endelig vedtagelse\n\nSagsnr.: 24/1200\n\nBeslutning\nGodkendt.\n\n"
            "5. Meddelelser\n\nBeslutning\nIngen.\n")
    meeting = read(text, "referat.txt")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Salg af kommunal ejendom", bool(mark)),
        (3, "Klagesag vedr. tjenestemand", bool(mark)), (4, "Lokalplan 1187 - endelig vedtagelse", False),
        (5, "Meddelelser", False)]
    assert meeting.items[1].sections == meeting.items[2].sections == []
    assert meeting.items[0].decision == "Dagsordenen blev godkendt."


def test_a_numbered_list_reaching_the_next_items_number_does_not_take_its_place():
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    original = read(text, path.name)
    listed = text.replace("Direktøren indstiller, at klimaregnskabet godkendes.",
                          "Direktøren indstiller, at byrådet\n1. Godkender klimaregnskabet.\n"
                          "2. Sender fremskrivningen i høring.\n3. Drøfter de næste skridt.\n4. Beder om en status.")
    assert listed != text
    meeting = read(listed, path.name)
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        (i.number, i.title, i.case_number) for i in original.items]
    recommendation = next(s.text for s in meeting.items[2].sections if s.kind.value == "recommendation")
    assert "4. Beder om en status." in recommendation


def test_a_title_only_item_after_a_numbered_attachment_list_holding_its_number_is_an_item():
    """Item 2's Bilag list numbered 1–3 ends right above »3. Orientering fra formanden«, whose text opens with
    prose: the list's last point holds the number 3 already, so the title is no point going on from it.
    Before, items 3 to 5 were folded into item 2."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    original = read(text, path.name)
    edits = [("Bilag 1: Beslutningsforslag\nBilag 2: Høringssvar fra Ældrerådet\n",
              "1. Beslutningsforslag\n2. Høringssvar fra Ældrerådet\n3. Kort over ruterne\n"
              "3. Orientering fra formanden\nFormanden orienterede om mødet i KKR.\n"
              "Udvalget tog orienteringen til efterretning.\n"),
             ("3. Klimaregnskab og 2030-", "4. Klimaregnskab og 2030-"), ("4. Lukket punkt:", "5. Lukket punkt:")]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    meeting = read(text, path.name)
    expected = [(i.number, i.title, i.case_number, i.closed) for i in original.items]
    expected = expected[:2] + [(3, "Orientering fra formanden", None, False)] + [
        (n + 1, t, c, x) for n, t, c, x in expected[2:]]
    assert [(i.number, i.title, i.case_number, i.closed) for i in meeting.items] == expected
    assert meeting.items[1].attachments == original.items[1].attachments[:-2] + [
        "1. Beslutningsforslag", "2. Høringssvar fra Ældrerådet", "3. Kort over ruterne"]


# -- FirstAgenda's web page -------------------------------------------------------------------------------
def edited_page(edit) -> str:
    tree = LexborHTMLParser(need(AARHUS).read_text(encoding="utf-8"))
    edit(tree.css("tr.punktrow"))
    return tree.html


def title_only(row, closed: bool = False) -> None:
    """An item row as the portal prints an item with nothing published under its title."""
    row.css_first("div.details").decompose()
    if closed:
        label = LexborHTMLParser('<span class="label label-danger lukket-label">Lukket punkt</span>')
        row.css_first("button").insert_after(label.body.child)


def test_web_page_items_with_nothing_but_their_titles_are_items_the_closed_ones_closed():
    original = read(need(AARHUS).read_text(encoding="utf-8"), AARHUS.name)
    assert len(original.items) == 6 and not any(i.closed for i in original.items)

    def edit(rows):
        title_only(rows[3], closed=True)  # a closed item in the middle, then an open one with nothing said
        title_only(rows[4])
        title_only(rows[5], closed=True)  # and the last, closed

    meeting = read(edited_page(edit), AARHUS.name)
    assert [(i.number, i.title) for i in meeting.items] == [(i.number, i.title) for i in original.items]
    assert [i.closed for i in meeting.items] == [False, False, False, True, False, True]
    assert all(meeting.items[k].sections == [] for k in (3, 4, 5))
    assert what_was_read([meeting])[0][-1][:3] == what_was_read([original])[0][-1][:3]


def test_a_web_page_item_title_may_start_with_a_figure():
    original = read(need(AARHUS).read_text(encoding="utf-8"), AARHUS.name)
    page = AARHUS.read_text(encoding="utf-8").replace(">Lokalplan 1221 (tillæg",
                                                      ">2. etape af lokalplan 1221 (tillæg")
    assert page.count(">2. etape af") == 1
    meeting = read(page, AARHUS.name)
    assert [i.number for i in meeting.items] == [1, 2, 3, 4, 5, 6]
    assert meeting.items[2].title == original.items[2].title.replace("Lokalplan 1221", "2. etape af lokalplan 1221")
    read_then = what_was_read([original])[0][-1]
    assert [i for k, i in enumerate(what_was_read([meeting])[0][-1]) if k != 2] == [
        i for k, i in enumerate(read_then) if k != 2]


def test_a_web_page_leaving_out_items_keeps_the_ones_it_shows():
    """A public page may leave out the items it does not publish (numbers 1, 2, 5, 6): each row shown is an
    item still. Before, the longer run (5, 6) won and items 1–2 were dropped as front matter."""
    original = read(need(AARHUS).read_text(encoding="utf-8"), AARHUS.name)

    def edit(rows):
        rows[2].decompose()
        rows[3].decompose()

    meeting = read(edited_page(edit), AARHUS.name)
    kept = [i for i in what_was_read([original])[0][-1] if i[0] not in (3, 4)]
    assert what_was_read([meeting])[0][-1] == kept
    assert [i.number for i in meeting.items] == [1, 2, 5, 6]
