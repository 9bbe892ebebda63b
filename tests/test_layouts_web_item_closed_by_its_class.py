"""A web page may mark a closed item only in its markup: a class or data value of the element holding the item
(»<article class="agenda-card agenda-card--lukket">«, »data-status="lukket"«). The Danish words say access wherever
they stand; an English »closed« class also names an accordion's collapsed panel, so it closes an item only where it
marks fewer than half of the page's items. Until 2026-12-05 such an item was read as open and its decision
published (a probe of portal pages).
"""
from __future__ import annotations

import pytest

from corpus.readers import read_meetings

CARD = """<article class="agenda-card{extra}"{data}>
<header><span class="agenda-card__number">{n}</span><h2 class="agenda-card__title">{title}</h2></header>
<div class="agenda-card__body"><h3>Beslutning</h3><p>{decision}</p></div></article>"""
ITEMS = [(1, "Godkendelse af referat", "Godkendt."), (2, "Trafik på Skolegade", "Der sendes en opfordring."),
         (3, "Tilbud på leje af salen", "Tilbuddet på 1.800 kr. blev accepteret."), (4, "Sankthans", "Tove planlægger."),
         (5, "Eventuelt", "Intet.")]


def page(marked: dict[int, tuple[str, str]]) -> bytes:
    cards = "\n".join(CARD.format(n=n, title=t, decision=d, extra=marked.get(n, ("", ""))[0],
                                  data=marked.get(n, ("", ""))[1]) for n, t, d in ITEMS)
    return (f"<html><body><h1>Referat - Nordby Lokalråd</h1><p>Mødedato: 10.03.2025</p><main>{cards}</main>"
            "</body></html>").encode("utf-8")


@pytest.mark.parametrize("extra, data", [
    (" agenda-card--lukket", ""), (" lukket", ""), (" agenda-card--closed", ""), (" is-closed", ""),
    ("", ' data-status="lukket"'), ("", ' data-closed="true"'),
])
def test_an_item_marked_closed_by_its_class_or_data_is_closed(extra, data):
    [meeting] = read_meetings(page({3: (extra, data)}), "referat.html")
    assert [(i.number, i.closed) for i in meeting.items] == [(1, False), (2, False), (3, True), (4, False), (5, False)]
    assert [i.title for i in meeting.items][2] == "Tilbud på leje af salen"


def test_collapsed_panels_marked_closed_stay_open():
    """All but the first card »closed«: an accordion's state, not the items' access."""
    [meeting] = read_meetings(page({n: (" closed", "") for n in (2, 3, 4, 5)}), "referat.html")
    assert not any(i.closed for i in meeting.items)
    assert meeting.items[2].decision == "Tilbuddet på 1.800 kr. blev accepteret."
