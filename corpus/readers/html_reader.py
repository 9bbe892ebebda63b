"""Agenda and minutes web pages (FirstAgenda's public portal and pages like it), saved as HTML -> meetings.

The page is turned into the lines a reader sees, then parsed like any minutes text:

* headings (h1-h6) become their own lines, marked so the parser knows they are headings: a known
  section name opens that section, another heading opens a section of its own, and an empty heading
  (FirstAgenda prints <h3></h3> before an untitled field) ends the section before it;
* a table row of plain cells is one line with the cells tab-separated (the meeting-info table:
  »Mødested:<tab>Udvalgsværelse 398«); a row holding blocks (FirstAgenda's item rows: number cell, then
  a cell with the title, case number, sections and attachment list) gives each cell its own lines, so
  the number stands alone above the title;
* page furniture is left out and listed as dropped: navigation, forms, buttons and menus that hold no
  heading, dialogs, badges, hidden elements. Scripts, styles and the <head> are not text of the page.

Selectolax (lexbor) parses the HTML; it is fast, tolerant of broken markup and already a dependency.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from corpus.meeting_header import ALL_LABELS
from corpus.model import DropReason, Dropped, Meeting, Reading
from corpus.parse import CASE_NUMBER, FACT_LABELS, MARK, parse_minutes_text
from corpus.readers.html_tree import parse_html
from corpus.spelling import fold
from corpus.textclean import CLOSED_LINE, OPEN_LINE, as_written

SKIP_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template", "-comment", "svg", "iframe"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "aside", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "li",
    "table", "thead", "tbody", "tfoot", "caption", "hr", "header", "main", "address", "figure", "figcaption",
    "center", "fieldset", "details", "summary",
}) | HEADING_TAGS
FURNITURE_TAGS = frozenset({"nav", "form", "select", "textarea", "input", "label", "footer", "dialog"})
FURNITURE_ROLES = frozenset({"menu", "menubar", "dialog", "alertdialog", "button", "navigation", "banner",
                             "contentinfo", "search", "toolbar", "tooltip"})
NUMBER_SPACED = re.compile(r"^((?:(?:punkt|pkt\.?)\s+)?\d{1,4}) ([.:)])(?=\s)", re.IGNORECASE)
NUMBER_APART = re.compile(r"^(?:(?:pkt|punkt|nr|sag)\.?\s*)?(\d{1,4})\.?$", re.IGNORECASE)  # »Pkt. 3«, »3.«
SCREEN_READER_ONLY = re.compile(r"(^|[\s_-])(sr-only|visually-hidden|screen-reader-text|visuallyhidden)($|[\s_-])", re.I)
FURNITURE_CLASS = re.compile(r"(^|[\s_-])(modal|dropdown-menu|badge|breadcrumbs?|cookie\w*|spinner|"
                             r"navbar|skip-link|sr-only|visually-hidden|tilbage\w*|back-to\w*|"
                             r"share|social-share|some-share|(?:last-?)?updated|feedback|file-?type|file-?size)($|[\s_-])",
                             re.I)  # (»hk-feedback«: »Fandt du det, du søgte?«; a link's »PDF« and »(245 KB)« badges)
# A site's own menu, navigation or footer named only by its class (»<div class="footer">«, »<ul class="menu">«), as
# older and hand-made sites write them: the whole class is the site's part's name (not »item-footer«, an item's)
SITE_PART_CLASS = re.compile(r"^(?:(?:site|page|main|global|top|region|primary)[-_])?(?:footer|menu|nav|navigation|"
                             r"topnav|menubar|logo)$", re.I)
# a site's footer or sidebar named by a system's prefix (»np-footer«, »umb-footer«, »col-sidebar«): `_is_furniture`
PAGE_PART_NAME = re.compile(r"(?:^|[-_])(?:footer|sidebar|side-bar|bottom|nav|navigation|menu)$", re.I)  # (»bottom«: a
# page's foot)
ITEM_PART = re.compile(r"^(?:item|punkt|agenda-?item|dagsordenspunkt|card|sag|case|entry|post|article)[-_]", re.I)
# (a sidebar's or a menu's boxes have headings of their own: »Møder 2025«, »Seneste møder« over »wd-nav«'s links)
SIDEBAR = re.compile(r"(?:^|[-_])(?:side-?bar|nav|navigation|menu)$", re.I)
SPACES = re.compile(r"\s+")
MAX_HEADING = 150


def decode(data: bytes) -> str:
    """The page's declared charset, else UTF-8, else Windows-1252 (UTF-16 when its bytes say so); composed,
    mojibake repaired (`as_written`)."""
    return as_written(_decode(data))


def _decode(data: bytes) -> str:
    if utf16 := _utf16(data):  # saved as »Unicode« by Windows tools: every other byte 0, with or without BOM
        return data.decode(utf16, "replace")
    head = data[:2048].decode("ascii", "ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    encodings = [m.group(1)] if m else []
    for encoding in encodings + ["utf-8-sig", "cp1252"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def inspect(data: bytes, name: str) -> Reading:
    tree = parse_html(decode(data))
    _other_tabs_first(tree)
    walker = _Walker(marks_main=tree.css_first('main, [role="main" i]') is not None,
                     closed_class=_closed_class_means_access(tree), panels=_panels(tree))
    walker.walk(tree.body)
    lines = walker.lines()
    dropped = list(walker.dropped)
    # the page's <title> (»Børne- og Skoleudvalget - Referat - 6. marts 2025«) where the page names no committee or
    # day in its text, as a PDF's running header is read (until 2026-12-05 such a page was refused)
    title = tree.css_first("head > title")
    running = [text] if title is not None and (text := _text(title)) else []
    meetings = parse_minutes_text("\n".join(lines), name, dropped, running)
    return Reading(meetings, dropped, "\n".join(walker.all_text))


def read(data: bytes, name: str) -> list[Meeting]:
    return inspect(data, name).meetings


def _text(node: LexborNode) -> str:
    return SPACES.sub(" ", node.text(deep=True, separator=" ")).strip()


def _numbered_by_list(entry: LexborNode) -> int | None:
    """The number an ordered list prints before an entry that holds a heading (an item's title: »<ol start="4"><li>
    <h2>Takster …</h2>…«), from the list's start or the entry's value; None for any other entry."""
    parent = entry.parent
    first = next((n for n in entry.iter() if n.tag not in ("-text", "-comment")), None)
    if parent is None or parent.tag != "ol" or first is None or first.tag not in HEADING_TAGS:
        return None
    start = parent.attributes.get("start") or ""
    number = int(start) if start.isdigit() else 1
    for sibling in parent.iter():
        if sibling.tag != "li":
            continue
        value = sibling.attributes.get("value") or ""
        number = int(value) if value.isdigit() else number
        if sibling.mem_id == entry.mem_id:
            return number
        number += 1
    return None


def _number_of_next_heading(node: LexborNode) -> int | None:
    """An item's number set apart before its title's heading, in an element of its own (»<span class="card-no">Pkt.
    3</span>…<h2>Lejeaftale …</h2>«: a card's header): the number, where the next of the element's siblings that
    shows text is a heading not numbered itself (an icon, text for screen readers only between); else None."""
    if node.tag in HEADING_TAGS or node.tag in BLOCK_TAGS - {"div"} or node.tag == "-text":
        return None
    sibling = node.next  # (the siblings first: most elements are followed by text, and their own text is not read)
    while sibling is not None and sibling.tag not in HEADING_TAGS:
        if sibling.tag == "-text":
            if (sibling.text_content or "").strip():
                return None
        elif not SCREEN_READER_ONLY.search(sibling.attributes.get("class") or "") \
                and sibling.attributes.get("aria-hidden") != "true" and _text(sibling):
            return None
        sibling = sibling.next
    if sibling is None or re.match(r"\s*\d", _text(sibling)) or not (m := NUMBER_APART.match(_text(node))):
        return None
    return int(m.group(1))


def _other_tabs_first(tree) -> None:
    """A page's tabs (»Dagsorden | Deltagere | Dokumenter«, role="tabpanel") are views side by side, not a text in
    order: the panel with the most text holds the minutes, and the others (who attended, the documents) are moved
    before it, where a meeting's facts stand. Until 2026-12-05 the panels after it were its last item's text: the
    table of who attended was item 4's, and no one attended (a probe of a page with tabs)."""
    for parent in {p.mem_id: p for n in tree.css('[role="tabpanel" i]') if (p := n.parent) is not None}.values():
        panels = [c for c in parent.iter(include_text=False) if (c.attributes.get("role") or "").lower() == "tabpanel"]
        if len(panels) < 2:
            continue
        main = max(panels, key=lambda panel: len(_text(panel)))
        for panel in panels[panels.index(main) + 1:]:
            main.insert_before(panel)
            panel.decompose()


def _panels(tree) -> frozenset[str]:
    """The ids the page's controls name as what they open (»<button aria-controls="p2">«)."""
    return frozenset(i for n in tree.css("[aria-controls]") for i in (n.attributes.get("aria-controls") or "").split())


def _has_heading(node: LexborNode) -> bool:
    return any(n.tag in HEADING_TAGS for n in node.traverse(include_text=False))


def _is_furniture(node: LexborNode, marks_main: bool = False, panels: frozenset[str] = frozenset()) -> bool:
    """Page furniture, not the document's text; `marks_main`: the page marks its main content (<main>); `panels`:
    the ids of the elements the page's controls open (`aria-controls`), an accordion's panels."""
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        # hidden until opened: an accordion's panel, named by its button's aria-controls, or one holding a heading
        # (»<div id="p2" hidden><h4>Beslutning</h4>…«), is the item's text; until 2026-12-05 it was dropped
        return (attrs.get("id") or "") not in panels and not _has_heading(node)
    role = (attrs.get("role") or "").lower()
    classes = attrs.get("class") or ""
    if node.tag == "button" or role == "button":  # FirstAgenda wraps item titles in a button
        return not _has_heading(node) and not _titles_item(node)
    if "modal" in (attrs.get("data-toggle"), attrs.get("data-bs-toggle")):  # a link opening a dialog is a control,
        return not _has_heading(node)  # as a button is (»Se alle deltagere« after the participants' names)
    if SCREEN_READER_ONLY.search(classes) and CLOSED_LINE.match(_text(node)):
        return False  # (»<span class="visually-hidden">Lukket punkt</span>«: the item's access, said to screen readers)
    if node.tag == "footer" and _article_of(node) is not None:
        return False  # an article's own footer (an item's card: »<footer>Sag: 18.15.00-Ø40-1-25 · Ansvarlig: …«)
    if node.tag in FURNITURE_TAGS or role in FURNITURE_ROLES or FURNITURE_CLASS.search(classes):
        return True
    if any(SITE_PART_CLASS.match(c) for c in classes.split()) and not _has_heading(node):
        return True  # (a site's part, not the minutes': until 2026-12-05 a footer was the last decision's words)
    named = [*classes.split(), attrs.get("id") or ""]
    side = any(SIDEBAR.search(c) for c in named)
    if any(PAGE_PART_NAME.search(c) and not ITEM_PART.match(c) for c in named) and (
            _outside_items(node) or side and _beside_title(node)) and not (
            _has_heading(node) if not side else _has_item_heading(node)):
        return True  # a footer, sidebar or menu by a system's own name (»np-footer«, »wd-footer«, »col-sidebar«,
        # »wd-nav«), among no item's parts (an item's »item-footer« stays), or a sidebar beside the column of the
        # page's title (»col-sidebar« / »col-content« with the <h1>) inside a wrapper around both, whose menu's
        # »Medlemmer« was read as the participants' label
    if node.tag == "header" and _banner(node) and not _has_heading(node):
        return True  # the site's banner: its logo (»KL · Kommunernes Kontaktråd«) was read as the committee
    if node.tag == "aside" and (marks_main and not _in_main(node) or _page_box(node)):  # a sidebar beside the main
        return True  # content, or a box of the page's own in it (»Kontakt«, »Se også«)
    if node.tag in ("ol", "ul") and _jump_list(node):
        return True
    if node.tag in ("div", "p", "ul", "span") and _controls(node):
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style and not _has_heading(node)


# the headings of a website's own boxes beside the minutes, never an item's part
PAGE_BOXES = {"kontakt", "kontaktoplysninger", "kontaktinformation", "kontaktperson", "se også", "læs også",
              "relaterede links", "relateret indhold", "genveje", "links", "del siden", "del"}


def _page_box(node: LexborNode) -> bool:
    """An aside headed as a website's own box (»<aside><h2>Kontakt</h2>…«, »Se også«): the page's, not the
    minutes' text, inside the page's main content too."""
    heading = next((n for n in node.traverse(include_text=False) if n.tag in HEADING_TAGS), None)
    return heading is not None and _text(heading).strip(" :").lower() in PAGE_BOXES


# the words of a page's controls as links (»Print«, »Download PDF«, »Udskriv«, »Del på Facebook«)
CONTROL_WORDS = re.compile(r"^(?:(?:print|printvenlig|udskriv|download|hent|pdf|del|dela|share|på|facebook|linkedin|siden|"
                           r"e-?mail|send|til|en|ven|abonn[ée]r|tilbage|til toppen|toppen|som|hele|referatet|referat|"
                           r"dagsordenen|dagsorden|punkt|punktet|kopi[eé]r|link|linket|oversigten|forsiden|"
                           r"[^\w\s]+)\s*)+$", re.I)  # (and icons: »🖨 Print ⬇ Download PDF«, »Til toppen ↑ · Hent
# referatet som PDF«; an item's »Udskriv punkt · Hent som PDF · Kopier link«, »Tilbage til oversigten«)


def _controls(node: LexborNode) -> bool:
    """A row of links and buttons that are the page's controls, not its text (»<div class="tools"><a>Print</a>
    <a>Download PDF</a> <button>Fold alle ud</button></div>«): all its words in them, each link's a control's word."""
    controls = [n for n in node.traverse(include_text=False) if n.tag in ("a", "button")]
    links = [_text(n) for n in controls if n.tag == "a"]
    text = _text(node)
    return bool(links) and bool(text) and all(CONTROL_WORDS.match(link) for link in links) and \
        _words(" ".join(_text(n) for n in controls)) == _words(text)  # (»Print · Download PDF · Del«)


def _words(text: str) -> str:
    return SPACES.sub(" ", re.sub(r"[·|•/–-]", " ", text)).strip()


NUMBERED_TITLE = re.compile(r"^\d{1,3}[.)]?\s+[A-ZÆØÅ]")  # »1 Godkendelse af dagsorden«, »2. Skolestruktur«


def _titles_item(node: LexborNode) -> bool:
    """A button that opens an item's text and is its numbered title (an accordion's »<button aria-expanded>
    <span>1</span> <span>Godkendelse af dagsorden</span></button>«): the item's heading, not a control."""
    attrs = node.attributes
    return ("aria-expanded" in attrs or "aria-controls" in attrs or "accordion" in (attrs.get("class") or "")) \
        and NUMBERED_TITLE.match(_text(node)) is not None and not _has_heading(node)


def _titles_summary(node: LexborNode) -> bool:
    """A disclosure's summary that is an item's numbered title (»<details><summary>2. <img alt="Lukket"> Klage
    …</summary>…«, an accordion without a button): the item's heading, its badge read as a heading's is."""
    return NUMBERED_TITLE.match(_text(node)) is not None and not _has_heading(node) and not _holds_blocks(node)


DOCUMENT_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|msg|txt|zip)(?:[?#].*)?$", re.IGNORECASE)
BADGE_TAGS = frozenset({"span", "small", "mark", "label", "strong", "b", "sup", "div"})  # (not prose's <em>)


def _badge_apart(heading: LexborNode, text: str) -> tuple[str, str]:
    """A closed marker set in an element of its own at either end of a heading (»<h2>2. Salg af grund <span
    class="label">Lukket</span></h2>«): the heading's text without it, and the marker."""
    for inner in heading.traverse(include_text=False):
        mark = _text(inner) if inner is not heading and inner.tag in BADGE_TAGS else ""
        if mark and (CLOSED_LINE.match(mark) or OPEN_LINE.match(mark)) and not mark[:1].islower() and (
                text.endswith(mark) or text.startswith(mark)) and text != mark:
            rest = text[:-len(mark)] if text.endswith(mark) else text[len(mark):]
            return rest.strip(" -–:"), mark
    for inner in heading.traverse(include_text=False):  # a lock icon named only for screen readers (»<img
        # alt="Lukket punkt">«, »<span class="icon-lock" aria-label="Lukket">«)
        attrs = inner.attributes
        named = next((attrs.get(a) for a in ("alt", "aria-label", "title") if (attrs.get(a) or "").strip()), "")
        if named and CLOSED_LINE.match(named.strip()) and not _text(inner):
            return text, named.strip()
    return text, ""


# An item's access in its markup alone: a class or data value of the heading or an element around it saying closed
# (»<article class="item lukket">«, »agenda-card--closed«, »data-status="lukket"«). The Danish words say access
# wherever they stand; English »closed« is also an accordion's collapsed panel, so it says access only where it
# marks fewer than half the page's numbered headings (a page's closed items are few; its collapsed panels, all
# but the one open)
CLOSED_TOKEN = re.compile(r"(?:^|[-_])(?:lukket|lukkede|fortrolig|fortroligt|ikke-offentlig)(?:$|[-_])", re.IGNORECASE)
CLOSED_TOKEN_EN = re.compile(r"(?:^|[-_])closed(?:$|[-_])", re.IGNORECASE)
# English words for an item's access that no accordion or panel uses for its state (»agenda-card is-private«)
CLOSED_TOKEN_ACCESS = re.compile(r"(?:^|[-_])(?:private|confidential|restricted|non-public)(?:$|[-_])", re.IGNORECASE)
TITLE_TAGS = HEADING_TAGS | {"summary", "button"}  # (what may title an item: `_Walker.visit`)


def _closed_container(node: LexborNode, token: re.Pattern[str]) -> LexborNode | None:
    """The node or the nearest element around it (up to <body>) with a class token or a data-* value `token` takes."""
    while node is not None and node.tag not in ("body", "html"):
        attrs = node.attributes
        values = (attrs.get("class") or "").split() + [v or "" for k, v in attrs.items() if k.startswith("data-")] \
            + [k[5:] for k, v in attrs.items() if k.startswith("data-") and (v or "").lower() in ("true", "1", "")]
        if any(token.search(v) for v in values):
            return node
        node = node.parent
    return None


def _first_heading_in(container: LexborNode, heading: LexborNode) -> bool:
    first = next((n for n in container.traverse(include_text=False) if n.tag in TITLE_TAGS), None)
    return first is not None and first.mem_id == heading.mem_id


def _class_closed(node: LexborNode, english: bool) -> bool:
    """Whether the heading is the first of an element marked closed by its class or data (the item's title)."""
    for token in (CLOSED_TOKEN, CLOSED_TOKEN_ACCESS, CLOSED_TOKEN_EN) if english else (CLOSED_TOKEN, CLOSED_TOKEN_ACCESS):
        if (container := _closed_container(node, token)) is not None and _first_heading_in(container, node):
            return True
    return False


def _closed_class_means_access(tree) -> bool:
    """Whether an English »closed« class marks items' access on this page rather than collapsed panels: it marks
    at most half of the page's items (the elements of its tag that hold a title; half of two items may be either,
    and is read as closed, which hides no more than it must)."""
    marked = [c for h in tree.css("h1, h2, h3, h4, h5, h6") if (c := _closed_container(h, CLOSED_TOKEN_EN)) is not None]
    if not marked:
        return False
    kinds = {c.tag for c in marked}  # the items' elements: those of the marked ones' tag that hold a title
    items = [n for n in tree.css(", ".join(kinds)) if any(t.tag in TITLE_TAGS for t in n.traverse(include_text=False))]
    return len({c.mem_id for c in marked}) <= len(items) / 2  # (half: on the safe side, closed)


IN_PAGE = re.compile(r"^#[A-Za-z_][\w.:-]*$")  # a place on the page (»#p1«), not an app's route (»#/bilag/881«)


def _jump_list(node: LexborNode) -> bool:
    """A list whose every entry is a link to a place on the page (»<li><a href="#p1">1. Godkendelse af
    dagsorden</a></li>«): the page's contents, whose entries would read as the items' headings."""
    return _links_only(node, IN_PAGE)


def _links_only(node: LexborNode, target: re.Pattern[str], one: bool = False) -> bool:
    """Whether a list has entries, each nothing but links (one link, where `one`) to addresses `target` finds."""
    entries = [child for child in node.iter() if child.tag == "li"]
    for entry in entries:
        links = [n for n in entry.traverse(include_text=False) if n.tag == "a"]
        if not links or one and len(links) > 1 or any(not target.search(a.attributes.get("href") or "") for a in links) \
                or _text(entry) != " ".join(_text(a) for a in links).strip():
            return False
    return bool(entries)


def _own_footers(article: LexborNode) -> list[LexborNode]:
    """An article's footers (not those of an article inside it)."""
    return [n for n in article.traverse(include_text=False) if n.tag == "footer" and _article_of(n) == article.mem_id]


def _first_heading(node: LexborNode) -> LexborNode | None:
    return next((n for n in node.traverse(include_text=False) if n.tag in HEADING_TAGS), None)


def _ancestors(node: LexborNode) -> Iterator[LexborNode]:
    """The elements around a node, nearest first."""
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _main_role(node: LexborNode) -> bool:
    return (node.attributes.get("role") or "").lower() == "main"


def _article_of(node: LexborNode) -> int | None:
    """The <article> the node is inside (a self-contained part: an item's card), by its id; None outside any."""
    return next((a.mem_id for a in _ancestors(node) if a.tag == "article"), None)


def _has_item_heading(node: LexborNode) -> bool:
    """Whether the node holds a numbered heading (an item's title)."""
    return any(n.tag in HEADING_TAGS and NUMBERED_TITLE.match(_text(n)) for n in node.traverse(include_text=False))


def _beside_title(node: LexborNode) -> bool:
    """Whether an element beside the node (a sibling) holds the page's title, its <h1>."""
    parent = node.parent
    siblings = [] if parent is None else [c for c in parent.iter(include_text=False) if c.mem_id != node.mem_id]
    return any(c.tag == "h1" or any(n.tag == "h1" for n in c.traverse(include_text=False)) for c in siblings)


def _outside_items(node: LexborNode) -> bool:
    """Whether no element around the node, below the page's body or main content, holds a heading (an item's)."""
    around = itertools.takewhile(lambda a: a.tag not in ("body", "main", "html"), _ancestors(node))
    return not any(_has_heading(a) for a in around)


def _banner(node: LexborNode) -> bool:
    """Whether a <header> is the page's, not an article's or a section's: outside <article>, <aside>, <main>, <nav>
    and <section>, where ARIA gives it the role »banner« (the site's logo, menu and search)."""
    return not any(a.tag in ("article", "aside", "main", "nav", "section") or _main_role(a) for a in _ancestors(node))


def _in_main(node: LexborNode) -> bool:
    """Whether the node is inside the page's main content (<main>, role="main")."""
    return any(a.tag == "main" or _main_role(a) for a in _ancestors(node))


def _simple_row(row: LexborNode) -> bool:
    """A row whose cells hold only inline text: read as one tab-separated line."""
    for cell in row.iter():
        if cell.tag not in ("td", "th"):
            continue
        if _holds_blocks(cell):
            return False
    return True


def _holds_blocks(node: LexborNode) -> bool:
    """Whether an element holds a block (a paragraph, a list …) below it, not inline text only."""
    return any(n.tag in BLOCK_TAGS for n in list(node.traverse(include_text=False))[1:])


def _file_links(node: LexborNode) -> bool:
    """Whether a list's every entry is one link to a document file (».pdf«, ».docx« …) and nothing else: a list of
    attachments."""
    return _links_only(node, DOCUMENT_FILE, one=True)


# a label's class: »label«, »lbl«, or a system's (»np-label«, »meta-label«, »fact__label«)
LABEL_CLASS = re.compile(r"^(?:.*[-_])?(?:label|lbl)$", re.I)


def _fact_label(node: LexborNode) -> bool:
    """An inline element that labels one of the meeting's or an item's facts by its class (»<span class="label">Tid
    </span> kl. 15:30«, »<span class="np-label">Sagsansvarlig</span> <span class="np-value">Søren Bak</span>«) with
    text after it in the same block: the label, which the page writes without a colon. (Two such in one block ran
    together until 2026-12-05: the case number »05.13.00-P15-1-24 Sagsansvarlig Søren Bak«.)"""
    classes = (node.attributes.get("class") or "").split()
    if node.tag in BLOCK_TAGS or not any(LABEL_CLASS.search(c) for c in classes):
        return False
    text = fold(_text(node).rstrip(":").strip())
    after = node.next
    while after is not None and after.tag == "-text" and not (after.text_content or "").strip():
        after = after.next  # (the space between the label's element and the value's)
    return (text in ALL_LABELS or text in FACT_LABELS) and bool(after and (
        _text(after) if after.tag != "-text" else (after.text_content or "").strip()))


def _simple_terms(node: LexborNode) -> bool:
    """A definition list of terms and values (»<dt>Status</dt><dd>Lukket</dd>«, as a portal sets out an item's
    facts, perhaps its sections too), its terms holding only inline text: a term and a value of inline text are
    read as a label and its value, »Status: Lukket«, a line a pair (`_Walker.terms`)."""
    children = [child for child in node.iter() if child.tag != "-text"]
    return bool(children) and all(child.tag in ("dt", "dd") for child in children) and not any(
        _holds_blocks(child) for child in children if child.tag == "dt")


class _Walker:
    """One pass over the DOM, writing lines; furniture goes to `dropped`, all visible text to `all_text`."""

    def __init__(self, marks_main: bool = False, closed_class: bool = False, panels: frozenset[str] = frozenset()
                 ) -> None:
        self.panels = panels  # the ids of the panels the page's controls open (`_is_furniture`)
        self.number: int | None = None  # an <ol>'s number for the heading first in its entry (`_numbered_by_list`)
        self.moved: dict[int, list[LexborNode]] = {}  # an article's footers, written under its first heading
        self.written_elsewhere: set[int] = set()  # (those footers, where the walk reaches them)
        self.marks_main = marks_main  # the page marks its main content: a sidebar outside it is furniture
        self.closed_class = closed_class  # an English »closed« class on an item says its access (see `_class_closed`)
        self.out: list[str] = [""]
        self.dropped: list[Dropped] = []
        self.all_text: list[str] = []

    def lines(self) -> list[str]:
        text = "\n".join(self.out)
        text = re.sub(r"[ \t]+\n", "\n", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip().split("\n")

    def newline(self, blank: bool = False) -> None:
        if self.out[-1].strip():
            self.out.append("")
        if blank and (len(self.out) < 2 or self.out[-2].strip()):
            self.out.append("")

    def write(self, text: str) -> None:
        if not text:
            return
        last = self.out[-1]
        if last.endswith((" ", "\t")):
            text = text.lstrip(" ")
        elif last and not text.startswith(" "):
            text = " " + text if _needs_space(last, text) else text
        self.out[-1] = last + text

    def walk(self, node: LexborNode | None) -> None:
        if node is None:
            return
        for child in node.iter(include_text=True):
            self.visit(child)

    def visit(self, node: LexborNode) -> None:
        tag = node.tag
        if tag == "-text":
            raw = node.text_content or ""
            if not raw.strip():  # the space between two inline elements (»<span>1.</span> <span>Titel</span>«)
                if raw and self.out[-1].strip() and not self.out[-1].endswith((" ", "\t")):
                    self.out[-1] += " "
                return
            if raw.strip():
                self.all_text.append(raw.strip())
                # the space at either end separates words across inline tags (»orienteret, <em>herunder</em>«,
                # »<span>A (formand)</span>, <span>B</span>«); at a line's end it goes (`lines`)
                text = SPACES.sub(" ", raw).strip()
                self.write((" " if raw[:1].isspace() else "") + text + (" " if raw[-1:].isspace() else ""))
            return
        if tag in SKIP_TAGS:
            return
        if _is_furniture(node, self.marks_main, self.panels):
            text = _text(node)
            if text:
                self.all_text.append(text)
                self.dropped.append(Dropped(DropReason.WEB_FURNITURE, text))
            return
        if tag in HEADING_TAGS or tag == "button" and _titles_item(node) or tag == "summary" and _titles_summary(node):
            # (the number in an element of its own, its dot after it: »<span>1</span>. <span>Titel</span>«)
            text = NUMBER_SPACED.sub(r"\1\2", _text(node))
            if text:
                self.all_text.append(text)
            if self.number is not None and text and not re.match(r"\d", text):
                text, self.number = f"{self.number}. {text}", None  # the item's heading, numbered as printed
            full = text
            text, badge = _badge_apart(node, text)
            if not badge and _class_closed(node, self.closed_class):
                badge = "Lukket punkt"  # (»<article class="agenda-card agenda-card--lukket"><h2>2. …«)
            self.newline(blank=True)
            if badge and full.startswith(badge) and CLOSED_LINE.match(badge):  # before the number, right above the heading, as »Lukket punkt:
                self.out[-1] = badge  # 4. Title« is read: under it, the marker of an item with no text of its own
                self.newline()  # would be the next item's
                badge = ""
            if len(text) > MAX_HEADING or text.endswith("."):  # prose in a heading element: a break, then text
                self.out[-1] = MARK
                self.newline()
                self.out[-1] = text
            else:
                self.out[-1] = MARK + text
            if badge:  # under the heading, as a »Lukket punkt« line under a title marks the item
                self.newline()
                self.out[-1] = badge
            self.newline(blank=True)
            for footer in self.moved.pop(node.mem_id, []):  # the item's facts its card prints at its foot
                self.newline()
                self.walk(footer)
                self.newline(blank=True)
        elif node.mem_id in self.written_elsewhere:
            return
        elif (number := _number_of_next_heading(node)) is not None:
            self.all_text.append(_text(node))
            self.number = number  # (written with the title: `_number_of_next_heading`)
        elif tag == "br":
            self.newline()
        elif _fact_label(node):  # »<span class="label">Sted</span> Rådhuset«: the label and its value, »Sted: Rådhuset«
            self.walk(node)
            self.out[-1] = self.out[-1].rstrip().removesuffix(":") + ": "  # (»Sted:« written with its colon too)
        elif tag == "tr":
            self.row(node)
        elif tag == "article" and (footers := _own_footers(node)) and (heading := _first_heading(node)) is not None:
            # an item's card with its facts in its footer (»<footer>Sag: 18.15.00-Ø40-1-25 · Ansvarlig: …«): they
            # are read under its title, where an item's case number and presenter stand
            self.moved[heading.mem_id] = footers
            self.written_elsewhere |= {f.mem_id for f in footers}
            self.newline(blank=True)
            self.walk(node)
            self.newline(blank=True)
        elif tag == "dl" and _simple_terms(node):
            self.terms(node)
        elif tag in ("ul", "ol") and _file_links(node) and not self._under_heading():
            self.newline(blank=True)  # a list of links to files with no heading of its own: the item's attachments
            self.out[-1] = MARK + "Bilag"  # (»<ul class="bilag"><li><a href="/bilag/1.pdf">Bilag 1: …</a></li>«)
            self.newline(blank=True)
            self.walk(node)
            self.newline(blank=True)
        elif tag == "li" and (number := _numbered_by_list(node)) is not None:  # an item numbered by its <ol>
            self.newline(blank=True)
            self.number = number  # (»<ol><li><h2>Godkendelse af dagsorden</h2>…«: the browser prints »1.«)
            self.walk(node)
            self.number = None
            self.newline(blank=True)
        elif tag == "li":  # a list entry is a line of its own, marked as one
            self.newline()
            self.write("- ")
            self.walk(node)
            self.newline()
        elif tag in BLOCK_TAGS:  # blocks are paragraphs
            self.newline(blank=tag != "li")
            start = len(self.out) - 1  # (the line the block begins on, blank until written)
            self.walk(node)
            self._own_marker(start)
            self.newline(blank=tag != "li")
        else:
            self.walk(node)

    def _under_heading(self) -> bool:
        """Whether the last line written is a heading (a list's own: »<h3>Bilag</h3><ul>…«)."""
        return next((line for line in reversed(self.out) if line.strip()), "").startswith(MARK)

    def _own_marker(self, start: int) -> None:
        """A closed marker last in a block that holds one item's heading (»<div class="item"><h2>4. …</h2><p>Sagsnr.:
        …</p><p>Lukket punkt</p></div>«) is that item's: moved right under the heading, where no reading takes it
        for the next item's (last in an item with nothing but its case number, the text parser gives it to the next
        item, the safe reading where the page says nothing of whose it is)."""
        written = [k for k in range(start, len(self.out)) if self.out[k].strip()]
        heads = [k for k in written if self.out[k].startswith(MARK) and NUMBERED_TITLE.match(self.out[k][1:])]
        between = [self.out[k].strip() for k in written if heads and heads[0] < k < written[-1]]
        if len(heads) == 1 and between and all(CASE_NUMBER.match(line) for line in between) \
                and CLOSED_LINE.match(self.out[written[-1]].strip()):  # (after the item's case number alone: under
            # its decision, the marker may as well be the next item's, which the text parser's reading gives it)
            marker = self.out.pop(written[-1])
            self.out.insert(heads[0] + 1, marker)

    def terms(self, node: LexborNode) -> None:
        self.newline(blank=True)
        for child in node.iter():
            if child.tag == "dt":
                self.newline()
            elif child.tag == "dd" and self.out[-1].strip() and not _holds_blocks(child):
                self.out[-1] = self.out[-1].rstrip().rstrip(":") + ": "  # (a term and its value, as »Status: Lukket«)
            elif child.tag == "dd":  # paragraphs under their term (»Sagsfremstilling«, its <p>s), as under a heading
                self.newline()
            self.walk(child)
        self.newline(blank=True)

    def row(self, node: LexborNode) -> None:
        self.newline()
        simple = _simple_row(node)
        first = True
        for cell in node.iter():
            if cell.tag not in ("td", "th"):
                continue
            if _is_furniture(cell, self.marks_main, self.panels):
                self.visit(cell)
                continue
            if simple:
                if not first:
                    self.out[-1] += "\t"
                self.walk(cell)
            else:
                self.newline()
                self.walk(cell)
                self.newline()
            first = False
        self.newline()


def _needs_space(before: str, after: str) -> bool:
    return before[-1:].isalnum() and after[:1].isalnum()


def _utf16(data: bytes) -> str | None:
    """The UTF-16 codec a page is written in, from its byte order mark or, without one, from its opening
    markup (ASCII), whose every other byte is 0; None for a page in a byte encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:200 if len(data) >= 200 else len(data) // 2 * 2]
    if len(sample) >= 8 and not any(sample[1::2]) and all(sample[0::2]):
        return "utf-16-le"
    if len(sample) >= 8 and not any(sample[0::2]) and all(sample[1::2]):
        return "utf-16-be"
    return None
