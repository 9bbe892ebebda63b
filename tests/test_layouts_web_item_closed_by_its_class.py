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
    # English words for access that no panel's state uses (a probe of portal pages, 2026-12-05: open)
    (" is-private", ""), (" agenda-card--confidential", ""),
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


@pytest.mark.parametrize("said", ["Lukket punkt", "Ikke offentligt punkt"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_an_item_said_closed_only_to_screen_readers_is_closed(said, where):
    """»<span class="visually-hidden">Lukket punkt</span>« beside the title, a lock icon's words for those who
    cannot see it: dropped with the page's other screen-reader text, the item open (a probe of portal pages,
    2026-12-05)."""
    hidden = f'<span class="visually-hidden">{said}</span>'
    html = page({}).decode("utf-8")
    title = '<h2 class="agenda-card__title">Tilbud på leje af salen</h2>'
    html = html.replace(title, hidden + title if where == "before" else title + hidden)
    [meeting] = read_meetings(html.encode("utf-8"), "referat.html")
    assert [(i.number, i.closed) for i in meeting.items] == [(1, False), (2, False), (3, True), (4, False), (5, False)]
    assert [i.title for i in meeting.items][2] == "Tilbud på leje af salen"


def test_a_cards_number_beside_its_title_and_its_facts_in_its_footer_are_the_items():
    """A card numbered »Pkt. 3« in an element of its own, a lock for screen readers between, its case number and
    who answers for it in the card's <footer>: the item was lost, its decision read as the item above's (its text
    public), and the footer dropped as the page's (a probe of portal pages, 2026-12-05)."""
    html = page({}).decode("utf-8")
    for n in (2, 3):
        html = html.replace(f'<span class="agenda-card__number">{n}</span>',
                            f'<span class="agenda-card__number">Pkt. {n}</span>'
                            + ('<span class="icon-lock" aria-hidden="true"></span>'
                               '<span class="sr-only">Ikke offentligt punkt</span>' if n == 3 else ""))
    html = html.replace("<p>Der sendes en opfordring.</p></div></article>",
                        "<p>Der sendes en opfordring.</p></div><footer>Sag: 05.01.02-P20-3-25 · Ansvarlig: Vejchef "
                        "Kasper Lind</footer></article>")
    [meeting] = read_meetings(html.encode("utf-8"), "referat.html")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (n, t, n == 3) for n, t, _ in ITEMS]
    second, third = meeting.items[1], meeting.items[2]
    assert (second.case_number, second.presenter) == ("05.01.02-P20-3-25", "Vejchef Kasper Lind")
    assert second.decision == "Der sendes en opfordring." and third.decision == "Tilbuddet på 1.800 kr. blev accepteret."
