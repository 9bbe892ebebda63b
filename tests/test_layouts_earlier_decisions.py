"""A council's minutes repeat the committees' decisions on the case under headings dated at their meetings
(»Økonomiudvalgets beslutning den 13.05.24«, »… d. 13. maj 2024«): those are the case's history, and this
meeting's decision is the one dated at it. Before, a heading dated with a two-digit year was read as this
meeting's decision, and one written »d.« was no heading at all (it and its text were glued into the section
above).

Undated, the committee a decision heading names says whose it is (»Økonomiudvalgets beslutning«, »Beslutning i
Økonomiudvalget« in the council's minutes: history; »Beslutning i Byrådet« there: the decision). Until
2026-12-04 an undated »Økonomiudvalgets beslutning« was read as the council's decision too (in Greve's council
minutes of 12 December 2022, item 14's decision was the Økonomiudvalg's recommendation and the council's
decision run together), and »Beslutning i Byrådet« undated was no heading."""
from __future__ import annotations

import pytest
from conftest import GREVE, need

from corpus.model import SectionKind
from corpus.readers import inspect_document

MINUTES = """Byrådet

Referat
Mødedato: 22.05.2024 kl. 19.00
Mødested: Byrådssalen

1. Salg af erhvervsjord i Hørning
Sagsnr.: 24/1200
Resumé
Et firma ønsker at købe 4 ha erhvervsjord.
{earlier}
Anbefales over for byrådet.
Byrådets beslutning den 22.05.2024
Godkendt.

2. Eventuelt
Beslutning
Intet.
"""


@pytest.mark.parametrize("earlier", ["Økonomiudvalgets beslutning den 13.05.24",
                                     "Økonomiudvalgets beslutning d. 13. maj 2024",
                                     "Økonomiudvalgets beslutning den 13.05.2024",
                                     "Økonomiudvalgets beslutning", "Beslutning i Økonomiudvalget",
                                     "ØKONOMIUDVALGETS BESLUTNING"])
def test_a_committees_earlier_decision_is_history_and_this_meetings_the_decision(earlier):
    [meeting] = inspect_document(MINUTES.format(earlier=earlier).encode(), "referat.txt").meetings
    item = meeting.items[0]
    assert item.decision == "Godkendt."
    assert [(s.kind, s.heading, s.text) for s in item.sections if s.heading == earlier] == [
        (SectionKind.OTHER, earlier, "Anbefales over for byrådet.")]


@pytest.mark.parametrize("heading", ["Beslutning i Byrådet", "Byrådets beslutning", "Beslutning",
                                     "Udvalgets beslutning"])
def test_an_undated_decision_heading_naming_this_meetings_body_is_the_decision(heading):
    minutes = MINUTES.format(earlier="Økonomiudvalgets beslutning").replace(
        "Byrådets beslutning den 22.05.2024", heading)
    [meeting] = inspect_document(minutes.encode(), "referat.txt").meetings
    assert meeting.items[0].decision == "Godkendt."
    assert [s.heading for s in meeting.items[0].sections if s.kind is SectionKind.DECISION] == [heading]


def test_the_councils_item_in_greve_has_its_own_decision_not_the_committees():
    [meeting] = inspect_document(
        need(GREVE / "Byråd 2022-2025_2022-12-12T17:00:00+01:00_c3d666d4-220b-43f3-9615-e68f9e9f4046.json")
        .read_bytes(), "byraad.json").meetings
    [item] = [i for i in meeting.items if i.number == 14]
    assert "Økonomiudvalgets beslutning:" in [s.heading for s in item.sections]
    assert [s.heading for s in item.sections if s.kind is SectionKind.DECISION] == ["Beslutning"]
    assert "Økonomiudvalget anbefaler" not in item.decision


def test_a_committee_named_with_its_period_keeps_its_own_decision():
    minutes = MINUTES.format(earlier="Økonomiudvalgets beslutning").replace(
        "Byrådet\n\nReferat\nMødedato: 22.05.2024 kl. 19.00",
        "Byrådet (2022-2025) – Referat – 22. maj 2024 kl. 19.00"
    ).replace("Byrådets beslutning den 22.05.2024", "Beslutning i Byrådet den 22. maj 2024")
    [meeting] = inspect_document(minutes.encode(), "referat.txt").meetings
    assert meeting.body == "Byrådet (2022-2025)"
    assert meeting.items[0].decision == "Godkendt."


@pytest.mark.parametrize("body, heading", [
    ("Udvalget for Teknik og Miljø", "Teknik- og Miljøudvalgets beslutning"),
    ("Plan- og Boligudvalget", "Plan og Boligudvalgets beslutning"),
    ("Klima- og Miljøudvalget", "Klima & Miljøudvalgets beslutning"),
    ("Kommunalbestyrelsen", "Beslutning i Byrådet"),
    ("Byrådet", "Beslutning i Greve Byråd"),
    ("KKR Syddanmark", "KKR's beslutning"),
    ("Skolebestyrelsen ved Tune Skole", "Beslutning i skolebestyrelsen"),
    ("Teknik- og Miljøudvalget", "Udvalgets beslutning"),
    ("Hoved-MED-udvalget", "Hovedudvalgets beslutning"),
    ("Børne- og Ungeudvalget", "Børne-Ungeudvalgets beslutning"),
    ("KKR Hovedstaden", "Kommunekontaktrådets beslutning"),
    ("Økonomi- og Erhvervsudvalget", "Økonomiudvalgets beslutning"),
    ("Udvalget for Skoler", "Skoleudvalgets beslutning"),
])
def test_the_meeting_s_committee_written_otherwise_keeps_its_decision(body, heading):
    """Only a committee plainly another's takes the decision away (the adversarial reading of 2026-12-04: each of
    these was history, the item left without a decision)."""
    minutes = MINUTES.format(earlier="Beslutning i Plan- og Trafikudvalget den 13.05.2024").replace(
        "Byrådet\n\nReferat", f"Referat\nUdvalg: {body}").replace("Byrådets beslutning den 22.05.2024", heading)
    [meeting] = inspect_document(minutes.encode(), "referat.txt").meetings
    assert meeting.body == body
    assert meeting.items[0].decision == "Godkendt."
