"""A portal's page setting the agenda out as one table, an item a row, with columns for the case number and the
item's access (»Nr. | Punkt | Sagsnr. | Status | Beslutning«), reads as its items: the case number each item's,
»Lukket« closing the row's item, »Åben« a marker. Until 2026-12-05 such a page was refused (a probe of portal
pages); the Word template's »Pkt. ⇥ Emne ⇥ Referat« is tests/test_layouts_word_tables.py.
"""
from __future__ import annotations

import pytest

from corpus.readers import inspect_document

ROW = "<tr><td>{n}</td><td>{title}</td>{case}{status}<td>{said}</td></tr>"
ITEMS = [(1, "Vintertjeneste", "05.01.10-P20-2-25", "Åben", "Taget til efterretning."),
         (2, "Udbud af rottebekæmpelse", "09.17.20-G01-3-25", "Lukket", "Opgaven tildeles Rottefri ApS."),
         (3, "Eventuelt", "", "Åben", "Intet.")]


@pytest.mark.parametrize("with_case, with_status", [(True, True), (True, False), (False, True)])
def test_an_agenda_table_with_case_and_access_columns_reads_as_its_items(with_case, with_status):
    head = "<tr><th>Nr.</th><th>Punkt</th>" + ("<th>Sagsnr.</th>" if with_case else "") \
        + ("<th>Status</th>" if with_status else "") + "<th>Beslutning</th></tr>"
    rows = "".join(ROW.format(n=n, title=t, said=d, case=f"<td>{c}</td>" if with_case else "",
                              status=f"<td>{s}</td>" if with_status else "") for n, t, c, s, d in ITEMS)
    html = (f"<html><body><h1>Referat - Teknik- og Miljøudvalget</h1><p>Mødedato: 04.03.2025</p>"
            f"<table>{head}{rows}</table></body></html>")
    reading = inspect_document(html.encode("utf-8"), "referat.html")
    [meeting] = reading.meetings
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [(n, t, d) for n, t, _, _, d in ITEMS]
    assert [i.case_number for i in meeting.items] == ([c or None for _, _, c, _, _ in ITEMS] if with_case
                                                      else [None] * 3)
    assert [i.closed for i in meeting.items] == [False, with_status, False]
