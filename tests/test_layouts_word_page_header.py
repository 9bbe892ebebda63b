"""Minutes typed in Word whose committee and date stand only in the page header (»REFERAT Byrådet d.
27-08-2025« above every page, the first page's text beginning with the time and place). Before, they were
refused for want of a meeting date; now the header's lines are read above the first page's, as the
document's PDF reads. A front page that names its own committee and date is read from itself alone."""
from __future__ import annotations

import io

import pytest
from conftest import VARIANTS, what_was_read
from test_layouts_word import word_minutes

from corpus.readers import ReaderError, read_meetings

SOURCE = VARIANTS / "firstagenda-pdf-byraad.txt"


def with_page_header(body: str, header: str | None) -> bytes:
    from docx import Document

    document = Document(io.BytesIO(word_minutes(body, numbered=False)))
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_committee_and_date_in_the_page_header_are_the_meetings():
    title, body = SOURCE.read_text(encoding="utf-8").split("\n", 1)
    assert title == "REFERAT Byrådet d. 27-08-2025"
    word = read_meetings(with_page_header(body, title), "referat.docx")
    assert what_was_read(word) == what_was_read(read_meetings(SOURCE.read_bytes(), SOURCE.name))


def test_without_them_in_the_page_header_either_the_minutes_are_refused_with_the_reason():
    body = SOURCE.read_text(encoding="utf-8").split("\n", 1)[1]
    for header in (None, "Side 1"):
        with pytest.raises(ReaderError, match="date|committee"):
            read_meetings(with_page_header(body, header), "referat.docx")


def test_a_front_page_with_its_own_committee_and_date_is_read_from_itself():
    text = SOURCE.read_text(encoding="utf-8")
    meeting, = read_meetings(with_page_header(text, "REFERAT Økonomiudvalget d. 01-01-2020"), "referat.docx")
    assert (meeting.body, meeting.date) == ("Byrådet", "2025-08-27")
