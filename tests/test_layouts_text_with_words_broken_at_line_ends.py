"""A text file of minutes whose lines break words at a hyphen, as text taken from a PDF or typed in a narrow editor
does (»akutbered-« / »skabet«): a paragraph's lines are joined as the PDF reader joins a page's, the word whole with
its hyphen (»akutbered-skabet«, »IT-systemer«), a suspended compound (»erhvervs-« / »og handelsliv«) keeping its
space. Until 2026-12-05 a text file read »akutbered- skabet«, two words, and the bundled KD-Net minutes »EU-
samarbejder« (a probe of a region's minutes saved as text).
"""
from __future__ import annotations

from conftest import SAMPLES

from corpus.readers import inspect_document

MINUTES = """Regionsrådet
Referat 26. marts 2024

1. Ny akutklinik i Frederiksværk
Sagsnr.: 23/12877

Resumé
Regionen har siden 2022 arbejdet på at styrke akutbered-
skabet i den nordlige del af regionen, med nye IT-
systemer og et tæt samarbejde med erhvervs-
og handelslivet.

Beslutning
Godkendt.

2. Eventuelt
Beslutning
Intet.
"""


def test_a_word_broken_at_a_line_s_end_is_one_word_again():
    [meeting] = inspect_document(MINUTES.encode("utf-8"), "regionsraadet.txt").meetings
    summary = meeting.items[0].sections[0].text
    assert summary == ("Regionen har siden 2022 arbejdet på at styrke akutbered-skabet i den nordlige del af regionen, "
                       "med nye IT-systemer og et tæt samarbejde med erhvervs- og handelslivet.")


def test_the_bundled_minutes_keep_their_hyphenated_words_whole():
    path = SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"
    said = " ".join(s.text for m in inspect_document(path.read_bytes(), path.name).meetings
                    for i in m.items for s in i.sections)
    assert "2 store EU-samarbejder" in said and "midtjyske P2X-virksomheder" in said
