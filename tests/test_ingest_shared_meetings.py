"""A meeting more than one file gives (the same minutes saved twice, an agenda system's export beside a copy)
stays while any of them gives it, and deleting one meeting leaves a file's other meetings in its keeping.
Both backends (conftest `store_url`)."""
from __future__ import annotations

import shutil

from conftest import SAMPLES

from corpus.ingest import ingest_paths

FEB, JUNE = "kdnet-2022-02-11-referat.txt", "kdnet-2023-06-02-dagsorden-og-referat.txt"
FEB_ID, FEB_MOVED = "kd-net-2022-02-11-1000", "kd-net-2022-02-12-1000"
JUNE_IDS = ["kd-net-2023-04-14-1000", "kd-net-2023-06-02-1000"]


def test_a_meeting_two_files_give_stays_when_one_of_them_no_longer_gives_it(tmp_path, new_store):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SAMPLES / FEB, a)
    shutil.copy(SAMPLES / FEB, b)
    ingest_paths([a, b], new_store)
    b.write_text(b.read_text(encoding="utf-8").replace("11. februar 2022", "12. februar 2022"), encoding="utf-8")
    [report] = ingest_paths([b], new_store)
    assert report.meetings == [FEB_MOVED]
    assert new_store.meeting(FEB_ID) is not None, "a.txt still gives the meeting b.txt no longer gives"
    assert new_store.meeting(FEB_MOVED) is not None
    # the meeting as stored was b.txt's; a.txt is read again at its next ingest, not taken as unchanged
    [again] = ingest_paths([a], new_store)
    assert again.status != "unchanged" and again.meetings == [FEB_ID]
    a.unlink()  # and when a.txt is gone too, its meeting goes with it
    new_store.forget_source(str(a.resolve()))
    assert new_store.meeting(FEB_ID) is None and new_store.meeting(FEB_MOVED) is not None


def test_deleting_one_meeting_of_a_file_leaves_the_other_in_the_files_keeping(tmp_path, new_store):
    june = tmp_path / JUNE
    shutil.copy(SAMPLES / JUNE, june)
    ingest_paths([june], new_store)
    assert new_store.delete_meeting(JUNE_IDS[0])
    assert new_store.source_meetings(str(june.resolve())) == [JUNE_IDS[1]]
    # the file, ingested again, brings the deleted meeting back; removed, it takes the other with it
    [again] = ingest_paths([june], new_store)
    assert again.status == "replaced" and sorted(again.meetings) == JUNE_IDS
    assert new_store.meeting(JUNE_IDS[0]) is not None
    new_store.forget_source(str(june.resolve()))
    assert [new_store.meeting(m) for m in JUNE_IDS] == [None, None]
