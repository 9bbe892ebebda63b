"""Items as Slagelse's minutes print them: the heading twice (»1. Godkendelse af dagsorden« and under it
»1.     Godkendelse af dagsorden«), then one line with the case number, the document number and the item's
access (»Sagsnr.: 330-2024-164     Dok.nr.: 330-2024-488200     Lukket«). They read as the sample
tests/layouts/punkt-style-kultur.txt they were rewritten from: the case number alone, »Lukket« closing the item,
the document number, »Åbent« and the repeated heading markers.

Found on 2026-12-04 by rewriting that sample: the closed item was read as open (its decision shown to the
public), two items had no case number and one the whole line as its case number, and of one heading printed
twice the first ran into the item above as the last line of its decision.
"""
from __future__ import annotations

import re
from pathlib import Path

from corpus.readers import inspect_document

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
ITEM = re.compile(r"^(?:Lukket punkt\n)?Punkt (\d): (.+)\n(?:\S+: )?(\S+)$", re.M)
GAP = " " * 12


def slagelse(m: re.Match[str]) -> str:
    access = "Lukket" if m.group(0).startswith("Lukket punkt") else "Åbent"
    number, title, case = m.groups()
    return (f"{number}. {title}\n\n{number}.     {title}\n\n"
            f"Sagsnr.: {case}{GAP}Dok.nr.: 2024-0{number}{GAP}{access}")


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name)


def facts(reading):
    [meeting] = reading.meetings
    return [(i.number, i.title, i.case_number, i.closed, i.sections) for i in meeting.items]


def test_the_case_number_line_and_the_repeated_heading_read_as_the_sample():
    text = MINUTES.read_text(encoding="utf-8")
    rewritten, count = ITEM.subn(slagelse, text)
    assert count == 4 and "Lukket punkt" not in rewritten
    reading = read(rewritten)
    assert facts(reading) == facts(read(text))
    assert [i.closed for i in reading.meetings[0].items] == [False, False, False, True]
    dropped = [d.text for d in reading.dropped]
    for marker in ("1.     Godkendelse af dagsorden", "Dok.nr.: 2024-04", "Åbent", "Lukket"):
        assert marker in dropped


def test_a_cell_beside_the_case_number_that_is_not_a_marker_stays_the_item_s_text():
    text = MINUTES.read_text(encoding="utf-8").replace("Sagsnr.: 22/12345", f"Sagsnr.: 22/12345{GAP}Genoptaget sag")
    [item, *_] = read(text).meetings[0].items
    assert item.case_number == "22/12345"
    assert "Genoptaget sag" in [s.text for s in item.sections]


def test_a_numbered_line_repeating_a_list_point_far_below_is_kept():
    text = MINUTES.read_text(encoding="utf-8").replace(
        "Foreningerne har søgt om tilskud.", "1. Foreningerne har søgt om tilskud.\n\nTo foreninger.\n\n"
                                            "1. Foreningerne har søgt om tilskud.")
    item = read(text).meetings[0].items[1]
    assert " ".join(s.text for s in item.sections).count("Foreningerne har søgt om tilskud.") == 2


def test_a_presenter_after_the_case_number_on_its_line_is_the_presenter():
    """»Sagsnr.: 25/08813, v/ projektleder Dorthe Kvist«, »Sagsnr. 00.30.14-S00-2-25 Fremlægges af: Økonomichef Anne
    Bjerre« (a portal's two spans on one line): the case number is its first word, the rest the presenter. Until
    2026-12-05 the whole line was the case number (probes of typed minutes and portal pages)."""
    for line, case, presenter in [
            ("Sagsnr.: 25/08813, v/ projektleder Dorthe Kvist", "25/08813", "projektleder Dorthe Kvist"),
            ("Sagsnr.: 25/08813 · v/ projektleder Dorthe Kvist", "25/08813", "projektleder Dorthe Kvist"),
            ("Sagsnr. 00.30.14-S00-2-25 Fremlægges af: Økonomichef Anne Bjerre", "00.30.14-S00-2-25",
             "Økonomichef Anne Bjerre")]:
        text = (f"Integrationsrådet\nReferat af møde 26. august 2025 kl. 16.30\n\n1. Boligsocial helhedsplan\n{line}\n"
                "Beslutning: Anbefales.\n\n2. Eventuelt\nBeslutning: Intet.\n")
        item = inspect_document(text.encode("utf-8"), "referat.txt").meetings[0].items[0]
        assert (item.case_number, item.presenter, item.decision) == (case, presenter, "Anbefales.")
