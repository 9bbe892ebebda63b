"""A file stored before its reader changed is read again by the next ingest of it, so a reader's fix reaches
the minutes already stored; a file unchanged under unchanged code is still skipped unread."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

import corpus.ingest
from corpus.ingest import ingest_paths, reading_version
from corpus.model import content_hash
from corpus.readers import read_meetings

JUNE = SAMPLES / "kdnet-2023-06-02-dagsorden-og-referat.txt"


def stored_text(store, title: str) -> str:
    stored = next(s.item for s in store.items() if s.item.title == title)
    return " ".join(section.text for section in stored.sections)


@pytest.mark.parametrize("recorded", ["before versions", "older version"])
def test_minutes_stored_by_an_older_reader_are_read_again_as_the_reader_reads_them_now(new_store, recorded):
    """As the June minutes were stored before this round's table-of-contents fix: the 2024 quota table
    of »Landstal for opholdstilladelse 2024« missing (it was dropped as contents). Stores made before the
    reading version was recorded hold the file's hash alone."""
    data = JUNE.read_bytes()
    digest = content_hash(data) if recorded == "before versions" else f"{content_hash(data)}:0123456789abcdef"
    older = read_meetings(data, JUNE.name)
    item = next(i for m in older for i in m.items if i.title.startswith("Landstal for opholdstilladelse"))
    for section in item.sections:
        section.text = section.text.replace("101 København\t45", "")
    new_store.replace_source(str(JUNE.resolve()), digest, older)
    assert "101 København\t45" not in stored_text(new_store, item.title)

    report, = ingest_paths([JUNE], new_store)

    assert report.status == "replaced"
    assert "101 København\t45" in stored_text(new_store, item.title)
    assert new_store.counts()["items"] == sum(len(m.items) for m in older)


def test_a_change_of_the_reading_code_reads_every_file_again(new_store, monkeypatch):
    first = ingest_paths([SAMPLES], new_store)
    assert sorted(r.status for r in first) == ["added", "added"]
    assert [r.status for r in ingest_paths([SAMPLES], new_store)] == ["unchanged", "unchanged"]
    counts = copy.deepcopy(new_store.counts())

    monkeypatch.setattr(corpus.ingest, "reading_version", lambda: "the-next-reader")
    assert [r.status for r in ingest_paths([SAMPLES], new_store)] == ["replaced", "replaced"]
    assert [r.status for r in ingest_paths([SAMPLES], new_store)] == ["unchanged", "unchanged"]
    assert new_store.counts() == counts


def test_the_reading_version_follows_the_code_that_reads_files_not_the_stores(tmp_path):
    package = Path(corpus.ingest.__file__).resolve().parent
    copied = tmp_path / "corpus"
    shutil.copytree(package, copied, ignore=shutil.ignore_patterns("__pycache__", "samples"))
    computed = reading_version.__wrapped__  # not the answer kept for the package
    version = computed(copied)
    assert version == reading_version(package)

    (copied / "store.py").write_text((copied / "store.py").read_text() + "\n# a store's change\n")
    assert computed(copied) == version

    reader = copied / "readers" / "text_reader.py"
    reader.write_text(reader.read_text() + "\n# a reader's change\n")
    assert computed(copied) != version
