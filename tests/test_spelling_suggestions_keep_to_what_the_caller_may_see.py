"""»Mente du« offers only words the caller may see: with MINUTES_HIDE_CLOSED a closed item the caller may not
see is left out entirely, its title too, so no word of it is offered; without it the public sees closed
titles (a title word may be offered), and a closed item's content is never offered to a caller who may not
read it.

Fixture (tests/closed_fixture, beside the bundled KD-Net minutes): »kloakledning« and »erstatningssag« stand
only in a closed item's title (and its content), »Kvistrupholm« and »Entreprise« only in closed content.
Keyword index only: the suggestion is the keyword side's.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES

from config.settings import Settings
from search.engine import Engine
from search.request import SearchRequest

FIXTURE = Path(__file__).parent / "closed_fixture"
TITLE_TYPOS = {"kloakledninng": "kloakledning", "Erstatningsag": "erstatningssag"}
CONTENT_TYPOS = ("Kvistrupholmm", "Entreprse")
MODES = ("keyword", "hybrid")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spelling-closed")
    engine = Engine(Settings(data_dir=path))
    engine.ingest([SAMPLES, FIXTURE])
    engine.sync(embeddings=False)
    return path


def suggestion(data: Path, q: str, mode: str, hide_closed: bool, staff: bool = False) -> str | None:
    engine = Engine(Settings(data_dir=data, hide_closed=hide_closed))
    viewer = engine.access.operator() if staff else engine.access.public
    result = engine.search(SearchRequest.build(q=q, mode=mode, settings=engine.settings), viewer)
    return result["did_you_mean"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("typo", TITLE_TYPOS)
def test_a_word_of_a_hidden_closed_items_title_is_never_offered(data, typo, mode):
    assert suggestion(data, typo, mode, hide_closed=True) is None


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("typo, word", TITLE_TYPOS.items())
def test_a_closed_items_title_word_is_offered_where_the_caller_sees_the_title(data, typo, word, mode):
    assert suggestion(data, typo, mode, hide_closed=False) == word  # the public sees closed titles
    assert suggestion(data, typo, mode, hide_closed=True, staff=True) == word  # staff see the item itself


@pytest.mark.parametrize("hide_closed", [False, True])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("typo", CONTENT_TYPOS)
def test_a_closed_items_content_word_is_never_offered_to_the_public(data, typo, mode, hide_closed):
    assert suggestion(data, typo, mode, hide_closed) is None
