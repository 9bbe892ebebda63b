"""Snippets mark analysed matches in escaped text; decision excerpts are short plain text."""
from __future__ import annotations

import re

import pytest
from conftest import marked, visible
from hypothesis import given, settings as hsettings, strategies as st

from corpus.model import AgendaItem, Section, SectionKind
from config.settings import Settings
from index.keyword import KeywordIndex, weights_from
from search.query import parse_query
from search import snippets
from index.analysis import TOKEN_RE
from search.snippets import decision_excerpt, snippet


@pytest.fixture(scope="module")
def kd(sample_store, tmp_path_factory) -> KeywordIndex:
    index = KeywordIndex(tmp_path_factory.mktemp("kw") / "keyword", weights_from(Settings()))
    index.sync(sample_store)
    return index


def item_with(text: str, kind: SectionKind = SectionKind.CASE) -> AgendaItem:
    return AgendaItem(1, "Titel", sections=[Section(kind, "Sagsfremstilling", text)])


def test_inflected_and_compound_forms_are_marked(kd, sample_store):
    result = kd.search(parse_query("lægevagt"))
    item = sample_store.item(result.hits[0].item_id).item
    words = {w.lower() for w in marked(snippet(item, result.terms))}
    assert words & {"lægevagten", "lægevagtsordningen"}


def test_compound_query_marks_the_compound_in_the_text(kd, sample_store):
    result = kd.search(parse_query("stomi udbud"))
    text = snippet(sample_store.item(result.hits[0].item_id).item, result.terms)
    assert "Stomiudbuddet" in marked(text) and "udbud" in marked(text)


def test_fuzzy_match_is_marked(kd, sample_store):
    result = kd.search(parse_query("psykiatriforum"))
    text = snippet(sample_store.item(result.hits[0].item_id).item, result.terms)
    assert "psykiatrimforum" in [w.lower() for w in marked(text)]


def test_document_html_is_escaped_before_marking():
    item = item_with('Lægevagten <script>alert("x")</script> & <b>lægevagtsordningen</b>')
    text = snippet(item, ["lægevagt"])
    assert "<script>" not in text and "&lt;script&gt;" in text and "&amp;" in text and "<b>" not in text
    assert marked(text) == ["Lægevagten", "lægevagtsordningen"]
    assert re.sub(r"</?mark>", "", text).count("<") == 0


def test_best_passage_holds_the_most_query_words():
    filler = "Andet stof om helt andre ting. " * 40
    item = item_with(f"Stomi nævnes her. {filler} Her handler det om stomi og udbud sammen. {filler}")
    text = snippet(item, ["stomi", "udbud"], max_chars=200)
    assert {w.lower() for w in marked(text)} == {"stomi", "udbud"}
    assert text.startswith("…") and text.endswith("…")
    assert len(visible(text).strip("…")) <= 200


def test_no_match_gives_the_start_of_the_text_unmarked():
    item = item_with("Første sætning. " * 50)
    text = snippet(item, ["lægevagt"], max_chars=100)
    assert text.startswith("Første sætning.") and "<mark>" not in text and len(visible(text)) <= 101


def test_decision_excerpt_is_short_plain_text():
    long_decision = "Udvalget besluttede <at> godkende " + "indstillingen med bemærkninger, " * 30
    item = item_with(long_decision, SectionKind.DECISION)
    excerpt = decision_excerpt(item, max_chars=120)
    assert excerpt.startswith("Udvalget besluttede <at>") and excerpt.endswith("…") and len(excerpt) <= 121
    assert decision_excerpt(item_with("Godkendt.", SectionKind.DECISION)) == "Godkendt."
    assert decision_excerpt(item_with("Ingen beslutning her.")) == ""


def test_decision_excerpt_on_real_minutes(sample_store):
    item = sample_store.item("kd-net-2023-06-02-1000-50").item
    assert decision_excerpt(item).startswith("KD-Net drøftede sagen.")


