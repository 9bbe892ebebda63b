"""An item's facts set out as a table: a row of labels over a row of their values (»Sagsnr. | Sagsansvarlig |
Status« over »1-14-2-19-23 | Poul Hede | Lukket«), and the item's access in a cell of its own at the end of its
title's row (»Punkt 2 | Erstatningskrav … | Lukket«), in a PDF an agenda system prints (tests/layouts, printed by
Chromium from tests/layouts/sources) and in a Word table's rows as the parser gets them (cells a tab apart).

Found on 2026-12-05 by a probe of agenda systems' PDFs: pypdf writes a row's cells one space apart, so the labels
were read as every item's case number (»Sagsansvarlig Status«), »Lukket« closed nothing (the item's decision
public), and the title ended in »Lukket« or »Åben«; a title in a larger font than its number and access cells
stands on a baseline of its own, and the row was not found at all.
"""
from __future__ import annotations

from pathlib import Path

from corpus.readers import inspect_document, read_meetings

PDF = Path(__file__).parent / "layouts" / "agenda-system-item-facts-tables.pdf"


def test_a_pdfs_facts_tables_and_access_cells_are_each_items_facts():
    [meeting] = inspect_document(PDF.read_bytes(), PDF.name).meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Erstatningskrav fra entreprenør på Skovvej", True),
        (3, "Henvendelse fra borger om busbetjening", True), (4, "Regional udviklingsstrategi 2024-2027", False)]
    assert [(i.case_number, i.presenter) for i in meeting.items] == [
        ("1-30-72-1-24", "Ida Brun"), ("1-14-2-19-23", "Poul Hede"), (None, None), ("1-01-72-4-23", "Mette Kold")]
    assert meeting.items[3].decision == "Anbefales over for regionsrådet."
    assert not any("Sagsansvarlig" in s.text for i in meeting.items for s in i.sections)


TYPED = """Økonomiudvalget
Referat af møde 12. maj 2025 kl. 8.00

1. Budgetopfølgning
{facts_open}
Beslutning
Taget til efterretning.

2. Salg af grund
{facts_closed}
Beslutning
Solgt til den højestbydende.
"""


def test_a_row_of_labels_over_a_row_of_values_gives_the_items_facts():
    text = TYPED.format(facts_open="Sagsnr.\tSagsbehandler\tStatus\n25/1001\tAnne Holm\tÅben",
                        facts_closed="Sagsnr.\tSagsbehandler\tStatus\n25/2002\tBo Lund\tLukket")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    assert [(i.number, i.case_number, i.closed) for i in meeting.items] == [(1, "25/1001", False), (2, "25/2002", True)]
    assert meeting.items[1].decision == "Solgt til den højestbydende."


def test_rows_of_other_cells_stay_text():
    """A table in a case text whose head row names no facts keeps its rows."""
    text = TYPED.format(facts_open="Sagsfremstilling\nOmråde\tBudget\tForbrug\nSkoler\t120\t118",
                        facts_closed="Sagsnr.: 25/2002\nLukket punkt")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    first = meeting.items[0]
    assert first.case_number is None and "Skoler\t120\t118" in first.sections[0].text
    assert [i.closed for i in meeting.items] == [False, True]
