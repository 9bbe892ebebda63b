"""HTML from outside -> a lexbor tree, refusing what no minutes are: elements nested hundreds deep.

lexbor builds deeply nested markup in quadratic time (40,000 nested <div>s take a second, 200,000 half a
minute), and the readers walk the tree recursively. A page of minutes nests a few dozen levels; a linear
scan of the tags measures the depth first, so a 1 MB upload of <div>s is refused at once.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from corpus.readers import ReaderError

MAX_DEPTH = 500
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(/?)>")
# elements that never hold others, or that the next sibling closes: they do not deepen the tree
FLAT = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
                  "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body"})


def nesting_depth(html: str) -> int:
    """How deep the markup's elements nest, counted over its tags (an upper bound where end tags are
    missing: the parser closes some elements itself)."""
    depth = deepest = 0
    for m in TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in FLAT or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def parse_html(html: str) -> LexborHTMLParser:
    # deeper than MAX_DEPTH takes more than MAX_DEPTH tags: most fields have fewer, and count() is cheap
    if html.count("<") > MAX_DEPTH and nesting_depth(html) > MAX_DEPTH:
        raise ReaderError(f"the file nests its elements too deeply to be minutes (more than {MAX_DEPTH} levels)")
    return LexborHTMLParser(html)
