"""The search box, search page, item page and API docs in a real browser (headless Chromium).

One server for the module: the bundled KD-Net minutes plus a hostile document, ingested with the CLI
and served with `minutes serve`, as an operator would. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest


def find_chromium() -> str | None:
    """Chromium from the PATH (Debian: chromium; Ubuntu and others: chromium-browser)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = find_chromium()
ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
ARTIFACTS = ROOT / "test-artifacts"
# The network is cut off: everything but loopback goes to a proxy that is not there (Chromium never
# proxies loopback), so a page that needs a CDN, a web font or any outside host shows it by breaking.
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--proxy-server=127.0.0.1:9"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (or chromium-browser) on the PATH: apt-get install chromium"),
]
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

HOSTILE_BODY = "Teknik- og Miljøudvalget"
PAGED_QUERY = "kd-net"  # matches more than one page (10 hits) of the samples
COUNT = re.compile(r"^\d+ resultat")  # the status line once a search has answered
# KD-Net layout (see corpus/samples); markup in title, presenter and decision must stay text.
HOSTILE_MINUTES = """
Teknik- og Miljøudvalget (Referat)

05-03-2024 16:00

Rådhuset, mødelokale 1

Punkt 1: <script>window.__pwned=1</script> Skoleveje /v. Hans <b>Hansen</b>

Indstilling

Det indstilles, at udvalget godkender skolevejsplanen.

Beslutning

Skolevejsplanen blev godkendt. <img src=x onerror="window.__pwned=1"> Udvalget bad om en status & opfølgning.

Sagsfremstilling

Skolevejsplanen beskriver sikre skoleveje. "<svg onload=window.__pwned=1>" står her som tekst.

Punkt 2: Godkendelse af dagsorden /v. Hans Hansen

Indstilling

Det indstilles, at udvalget godkender dagsordenen.

Beslutning

Dagsordenen blev godkendt.
"""


