"""»Afbud: Ingen« directly above the table of contents: no one sent apologies, and the contents are no names.

Minutes typed in Word have no blank line between the meeting's labels and the agenda's table of contents, so
the apologies' list ran on into it: the bundled minutes of 11 February 2022 written as a Word file listed
»Punkt (Indhold, Bilag)«, »Godkendelse af dagsorden« and every other agenda title as apologies, which the
meeting page shows and »<name> afbud« searches. »Ingen« now closes the list, and a contents' head row
(»Punkt ⇥ Indhold ⇥ Bilag«) ends a list of names as the contents' heading line does.
"""
from __future__ import annotations

import io

from conftest import SAMPLES
from docx import Document

from corpus.readers import read_meetings

SAMPLE = SAMPLES / "kdnet-2022-02-11-referat.txt"


def head(text: str, name: str) -> tuple:
    meeting = read_meetings(text.encode("utf-8"), name)[0]
    return meeting.body, meeting.date, meeting.location, meeting.participants, meeting.absentees, len(meeting.items)


def as_word(text: str) -> bytes:
    """The minutes as Word writes typed minutes: one paragraph a line, no empty paragraphs between."""
    document = Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line.replace("**", ""))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_sample_has_a_blank_line_after_its_apologies_and_reads_none():
    text = SAMPLE.read_text(encoding="utf-8")
    assert "Afbud: Ingen\n\nPunkt\tIndhold\tBilag" in text
    assert head(text, SAMPLE.name)[4] == []


def test_no_apologies_directly_above_the_contents_are_none():
    text = SAMPLE.read_text(encoding="utf-8")
    tight = text.replace("Afbud: Ingen\n\n", "Afbud: Ingen\n", 1)
    assert head(tight, SAMPLE.name) == head(text, SAMPLE.name)


def test_a_name_directly_above_the_contents_is_the_only_apology():
    text = SAMPLE.read_text(encoding="utf-8").replace("Afbud: Ingen\n\n", "Afbud: Dorte Madsen\n", 1)
    assert head(text, SAMPLE.name)[4] == ["Dorte Madsen"]


def test_the_minutes_as_a_word_file_read_the_meeting_as_the_text_does():
    text = SAMPLE.read_text(encoding="utf-8")
    meeting = read_meetings(as_word(text), "kdnet-2022-02-11-referat.docx")[0]
    assert meeting.absentees == []
    assert (meeting.body, meeting.date, meeting.location, meeting.participants, len(meeting.items)) == \
        tuple(head(text, SAMPLE.name)[i] for i in (0, 1, 2, 3, 5))
