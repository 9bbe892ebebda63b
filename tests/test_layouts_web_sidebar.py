"""A municipality's web page around the minutes: a sidebar (<aside>) beside the page's <main> content, share
links and a »Sidst opdateret« line. Before, the sidebar became a section »Kontakt« of the last item, with the
share links and the date. An <aside> inside the main content (a note within the minutes) stays text."""
from __future__ import annotations

from conftest import VARIANTS, what_was_read

from corpus.readers import inspect_document

PAGE = VARIANTS / "portal-teknik-og-miljoe.html"
SIDEBAR = ('<aside><h2>Kontakt</h2><p>Sekretariatet, telefon 8959 1000</p></aside>\n'
           '<div class="share"><a href="#">Del på Facebook</a> <a href="#">Print siden</a></div>\n'
           '<p class="updated">Sidst opdateret: 27. maj 2024</p>\n')


def read(html: str):
    return inspect_document(html.encode("utf-8"), PAGE.name).meetings


def test_a_sidebar_beside_the_main_content_and_share_links_are_no_text():
    html = PAGE.read_text(encoding="utf-8")
    assert html.count("<h1>") == 1 and html.count("<footer>") == 1
    framed = html.replace("<h1>", "<main><h1>").replace("<footer>", "</main>" + SIDEBAR + "<footer>")
    assert what_was_read(read(framed)) == what_was_read(read(html))


def test_an_aside_inside_the_main_content_is_the_minutes_text():
    html = PAGE.read_text(encoding="utf-8")
    note = "<aside><p>Bemærk: tømningen gælder også helårsboliger i sommerhusområder.</p></aside>"
    framed = html.replace("<h1>", "<main><h1>").replace("<h3>Beslutning</h3><p>Anbefales",
                                                         note + "<h3>Beslutning</h3><p>Anbefales")
    framed = framed.replace("<footer>", "</main><footer>")
    item = read(framed)[0].items[1]
    assert "tømningen gælder også helårsboliger" in " ".join(s.text for s in item.sections)
