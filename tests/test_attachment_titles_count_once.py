"""Readers keep a »Bilag« section as written and list its titles too. Each title counts once: in the keyword
index's whole item and the plain bm25s peer's text, and in snippets, which come from the item's own text and
show attachment titles only when nothing else in the item matches."""
from __future__ import annotations

from conftest import marked, visible

from corpus.model import AgendaItem, Section, SectionKind
from index.passages import item_text
from index.schema import ALL_FIELD, item_document
from search.request import SearchRequest
from search.snippets import snippet


def test_each_listed_attachment_title_of_the_bundled_minutes_is_indexed_once(sample_store):
    listing = [s for s in sample_store.iter_items() if s.item.attachments]
    assert len(listing) >= 5  # the bundled minutes list attachments and keep their »Bilag« sections
    for stored in listing:
        whole, text = item_document(stored)[ALL_FIELD], item_text(stored.item)
        for name in stored.item.attachments:
            assert whole.count(name) == 1 and text.count(name) == 1, (stored.id, name)


def test_a_listed_title_no_bilag_section_holds_is_kept():
    item = AgendaItem(1, "Budget", sections=[Section(SectionKind.ATTACHMENTS, "Bilag", "Bilag 1 - Budgetnotat")],
                      attachments=["Bilag 1 - Budgetnotat", "Bilag 2 - Takstblad"])
    assert item.listed_attachments == ["Bilag 2 - Takstblad"]
    assert item_text(item).count("Budgetnotat") == 1 and "Takstblad" in item_text(item)


def test_attachment_titles_are_the_snippet_only_when_the_text_does_not_match():
    item = AgendaItem(1, "Trafik", attachments=["Bilag 1 - Trafikplan 2024"], sections=[
        Section(SectionKind.CASE, "Sagsfremstilling", "Sagen handler om nye cykelstier langs skolevejene."),
        Section(SectionKind.ATTACHMENTS, "Bilag", "Bilag 1 - Trafikplan 2024")])
    assert marked(snippet(item, ["cykelsti"])) == ["cykelstier"]
    assert "Bilag" not in visible(snippet(item, ["cykelsti"]))
    shown = snippet(item, ["trafikplan"])  # only a title holds it: shown, once
    assert marked(shown) == ["Trafikplan"] and visible(shown) == "Bilag 1 - Trafikplan 2024"


def test_greve_snippets_come_from_the_items_text_not_the_repeated_titles(greve_engine):
    """»affaldsplan«: the items approving Greve's waste plan list »Bilag 1 - Affaldsplan 2023 - 2034 …«, four
    matches in a few words, where their text has one or two: the snippet shows the text."""
    engine, _ = greve_engine
    request = SearchRequest.build(q="affaldsplan", mode="keyword", limit=10, settings=engine.settings)
    hits = engine.search(request)["hits"]
    titled = 0
    for hit in hits:
        item = engine.store.item(hit["id"]).item
        own = " ".join(s.text for s in item.sections if s.kind != SectionKind.ATTACHMENTS).lower()
        if "affaldsplan" in own and any("affaldsplan" in name.lower() for name in item.attachments):
            titled += 1
            assert marked(hit["snippet"]), hit["title"]
            assert not any(name in visible(hit["snippet"]) for name in item.attachments), hit["title"]
    assert titled >= 5
