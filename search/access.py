"""Who may see which closed agenda items: decided once per request, then applied like a filter.

`AccessPolicy` (from Settings) turns a caller's groups into a `Viewer`: an immutable answer to "may this
caller see this item?" that every answer of the service consults (search, suggest, item and meeting views,
case history, and whatever else is added: similar items, feeds, exports). A closed item a viewer may not
see is shown as its title, date and committee with »Lukket punkt« (`redact`), or not at all when the
policy hides closed items; its content never takes part in ranking for that viewer (`ClosedScope`,
`AccessView.masked`, index/closed.py).

    viewer = engine.access.viewer(groups)      # or engine.access.public / OPERATOR
    engine.search(request, viewer)             # hits, totals, facets as this viewer may see them
    view = engine.access_view(viewer)          # per-request facts: .facts, .hidden, .removed, .masked
    viewer.may_see(closed, body)               # the one decision, for anything new

Anything that ranks by an item's content must take the viewer too: "similar to item X" for a viewer who may
not see X may use X's title only, and candidates' closed content is masked as in search (`AccessView.masked`
to the vector index, `Viewer.scope` to the keyword index), and only the items the caller is listed may take a
place (the facts' ids as `allowed`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from corpus.model import AgendaItem
from corpus.store import StoredItem
from index.closed import ALL_CLOSED, NO_CLOSED, ClosedScope

if TYPE_CHECKING:
    from config.settings import Settings

CLOSED_NOTICE = "Lukket punkt"


class ItemFacts(Protocol):
    """What the decision needs of an item (search.engine.Facts has it)."""

    id: str
    body: str
    closed: bool


@dataclass(frozen=True)
class Viewer:
    """One caller's access to closed items. Frozen: built once per request, shared by everything it touches."""

    who: str = "anonymous"
    groups: frozenset[str] = frozenset()
    all_closed: bool = False  # sees every closed item
    bodies: frozenset[str] = frozenset()  # else: sees the closed items of these committees
    hide_closed: bool = False  # closed items it may not see are left out entirely (else: title only)

    def may_see(self, closed: bool, body: str) -> bool:
        """Whether this caller may see the item's content."""
        return not closed or self.all_closed or body in self.bodies

    def listed(self, closed: bool, body: str) -> bool:
        """Whether the item appears at all (title only when not `may_see`)."""
        return not self.hide_closed or self.may_see(closed, body)

    @property
    def scope(self) -> ClosedScope:
        """Closed content this caller's queries may match (index/closed.py)."""
        if self.all_closed:
            return ALL_CLOSED
        return ClosedScope(bodies=self.bodies) if self.bodies else NO_CLOSED

    @property
    def key(self) -> tuple:
        """What decides this viewer's view of the corpus (callers with the same key see the same)."""
        return self.all_closed, self.bodies, self.hide_closed

    def redact(self, stored: StoredItem) -> StoredItem:
        """The item as this caller may see it: unchanged, or its title alone (committee and date are the
        meeting's). Everything built from the result (hit, snippet, decision, view) holds no closed text."""
        if self.may_see(stored.item.closed, stored.body):
            return stored
        item = stored.item
        return replace(stored, item=AgendaItem(number=item.number, title=item.title, closed=True))

    def summary_flags(self, stored: StoredItem) -> dict:
        """JSON flags every item summary carries: closed, and restricted when shown as title only."""
        restricted = not self.may_see(stored.item.closed, stored.body)
        return {"closed": stored.item.closed, "restricted": restricted}


OPERATOR = Viewer(who="operator", all_closed=True)  # the CLI with --all-access, the operator's write token


@dataclass(frozen=True)
class AccessPolicy:
    """Which groups see which closed items (Settings: closed_groups, committee_groups, hide_closed)."""

    closed_groups: frozenset[str] = frozenset()
    committee_groups: tuple[tuple[str, frozenset[str]], ...] = ()  # (committee, groups seeing its closed items)
    hide_closed: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> AccessPolicy:
        return cls(frozenset(settings.closed_groups),
                   tuple((body, frozenset(groups)) for body, groups in sorted(settings.committee_groups.items())),
                   settings.hide_closed)

    @property
    def public(self) -> Viewer:
        return Viewer(hide_closed=self.hide_closed)

    def viewer(self, groups: Iterable[str] = (), who: str = "anonymous") -> Viewer:
        groups = frozenset(groups)
        return Viewer(who=who, groups=groups, all_closed=bool(groups & self.closed_groups),
                      bodies=frozenset(body for body, allowed in self.committee_groups if groups & allowed),
                      hide_closed=self.hide_closed)

    def operator(self) -> Viewer:
        return replace(OPERATOR, hide_closed=self.hide_closed)


@dataclass(frozen=True)
class AccessView:
    """One viewer's view of one store generation: what ranking, filters and facets work from."""

    facts: Mapping[str, ItemFacts]  # listed items; presenter and case number blanked where restricted
    hidden: frozenset[str] = field(default_factory=frozenset)  # closed items shown as title only
    removed: frozenset[str] = field(default_factory=frozenset)  # closed items not listed at all

    def restricted(self, item_id: str) -> bool:
        return item_id in self.hidden

    @cached_property
    def masked(self) -> frozenset[str]:
        """Closed items whose content the caller may not read, listed or not: what ranking measures by title
        only. A closed item left out (`removed`) is filtered from the hits, but its text would still take part
        in what the vector index measures (the median item, the nonsense line) unless masked as well."""
        return self.hidden | self.removed


def access_view(facts: Mapping[str, ItemFacts], viewer: Viewer) -> AccessView:
    """The facts as `viewer` may see them. Restricted items keep id, title, committee and date only, so a
    presenter filter or facet cannot tell what a closed item's presenter was."""
    blocked = [f for f in facts.values() if f.closed and not viewer.may_see(True, f.body)]
    if not blocked:
        return AccessView(facts)
    view = dict(facts)
    if viewer.hide_closed:
        for f in blocked:
            del view[f.id]
        return AccessView(view, removed=frozenset(f.id for f in blocked))
    for f in blocked:
        view[f.id] = replace(f, presenter=None, case_number=None)
    return AccessView(view, hidden=frozenset(f.id for f in blocked))
