"""Attachments listed on one line after »Bilag:«, parted by semicolons (»Bilag: Årsregnskab 2023;
Revisionsprotokollat«, as typed minutes and Cohaesio's PDFs list them), are each an attachment of their own. Until
2026-12-05 they were one title, »Årsregnskab 2023; Revisionsprotokollat« (probes of an I/S's typed minutes and a
PDF of a utility's board)."""
from __future__ import annotations

import pytest

from corpus.readers import inspect_document

MINUTES = """Bestyrelsen for Midtvejs Forsyning
Referat af bestyrelsesmøde fredag den 7. juni 2024

1. Årsregnskab 2023
Sagsnr.: 2024-0112
Indstilling: Direktionen indstiller, at årsregnskabet godkendes.
Beslutning: Godkendt.
{bilag}

2. Eventuelt
Beslutning: Intet.
"""


@pytest.mark.parametrize("bilag", ["Bilag: Årsregnskab 2023; Revisionsprotokollat",
                                   "Bilag: Årsregnskab 2023 ; Revisionsprotokollat;",
                                   "Bilag:\nÅrsregnskab 2023; Revisionsprotokollat"])
def test_each_attachment_on_the_line_is_one_of_its_own(bilag):
    [meeting] = inspect_document(MINUTES.format(bilag=bilag).encode("utf-8"), "bestyrelsen.txt").meetings
    assert meeting.items[0].attachments == ["Årsregnskab 2023", "Revisionsprotokollat"]
    assert meeting.items[0].decision == "Godkendt."


def test_one_attachment_on_its_line_stays_as_written():
    [meeting] = inspect_document(MINUTES.format(bilag="Bilag: Årsregnskab 2023, endelig udgave").encode("utf-8"),
                                 "bestyrelsen.txt").meetings
    assert meeting.items[0].attachments == ["Årsregnskab 2023, endelig udgave"]
