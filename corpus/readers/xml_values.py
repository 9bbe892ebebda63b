"""Values of agenda systems' XML exports, read the same way by each of their readers."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from xml.etree.ElementTree import Element

from corpus.dates import iso_date_time
from corpus.readers import whole_number
from corpus.readers.html_sections import html_sections
from corpus.textclean import collapse_spaces


def local_name(element) -> str:
    """An element's tag without its namespace (»{http://…}Committee« -> »Committee«); "" for a comment or a
    processing instruction, whose tag is no name (ElementTree's and lxml's elements alike)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def strip_namespaces(root: Element) -> None:
    """Every tag under `root` by its local name: an export read by its layout, whatever namespace it declares."""
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = local_name(element)


def value(element: Element, path: str) -> str | None:
    """The stripped text at `path`, or None when the element is missing or empty."""
    found = element.find(path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def with_role(name: str, *about: str | None) -> str:
    """A member's name with what the export says of them besides it (their party, their roles) in the bracket after
    the name, as the text readers write them: »Martin Damm (V)« and the role »Formand« give »Martin Damm (V,
    Formand)«. The role »Medlem« says nothing more, and a party the name already brackets is not written twice."""
    name = collapse_spaces(name)
    said = [collapse_spaces(part) for text in about if text for part in text.split(",")]
    said = list(dict.fromkeys(part for part in said if part and part.casefold() != "medlem"
                              and f"({part})" not in name and f" {part})" not in name and f"({part}," not in name))
    if not said:
        return name
    return f"{name[:-1]}, {', '.join(said)})" if name.endswith(")") else f"{name} ({', '.join(said)})"


def flag(element: Element, path: str) -> bool | None:
    """A true/false value at `path` (»True«, »false« …), None when missing or something else."""
    text = (value(element, path) or "").lower()
    return True if text == "true" else False if text == "false" else None


def history_heading(caption: str, committee: str | None, when: str | None) -> str:
    """The heading of a decision taken at another meeting: »Beslutning i Byrådet den 30-10-2013«."""
    heading = caption
    if committee:
        heading += f" i {committee}"
    if when:
        heading += f" den {when.split()[0]}"
    return heading


def item_number(text: str | None, position: int, where: str, bad: Callable[[str], Exception]) -> int:
    """The item's number as published; an item with none is numbered by its place on the agenda.
    `bad(problem)` is raised, naming the field `where`, when the number is not a whole one."""
    if text is None or not text.strip():
        return position
    number = whole_number(text)
    if number is None:
        raise bad(f"{where} {text!r} is not a whole item number")
    return number


def rendered(element: Element | None, html: bool = True) -> str:
    """An element's text: rich-text HTML as readable text (sub-headings on lines of their own), or plain text
    as written, one line per line."""
    raw = element.text if element is not None else None
    if not raw or not raw.strip():
        return ""
    if html or "<" in raw:
        parts = [f"{heading}\n{body}" if heading else body for heading, body in html_sections(raw)]
        return "\n\n".join(p.strip() for p in parts if p.strip())
    return "\n".join(collapse_spaces(line) for line in raw.splitlines() if line.strip())


def date_time(text: str, formats: tuple[str, ...]) -> tuple[str, str | None] | None:
    """ISO date and HH:MM (None when the format has no time) of the first format that reads `text`; else of
    ISO 8601 in any of its forms (»2023-06-02T10:00:00.000«, »…T08:00:00Z« read on the Danish clock), or the
    Danish dotted date (»02.06.2023 10:00«), as other versions of the export write it."""
    for fmt in (*formats, *DOTTED):
        try:
            moment = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        return moment.date().isoformat(), moment.strftime("%H:%M") if "%H" in fmt else None
    return iso_date_time(text)


DOTTED = ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y kl. %H.%M", "%d.%m.%Y")


def meeting_date_time(element: Element, path: str, where: str, formats: tuple[str, ...],
                      bad: Callable[[str], Exception]) -> tuple[str, str | None]:
    """The date and time at `path`; `bad(problem)` is raised, naming the field, when it is missing or reads
    in none of the formats."""
    text = value(element, path)
    if not text:
        raise bad(f"{where}/{path} is missing")
    moment = date_time(text, formats)
    if moment is None:
        shape = formats[0].replace("%d", "dd").replace("%m", "mm").replace("%Y", "yyyy").replace("%H", "hh")
        raise bad(f"{where}/{path} {text!r} is not a date and time ({shape.replace('%M', 'mm').replace('%S', 'ss')})")
    return moment


def readable_text(root: Element, skip: Callable[[Element, str], bool], rich: frozenset[str]) -> str:
    """Every text value below `root` but the subtrees `skip(element, parent's tag)` calls data about the
    document (ids, flags, dates of editing …), the elements named in `rich` rendered as rich text: what a
    reader of the export sees, found without any reader's paths (the measure that nothing was lost)."""
    parts: list[str] = []

    def walk(element: Element, parent: str) -> None:
        if skip(element, parent):
            return
        if element.tag in rich:
            parts.append(rendered(element))
            return
        if element.text and element.text.strip():
            parts.append(element.text.strip())
        for child in element:
            walk(child, element.tag)

    walk(root, "")
    return "\n".join(parts)
