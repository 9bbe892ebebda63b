"""Double-spaced minutes (a blank line after every line, as some PDF and OCR converters write them) read as the
single-spaced file they came from. Before, a wrapped title was cut at its first line (»Forslag fra Enhedslisten
om en klimaplan med«), an item was lost, and the names under »Deltagere:« and »Afbud:« stopped at the first."""
from __future__ import annotations

import pytest
from conftest import SAMPLES, VARIANTS, what_was_read

from corpus.readers import read_meetings
from corpus.textclean import undouble_spacing

LAYOUTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt",
           VARIANTS / "firstagenda-pdf-byraad.txt", VARIANTS / "firstagenda-web-saved-as-text.txt",
           VARIANTS / "punkt-style-kultur.txt", VARIANTS / "sbsys-skolebestyrelse.txt"]


def double_spaced(text: str) -> str:
    """A blank line after every line: a paragraph's gap becomes two blank lines."""
    return "\n".join(line + "\n" if line.strip() else line for line in text.split("\n"))


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_double_spaced_minutes_read_as_the_file_they_came_from(path):
    text = path.read_text(encoding="utf-8")
    got = read_meetings(double_spaced(text).encode(), path.name)
    assert what_was_read(got) == what_was_read(read_meetings(text.encode(), path.name))


def test_paragraphs_one_a_line_with_a_blank_between_are_not_taken_for_double_spacing():
    """The February minutes with every line a paragraph of its own: a blank after each line, no wider gaps,
    and lines as long as their paragraphs. Closing the gaps would run the paragraphs together."""
    lines = [line for line in (SAMPLES / "kdnet-2022-02-11-referat.txt").read_text(encoding="utf-8").split("\n")
             if line.strip()]
    spaced = "\n\n".join(lines).split("\n")
    assert undouble_spacing(spaced) == spaced


def test_a_double_spaced_page_of_short_lines_is_closed_up():
    lines = (VARIANTS / "firstagenda-pdf-byraad.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert undouble_spacing("\n\n".join(lines).split("\n")) == lines
