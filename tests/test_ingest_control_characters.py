"""Control characters a format escapes (JSON's \\u0000, XML's character references) never reach the store:
PostgreSQL refuses NUL, and no field of a meeting has a use for them. Both backends (conftest `store_url`)."""
from __future__ import annotations

import json
import re

from conftest import GREVE, need

from corpus.ingest import ingest_bytes

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def _greve_export_with_controls() -> tuple[bytes, str]:
    path = sorted(need(GREVE).glob("*.json"))[0]
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["Udvalg"]["Navn"] = "Økonomi\x00udvalget\x07"
    item = doc["Dagsordenpunkter"][0]
    item["Caption"] = item["Navn"] = "Budget\x00 2025\tog\x0b overslagsår"
    item["Felter"].append({"Navn": "Beslutning", "Html": "<h3>Beslutning</h3><p>Godkendt\x00 med\x1b rettelser.</p>"})
    return json.dumps(doc).encode(), path.name


def test_a_json_export_with_control_characters_is_stored_without_them(new_store):
    data, name = _greve_export_with_controls()
    report = ingest_bytes(data, name, new_store, "controls.json")
    assert report.status == "added", report.error
    items = list(new_store.iter_items())
    assert {s.body for s in items} == {"Økonomiudvalget"}
    first = min(items, key=lambda s: s.item.number)
    assert first.item.title == "Budget 2025 og overslagsår"
    decision = first.item.decision
    assert "Godkendt med rettelser." in re.sub(r"\s+", " ", decision)
    for s in items:
        texts = [s.body, s.item.title, *(x.heading for x in s.item.sections), *(x.text for x in s.item.sections)]
        assert not [t for t in texts if CONTROL.search(t)], s.id
