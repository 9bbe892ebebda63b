"""A closed item is marked in the words its publisher uses: »Lukket«, and also »Fortroligt« or »Ikke offentligt«
before or after the title or on a line of its own, or a sentence under the title saying the item was dealt
with behind closed doors (»Behandles for lukkede døre«). Before, only »Lukket« closed an item: the others left
it open, its case text and decision shown to everyone, and the marker glued into the title."""
from __future__ import annotations

import pytest
from conftest import VARIANTS, what_was_read

from corpus.readers import inspect_document

MINUTES = VARIANTS / "punkt-style-kultur.txt"  # item 4 is closed: »Lukket punkt« above »Punkt 4: Personalesag«
CLOSED = "Lukket punkt\nPunkt 4: Personalesag\n"
OPEN_HEADING = "Punkt 3: Ny idrætshal\n"


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name).meetings


def original_text() -> str:
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(CLOSED) == 1 and text.count(OPEN_HEADING) == 1
    return text


@pytest.mark.parametrize("written", [
    "Punkt 4: Fortroligt: Personalesag\n",
    "Punkt 4: Fortroligt punkt - Personalesag\n",
    "Punkt 4: Personalesag (Fortroligt)\n",
    "Punkt 4: Ikke offentligt punkt: Personalesag\n",
    "Fortroligt\nPunkt 4: Personalesag\n",
    "Ikke offentligt punkt\nPunkt 4: Personalesag\n",
    "Punkt 4: Personalesag\nFortroligt\n",
    # as typed minutes and printed portal pages write it (found by a probe of 50 documents, 2026-12-05)
    "Punkt 4: Personalesag\nLukket pkt.\n",
    "Punkt 4: Personalesag (lukket pkt.)\n",
    "Punkt 4: Lukket sag: Personalesag\n",
    "Punkt 4: [Lukket] Personalesag\n",
    "[Lukket]\nPunkt 4: Personalesag\n",
    "Punkt 4: Personalesag LUKKET\n",
    "Punkt 4: Personalesag  Lukket\n",
    "Punkt 4: Personalesag\t\tLukket punkt\n",
    "Punkt 4: Personalesag\nLukket behandling\n",
    # the marker as a sentence, with its full stop (a probe of items numbered »12.1«, 2026-12-05: read as text)
    "Punkt 4: Personalesag\nLukket punkt.\n",
    "Lukket punkt.\nPunkt 4: Personalesag\n",
    "Punkt 4: Personalesag\nLukket sag.\n",
    # naming the law that closes it, in square brackets, as a closed meeting (probes of typed minutes, 2026-12-05:
    # each read as open, the marker glued into the title or left as text)
    "Punkt 4: Personalesag\nLukket punkt jf. kommunestyrelseslovens § 10, stk. 2\n",
    "Punkt 4: Personalesag\nLukket punkt, jf. forvaltningslovens § 32.\n",
    "Punkt 4: Personalesag [Lukket]\n",
    "Punkt 4: Personalesag\n(Lukket møde)\n",
    "Punkt 4: Personalesag (Lukket møde)\n",
])
def test_other_words_for_closed_mark_the_item_as_lukket_does(written):
    text = original_text()
    meetings = read(text.replace(CLOSED, written))
    assert what_was_read(meetings) == what_was_read(read(text))
    assert meetings[0].items[-1].closed and meetings[0].items[-1].title == "Personalesag"


@pytest.mark.parametrize("notice", ["Behandles for lukkede døre", "Punktet er behandlet for lukkede døre.",
                                    "Sagen blev behandlet for lukkede døre.", "Punktet er lukket.",
                                    "Sagen behandles som lukket punkt.", "Punktet er ikke offentligt.",
                                    "Ikke til offentliggørelse",
                                    "Lukket punkt. Sagen er behandlet for lukkede døre.",  # (a probe, 2026-12-05)
                                    # (a probe of extracted text, 2026-12-05: read as open)
                                    "Punktet er undtaget fra offentlighed.", "Sagen er undtaget fra aktindsigt."])
