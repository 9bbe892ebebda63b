"""Other pages of the plain agenda portal's layout (tests/layouts/portal-teknik-og-miljoe.html: »N. Title«
headings in <h2>) read as their words say, rewritten as other portals write the same page.

Found on 2026-12-04 by rewriting that page: a list of links to the items at the top of the page (»<li><a
href="#p1">1. Godkendelse af dagsorden</a>«) took item 1's heading, and item 1's case number and decision went to
item 2; an item the page leaves out (a closed one: items 1, 2, 4) lost item 4, its title and decision read as
item 2's; and the page was refused for want of a committee where the heading named the committee alone under
the page's header link (»Gå til forsiden« / »Teknik- og Miljøudvalget«) or with its period (»Referat – Byråd
2022-2025«); and a closed item marked by a label in its heading (»<h2>2. … <span class="label">Lukket</span></h2>«)
was open, its decision public, and »Lukket« the end of its title.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.model import SectionKind
from corpus.readers import inspect_document

PAGE = Path(__file__).parent / "layouts" / "portal-teknik-og-miljoe.html"
TITLE = "<h1>Referat – Teknik- og Miljøudvalget</h1>"
SECOND_ITEM_END = "<h3>Bilag</h3><ul><li>Indstilling</li><li>Bilag 1: Takstblad 2026</li></ul>"


def page() -> str:
    html = PAGE.read_text(encoding="utf-8")
    assert html.count(TITLE) == 1 and html.count(SECOND_ITEM_END) == 1
    return html


def read(html: str):
    return inspect_document(html.encode("utf-8"), PAGE.name)


def facts(html: str):
    [meeting] = read(html).meetings
    return meeting.body, meeting.date, [(i.number, i.title, i.case_number, i.sections) for i in meeting.items]


def test_a_list_of_links_to_the_items_is_the_page_s_contents():
    links = ('<h2>Dagsorden</h2><ol><li><a href="#p1">1. Godkendelse af dagsorden</a></li>'
             '<li><a href="#p2">2. Ny affaldsordning for sommerhuse</a></li></ol>')
    html = page().replace(TITLE, TITLE + links)
    assert facts(html) == facts(page())
    assert "1. Godkendelse af dagsorden 2. Ny affaldsordning for sommerhuse" in [d.text for d in read(html).dropped]


def test_a_list_of_links_elsewhere_stays_text():
    links = '<ol><li><a href="https://greve.dk/takster">1. Takstblad 2026</a></li></ol>'
    html = page().replace("<p>Der indføres ugentlig tømning i sommerperioden.</p>",
                          "<p>Der indføres ugentlig tømning i sommerperioden.</p>" + links)
    [meeting] = read(html).meetings
    assert "1. Takstblad 2026" in meeting.items[1].sections[0].text


def test_an_item_the_page_leaves_out_does_not_take_the_next_one_with_it():
    html = page().replace(SECOND_ITEM_END, SECOND_ITEM_END + "<h2>4. Trafiksikkerhedsplan 2026-2030</h2>"
                          "<p>Sagsnr.: 25/08811</p><h3>Beslutning</h3><p>Planen sendes i offentlig høring.</p>")
    [meeting] = read(html).meetings
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", "26/00123"), (2, "Ny affaldsordning for sommerhuse", "25/04567"),
        (4, "Trafiksikkerhedsplan 2026-2030", "25/08811")]
    assert meeting.items[1].decision == "Anbefales over for Byrådet."
    assert [(s.kind, s.text) for s in meeting.items[2].sections] == [
        (SectionKind.DECISION, "Planen sendes i offentlig høring.")]


def test_the_committee_alone_in_the_heading_under_the_header_link():
    html = page().replace(TITLE, "<h1>Teknik- og Miljøudvalget</h1><p>Referat</p>")
    assert facts(html) == facts(page())


def test_a_committee_named_with_its_period():
    body, date, items = facts(page().replace(TITLE, "<h1>Referat – Byråd 2022-2025</h1>"))
    assert (body, date) == ("Byråd 2022-2025", "2026-02-04")
    assert items == facts(page())[2]
    body, _, _ = facts(page().replace(TITLE, "<h1>Byråd 2022-2025</h1><p>Referat</p>"))
    assert body == "Byråd 2022-2025"


@pytest.mark.parametrize("badge", ['<span class="label">Lukket</span>', '<span class="badge">Lukket punkt</span>',
                                   "<em>(Lukket)</em>", '<img src="lock.svg" alt="Lukket punkt">',
                                   '<span class="icon-lock" aria-label="Lukket"></span>'])
def test_a_closed_label_in_the_heading_closes_the_item(badge):
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>",
                          f"<h2>2. Ny affaldsordning for sommerhuse {badge}</h2>")
    [meeting] = read(html).meetings
    assert [(i.title, i.closed) for i in meeting.items] == [("Godkendelse af dagsorden", False),
                                                            ("Ny affaldsordning for sommerhuse", True)]


def test_attachment_links_to_an_app_s_routes_are_the_attachments():
    """A single-page portal routes its links within the page (»#/bilag/88121«): those are no contents."""
    html = page().replace("<h3>Bilag</h3><ul><li>Indstilling</li><li>Bilag 1: Takstblad 2026</li></ul>",
                          '<h3>Bilag</h3><ul><li><a href="#/bilag/88121">Bilag 1: Takstblad 2026</a></li>'
                          '<li><a href="#/bilag/88122">Bilag 2: Kort</a></li></ul>')
    [meeting] = read(html).meetings
    assert meeting.items[1].attachments == ["Bilag 1: Takstblad 2026", "Bilag 2: Kort"]


def test_lukket_as_a_word_of_the_heading_s_title_is_no_marker():
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>",
                          "<h2>2. Trafiksikkerhed på Skolevej, der nu er <em>lukket</em></h2>")
    [meeting] = read(html).meetings
    assert (meeting.items[1].title, meeting.items[1].closed) == (
        "Trafiksikkerhed på Skolevej, der nu er lukket", False)


