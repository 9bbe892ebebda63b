"""Minutes whose text was garbled on the way are read as the document was written: the same meetings, items
and section text, so a search for »lægevagt« finds them.

* mojibake: decoded with the wrong encoding and saved again (»MÃ¸de«, »lÃ¦gevagt«: UTF-8 read as
  Windows-1252 or Latin-1); text that is no mojibake is kept exactly;
* decomposed characters (»a« + combining ring for »å«, as macOS and some PDF tools write them), in
  documents and in what is typed;
* both in the structured exports (JSON, XML, Word), whose text is read field by field.
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

# registers "sloppy-windows-1252": Windows' own reading of the five bytes Python's cp1252 has no character for
import ftfy.bad_codecs  # noqa: F401
import pytest
from conftest import GREVE, MORE, OS2, SAMPLES, VARIANTS, need, what_was_read

from corpus.readers import read_meetings
from corpus.textclean import repair_mojibake
from search.request import SearchRequest

TEXTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt",
         VARIANTS / "firstagenda-pdf-byraad.txt", VARIANTS / "punkt-style-kultur.txt",
         VARIANTS / "sbsys-skolebestyrelse.txt", VARIANTS / "firstagenda-web-oekonomiudvalget.html",
         MORE / "aarhus-teknisk-udvalg-2025-10-01-referat.html"]


def garbled(data: bytes, encoding: str = "sloppy-windows-1252", errors: str = "strict") -> bytes:
    """UTF-8 bytes read as `encoding` and saved again as UTF-8."""
    return data.decode(encoding, errors).encode("utf-8")


def everything(meetings) -> list:
    return what_was_read(meetings, lambda s: (s.kind, s.heading, s.text))


@pytest.mark.parametrize("encoding", ["sloppy-windows-1252", "latin-1"])
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_a_garbled_copy_reads_as_the_document_was_written(path, encoding):
    data = need(path).read_bytes()
    copy = garbled(data, encoding)
    assert "Ã".encode() in copy and "ø".encode() not in copy
    assert everything(read_meetings(copy, path.name)) == everything(read_meetings(data, path.name))



@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_a_copy_saved_as_utf16_reads_as_the_document_was_written(path, encoding):
    """Windows tools save »Unicode« as UTF-16, with a byte order mark or without; a web page so saved was
    read byte by byte as Windows-1252 (»ÿþ<html…«) and gave no items."""
    data = need(path).read_bytes()
    copy = data.decode("utf-8-sig").encode(encoding)
    if path.suffix == ".txt" and encoding != "utf-16":  # text without a mark is refused as binary, not misread
        with pytest.raises(Exception, match="binary"):
            read_meetings(copy, path.name)
        return
    assert everything(read_meetings(copy, path.name)) == everything(read_meetings(data, path.name))

def test_a_copy_that_lost_bytes_on_the_way_keeps_its_meetings_and_items():
    data = (SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt").read_bytes()
    copy = garbled(data, "cp1252", "ignore")  # the bytes cp1252 has no character for are gone
    read = read_meetings(copy, "kdnet-2023-06-02-dagsorden-og-referat.txt")
    assert [(m.date, [i.number for i in m.items]) for m in read] == \
        [("2023-06-02", list(range(35, 52))), ("2023-04-14", list(range(21, 35)))]
    titles = [i.title for i in read[0].items]
    assert "Lægevagten" in titles and "Økonomi i Midttrafik" in titles


@pytest.mark.parametrize("text", ["Café Â la carte – pâté, “citat” og João", "PRÆSENTATION ÅBEN: Ã",
                                  "Forslag: »Ã¦ndring« – 5 €", "naïve façade"])
def test_text_that_is_no_mojibake_is_kept_exactly(text):
    assert repair_mojibake(text) == text


def test_garbled_minutes_are_found_by_their_danish_words(tmp_path):
    from config.settings import Settings
    from search.engine import Engine

    folder = tmp_path / "export"
    folder.mkdir()
    source = SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"
    (folder / source.name).write_bytes(garbled(source.read_bytes()))
    engine = Engine(Settings(data_dir=tmp_path / "data"))
    engine.ingest([folder])
    engine.sync(embeddings=False)
    hits = engine.search(SearchRequest.build(q="lægevagt", mode="keyword", limit=3, settings=engine.settings))["hits"]
    assert hits and hits[0]["title"] == "Lægevagten"


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("path", [p for p in TEXTS if p.name != "firstagenda-web-oekonomiudvalget.html"],
                         ids=lambda p: p.name)  # (that one holds æ, ø only: nothing to decompose)
def test_decomposed_characters_read_as_the_document_was_written(path):
    data = need(path).read_bytes()
    copy = decomposed(data.decode("utf-8")).encode("utf-8")
    assert copy != data
    assert everything(read_meetings(copy, path.name)) == everything(read_meetings(data, path.name))


def test_a_decomposed_query_and_title_completion_find_what_the_composed_ones_find(engine):
    for query in ("området", "Råstofplan", "Rådet for Fremtidens Kompetencer"):
        typed = decomposed(query)
        assert typed != query
        found = [engine.search(SearchRequest.build(q=q, mode="keyword", limit=5, settings=engine.settings))["hits"]
                 for q in (query, typed)]
        assert found[0] and [h["id"] for h in found[1]] == [h["id"] for h in found[0]]
    assert engine.suggest(decomposed("Råstof")) == engine.suggest("Råstof") != []


STRUCTURED = [GREVE / "Beskæftigelses- og Erhvervsudvalget_2022-01-10T08:00:00+01:00_02e86ff6-fd6b-4bab-99ad-17411bb2ead1.json", VARIANTS / "acadre-data-oekonomiudvalget.xml",
              VARIANTS / "edoc-agenda-kultur-referat.xml", VARIANTS / "sbsys-publication-teknik.xml",
              OS2 / "acadre_syddjurs_puk_2013-06-20" / "3687982.DOCX"]


def rewritten(path: Path, change) -> bytes:
    """The file with its text changed by `change` (bytes -> bytes); in a Word file, its document part."""
    data = need(path).read_bytes()
    if not data.startswith(b"PK"):
        return change(data)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for member in old.infolist():
            part = old.read(member)
            new.writestr(member, change(part) if member.filename == "word/document.xml" else part)
    return out.getvalue()


@pytest.mark.parametrize("path", STRUCTURED, ids=lambda p: p.name)
def test_a_garbled_or_decomposed_export_reads_as_the_document_was_written(path):
    original = everything(read_meetings(need(path).read_bytes(), path.name))
    for change in (garbled, lambda data: decomposed(data.decode("utf-8")).encode("utf-8")):
        copy = rewritten(path, change)
        assert copy != need(path).read_bytes()
        assert everything(read_meetings(copy, path.name)) == original
