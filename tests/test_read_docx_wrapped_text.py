"""Text Word keeps inside other elements is read as the document shows it: a content control (municipal
templates put the date and the decision in them), a tracked insertion (and not the tracked deletion), a
simple field, a smart tag, a text box (a »Lukket punkt« stamp). python-docx's paragraph text and block
iteration pass over all of these, so such text was lost without a word (not even listed as dropped)."""
from __future__ import annotations

import io

import pytest
from conftest import VARIANTS, what_was_read
from test_layouts_word import word_minutes

from corpus.readers import inspect_document

BYRAAD = VARIANTS / "firstagenda-pdf-byraad.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def edited(edit) -> bytes:
    """The Byrådet minutes typed in Word, then changed by `edit(document)` as Word would store it."""
    from docx import Document

    document = Document(io.BytesIO(word_minutes(BYRAAD.read_text(encoding="utf-8"), numbered=False)))
    edit(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def paragraph(document, text: str):
    """The first paragraph reading `text`."""
    return next(p for p in document.paragraphs if p.text == text)._p


def wrap(element, *names: str) -> None:
    """Put `element` inside nested WordprocessingML elements named `names`, where it stood."""
    from lxml import etree

    outer = inner = etree.Element(f"{{{W}}}{names[0]}")
    for name in names[1:]:
        inner = etree.SubElement(inner, f"{{{W}}}{name}")
    element.addprevious(outer)
    inner.append(element)


def run(text: str, tag: str = "t"):
    from lxml import etree

    r = etree.Element(f"{{{W}}}r")
    etree.SubElement(r, f"{{{W}}}{tag}").text = text
    return r


def read(data: bytes):
    return inspect_document(data, "byraadet-referat.docx")


def test_text_in_content_controls_fields_and_smart_tags_reads_as_plain_text():
    plain = read(edited(lambda d: None))

    def edit(document):
        wrap(paragraph(document, "Dagsordenen blev godkendt."), "sdt", "sdtContent")  # a block control
        [r] = paragraph(document, "Godkendt.").findall(f"{{{W}}}r")
        wrap(r, "sdt", "sdtContent")  # a control inside the paragraph
        [r] = paragraph(document, "EMN-2025-003383").findall(f"{{{W}}}r")
        wrap(r, "smartTag")
        [r] = paragraph(document, "Direktøren indstiller, at klimaregnskabet godkendes.").findall(f"{{{W}}}r")
        wrap(r, "fldSimple")

    reading = read(edited(edit))
    assert what_was_read(reading.meetings) == what_was_read(plain.meetings)


def test_a_tracked_insertion_is_text_and_a_tracked_deletion_is_not():
    def edit(document):
        decision = paragraph(document, "Forslaget blev forkastet med 20 stemmer mod 9.")
        inserted, deleted = run(" Ø stemte for."), run(" Udsat.", tag="delText")
        decision.append(inserted)
        decision.append(deleted)
        wrap(inserted, "ins")
        wrap(deleted, "del")

    second = read(edited(edit)).meetings[0].items[1]
    assert second.decision.startswith("Forslaget blev forkastet med 20 stemmer mod 9. Ø stemte for.")
    assert "Udsat" not in " ".join(s.text for s in second.sections)


@pytest.mark.parametrize("fallback", [False, True], ids=["text-box", "text-box-with-fallback-copy"])
def test_a_closed_stamp_in_a_text_box_closes_its_item(fallback):
    from lxml import etree

    def edit(document):
        heading = paragraph(document, "3. Klimaregnskab og 2030-")
        box = etree.Element(f"{{{W}}}txbxContent")
        stamp = etree.SubElement(box, f"{{{W}}}p")
        stamp.append(run("Lukket punkt"))
        holder = run("")
        holder.remove(holder[0])
        holder.append(box)
        if fallback:  # Word's copy for older readers: the same box again, to be read once
            copy = etree.SubElement(holder, "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback")
            copy.append(etree.fromstring(etree.tostring(box)))
        heading.append(holder)

    reading = read(edited(edit))
    third = reading.meetings[0].items[2]
    assert third.closed and not reading.meetings[0].items[1].closed
    assert [d.text for d in reading.dropped].count("Lukket punkt") == 1
