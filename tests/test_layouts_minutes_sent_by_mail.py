"""Minutes pasted into an e-mail read as the minutes: a reply quoting them (»> « before each line), a forward with
Outlook's »-----Original Message-----« and the mail's fields (»From:«, »Sent:«, »To:«, »Subject:«), and the
covering note above (»Hej Peter« / »Mvh Lone«). The mail's lines are front matter, never the meeting's head; a
mail quoted inside an item's text stays that item's text.

Found on 2026-12-05 by a probe of minutes sent by mail: the quoted reply was refused (»no agenda items found«),
and the forwarded minutes were refused for want of a committee, or read as the committee »Fra: KD-Net«.
"""
from __future__ import annotations

from conftest import SAMPLES, what_was_read

from corpus.model import DropReason
from corpus.readers import inspect_document

MINUTES = SAMPLES / "kdnet-2022-02-11-referat.txt"
FORWARD = ("Hej Peter\n\nReferatet fra fredagens møde, til orientering.\n\nMvh Lone\n\n-----Original Message-----\n"
           "From: KD-Net Sekretariat <kdnet@kl.dk>\nSent: 14. februar 2022 08:47\nTo: Lone Vestergaard\n"
           "Subject: Referat KD-Net 11-02-2022\n\n")
HEADER = "Fra: Anne Hjort\nSendt: 15. februar 2022 09:12\nTil: KD-Net Syddanmark\nEmne: SV: Referat\n\nHermed referatet.\n\n"


def read(text: str):
    return inspect_document(text.encode("utf-8"), MINUTES.name)


def test_a_reply_quoting_the_minutes_reads_as_the_minutes():
    text = MINUTES.read_text(encoding="utf-8")
    quoted = HEADER + "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
    assert what_was_read(read(quoted).meetings) == what_was_read(read(text).meetings)


def test_forwarded_minutes_read_as_the_minutes_and_the_mail_is_front_matter():
    text = MINUTES.read_text(encoding="utf-8")
    for mail in (FORWARD, HEADER):
        reading = read(mail + text)
        assert what_was_read(reading.meetings) == what_was_read(read(text).meetings)
        front = {d.text for d in reading.dropped if d.reason is DropReason.FRONT_MATTER}
        assert {line for line in mail.split("\n") if line} <= front


def test_a_mail_quoted_in_an_item_s_text_stays_the_item_s():
    sample = SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"
    text = sample.read_text(encoding="utf-8")
    assert "Fra: Jesper Kaas Schmidt" in text
    meetings = inspect_document(text.encode("utf-8"), sample.name).meetings
    assert any("Fra: Jesper Kaas Schmidt" in s.text for m in meetings for item in m.items for s in item.sections)


SIGNATURE = ("\n\nMed venlig hilsen\n\nBirgitte Holm\nUdvalgssekretær\nSundhed og Ældre\n\nTønder Kommune\n"
             "Wegners Plads 2, 6270 Tønder\nDirekte tlf. 74 92 92 92\nwww.toender.dk\n\n"
             "Denne e-mail kan indeholde fortrolige oplysninger. Hvis du ikke er den rette\n"
             "modtager, bedes du slette den og give afsenderen besked.\n")


def test_the_mail_s_greeting_signature_and_disclaimer_after_the_last_item_are_closing_matter():
    """(A fresh probe, 2026-12-06: the sender's signature and the mail's disclaimer were the last item's text.)"""
    text = MINUTES.read_text(encoding="utf-8").rstrip("\n")
    reading = read(text + SIGNATURE)
    assert what_was_read(reading.meetings) == what_was_read(read(text).meetings)
    closing = {d.text for d in reading.dropped if d.reason is DropReason.CLOSING_MATTER}
    assert {"Med venlig hilsen", "Birgitte Holm", "Wegners Plads 2, 6270 Tønder"} <= closing


def test_a_letter_s_greeting_quoted_in_an_item_with_items_after_it_stays_the_item_s_text():
    """The June 2023 KD-Net minutes quote a letter ending »Venlig hilsen« / »Jesper Kaas Schmidt« / … in item 50,
    above »Punkt 51: Eventuelt«: the letter's close is item 50's text, and item 51 an item."""
    june = SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"
    [meeting, *_] = inspect_document(june.read_bytes(), june.name).meetings
    by_number = {item.number: item for item in meeting.items}
    assert by_number[51].title == "Eventuelt"
    assert "Venlig hilsen" in " ".join(s.text for s in by_number[50].sections)
