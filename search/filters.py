"""Filters a search can carry: which items may appear, and which sections may match."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from corpus.model import SectionKind


@dataclass(frozen=True)
class Filters:
    bodies: tuple[str, ...] = ()  # committee names, exact
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    years: tuple[int, ...] = ()
    presenter: str | None = None  # case-insensitive substring of the presenter
    sections: tuple[SectionKind, ...] = ()  # match only in these section kinds (empty = all)
    case_numbers: tuple[str, ...] = ()  # items of these cases only (as typed: compared in any letter case)

    @property
    def restricts_items(self) -> bool:
        return bool(self.bodies or self.date_from or self.date_to or self.years or self.presenter
                    or self.case_numbers)

    @cached_property
    def case_keys(self) -> frozenset[str]:
        """The case numbers as compared, case-folded: letter case tells no two cases apart, and one typed in
        lower case (»00.01.10-a00-2-23«) found nothing where the minutes write »00.01.10-A00-2-23«."""
        return frozenset(map(str.casefold, self.case_numbers))

    def allows(self, body: str, date: str, presenter: str | None, case_number: str | None = None) -> bool:
        """Whether an item with these facts passes the item filters (sections are not checked here)."""
        if self.case_numbers and (case_number or "").casefold() not in self.case_keys:
            return False
        if self.bodies and body not in self.bodies:
            return False
        if self.date_from and date < self.date_from:
            return False
        if self.date_to and date > self.date_to:
            return False
        if self.years and int(date[:4]) not in self.years:
            return False
        if self.presenter and (presenter is None or self.presenter.lower() not in presenter.lower()):
            return False
        return True


NO_FILTERS = Filters()