def test_a_sentence_under_the_title_saying_closed_doors_closes_the_item_and_stays_its_text(notice):
    text = original_text().replace(CLOSED, "Punkt 4: Personalesag\n" + notice + "\n")
    item = read(text)[0].items[-1]
    assert (item.number, item.title, item.case_number, item.closed) == (4, "Personalesag", "21-016102", True)
    assert notice in " ".join(s.text for s in item.sections)
    assert item.decision == "Taget til efterretning."


def test_the_sentence_at_the_end_of_an_item_does_not_close_the_next_one():
    """Unlike a marker line above a heading, the sentence speaks of its own item, wherever it stands."""
    text = original_text().replace(CLOSED, "Punkt 4: Personalesag\n")
    text = text.replace("Forvaltningen indstiller, at projektet godkendes.",
                        "Forvaltningen indstiller, at projektet godkendes.\n\nPunktet er lukket.")
    items = read(text)[0].items
    assert [i.closed for i in items] == [False, False, False, False]


@pytest.mark.parametrize("title", ["Ikke offentligt tilgængelige data", "Fortrolighed og tavshedspligt",
                                   "Lukkethed i forvaltningen", "Dispensation til Restaurant Lukket"])
def test_titles_that_merely_begin_with_those_words_stay_open(title):
    text = original_text().replace(OPEN_HEADING, f"Punkt 3: {title}\n")
    item = read(text)[0].items[2]
    assert (item.title, item.closed) == (title, False)


@pytest.mark.parametrize("status", ["Status: Lukket", "Adgang: Fortroligt", "Status:\tIkke offentligt",
                                    "Behandling: Lukket", "Offentlig: Nej"])
def test_a_status_row_saying_closed_among_the_facts_under_the_title_closes_the_item(status):
    """A Word item table's rows (»Sagsnr.: | 21-016102«, »Status: | Lukket«) read as lines."""
    text = original_text().replace(CLOSED, "Punkt 4: Personalesag\n").replace(
        "21-016102\n", "21-016102\nSagsbehandler: Ole Berg\n" + status + "\n")
    item = read(text)[0].items[-1]
    assert (item.title, item.case_number, item.closed) == ("Personalesag", "21-016102", True)
    assert item.decision == "Taget til efterretning."


def test_a_status_row_saying_open_leaves_the_item_open():
    text = original_text().replace(CLOSED, "Punkt 4: Personalesag\n").replace(
        "21-016102\n", "21-016102\nStatus: Åben\n")
    assert read(text)[0].items[-1].closed is False


def numbered(*items: str) -> bytes:
    return ("Økonomiudvalget\nMødedato: 09-03-2025\n" + "".join(items)).encode("utf-8")


OPEN_ITEM = "{n}. Budgetopfølgning\nBeslutning\nGodkendt.\n"
SECRET = "2. Salg af grund{mark}\nBeslutning\nSolgt til den højestbydende.\n"


@pytest.mark.parametrize("mark", ["\t\tLukket punkt", " LUKKET", "  Lukket", "\t(Lukket)"])
def test_a_typed_heading_with_its_access_beside_the_title_keeps_the_item_whole_and_closed(mark):
    """Before, a marker in a tab column after a typed title (»2.⇥Salg af grund⇥⇥Lukket punkt«) made the line no
    heading: the closed item's decision went into the open item above it."""
    items = inspect_document(numbered(OPEN_ITEM.format(n=1), SECRET.format(mark=mark), OPEN_ITEM.format(n=3)),
                             "referat.txt").meetings[0].items
    assert [(i.number, i.title, i.closed) for i in items] == [
        (1, "Budgetopfølgning", False), (2, "Salg af grund", True), (3, "Budgetopfølgning", False)]
    assert "højestbydende" not in " ".join(s.text for i in items if not i.closed for s in i.sections)


@pytest.mark.parametrize("part", ["Fortrolige punkter", "Ikke offentlige punkter", "Sager behandlet for lukkede døre",
                                  # (an intranet's Markdown export, a probe of 2026-12-05: the item was open)
                                  "## Lukkede dagsordenspunkter", "Lukkede dagsordenpunkter"])
def test_the_other_words_for_the_closed_part_close_the_items_under_them(part):
    items = inspect_document(numbered(OPEN_ITEM.format(n=1), part + "\n", SECRET.format(mark="")),
                             "referat.txt").meetings[0].items
    assert [i.closed for i in items] == [False, True]