# -- server -----------------------------------------------------------------------------------
def _minutes_cmd() -> list[str]:
    script = Path(sys.executable).with_name("minutes")
    if script.exists():
        return [str(script)]
    found = shutil.which("minutes")
    return [found] if found else [sys.executable, "-c", "from api.cli import app; app()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 5):
    with urllib.request.urlopen(url, timeout=timeout) as res:
        return res.status, dict(res.headers), res.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Base URL of a `minutes serve` over the samples and the hostile document."""
    work = tmp_path_factory.mktemp("browser")
    data, hostile = work / "data", work / "teknik-2024-03-05-referat.txt"
    hostile.write_text(HOSTILE_MINUTES, encoding="utf-8")
    cmd = _minutes_cmd()
    env = {**os.environ, "MINUTES_API_TOKEN": ""}
    ingest = subprocess.run([*cmd, "--data-dir", str(data), "ingest", str(SAMPLES), str(hostile)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert ingest.returncode == 0, f"ingest failed:\n{ingest.stdout}\n{ingest.stderr}"

    port = _free_port()
    log = (work / "serve.log").open("w")
    proc = subprocess.Popen([*cmd, "--data-dir", str(data), "serve", "--host", "127.0.0.1", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited with {proc.returncode}:\n{(work / 'serve.log').read_text()}")
            try:
                if _get(base + "/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"server did not answer /health:\n{(work / 'serve.log').read_text()}")
            time.sleep(0.25)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


# -- browser ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser):
    """A fresh page; page errors fail the test (a widget that throws is broken even if it looks fine)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def offline_tab(tab):
    """A tab that also refuses, and records, any request to a host other than this machine."""
    outside: list[str] = []

    def route(r):
        host = urllib.parse.urlsplit(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost", "::1"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    tab.context.route("**/*", route)
    yield tab
    assert not outside, f"the page asked for outside resources: {outside}"


@pytest.fixture
def unguarded_tab(browser):
    """A page that ignores our Content-Security-Policy, so the XSS checks test the rendering itself."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


def shot(target, name: str, **options) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target.screenshot(path=str(ARTIFACTS / name), **options)


def search_in_widget(page, base: str, query: str, navigate: bool = True):
    """Open the intranet example, type the query, press Enter, wait for the answer; returns the hits."""
    if navigate:
        page.goto(base + "/embed-example.html")
    box = page.locator("minutes-search input[role=combobox]")
    box.fill(query)
    box.press("Enter")
    expect(page.locator("minutes-search [role=status]")).to_have_text(re.compile(r"^(\d+ resultat|Ingen resultater)"))
    return page.locator("minutes-search li.hit")


# -- tests ------------------------------------------------------------------------------------
API_PATHS = {"/search", "/suggest", "/items/{item_id}", "/meetings", "/meetings/{meeting_id}", "/health", "/archive",
             "/documents"}


def test_api_docs_list_the_operations_offline(server, offline_tab):
    tab = offline_tab
    tab.goto(server + "/docs")
    paths = tab.locator(".opblock-summary-path")
    expect(paths.first).to_be_visible()
    shown = {text.replace("\u200b", "") for text in paths.all_inner_texts()}
    assert API_PATHS <= shown, shown
    expect(tab.locator('.opblock-get .opblock-summary-path[data-path="/search"]')).to_be_visible()
    shot(tab, "api-docs.png")

    tab.goto(server + "/redoc")
    expect(tab.locator("h1").first).to_contain_text("Minutes search")
    expect(tab.locator("h2", has_text="Search").first).to_be_visible()  # an operation, rendered
    # each operation has its heading (its summary) in the rendered page, beside its method and path
    headings = set(tab.locator("h2").all_inner_texts())
    assert {"Search", "Suggest", "Item", "Meetings", "Meeting", "Health", "Archive", "Upload", "Delete"} <= headings, headings
    shot(tab, "api-redoc.png")


def test_pages_and_widget_are_served(server):
    status, headers, body = _get(server + "/widget.js")
    assert status == 200 and headers["content-type"].startswith("application/javascript")
    assert re.search(r"max-age=\d+", headers["cache-control"])
    assert b"customElements.define" in body
    for path in ("/", "/embed-example.html", "/punkt/any-id"):
        status, headers, body = _get(server + path)
        assert status == 200 and headers["content-type"].startswith("text/html"), path


def test_widget_finds_laegevagten_first(server, tab):
    hits = search_in_widget(tab, server, "lægevagt")
    first = hits.first
    expect(first.locator(".hit-title")).to_have_text("Lægevagten")
    expect(first.locator(".meta")).to_contain_text("KD-Net")
    expect(first.locator(".meta")).to_contain_text("2. juni 2023")
    expect(first.locator(".snippet mark").first).to_be_visible()
    expect(first.locator(".decision")).to_contain_text("Beslutning")
    expect(first.locator(".hit-title")).to_have_attribute("href", re.compile(r"/punkt/[^/]+$"))
    expect(tab.locator("minutes-search [role=status]")).to_contain_text("for »lægevagt«")
    shot(tab, "embed-example-page.png", full_page=True)  # first: the element shot scrolls the page
    shot(tab.locator("minutes-search"), "widget-results.png")


def test_a_meetings_date_lists_its_agenda_and_says_so(server, tab):
    hits = search_in_widget(tab, server, "2.6.2023")
    note = tab.locator("minutes-search .as-minutes")
    expect(note).to_be_visible()
    expect(note).to_contain_text("dagsordenens rækkefølge")
    expect(note).to_contain_text("nyeste møde først")
    expect(hits.first.locator(".meta")).to_contain_text("2. juni 2023")
    hits = search_in_widget(tab, server, "første møde")  # the oldest asked for: the note says so
    expect(note).to_contain_text("ældste møde først")
    expect(hits.first.locator(".meta")).to_contain_text("2022")
    search_in_widget(tab, server, "lægevagt")
    expect(note).to_be_hidden()


def test_suggestions_are_an_accessible_combobox(server, tab):
    tab.goto(server + "/embed-example.html")
    box = tab.locator("minutes-search input[role=combobox]")
    box.press_sequentially("lægevagt", delay=30)
    options = tab.locator("minutes-search [role=listbox] [role=option]")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    listbox_id = tab.locator("minutes-search [role=listbox]").get_attribute("id")
    expect(box).to_have_attribute("aria-controls", listbox_id)

    box.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(tab.locator("minutes-search [role=listbox]")).to_be_hidden()

    box.press("ArrowDown")  # reopens on the first suggestion
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    title = options.first.locator(".opt-title").inner_text()
    box.press("Enter")
    tab.wait_for_url(re.compile(r"/punkt/"))
    expect(tab.locator("h1")).to_contain_text(title)


def test_keyboard_opens_result_and_item_page_shows_everything(server, tab):
    search_in_widget(tab, server, "lægevagt")
    box = tab.locator("minutes-search input[role=combobox]")
    box.press("ArrowDown")
    first_link = tab.locator("minutes-search li.hit .hit-title").first
    expect(first_link).to_be_focused()
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/punkt/kd-net-2023-06-02"))

    expect(tab.locator("main h1")).to_have_text("Lægevagten")
    expect(tab.locator(".facts")).to_contain_text("2. juni 2023")
    headings = tab.locator("main section h2")
    expect(headings.first).to_be_visible()
    assert {"Indstilling", "Beslutning", "Sagsfremstilling"} <= set(headings.all_inner_texts())
    decision = tab.locator("section[data-kind=decision]")
    expect(decision).to_contain_text("KD-Net drøftede sagen.")
    assert decision.locator("p").count() >= 2  # paragraphs kept
    shot(tab, "item-page.png")


def test_committee_filter_narrows_results(server, tab):
    tab.goto(server + "/?q=dagsorden")
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text(COUNT)
    before = int(re.search(r"\d+", status.inner_text()).group())
    select = tab.locator("minutes-search select[name=body]")
    values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert {"", "KD-Net", HOSTILE_BODY} <= set(values)
    shot(tab, "search-page.png")

    select.select_option(HOSTILE_BODY)  # the change event starts the search at once ("Henter…")
    expect(status).to_have_text(COUNT)
    after = int(re.search(r"\d+", status.inner_text()).group())
    assert 0 < after < before
    metas = tab.locator("minutes-search li.hit .meta").all_inner_texts()
    assert metas and all(m.startswith(HOSTILE_BODY) for m in metas)
    assert "body=" in tab.url  # the full page keeps the search in its address

    select.select_option("KD-Net")
    expect(status).to_have_text(COUNT)
    assert all(m.startswith("KD-Net") for m in tab.locator("minutes-search li.hit .meta").all_inner_texts())


def test_hostile_document_is_shown_as_text(server, unguarded_tab):
    page = unguarded_tab
    hits = search_in_widget(page, server, "skolevejsplanen")
    hit = hits.filter(has_text="Skoleveje").first
    expect(hit.locator(".hit-title")).to_contain_text("<script>window.__pwned=1</script>")
    expect(hit.locator(".decision")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    widget = page.locator("minutes-search")
    assert widget.locator("script, img, svg, [onerror]").count() == 0
    assert page.evaluate("window.__pwned") is None

    hit.locator(".hit-title").click()
    page.wait_for_url(re.compile(r"/punkt/"))
    expect(page.locator("main h1")).to_contain_text("<script>window.__pwned=1</script> Skoleveje")
    expect(page.locator("section[data-kind=decision]")).to_contain_text("<img src=x")
    expect(page.locator("main")).to_contain_text("<svg onload=window.__pwned=1>")
    assert page.locator("main script, main img, main svg, main b").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_host_page_css_does_not_reach_the_widget(server, tab):
    search_in_widget(tab, server, "lægevagt")
    inside = tab.evaluate("""() => {
        const root = document.querySelector('minutes-search').shadowRoot;
        const style = (sel) => getComputedStyle(root.querySelector(sel));
        const [title, input, mark, snippet] = ['.hit-title', 'input', 'mark', '.snippet'].map(style);
        return {font: title.fontFamily, color: title.color, snippetColor: snippet.color,
                transform: title.textTransform, inputBorder: input.borderTopStyle, inputFont: input.fontFamily,
                mark: mark.backgroundColor, padding: style('.hit').paddingTop};
    }""")
    assert "comic" not in inside["font"].lower() and "comic" not in inside["inputFont"].lower()
    assert inside["color"] != "rgb(255, 0, 0)" and inside["snippetColor"] != "rgb(255, 0, 0)"
    assert inside["transform"] == "none"
    assert inside["inputBorder"] != "dashed"
    assert inside["mark"] != "rgb(0, 0, 0)"
    assert inside["padding"] != "40px"
    # ...and the widget's CSS does not leak out: the host page keeps its own (awful) styles
    outside = tab.evaluate("() => { const s = getComputedStyle(document.querySelector('h2')); return [s.color, s.fontFamily]; }")
    assert outside[0] == "rgb(255, 0, 0)" and "comic" in outside[1].lower()


def test_loading_empty_and_error_states(server, tab):
    tab.goto(server + "/embed-example.html")
    # Keyword mode: the semantic side always finds something nearest, so only words can find nothing.
    tab.locator("minutes-search").evaluate("el => el.setAttribute('mode', 'keyword')")
    hits = search_in_widget(tab, server, "xyzzyqqqnothing", navigate=False)
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text("Ingen resultater for »xyzzyqqqnothing«")
    expect(hits).to_have_count(0)

    held = []
    tab.route(re.compile(r"/search\?"), lambda route: held.append(route))
    box = tab.locator("minutes-search input[role=combobox]")
    box.fill("lægevagt")
    box.press("Enter")
    expect(status).to_have_text("Henter…")
    for _ in range(200):  # the route handler runs as the driver delivers events
        if held:
            break
        tab.wait_for_timeout(25)
    held[0].abort()
    expect(status).to_contain_text("Søgetjenesten kan ikke nås lige nu")
    tab.unroute(re.compile(r"/search\?"))
    status.locator("button").click()  # "Prøv igen"
    expect(tab.locator("minutes-search li.hit .hit-title").first).to_have_text("Lægevagten")


@pytest.fixture
def intranet(server):
    """A page on another origin (another port) embedding the widget with one script tag."""
    html = (f'<!doctype html><meta charset="utf-8"><title>Intranet</title><h1>Intranet</h1>'
            f'<script src="{server}/widget.js"></script>'
            f'<minutes-search body="{HOSTILE_BODY}" limit="3"></minutes-search>').encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_widget_on_a_foreign_origin_with_preset_committee(server, intranet, tab):
    """The intranet is another origin: the API comes from the script's URL, and CORS must allow it."""
    tab.goto(intranet)
    box = tab.locator("minutes-search input[role=combobox]")
    box.fill("dagsorden")
    box.press("Enter")
    expect(tab.locator("minutes-search [role=status]")).to_have_text(COUNT)
    expect(tab.locator("minutes-search select[name=body]")).to_have_value(HOSTILE_BODY)
    metas = tab.locator("minutes-search li.hit .meta").all_inner_texts()
    assert metas and all(m.startswith(HOSTILE_BODY) for m in metas)
    hrefs = tab.locator("minutes-search li.hit .hit-title").evaluate_all("links => links.map(a => a.href)")
    assert all(h.startswith(server + "/punkt/") for h in hrefs)


def test_search_page_pages_and_keeps_state_in_the_address(server, tab):
    tab.goto(server + f"/?q={PAGED_QUERY}")
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text(COUNT)
    pager = tab.locator("minutes-search nav.pager")
    expect(pager).to_contain_text("Side 1 af")
    first_page = tab.locator("minutes-search li.hit .hit-title").all_inner_texts()
    expect(pager.get_by_role("button", name="Forrige")).to_be_disabled()

    pager.get_by_role("button", name="Næste").click()
    expect(pager).to_contain_text("Side 2 af")
    expect(status).to_have_text(COUNT)
    assert "side=2" in tab.url
    assert tab.locator("minutes-search li.hit .hit-title").all_inner_texts() != first_page

    tab.go_back()  # the browser's back button goes back a page of results
    expect(pager).to_contain_text("Side 1 af")
    expect(status).to_have_text(COUNT)
    assert tab.locator("minutes-search li.hit .hit-title").all_inner_texts() == first_page


def test_first_page_shows_what_the_archive_holds_and_searches_to_try(server, tab):
    import json

    archive = json.loads(_get(server + "/archive")[2])
    assert archive["items"] > 40 and 3 <= len(archive["examples"]) <= 4
    tab.goto(server + "/")
    panel = tab.locator("#archive")
    expect(panel).to_be_visible()
    expect(panel.locator(".holds")).to_contain_text(f"{archive['items']} dagsordenspunkter fra {archive['meetings']} møder")
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
              "november", "december"]
    y, m, d = (int(part) for part in archive["first_date"].split("-"))
    expect(panel.locator(".holds")).to_contain_text(f"{d}. {months[m - 1]} {y} – ")  # the period, in Danish
    assert set(panel.locator("ul.bodies .name").all_inner_texts()) == {b["name"] for b in archive["bodies"]}
    examples = panel.locator("a.example")
    assert examples.all_inner_texts() == archive["examples"]
    shot(tab, "first-page.png", full_page=True)

    first = archive["examples"][0]
    examples.first.click()
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text(COUNT)
    expect(status).to_contain_text(f"»{first}«")
    expect(panel).to_be_hidden()  # the overview gives way to the results
    expect(tab.locator("minutes-search li.hit").first).to_be_visible()


def test_no_results_suggests_what_to_try(server, tab):
    tab.goto(server + "/?q=xyzzyqqq")
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text("Ingen resultater for »xyzzyqqq«")
    hint = tab.locator("minutes-search .hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("færre ord")
    expect(hint).to_contain_text("anden stavemåde")
    expect(tab.locator("#archive")).to_be_hidden()
    shot(tab, "no-results.png")
    hint.get_by_role("button", name="Søg efter betydning").click()  # the nearest items by meaning
    expect(status).to_have_text(COUNT)
    expect(hint).to_be_hidden()
    expect(tab.locator("minutes-search li.hit").first).to_be_visible()



def _focused(page) -> str:
    """What has the keyboard focus inside the search box's shadow DOM: the box (combobox), a hit, or nothing."""
    return page.locator("minutes-search").evaluate(
        "el => { const a = el.shadowRoot.activeElement;"
        " return !a ? '' : a.getAttribute('role') === 'combobox' ? 'box' : a.className; }")


def test_search_by_meaning_stays_in_the_address_and_the_feed(server, tab):
    tab.goto(server + "/?q=xyzzyqqq")
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text("Ingen resultater for »xyzzyqqq«")
    tab.locator("minutes-search .hint").get_by_role("button", name="Søg efter betydning").click()
    expect(status).to_have_text(COUNT)
    expect(tab.locator("minutes-search .by-meaning")).to_contain_text("Søgt efter betydning")
    assert "mode=semantic" in tab.url
    assert _focused(tab) == "box"  # the pressed button is gone; the focus stays in the box
    tab.locator("minutes-search button.follow").click()
    assert "mode=semantic" in tab.locator("minutes-search input.feed-url").input_value()
    tab.reload()
    expect(status).to_have_text(COUNT)  # a reload (or a shared link) searches by meaning again
    box = tab.locator("minutes-search input[role=combobox]")
    box.fill("lægevagt")
    box.press("Enter")  # new words: the default mode again
    expect(status).to_contain_text("»lægevagt«")
    assert "mode=" not in tab.url
    assert tab.title().startswith("lægevagt – ")


def test_a_filter_chosen_after_typing_searches_the_typed_words(server, tab):
    tab.goto(server + f"/?q={PAGED_QUERY}")
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text(COUNT)
    tab.locator("minutes-search input[role=combobox]").fill("lægevagt")  # typed, Enter not pressed
    tab.locator("minutes-search select[name=year]").select_option("2023")
    expect(status).to_have_text(re.compile(r"^\d+ resultat.* for »lægevagt«$"))
    assert "q=l%C3%A6gevagt" in tab.url and "year=2023" in tab.url


def test_a_filter_that_leaves_nothing_offers_to_search_without_it(server, tab):
    tab.goto(server + "/?q=skolevejsplanen&year=2022&mode=keyword")
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text("Ingen resultater for »skolevejsplanen«")
    hint = tab.locator("minutes-search .hint")
    expect(hint).to_contain_text("afgrænset")
    hint.get_by_role("button", name="Søg uden afgrænsning").click()
    expect(status).to_have_text(COUNT)
    expect(tab.locator("minutes-search li.hit .hit-title").first).to_contain_text("Skoleveje")
    assert "year=" not in tab.url


def test_a_refused_search_is_explained_in_danish(server, tab):
    words = " ".join(f"ord{i}" for i in range(70))  # more words than a query may have
    tab.goto(server + "/?" + urllib.parse.urlencode({"q": words}))
    status = tab.locator("minutes-search [role=status]")
    expect(status).to_have_text(re.compile(r"^Søgningen kan ikke udføres"))
    expect(status.locator("button")).to_have_count(0)  # the same search would be refused again


def test_a_page_past_the_end_shows_the_last_page(server, tab):
    tab.goto(server + f"/?q={PAGED_QUERY}&side=99")  # an old link, or a hand-edited one
    pager = tab.locator("minutes-search nav.pager")
    expect(pager).to_contain_text(re.compile(r"Side (\d+) af \1(?!\d)"))
    expect(tab.locator("minutes-search li.hit").first).to_be_visible()
    assert "side=99" not in tab.url
    pager.get_by_role("button", name="Forrige").click()
    expect(pager.get_by_role("button", name="Næste")).to_be_enabled()
    assert _focused(tab) == "hit-title"  # the focus goes on to the new page's first hit, not to the page body


def test_the_item_page_leads_back_to_the_search_it_was_opened_from(server, tab):
    tab.goto(server + "/?q=l%C3%A6gevagt&year=2023")
    tab.locator("minutes-search li.hit .hit-title").first.click()
    crumb = tab.locator("p.crumbs a")
    expect(crumb).to_have_text("Søgning")
    crumb.click()
    expect(tab.locator("minutes-search [role=status]")).to_have_text(re.compile(r"^\d+ resultat.* for »lægevagt«$"))
    assert "year=2023" in tab.url


# -- following and export -----------------------------------------------------------------------
def test_follow_the_search_shows_the_feed_url_for_query_and_filters(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        tab.goto(server + "/?q=dagsorden")
        status = tab.locator("minutes-search [role=status]").first
        expect(status).to_have_text(COUNT)
        tab.locator("minutes-search select[name=body]").select_option("KD-Net")
        expect(tab.locator("minutes-search .meta").first).to_contain_text("KD-Net")

        follow = tab.get_by_role("button", name="Følg søgningen")
        expect(follow).to_be_visible()
        follow.click()
        expect(follow).to_have_attribute("aria-expanded", "true")
        field = tab.locator("minutes-search input.feed-url")
        expect(field).to_be_visible()
        feed = field.input_value()
        assert feed.startswith(server + "/feed.atom?")
        assert "q=dagsorden" in feed and "body=KD-Net" in feed
        link = tab.locator('head link[rel="alternate"][type="application/atom+xml"]')
        expect(link).to_have_attribute("href", feed)

        tab.get_by_role("button", name="Kopiér").click()
        expect(tab.locator("minutes-search .copied")).to_have_text("Kopieret")
        assert tab.evaluate("navigator.clipboard.readText()") == feed
        status_code, headers, body = _get(feed)
        assert status_code == 200 and headers["content-type"].startswith("application/atom+xml")
        assert b"<feed" in body and b"KD-Net" in body
        shot(tab, "follow-search.png")

        csv_link = tab.get_by_role("link", name="Hent som CSV")
        href = csv_link.get_attribute("href")
        assert "/search.csv?" in href and "q=dagsorden" in href and "body=KD-Net" in href
        with tab.expect_download() as download:
            csv_link.click()
        assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbfUdvalg;")

        box = tab.locator("minutes-search input[role=combobox]")  # a new search: a new feed address
        box.fill("lægevagt")
        box.press("Enter")
        expect(field).to_have_value(re.compile(r"q=l%C3%A6gevagt"))
        expect(link).to_have_attribute("href", re.compile(r"q=l%C3%A6gevagt.*body=KD-Net"))
    finally:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_widget_offers_to_follow_the_search(server, tab):
    search_in_widget(tab, server, "lægevagt")
    tab.get_by_role("button", name="Følg søgningen").click()
    feed = tab.locator("minutes-search input.feed-url").input_value()
    assert feed == server + "/feed.atom?q=l%C3%A6gevagt"


def test_item_page_lists_its_meetings_agenda_a_click_away(server, tab):
    import json

    meeting = json.loads(_get(server + "/meetings/kd-net-2023-06-02-1000")[2])
    tab.goto(server + "/punkt/kd-net-2023-06-02-1000-50")
    agenda = tab.locator("section.agenda")
    expect(agenda.locator("h2")).to_have_text(f"Mødets dagsorden ({len(meeting['items'])} punkter)")
    entries = agenda.locator("ol.agenda-list li")
    expect(entries).to_have_count(len(meeting["items"]))
    expect(agenda.locator("[aria-current=page]")).to_have_text("50. Lægevagten")  # this item, not a link
    other = next(i for i in meeting["items"] if i["item_number"] != 50)
    agenda.get_by_role("link", name=f"{other['item_number']}. {other['title']}").click()
    tab.wait_for_url(re.compile(re.escape(f"/punkt/{other['id']}") + "$"))
    expect(tab.locator("main h1")).to_contain_text(other["title"])
    expect(tab.locator("section.agenda [aria-current=page]")).to_contain_text(other["title"])


def test_item_page_lists_similar_items_and_follows_the_case(server, tab):
    tab.goto(server + "/punkt/kd-net-2023-06-02-1000-50")
    expect(tab.locator("main h1")).to_have_text("Lægevagten")
    similar = tab.locator("section.similar")
    expect(similar.locator("h2")).to_have_text("Lignende punkter")
    links = similar.locator("ol.similar-list a")
    expect(links.first).to_be_visible()
    count = links.count()
    assert 5 <= count <= 10
    titles = links.all_inner_texts()
    assert "Lægevagten" not in titles
    first_title = titles[0]
    shot(tab, "item-similar.png", full_page=True)
    links.first.click()
    tab.wait_for_url(re.compile(r"/punkt/"))
    expect(tab.locator("main h1")).to_contain_text(first_title.split(" (")[0])

    # an item with a case number offers its case feed
    tab.goto(server + "/punkt/kd-net-2023-04-14-1000-29")
    box = tab.locator(".follow-case")
    expect(box.get_by_role("link", name="Følg sagen")).to_have_attribute("href", re.compile(r"/feed\.atom\?case=00\.01\.10-A00-2-23$"))
    feed = box.locator("input.feed-url").input_value()
    status_code, _, body = _get(feed)
    assert status_code == 200 and body.count(b"<entry>") >= 2
