"""PDF pages numbered with the figure alone (»- 2 -«, »2«, »2/3«) at the same edge of every page: the number and
the running header beside it are page furniture, as »Side 2 af 3« is. Before, both stayed in the items' text
(a case text ending in »- 1 -« and »Referat | Kultur- og Fritidsudvalget | 14. maj 2024«, the header among
an item's attachments)."""
from __future__ import annotations

import pytest
from conftest import VARIANTS, what_was_read

from corpus.readers import inspect_document
from corpus.readers.pdf_reader import numbered_pages

MINUTES = VARIANTS / "punkt-style-kultur.txt"
HEADER = "Referat | Kultur- og Fritidsudvalget | 14. maj 2024"


def pages_of(text: str) -> list[str]:
    """The minutes cut into three pages, mid-item, as a PDF prints them."""
    lines = text.split("\n")
    cut = [0, len(lines) // 3, 2 * len(lines) // 3, len(lines)]
    return ["\n".join(lines[a:b]) for a, b in zip(cut, cut[1:])]


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name).meetings


@pytest.mark.parametrize("number", ["- {k} -", "{k}", "{k}/3", "– {k} –"])
def test_a_bare_page_number_and_the_running_header_beside_it_are_no_text(number):
    text = MINUTES.read_text(encoding="utf-8")
    pages = [(f"{HEADER}\n" if k > 1 else "") + page + "\n" + number.format(k=k)
             for k, page in enumerate(pages_of(text), start=1)]
    meetings = read("\n".join(numbered_pages(pages)))
    assert what_was_read(meetings) == what_was_read(read(text))


def test_a_figure_alone_on_one_page_only_stays_as_written():
    """An item's number alone at a page's foot (»4« above »Personalesag« on the next page) is no page number."""
    pages = ["Dagsorden\n\n1\n", "Godkendelse af dagsorden\nBeslutning\nGodkendt.\n", "Eventuelt\n4"]
    assert numbered_pages(pages) == pages
    assert numbered_pages(pages[:2]) == pages[:2]
