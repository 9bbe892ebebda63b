"""A closed item's marker under its access line: an agenda system's referat prints »Sagsnr.: 24/3310« / »Lukket
sag« / »Lukket punkt«; the marker is that item's, and the next item keeps its own access, all the more when it says »Åben sag« under its
title. Where an item has nothing but its case number (or other facts) above the marker, the marker may be either's (a portal's
closed item: title, case number, marker; typed minutes: the marker above the closed item's heading): it marks
the next item, the reading that keeps what may be closed hidden, unless that item says it is open; and where no
other item says how the document prints its markers, it marks its own item too.

Found on 2026-12-05 by printing portal pages and agenda systems' referater to PDF (54 of 72 documents): the
marker was read as printed above the next item's heading, so the closed item was published as open and the
next item's public case and decision were hidden as closed. Reading a marker under a bare case number as that
item's, tried the same day, published a closed item's decision in typed minutes (six of 52 documents), so it
was taken back. A title's own last word »Lukket« is no marker (»Dispensation til Restaurant Lukket«).
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


def test_a_marker_under_an_item_s_bare_case_number_marks_the_item_it_stands_closer_to():
    """Where no other item says whose such a marker is, the blank lines may: right above the next heading, a blank
    line under the case number, it is the next item's. Where they say nothing either (no blank line, as a PDF's
    text has none), it closes both: the next item, so that no closed decision is published, and its own, as a
    closed item is most often printed (title, case number, »Lukket punkt«)."""
    typed = ("2. Meddelelser\nSagsnr.: 25/02002\n\nLukket punkt\n3. Salg af erhvervsgrund i Tune Erhvervsområde\n"
             "Sagsnr.: 24/00871\nBeslutning\nSolgt til højestbydende.\n")
    access, items = read(HEAD + typed + NEXT)
    assert access == [(1, False), (2, False), (3, True), (6, False)]
    assert items[2].decision == "Solgt til højestbydende."
    access, items = read(HEAD + typed.replace("\n\nLukket", "\nLukket") + NEXT)
    assert access == [(1, False), (2, True), (3, True), (6, False)]
    assert (items[1].sections, items[1].case_number) == ([], "25/02002")


def test_a_marker_alone_under_a_title_closes_that_item_and_keeps_the_next_closed_where_nothing_tells_whose():
    """»2. Personalesag« / »Lukket punkt« / »3. Eventuelt«, as Word, PDF and typed minutes print a closed item with
    no text (three probes of 2026-12-05): the closed item was read as open, and only the next item closed. Where
    a blank line parts the marker from the next heading, or another item shows the marker under its title with
    text after it, or the title is marked closed itself (»… 🔒«), the next item keeps its own access."""
    stub = "2. Personalesag\nLukket punkt\n"
    access, items = read(HEAD + stub + NEXT)
    assert access == [(1, False), (2, True), (6, True)]
    assert items[1].sections == []
    access, _ = read(HEAD + stub + "\n" + NEXT)
    assert access == [(1, False), (2, True), (6, False)]
    access, _ = read(HEAD + stub.replace("Personalesag", "Personalesag 🔒") + NEXT)
    assert access == [(1, False), (2, True), (6, False)]
    told = "3. Salg af grund\nLukket punkt\nBeslutning\nSolgt.\n"
    access, _ = read(HEAD + stub + told + NEXT)
    assert access == [(1, False), (2, True), (3, True), (6, False)]


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


def test_a_title_s_own_last_word_lukket_is_no_marker():
    access, items = read(HEAD + "2. Dispensation til Restaurant Lukket\nBeslutning\nGodkendt.\n" + NEXT
                         + "7. SVØMMEHALLEN I TUNE FORBLIVER LUKKET\nBeslutning\nTaget til efterretning.\n")
    assert access == [(1, False), (2, False), (6, False), (7, False)]
    assert [i.title for i in items][1::2] == ["Dispensation til Restaurant Lukket", "SVØMMEHALLEN I TUNE FORBLIVER LUKKET"]

