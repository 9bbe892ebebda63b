"""A file holding several meetings one after the other (a year's minutes collected, an ordinary and an
extraordinary meeting) reads as those meetings: each begins at a title naming the committee and another day,
after the meeting before has had its items, where the items are numbered from 1 again.

Found on 2026-12-05 by a probe of other publishers' minutes: the second meeting's head and items became the
first meeting's last item's text, and its day was lost.
"""
from __future__ import annotations

from corpus.readers import inspect_document

MEETING = ("Handicaprådet - Referat - {day} 2024\n\nMødetid: kl. 15:00\n\n1. Godkendelse af dagsorden\nBeslutning\n"
           "Godkendt.\n\n2. {title}\nBeslutning\n{decision}\n\n")


def read(text: str):
    return inspect_document(text.encode("utf-8"), "handicapraadet-2024.txt").meetings


def test_two_meetings_one_after_the_other_are_two_meetings():
    meetings = read(MEETING.format(day="22. maj", title="Eventuelt", decision="Intet.")
                    + MEETING.format(day="13. juni", title="Høring om parkering", decision="Anbefalet."))
    assert [(m.body, m.date, m.time) for m in meetings] == [("Handicaprådet", "2024-05-22", "15:00"),
                                                             ("Handicaprådet", "2024-06-13", "15:00")]
    assert [[(i.number, i.title, i.decision) for i in m.items] for m in meetings] == [
        [(1, "Godkendelse af dagsorden", "Godkendt."), (2, "Eventuelt", "Intet.")],
        [(1, "Godkendelse af dagsorden", "Godkendt."), (2, "Høring om parkering", "Anbefalet.")]]


def test_a_running_header_with_the_meeting_s_own_day_begins_no_meeting():
    text = MEETING.format(day="22. maj", title="Eventuelt", decision="Intet.").replace(
        "2. Eventuelt", "Handicaprådet - Referat - 22. maj 2024\n2. Eventuelt")
    assert [(m.date, len(m.items)) for m in read(text)] == [("2024-05-22", 2)]


def test_another_day_s_title_quoted_in_an_item_begins_no_meeting():
    text = MEETING.format(day="22. maj", title="Eventuelt", decision="Intet.").replace(
        "Beslutning\nIntet.", "Beslutning\nRådet henviste til\nHandicaprådet - Referat - 13. marts 2024\nog sagen "
        "blev taget til efterretning.\n\n3. Næste møde\nBeslutning\nDen 13. juni.")
    meetings = read(text)
    assert [(m.date, [i.number for i in m.items]) for m in meetings] == [("2024-05-22", [1, 2, 3])]


def test_another_committee_s_dated_title_quoted_in_an_item_begins_no_meeting():
    """An item quoting an advisory council's minutes (»Ældrerådet - Referat - 4. november 2024« over »1. Budget
    2025: …«) is the item's text: meetings one after the other in a file are the same committee's."""
    text = ("Referat - Social- og Sundhedsudvalget - 20. november 2024\n\n1. Godkendelse af dagsorden\nBeslutning\n"
            "Godkendt.\n2. Orientering fra Ældrerådet\nSagsfremstilling\nÆldrerådet - Referat - 4. november 2024\n"
            "1. Budget 2025: Rådet beklager besparelsen.\nBeslutning\nTaget til efterretning.\n\n3. Eventuelt\n"
            "Beslutning\nIntet.\n")
    [meeting] = read(text)
    assert [(i.number, i.decision) for i in meeting.items] == [(1, "Godkendt."), (2, "Taget til efterretning."),
                                                                (3, "Intet.")]


def test_the_same_committee_s_earlier_title_quoted_in_an_item_begins_no_meeting():
    """»Af referatet fremgår:« / »Økonomiudvalget - Referat - 05.09.2024« / »1. …«: a quote, not a meeting."""
    text = ("Økonomiudvalget - Referat - 03.10.2024\n\n1. Opfølgning på budgetaftalen\nSagsfremstilling\n"
            "Af referatet fremgår:\nØkonomiudvalget - Referat - 05.09.2024\n1. Forvaltningen udarbejder et katalog\n"
            "2. Kataloget forelægges i oktober\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning\nIntet.\n")
    [meeting] = read(text)
    assert [(i.number, i.decision) for i in meeting.items] == [(1, "Godkendt."), (2, "Intet.")]
