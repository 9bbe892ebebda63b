/* <minutes-search>: the search box for municipal meeting minutes.
 *
 * Drop-in: <script src="https://host/widget.js"></script> <minutes-search></minutes-search>
 * Attributes: api (default: where this script came from), limit, placeholder, body (preset committee),
 * facets (sidebar with filters and sorting), pager (pagination), history (keep the search in the URL),
 * action (Enter opens the full search page instead of showing results inline; value = its URL,
 * default the service's own page), mode (hybrid | keyword | semantic; default: the server's), autofocus.
 * Event: "querychange" (detail.q) whenever the box starts a search or clears it.
 * With results shown, »Følg søgningen« offers the Atom feed of the current search and filters (and the
 * full page, with `history`, keeps a <link rel="alternate" type="application/atom+xml"> in its head);
 * with `pager`, »Hent som CSV« downloads the result list.
 * Sign-on (closed items are shown only to callers allowed to see them):
 *   credentials="include"        send the intranet's cookies to a service on another origin (the service must
 *                                list the page's origin in MINUTES_CREDENTIAL_ORIGINS); same origin: always sent
 *   token-provider="fnName"      a global function returning (a promise of) an access token, sent as Bearer;
 *                                or set the element's `tokenProvider` property to a function
 *
 * Everything renders in Shadow DOM so the host page's CSS cannot break it and ours cannot leak out.
 * Server text is only ever set with textContent; the snippet's <mark> tags become real elements.
 */
