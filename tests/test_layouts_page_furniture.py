"""Page furniture is left out wherever the page number stands: in a running header, with the header's other
lines above it (the eDoc and Acadre PDFs, the April KD-Net minutes), or in a footer, with the next page's
running header right below it. Every text layout reads as the same meetings, items and section text with
either kind of furniture added, and the furniture is listed as dropped."""
from __future__ import annotations

import pytest
from conftest import SAMPLES, VARIANTS, what_was_read

from corpus.model import DropReason
from corpus.readers import inspect_document

# (not the June minutes: the April minutes embedded in them carry page furniture of their own, 22 pages, which
# 400 added page numbers would outvote)
LAYOUTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", VARIANTS / "firstagenda-pdf-byraad.txt",
           VARIANTS / "punkt-style-kultur.txt", VARIANTS / "sbsys-skolebestyrelse.txt"]
HEADER = ["Referat – fortsat", "Kommunens mødesystem"]


def paged(path, footer: bool, every: int = 10) -> str:
    """The text cut into pages of `every` lines (from its first item on, so the meeting's header stays as
    it is), each page number in a footer followed by the next page's running header, or in the header."""
    text = path.read_text(encoding="utf-8")
    first_title = inspect_document(text.encode(), path.name).meetings[0].items[0].title[:20]
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if first_title in line)
    start -= lines[start - 1].strip().isdigit()  # a number alone above the title
    out, pages = lines[:start], range(start, len(lines), every)
    for page, first in enumerate(pages, start=1):
        marker = f"Side {page} af {len(pages)}"
        out += (["", marker, ""] + HEADER + [""]) if footer else ([""] + HEADER + [marker, ""])
        out += lines[first:first + every]
    return "\n".join(out)


@pytest.mark.parametrize("footer", [True, False], ids=["page-number-in-footer", "page-number-in-header"])
@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_page_furniture_is_left_out_wherever_the_page_number_stands(path, footer):
    original = path.read_text(encoding="utf-8")
    reading = inspect_document(paged(path, footer).encode(), path.name)
    expected = inspect_document(original.encode(), path.name).meetings
    assert what_was_read(reading.meetings) == what_was_read(expected)
    furniture = [d.text for d in reading.dropped if d.reason == DropReason.PAGE_FURNITURE]
    assert furniture.count(HEADER[0]) >= 2 and "Side 2 af" in " ".join(furniture)
