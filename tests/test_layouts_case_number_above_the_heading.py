"""A case number printed above each item's heading, as Region Midtjylland's minutes print it (»Sagnr.:
1-30-76-12-24« over »2. Tilskud til foreninger«): the case number of the item under it. The sample
tests/layouts/punkt-style-kultur.txt, each item's case number line moved above its heading.

Found on 2026-12-04 by rewriting that sample: the first item's case number was front matter and every other
one the last line of the item above (in its decision), so no item had its own.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.readers import inspect_document

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
ITEM = re.compile(r"^((?:Lukket punkt\n)?Punkt \d: .+)\n(?:\S+: )?(\S+)$", re.M)


def facts(text: str):
    [meeting] = inspect_document(text.encode("utf-8"), MINUTES.name).meetings
    return [(i.number, i.title, i.case_number, i.closed, i.sections) for i in meeting.items]


@pytest.mark.parametrize("label", ["Sagnr.", "Sagsnr.", "Journal nr."])
def test_a_case_number_above_each_heading_is_the_item_s(label):
    text = MINUTES.read_text(encoding="utf-8")
    moved, count = ITEM.subn(rf"{label}: \2\n\n\1", text)
    assert count == 4
    assert facts(moved) == facts(text)


def test_one_case_number_line_above_a_heading_stays_where_it_is():
    """One item's case number above its heading, the others under theirs: the layout does not print them above,
    so the line is the text of the item above, as written."""
    text = MINUTES.read_text(encoding="utf-8").replace("Punkt 3: Ny idrætshal\n00.01.10-A00-2-23",
                                                       "Sagsnr.: 00.01.10-A00-2-23\n\nPunkt 3: Ny idrætshal")
    items = facts(text)
    assert items[2][2] is None
    assert "Sagsnr.: 00.01.10-A00-2-23" in items[1][4][-1].text


def test_a_case_number_as_each_item_s_last_line_is_that_item_s():
    """The other layout a labelled line at the items' ends can have: each item's case number printed last, the
    last item's too (the adversarial reading of 2026-12-04: the rule for numbers above the headings moved them
    down one item)."""
    text = MINUTES.read_text(encoding="utf-8")
    blocks = re.split(r"\n\n(?=(?:Lukket punkt\n)?Punkt \d:)", text.rstrip("\n"))
    moved = [blocks[0]]
    for block in blocks[1:]:
        heading, case, rest = re.match(r"((?:Lukket punkt\n)?Punkt \d: [^\n]+)\n(?:\S+: )?(\S+)\n(.*)", block,
                                       re.S).groups()
        moved.append(f"{heading}\n{rest.strip()}\n\nSagsnr.: {case}")
    at_end = "\n\n".join(moved) + "\n"
    assert at_end.count("Sagsnr.:") == 4 and at_end.rstrip().endswith("Sagsnr.: 21-016102")
    assert facts(at_end) == facts(text)


def test_the_first_item_without_a_case_number_above_it():
    """»Godkendelse af dagsorden« often has no case number: the others' above their headings are still theirs
    (the second adversarial reading of 2026-12-04: each went to the item above)."""
    text = MINUTES.read_text(encoding="utf-8")
    moved, count = ITEM.subn(r"Sagnr.: \2\n\n\1", text)
    moved = moved.replace("Sagnr.: 22/12345\n\n", "", 1)
    assert count == 4 and moved.count("Sagnr.:") == 3
    expected = [(n, title, None if n == 1 else case, closed, sections)
                for n, title, case, closed, sections in facts(text)]
    assert facts(moved) == expected
