"""PDF minutes with a text layer (pypdf): extract, reflow soft-wrapped lines, then parse as text."""
from __future__ import annotations

import bisect
import io
import itertools
import logging
import re
from collections import Counter

from corpus.meeting_header import attendance_column, attendance_label, names_only
from corpus.model import DropReason, Dropped, Meeting, Reading
from corpus.parse import CASE_NUMBER, FACT_LABELS, GRID_HEAD, parse_minutes_text
from corpus.readers import ReaderError
from corpus.sections import known_heading
from corpus.spelling import fold
from corpus.textclean import (CLOSED_LINE, OPEN_LINE, PAGE_MARKER, as_written, goes_on_in_word, join_lines,
                              joined_at_hyphen, names_closed_part, own_text, part_heading)

MIN_CHARS_PER_PAGE = 20
NUMBERED_HEADING = re.compile(r"^(?:punkt\s+)?\d{1,4}\s*[.:)]?\s+\S", re.IGNORECASE)  # an item's (»3. Title«)
# an item's number alone on its line (»Punkt 3«)
ITEM_NUMBER = re.compile(r"^(?:punkt|pkt\.?|sag|dagsordenspunkt)\s*(?:nr\.?\s*)?\d{1,4}\s*[.:]?$", re.IGNORECASE)


def inspect(data: bytes, name: str) -> Reading:
    text, furniture = _extract(data)
    dropped = [Dropped(DropReason.PAGE_FURNITURE, line) for line in furniture]
    meetings = parse_minutes_text(text, name, dropped, running=list(dict.fromkeys(furniture)))
    return Reading(meetings, dropped, text)


def read(data: bytes, name: str) -> list[Meeting]:
    return inspect(data, name).meetings


BARE_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?P<n>\d{1,3})(?:\s*[-–—]|\s*/\s*\d{1,3})?\s*$")  # »- 2 -«, »2«, »2/3«


def extract_text(data: bytes) -> str:
    """The PDF's text layer, without the running headers and footers its pages print at the same place; a
    clear error for a broken PDF or a scan without text."""
    return _extract(data)[0]


