/* The search page before a search: what the archive holds (GET archive) and a few searches to start
 * from, drawn from the archive itself. Hidden while the search box shows a search. */
(() => {
  "use strict";

  const { danishDate, h } = customElements.get("minutes-search").helpers;
  const box = document.querySelector("minutes-search");
  const panel = document.getElementById("archive");
  const count = (n, one, many) => `${Number(n).toLocaleString("da-DK")} ${n === 1 ? one : many}`;
  const searching = () => Boolean((new URLSearchParams(location.search).get("q") || "").trim());

  function render(a) {
    if (!a.items) {
      panel.replaceChildren(h("p", { text: "Arkivet er tomt: der er endnu ingen referater at søge i." }));
      return;
    }
    const period = a.first_date === a.last_date
      ? danishDate(a.first_date) : `${danishDate(a.first_date)} – ${danishDate(a.last_date)}`;
    panel.replaceChildren(
      h("h2", { text: "Det kan du søge i" }),
      h("p", { class: "holds", text: `${count(a.items, "dagsordenspunkt", "dagsordenspunkter")} fra ${count(a.meetings, "møde", "møder")}, ${period}.` }),
      h("ul", { class: "bodies", "aria-label": "Udvalg" }, ...a.bodies.map((b) =>
        h("li", {}, h("span", { class: "name", text: b.name }), h("span", { class: "n", text: ` ${count(b.meetings, "møde", "møder")}` })))),
      a.examples.length ? h("p", { class: "examples" }, "Prøv fx: ",
        ...a.examples.flatMap((q, i) => [i ? " " : null,
          h("a", { class: "example", href: `?${new URLSearchParams({ q })}`, text: q })]).filter(Boolean)) : null,
    );
  }

  async function load() {
    try {
      const res = await fetch(new URL("archive", location.href), { headers: { Accept: "application/json" } });
      if (!res.ok) return;
      render(await res.json());
      panel.hidden = searching();
    } catch {
      // the overview is a nicety; the search box works without it
    }
  }

  box.addEventListener("querychange", (e) => { if (panel.childElementCount) panel.hidden = Boolean(e.detail.q); });
  load();
})();
