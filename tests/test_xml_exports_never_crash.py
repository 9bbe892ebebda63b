"""Whatever an XML export or its zip holds, reading it gives meetings or a ReaderError with a message, never
another exception: the SBSYS and eDoc layouts cut short, with elements dropped or their text replaced."""
from __future__ import annotations

import io
import re
import zipfile

from conftest import VARIANTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.readers import ReaderError, read_meetings

EXPORTS = [(VARIANTS / name).read_bytes()
           for name in ("sbsys-publication-teknik.xml", "edoc-agenda-kultur-referat.xml")]
ELEMENT = re.compile(rb"<((?:edoc:)?[A-Za-z]+)\b[^>]*>.*?</\1>", re.S)
TEXT = re.compile(rb"(?<=>)[^<]+(?=<)|(?<=\[CDATA\[).*?(?=\]\]>)", re.S)


def _read(data: bytes, name: str) -> None:
    try:
        read_meetings(data, name)
    except ReaderError as exc:
        assert str(exc).strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 1), cut=st.integers(0, 40_000))
def test_an_export_cut_short_reads_or_is_refused(which, cut):
    _read(EXPORTS[which][:cut], "export.xml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 1), drop=st.lists(st.integers(0, 10_000), max_size=4))
def test_an_export_with_elements_missing_reads_or_is_refused(which, drop):
    data = EXPORTS[which]
    for position in drop:
        elements = list(ELEMENT.finditer(data))
        if elements:
            m = elements[position % len(elements)]
            data = data[:m.start()] + data[m.end():]
    _read(data, "export.xml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 1), spots=st.lists(st.tuples(st.integers(0, 10_000), st.text(max_size=12)), max_size=4))
def test_an_export_with_other_values_reads_or_is_refused(which, spots):
    data = EXPORTS[which]
    for position, text in spots:
        values = list(TEXT.finditer(data))
        m = values[position % len(values)]
        data = data[:m.start()] + text.encode("utf-8") + data[m.end():]
    _read(data, "export.xml")


def _zipped() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Publication71/Publication71.xml", EXPORTS[0])
    return buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(0, 3_000))
def test_a_zip_cut_short_reads_or_is_refused(cut):
    _read(_zipped()[:cut], "Publication71.zip")


@settings(max_examples=100, deadline=None)
@given(spots=st.lists(st.tuples(st.integers(0, 3_000), st.integers(0, 255)), min_size=1, max_size=3))
def test_a_zip_with_damaged_bytes_reads_or_is_refused(spots):
    data = bytearray(_zipped())
    for position, byte in spots:
        data[position % len(data)] = byte
    _read(bytes(data), "Publication71.zip")
