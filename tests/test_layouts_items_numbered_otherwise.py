"""Items numbered in Roman numerals (»I. Valg af dirigent«, as an I/S's or an association's general meeting numbers
them) or as »Sag 1: Titel« (a local council's typed minutes, in Markdown »## Sag 1: …«) are read as the items they
are, numbered 1, 2, 3 …, each printed number accounted for as a marker. Until 2026-12-05 such minutes were refused
(»no agenda items found«; probes of an I/S representatives' meeting and a lokalråd's minutes). Numbers that do not
count up from one are no run, and a Roman list inside minutes that read already changes nothing.
"""
from __future__ import annotations

import pytest

from corpus.coverage import coverage
from corpus.model import SectionKind
from corpus.parse import roman_number
from corpus.readers import ReaderError, inspect_document

HEAD = """Midtvejs Affald I/S
Referat af repræsentantskabsmøde
fredag den 7. juni 2024 kl. 10.00
Mødested: Administrationsbygningen, Industrivej 12, 7400 Herning

"""

REPRESENTATIVES = HEAD + """{one} Valg af dirigent
Indstilling: Bestyrelsen foreslår Jens Fuglsang som dirigent.
Beslutning: Jens Fuglsang blev valgt.

{two} Årsregnskab 2023
Sagsnr.: 2024-0112
Resumé: Årsregnskabet udviser et resultat på 2,3 mio. kr.
Beslutning: Årsregnskabet blev godkendt.

{three} Takster 2025
Sagsnr.: 2024-0187
Indstilling: Bestyrelsen indstiller, at taksterne for 2025 godkendes.
Beslutning: Godkendt.

FORTROLIGE SAGER

{four} Forhandling om ny kontrakt på kørsel af dagrenovation
Sagsnr.: 2024-0201
Beslutning: Forlængelsen blev godkendt.
"""

TITLES = ["Valg af dirigent", "Årsregnskab 2023", "Takster 2025",
          "Forhandling om ny kontrakt på kørsel af dagrenovation"]


@pytest.mark.parametrize("numbers", [
    ("I.", "II.", "III.", "IV."),
    ("I)", "II)", "III)", "IV)"),
    ("Sag 1:", "Sag 2:", "Sag 3:", "Sag 4:"),
    ("Sag 1 –", "Sag 2 –", "Sag 3 –", "Sag 4 –"),
])
def test_items_numbered_otherwise_are_read_with_their_sections(numbers):
    text = REPRESENTATIVES.format(one=numbers[0], two=numbers[1], three=numbers[2], four=numbers[3])
    reading = inspect_document(text.encode("utf-8"), "repraesentantskab.txt")
    [meeting] = reading.meetings
    assert [(i.number, i.title) for i in meeting.items] == list(enumerate(TITLES, start=1))
    assert [i.case_number for i in meeting.items] == [None, "2024-0112", "2024-0187", "2024-0201"]
    assert [i.closed for i in meeting.items] == [False, False, False, True]
    assert meeting.items[1].decision == "Årsregnskabet blev godkendt."
    assert coverage(reading).missing == ()  # (»IV«, »Sag« are markers, not lost)


LOKALRAAD = """# Referat – Lokalrådet for Høje Torp og Omegn

**Mødedato:** Onsdag d. 13.03.2024, kl. 19.00–21.30
**Sted:** Høje Torp Forsamlingshus

## Sag 1: Godkendelse af dagsorden

Dagsordenen blev godkendt.

## Sag 2: Trafiksikkerhed på Bygaden

Flere borgere har henvendt sig om høj fart ved skolen. Ove skriver til kommunen.

## Sag 3: Eventuelt

Sommerfesten holdes lørdag den 22. juni.
"""


def test_markdown_sag_headings_with_prose_under_them_are_items():
    """Minutes titled »Referat« whose items have only prose under them, as typed minutes number theirs »1.«."""
    [meeting] = inspect_document(LOKALRAAD.encode("utf-8"), "lokalraad.md").meetings
    assert meeting.body == "Lokalrådet for Høje Torp og Omegn"
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Trafiksikkerhed på Bygaden"), (3, "Eventuelt")]
    assert "Ove skriver til kommunen" in meeting.items[1].sections[0].text


def test_numbers_that_do_not_count_up_from_one_are_refused_as_before():
    text = REPRESENTATIVES.format(one="II.", two="III.", three="V.", four="VII.")
    with pytest.raises(ReaderError, match="no agenda items found"):
        inspect_document(text.encode("utf-8"), "repraesentantskab.txt")


def test_a_roman_list_in_minutes_that_read_already_stays_the_items_text():
    text = HEAD + """1. Budget 2025
Sagsnr.: 2024-0300
Sagsfremstilling:
I. Drift
II. Anlæg
Beslutning: Godkendt.

2. Eventuelt
Beslutning: Intet.
"""
    [meeting] = inspect_document(text.encode("utf-8"), "repraesentantskab.txt").meetings
    assert [(i.number, i.title) for i in meeting.items] == [(1, "Budget 2025"), (2, "Eventuelt")]
    assert "II. Anlæg" in meeting.items[0].text_of(SectionKind.CASE)


@pytest.mark.parametrize("numeral, value", [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40),
                                            ("IIII", None), ("VX", None), ("IL", None)])
def test_roman_numerals_read_as_written_only(numeral, value):
    assert roman_number(numeral) == value
