"""Passages: what of an item is embedded, in pieces bounded in model tokens."""
from __future__ import annotations

import pytest
from conftest import GREVE, need

from corpus.model import AgendaItem, Section, SectionKind
from corpus.store import StoredItem
from index.encoders import make_encoder
from index.passages import HEAD, TITLE, PassagePolicy, head_text, split_item, split_items
from config.settings import Settings

NO_HEAD = Settings(head_chars=0, case_token_budget=150)  # section passages alone (the head is tested below)


@pytest.fixture(scope="module")
def count():
    return make_encoder(Settings(embedder="e5")).count_tokens


@pytest.fixture(scope="module")
def items(sample_store):
    return {(s.meeting_date, s.item.number): s for s in sample_store.iter_items()}


def stored(*sections: Section, title: str = "Lægevagten", attachments: list[str] | None = None) -> StoredItem:
    item = AgendaItem(number=7, title=title, sections=list(sections), attachments=attachments or [])
    return StoredItem("m-2023-06-02-7", "m-2023-06-02", "KD-Net", "2023-06-02", item, "h")


def test_every_passage_fits_the_token_limit_title_included(items, count):
    for policy in (PassagePolicy.from_settings(NO_HEAD), PassagePolicy.from_settings(NO_HEAD, passage_tokens=64, case_token_budget=10_000),
                   PassagePolicy.from_settings(NO_HEAD, title_context=False)):
        for item in items.values():
            for p in split_item(item, count, policy):
                assert 0 < count(p.embed_text) <= policy.passage_tokens, p


def test_passages_know_item_section_kind_and_position(items, count):
    item = items[("2023-06-02", 50)]
    passages = split_item(item, count, PassagePolicy.from_settings(NO_HEAD))
    assert {p.item_id for p in passages} == {item.id} and {p.meeting_id for p in passages} == {item.meeting_id}
    assert [p.position for p in passages] == list(range(len(passages)))
    assert [p.section for p in passages] == sorted(p.section for p in passages)
    for p in passages:
        section = item.item.sections[p.section]
        assert p.kind == section.kind
        assert p.text.split()[0] in section.text and p.text.split()[-1] in section.text
    kinds = [p.kind for p in passages]
    assert {SectionKind.RECOMMENDATION, SectionKind.DECISION, SectionKind.CASE} <= set(kinds)


def test_title_is_context_of_every_passage(items, count):
    item = items[("2023-06-02", 45)]
    for p in split_item(item, count, PassagePolicy.from_settings(NO_HEAD)):
        assert p.embed_text == f"{item.item.title}. {p.text}" and p.context == item.item.title
    plain = split_item(item, count, PassagePolicy.from_settings(NO_HEAD, title_context=False))
    assert plain[0].kind == TITLE and plain[0].text == item.item.title
    assert all(p.embed_text == p.text for p in plain)


def test_case_text_is_cut_at_the_budget_and_the_rest_always_embedded(items, count):
    item = items[("2023-06-02", 50)]
    case_text = item.item.text_of(SectionKind.CASE)
    assert count(case_text) > 1000
    for budget in (0, 100, 400):
        passages = split_item(item, count, PassagePolicy.from_settings(NO_HEAD, case_token_budget=budget))
        case = [p for p in passages if p.kind == SectionKind.CASE]
        used = sum(count(p.text) for p in case)
        assert used <= budget and (used > 0) == (budget > 0)
        assert {SectionKind.RECOMMENDATION, SectionKind.DECISION} <= {p.kind for p in passages}
    first = split_item(item, count, PassagePolicy.from_settings(NO_HEAD, case_token_budget=100))
    assert case_text.startswith(next(p.text for p in first if p.kind == SectionKind.CASE)[:60])


def test_case_description_gets_the_budget_before_other_sections(count):
    other = Section(SectionKind.OTHER, "Sagsprocedure", "Beskæftigelses- og Erhvervsudvalget. " * 20)
    case = Section(SectionKind.CASE, "Sagsbeskrivelse", "Regionen overtager lægevagten om natten. " * 20)
    passages = split_item(stored(other, case), count, PassagePolicy.from_settings(NO_HEAD, case_token_budget=60))
    assert {p.kind for p in passages} == {SectionKind.CASE}


