"""A FirstAgenda page's title block names the committee and the place (»Dagsorden 12. januar 2026 kl. 8.30« /
»Økonomiudvalget - Mødesal 1«): a page, or the page saved as text, without the info table under it (Udvalg,
Mødedato, Mødested) still names its committee. The samples in tests/layouts and Aarhus' page in ../shared, with
the info table taken out.

Found on 2026-12-04: without the table the committee was taken from the file's name (»aarhus noinfo«), and
the place was lost.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.readers import read_meetings

HERE = Path(__file__).parent
PAGE = HERE / "layouts" / "firstagenda-web-oekonomiudvalget.html"
TEXT = HERE / "layouts" / "firstagenda-web-saved-as-text.txt"
AARHUS = HERE.parents[1] / "shared" / "corpora" / "more-layouts" / "aarhus-teknisk-udvalg-2025-10-01-referat.html"
INFO_TABLE = re.compile(r'<table class="dagsordeninfo">.*?</table>', re.S)
INFO_LINES = ("Udvalg:\nBørne- og Ungeudvalget\nMødedato:\nmandag den 3. november 2025 kl. 9.00\nMødested:\n"
              "Mødelokale 2\n")


def without_table(path: Path) -> bytes:
    html, n = INFO_TABLE.subn("", path.read_text(encoding="utf-8"))
    assert n == 1
    return html.encode("utf-8")


def facts(data: bytes, name: str) -> tuple:
    [meeting] = read_meetings(data, name)
    return meeting.body, meeting.date, meeting.time, meeting.location


def test_a_page_without_its_info_table_names_the_committee_and_place_of_its_title():
    assert facts(without_table(PAGE), "side.html") == ("Økonomiudvalget", "2026-01-12", "08:30", "Mødesal 1")
    assert facts(PAGE.read_bytes(), "side.html") == ("Økonomiudvalget", "2026-01-12", "08:30", "Mødesal 1")


def test_the_page_saved_as_text_without_its_info_lines_names_them_too():
    text = TEXT.read_text(encoding="utf-8")
    assert INFO_LINES in text
    assert facts(text.replace(INFO_LINES, "", 1).encode("utf-8"), "referat.txt") == (
        "Børne- og Ungeudvalget", "2025-11-03", "09:00", "Mødelokale 2")


def test_aarhus_page_without_its_info_table_reads_as_with_it():
    if not AARHUS.is_file():
        pytest.skip(f"{AARHUS} not found")
    assert facts(without_table(AARHUS), "side.html") == facts(AARHUS.read_bytes(), AARHUS.name) == (
        "Teknisk Udvalg", "2025-10-01", "15:45", "Udvalgsværelse 398")


@pytest.mark.parametrize("under", ["Sagsbehandler: Anne Holm - Teknik", "Bilag 1 - Kort", "Orientering - status"])
def test_a_line_under_the_title_naming_no_committee_is_no_committee(under):
    html = INFO_TABLE.sub("", PAGE.read_text(encoding="utf-8"), count=1).replace(
        '<span class="udvalg">Økonomiudvalget</span><span> - </span><span class="sted">Mødesal 1</span>', under, 1)
    body, *_ = facts(html.encode("utf-8"), "oekonomiudvalget.html")
    assert body == "Økonomiudvalget"  # the page's <title>, before the file name (until 2026-12-05 the file name's)
