"""A note that the minutes were approved, the document's last line (»Referatet er godkendt digitalt af udvalgets
medlemmer.«, printed as a PDF's small print under the last item), is closing matter, not the last item's decision
or one of its attachments; a decision that says so under its own heading stays the decision.

Found on 2026-12-05 by a probe of printed minutes: the note ended the last decision (»Orienteringen blev taget til
efterretning. Referatet er godkendt af udvalgets formand.«) or was listed as the last item's third attachment.
"""
from __future__ import annotations

import pytest

from corpus.model import DropReason
from corpus.readers import inspect_document

HEAD = "Klima- og Miljøudvalget - Referat - 5. november 2024\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"


@pytest.mark.parametrize("last", ["Beslutning\nOrienteringen blev taget til efterretning.",
                                  "Beslutning\nGodkendt.\nBilag\nTrafiksikkerhedsplan 2024-2028\nHøringsnotat"])
@pytest.mark.parametrize("note", ["Referatet er godkendt digitalt af udvalgets medlemmer.",
                                  "Referat godkendt ved næste møde",
                                  # (a board's »protokol«: the last decision's words, a probe of portal pages,
                                  # 2026-12-05)
                                  "Protokollen er godkendt af udvalgets formand.",
                                  "Beslutningsprotokollen godkendes ved næste møde."])
def test_a_note_that_the_minutes_were_approved_ending_the_document_is_closing_matter(last, note):
    text = f"{HEAD}2. Trafiksikkerhedsplan\n{last}\n{note}\n"
    reading = inspect_document(text.encode("utf-8"), "referat.txt")
    item = reading.meetings[0].items[-1]
    assert note not in " ".join([*(s.text for s in item.sections), *item.attachments])
    assert (DropReason.CLOSING_MATTER, note) in [(d.reason, d.text) for d in reading.dropped]


@pytest.mark.parametrize("approved", ["Referatet er godkendt.", "Protokollen er godkendt."])
def test_the_decision_approving_the_last_minutes_stays_the_decision(approved):
    text = f"{HEAD}2. Godkendelse af referat fra sidste møde\nBeslutning\n{approved}\n"
    [meeting] = inspect_document(text.encode("utf-8"), "referat.txt").meetings
    assert meeting.items[-1].decision == approved


def test_signatures_under_their_heading_after_the_last_item_are_closing_matter():
    """»Underskrifter:« and the signatories' names after the last item were its decision's words (a probe of
    extracted minutes, 2026-12-05)."""
    text = f"{HEAD}2. Trafiksikkerhedsplan\nBeslutning\nGodkendt.\n\nUnderskrifter:\n\nMogens Ulv      Birthe Kromann\n"
    reading = inspect_document(text.encode("utf-8"), "referat.txt")
    assert reading.meetings[0].items[-1].decision == "Godkendt."
    assert (DropReason.CLOSING_MATTER, "Underskrifter:") in [(d.reason, d.text) for d in reading.dropped]


@pytest.mark.parametrize("signing", [
    "Herning, den 7. juni 2024\n\nJens Fuglsang, dirigent",
    "Herning, den 7. juni 2024\nJens Fuglsang          Tove Skjold\nformand                direktør",
    "Hjortshøj, 20.03.2024\nHanne Brix",
    "---\n\nReferent: Pia Lund\nGodkendt af formand Hanne Brix, 20. marts 2024",
    "***\nGodkendt af formand Hanne Brix, 20. marts 2024",
    "Referatet er godkendt af formanden.\n______________________\t______________________\n"
    "Birgit Hald, formand\tMette Sloth, referent",
])
def test_where_and_when_the_minutes_were_signed_after_the_last_item_is_closing_matter(signing):
    """The place and day the minutes were signed, under the last item with the names under it (an I/S's general
    meeting), the minute-taker and the approval after a thematic break (a lokalråd's Markdown), or the approval over
    a table of signatures (a council's Word minutes), were the last decision's words (probes of typed minutes,
    2026-12-05)."""
    text = f"{HEAD}2. Trafiksikkerhedsplan\nBeslutning\nGodkendt.\n\n{signing}\n"
    reading = inspect_document(text.encode("utf-8"), "referat.txt")
    assert reading.meetings[0].items[-1].decision == "Godkendt."
    closing = {d.text for d in reading.dropped if d.reason is DropReason.CLOSING_MATTER}
    assert signing.split("\n")[0] in closing and signing.split("\n")[-1].strip() in closing


@pytest.mark.parametrize("last", [
    "Beslutning\nGodkendt.\n\nAarhus, den 3. marts 2024\n\nVi har modtaget jeres brev og svarer inden fristen.",
    "Beslutning\nGodkendt.\n---\nNæste sag tages op i april.",
])
def test_a_dateline_or_a_break_over_prose_stays_the_items_text(last):
    text = f"{HEAD}2. Trafiksikkerhedsplan\n{last}\n"
    item = inspect_document(text.encode("utf-8"), "referat.txt").meetings[0].items[-1]
    assert last.split("\n")[-1] in " ".join(s.text for s in item.sections)
