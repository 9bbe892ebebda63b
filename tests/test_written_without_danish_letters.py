"""A word written without the Danish letters (»laegevagt«, »boern«, »moede«: an English keyboard, a web
address, an old system's export) is read as the Danish word, in queries and in documents alike; known
words, English words and names are left as typed."""
from __future__ import annotations

import pytest

from conftest import SAMPLES
from index.analysis import compound_parts, danish, danish_spelling, normalise, stem
from index.parsed import ParsedQuery
from search.query import parse_query
from search.request import SearchRequest

WITHOUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def written_without(text: str) -> str:
    return text.translate(WITHOUT)


def search(engine, q: str, mode: str, limit: int = 10) -> list[str]:
    request = SearchRequest.build(q=q, mode=mode, limit=limit, settings=engine.settings)
    return [hit["id"] for hit in engine.search(request)["hits"]]


@pytest.mark.parametrize("word", ["lægevagten", "lægevagtsordningen", "børn", "mødet", "området", "støj",
                                  "beskæftigelsesindsats", "Sønderborg", "åbne"])
def test_a_word_written_without_the_danish_letters_gets_the_danish_words_terms(word):
    typed = written_without(word)
    assert typed != word
    assert normalise(typed) == normalise(word)
    assert stem(typed) == stem(word)
    assert compound_parts(typed) == compound_parts(word)


@pytest.mark.parametrize("word", ["koen", "poet", "boen", "toer", "does", "goethe", "michael", "israel", "aarhus"])
def test_known_words_english_words_and_names_stay_as_typed(word):
    assert danish(word) == word


def test_a_compound_of_known_words_is_respelt_when_only_the_danish_spelling_splits():
    assert danish("solroed") == "solrød"
    assert compound_parts("solroed") == compound_parts("solrød") == ("sol", "rød")


def test_respelling_a_text_keeps_its_case_and_everything_else():
    assert (danish_spelling("Hvad besluttede man om Laegevagten paa moedet i Koebenhavn, 2023?")
            == "Hvad besluttede man om Lægevagten på mødet i København, 2023?")
    assert danish_spelling("Michael does KD-Net") == "Michael does KD-Net"
    assert danish_spelling("LAEGEVAGTEN i Aeroeskoebing") == "LÆGEVAGTEN i Aeroeskoebing"


def test_the_semantic_side_embeds_the_danish_spelling():
    parsed = parse_query('laegevagten -"region midt" OR moedet')
    assert isinstance(parsed, ParsedQuery)
    assert parsed.positive_text == "lægevagten mødet"


@pytest.mark.parametrize("mode", ["keyword", "hybrid"])
@pytest.mark.parametrize("query", ["lægevagt", "hvad besluttede man på mødet om lægevagten",
                                   "kommunalt tilsyn med almene boliger", "økonomi i Midttrafik"])
def test_a_query_without_the_danish_letters_finds_what_the_danish_query_finds(engine, query, mode):
    danish_top = search(engine, query, mode, limit=3)
    assert danish_top
    assert search(engine, written_without(query), mode, limit=3) == danish_top


def test_minutes_exported_without_the_danish_letters_are_found_by_danish_words(tmp_path):
    from config.settings import Settings
    from search.engine import Engine

    source = SAMPLES / "kdnet-2022-02-11-referat.txt"
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / source.name).write_text(written_without(source.read_text(encoding="utf-8")), encoding="utf-8")
    engine = Engine(Settings(data_dir=tmp_path / "data"))
    engine.ingest([folder])
    engine.sync(embeddings=False)
    for query, title in (("foreløbige punkter til møde", "Foreloebige punkter til moede i KKR Midtjylland"),
                         ("drøftelse af stærkere tilsyn", "Droeftelse af initiativer for staerkere kommunalt")):
        hits = engine.search(SearchRequest.build(q=query, mode="keyword", limit=3, settings=engine.settings))["hits"]
        assert hits and hits[0]["title"].startswith(title), (query, [h["title"] for h in hits])


def test_on_greve_a_word_without_the_danish_letters_finds_the_danish_words_items(greve_engine):
    engine, _ = greve_engine
    for word in ("støjhandlingsplan", "børnehave", "skoleområdet"):
        danish_top = search(engine, word, "keyword", limit=5)
        assert danish_top, word
        assert search(engine, written_without(word), "keyword", limit=5) == danish_top, word


def test_function_words_written_without_the_letters_are_stop_words_and_not_english():
    from index.analysis import stop_word
    from index.language import english_word

    assert stop_word("paa") and stop_word("Naar") and stop_word("på")
    assert not english_word("faa") and not english_word("goer")  # få, gør (both are English words too)
    assert english_word("does") and english_word("heating")


def test_a_misspelt_word_written_without_the_letters_is_offered_in_danish_spelling(engine):
    for typed, meant in (("laegevagtt", "lægevagt"), ("kassekreddit", "kassekredit")):
        result = engine.search(SearchRequest.build(q=typed, mode="hybrid", limit=3, settings=engine.settings))
        assert result["did_you_mean"] == meant
        assert result["hits"], typed


def test_title_completions_find_titles_typed_without_the_danish_letters(client):
    for typed, title in (("laegevagt", "Lægevagten"), ("oekonomi i midt", "Økonomi i Midttrafik")):
        suggestions = client.get("/suggest", params={"q": typed}).json()["suggestions"]
        assert suggestions and suggestions[0]["title"] == title, (typed, suggestions)
    assert client.get("/suggest", params={"q": "michael"}).json()["suggestions"] == []
