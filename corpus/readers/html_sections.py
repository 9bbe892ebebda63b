"""Rich-text HTML of agenda portals -> (heading, plain text) sections.

The HTML comes from rich-text editors, so its structure is loose: section headings are h2, h3 or h4
(or a paragraph that is only bold text), some "headings" are really sentences or table cells, and
paragraphs nest in spans. We walk the DOM once in document order and open a new section at each
element that looks like a heading; everything else is rendered as readable text.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from corpus.model import SectionKind
from corpus.readers.html_tree import parse_html
from corpus.sections import heading_kind, known_heading
from corpus.textclean import collapse_spaces

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "aside", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
    "table", "hr", "header", "footer", "address", "figure", "figcaption", "center", "form", "fieldset",
}) | HEADING_TAGS
SKIP_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template", "-comment"})
BOLD_TAGS = frozenset({"b", "strong"})
INLINE_WRAPPERS = frozenset({"span", "em", "i", "u", "font"})  # what editors wrap a bold heading in
MAX_HEADING_WORDS = 8
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
AROUND_TAB = re.compile(r" *\t *")
INNER_SPACES = re.compile(r"(?<=\S) {2,}")
BLANK_LINES = re.compile(r"\n{3,}")
# Break strengths; a stronger pending break wins over a weaker one.
NONE, SPACE, TAB, LINE, PARAGRAPH = range(5)
SEPARATORS = ("", " ", "\t", "\n", "\n\n")


def html_sections(html: str) -> list[tuple[str, str]]:
    """(heading, text) pairs in document order; text before the first heading comes under heading ""."""
    walker = _Walker()
    walker.walk(parse_html(html).body)
    return walker.finish()


def looks_like_heading(text: str) -> bool:
    """A known section name, or a short capitalised label: editors also style sentences as headings."""
    if not text or not any(c.isalpha() for c in text):
        return False
    if heading_kind(text) is not None:
        return True
    return text[0].isupper() and len(text.split()) <= MAX_HEADING_WORDS and text[-1] not in ".,;:!"


class _Text:
    """Text with pending breaks, so nested blocks and empty paragraphs do not pile up blank lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = NONE
        self.prefix = ""

    def write(self, text: str) -> None:
        if self.pending and self.parts:
            self.parts.append(SEPARATORS[self.pending])
        self.pending = NONE
        if self.prefix:
            self.parts.append(self.prefix)
            self.prefix = ""
        if not self.parts or self.parts[-1][-1] in "\n\t ":
            text = text.lstrip(" ")
        self.parts.append(text)

    def value(self) -> str:
        text = INVISIBLE.sub("", "".join(self.parts))
        if "\t" in text:
            text = AROUND_TAB.sub("\t", text)
        if "  " in text:
            text = INNER_SPACES.sub(" ", text)
        text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
        return BLANK_LINES.sub("\n\n", text).strip()