@pytest.mark.parametrize("closed", [True, False])
def test_an_item_s_facts_as_a_definition_list_say_whether_it_is_closed(closed):
    """»<dl><dt>Status</dt><dd>Lukket</dd></dl>« under the heading, as »Status: Lukket« says it: before, the pair
    read as two lines of text and the closed item's decision was public (a probe of portal pages, 2026-12-05)."""
    status = "Lukket" if closed else "Åben"
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>",
                          f"<h2>2. Ny affaldsordning for sommerhuse</h2><dl><dt>Status</dt><dd>{status}</dd></dl>")
    [meeting] = read(html).meetings
    assert [i.closed for i in meeting.items] == [False, closed]


def test_an_item_heading_set_as_a_table_row_with_its_access_is_the_item():
    """»<tr><td>2</td><td><b>Title</b></td><td>Lukket</td></tr>«: before, no heading was found on such a page."""
    html = page()
    for n, title, access in ((1, "Godkendelse af dagsorden", "Åben"), (2, "Ny affaldsordning for sommerhuse", "Lukket")):
        html = html.replace(f"<h2>{n}. {title}</h2>",
                            f"<table><tr><td>{n}</td><td><b>{title}</b></td><td>{access}</td></tr></table>")
    [meeting] = read(html).meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Ny affaldsordning for sommerhuse", True)]


def test_a_badge_before_the_number_of_a_closed_item_published_by_its_title_alone_closes_that_item():
    """»<h2><span class="badge">Lukket punkt</span> 2. Personalesag</h2>« with nothing under it: the item was lost
    (a title alone between two headings that skip its number) or, with the badge under it, the next item was
    closed and this one open (a probe of other publishers' pages, 2026-12-05)."""
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>",
                          '<h2><span class="badge">Lukket punkt</span> 2. Personalesag</h2>'
                          "<h2>3. Ny affaldsordning for sommerhuse</h2>")
    [meeting] = read(html).meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Personalesag", True), (3, "Ny affaldsordning for sommerhuse", False)]


