"""Closed items in a real browser: »Lukket punkt« and nothing else for the public; the whole item for a
signed-in caller, whether the token comes with every request (sign-on in front) or from the host page's
token provider to the embedded widget on another origin.

The server is the app over the closed-items fixture (keyword index only), run with uvicorn in a thread.
"""
from __future__ import annotations

import json
import re
import socket
import threading
import time

import pytest
from conftest import static_server
from test_browser import browser, expect, pytestmark, shot  # noqa: F401 (browser: a fixture)
from test_closed_items import CLOSED_GROUP, FIXTURE, WORD, jwks, token

HTML = "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from api.app import create_app
    from config.settings import Settings
    from search.engine import Engine
    from test_closed_items import AUD, ISS

    work = tmp_path_factory.mktemp("browser-closed")
    (work / "jwks.json").write_text(json.dumps(jwks()))
    engine = Engine(Settings(data_dir=work / "data", oidc_issuer=ISS, oidc_audience=AUD,
                             oidc_jwks_file=work / "jwks.json", closed_groups=[CLOSED_GROUP]))
    engine.ingest([FIXTURE])
    engine.sync(embeddings=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.1)
    closed = next(s.id for s in engine.store.iter_items() if s.item.closed and s.body == "Økonomiudvalget")
    yield f"http://127.0.0.1:{port}", closed
    server.should_exit = True
    thread.join(10)


def new_tab(browser, **options):
    context = browser.new_context(viewport={"width": 1100, "height": 800}, locale="da-DK", **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, errors


def test_the_public_sees_lukket_punkt_and_nothing_else(server, browser):
    base, closed = server
    context, page, errors = new_tab(browser)
    page.goto(f"{base}/punkt/{closed}")
    expect(page.locator("h1 .badge")).to_have_text("Lukket punkt")
    expect(page.locator(".notice.closed")).to_be_visible()
    assert page.locator("section.section").count() == 0
    assert WORD not in page.locator("body").inner_text().lower()
    shot(page, "closed-item-public.png", full_page=True)

    page.goto(f"{base}/")
    box = page.locator("minutes-search input[role=combobox]")
    box.fill("tidligere skole")
    box.press("Enter")
    expect(page.locator("minutes-search [role=status]")).to_have_text(re.compile(r"^\d+ resultat"))
    hit = page.locator("minutes-search li.hit.restricted")
    expect(hit.locator(".badge")).to_have_text("Lukket punkt")
    assert hit.locator(".snippet, .decision").count() == 0
    assert WORD not in page.locator("minutes-search").inner_text().lower()
    context.close()
    assert not errors


def test_a_signed_in_caller_sees_the_whole_item(server, browser):
    base, closed = server
    context, page, errors = new_tab(browser, extra_http_headers={"Authorization": f"Bearer {token()}"})
    page.goto(f"{base}/punkt/{closed}")
    expect(page.locator("h1 .badge")).to_have_text("Lukket punkt")
    expect(page.locator("section.section.decision")).to_contain_text("Kvistrupholm Invest")
    assert page.locator(".notice.closed").count() == 0
    shot(page, "closed-item-signed-in.png", full_page=True)
    context.close()
    assert not errors


@pytest.fixture
def intranet():
    """Another origin embedding the widget, with a token provider or without one."""
    pages: dict[str, tuple[str, bytes]] = {}
    with static_server(pages) as (origin, _):
        yield pages, origin


def test_the_widget_sends_the_host_pages_token(server, browser, intranet):
    base, _ = server
    pages, origin = intranet
    signed = token()
    pages["/with-token"] = HTML, (f'<!doctype html><meta charset="utf-8"><title>Intranet</title>'
                            f'<script>window.intranetToken = async () => {json.dumps(signed)};</script>'
                            f'<script src="{base}/widget.js"></script>'
                            f'<minutes-search token-provider="intranetToken"></minutes-search>').encode()
    pages["/without"] = HTML, (f'<!doctype html><meta charset="utf-8"><title>Intranet</title>'
                         f'<script src="{base}/widget.js"></script><minutes-search></minutes-search>').encode()
    context, page, errors = new_tab(browser)
    for path, expected in (("/without", r"^Ingen resultater"), ("/with-token", r"^2 resultater")):
        page.goto(origin + path)
        box = page.locator("minutes-search input[role=combobox]")
        box.fill("Kvistrupholm")
        box.press("Enter")
        expect(page.locator("minutes-search [role=status]")).to_have_text(re.compile(expected))
    hits = page.locator("minutes-search li.hit")
    expect(hits.first.locator(".snippet mark").first).to_have_text(re.compile("Kvistrupholm", re.I))
    assert page.locator("minutes-search li.hit.restricted").count() == 0
    shot(page, "closed-widget-token.png", full_page=True)
    context.close()
    assert not errors
