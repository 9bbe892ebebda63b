/* Item page (/punkt/{id}): fetches /items/{id} and shows the whole agenda item, »Følg sagen« (the case's
 * Atom feed) when it has a case number, »Mødets dagsorden« from /meetings/{meeting_id}, and »Lignende punkter«
 * from /items/{id}/similar.
 * All server text goes in through textContent; nothing from the data is parsed as HTML. */
(() => {
  "use strict";

  // Dates and shortened decisions look the same here as in the search box: the widget (loaded first,
  // see item.html) is their one home, and of the element builder.
  const { danishDate, shorten, h } = customElements.get("minutes-search").helpers;

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
      ["Deltagere", (item.participants || []).join(", ")],
      ["Afbud", (item.absentees || []).join(", ")],
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

  const api = (path) => new URL(`../${path}`, location.href).href;

  /** A feed address to copy: a link (for browsers that show feeds) and a read-only field with a copy button. */
  function followBox(cls, label, help, feed) {
    const field = h("input", { type: "url", readonly: "", value: feed, class: "feed-url", "aria-label": `${label}: adresse` });
    field.addEventListener("focus", () => field.select());
    const note = h("span", { class: "copied", role: "status", "aria-live": "polite" });
    const copy = h("button", { type: "button", class: "copy", text: "Kopiér" });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(feed);
        note.textContent = "Kopieret";
      } catch {
        field.focus();
        field.select();
        note.textContent = "Markeret: tryk Ctrl+C for at kopiere";
      }
    });
    return h("div", { class: `follow ${cls}` },
      h("a", { href: feed, class: "feed-link", type: "application/atom+xml", text: label }),
      h("span", { class: "help", text: help }),
      h("span", { class: "row" }, field, copy), note);
  }

  function followCase(item) {
    if (!item.case_number) return null;
    const feed = api(`feed.atom?${new URLSearchParams({ case: item.case_number })}`);
    const link = document.createElement("link");
    Object.assign(link, { rel: "alternate", type: "application/atom+xml", href: feed, title: `Sag ${item.case_number}` });
    document.head.append(link);
    return followBox("follow-case", "Følg sagen",
      `Nye behandlinger af sag ${item.case_number} i din nyhedslæser (RSS/Atom) eller Outlook.`, feed);
  }

  /** »Mødets dagsorden«: the meeting's other items as this caller may see them, a click away; this one marked. */
  async function agenda(item) {
    if (!item.meeting_id) return;
    const holder = h("section", { class: "agenda", hidden: "" });
    main.append(holder);
    try {
      const res = await fetch(api(`meetings/${encodeURIComponent(item.meeting_id)}`),
        { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!res.ok) return;
      const meeting = await res.json();
      const items = Array.isArray(meeting.items) ? meeting.items : [];
      if (items.length < 2) return;
      holder.replaceChildren(
        h("h2", { text: `Mødets dagsorden (${items.length} punkter)` }),
        h("ol", { class: "agenda-list" }, ...items.map((e) => {
          const label = `${e.item_number}. ${e.title || "(uden titel)"}`;
          const current = e.id === item.id;
          const title = current ? h("strong", { text: label, "aria-current": "page" })
            : h("a", { href: itemUrl(e.id), text: label });
          return h("li", { class: current ? "current" : null }, title,
            e.closed ? h("span", { class: "badge", text: "Lukket punkt" }) : null);
        })));
      holder.hidden = false;
    } catch {
      // a nicety: the item itself is shown already
    }
  }

  /** »Lignende punkter«: filled in after the item is shown; left out when there is nothing to show. */
  async function similar(item) {
    const holder = h("section", { class: "similar", hidden: "" });
    main.append(holder);
    try {
      const res = await fetch(api(`items/${encodeURIComponent(item.id)}/similar?limit=8`), { headers: { Accept: "application/json" } });
      if (!res.ok) return;
      const data = await res.json();
      const hits = Array.isArray(data.hits) ? data.hits : [];
      if (!hits.length) return;
      holder.replaceChildren(
        h("h2", { text: "Lignende punkter" }),
        h("ol", { class: "similar-list" }, ...hits.map((e) => h("li", {},
          h("a", { href: itemUrl(e.id), text: e.title || "(uden titel)" }),
          h("span", { class: "when", text: [e.body, danishDate(e.meeting_date), e.item_number != null ? `punkt ${e.item_number}` : null].filter(Boolean).join(" · ") })))),
        followBox("follow-similar", "Følg lignende punkter",
          "Få besked, når noget lignende kommer op.", api(`items/${encodeURIComponent(item.id)}/similar.atom`)));
      holder.hidden = false;
    } catch {
      // a nicety: the item itself is shown already
    }
  }

  /** Back to the search this page was opened from (its words and filters), else the search page. */
  function searchPage() {
    const root = new URL("../", location.href);
    try {
      const from = new URL(document.referrer);
      if (from.origin === root.origin && from.pathname === root.pathname) return from.href;
    } catch {
      // no referrer, or not a URL
    }
    return root.href;
  }

  function render(item) {
    document.title = `${item.title} – Referatsøgning`;
    const sections = Array.isArray(item.sections) ? item.sections : [];
    const attachments = Array.isArray(item.attachments) ? item.attachments : [];
    main.replaceChildren(...[
      h("p", { class: "crumbs" }, h("a", { href: searchPage(), text: "Søgning" }), ` › ${item.body || ""}`),
      h("h1", {}, item.title || "(uden titel)", item.closed ? h("span", { class: "badge", text: "Lukket punkt" }) : null),
      facts(item),
      followCase(item),
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
    agenda(item);
    similar(item);
  }

  function fail(message) {
    document.title = "Referatsøgning";
    main.replaceChildren(h("p", { class: "notice error", role: "alert", text: message }),
      h("p", {}, h("a", { href: searchPage(), text: "Til søgningen" })));
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