def test_a_note_that_an_attachment_is_not_public_closes_no_item():
    """»Ikke til offentliggørelse« is a notice only under the title: under an attachment's title it says that of the
    attachment, and the next item stays open (a before/after probe, 2026-12-05)."""
    text = numbered(OPEN_ITEM.format(n=1).replace("Godkendt.\n", "Godkendt.\nBilag\nTilbudsoversigt\n"
                                                                   "Ikke til offentliggørelse\n"), OPEN_ITEM.format(n=2))
    items = inspect_document(text, "referat.txt").meetings[0].items
    assert [i.closed for i in items] == [False, False]


@pytest.mark.parametrize("title", ["Skal biblioteket holdes  lukket", "Fortrolige sager"])
def test_a_title_s_own_spaced_word_and_a_case_text_s_subheading_close_nothing(title):
    if title == "Fortrolige sager":  # a subheading in a case text, above its text, not above an item
        text = numbered("1. Retningslinjer for aktindsigt\nSagsfremstilling\nFortrolige sager\nOplysninger om "
                        "enkeltpersoner undtages.\nBeslutning\nGodkendt.\n", OPEN_ITEM.format(n=2))
    else:
        text = numbered(f"1. {title}\nBeslutning\nForslaget blev forkastet.\n", OPEN_ITEM.format(n=2))
    items = inspect_document(text, "referat.txt").meetings[0].items
    assert [i.closed for i in items] == [False, False]
    assert items[0].title == ("Retningslinjer for aktindsigt" if title == "Fortrolige sager"
                              else "Skal biblioteket holdes lukket")


@pytest.mark.parametrize("part", ["Lukket møde", "Lukkede punkter", "Lukket dagsorden"])
def test_text_under_the_closed_parts_heading_is_the_closed_parts_not_the_open_item_above(part):
    """»Lukket møde« / »Under dette punkt deltog elevrepræsentanten ikke.« / »2. Salg af grund«: the sentence was
    the open item's decision, public (a probe of Word minutes, 2026-12-05). It is the closed item's text now."""
    note = "Under dette punkt deltog elevrepræsentanten ikke."
    reading = inspect_document(numbered(OPEN_ITEM.format(n=1), f"{part}\n{note}\n", SECRET.format(mark="")),
                               "referat.txt")
    first, second = reading.meetings[0].items
    assert (first.closed, second.closed) == (False, True)
    assert first.decision == "Godkendt."
    assert note in " ".join(s.text for s in second.sections) and second.decision == "Solgt til den højestbydende."


def test_a_title_ending_in_its_closed_marker_does_not_go_on_into_the_sentence_under_it():
    """»Pkt. 5 ⇥ Salg af … Harboøre (LUKKET PUNKT)« over »Sagen er behandlet som lukket punkt, jf. styrelseslovens
    § 10.« and »Beslutning: Godkendt.« (bold paragraphs in Word): the sentence was read as the title's wrapped line,
    which hid the marker, and the item was open, its decision public (a fresh probe, 2026-12-06)."""
    text = ("REFERAT\nKultur- og Fritidsudvalget\nOnsdag den 14. maj 2025 kl. 14.00 i mødelokale 2, Lemvig Rådhus\n\n"
            "Pkt. 4\tHaludbygning i Thyborøn - anlægsbevilling\nJ.nr.: 04.02.02-G01-2-24\nBeslutning: Anbefales.\n"
            "Pkt. 5\tSalg af den tidligere spejderhytte, Vestergade 41, Harboøre (LUKKET PUNKT)\n"
            "Sagen er behandlet som lukket punkt, jf. styrelseslovens § 10.\nBeslutning: Godkendt.\n"
            "Pkt. 6\tMeddelelser og eventuelt\nBeslutning: Intet.\n")
    items = inspect_document(text.encode("utf-8"), "referat.txt").meetings[0].items
    assert [(i.number, i.title, i.closed) for i in items] == [
        (4, "Haludbygning i Thyborøn - anlægsbevilling", False),
        (5, "Salg af den tidligere spejderhytte, Vestergade 41, Harboøre", True),
        (6, "Meddelelser og eventuelt", False)]
    assert "styrelseslovens § 10" in " ".join(s.text for s in items[1].sections)
