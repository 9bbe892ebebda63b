"""Minutes whose items are a numbered title and prose under it, with no case number or section heading
(an advisory council's or a board's: »2. Orientering fra formanden« / »Formanden orienterede om …«), are read
when the document says at the top that it is minutes or an agenda, the items run from 1, and there are three or
more.

Found on 2026-12-04 by writing an Ældreråd's minutes as such councils publish them: the file was refused (»no
agenda items found«).
"""
from __future__ import annotations

import pytest

from corpus.readers import ReaderError, inspect_document

MINUTES = """Referat af møde i Ældrerådet
Dato: 12. marts 2024 kl. 10.00
Sted: Rådhuset, mødelokale 2

1. Godkendelse af dagsorden
Dagsordenen blev godkendt.

2. Orientering fra formanden
Formanden orienterede om mødet med borgmesteren:
1. Budget 2025
2. Ny trafikplan

3. Høring om ny ældrepolitik
Ældrerådet drøftede høringsudkastet og afgiver et høringssvar, der sendes inden 1. april.

4. Eventuelt
Intet.
"""


def read(text: str):
    [meeting] = inspect_document(text.encode("utf-8"), "aeldreraadet.txt").meetings
    return meeting


def test_items_with_prose_under_their_titles_are_read():
    meeting = read(MINUTES)
    assert (meeting.body, meeting.date) == ("Ældrerådet", "2024-03-12")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Orientering fra formanden"), (3, "Høring om ny ældrepolitik"),
        (4, "Eventuelt")]
    second = " ".join(s.text for s in meeting.items[1].sections)
    assert "1. Budget 2025" in second and "2. Ny trafikplan" in second
    assert "høringssvar" in meeting.items[2].sections[0].text


def test_a_numbered_text_that_does_not_call_itself_minutes_is_refused():
    with pytest.raises(ReaderError, match="no agenda items found"):
        read(MINUTES.replace("Referat af møde i Ældrerådet", "Notat fra Ældrerådet"))


def test_two_numbered_paragraphs_are_no_minutes():
    text = MINUTES.split("3. Høring")[0]
    with pytest.raises(ReaderError, match="no agenda items found"):
        read(text)


def test_an_item_or_two_with_a_case_number_among_them():
    """One item with a case number under it: the others are still items (the first item's case number made the
    rest its text; the third's made a list's points in the second item items 1 and 2, its real items 1 and 2
    front matter)."""
    titles = [(1, "Godkendelse af dagsorden"), (2, "Orientering fra formanden"), (3, "Høring om ny ældrepolitik"),
              (4, "Eventuelt")]
    for title in ("1. Godkendelse af dagsorden\n", "3. Høring om ny ældrepolitik\n"):
        meeting = read(MINUTES.replace(title, title + "Sagsnr. 24/1234\n"))
        assert [(i.number, i.title) for i in meeting.items] == titles
        assert [i.case_number for i in meeting.items if i.case_number] == ["24/1234"]