def test_a_closed_marker_inside_an_item_s_own_block_is_that_item_s():
    """»<div class="item"><h2>2. …</h2><p>Sagsnr.: …</p><p>Lukket punkt</p></div>«: flattened to text, a marker
    under a bare case number could be the next item's, and was read so (the next, open item hidden, this one
    open); the page's block says whose it is."""
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>",
                          '<div class="item"><h2>2. Salg af grund</h2><p>Sagsnr.: 24/00871</p><p>Lukket punkt</p>'
                          "</div><h2>3. Ny affaldsordning for sommerhuse</h2>")
    [meeting] = read(html).meetings
    assert [(i.number, i.closed) for i in meeting.items] == [(1, False), (2, True), (3, False)]


@pytest.mark.parametrize("heading", [
    '<button class="accordion-toggle" aria-expanded="true"><span>2.</span> <span>Ny affaldsordning for sommerhuse'
    "</span></button>",
    '<h2><span class="badge">Åbent punkt</span> 2. Ny affaldsordning for sommerhuse</h2>'])
def test_an_accordion_s_numbered_button_and_an_open_badge_head_the_item(heading):
    """A portal's accordion (»<button aria-expanded>« holding the item's number and title) was page furniture, and
    »Åbent punkt« before the number hid the heading: no agenda items found."""
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>", heading)
    [meeting] = read(html).meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Ny affaldsordning for sommerhuse", False)]
    assert meeting.items[1].decision


def test_a_closed_marker_after_an_item_s_published_decision_in_its_block_stays_where_the_text_puts_it():
    """Under a published decision the marker may as well be the next item's (a closed item shows its case number
    alone): only after the item's case number alone does the block say it is this item's."""
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>",
                          '<div class="item"><h2>2. Budgetopfølgning</h2><p>Sagsnr.: 24/10002</p><h3>Beslutning</h3>'
                          "<p>Taget til efterretning.</p><p>Lukket punkt</p></div>"
                          "<h2>3. Personalesag</h2><p>Sagsnr.: 24/10003</p><h2>4. Ny affaldsordning for sommerhuse</h2>")
    [meeting] = read(html).meetings
    assert [(i.number, i.closed) for i in meeting.items] == [(1, False), (2, False), (3, True), (4, False)]


def test_an_item_s_facts_as_a_definition_list_that_name_a_section_open_it():
    html = page().replace("<h3>Beslutning</h3><p>Anbefales over for Byrådet.</p>",
                          "<dl><dt>Økonomi</dt><dd>Mindreforbrug på 1,2 mio. kr.</dd></dl>"
                          "<h3>Beslutning</h3><p>Anbefales over for Byrådet.</p>")
    [meeting] = read(html).meetings
    assert ("Økonomi", "Mindreforbrug på 1,2 mio. kr.") in [(s.heading, s.text) for s in meeting.items[1].sections]


@pytest.mark.parametrize("summary", [
    '<summary><span class="number">2.</span> <span class="title">Ny affaldsordning for sommerhuse</span></summary>',
    "<summary>2. Ny affaldsordning for sommerhuse</summary>"])
def test_a_disclosure_s_numbered_summary_heads_the_item(summary):
    """An accordion of <details>, each item's number and title in its <summary>: with the number and title in spans
    a space apart, the page was refused (»2.Ny affaldsordning«: no agenda items found; a probe, 2026-12-05)."""
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>", f"<details>{summary}").replace(
        SECOND_ITEM_END, SECOND_ITEM_END + "</details>")
    [meeting] = read(html).meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Ny affaldsordning for sommerhuse", False)]
    assert meeting.items[1].decision


def test_a_lock_icon_in_a_disclosure_s_summary_closes_the_item():
    """»<summary>2. <img alt="Lukket"> …</summary>«: the item was open and its text public (a probe, 2026-12-05), as
    the same icon in an <h2> closes it."""
    html = page().replace("<h2>2. Ny affaldsordning for sommerhuse</h2>",
                          '<details><summary>2. <img src="lock.svg" alt="Lukket"> Ny affaldsordning for sommerhuse'
                          "</summary>").replace(SECOND_ITEM_END, SECOND_ITEM_END + "</details>")
    [meeting] = read(html).meetings
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Ny affaldsordning for sommerhuse", True)]