class _Walker:
    """One pass over the DOM; `cap` limits breaks inside list items (line) and table cells (space)."""

    def __init__(self) -> None:
        self.out = _Text()
        self.sections: list[tuple[str, _Text]] = [("", self.out)]
        self.cap = PARAGRAPH
        self.in_table = 0
        self.list_depth = 0

    def finish(self) -> list[tuple[str, str]]:
        return [(heading, text.value()) for heading, text in self.sections]

    def brk(self, strength: int) -> None:
        strength = min(strength, self.cap)
        if strength > self.out.pending:
            self.out.pending = strength

    def walk(self, node: LexborNode | None) -> None:
        if node is None:
            return
        for child in node.iter(include_text=True):
            self.visit(child)

    def visit(self, node: LexborNode) -> None:
        tag = node.tag
        if tag == "-text":
            self.text(node.text_content or "")
        elif tag in SKIP_TAGS:
            return
        elif (heading := self.heading_text(node)) is not None:
            self.out = _Text()
            self.sections.append((heading, self.out))
        elif (label := self.label(node)) is not None:  # <p><strong>Beslutning:</strong> Godkendt.</p>
            self.out = _Text()
            self.sections.append((_clean(label.text(deep=True)).rstrip(":").rstrip(), self.out))
            children = list(node.iter(include_text=True))
            for child in children[next(k for k, c in enumerate(children) if c == label) + 1:]:
                self.visit(child)
            self.brk(PARAGRAPH)
        elif _is_bold(node) and (heading := self.line_heading(node)) is not None:  # <strong>Beslutning</strong><br>
            self.out = _Text()
            self.sections.append((heading, self.out))
        elif tag == "br":
            self.brk(LINE)
        elif tag == "li":
            self.list_item(node)
        elif tag in ("ul", "ol"):
            self.nested(node, list_depth=1)
        elif tag == "tr":
            self.row(node)
        elif tag == "table":
            self.nested(node, table=1)
        elif tag in BLOCK_TAGS:
            self.brk(PARAGRAPH)
            self.walk(node)
            self.brk(PARAGRAPH)
        else:
            self.walk(node)

    def text(self, raw: str) -> None:
        if raw.strip():
            self.out.write(_collapse(raw))
        elif raw:
            self.brk(SPACE)

    def heading_text(self, node: LexborNode) -> str | None:
        """The heading an element stands for, or None: h-tags and lone-bold paragraphs outside tables/lists."""
        if self.in_table or self.list_depth:
            return None
        bold = node.tag in ("p", "div") and (_only_bold_child(node) or _is_bold(node))
        if node.tag in HEADING_TAGS or bold:
            text = _clean(node.text(deep=True))
            if node.tag in HEADING_TAGS and known_heading(text) is not None:  # »<h3>Økonomi:</h3>« too (a bold
                return text  # »Tidsplan:« opening a list stays the text it introduces)
            # wrapped in inline elements (an editor's styling), bold text heads a section only when it names one
            known = bold is not _WRAPPED or known_heading(text) not in (None, SectionKind.OTHER)
            return text if known and looks_like_heading(text) else None
        return None

    def line_heading(self, node: LexborNode) -> str | None:
        """A known section's name in bold on a line of its own, where a field's HTML has no paragraphs
        (»<strong>Indstilling</strong><br>Administrationen indstiller …<br><strong>Beslutning</strong><br>…«)."""
        if self.in_table or self.list_depth:
            return None
        text = _clean(node.text(deep=True)).rstrip(":").rstrip()
        if not text or known_heading(text) in (None, SectionKind.OTHER):
            return None
        return text if _line_end(node.prev, "prev") and _line_end(node.next, "next") else None

    def label(self, node: LexborNode) -> LexborNode | None:
        """The bold label a paragraph opens with when it names a known section (»Beslutning:«, then the
        decision on the same line or after a <br>), outside tables and lists; else None."""
        if self.in_table or self.list_depth or node.tag not in ("p", "div"):
            return None
        first = next((c for c in node.iter(include_text=True)
                      if c.tag != "-text" or (c.text_content or "").strip()), None)
        if first is None or not _is_bold(first):
            return None
        text = _clean(first.text(deep=True)).rstrip(":").rstrip()
        return first if text and known_heading(text) not in (None, SectionKind.OTHER) else None

    def list_item(self, node: LexborNode) -> None:
        self.brk(LINE)
        self.out.prefix = "  " * max(self.list_depth - 1, 0) + "- "
        self.capped(node, LINE)
        self.out.prefix = ""
        self.brk(LINE)

    def row(self, node: LexborNode) -> None:
        self.brk(LINE)
        first = True
        for cell in node.iter():
            if cell.tag not in ("td", "th"):
                continue
            if not first:
                self.out.write("\t")
            first = False
            self.capped(cell, SPACE)
        self.brk(LINE)

    def capped(self, node: LexborNode, cap: int) -> None:
        outer, self.cap = self.cap, min(self.cap, cap)
        self.walk(node)
        self.cap = outer

    def nested(self, node: LexborNode, list_depth: int = 0, table: int = 0) -> None:
        """A list or table: a paragraph break around it, a line break for a list inside a list."""
        self.list_depth += list_depth
        self.in_table += table
        around = LINE if self.list_depth > 1 else PARAGRAPH
        self.brk(around)
        self.walk(node)
        self.brk(around)
        self.list_depth -= list_depth
        self.in_table -= table


_WRAPPED = "wrapped"
# Bold written as a style, as Word and web editors write it (»<span style="font-weight: bold">«, »700«)
CSS_BOLD = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", re.IGNORECASE)


def _is_bold(node: LexborNode) -> bool:
    """<b>, <strong>, or an element styled bold."""
    if node.tag in BOLD_TAGS:
        return True
    return node.tag != "-text" and CSS_BOLD.search(node.attributes.get("style") or "") is not None


def _only_bold_child(node: LexborNode) -> bool | str:
    """True for <p><strong>Resume</strong></p>: a paragraph that is nothing but bold text; `_WRAPPED` where an
    editor wrapped the bold text in inline elements (<p><span><strong>Indstilling</strong></span></p>, <em>…)."""
    children = [c for c in node.iter(include_text=True) if c.tag != "-text" or (c.text_content or "").strip()]
    if len(children) != 1 or children[0].tag == "-text":
        return False
    if _is_bold(children[0]):
        return True
    return _WRAPPED if children[0].tag in INLINE_WRAPPERS and _only_bold_child(children[0]) else False


def _line_end(node: LexborNode | None, step: str) -> bool:
    """Whether nothing but blank text stands between a node and a line break, a block or its parent's edge,
    going `step` ("prev" or "next") among its siblings."""
    while node is not None and node.tag == "-text" and not (node.text_content or "").strip():
        node = getattr(node, step)
    return node is None or node.tag == "br" or node.tag in BLOCK_TAGS


def _collapse(text: str) -> str:
    """Runs of whitespace -> one space, keeping a space at either end (it separates words across tags)."""
    inner = collapse_spaces(text)
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def _clean(text: str) -> str:
    return collapse_spaces(INVISIBLE.sub("", text))