def _extract(data: bytes) -> tuple[str, list[str]]:
    """The text layer, and the running lines taken out of it (`_without_running_lines`)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.startswith(b"%PDF"):
        raise ReaderError("not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")  # (an owner's password alone opens with none)
        placed = [] if locked else [_placed_text(page) for page in reader.pages]
        pages = [text for text, _ in placed]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReaderError(f"the PDF cannot be read (damaged or truncated): {exc}") from exc
    except Exception as exc:  # noqa: BLE001 — only pypdf runs here, on bytes from outside: a damaged PDF
        # also fails as NotImplementedError (a garbled filter name), IndexError, zlib.error, RecursionError …
        raise ReaderError(f"the PDF cannot be read (damaged): {type(exc).__name__}: {exc}") from exc
    if locked:
        raise ReaderError("the PDF is protected by a password: save or print it without one and send it again")
    if not pages:
        raise ReaderError("the PDF has no pages")
    if sum(len(p.strip()) for p in pages) < MIN_CHARS_PER_PAGE * len(pages):
        raise ReaderError("the PDF has no text layer (a scanned document?); run OCR on it first")
    pages, furniture = _without_running_lines(pages, [lines for _, lines in placed])
    pages = numbered_pages([reflow(p) for p in pages])
    # composed (some PDFs hold »a« + ring), no mojibake
    return as_written("\n".join(pages)), [as_written(line) for line in furniture]


EDGE = 0.12  # the share of a page's height at its top and at its bottom where running headers and footers stand
EDGE_LINES = 4  # how many of a page's first and last extracted lines a running line may be (pypdf puts a header
# or footer first or last, in the order the page draws it)
DIGITS = re.compile(r"\d+")
PAGE_IN_LINE = re.compile(r"\b(?:side|page)\s+\d{1,3}\s*(?:af|of|/)\s*\d{1,3}(?!\d)", re.IGNORECASE)  # »Side 2 af 4«
SPACE = re.compile(r"\s+")
# A browser's print of a web page: a footer of the page's address and »N/M«, and (with it) a header of the
# time of printing and the page's title (Chrome, Edge: »12/5/26, 8:24 AM Referat …«, »05.12.2026 08.24 …«)
BROWSER_FOOTER = re.compile(r"^(?:file|https?)://\S+\s+(?P<n>\d{1,3})/(?P<of>\d{1,3})$")
PRINT_STAMP = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}[:.]\d{2}(?:\s*[AP]M)?(?:\s|$)", re.IGNORECASE)


def _placed_text(page) -> tuple[str, list[tuple[str, int]]]:
    """A page's text (pypdf's layout) and the lines drawn in its top and bottom edges (`EDGE`), each with
    its place: the height it stands at, counted from the nearer edge, in points."""
    pieces: dict[int, list[tuple[float, str]]] = {}
    sizes: dict[int, float] = {}  # the largest font size on each line, in points

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.setdefault(round(y), []).append((x, text))
            sizes[round(y)] = max(sizes.get(round(y), 0.0), abs(size * (tm[0] or 1) * (cm[0] or 1)))

    text = _agenda_grid_rows(_attendance_rows(_cells_apart(page.extract_text(visitor_text=visit) or "", pieces, sizes),
                                              pieces), pieces, sizes)
    box = page.mediabox
    bottom, top = float(box.bottom), float(box.top)
    edge = EDGE * (top - bottom)
    placed = []
    for y, line in sorted(pieces.items()):
        if y < bottom + edge or y > top - edge:
            at = round(y - bottom) if y < bottom + edge else -round(top - y)
            # left to right, and in the order drawn, as pypdf writes it (a footer's »Side 1 af 2« drawn before
            # its text on the left: »Side 1 af 2Økonomiudvalget, referat 12.05.2026«)
            for words in dict.fromkeys(("".join(t for _, t in sorted(line, key=lambda p: p[0])),
                                        "".join(t for _, t in line))):
                placed.append((words, at))
    return text, placed


def _cells_apart(text: str, pieces: dict[int, list[tuple[float, str]]], sizes: dict[int, float] | None = None) -> str:
    """Two kinds of table row drawn apart, with a tab between their cells, as Word's tables reach the parser:
    pypdf writes one space there. An item's access in a cell of its own at the end of its title's row (»Punkt 2 ⇥
    Henvendelse fra borger ⇥ Lukket«: the marker ran into the title, the item open), and a facts table's row of
    labels with the row of values under it (»Sagsnr. ⇥ Sagsansvarlig ⇥ Status« over »1-14-2-19-23 ⇥ Poul Hede ⇥
    Lukket«: the labels were read as the case number). A gap is a cell's edge where it is wider than the line's
    font size (a piece's width estimated at half its size a character, about an average letter's); other rows, a list's
    hanging indent among them, stay as pypdf wrote them. Pieces whose baselines lie within half a font's size are
    one line (a title in a larger font than its number and access cells, `_lines_of`)."""
    lines = text.split("\n")
    pieces = _lines_of(pieces, sizes or {})
    rows = {y: _cells(sorted(row), (sizes or {}).get(y) or 10.0) for y, row in pieces.items() if len(row) > 1}
    heights = sorted(pieces, reverse=True)
    drawn = {y: SPACE.sub(" ", "".join(piece for _, piece in sorted(pieces[y]))).strip() for y in heights}
    written: dict[str, list[int]] = {}  # each line's text: where it stands, top to bottom as the rows are drawn
    for i, line in enumerate(lines):
        written.setdefault(SPACE.sub(" ", line).strip(), []).append(i)
    nth = {y: sum(drawn[h] == drawn[y] for h in heights if h > y) for y in heights}  # (the same row on one page twice)
    values_under: set[int] = set()
    for y in heights:
        cells = rows.get(y)
        if not cells:
            continue
        below = next((h for h in heights if h < y), None)
        head = "\t".join(piece.strip() for _, piece in sorted(pieces[y]))
        if below is not None and (column := attendance_column(head)) is not None \
                and _in_columns(sorted(pieces[below]), lefts := [x for x, _ in sorted(pieces[y])]) is not None:
            at = written.get(drawn[y], [])
            if len(at) == sum(drawn[h] == drawn[y] for h in heights):
                members = _member_rows([h for h in heights if h < y], pieces, lefts, column,
                                       (sizes or {}).get(y) or 10.0)
                _put_rows(lines, at[nth[y]], head, members, pieces)
            continue
        elif y in values_under:
            tabbed = "\t".join(piece.strip() for _, piece in sorted(pieces[y]))
        elif below is not None and _labels_over_values(sorted(pieces[y]), sorted(pieces[below])):
            tabbed = "\t".join(piece.strip() for _, piece in sorted(pieces[y]))
            values_under.add(below)
        elif len(cells) >= 2 and (CLOSED_LINE.match(cells[-1].strip()) or OPEN_LINE.match(cells[-1].strip())):
            tabbed = " ".join(cell.strip() for cell in cells[:-1]) + "\t" + cells[-1].strip()
        else:
            continue
        at = written.get(drawn[y], [])
        if len(at) == sum(drawn[h] == drawn[y] for h in heights):
            lines[at[nth[y]]] = tabbed
    return "\n".join(line for line in lines if line is not None)


def _member_rows(heights: list[int], pieces: dict[int, list[tuple[float, str]]], lefts: list[float], column: int,
                 size: float) -> list[tuple[str, list[int]]]:
    """The rows of a table of members under its head (`heights`: the page's lines below it, top to bottom), each as
    its cells a tab apart, with the lines it is drawn on. A cell may wrap over lines (»Carsten Bolvig,« / »formand«)
    and the other cells of its row then stand centred beside it or at its top: each row has one attendance cell
    (»Deltog«, »Afbud«), and a line belongs to the row whose attendance it stands nearest (a tie: the row above),
    within a line's height and a half. The table ends at the first line with a piece in no column."""
    table = list(itertools.takewhile(lambda h: _in_columns(sorted(pieces[h]), lefts) is not None, heights))
    anchors = [h for h in table if any(_column_of(x, lefts, 2) == column for x, _ in pieces[h])]
    rows: dict[int, list[int]] = {}
    for h in table:
        anchor = min(anchors, key=lambda a: (abs(a - h), -a), default=None)
        if anchor is None or abs(anchor - h) > 1.5 * size:
            break
        rows.setdefault(anchor, []).append(h)
    read = []
    for anchor, drawn in rows.items():
        cells = [[] for _ in lefts]
        for h in drawn:
            for x, piece in sorted(pieces[h]):
                cells[_column_of(x, lefts, 2)].append(piece.strip())
        read.append(("\t".join(" ".join(cell) for cell in cells), drawn))
    return read


def _put_rows(lines: list[str | None], at: int, head: str, rows: list[tuple[str, list[int]]],
              pieces: dict[int, list[tuple[float, str]]]) -> None:
    """A members' table's head and rows in place of the lines pypdf wrote for them (`at`: the head's line). The lines
    are those after the head holding exactly the rows' words: pypdf may write a row's pieces on lines of its own
    making (»formand Byrådet (V) Deltog«). Where they hold other words too, the table stays as pypdf wrote it."""
    words = Counter(word for _, drawn in rows for h in drawn for _, piece in pieces[h] for word in piece.split())
    seen: Counter = Counter()
    end = at + 1
    while end < len(lines) and seen != words:
        seen += Counter((lines[end] or "").split())
        end += 1
        if seen - words:
            return
    if seen != words or not rows or len(rows) > end - at - 1:
        return
    lines[at:end] = [head] + [text for text, _ in rows] + [None] * (end - at - 1 - len(rows))


def _column_of(x: float, lefts: list[float], within: float) -> int | None:
    """The column whose left edge a piece drawn from `x` stands at (within `within` points), or None."""
    return next((c for c, left in enumerate(lefts) if abs(x - left) <= within), None)


def _in_columns(row: list[tuple[float, str]], lefts: list[float]) -> str | None:
    """A row of a table of members as its cells a tab apart, each piece in the column whose left edge it is drawn
    from (an empty cell where a column has none); None where a piece stands in no column: the table has ended."""
    cells = [""] * len(lefts)
    for x, piece in row:
        column = _column_of(x, lefts, 2)
        if column is None or cells[column]:
            return None
        cells[column] = piece.strip()
    return "\t".join(cells) if any(cells) else None


def _lines_of(pieces: dict[int, list[tuple[float, str]]], sizes: dict[int, float]) -> dict[int, list[tuple[float, str]]]:
    """The page's pieces by line: heights less than half the larger font's size below the line's first (highest)
    one joined (a table row's cells in other sizes, aligned at their tops: a line's next is a line height
    below it, more than its font's size)."""
    lines: dict[int, list[tuple[float, str]]] = {}
    top = None
    for y in sorted(pieces, reverse=True):
        if top is None or top - y >= max(2.0, 0.5 * max(sizes.get(top, 0.0), sizes.get(y, 0.0))):
            top = y
        lines.setdefault(top, []).extend(pieces[y])
    return lines


def _labels_over_values(labels: list[tuple[float, str]], values: list[tuple[float, str]]) -> bool:
    """Whether a line of facts' labels, each a piece of its own, stands over a line of as many pieces drawn from
    the same left edges: their values (»Sagsnr. ⇥ Sagsansvarlig ⇥ Status« / »1-14-2-19-23 ⇥ Poul Hede ⇥ Lukket«)."""
    return len(labels) >= 2 and len(values) == len(labels) \
        and all(fold(piece.strip().rstrip(":.").strip()) in FACT_LABELS for _, piece in labels) \
        and all(abs(a - b) <= 2 for (a, _), (b, _) in zip(labels, values))


def _cells(row: list[tuple[float, str]], size: float) -> list[str]:
    """A line's pieces (by their left edges) joined into the cells they stand in (`_cells_apart`)."""
    cells, end = [row[0][1]], row[0][0] + len(row[0][1].rstrip()) * 0.5 * size
    for x, piece in row[1:]:
        if x - end > size:
            cells.append(piece)
        else:
            cells[-1] += piece
        end = max(end, x + len(piece.rstrip()) * 0.5 * size)
    return cells


def _attendance_rows(text: str, pieces: dict[int, list[tuple[float, str]]]) -> str:
    """A table of attendance with its labels side by side (»Deltagere | Afbud«) and names one to a line under
    each, as its rows, a tab between the cells, as Word's tables reach the parser (meeting_header reads them):
    pypdf writes such a table's columns one after the other, below both labels (on one line, or one a line),
    so that the names under the last label were everyone's, or no one's. The labels must be drawn on one line
    of the page, and each name where it is drawn (`pieces`: the page's pieces of text by height, with their
    left edges); the names are read up to the first line that is none. Any other text stays as pypdf wrote it."""
    heads = []  # the page's lines of two or more such labels, drawn apart: (height, labels, left edges)
    for top, row in pieces.items():
        row = sorted((x, piece.strip()) for x, piece in row)
        labels, lefts = [piece for _, piece in row], [x for x, _ in row]
        if len(row) >= 2 and all(attendance_label(label) for label in labels) \
                and all(b - a >= 20 for a, b in zip(lefts, lefts[1:])):
            heads.append((top, labels, lefts))
    if not heads:
        return text
    drawn: dict[str, list[list[tuple[int, float, str]]]] = {}  # a line's text: where its pieces are drawn
    for y, row in pieces.items():
        row = sorted((x, piece.strip()) for x, piece in row)
        for x, piece in row:
            drawn.setdefault(piece, []).append([(y, x, piece)])
        if len(row) > 1:  # (a row of the table, its cells on one line: »Jytte Hviid (DH) Niels Ebbe (DH)«)
            drawn.setdefault(" ".join(piece for _, piece in row), []).append([(y, x, piece) for x, piece in row])
    lines = text.split("\n")
    for top, labels, lefts in heads:
        at = next((i for i in range(len(lines)) if lines[i].strip() == " ".join(labels)
                   or [line.strip() for line in lines[i:i + len(labels)]] == labels), None)
        if at is None:
            continue
        end = at + (1 if lines[at].strip() == " ".join(labels) else len(labels))
        cells: dict[int, dict[int, str]] = {}
        for line in lines[end:]:
            place = drawn.get(line.strip(), [])
            if len(place) != 1 or not all(y < top - 1 and x > lefts[0] - 2 and names_only(name)
                                          for y, x, name in place[0]):
                break
            for y, x, name in place[0]:
                cells.setdefault(y, {})[bisect.bisect_right(lefts, x + 2) - 1] = name
            end += 1
        if cells:
            rows = ["\t".join(cell.get(c, "") for c in range(len(labels)))
                    for _, cell in sorted(cells.items(), reverse=True)]
            return "\n".join(lines[:at] + ["\t".join(labels)] + rows + lines[end:])
    return text


def _agenda_grid_rows(text: str, pieces: dict[int, list[tuple[float, str]]], sizes: dict[int, float]) -> str:
    """An agenda set out as one table under a head row naming its columns (»Nr. | Punkt | Referat«, a school
    board's minutes printed to PDF: parse.GRID_HEAD), as its rows, a tab between the cells, one line an item, as
    Word's tables reach the parser: each piece in the column it is drawn from, a row begun by a piece in the number
    column, a cell's lines joined (pypdf writes a row's cells one after the other, their wrapped lines between, so
    the titles ran into the text and the minutes were refused until 2026-12-05). The rows end at the first line
    with a piece in no column (the signatures under the table); the text is left as it is where the table's words
    do not stand together in it."""
    lines = _lines_of(pieces, sizes)
    heights = sorted(lines, reverse=True)
    for k, top in enumerate(heights):
        head = sorted((x, piece.strip()) for x, piece in lines[top] if piece.strip())
        if len(head) < 3 or not GRID_HEAD.match("\t".join(piece for _, piece in head)):
            continue
        lefts = [x for x, _ in head]
        first = sorted((x, piece.strip()) for x, piece in lines[heights[k + 1]] if piece.strip()) \
            if k + 1 < len(heights) else []
        if len(first) == len(head) and first[0][1].rstrip(".").isdigit():
            lefts = [x for x, _ in first]  # (the head's names set centred over their columns: the first row's edges)
        rows: list[list[list[str]]] = []
        for y in heights[k + 1:]:
            row = sorted((x, piece.strip()) for x, piece in lines[y] if piece.strip())
            columns = [_column_of(x, lefts, 3) for x, _ in row]
            if None in columns or not rows and 0 not in columns:
                break
            if 0 in columns:
                rows.append([[] for _ in lefts])
            for c, (_, piece) in zip(columns, row):
                rows[-1][c].append(piece)
        if len(rows) < 2:
            continue
        words = sorted(w for _, piece in head for w in piece.split()) + sorted(
            w for row in rows for cell in row for piece in cell for w in piece.split())
        text_lines = text.split("\n")
        start = next((i for i, line in enumerate(text_lines) if line.split() == [p for _, p in head]), None)
        if start is None:
            continue
        taken, end = [], start
        while end < len(text_lines) and len(taken) < len(words):
            taken += text_lines[end].split()
            end += 1
        if sorted(taken) != sorted(words):
            continue  # (the table's words do not stand together in the text: left as pypdf wrote it)
        tabbed = ["\t".join(piece for _, piece in head)] + ["\t".join(join_lines(cell) for cell in row) for row in rows]
        return "\n".join(text_lines[:start] + tabbed + text_lines[end:])
    return text


def _without_running_lines(pages: list[str], placed: list[list[tuple[str, int]]]) -> tuple[list[str], list[str]]:
    """The pages without their running headers and footers, and the lines taken out. A running line is drawn
    at the same place, with the same words (its numbers aside: a date, the page's number), on at least two
    pages and at least half of them; or it is a browser's print furniture (`BROWSER_FOOTER`, `PRINT_STAMP`),
    on any page. Wherever pypdf puts it among a page's first or last lines, it is taken out, on every page:
    pypdf may put the last page's footer after its text (read as text, it ended the last item), and a last
    page may print its header a little higher. Left to the text's own reading: a page number's line (»Side 2
    af 3«), which also tells where a page begins, and a part's heading (»Lukket referat« atop the closed
    part's pages), which tells what is closed; a section's heading, an item's (»Punkt 2« or »Beslutning« may
    open pages at the same height), a case number, a closed marker or a sentence without a figure (»Godkendt.«
    opening two pages) is never furniture; nor is a line whose numbers change otherwise than with the page."""
    seen: dict[tuple[str, int], dict[int, tuple[int, ...]]] = {}
    for k, lines in enumerate(placed):
        for words, at in lines:
            seen.setdefault((_key(words), at), {})[k] = tuple(int(n) for n in DIGITS.findall(words))
    enough = max(2, (len(pages) + 1) // 2)
    running = {key for (key, _), on in seen.items() if len(on) >= enough and len(pages) >= 2 and _as_pages(on)}
    out, taken = [], []
    for k, page in enumerate(pages):
        here = running
        if any((m := BROWSER_FOOTER.match(words.strip())) and int(m["n"]) == k + 1 and int(m["of"]) == len(pages)
               for words, _ in placed[k]):
            here = running | {_key(words) for words, _ in placed[k]
                              if BROWSER_FOOTER.match(words.strip()) or PRINT_STAMP.match(words.strip())}
        lines = page.split("\n")
        filled = [i for i, line in enumerate(lines) if line.strip()]
        pieces = [words for words, _ in placed[k] if _key(words) in here]
        drop = {i for i in set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
                if (_key(lines[i]) in here or _running_pieces(lines[i], pieces))
                and not _read_by_the_text(lines[i].strip())}
        for i in sorted(drop):  # the page's number in a running line stays, for the text's rules (a page break)
            number = PAGE_IN_LINE.search(lines[i])
            taken.append((lines[i][:number.start()] + lines[i][number.end():]).strip() if number else lines[i].strip())
            lines[i] = number.group() if number else None
        out.append("\n".join(line for line in lines if line is not None))
    return out, taken


def _running_pieces(line: str, pieces: list[str]) -> bool:
    """Whether a line of the page's text is two or more of its running lines run together: pypdf may write a footer's
    pieces drawn side by side as one line (»Side 2 af 4Udskrevet 16-04-2025 08:12«, a page number and a print date)."""
    rest, used = line, 0
    for piece in sorted(pieces, key=len, reverse=True):
        if piece.strip() and piece in rest:
            rest, used = rest.replace(piece, "", 1), used + 1
    return used >= 2 and not rest.strip()


def _as_pages(numbers: dict[int, tuple[int, ...]]) -> bool:
    """Whether a line's numbers, page by page, are what a running line's are: the same on every page (a date),
    but for one that goes up with the page (its number, »2/4«). An item's number or a case number going up
    from page to page (»Punkt 1«, »Punkt 2«) is told apart by its form (`_read_by_the_text`)."""
    rows = list(numbers.items())
    first = rows[0][1]
    if all(row == first for _, row in rows):
        return True
    if any(len(row) != len(first) for _, row in rows):
        return False
    for j in range(len(first)):
        if all(row[:j] + row[j + 1:] == first[:j] + first[j + 1:] for _, row in rows) \
                and len({row[j] - k for k, row in rows}) == 1:
            return True
    return False


def _key(words: str) -> str:
    """A line's words as a running line is known by: composed, without spaces, its numbers aside."""
    return DIGITS.sub("#", SPACE.sub("", as_written(words)))


def _read_by_the_text(line: str) -> bool:
    """A running line the text's own reading needs, or one no running line is (see `_without_running_lines`)."""
    text = as_written(line)
    return (PAGE_MARKER.match(text) is not None or BARE_PAGE_NUMBER.match(text) is not None
            or part_heading(text) is not None or names_closed_part(text) or known_heading(text) is not None
            or NUMBERED_HEADING.match(text) is not None or ITEM_NUMBER.match(text) is not None
            or CASE_NUMBER.match(text) is not None or CLOSED_LINE.match(text) is not None or own_text(text))


def numbered_pages(pages: list[str]) -> list[str]:
    """Pages whose first or last line is nothing but that page's number (»- 2 -«, »2«, »2/3«) with that line
    written »Side 2 af 3«, the form page furniture is recognised by (`textclean.strip_page_furniture`, which
    then also drops the running header beside it). Only where all pages but one print it at the same place: a
    figure alone at a page's edge may be an item's number."""
    def line_at(page: list[str], last: bool) -> int | None:
        filled = [i for i, line in enumerate(page) if line.strip()]
        return (filled[-1] if last else filled[0]) if filled else None

    split = [page.split("\n") for page in pages]
    for last in (True, False):
        hits = []
        for k, page in enumerate(split, start=1):
            i = line_at(page, last)
            if i is not None and (m := BARE_PAGE_NUMBER.match(page[i])) and int(m.group("n")) == k:
                hits.append((page, i, k))
        if len(split) >= 2 and len(hits) >= max(2, len(split) - 1):
            for page, i, k in hits:
                page[i] = f"Side {k} af {len(split)}"
            break
    return ["\n".join(page) for page in split]


def reflow(page: str) -> str:
    """pypdf ends soft-wrapped lines with a space: join those, keep hard line breaks. A line ending in a hyphen
    is joined to the word it goes on in (`textclean.joined_at_hyphen`: »ikke-planlagte«, »6-måneders«; minutes
    are mostly written in Word, which breaks lines at the hyphens a word has). A label of who came wrapped in its
    narrow cell of a table, a word a line (»Til« / »stede:«), is one label again."""
    out: list[str] = []
    for line in page.split("\n"):
        last = out[-1].rstrip() if out else ""
        if out and out[-1].endswith(" ") and line[:1].islower():
            out[-1] = out[-1] + line
        elif goes_on_in_word(last, line):
            out[-1] = joined_at_hyphen(last, line)
        elif last and " " not in last.strip() and line.rstrip().endswith(":") \
                and attendance_label(f"{last.strip()} {line.strip()}") and not attendance_label(line):
            out[-1] = f"{last.strip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(line.rstrip() for line in out)