def test_a_row_of_control_links_and_the_site_s_boxes_are_page_furniture():
    """»<div class="tools"><a>Print</a> <a>Download PDF</a></div>« under the page's title was read as the committee
    (»Print Download PDF«), and the site's »Kontakt« and »Se også« boxes inside the article as sections of the last
    item (a probe of web minutes, 2026-12-05)."""
    html = page().replace(TITLE, TITLE + '<div class="tools"><a href="#">Print</a> · <a href="x.pdf">Download PDF</a>'
                          ' · <a href="#">Del</a> <button class="expand-all">Fold alle ud</button></div>').replace(SECOND_ITEM_END, SECOND_ITEM_END + '<aside class="contact"><h2>Kontakt</h2>'
                          "<p>Sekretær Lone Brink, tlf. 99 74 12 34</p></aside><aside><h2>Se også</h2><ul><li>"
                          '<a href="/m">Medlemmer</a></li></ul></aside>')
    reading = read(html)
    assert facts(html) == facts(page())
    assert {"Print · Download PDF · Del Fold alle ud", "Kontakt Sekretær Lone Brink, tlf. 99 74 12 34", "Se også Medlemmer"} <= {
        d.text for d in reading.dropped}


@pytest.mark.parametrize("row", ['<p><a href="#">🖨 Print</a> <a href="x.pdf">⬇ Download PDF</a></p>',
                                 '<p><a href="#top">Til toppen ↑</a> · <a href="x.pdf">Hent referatet som PDF</a></p>'])
def test_control_links_with_icons_or_other_words_are_page_furniture(row):
    """»🖨 Print ⬇ Download PDF« under the title was read as the committee, »Til toppen · Hent referatet som PDF« after
    the last item as its decision's end (a probe of portal pages, 2026-12-05)."""
    html = page().replace(TITLE, TITLE + row).replace(SECOND_ITEM_END, SECOND_ITEM_END + row)
    reading = read(html)
    assert facts(html) == facts(page())
    assert [i.decision for i in reading.meetings[0].items] == [i.decision for i in read(page()).meetings[0].items]


def test_an_aside_of_the_minutes_own_stays_their_text():
    html = page().replace(SECOND_ITEM_END, SECOND_ITEM_END + "<aside><h3>Bemærkning</h3><p>Punktet blev behandlet "
                          "efter punkt 3.</p></aside>")
    assert "Punktet blev behandlet efter punkt 3." in " ".join(s.text for s in read(html).meetings[0].items[1].sections)


@pytest.mark.parametrize("note", ["Følgende punkter behandles for lukkede døre.",
                                  "Punkterne er behandlet for lukkede døre, og referatet offentliggøres ikke."])
def test_the_closed_part_s_heading_and_its_note_are_no_text_of_the_last_open_item(note):
    """»<h2>Lukkede punkter</h2><p>Følgende punkter behandles for lukkede døre.</p>« above the closed part was a
    section of the last open item (probes of web minutes, 2026-12-05)."""
    html = page().replace(SECOND_ITEM_END, SECOND_ITEM_END + f"<h2>Lukkede punkter</h2><p>{note}</p>"
                          "<h2>3. Fratrædelsesaftale</h2><p>Sagsnr.: 24/003001</p>")
    [meeting] = read(html).meetings
    assert [(i.number, i.closed) for i in meeting.items] == [(1, False), (2, False), (3, True)]
    assert meeting.items[1].sections == facts(page())[2][1][3]


def as_terms(html: str) -> str:
    """The page as a portal setting out each item's facts and sections as a definition list: »Punkt 1 · Title«,
    then <dt>Sagsnr.</dt><dd>…</dd>, <dt>Oplæg ved</dt><dd>…</dd> and each section's heading a <dt>, its
    paragraphs in the <dd>."""
    import re

    html = re.sub(r"<h2>(\d+)\. ", r"<h2>Punkt \1 · ", html)
    html = re.sub(r"<p>Sagsnr\.: ([^<]+)</p>", r"<dl><dt>Sagsnr.</dt><dd>\1</dd>"
                  r"<dt>Oplæg ved</dt><dd>Vejchef Kasper Lind</dd></dl>", html)
    return re.sub(r"<h3>(Sagsfremstilling|Beslutning)</h3><p>([^<]+)</p>", r"<dl><dt>\1</dt><dd><p>\2</p></dd></dl>",
                  html)


