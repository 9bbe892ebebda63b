/* Item page (/punkt/{id}): fetches /items/{id} and shows the whole agenda item.
 * All server text goes in through textContent; nothing from the data is parsed as HTML. */
(() => {
  "use strict";

  const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
    "september", "oktober", "november", "december"];

  /** "2023-06-02" -> "2. juni 2023" (same as the widget; a few lines are cheaper than a module loader). */
  function danishDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : String(iso || "");
  }

  function shorten(text, max) {
    const flat = String(text || "").replace(/\s+/g, " ").trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max);
    const space = cut.lastIndexOf(" ");
    return (space > max * 0.6 ? cut.slice(0, space) : cut) + "…";
  }

  function h(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((c) => c != null));
    return node;
  }

  const main = document.getElementById("item");
  // The page is /punkt/{id}; the API is two levels up from here wherever the service is mounted.
  const itemId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const itemUrl = (id) => new URL(encodeURIComponent(id), location.href).href;

  const BULLET = /^[-•*]\s+/;

  /** Paragraphs split on blank lines (single breaks kept by CSS); a block of "- " lines becomes a list. */
  function paragraphs(text) {
    return String(text || "").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => {
      const lines = p.split("\n");
      return lines.every((l) => BULLET.test(l))
        ? h("ul", {}, ...lines.map((l) => h("li", { text: l.replace(BULLET, "") })))
        : h("p", { text: p });
    });
  }

  function facts(item) {
    const when = [danishDate(item.meeting_date), item.meeting_time ? `kl. ${item.meeting_time}` : null].filter(Boolean).join(" ");
    const rows = [
      ["Udvalg", item.body],
      ["Møde", when],
      ["Sted", item.location],
      ["Punkt", item.item_number != null ? String(item.item_number) : null],
      ["Sagsnummer", item.case_number],
      ["Fremlagt af", item.presenter],
    ].filter(([, value]) => value);
    return h("dl", { class: "facts" }, ...rows.flatMap(([label, value]) => [h("dt", { text: label }), h("dd", { text: value })]));
  }

  function section(s) {
    return h("section", { class: `section ${s.kind === "decision" ? "decision" : ""}`.trim(), "data-kind": s.kind },
      h("h2", { text: s.heading || (s.kind === "decision" ? "Beslutning" : "Tekst") }),
      ...paragraphs(s.text));
  }

  function history(item) {
    const entries = [...(item.case_history || [])];
    if (entries.length && !entries.some((e) => e.id === item.id)) entries.push(item); // show where this item sits
    entries.sort((a, b) =>
      String(a.meeting_date).localeCompare(String(b.meeting_date)) || (a.item_number ?? 0) - (b.item_number ?? 0));
    if (entries.length < 2 && (!entries.length || entries[0].id === item.id)) return null; // only this item
    return h("section", { class: "case-history" },
      h("h2", { text: "Sagsforløb" }),
      h("ol", { class: "history" }, ...entries.map((e) => {
        const current = e.id === item.id;
        const title = current
          ? h("strong", { text: e.title, "aria-current": "page" })
          : h("a", { href: itemUrl(e.id), text: e.title });
        const when = [danishDate(e.meeting_date), e.body, e.item_number != null ? `punkt ${e.item_number}` : null];
        return h("li", { class: current ? "current" : null },
          h("span", { class: "when", text: when.filter(Boolean).join(" · ") }), title,
          e.decision ? h("span", { class: "decision", text: `Beslutning: ${shorten(e.decision, 200)}` }) : null);
      })));
  }

  function render(item) {
    document.title = `${item.title} – Referatsøgning`;
    const sections = Array.isArray(item.sections) ? item.sections : [];
    const attachments = Array.isArray(item.attachments) ? item.attachments : [];
    main.replaceChildren(...[
      h("p", { class: "crumbs" }, h("a", { href: "../", text: "Søgning" }), ` › ${item.body || ""}`),
      h("h1", {}, item.title || "(uden titel)", item.closed ? h("span", { class: "badge", text: "Lukket punkt" }) : null),
      facts(item),
      // The attachment list is shown once, from the item's own list, when there is one.
      ...sections.filter((s) => !(s.kind === "attachments" && attachments.length)).map(section),
      attachments.length ? h("section", { class: "section attachments" },
        h("h2", { text: "Bilag" }),
        h("ul", { class: "attachments" }, ...attachments.map((a) => h("li", { text: a })))) : null,
      history(item),
    ].filter(Boolean));
    if (item.restricted) {
      main.append(h("p", { class: "notice closed", text: "Lukket punkt: indholdet kan kun ses af dem, der har adgang til det." }));
    } else if (!sections.length) {
      main.append(h("p", { class: "notice", text: "Punktet har ingen tekst." }));
    }
  }

  function fail(message) {
    document.title = "Referatsøgning";
    main.replaceChildren(h("p", { class: "notice error", text: message }),
      h("p", {}, h("a", { href: "../", text: "Til søgningen" })));
  }

  async function load() {
    try {
      // Same origin: the sign-on's cookies (through the reverse proxy) go along, so staff see closed items.
      const res = await fetch(new URL(`../items/${encodeURIComponent(itemId)}`, location.href),
        { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (res.status === 404) return fail("Punktet findes ikke. Det kan være fjernet eller flyttet.");
      if (res.status === 401) return fail("Dit login kunne ikke bekræftes. Log ind igen, og prøv igen.");
      if (!res.ok) return fail("Søgetjenesten kan ikke nås lige nu");
      render(await res.json());
    } catch {
      fail("Søgetjenesten kan ikke nås lige nu");
    }
  }

  load();
})();