def test_the_window_holding_more_of_the_query_wins_over_more_forms_of_one_word():
    """Three forms of »lokalplan« in one place, »lokalplan« and »støj« together in another: the snippet
    shows the place holding both query words (forms of one word count as one)."""
    filler = " ".join(["Teksten handler her om noget helt andet end sagen."] * 12)
    text = (f"Lokalplanen og lokalplanlægningen følger lokalplanforslaget. {filler} "
            f"Lokalplan nr. 7 regulerer støj fra vejen. {filler}")
    shown = snippet(item_with(text), ["lokalplan", "støj"])  # the index terms of »lokalplan støj«
    assert {"lokalplan", "støj"} <= {w.lower() for w in marked(shown)}


def test_a_number_is_marked_where_it_stands_alone_not_inside_a_decimal_number():
    text = "Budget 1.2024 og 2024,5 mio. kr. I 2024 steg udgiften; i 4.kvartal 2024. Se bilag 2024a."
    shown = snippet(item_with(text), ["2024", "kvartal"])
    assert marked(shown) == ["2024", "kvartal", "2024"]
    assert "<mark>2024</mark> steg" in shown and "<mark>2024</mark>." in shown


def test_words_after_a_letter_whose_lower_case_is_longer_are_marked_in_place():
    """»İ« lowers to two characters; the marks still fall on the words, not beside them."""
    text = "İstanbul-aftalen om lægevagten og LÆGEVAGTSORDNINGEN blev drøftet."
    shown = snippet(item_with(text), ["lægevagt"])
    assert marked(shown) == ["lægevagten", "LÆGEVAGTSORDNINGEN"]
    assert visible(shown) == text


def test_the_same_item_gives_the_same_snippet_for_later_queries_and_other_terms():
    """An item's text is read once and kept; later queries find their own words in it."""
    item = item_with("Lægevagten i Midttrafik. Kassekreditten blev forhøjet. Lægevagtsordningen fortsætter.")
    first = snippet(item, ["lægevagt"])
    assert marked(snippet(item, ["kassekredit"])) == ["Kassekreditten"]
    assert snippet(item, ["lægevagt"]) == first and marked(first) == ["Lægevagten", "Lægevagtsordningen"]


def test_a_word_is_not_marked_again_inside_a_longer_word_that_ends_with_it():
    text = "Budgetkontrol og den løbende kontrol. Mere kontrol."
    shown = snippet(item_with(text), ["kontrol"])
    assert marked(shown) == ["Budgetkontrol", "kontrol", "kontrol"]
    assert visible(shown) == text


def test_snippets_stay_right_when_the_vocabulary_of_words_read_starts_again(monkeypatch):
    """The words read so far are bounded; past the bound they are forgotten with the texts kept, and every
    snippet after that is still marked."""
    monkeypatch.setattr(snippets._Vocabulary, "LIMIT", 8)
    monkeypatch.setattr(snippets, "_VOCABULARY", snippets._Vocabulary())
    snippets.forget_analysed_items()
    first = item_with("Lægevagten i Midttrafik blev drøftet.")
    second = item_with("Kassekreditten hos Midttrafik blev forhøjet i år.")
    assert marked(snippet(first, ["lægevagt"])) == ["Lægevagten"]
    assert marked(snippet(second, ["kassekredit", "midttrafik"])) == ["Kassekreditten", "Midttrafik"]
    assert marked(snippet(first, ["midttrafik"])) == ["Midttrafik"]
    snippets.forget_analysed_items()


@given(st.text(alphabet="ab1 .,-_İ", max_size=60))
@hsettings(max_examples=500, deadline=None)
def test_every_word_is_found_exactly_where_the_tokenizer_puts_it(text):
    """On any text, numbers glued to letters (»6,1mio.«, »den14.12.2020«) included, a word is marked at the
    places the index's tokenizer gives it, whether found as a literal on its own or, where a number is glued to
    letters, by the tokenizer."""
    lower = snippets._lower_in_place(text)
    glued = snippets._glued(lower)
    tokens = [m.span() for m in TOKEN_RE.finditer(lower)]
    for word in set(TOKEN_RE.findall(lower)):
        expected = [span for span in tokens if lower[span[0]:span[1]] == word]
        assert sorted(snippets._places(lower, {word}, glued)) == expected
        if not glued:  # found on its own, in order
            assert snippets._places(lower, {word}, glued) == expected == snippets._word_places(lower, word)