def test_items_headed_punkt_and_a_middle_dot_with_their_facts_in_a_definition_list_read_as_the_page_does():
    """»Punkt 1 · Godkendelse af dagsorden« kept the dot in its title; a <dl> whose values were paragraphs (a
    section's text in its <dd>) read »Oplæg ved« and the presenter as two lines of the item's text (a probe of
    portal pages, 2026-12-05)."""
    rewritten = as_terms(page())
    assert "<h2>Punkt 2 · Ny affaldsordning" in rewritten and "<dd><p>Anbefales over for Byrådet.</p></dd>" in rewritten
    [meeting] = read(rewritten).meetings
    [before] = read(page()).meetings
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == \
        [(i.number, i.title, i.case_number) for i in before.items]
    assert {i.presenter for i in meeting.items} == {"Vejchef Kasper Lind"}
    assert [[(s.kind, s.text) for s in i.sections] for i in meeting.items] == \
        [[(s.kind, s.text) for s in i.sections] for i in before.items]


@pytest.mark.parametrize("href, attachments", [("/filer/takstblad-2026.pdf", ["Bilag 1: Takstblad 2026"]),
                                                ("/filer/takstblad-2026.xlsx?v=2", ["Bilag 1: Takstblad 2026"]),
                                                ("/nyheder/takstblad-2026", [])])
def test_a_list_of_links_to_files_without_a_heading_is_the_items_attachments(href, attachments):
    """»<ul class="bilag"><li><a href="/bilag/1.pdf">Bilag 1: …</a></li></ul>« under the decision, no »Bilag«
    heading above it: the attachments were the decision's last words (a probe of portal pages, 2026-12-05). A
    list of links to other pages stays text."""
    html = page().replace(SECOND_ITEM_END, f'<ul class="files"><li><a href="{href}">Bilag 1: Takstblad 2026</a></li></ul>')
    item = read(html).meetings[0].items[1]
    assert item.attachments == attachments
    decision = next(s.text for s in item.sections if s.kind is SectionKind.DECISION)
    assert decision == "Anbefales over for Byrådet." + ("" if attachments else "\n\n- Bilag 1: Takstblad 2026")


@pytest.mark.parametrize("dash", [" &mdash; ", " – ", " | ", " · "])
def test_several_facts_of_the_meeting_on_one_line_are_each_read(dash):
    """»Mødedato: …, kl. 16.00 — Mødested: …« and »Til stede: …, Tove Sand. Afbud: Karen Holt.« in one paragraph
    each: the place was not read, and the apologies were the last participant's words (a probe of portal pages,
    2026-12-05)."""
    facts_line = "<p>Mødedato: 4. februar 2026, kl. 16.00<br>Mødested: Rådhuset, lokale 1.12</p>"
    html = page().replace(facts_line, f"<p>Mødedato: 4. februar 2026, kl. 16.00{dash}Mødested: Rådhuset, lokale 1.12"
                                      "</p><p><em>Til stede:</em> Jens Kragh (formand), Lise Munk, Tove Sand. "
                                      "<em>Afbud:</em> Karen Holt.</p>")
    assert page().count(facts_line) == 1
    [meeting] = read(html).meetings
    [before] = read(page()).meetings
    assert (meeting.date, meeting.time, meeting.location) == (before.date, before.time, before.location) == \
        ("2026-02-04", "16:00", "Rådhuset, lokale 1.12")
    assert (meeting.participants, meeting.absentees) == (["Jens Kragh (formand)", "Lise Munk", "Tove Sand"],
                                                         ["Karen Holt"])


