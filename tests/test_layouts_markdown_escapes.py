"""Minutes converted to Markdown with backslash escapes read as the same minutes.

Converters escape what Markdown would read as markup: pandoc writes a number typed before an item's title as
»1\\. Godkendelse af dagsorden« (so it is no list) and a line break as a closing backslash; markdownify escapes
»KD\\-Net« and »\\(bilag 2\\)«. The bundled minutes hold one such escape themselves (»\\(erhvervsfremmebestyrelsen.dk\\)«,
shown in a snippet as written). A file so written was refused: »no agenda items found«.
"""
from __future__ import annotations

import re

import pytest
from conftest import SAMPLES

from corpus.readers import inspect_document, read_meetings

ITEM_NUMBER = re.compile(r"^(\d+)\. ", re.MULTILINE)
LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")


def escaped(text: str) -> str:
    """The minutes as a converter escapes them: numbers before titles, parentheses, hyphens and the like in the
    text (not in a link's markup), and each line break inside a paragraph as a closing backslash."""
    lines = []
    for line in ITEM_NUMBER.sub(r"\1\\. ", text).split("\n"):
        if not LINK.search(line):
            line = re.sub(r"([()\-!#+])", r"\\\1", line)
        lines.append(line)
    return "\n".join(line + "\\" if line.strip() and after.strip() else line
                     for line, after in zip(lines, lines[1:] + [""]))


def read(text: str, name: str) -> list[tuple]:
    return [(m.id, m.body, m.date, m.time, m.location, m.participants, m.absentees,
             [(it.number, it.title, it.presenter, it.case_number, it.closed,
               [(str(s.kind), s.heading, s.text) for s in it.sections]) for it in m.items])
            for m in read_meetings(text.encode("utf-8"), name)]


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_a_sample_escaped_as_markdown_reads_as_the_sample(sample):
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    variant = escaped(text)
    assert variant.count("\\") > 100 and re.search(r"^1\\\. ", variant, re.MULTILINE)
    assert read(variant, sample.replace(".txt", ".md")) == read(text, sample)


def test_no_escape_is_left_in_what_the_bundled_minutes_store():
    sample = SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"
    texts = [s.text for m in read_meetings(sample.read_bytes(), sample.name) for it in m.items for s in it.sections]
    assert any("(erhvervsfremmebestyrelsen.dk)" in t for t in texts)
    assert not any("\\(" in t or "\\)" in t for t in texts)


def test_a_backslash_before_a_letter_stays_as_written():
    text = (SAMPLES / "kdnet-2022-02-11-referat.txt").read_text(encoding="utf-8")
    text = text.replace("Afbud: Ingen", "Afbud: Ingen\n\nBilag ligger på G:\\Fælles\\KD-Net", 1)
    reading = inspect_document(text.encode("utf-8"), "kdnet-2022-02-11-referat.txt")
    assert "G:\\Fælles\\KD-Net" in reading.text
