"""The committee is read from the minutes' title however the title words it: »Referat fra Kultur- og
Fritidsudvalgets møde« (the committee in the genitive, the weekday on the next line) or the committee on a line of
its own above »Referat fra ordinært møde«. Each variant is the same minutes with another title, and must read as
the original does."""
from __future__ import annotations

import pytest
from conftest import VARIANTS, what_was_read

from corpus.readers import ReaderError, inspect_document

MINUTES = VARIANTS / "punkt-style-kultur.txt"
TITLE = "Kultur- og Fritidsudvalget – Referat – 14. maj 2024 kl. 15.30"


def read(text: str):
    return inspect_document(text.encode("utf-8"), "referat.txt").meetings


@pytest.mark.parametrize("title", [
    "Referat fra Kultur- og Fritidsudvalgets møde\ntirsdag den 14. maj 2024 kl. 15.30",
    "Referat fra Kultur- og Fritidsudvalgets møde tirsdag den 14. maj 2024 kl. 15.30",
    "Kultur- og Fritidsudvalget\nReferat fra ordinært møde\nTirsdag den 14. maj 2024 kl. 15.30",
    "Kultur- og Fritidsudvalget\nReferat fra ekstraordinært møde den 14. maj 2024 kl. 15.30",
    "Referat af Kultur- og Fritidsudvalgets møde den 14. maj 2024 kl. 15.30",
    "Referat – Kultur- og Fritidsudvalget – 14. maj 2024 kl. 15.30",
    "Referat: Kultur- og Fritidsudvalget, tirsdag den 14. maj 2024 kl. 15.30",
    # the title set over lines, as Region Midtjylland's referat: until 2026-12-04 the committee was »til«
    "Referat\ntil\nmødet i Kultur- og Fritidsudvalget\nden 14. maj 2024 kl. 15.30",
    "Referat\nfra\nKultur- og Fritidsudvalgets møde\nden 14. maj 2024 kl. 15.30",
    # the date right after the committee, no »den« between: until 2026-12-05 no committee, and the file refused
    "Referat af møde i Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30",
    "Referat af møde i Kultur- og Fritidsudvalget, tirsdag 14. maj 2024 kl. 15.30",
    "Referat fra Kultur- og Fritidsudvalgets møde 14. maj 2024 kl. 15.30",
    "Referat Kultur- og Fritidsudvalget 14.05.2024 kl. 15.30",
    "Referat: Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30",
    # the committee before the kind, or the kind after the date, or the committee after it (until 2026-12-05 the
    # last was read as the whole line, the others as none)
    "Kultur- og Fritidsudvalget, referat af møde 14. maj 2024 kl. 15.30",
    "Kultur- og Fritidsudvalget – referat 14. maj 2024 kl. 15.30",
    "Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30 – referat",
    "Mødereferat – Kultur- og Fritidsudvalget – 14. maj 2024 kl. 15.30",
    "Referat 14. maj 2024 kl. 15.30 – Kultur- og Fritidsudvalget",
    "Kultur- og Fritidsudvalget i Greve Kommune\nReferat\n14. maj 2024 kl. 15.30",
    # the committee's name and what follows it before the date (a verb, a place, a subject): the name alone
    "Referat af møde i Kultur- og Fritidsudvalget afholdt 14. maj 2024 kl. 15.30",
    "Referat af møde i Kultur- og Fritidsudvalget på Rådhuset 14. maj 2024 kl. 15.30",
    "Referat af møde i Kultur- og Fritidsudvalget, Rådhuset, 14. maj 2024 kl. 15.30",
    "Dagsorden til Kultur- og Fritidsudvalgets møde i Byrådssalen 14. maj 2024 kl. 15.30",
    "Referat af møde i Kultur- og Fritidsudvalget i Greve Kommune 14. maj 2024 kl. 15.30",
    "Referat af Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30",
    # the occasion named before the committee (»Temamøde«, »Budgetseminar for«): the committee's meeting
    "Referat Temamøde Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30",
    "Budgetseminar for Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30 – referat",
    "Referat fra temadag i Kultur- og Fritidsudvalget\ntirsdag den 14. maj 2024 kl. 15.30",
    # the meeting named without the document's kind
    "Kultur- og Fritidsudvalgets møde 14. maj 2024 kl. 15.30",
    "Møde i Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30",
])
def test_the_committee_is_read_from_the_title_however_it_is_worded(title):
    """Before, the committee read »Kultur- og Fritidsudvalgets møde tirsdag« or »ordinært møde Tirsdag«, and
    »Referat – <udvalg> – <dato>« gave none (the file name was taken, or the file refused)."""
    text = MINUTES.read_text(encoding="utf-8")
    assert text.startswith(TITLE)
    meetings = read(text.replace(TITLE, title, 1))
    assert meetings[0].body == "Kultur- og Fritidsudvalget"
    assert what_was_read(meetings) == what_was_read(read(text))


