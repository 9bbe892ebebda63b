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
