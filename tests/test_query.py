"""The query language: what users type becomes a small AST, never an exception or Whoosh syntax."""
from __future__ import annotations

import pytest

from index.keyword_query import coordinate
from search.query import Clause, ParsedQuery, QueryError, parse_query


def words(parsed: ParsedQuery) -> list[list[str]]:
    return [[c.text for c in group] for group in parsed.groups]


def test_plain_words_each_make_a_group():
    assert words(parse_query("Midttrafik kassekredit")) == [["Midttrafik"], ["kassekredit"]]


def test_quoted_phrase_is_one_exact_clause():
    parsed = parse_query('"tilsyn med almene boliger" lægevagt')
    assert parsed.groups[0] == (Clause("tilsyn med almene boliger", quoted=True),)
    assert parsed.groups[1] == (Clause("lægevagt"),)


def test_minus_excludes_words_and_phrases():
    parsed = parse_query('lægevagt -regionen -"region midt" a-b')
    assert words(parsed) == [["lægevagt"], ["a-b"]]
    assert parsed.excluded == (Clause("regionen"), Clause("region midt", quoted=True))


def test_or_joins_neighbours_into_one_group_and_and_is_the_default():
    parsed = parse_query("stomi OR sundhedsartikler AND udbud")
    assert words(parsed) == [["stomi", "sundhedsartikler"], ["udbud"]]
    assert words(parse_query("or og")) == [["or"], ["og"]]  # lowercase is a word


def test_not_negates_the_next_clause():
    parsed = parse_query("lægevagt NOT regionen")
    assert words(parsed) == [["lægevagt"]] and parsed.excluded == (Clause("regionen"),)


@pytest.mark.parametrize("text, field", [
    ("titel:Midttrafik", "title"),
    ("beslutning:godkendt", "decision"),
    ("indstilling:drøfter", "recommendation"),
    ("resume:udbud", "summary"),
    ("sag:udbud", "case"),
    ("bilag:referat", "attachments"),
    ("udvalg:Økonomiudvalget", "body_text"),
    ("TITEL:Midttrafik", "title"),
])
def test_danish_field_prefixes(text, field):
    (group,) = parse_query(text).groups
    assert group[0].field == field and group[0].text == text.split(":", 1)[1]


def test_field_prefix_takes_a_phrase_and_can_be_excluded():
    parsed = parse_query('titel:"økonomi i midttrafik" -beslutning:udsat')
    assert parsed.groups == ((Clause("økonomi i midttrafik", quoted=True, field="title"),),)
    assert parsed.excluded == (Clause("udsat", field="decision"),)


def test_unknown_prefixes_and_urls_stay_plain_words():
    assert parse_query("foo:bar").groups == ((Clause("foo:bar"),),)
    assert parse_query("https://kl.dk").groups == ((Clause("https://kl.dk"),),)


@pytest.mark.parametrize("text", ['"', '""', "AND OR (", "*", "-", "OR", "NOT", "😀", "\x00", "", "   ",
                                  'titel:"', "()"])
def test_queries_with_nothing_to_search_parse_empty(text):
    assert parse_query(text).empty


def test_a_bare_prefix_is_a_word():
    assert parse_query("titel:").groups == ((Clause("titel:"),),)


def test_unbalanced_quote_runs_to_the_end():
    assert parse_query('udbud "sundheds artikler').groups[1] == (Clause("sundheds artikler", quoted=True),)


def test_control_characters_are_spaces():
    assert words(parse_query("læge\x00vagt\tny")) == [["læge"], ["vagt"], ["ny"]]


def test_absurd_queries_raise_one_clear_error():
    with pytest.raises(QueryError, match="too long"):
        parse_query("x" * 5000)
    with pytest.raises(QueryError, match="too many words"):
        parse_query("ord " * 100)
    assert issubclass(QueryError, ValueError)


def test_coordination_scales_by_the_share_of_words_matched():
    assert coordinate(10.0, 1, 1, 1.0) == 10.0
    assert coordinate(10.0, 1, 2, 1.0) == 5.0
    assert coordinate(10.0, 1, 2, 0.0) == 10.0