@pytest.mark.parametrize("banner", [
    '<header><div class="logo">KL · Kommunernes Kontaktråd</div><ul><li><a href="/kkr">KKR</a></li></ul></header>',
    '<div class="site-logo">Kommunernes Kontaktråd</div>',
])
def test_the_sites_banner_and_logo_are_no_part_of_the_minutes(banner):
    """The site's header above the minutes (a <header> outside any article or section, ARIA's »banner«) and its
    logo: »KL · Kommunernes Kontaktråd« was read as the committee (a probe of portal pages, 2026-12-05)."""
    plain = page().replace(TITLE, "<h1>Teknik- og Miljøudvalget</h1><h2>Referat</h2>")
    with_banner = plain.replace("<h1>", banner + "<h1>", 1)
    assert facts(with_banner) == facts(plain) == facts(page())
    assert "Kommunernes Kontaktråd" in " ".join(d.text for d in read(with_banner).dropped)


def test_the_meetings_facts_labelled_by_a_class_without_a_colon_are_read():
    """»<span class="label">Tid</span> kl. 15:30«, »<span class="label">Sted</span> Udvalgsværelse 1«: the time and
    the place were lost (a probe of portal pages, 2026-12-05)."""
    facts_line = "<p>Mødedato: 4. februar 2026, kl. 16.00<br>Mødested: Rådhuset, lokale 1.12</p>"
    labelled = ('<div class="meeting-info"><div><span class="label">Dato</span> Onsdag 4. februar 2026</div>'
                '<div><span class="label">Tid</span> kl. 16.00</div>'
                '<div><span class="label">Sted</span> Rådhuset, lokale 1.12</div></div>')
    [meeting] = read(page().replace(facts_line, labelled)).meetings
    [before] = read(page()).meetings
    assert (meeting.date, meeting.time, meeting.location) == (before.date, before.time, before.location) == \
        ("2026-02-04", "16:00", "Rådhuset, lokale 1.12")
    assert facts(page().replace(facts_line, labelled))[2] == facts(page())[2]


def test_an_items_number_in_an_element_of_its_own_in_the_heading_reads_as_the_heading():
    """»<h2><span>1</span>. <span>Godkendelse af dagsorden</span></h2>« (a page with schema.org markup): the
    heading read »1 . Godkendelse …«, and the page was refused (a probe of portal pages, 2026-12-05)."""
    import re

    spaced = re.sub(r"<h2>(\d+)\. ([^<]+)</h2>", r"<h2><span>\1</span>. <span>\2</span></h2>", page())
    assert "<h2><span>2</span>. <span>Ny affaldsordning" in spaced
    assert facts(spaced) == facts(page())


@pytest.mark.parametrize("part", [
    '<div class="np-footer">Leveret af Netpublicator · <a href="/p">Privatlivspolitik</a></div>',
    '<div id="wd-footer">Egeslev Kommune · Rådhuspladsen 2 · CVR 29189722</div>',
    '<div class="page-tools"><a href="javascript:window.print()">Udskriv siden</a> <a href="#">Del på Facebook</a></div>',
    '<div id="bottom">Næstrup Kommune og Havslev Kommune · Fælles beredskab · <a href="/p">Privatlivspolitik</a></div>',
])
def test_a_sites_footer_or_tools_by_other_names_are_no_part_of_the_last_decision(part):
    """A footer named by a system's prefix (»np-footer«, »wd-footer«) or as the page's »bottom«, and »Udskriv siden ·
    Del på Facebook«: each was the last decision's end (probes of portal pages, 2026-12-05)."""
    html = page().replace("</body>", part + "</body>")
    assert facts(html) == facts(page())


