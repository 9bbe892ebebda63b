"""A closed item's marker under its case number, where nothing else stands under the title: a portal's page
(or the PDF printed from it) gives a closed item its title, case number and »Lukket punkt«, and an agenda
system's referat prints »Sagsnr.: 24/3310« / »Lukket sag« / »Lukket punkt«. The marker is that item's: the item
is closed and the next one keeps its own access, all the more when it says »Åben sag« under its title.

Found on 2026-12-05 by printing portal pages and agenda systems' referater to PDF (54 of 72 documents): the
marker was read as printed above the next item's heading, so the closed item was published as open and the
next item's public case and decision were hidden as closed. A marker above the next heading, under an item's
own text, still marks the next item (typed minutes). And a portal's »Lukket« badge printed after the title.
"""
from __future__ import annotations

from corpus.readers import read_meetings

HEAD = """Teknisk Udvalg - Referat
Mødedato: 12.03.2024
Mødested: Rådhuset, mødelokale 2
Deltagere: Pernille Beckmann (V), Jens Kristian Olsen (A)
1. Godkendelse af dagsorden
Sagsnr.: 24/00012
Beslutning
Godkendt.
"""
NEXT = """6. Meddelelser
Sagsnr.: 24/00013
Sagsfremstilling
Vinterberedskabet har været i gang 14 gange i januar.
Beslutning
Orienteringen blev taget til efterretning.
"""


def read(text: str):
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    return [(i.number, i.closed) for i in meeting.items], meeting.items


def test_a_marker_under_the_case_number_closes_its_own_item_not_the_next():
    closed = "4. Salg af erhvervsgrund i Tune Erhvervsområde\nSagsnr.: 24/00871\nLukket punkt\n"
    access, items = read(HEAD + closed + NEXT)
    assert access == [(1, False), (4, True), (6, False)]
    assert items[2].decision == "Orienteringen blev taget til efterretning."


def test_an_access_line_then_the_marker_close_their_item_and_the_next_says_it_is_open():
    closed = "Punkt 4. Salg af grund på Industrivej 12\nSagsnr.: 24/3310\nLukket sag\nLukket punkt\n"
    later = NEXT.replace("6. Meddelelser\n", "Punkt 6. Meddelelser\n").replace("Sagsnr.: 24/00013\n", "Åben sag\n")
    first = HEAD.replace("1. Godkendelse", "Punkt 1. Godkendelse")
    access, _ = read(first + closed + later)
    assert access == [(1, False), (4, True), (6, False)]  # (item 6 went into item 4's text: its »Åben sag« is
    # an item's mark, as a case number is, where the numbers skip)


def test_the_next_item_saying_it_is_open_keeps_it_open_after_a_marker_under_the_title():
    closed = "2. Salg af erhvervsgrund i Tune Erhvervsområde\nLukket punkt\n"
    access, _ = read(HEAD + closed + NEXT.replace("Sagsnr.: 24/00013\n", "Sagsnr.: 24/00013\nÅben sag\n"))
    assert access == [(1, False), (2, True), (6, False)]


def test_a_marker_under_an_item_s_own_text_still_marks_the_next_item():
    """Typed minutes print »Lukket punkt« above the closed item's heading, under the item before it."""
    above = ("4. Vinterberedskab\nSagsnr.: 24/00871\nBeslutning\nTaget til efterretning.\nLukket punkt\n"
             "5. Salg af erhvervsgrund\nBeslutning\nGodkendt.\n")
    access, _ = read(HEAD + above + NEXT)
    assert access == [(1, False), (4, False), (5, True), (6, False)]


def test_a_badge_after_the_title_closes_the_item():
    """A portal prints »Lukket« as a badge beside the closed item's title; printed to PDF it ends the title's
    line (»… Tune Erhvervsområde Lukket«). A title's own word »lukket« is written in lower case, or the title in
    capitals."""
    access, items = read(HEAD + "2. Salg af erhvervsgrund i Tune Erhvervsområde Lukket\nSagsnr.: 24/00871\n" + NEXT
                         + "7. Vejen ved Tune Skole lukket\nBeslutning\nTaget til efterretning.\n"
                         + "8. SVØMMEHALLEN I TUNE FORBLIVER LUKKET\nBeslutning\nTaget til efterretning.\n")
    assert access == [(1, False), (2, True), (6, False), (7, False), (8, False)]
    assert [i.title for i in items] == ["Godkendelse af dagsorden", "Salg af erhvervsgrund i Tune Erhvervsområde",
                                        "Meddelelser", "Vejen ved Tune Skole lukket",
                                        "SVØMMEHALLEN I TUNE FORBLIVER LUKKET"]


def test_a_marker_under_the_case_s_facts_closes_its_own_item():
    closed = "2. Salg af erhvervsgrund i Tune Erhvervsområde\nSagsnr.: 25/01100\nSagsbehandler: Bo Lund\nLukket punkt\n"
    access, _ = read(HEAD + closed + NEXT)
    assert access == [(1, False), (2, True), (6, False)]