(() => {
  "use strict";
  if (customElements.get("minutes-search")) return; // script included twice: keep the first

  // The folder the script was loaded from (not just the origin), so a deployment under a path prefix
  // works without configuration. Must be read now: currentScript is null once loading is over.
  const SCRIPT_BASE = (() => {
    const src = document.currentScript && document.currentScript.src;
    return (src ? new URL(".", src).href : location.origin + "/").replace(/\/+$/, "");
  })();

  const DEBOUNCE_MS = 180; // long enough to skip keystrokes mid-word, short enough to feel instant
  const MIN_CHARS = 2;
  const TIMEOUT_MS = 15000;
  const SUGGEST_LIMIT = 8;
  const DECISION_CHARS = 180;
  const MODES = ["hybrid", "keyword", "semantic"];

  const TEXT = {
    label: "Søg i referater",
    submit: "Søg",
    loading: "Henter…",
    unreachable: "Søgetjenesten kan ikke nås lige nu",
    retry: "Prøv igen",
    signIn: "Dit login kunne ikke bekræftes. Log ind igen, og prøv igen.",
    badQuery: "Søgningen kan ikke udføres: den er for lang, eller en afgrænsning er ugyldig. Ret den, og søg igen.",
    noResults: (q) => `Ingen resultater for »${q}«`,
    tryInstead: "Prøv med færre ord, en anden stavemåde eller et beslægtet ord.",
    trySemantic: "Søg efter betydning",
    didYouMean: "Mente du:",
    byMeaning: "Ingen punkter indeholder ordene; her er punkter, der handler om det samme.",
    meaningMode: "Søgt efter betydning: punkter, der handler om det samme, også når ordene er andre.",
    asMinutes: (oldest) => `Vist som i referaterne: de nævnte udvalgs og datoers møder først, ${oldest ? "ældste" : "nyeste"} møde først, punkterne i dagsordenens rækkefølge.`,
    filtered: "Søgningen er afgrænset til et udvalg eller år.",
    clearFilters: "Søg uden afgrænsning",
    trySemanticWhy: "finder punkter om det samme, også når ordene er andre",
    count: (n, q) => `${n.toLocaleString("da-DK")} ${n === 1 ? "resultat" : "resultater"} for »${q}«`,
    body: "Udvalg",
    allBodies: "Alle udvalg",
    year: "År",
    allYears: "Alle år",
    sort: "Sortering",
    byRelevance: "Bedste match",
    byDate: "Nyeste først",
    decision: "Beslutning",
    item: (n) => `punkt ${n}`,
    prev: "Forrige",
    next: "Næste",
    page: (p, n) => `Side ${p} af ${n}`,
    showAll: (n) => `Vis alle ${n.toLocaleString("da-DK")} resultater`,
    suggestions: "Forslag",
    results: "Søgeresultater",
    filters: "Afgræns søgningen",
    follow: "Følg søgningen",
    followHelp: "Indsæt adressen i din nyhedslæser (RSS/Atom) eller Outlook for at få nye punkter for denne søgning.",
    feedUrl: "Adresse på feed",
    copy: "Kopiér",
    copied: "Kopieret",
    copyByHand: "Markeret: tryk Ctrl+C for at kopiere",
    csv: "Hent som CSV",
    feedTitle: (q) => `Nye punkter for »${q}«`,
    closed: "Lukket punkt",
  };

  const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
    "september", "oktober", "november", "december"];

  /** "2023-06-02" -> "2. juni 2023"; anything else is shown as given. */
  function danishDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(iso || "");
  }

  /** First `max` characters, cut at a word boundary: the decision "in short" (the rule of the server's
   * corpus/textclean.py cut_at_word: back to a space unless that loses over half; punctuation before "…" goes). */
  function shorten(text, max) {
    const flat = String(text || "").replace(/\s+/g, " ").trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max);
    const space = cut.lastIndexOf(" ");
    return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, "") + "…";
  }

  const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  /** Undo the server's HTML escaping so the text can go into textContent (which escapes it again). */
  function unescapeHtml(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e) => {
      if (e[0] !== "#") return NAMED[e.toLowerCase()] ?? all;
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    });
  }

  /** Snippet (escaped text + <mark>) -> text nodes and <mark> elements. Nothing else becomes markup. */
  function snippetFragment(snippet) {
    const frag = document.createDocumentFragment();
    let mark = null;
    for (const part of String(snippet || "").split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>") {
        mark = mark || document.createElement("mark");
      } else if (part === "</mark>") {
        if (mark) frag.append(mark);
        mark = null;
      } else if (part) {
        (mark || frag).append(document.createTextNode(unescapeHtml(part)));
      }
    }
    if (mark) frag.append(mark);
    return frag;
  }

  /** Tiny element builder: properties are set as properties (text -> textContent, never innerHTML). */
  function h(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("aria-") || key === "role" || key.startsWith("data-")) node.setAttribute(key, value);
      else node[key] = value;
    }
    node.append(...children.filter((c) => c != null));
    return node;
  }

  const CSS = `
    :host { all: initial; display: block; }
    :host([hidden]) { display: none; }
    /* Reset again inside: the host element itself can still be hit by the page's "*" rules. */
    .root {
      all: initial; display: block; box-sizing: border-box; position: relative;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: var(--minutes-font-size, 16px); line-height: 1.5; color: #1d2433; text-align: left;
      --accent: var(--minutes-accent, #0b5cad);
      --muted: #5b6475; --line: #d5dae3; --soft: #f3f6fa;
    }
    .root *, .root *::before, .root *::after { box-sizing: border-box; }
    [hidden] { display: none !important; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

    form { position: relative; margin: 0; }
    .field { display: flex; gap: 0; border: 1px solid #8a93a5; border-radius: 8px; background: #fff; overflow: hidden; }
    .field:focus-within { border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 25%, transparent); }
    input, select, button { font: inherit; color: inherit; margin: 0; letter-spacing: normal; text-transform: none; }
    input {
      flex: 1; min-width: 0; border: 0; outline: 0; background: transparent; padding: .65em .85em;
      font-size: 1.05em; color: #1d2433; -webkit-appearance: none; appearance: none;
    }
    input::placeholder { color: #767f90; opacity: 1; }
    input::-webkit-search-cancel-button { cursor: pointer; }
    button {
      cursor: pointer; border: 0; border-radius: 0; background: var(--accent); color: #fff;
      padding: 0 1.2em; font-weight: 600;
    }
    button:hover { filter: brightness(1.1); }
    button:focus-visible, select:focus-visible { outline: 3px solid color-mix(in srgb, var(--accent) 45%, transparent); outline-offset: 1px; }

    [role="listbox"] {
      position: absolute; z-index: 1000; left: 0; right: 0; top: calc(100% + 4px); margin: 0; padding: 4px 0;
      list-style: none; background: #fff; border: 1px solid var(--line); border-radius: 8px;
      box-shadow: 0 8px 24px rgba(20, 30, 50, .16); max-height: 22em; overflow-y: auto;
    }
    [role="option"] { padding: .45em .85em; cursor: pointer; display: block; }
    [role="option"][aria-selected="true"], [role="option"]:hover { background: var(--soft); }
    [role="option"][aria-selected="true"] { box-shadow: inset 3px 0 0 var(--accent); }
    .opt-title { display: block; font-weight: 600; color: #1d2433; }
    .opt-meta, .meta { display: block; font-size: .85em; color: var(--muted); }

    .layout { display: block; }
    .filters { display: flex; flex-wrap: wrap; gap: .5em 1em; margin: .75em 0 0; padding: 0; border: 0; }
    .filters label { display: flex; flex-direction: column; font-size: .85em; color: var(--muted); gap: .15em; }
    select {
      min-width: 10em; max-width: 100%; padding: .35em .5em; border: 1px solid #8a93a5; border-radius: 6px;
      background: #fff; color: #1d2433; font-size: 1rem;
    }
    :host(:not([facets])) .sort { display: none; }
    :host([facets]) .layout { display: grid; grid-template-columns: minmax(12em, 15em) 1fr; gap: 1.5em; margin-top: 1em; }
    :host([facets]) .filters { flex-direction: column; align-self: start; margin: 0; }
    :host([facets]) .filters[hidden] + .main { grid-column: 1 / -1; } /* no filters yet: the full width */
    :host([facets]) select { width: 100%; }
    @media (max-width: 640px) {
      :host(:not([facets])) .sort { display: none; }
    :host([facets]) .layout { display: block; }
      :host([facets]) .filters { flex-direction: row; margin-bottom: .75em; }
      :host([facets]) .filters label { flex: 1 1 8em; }
    }

    .status { margin: .75em 0 .25em; font-size: .9em; color: var(--muted); }
    .status:empty { margin: 0; }
    :host([action]) .layout { display: none; }
    .status.error { color: #8a1c1c; }
    .status button { margin-left: .75em; padding: .2em .8em; border-radius: 6px; font-size: .9em; }
    .busy ol { opacity: .55; transition: opacity .15s; }

    ol.results { list-style: none; margin: 0; padding: 0; }
    .hit { position: relative; padding: .75em .6em; border-radius: 8px; }
    .hit + .hit::before { content: ""; position: absolute; top: 0; left: .6em; right: .6em; border-top: 1px solid var(--line); }
    .hit:hover { background: var(--soft); }
    .hit:focus-within { outline: 3px solid color-mix(in srgb, var(--accent) 45%, transparent); outline-offset: -3px; background: var(--soft); }
    .hit-title { font-size: 1.08em; font-weight: 600; color: var(--accent); text-decoration: none; outline: 0; }
    .hit-title:hover { text-decoration: underline; }
    /* The whole card is the link's click target; the title stays the one focusable element. */
    .hit-title::after { content: ""; position: absolute; inset: 0; }
    .snippet, .decision { margin: .3em 0 0; font-size: .95em; }
    .snippet { color: #2b3342; }
    /* Keep each hit to a glance: the item page has the full text. */
    .snippet, .decision { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
    .snippet { -webkit-line-clamp: 3; }
    .decision { -webkit-line-clamp: 2; }
    mark { background: #ffe58a; color: inherit; padding: 0 .1em; border-radius: 2px; }
    .decision { color: #2b3342; }
    .decision b { font-weight: 600; }
    .badge { display: inline-block; margin-left: .5em; padding: 0 .45em; border-radius: 4px; background: #fde8c8;
      color: #6b3d00; font-size: .78em; font-weight: 600; vertical-align: .1em; }

    nav.pager { display: flex; align-items: center; justify-content: space-between; gap: 1em; margin-top: 1em; }
    nav.pager button { padding: .45em 1em; border-radius: 6px; }
    nav.pager button:disabled { background: #c9ced8; color: #555d6b; cursor: default; filter: none; }
    .tools { display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1em; margin: .25em 0 .5em; font-size: .9em; }
    .tools button.follow { background: transparent; color: var(--accent); border: 1px solid var(--accent);
      border-radius: 6px; padding: .25em .8em; }
    .tools a { color: var(--accent); font-weight: 600; text-decoration: none; }
    .tools a:hover { text-decoration: underline; }
    .followbox { width: 100%; margin: .25em 0 .5em; padding: .6em .8em; background: var(--soft); border-radius: 8px; }
    .followbox p { margin: 0 0 .4em; color: var(--muted); }
    .followbox .row { display: flex; gap: .5em; }
    .followbox input { border: 1px solid #8a93a5; border-radius: 6px; padding: .35em .5em; font-size: .95em; background: #fff; }
    .followbox button { border-radius: 6px; padding: .35em 1em; }
    .followbox .copied { display: block; margin-top: .3em; color: var(--muted); }
    .more { display: inline-block; margin-top: .75em; color: var(--accent); font-weight: 600; text-decoration: none; }
    .more:hover { text-decoration: underline; }
    .hint { margin: .25em 0 .75em; font-size: .95em; color: #2b3342; }
    .hint p { margin: .2em 0; }
    button.link { background: none; color: var(--accent); padding: 0; font-weight: 600; text-decoration: underline; }
  `;

  // Constructed stylesheets are not blocked by a host page's strict style-src CSP, unlike <style>.
  let sheet = null;
  function applyStyles(shadow) {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      shadow.append(h("style", { text: CSS }));
    }
  }

  let instances = 0;

  class MinutesSearch extends HTMLElement {
    static get observedAttributes() { return ["placeholder", "body", "api", "limit"]; }

    constructor() {
      super();
      this.uid = `ms${++instances}`;
      this.shadow = this.attachShadow({ mode: "open" }); // open: assistive tech and tests may look in
      applyStyles(this.shadow);
      this.state = { q: "", body: "", year: "", sort: "relevance", offset: 0, mode: "" }; // mode: "Søg efter betydning"
      this.facetOptions = { body: [], year: [] }; // kept while a dimension is filtered, see keepFacets
      this.facetQuery = null;
      this.lastResponse = null;
      this.suggestions = [];
      this.active = -1;
      this.suggestSeq = 0;
      this.onPopState = () => this.restoreFromUrl();
      this.build();
    }

    // -- attributes -----------------------------------------------------------------------
    get api() { return (this.getAttribute("api") || SCRIPT_BASE).replace(/\/+$/, ""); }
    get limit() {
      const n = parseInt(this.getAttribute("limit"), 10);
      return n > 0 ? Math.min(n, 100) : 10;
    }
    itemUrl(id) { return `${this.api}/punkt/${encodeURIComponent(id)}`; }
    /** Cookies: same-origin by default; "include" when the page says so (the service must allow its origin). */
    get credentials() {
      const value = this.getAttribute("credentials");
      return value === "include" || value === "omit" ? value : "same-origin";
    }

    /** The host page's access token, if it provides one: the `tokenProvider` property, or the global function
     * named by the token-provider attribute. No token (or a failing provider) means searching as the public. */
    async accessToken() {
      const name = this.getAttribute("token-provider");
      const provider = typeof this.tokenProvider === "function" ? this.tokenProvider
        : name && typeof window[name] === "function" ? window[name] : null;
      if (!provider) return "";
      try {
        const token = await provider();
        return typeof token === "string" ? token.trim() : "";
      } catch {
        return "";
      }
    }

    attributeChangedCallback(name) {
      if (name === "placeholder") this.$input.placeholder = this.getAttribute("placeholder") || TEXT.label;
      if (name === "body" && !this.state.q) this.state.body = this.getAttribute("body") || "";
    }

    connectedCallback() {
      if (this.hasAttribute("history")) window.addEventListener("popstate", this.onPopState);
      if (this.started) return; // moved in the page: keep what the user has done
      this.started = true;
      // Attributes are read here, not in the constructor: the parser may add them after construction.
      this.$input.placeholder = this.getAttribute("placeholder") || TEXT.label;
      this.state.body = this.getAttribute("body") || "";
      if (this.hasAttribute("history")) this.restoreFromUrl();
      if (this.hasAttribute("autofocus")) requestAnimationFrame(() => this.$input.focus());
    }

    disconnectedCallback() {
      clearTimeout(this.debounce);
      this.suggestCtl?.abort();
      this.searchCtl?.abort();
      window.removeEventListener("popstate", this.onPopState);
    }

    // -- DOM ------------------------------------------------------------------------------
    build() {
      const id = (s) => `${this.uid}-${s}`;
      this.$input = h("input", {
        id: id("q"), type: "search", role: "combobox", autocomplete: "off",
        enterKeyHint: "search", "aria-autocomplete": "list", "aria-expanded": "false",
        "aria-controls": id("list"),
      });
      this.$input.setAttribute("spellcheck", "false");
      this.$list = h("ul", { id: id("list"), role: "listbox", hidden: true, "aria-label": TEXT.suggestions });
      this.$form = h("form", { role: "search", noValidate: true },
        h("label", { class: "sr", htmlFor: id("q"), text: TEXT.label }),
        h("div", { class: "field" }, this.$input, h("button", { type: "submit", text: TEXT.submit })),
        this.$list);

      this.$body = h("select", { name: "body" });
      this.$year = h("select", { name: "year" });
      this.$sort = h("select", { name: "sort" },
        h("option", { value: "relevance", text: TEXT.byRelevance }),
        h("option", { value: "date", text: TEXT.byDate }));
      this.$filters = h("div", { class: "filters", role: "group", "aria-label": TEXT.filters, hidden: true },
        h("label", {}, TEXT.body, this.$body),
        h("label", {}, TEXT.year, this.$year),
        h("label", { class: "sort" }, TEXT.sort, this.$sort));

      this.$status = h("div", { class: "status", role: "status", "aria-live": "polite" });
      this.$results = h("ol", { class: "results", "aria-label": TEXT.results });
      this.$prev = h("button", { type: "button", text: TEXT.prev });
      this.$next = h("button", { type: "button", text: TEXT.next });
      this.$pageInfo = h("span", {});
      this.$pager = h("nav", { class: "pager", hidden: true, "aria-label": "Sider" }, this.$prev, this.$pageInfo, this.$next);
      this.$more = h("a", { class: "more", hidden: true });
      this.$followBtn = h("button", { type: "button", class: "follow", text: TEXT.follow, "aria-expanded": "false",
        "aria-controls": id("follow") });
      this.$csv = h("a", { class: "csv", text: TEXT.csv, hidden: true });
      this.$feedUrl = h("input", { id: id("feed"), type: "url", readOnly: true, class: "feed-url" });
      this.$copy = h("button", { type: "button", class: "copy", text: TEXT.copy });
      this.$copied = h("span", { class: "copied", "aria-live": "polite" }); // no role=status: the widget has one status
      this.$followBox = h("div", { id: id("follow"), class: "followbox", hidden: true },
        h("p", { text: TEXT.followHelp }),
        h("label", { class: "sr", htmlFor: id("feed"), text: TEXT.feedUrl }),
        h("div", { class: "row" }, this.$feedUrl, this.$copy), this.$copied);
      this.$tools = h("div", { class: "tools", hidden: true }, this.$followBtn, this.$csv, this.$followBox);
      this.$semantic = h("button", { type: "button", class: "link", text: TEXT.trySemantic });
      this.$clearFilters = h("button", { type: "button", class: "link", text: TEXT.clearFilters });
      this.$filtered = h("p", { class: "filtered", hidden: true }, `${TEXT.filtered} `, this.$clearFilters);
      this.$hint = h("div", { class: "hint", hidden: true },
        this.$filtered,
        h("p", { text: TEXT.tryInstead }),
        h("p", { class: "semantic" }, this.$semantic, ` – ${TEXT.trySemanticWhy}`));
      this.$didYouMeanLink = h("button", { type: "button", class: "link did-you-mean" });
      this.$didYouMean = h("p", { class: "did-you-mean", hidden: true }, `${TEXT.didYouMean} `, this.$didYouMeanLink);
      this.$byMeaning = h("p", { class: "by-meaning", hidden: true, text: TEXT.byMeaning });
      this.$asMinutes = h("p", { class: "as-minutes", hidden: true, text: TEXT.asMinutes(false) });
      this.$main = h("div", { class: "main" }, this.$status, this.$didYouMean, this.$byMeaning, this.$asMinutes, this.$tools, this.$hint,
        this.$results, this.$pager, this.$more);
      this.$root = h("div", { class: "root" }, this.$form, h("div", { class: "layout" }, this.$filters, this.$main));
      this.shadow.append(this.$root);

      this.$input.addEventListener("input", () => this.onInput());
      this.$input.addEventListener("keydown", (e) => this.onInputKey(e));
      this.$input.addEventListener("blur", () => setTimeout(() => this.closeList(), 120));
      this.$form.addEventListener("submit", (e) => { e.preventDefault(); this.submit(); });
      // mousedown (not click) so the input keeps focus and blur does not close the list first
      this.$list.addEventListener("mousedown", (e) => {
        const opt = e.target.closest("[role=option]");
        if (opt) { e.preventDefault(); this.choose(Number(opt.dataset.index)); }
      });
      this.$results.addEventListener("keydown", (e) => this.onResultsKey(e));
      this.$body.addEventListener("change", () => this.refine({ body: this.$body.value }));
      this.$year.addEventListener("change", () => this.refine({ year: this.$year.value }));
      this.$sort.addEventListener("change", () => this.refine({ sort: this.$sort.value }));
      this.$followBtn.addEventListener("click", () => this.toggleFollow());
      this.$copy.addEventListener("click", () => this.copyFeedUrl());
      this.$feedUrl.addEventListener("focus", () => this.$feedUrl.select());
      this.$prev.addEventListener("click", () => this.page(-1));
      this.$next.addEventListener("click", () => this.page(1));
      // The buttons below hide themselves once used: the box keeps the focus, not the page's body.
      this.$semantic.addEventListener("click", () => {
        this.$input.focus();
        this.search({ mode: "semantic", offset: 0 }, { push: true });
      });
      this.$clearFilters.addEventListener("click", () => {
        this.$input.focus();
        this.search({ body: this.getAttribute("body") || "", year: "", offset: 0 }, { push: true });
      });
      this.$didYouMeanLink.addEventListener("click", () => {
        this.$input.value = this.$didYouMeanLink.textContent;
        this.$input.focus();
        this.search({ q: this.$input.value, offset: 0, mode: "" }, { push: true });
      });
    }

    // -- suggestions (combobox) ------------------------------------------------------------
    onInput() {
      clearTimeout(this.debounce);
      const q = this.$input.value.trim();
      if (q.length < MIN_CHARS) { this.suggestCtl?.abort(); this.closeList(); return; }
      this.debounce = setTimeout(() => this.fetchSuggestions(q), DEBOUNCE_MS);
    }

    async fetchSuggestions(q) {
      this.suggestCtl?.abort(); // only the newest keystroke's answer matters
      const ctl = (this.suggestCtl = new AbortController());
      const seq = ++this.suggestSeq;
      try {
        const data = await this.getJson("suggest", { q, limit: SUGGEST_LIMIT }, ctl);
        if (seq !== this.suggestSeq || this.shadow.activeElement !== this.$input) return; // stale, or user left
        let list = Array.isArray(data.suggestions) ? data.suggestions : [];
        if (this.state.body) list = list.filter((s) => s.body === this.state.body);
        this.showSuggestions(list);
      } catch {
        if (seq === this.suggestSeq) this.closeList(); // suggestions are a nicety: fail quietly
      }
    }

    showSuggestions(list) {
      this.suggestions = list;
      this.active = -1;
      this.$list.replaceChildren(...list.map((s, i) => h("li", {
        id: `${this.uid}-opt-${i}`, role: "option", "aria-selected": "false", "data-index": String(i),
      }, h("span", { class: "opt-title", text: s.title }),
      h("span", { class: "opt-meta", text: [s.body, danishDate(s.meeting_date)].filter(Boolean).join(" · ") }))));
      this.setOpen(list.length > 0);
    }

    setOpen(open) {
      this.$list.hidden = !open;
      this.$input.setAttribute("aria-expanded", String(open));
      if (!open) this.setActive(-1);
    }

    closeList() { this.setOpen(false); }
    get listOpen() { return !this.$list.hidden; }

    setActive(i) {
      const opts = this.$list.children;
      if (opts[this.active]) opts[this.active].setAttribute("aria-selected", "false");
      this.active = i;
      if (opts[i]) {
        opts[i].setAttribute("aria-selected", "true");
        opts[i].scrollIntoView({ block: "nearest" });
        this.$input.setAttribute("aria-activedescendant", opts[i].id);
      } else {
        this.$input.removeAttribute("aria-activedescendant");
      }
    }

    choose(i) {
      const s = this.suggestions[i];
      if (s) location.assign(this.itemUrl(s.id));
    }

    onInputKey(e) {
      if (e.isComposing) return;
      const n = this.suggestions.length;
      switch (e.key) {
        case "ArrowDown":
          e.preventDefault();
          if (this.listOpen) this.setActive(this.active + 1 >= n ? -1 : this.active + 1);
          else if (this.resultsShownFor(this.$input.value)) this.focusResult(0);
          else if (n) { this.setOpen(true); this.setActive(0); }
          break;
        case "ArrowUp":
          if (!this.listOpen) break;
          e.preventDefault();
          this.setActive(this.active <= -1 ? n - 1 : this.active - 1);
          break;
        case "Enter":
          if (this.listOpen && this.active >= 0) { e.preventDefault(); this.choose(this.active); }
          break; // otherwise the form submits: full results
        case "Escape":
          if (this.listOpen) { e.preventDefault(); this.closeList(); }
          break;
        case "Tab":
          this.closeList();
          break;
      }
    }

    // -- results -------------------------------------------------------------------------
    resultsShownFor(text) {
      return this.lastResponse && this.$results.children.length > 0 && text.trim() === this.state.q;
    }

    resultLinks() { return [...this.$results.querySelectorAll("a.hit-title")]; }

    focusResult(i) {
      const links = this.resultLinks();
      if (links[i]) links[i].focus();
    }

    onResultsKey(e) {
      const links = this.resultLinks();
      const i = links.indexOf(this.shadow.activeElement);
      if (i < 0) return;
      if (e.key === "ArrowDown") { e.preventDefault(); this.focusResult(Math.min(i + 1, links.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); if (i === 0) this.$input.focus(); else this.focusResult(i - 1); }
      else if (e.key === "Home") { e.preventDefault(); this.focusResult(0); }
      else if (e.key === "End") { e.preventDefault(); this.focusResult(links.length - 1); }
      else if (e.key === "Escape") { e.preventDefault(); this.$input.focus(); }
      // Enter on the focused link follows it natively.
    }

    submit() {
      clearTimeout(this.debounce);
      this.suggestCtl?.abort();
      this.suggestSeq++; // an in-flight suggestion answer must not reopen the list over the results
      this.closeList();
      const q = this.$input.value.trim();
      if (this.hasAttribute("action")) { // a header box: the full page shows the results
        if (!q) return;
        const page = new URL(this.getAttribute("action") || `${this.api}/`, location.href);
        page.search = new URLSearchParams({ q }).toString();
        location.assign(page.href);
        return;
      }
      this.search({ q, offset: 0, mode: "" }, { push: true });
    }

    /** A filter or the sort changed: for the words in the box, also when they were typed but not yet sent. */
    refine(change) {
      const q = this.$input.value.trim();
      const words = q && q !== this.state.q ? { q, mode: "" } : {};
      this.search({ ...change, ...words, offset: 0 }, { push: true });
    }

    page(step) {
      const offset = Math.max(0, this.state.offset + step * this.limit);
      this.search({ offset }, { push: true }).then(() => {
        if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: "start" });
        // the pressed button may now be disabled (the last page): the page's first hit takes the focus
        this.resultLinks()[0]?.focus({ preventScroll: true });
      });
    }

    async search(change, { push = false } = {}) {
      const next = { ...this.state, ...change };
      if (next.q !== this.facetQuery) { // new words: facet lists from the old query no longer apply
        this.facetOptions = { body: [], year: [] };
        this.facetQuery = next.q;
      }
      this.state = next;
      // The page around the box may show something else while there is no search (the archive overview).
      this.dispatchEvent(new CustomEvent("querychange", { detail: { q: next.q }, bubbles: true }));
      if (push) this.writeUrl();
      if (!next.q) { this.clearResults(); return; }

      this.searchCtl?.abort();
      const ctl = (this.searchCtl = new AbortController());
      this.$root.classList.add("busy");
      this.$main.setAttribute("aria-busy", "true");
      this.setStatus(TEXT.loading);
      try {
        const params = { q: next.q, limit: this.limit, offset: next.offset, body: next.body || null, year: next.year || null };
        if (next.sort !== "relevance") params.sort = next.sort;
        const mode = next.mode || this.getAttribute("mode");
        if (MODES.includes(mode)) params.mode = mode;
        const data = await this.getJson("search", params, ctl);
        if (ctl !== this.searchCtl) return;
        this.render(data);
      } catch (err) {
        if (ctl !== this.searchCtl || err.stale) return;
        this.renderError(err);
      } finally {
        if (ctl === this.searchCtl) {
          this.$root.classList.remove("busy");
          this.$main.removeAttribute("aria-busy");
        }
      }
    }

    // -- following and export ---------------------------------------------------------------
    /** The current search and filters as parameters of /feed.atom and /search.csv (not paging or sort). */
    exportParams() {
      const p = new URLSearchParams();
      if (this.state.q) p.set("q", this.state.q);
      if (this.state.body) p.set("body", this.state.body);
      if (this.state.year) p.set("year", this.state.year);
      const mode = this.state.mode || this.getAttribute("mode");
      if (MODES.includes(mode)) p.set("mode", mode);
      return p;
    }

    feedUrl() { return `${this.api}/feed.atom?${this.exportParams().toString()}`; }

    renderTools() {
      const shown = Boolean(this.state.q);
      this.$tools.hidden = !shown;
      const feed = this.feedUrl();
      this.$feedUrl.value = feed;
      this.$copied.textContent = "";
      if (this.hasAttribute("pager")) {
        const p = this.exportParams();
        if (this.state.sort !== "relevance") p.set("sort", this.state.sort);
        this.$csv.href = `${this.api}/search.csv?${p.toString()}`;
        this.$csv.setAttribute("download", "referater.csv");
        this.$csv.hidden = !shown;
      }
      if (this.hasAttribute("history")) this.updateFeedLink(shown ? feed : null);
    }

    /** The full page announces the current search's feed to browsers and feed readers. */
    updateFeedLink(href) {
      let link = document.head.querySelector('link[rel="alternate"][type="application/atom+xml"][data-minutes-search]');
      if (!href) { link?.remove(); return; }
      if (!link) {
        link = document.createElement("link");
        link.rel = "alternate";
        link.type = "application/atom+xml";
        link.setAttribute("data-minutes-search", "");
        document.head.append(link);
      }
      link.href = href;
      link.title = TEXT.feedTitle(this.state.q);
    }

    toggleFollow(open = this.$followBox.hidden) {
      this.$followBox.hidden = !open;
      this.$followBtn.setAttribute("aria-expanded", String(open));
      if (open) { this.$feedUrl.focus(); this.$feedUrl.select(); }
    }

    async copyFeedUrl() {
      const url = this.$feedUrl.value;
      try {
        await navigator.clipboard.writeText(url);
        this.$copied.textContent = TEXT.copied;
      } catch { // no clipboard access (http, or the page's permissions): leave it selected for Ctrl+C
        this.$feedUrl.focus();
        this.$feedUrl.select();
        this.$copied.textContent = TEXT.copyByHand;
      }
    }

    clearResults() {
      this.lastResponse = null;
      this.$tools.hidden = true;
      this.toggleFollow(false);
      if (this.hasAttribute("history")) this.updateFeedLink(null);
      this.$results.replaceChildren();
      this.$filters.hidden = true;
      this.$pager.hidden = true;
      this.$more.hidden = true;
      this.$hint.hidden = true;
      this.$didYouMean.hidden = true;
      this.$byMeaning.hidden = true;
      this.$asMinutes.hidden = true;
      this.setStatus("");
    }

    render(data) {
      const hits = Array.isArray(data.hits) ? data.hits : [];
      const total = Number(data.total) || 0;
      const last = Math.max(0, (Math.ceil(total / this.limit) - 1) * this.limit);
      if (!hits.length && this.state.offset > last) { // a page past the end (an old link): its last page
        this.state.offset = last;
        this.writeUrl({ replace: true });
        this.search({});
        return;
      }
      this.lastResponse = data;
      this.renderFacets(data.facets || {});
      this.$results.replaceChildren(...hits.map((hit) => this.renderHit(hit)));
      this.setStatus(total ? TEXT.count(total, this.state.q) : TEXT.noResults(this.state.q));
      this.$hint.hidden = total > 0;
      const preset = this.getAttribute("body") || "";
      this.$filtered.hidden = !(this.state.year || this.state.body && this.state.body !== preset);
      this.$didYouMean.hidden = !data.did_you_mean;
      this.$didYouMeanLink.textContent = data.did_you_mean || "";
      const byMeaning = this.state.mode === "semantic" && this.getAttribute("mode") !== "semantic";
      this.$byMeaning.textContent = byMeaning ? TEXT.meaningMode : TEXT.byMeaning;
      this.$byMeaning.hidden = !(total > 0 && (data.by_meaning_only || byMeaning));
      this.$asMinutes.textContent = TEXT.asMinutes(Boolean(data.oldest_first));
      this.$asMinutes.hidden = !(total > 0 && data.as_minutes);
      this.$semantic.parentNode.hidden = (this.state.mode || this.getAttribute("mode")) === "semantic";
      this.renderPaging(total, hits.length);
      this.renderTools();
    }

    renderHit(hit) {
      const meta = [hit.body, danishDate(hit.meeting_date), hit.item_number != null ? TEXT.item(hit.item_number) : null];
      const decision = shorten(hit.decision, DECISION_CHARS);
      // A closed item the caller may not see comes as title, date and committee only: say so, show nothing else.
      return h("li", { class: hit.restricted ? "hit restricted" : "hit" },
        h("a", { class: "hit-title", href: this.itemUrl(hit.id), text: hit.title || "(uden titel)" }),
        hit.closed ? h("span", { class: "badge", text: TEXT.closed }) : null,
        h("span", { class: "meta", text: meta.filter(Boolean).join(" · ") }),
        hit.snippet && !hit.restricted ? h("p", { class: "snippet" }, snippetFragment(hit.snippet)) : null,
        decision ? h("p", { class: "decision" }, h("b", { text: `${TEXT.decision}: ` }), decision) : null);
    }

    /** Fill the selects from the response's facets; a filtered dimension keeps its earlier list. */
    renderFacets(facets) {
      for (const [dim, select, allText] of [["body", this.$body, TEXT.allBodies], ["year", this.$year, TEXT.allYears]]) {
        const fresh = Array.isArray(facets[dim]) ? facets[dim].map((f) => ({ value: String(f.value), count: f.count })) : [];
        // The server counts within the current filter, so the chosen committee would otherwise be the only one left.
        if (!this.state[dim] || !this.facetOptions[dim].length) this.facetOptions[dim] = fresh;
        const options = [...this.facetOptions[dim]];
        if (dim === "year") options.sort((a, b) => b.value.localeCompare(a.value));
        const chosen = this.state[dim];
        if (chosen && !options.some((o) => o.value === chosen)) options.unshift({ value: chosen });
        select.replaceChildren(h("option", { value: "", text: allText }),
          ...options.map((o) => h("option", {
            value: o.value, text: o.count != null && !chosen ? `${o.value} (${o.count})` : o.value,
          })));
        select.value = chosen;
      }
      this.$sort.value = this.state.sort;
      this.$filters.hidden = !(this.facetOptions.body.length || this.facetOptions.year.length || this.state.body || this.state.year);
    }

    renderPaging(total, shown) {
      const pages = Math.ceil(total / this.limit);
      if (this.hasAttribute("pager")) {
        const current = Math.floor(this.state.offset / this.limit) + 1;
        this.$pager.hidden = pages <= 1;
        this.$prev.disabled = current <= 1;
        this.$next.disabled = current >= pages;
        this.$pageInfo.textContent = TEXT.page(current, pages);
        this.$more.hidden = true;
      } else {
        // The compact box shows the top hits; the full page has the rest.
        this.$more.hidden = !(total > shown);
        this.$more.textContent = TEXT.showAll(total);
        this.$more.href = `${this.api}/?${this.urlParams().toString()}`;
      }
    }

    /** In Danish, for the user: the service's own reason (English, for developers) goes to the console. A
     * request the service refuses as asked (too long, a bad filter) gains nothing from trying it again. */
    renderError(err) {
      const status = err.status || 0;
      const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;
      const message = status === 401 || status === 403 ? TEXT.signIn : refused ? TEXT.badQuery : TEXT.unreachable;
      if (err.detail) console.warn(`minutes-search: ${status} ${err.detail}`);
      this.$status.replaceChildren(document.createTextNode(message),
        refused ? "" : h("button", { type: "button", text: TEXT.retry, onclick: () => this.search({}) }));
      this.$status.classList.add("error");
      this.lastResponse = null;
      this.$results.replaceChildren(); // stale hits under an error message would mislead
      this.$filters.hidden = true; // (and counts of the search before)
      this.$didYouMean.hidden = true;
      this.$byMeaning.hidden = true;
      this.$asMinutes.hidden = true;
      this.$hint.hidden = true;
      this.$tools.hidden = true;
      this.$pager.hidden = true;
      this.$more.hidden = true;
    }

    setStatus(text) {
      this.$status.classList.remove("error");
      this.$status.textContent = text;
    }

    // -- network -------------------------------------------------------------------------
    /** GET api/path?params as JSON; rejects with {status, detail} or {stale} when aborted by us. */
    async getJson(path, params, ctl) {
      const url = new URL(`${this.api}/${path}`);
      for (const [k, v] of Object.entries(params)) if (v != null && v !== "") url.searchParams.append(k, v);
      let timedOut = false;
      const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, TIMEOUT_MS);
      try {
        const headers = { Accept: "application/json" };
        const token = await this.accessToken();
        if (token) headers.Authorization = `Bearer ${token}`;
        const res = await fetch(url, { signal: ctl.signal, headers, credentials: this.credentials });
        const data = await res.json().catch(() => ({}));
        if (!res.ok) throw Object.assign(new Error("http"), { status: res.status, detail: typeof data.detail === "string" ? data.detail : "" });
        return data;
      } catch (err) {
        if (err.name === "AbortError") throw Object.assign(new Error("aborted"), { stale: !timedOut });
        if (err instanceof TypeError && this.credentials === "include") { // refused by CORS looks the same as down
          console.warn("minutes-search: no answer; with credentials=\"include\" the service must list this page's "
            + `origin (${location.origin}) in MINUTES_CREDENTIAL_ORIGINS`);
        }
        throw err;
      } finally {
        clearTimeout(timer);
      }
    }

    // -- URL state (full page) -------------------------------------------------------------
    urlParams() {
      const p = new URLSearchParams();
      if (this.state.q) p.set("q", this.state.q);
      if (this.state.body) p.set("body", this.state.body);
      if (this.state.year) p.set("year", this.state.year);
      if (this.state.sort !== "relevance") p.set("sort", this.state.sort);
      if (this.state.mode) p.set("mode", this.state.mode); // »Søg efter betydning« chosen on the page
      const page = Math.floor(this.state.offset / this.limit) + 1;
      if (page > 1) p.set("side", String(page));
      return p;
    }

    writeUrl({ replace = false } = {}) {
      if (!this.hasAttribute("history")) return;
      const query = this.urlParams().toString();
      const url = `${location.pathname}${query ? "?" + query : ""}`;
      if (url !== `${location.pathname}${location.search}`) {
        history[replace ? "replaceState" : "pushState"](null, "", url);
      }
      this.baseTitle ??= document.title; // the tab and the browser's history name the search
      document.title = this.state.q ? `${this.state.q} – ${this.baseTitle}` : this.baseTitle;
    }

    restoreFromUrl() {
      const p = new URLSearchParams(location.search);
      const q = (p.get("q") || "").trim();
      const page = Math.max(1, parseInt(p.get("side"), 10) || 1);
      this.$input.value = q;
      this.closeList();
      this.baseTitle ??= document.title;
      document.title = q ? `${q} – ${this.baseTitle}` : this.baseTitle;
      this.search({
        q, mode: MODES.includes(p.get("mode")) ? p.get("mode") : "",
        body: p.get("body") || this.getAttribute("body") || "", year: p.get("year") || "",
        sort: p.get("sort") === "date" ? "date" : "relevance", offset: (page - 1) * this.limit,
      });
    }
  }

  // The one home of the date, shortening and element helpers: the service's own pages (item.js,
  // archive.js) use them from here.
  MinutesSearch.helpers = Object.freeze({ danishDate, shorten, h });
  customElements.define("minutes-search", MinutesSearch);
})();