@pytest.mark.parametrize("text, word, places", [
    ("basislokale = 6,1mio. kr.", "mio", [(17, 20)]),
    ("basislokale = 6,1mio. kr.", "6,1", [(14, 17)]),
    ("vej nr. 9926 af den14.12.2020", "12.2020", [(22, 29)]),
    ("vej nr. 9926 af den14.12.2020", "den14", [(16, 21)]),
])
def test_numbers_glued_to_letters_are_split_as_the_index_splits_them(text, word, places):
    """Spots from Greve's minutes: the word is marked where the tokenizer puts it."""
    lower = snippets._lower_in_place(text)
    assert snippets._places(lower, {word}, snippets._glued(lower)) == places
    assert [m.span() for m in TOKEN_RE.finditer(lower) if m.group() == word] == places


def test_a_snippet_starts_where_the_sentence_of_its_first_match_begins():
    """Not 40 characters before the match, mid-sentence (»…Kommune har udarbejdet«), but at »Greve Kommune«;
    the stop of an abbreviation before a capital (»jf. Bilag 2«) ends no sentence."""
    before = "Sagen blev behandlet på et tidligere møde, hvor udvalget bad om en ny og mere udførlig orientering."
    text = f"{before} Greve Kommune har udarbejdet en ny 12-årig affaldsplan med fokus på genbrug. {before}"
    shown = visible(snippet(item_with(text), ["affaldsplan"], max_chars=120))
    assert shown.startswith("…Greve Kommune har udarbejdet") and marked(snippet(item_with(text), ["affaldsplan"]))
    text = f"{before} Planen følger op på det andet spor (jf. Bilag 2 om ældre i fællesskab) for ældreboliger."
    shown = visible(snippet(item_with(text), ["ældrebolig"], max_chars=120))
    assert shown.startswith("…Planen følger op"), shown


def test_a_snippet_keeps_its_last_match_rather_than_start_at_a_sentence_further_back():
    """Moving back to the sentence's start would push the last match out of the window: it stays put."""
    text = ("Sagen er kort. Udvalget har i en periode drøftet forholdene og besluttede at lægevagten skal evalueres "
            "i efteråret og at lægevagten igen kommer på.")
    shown = snippet(item_with(text), ["lægevagt"], max_chars=100)
    assert marked(shown) == ["lægevagten", "lægevagten"], shown


def test_a_hit_found_by_meaning_alone_shows_its_text_not_its_title_again(client):
    """A semantic hit's snippet is the passage that matched; an item's head passage opens with its title, which
    the hit already shows above the snippet."""
    hits = client.get("/search", params={"q": "out of hours doctor service", "mode": "semantic"}).json()["hits"]
    with_text = [h for h in hits if visible(h["snippet"]) != h["title"]]  # a title-only item shows its title
    assert len(with_text) >= 3
    for hit in with_text:
        assert not visible(hit["snippet"]).startswith(hit["title"]), hit["snippet"]


def test_a_table_rows_empty_cells_show_as_one_border(kd, sample_store):
    """A table's row quoted with its cells left empty (»… kontakt til lægevagten. | | | 2. Medicinpakker …«)
    shows them as one border. The June KD-Net minutes hold such a row as a Markdown table's: read as the row it
    is (tests/test_layouts_markdown.py), its empty cells are gone, and »lægevagt« shows no border there at all."""
    item = next(s.item for s in sample_store.iter_items()
                if any("lægevagten.\n\n2. Medicinpakker" in x.text for x in s.item.sections))
    shown = visible(snippet(item, kd.search(parse_query("lægevagt")).terms))
    assert "lægevagten. 2. Medicinpakker" in shown and "|" not in shown
    quoted = item_with("Videoopkobling ved kontakt til lægevagten. | | | 2. Medicinpakker til de kommunale akutteams.")
    text = visible(snippet(quoted, ["lægevagt"]))
    assert "lægevagten. | 2. Medicinpakker" in text and not re.search(r"\|\s*\|", text)