@pytest.mark.parametrize("title, body", [
    ("Referat af ordinært byrådsmøde\nTirsdag den 14. maj 2024 kl. 15.30", "Byrådet"),
    ("Referat\nRegionsrådsmøde\nTirsdag den 14. maj 2024 kl. 15.30", "Regionsrådet"),
    ("Referat af kommunalbestyrelsesmøde\nTirsdag den 14. maj 2024 kl. 15.30", "Kommunalbestyrelsen"),
    ("Referat af handicaprådsmøde den 14. maj 2024 kl. 15.30", "Handicaprådet"),
    ("Referat af Ældrerådsmødet 14.05.2024 kl. 15.30", "Ældrerådet"),
    ("Referat af økonomiudvalgsmøde 14. maj 2024 kl. 15.30", "Økonomiudvalget"),
    ("Referat af skolebestyrelsesmøde\nTirsdag den 14. maj 2024 kl. 15.30", "Skolebestyrelsen"),
    # (a body of that kind named in full above the title is the body: probes of typed minutes, 2026-12-05, read
    # »Lokaludvalget« and »skolebestyrelsesmøde«)
    ("Amager Øst Lokaludvalg\nReferat af lokaludvalgsmøde\nTirsdag den 14. maj 2024 kl. 15.30",
     "Amager Øst Lokaludvalg"),
    ("Skolebestyrelsen ved Søndermarkskolen\nReferat af skolebestyrelsesmøde\nTirsdag den 14. maj 2024 kl. 15.30",
     "Skolebestyrelsen ved Søndermarkskolen"),
    ("Skolebestyrelsen ved Søndermarkskolen\nReferat af skolebestyrelsesmøde tirsdag den 14. maj 2024 kl. 15.30",
     "Skolebestyrelsen ved Søndermarkskolen"),
    ("Kultur- og Fritidsudvalget\nReferat af lokaludvalgsmøde\nTirsdag den 14. maj 2024 kl. 15.30", "Lokaludvalget"),
])
def test_a_meeting_named_by_its_council_names_the_council(title, body):
    """»Referat af ordinært byrådsmøde«: until 2026-12-04 the committee was »ordinært byrådsmøde«; an advisory
    council's or a committee's meeting so named (»handicaprådsmøde«) until 2026-12-05 »handicaprådsmøde«, or none."""
    text = MINUTES.read_text(encoding="utf-8")
    meetings = read(text.replace(TITLE, title, 1))
    assert (meetings[0].body, meetings[0].date) == (body, "2024-05-14")


@pytest.mark.parametrize("title", ["Vedhæftet er kultur- og fritidsudvalgets referat 14. maj 2024",
                                   "Deltog i Kultur- og Fritidsudvalgets møde 14. maj 2024"])
def test_a_sentence_before_the_date_names_no_committee(title):
    """The words before a title's date are a committee only where they are written as a name (capitalised, six
    words at most): a sentence's are not, and the file, named generically, is refused for want of a committee."""
    text = MINUTES.read_text(encoding="utf-8")
    with pytest.raises(ReaderError, match="could not find the committee"):
        read(text.replace(TITLE, title, 1))


def test_a_label_names_the_committee_and_the_day_before_the_title_s_words_and_other_dates():
    """»Referat af møde i … – godkendt 20. maj 2024« over »Udvalg:« and »Mødedato:«: the labels' committee and day,
    not the approval's date (the second adversarial reading of 2026-12-05 found the title's words and date taking
    the place of the labels')."""
    text = MINUTES.read_text(encoding="utf-8").replace(
        TITLE, "Referat af møde i Kultur- og Fritidsudvalget – godkendt 20. maj 2024\nUdvalg: Kultur- og "
               "Fritidsudvalget\nMødedato: 14. maj 2024 kl. 15.30", 1)
    [meeting] = read(text)
    assert (meeting.body, meeting.date, meeting.time) == ("Kultur- og Fritidsudvalget", "2024-05-14", "15:30")


@pytest.mark.parametrize("title, body", [
    ("Referat: Seniorrådet Nord og Seniorrådet Syd 14. maj 2024 kl. 15.30", "Seniorrådet Nord og Seniorrådet Syd"),
    ("Referat af møde i Lokalrådet Vestby og Omegn 14. maj 2024 kl. 15.30", "Lokalrådet Vestby og Omegn"),
    ("Referat af møde i Lokalråd 4690 14. maj 2024 kl. 15.30", "Lokalråd 4690"),
    ("Referat af møde i Ældrerådet Greve Kommune 14. maj 2024 kl. 15.30", "Ældrerådet"),
    ("Referat Kultur og Fritidsudvalget 14. maj 2024 kl. 15.30", "Kultur og Fritidsudvalget"),
    ("Referat af møde i Natur og Miljøudvalget den 14. maj 2024 kl. 15.30", "Natur og Miljøudvalget"),
])
def test_a_name_that_goes_on_after_its_council_word_is_kept_whole(title, body):
    """The words right after the council's word belong to its name (a place, a number, »og Omegn«), a
    municipality's name not; »Natur« and »Kultur« typed without their hyphen are the name's, no occasion (the third
    adversarial reading of 2026-12-05 found »Lokalrådet Vestby« and »og Miljøudvalget«)."""
    text = MINUTES.read_text(encoding="utf-8")
    [meeting] = read(text.replace(TITLE, title, 1))
    assert meeting.body == body


@pytest.mark.parametrize("head", ["Referater fra Kultur- og Fritidsudvalget i Greve Kommune\nReferat af møde 14. maj "
                                  "2024 kl. 15.30", "Mødenotat Kultur- og Fritidsudvalget 14. maj 2024 kl. 15.30",
                                  "Sekretariatet for Kultur- og Fritidsudvalget i Greve Kommune\nReferat af møde 14. maj "
                                  "2024 kl. 15.30", "Referat: Dialogmøde med Kulturområdet 14.05.2024 kl. 15.30"])
def test_a_page_s_heading_or_a_note_names_no_committee_by_its_words(head):
    """»Referater fra … i Greve Kommune« (a page listing minutes), »Mødenotat …« (a note, no minutes' title), a
    secretariat's letterhead and an administrative area (»Kulturområdet«, whose »…rådet« is no council's) name no
    committee (the second and third adversarial readings found each taken for one)."""
    text = MINUTES.read_text(encoding="utf-8")
    with pytest.raises(ReaderError, match="could not find the committee"):
        read(text.replace(TITLE, head, 1))
