"""A web page that names its committee and day only in its <title> (»Børne- og Skoleudvalget - Referat - 6. marts
2025«; the page's own heading »Referat«) is read with them, as a PDF's running header is: until 2026-12-05 it was
refused for want of a committee (a probe of portal pages). A site's title naming no committee still names none.
"""
from __future__ import annotations

import pytest

from corpus.readers import ReaderError, read_meetings

PAGE = """<html><head><title>{title}</title></head><body>
<nav class="breadcrumb"><a href="/">Forside</a> › <a href="/udvalg/bsu">Udvalg</a></nav>
<h1>Referat</h1>
<p>Dato: Torsdag 6. marts 2025</p>
<h2>1. Kapacitet i dagtilbud</h2>
<h3>Beslutning</h3><p>Godkendt.</p>
</body></html>"""


def test_the_committee_in_the_page_title_is_the_meetings():
    [meeting] = read_meetings(PAGE.format(title="Børne- og Skoleudvalget - Referat - 6. marts 2025").encode("utf-8"),
                              "4411.html")
    assert (meeting.body, meeting.date) == ("Børne- og Skoleudvalget", "2025-03-06")


def test_a_site_title_naming_no_committee_names_none():
    with pytest.raises(ReaderError, match="could not find the committee"):
        read_meetings(PAGE.format(title="Dagsordener og referater | Horsens Kommune").encode("utf-8"), "4411.html")
