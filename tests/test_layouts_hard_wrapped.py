"""Minutes hard-wrapped, as an e-mail or a narrow text export sends them (every line longer than 72 or 60 columns,
or 50 where a layout's lines are shorter, broken at a space), read as the same meetings, items and sections as
the file they came from. The wraps that broke them: a presenter on the title's wrapped line (»2. Godkendelse af
referatet fra møderne den 3. december 2021« / »v. Jesper Kaas Schmidt«: the item was not taken for one, and
items 1-3 were lost as front matter), a line of prose that opens with a heading's word (»konsekvenser, f.eks. i
relation til …«: read as a heading), a bold sub-heading or a link wrapped over two lines, a sentence of
participants wrapped over three (read as three names), an address (»… 8600« / »Silkeborg«) and a title line's
date and time (»… – 14. maj« / »2024 kl. 15.30«: the meeting was rejected for want of a date)."""
from __future__ import annotations

import re
import textwrap

import pytest
from conftest import SAMPLES, VARIANTS, what_was_read

from corpus.readers import read_meetings

FEBRUARY, JUNE = SAMPLES / "kdnet-2022-02-11-referat.txt", SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"
BYRAAD, PUNKT = VARIANTS / "firstagenda-pdf-byraad.txt", VARIANTS / "punkt-style-kultur.txt"
# every text layout with lines longer than the width but for a table's (SBSYS's and FirstAgenda's web page saved
# as text have none)
WRAPPED = [(FEBRUARY, 72), (FEBRUARY, 60), (JUNE, 72), (JUNE, 60), (BYRAAD, 60), (BYRAAD, 50), (PUNKT, 60),
           (PUNKT, 50)]


def hard_wrapped(text: str, width: int) -> str:
    """Each line longer than `width` broken at spaces (table rows stay whole, tab-separated or between pipes,
    as a mail client leaves them), not at one after a hyphen (»der står uden- for«, as the June minutes write a
    word a PDF broke): a line ending in a hyphen is read as a word broken there, as text taken from a PDF breaks
    them, so such a wrap makes another text."""
    out: list[str] = []
    for line in text.split("\n"):
        row = "\t" in line or line.startswith("|") and line.rstrip().endswith("|")
        if len(line) > width and not row:
            kept = re.sub(r"(?<=\w-) ", "\u00a0", line)  # (textwrap breaks at ASCII whitespace only)
            out += [part.replace("\u00a0", " ") for part in
                    textwrap.wrap(kept, width, break_long_words=False, break_on_hyphens=False)]
        else:
            out.append(line)
    return "\n".join(out)


def words(section) -> tuple:
    """A section as its kind and words (where a wrapped heading ends may move)."""
    return section.kind.value, f"{section.heading} {section.text}".split()


@pytest.mark.parametrize(("path", "width"), WRAPPED, ids=[f"{p.name}-{w}" for p, w in WRAPPED])
def test_hard_wrapped_minutes_read_as_the_file_they_came_from(path, width):
    text = path.read_text(encoding="utf-8")
    wrapped = hard_wrapped(text, width)
    assert wrapped != text  # lines were wrapped
    assert what_was_read(read_meetings(wrapped.encode(), path.name), words) == \
        what_was_read(read_meetings(text.encode(), path.name), words)


def test_a_presenter_on_the_wrapped_line_of_a_title_keeps_the_item():
    text = FEBRUARY.read_text(encoding="utf-8")
    wrapped = hard_wrapped(text, 60)
    assert "2021\nv. Jesper Kaas Schmidt" in wrapped  # the layout this test is about
    items = read_meetings(wrapped.encode(), "kdnet-2022-02-11-referat.txt")[0].items
    assert [(i.number, i.title, i.presenter) for i in items[:3]] == [
        (1, "Godkendelse af dagsorden", "Jesper Kaas Schmidt"),
        (2, "Godkendelse af referatet fra møderne den 3. december 2021", "Jesper Kaas Schmidt"),
        (3, "Konstituering af KD-Net og de underliggende grupper", "Jesper Kaas Schmidt")]


def test_a_wrapped_sentence_of_participants_stays_one_entry():
    text = FEBRUARY.read_text(encoding="utf-8")
    meeting = read_meetings(hard_wrapped(text, 60).encode(), "kdnet-2022-02-11-referat.txt")[0]
    assert meeting.participants == [
        "Kommunaldirektørerne i den midtjyske region eller deres suppleanter, regionsdirektøren, "
        "KKR sekretariatet samt KD-Net sekretariatet."]


def test_names_one_a_line_are_still_read_as_names():
    text = ("Økonomiudvalget\nReferat\nMødedato: 3. marts 2025\nAfbud: Dorte Madsen,\nLars Hansen\n"
            "Karen Olsen og Bo Berg\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n")
    meeting = read_meetings(text.encode(), "referat.txt")[0]
    assert meeting.absentees == ["Dorte Madsen", "Lars Hansen", "Karen Olsen og Bo Berg"]


def test_a_wrapped_address_stays_the_meetings_place():
    meeting = read_meetings(hard_wrapped(FEBRUARY.read_text(encoding="utf-8"), 60).encode(), FEBRUARY.name)[0]
    assert meeting.location == "Scandic Silkeborg, Udgårdsvej 2, 8600 Silkeborg"
