"""The agenda systems' XML exports with the meeting's date and time written as other versions of them write it:
ISO 8601 with fractions of a second, with a zone (read on the Danish clock, summer time included), without
seconds, or the Danish dotted date. The samples in tests/layouts, their date rewritten.

Found on 2026-12-04 by rewriting those dates: each of these refused the whole file (»… is not a date and time«).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.readers import ReaderError, read_meetings

LAYOUTS = Path(__file__).parent / "layouts"
EDOC = (LAYOUTS / "edoc-agenda-kultur-referat.xml", "<edoc:MeetingDateTime>07-03-2018 16:00</edoc:MeetingDateTime>",
        "<edoc:MeetingDateTime>{}</edoc:MeetingDateTime>", ("2018-03-07", "16:00"))
SBSYS = (LAYOUTS / "sbsys-publication-teknik.xml", "<When><![CDATA[13-02-2014 17:00:00]]></When>",
         "<When><![CDATA[{}]]></When>", ("2014-02-13", "17:00"))


def when(sample, written: str) -> tuple[str, str | None]:
    path, old, new, _ = sample
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    [meeting] = read_meetings(text.replace(old, new.format(written)).encode("utf-8"), path.name)
    return meeting.date, meeting.time


@pytest.mark.parametrize("sample", [EDOC, SBSYS], ids=["edoc", "sbsys"])
def test_the_sample_s_own_date(sample):
    path, *_, expected = sample
    [meeting] = read_meetings(path.read_bytes(), path.name)
    assert (meeting.date, meeting.time) == expected


@pytest.mark.parametrize("sample", [EDOC, SBSYS], ids=["edoc", "sbsys"])
@pytest.mark.parametrize("form", ["{iso}T{t}:00.000", "{iso}T{t}", "{dotted} {t}", "{iso}T{utc}:00Z",
                                  "{iso}T{t}:00+01:00"])
def test_a_date_in_another_form_is_the_same_meeting_s_date(sample, form):
    date, time = sample[3]
    y, m, d = date.split("-")
    utc = f"{int(time[:2]) - 1:02d}{time[2:]}"  # both samples meet in winter: UTC+1
    written = form.format(iso=date, dotted=f"{d}.{m}.{y}", t=time, utc=utc)
    assert when(sample, written) == (date, time)


def test_a_summer_time_in_utc_is_two_hours_behind_the_danish_clock():
    assert when(SBSYS, "2014-06-13T15:00:00Z") == ("2014-06-13", "17:00")


@pytest.mark.parametrize("sample", [EDOC, SBSYS], ids=["edoc", "sbsys"])
def test_a_value_that_is_no_date_still_refuses_the_file_naming_it(sample):
    with pytest.raises(ReaderError, match="'i morgen' is not a date and time"):
        when(sample, "i morgen")