def test_a_sidebar_by_its_class_is_no_part_of_the_minutes_and_an_items_footer_stays():
    """»<div class="col-sidebar"><h4>…</h4><ul><li>Møder 2025</li>…« before the minutes: its links were read as the
    participants (a probe of portal pages, 2026-12-05). A footer inside an item (»item-footer«) is the item's."""
    sidebar = ('<div class="col-sidebar"><h4>Teknik- og Miljøudvalget</h4><ul><li><a href="/m">Medlemmer</a></li>'
               '<li><a href="/m25">Møder 2025</a></li><li><a href="/k">Kommissorium</a></li></ul></div>')
    [meeting] = read(page().replace(TITLE, sidebar + TITLE)).meetings
    [before] = read(page()).meetings
    assert (meeting.participants, facts(page().replace(TITLE, sidebar + TITLE))) == (before.participants, facts(page()))
    html = page().replace("<h2>2. Ny affaldsordning", '<div class="item"><h2>2. Ny affaldsordning').replace(
        SECOND_ITEM_END, SECOND_ITEM_END + '<div class="item-footer">Sagen afsluttes.</div></div>')
    assert "Sagen afsluttes." in " ".join(s.text for s in read(html).meetings[0].items[1].sections)


WEBDAGSORDEN = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>WebDagsorden</title></head><body>
<div id="wd-header"><span>Politiske dagsordener og referater</span></div>
<div {attr}><h3>Seneste møder</h3><ul>
<li><a href="/m/1">Børne- og Skoleudvalget 01-04-2025</a><ul><li><a href="/m/1#p1">1. Godkendelse af dagsorden</a></li>
<li><a href="/m/1#p2">2. Skoledistrikter</a></li></ul></li><li><a href="/m/2">Byrådet 27-03-2025</a></li></ul></div>
<div id="wd-content"><h1>Økonomiudvalget</h1>
<table><tr><td>Dato:</td><td>Onsdag den 2. april 2025</td></tr><tr><td>Tid:</td><td>Kl. 08.30</td></tr>
<tr><td>Sted:</td><td>Byrådssalen</td></tr></table>
<h3>1. Godkendelse af dagsorden</h3><p><b>Beslutning:</b></p><p>Godkendt.</p>
<h3>2. Regnskab 2024 - overførsler</h3><p>Sagsnr.: 00.30.14-Ø00-2-25</p><p><b>Beslutning:</b></p><p>Anbefales.</p>
</div></body></html>"""


@pytest.mark.parametrize("attr", ['id="wd-nav"', 'class="np-menu"', 'class="site-navigation"'])
def test_a_menu_of_other_meetings_by_a_systems_name_is_no_part_of_the_minutes(attr):
    """A menu of the latest meetings, each with its items' links (»Seneste møder« / »Børne- og Skoleudvalget
    01-04-2025« / »1. Godkendelse af dagsorden« …), above the minutes, named by a system's prefix (WebDagsorden's
    »wd-nav«): its heading kept it in the text, and the page was refused for want of a committee (a probe of a
    WebDagsorden page, 2026-12-05)."""
    [meeting] = read(WEBDAGSORDEN.replace("{attr}", attr)).meetings
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        "Økonomiudvalget", "2025-04-02", "08:30", "Byrådssalen")
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", "Godkendt."), (2, "Regnskab 2024 - overførsler", "Anbefales.")]


@pytest.mark.parametrize("label, value", [('class="np-label"', 'class="np-value"'), ('class="label"', 'class="value"'),
                                          ('class="fact__label"', 'class="fact__value"')])
def test_an_items_facts_as_label_and_value_elements_are_each_fact(label, value):
    """»<span class="np-label">Sagsnummer</span> <span class="np-value">…</span> <span class="np-label">Sagsansvarlig
    </span> …« in one block under the title (Netpublicator's): the two facts ran together, the case number
    »05.13.00-P15-1-24 Sagsansvarlig Søren Bak« and no presenter (probes of portal pages, 2026-12-05)."""
    html = ('<html><body><h1>Teknik- og Miljøudvalget</h1><p>Mødedato: 12.03.2025 kl. 16.00</p>'
            '<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p><h2>2. Trafiksikkerhedsplan</h2>'
            f'<div><span {label}>Sagsnummer</span> <span {value}>05.13.00-P15-1-24</span> '
            f'<span {label}>Sagsansvarlig</span> <span {value}>Søren Bak</span></div>'
            '<h3>Beslutning</h3><p>Godkendt.</p></body></html>')
    item = read(html).meetings[0].items[1]
    assert (item.case_number, item.presenter, item.decision) == ("05.13.00-P15-1-24", "Søren Bak", "Godkendt.")