def test_attachments_only_when_asked(count):
    item = stored(Section(SectionKind.DECISION, "Beslutning", "Godkendt."),
                  Section(SectionKind.ATTACHMENTS, "Bilag", "Bilag 1: Aftale med PLO om lægevagten"),
                  attachments=["Høringssvar fra Silkeborg Kommune"])
    assert [p.kind for p in split_item(item, count, PassagePolicy.from_settings(NO_HEAD))] == [SectionKind.DECISION]
    with_attachments = split_item(item, count, PassagePolicy.from_settings(NO_HEAD, embed_attachments=True))
    texts = " ".join(p.text for p in with_attachments if p.kind == SectionKind.ATTACHMENTS)
    assert "Aftale med PLO" in texts and "Høringssvar fra Silkeborg Kommune" in texts


def test_long_text_breaks_between_sentences_not_inside_abbreviations(count):
    sentences = [f"Punkt {i} drøftes bl.a. med KL kl. 10, jf. aftalen af 3. maj, og tiltrædes." for i in range(40)]
    item = stored(Section(SectionKind.SUMMARY, "Resumé", " ".join(sentences)), title="")
    passages = split_item(item, count, PassagePolicy.from_settings(NO_HEAD, passage_tokens=64))
    assert len(passages) > 5
    rebuilt = []
    for p in passages:
        assert count(p.text) <= 64
        assert p.text.startswith("Punkt ") and p.text.endswith("tiltrædes.")
        rebuilt.append(p.text)
    assert " ".join(rebuilt) == " ".join(sentences)


def test_a_sentence_longer_than_a_passage_is_split_at_words(count):
    table = " ".join(f"{n}.{n * 7} kr." for n in range(400))
    passages = split_item(stored(Section(SectionKind.DECISION, "Beslutning", table)), count, PassagePolicy.from_settings(NO_HEAD))
    assert len(passages) > 2 and all(count(p.embed_text) <= 200 for p in passages)
    assert " ".join(p.text for p in passages) == table


def test_an_item_with_nothing_to_embed_but_its_title_is_still_findable(count):
    passages = split_item(stored(Section(SectionKind.CASE, "Sagsfremstilling", "Sagen er lukket.")),
                          count, PassagePolicy.from_settings(NO_HEAD, case_token_budget=0))
    assert [(p.kind, p.text, p.embed_text) for p in passages] == [(TITLE, "Lægevagten", "Lægevagten")]


@pytest.mark.greve
def test_every_greve_item_gets_bounded_passages(tmp_path_factory, count):
    from corpus.ingest import ingest_paths
    from corpus.store import Store

    store = Store(tmp_path_factory.mktemp("greve-passages") / "minutes.sqlite3")
    ingest_paths([need(GREVE)], store)
    items = list(store.iter_items())
    policy = PassagePolicy.from_settings(NO_HEAD)
    passages = list(split_items(items, count, policy))
    assert len(items) == 5549 and len({p.item_id for p in passages}) == 5549
    assert all(0 < count(p.embed_text) <= policy.passage_tokens for p in passages[::25])


def test_every_item_has_a_head_of_title_and_opening_text_that_fits_the_model(items, count):
    policy = PassagePolicy.from_settings(Settings())
    for item in items.values():
        passages = split_item(item, count, policy)
        head = passages[0]
        assert head.kind in (HEAD, TITLE) and head.embed_text == head_text(item.item, policy.head_chars)
        assert head.text.startswith(item.item.title.strip().rstrip(" .:")) and count(head.embed_text) <= 507
        assert all(count(p.embed_text) <= policy.passage_tokens for p in passages[1:])


def test_resume_indstilling_and_beslutning_are_always_embedded(items, count):
    policy = PassagePolicy.from_settings(Settings())
    for item in items.values():
        passages = split_item(item, count, policy)
        embedded = " ".join(p.text for p in passages)
        for section in item.item.sections:
            if section.kind in (SectionKind.SUMMARY, SectionKind.RECOMMENDATION, SectionKind.DECISION):
                for word in section.text.split()[-3:]:  # the end of each such section is in some passage
                    assert word in embedded, (item.id, section.heading, word)


def test_a_head_says_which_sections_it_holds_for_section_filters(items, count):
    item = items[("2023-06-02", 50)]
    head = split_item(item, count, PassagePolicy.from_settings(Settings()))[0]
    first = next(s for s in item.item.sections if s.text.strip())
    assert head.kind == HEAD and str(first.kind) in head.covers.split()


def test_an_item_with_only_a_title_is_one_title_passage(count):
    passages = split_item(stored(title="Oplæg fra KL"), count, PassagePolicy.from_settings(Settings()))
    assert [(p.kind, p.embed_text) for p in passages] == [(TITLE, "Oplæg fra KL")]
