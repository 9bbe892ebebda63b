"""A damaged or mangled file gives meetings or a ReaderError with a message, never another exception (which
the API would answer with a 500): XML exports and their zips cut short, thinned out, rewritten or with bytes
damaged; Word files with damaged compressed data; PDFs with a garbled filter; JSON, HTML and XML nested
thousands deep."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import MORE, OS2, VARIANTS, need
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.readers import ReaderError, read_meetings

EXPORTS = [(VARIANTS / name).read_bytes()
           for name in ("sbsys-publication-teknik.xml", "edoc-agenda-kultur-referat.xml",
                        "acadre-data-oekonomiudvalget.xml")]
ELEMENT = re.compile(rb"<((?:edoc:)?[A-Za-z]+)\b[^>]*>.*?</\1>", re.S)
TEXT = re.compile(rb"(?<=>)[^<]+(?=<)|(?<=\[CDATA\[).*?(?=\]\]>)", re.S)


def _read(data: bytes, name: str) -> None:
    try:
        read_meetings(data, name)
    except ReaderError as exc:
        assert str(exc).strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, len(EXPORTS) - 1), cut=st.integers(0, 40_000))
def test_an_export_cut_short_reads_or_is_refused(which, cut):
    _read(EXPORTS[which][:cut], "export.xml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, len(EXPORTS) - 1), drop=st.lists(st.integers(0, 10_000), max_size=4))
def test_an_export_with_elements_missing_reads_or_is_refused(which, drop):
    data = EXPORTS[which]
    for position in drop:
        elements = list(ELEMENT.finditer(data))
        if elements:
            m = elements[position % len(elements)]
            data = data[:m.start()] + data[m.end():]
    _read(data, "export.xml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, len(EXPORTS) - 1),
       spots=st.lists(st.tuples(st.integers(0, 10_000), st.text(max_size=12)), max_size=4))
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


DOCX = OS2 / "acadre_syddjurs_puk_2013-06-20" / "3687982.DOCX"
PDF = MORE / "aarhus-moedesystemgruppen-2016-10-06-referat.pdf"


def test_a_word_file_with_damaged_compressed_data_is_refused_as_damaged():
    data = bytearray(need(DOCX).read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)  # the deflated document body
    for i in range(start + 20, start + 24):
        data[i] ^= 0xFF
    with pytest.raises(ReaderError, match=r"\.docx file is damaged"):
        read_meetings(bytes(data), DOCX.name)


def test_a_pdf_with_a_garbled_filter_is_refused_as_damaged():
    data = need(PDF).read_bytes().replace(b"/FlateDecode", b"/FlateDXcode")
    with pytest.raises(ReaderError, match=r"PDF cannot be read \(damaged\): NotImplementedError"):
        read_meetings(data, PDF.name)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 1), spots=st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 255)),
                                               min_size=1, max_size=3))
def test_word_and_pdf_files_with_damaged_bytes_read_or_are_refused(which, spots):
    path = need((DOCX, PDF)[which])
    data = bytearray(path.read_bytes())
    for position, byte in spots:
        data[position % len(data)] = byte
    _read(bytes(data), path.name)


@pytest.mark.parametrize("data, name", [
    (b'{"Udvalg": ' * 100_000, "moede.json"),
    (b"[" * 100_000, "moede.json"),
    (b"<html><body>" + b"<div>" * 200_000, "referat.html"),
    (EXPORTS[0].replace(b"<p>Godkendt.</p>", b"<div>" * 100_000 + b"</div>" * 100_000), "Publication71.xml"),
])
def test_a_file_nested_thousands_deep_is_refused_not_a_crash(data, name):
    with pytest.raises(ReaderError, match="nests its elements too deeply"):
        read_meetings(data, name)
