"""Minutes whose text went through a system that knew only ASCII (æ, ø, å written ae, oe, aa) keep their
layout, so they are read as the same meetings: »Moedested:«, »Moedetid:« (an earlier meeting embedded in an
item), »Moedet afsluttet« (closing matter), »Oekonomi« (a section heading) are the Danish labels."""
from __future__ import annotations

import re

import pytest
from conftest import MORE, SAMPLES, VARIANTS, need

from corpus.parse import parse_minutes_text
from corpus.readers import read_meetings
from corpus.spelling import either_spelling, fold


def written_without(text: str) -> str:
    """As ASCII exports write it: »Økonomi« -> »Oekonomi«, »ØKONOMI« -> »OEKONOMI«, »bør« -> »boer«."""
    for capital, two in (("Æ", "AE"), ("Ø", "OE"), ("Å", "AA")):
        text = re.sub(rf"{capital}(?=[A-ZÆØÅ])|(?<=[A-ZÆØÅ]){capital}", two, text)
        text = text.replace(capital, two.capitalize())
    return text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def shape(meetings) -> list:
    """What the parser made of a text: meeting facts, and each item's number, title, presenter, case,
    closed flag and section kinds, spelt as the ASCII export spells them."""
    return [(written_without(m.body or ""), m.date, m.time, written_without(m.location or ""),
             [written_without(p) for p in m.participants], [written_without(a) for a in m.absentees],
             [(i.number, written_without(i.title), written_without(i.presenter or ""), i.case_number, i.closed,
               [s.kind.value for s in i.sections]) for i in m.items])
            for m in meetings]


TEXTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt",
         VARIANTS / "firstagenda-pdf-byraad.txt", VARIANTS / "firstagenda-web-saved-as-text.txt",
         VARIANTS / "punkt-style-kultur.txt", VARIANTS / "sbsys-skolebestyrelse.txt",
         VARIANTS / "firstagenda-web-oekonomiudvalget.html", VARIANTS / "portal-teknik-og-miljoe.html",
         MORE / "aarhus-teknisk-udvalg-2025-10-01-referat.html"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_a_text_written_without_the_danish_letters_reads_as_the_same_meetings(path):
    text = need(path).read_text(encoding="utf-8")
    danish = read_meetings(text.encode("utf-8"), path.name)
    ascii_export = read_meetings(written_without(text).encode("utf-8"), path.name)
    assert danish and any(m.items for m in danish)
    assert shape(ascii_export) == shape(danish)


def test_the_earlier_meeting_embedded_under_moedetid_is_its_own_meeting():
    text = written_without((SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt").read_text(encoding="utf-8"))
    assert "Moedetid: 14. april 2023" in text
    june, april = read_meetings(text.encode("utf-8"), "kdnet-2023-06-02-dagsorden-og-referat.txt")
    assert (june.date, [i.number for i in june.items]) == ("2023-06-02", list(range(35, 52)))
    assert (april.date, [i.number for i in april.items]) == ("2023-04-14", list(range(21, 35)))
    assert june.location == "Scandic Silkeborg"
    assert "Martin Oestergaard Christensen" in june.absentees


def test_the_prose_body_written_without_the_letters_is_the_network_it_names():
    text = written_without((SAMPLES / "kdnet-2022-02-11-referat.txt").read_text(encoding="utf-8"))
    assert "kommunaldirektoernetvaerket" in text
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    assert meeting.body == "KD-Net"
    assert meeting.location.startswith("Scandic Silkeborg")


def test_a_pdfs_text_written_without_the_letters_reads_as_the_same_meetings():
    from corpus.readers.pdf_reader import extract_text

    path = need(MORE / "aarhus-moedesystemgruppen-2016-10-06-referat.pdf")
    text = extract_text(path.read_bytes())
    danish = parse_minutes_text(text, path.name)
    assert danish and danish[0].items
    assert shape(parse_minutes_text(written_without(text), path.name)) == shape(danish)


def test_either_spelling_widens_letters_but_not_character_classes():
    pattern = re.compile(either_spelling(r"^mødet (er )?afsluttet [a-zæøå]\b"), re.I)
    assert pattern.match("Mødet afsluttet ø") and pattern.match("MOEDET er afsluttet å")
    assert not pattern.match("Moedet afsluttet oe")  # the class still takes one letter
    assert fold("MØDESTED") == fold("Moedested") == "moedested"
