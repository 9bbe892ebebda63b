"""Response models: they document the API in /docs and keep its JSON field names stable."""
from __future__ import annotations

from pydantic import BaseModel, Field


class HitExplain(BaseModel):
    keyword: dict | None = None
    semantic: dict | None = None


class ItemSummary(BaseModel):
    """What a hit and a step in a case history both show of an agenda item."""

    id: str
    meeting_id: str
    body: str
    meeting_date: str
    item_number: int
    title: str
    presenter: str | None
    case_number: str | None
    decision: str
    closed: bool = False  # a closed agenda item (»Lukket punkt«)
    restricted: bool = False  # closed, and this caller may not see it: title, date and committee only


class Hit(ItemSummary):
    snippet: str
    score: float
    explain: HitExplain | None = None


class SimilarHit(Hit):
    stored_at: str | None = None
    changed_at: str | None = None


class SimilarResponse(BaseModel):
    id: str
    title: str
    available: bool  # false when there is no embedding index to compare with
    hits: list[SimilarHit]


class FacetValue(BaseModel):
    value: str | int
    count: int


class SearchResponse(BaseModel):
    query: str
    mode: str
    total: int
    limit: int
    offset: int
    took_ms: float
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    did_you_mean: str | None = Field(None, description="The query with each word the archive does not hold "
                                                       "replaced by the nearest word it does (»Mente du: …«)")
    by_meaning_only: bool = Field(False, description="Hybrid hits found by meaning alone: no word matched")
    as_minutes: bool = Field(False, description="A query of facts alone (committees named, meetings' dates: "
                                                "»byrådet 13.11.2024«): the hits listed as the minutes run, the "
                                                "newest meeting first, each in agenda order")
    oldest_first: bool = Field(False, description="Listed as the minutes run with the oldest meeting first: "
                                                  "the oldest was asked for (»byrådets første møde«)")


class Suggestion(BaseModel):
    id: str
    title: str
    body: str
    meeting_date: str


class SuggestResponse(BaseModel):
    query: str
    suggestions: list[Suggestion]


class SectionView(BaseModel):
    kind: str
    heading: str
    text: str


class ItemView(ItemSummary):
    meeting_time: str | None
    location: str | None
    participants: list[str] = []  # the meeting's attendance
    absentees: list[str] = []  # who sent apologies (afbud)
    sections: list[SectionView]
    attachments: list[str]
    case_history: list[ItemSummary]


class MeetingSummary(BaseModel):
    id: str
    body: str
    date: str
    time: str | None
    location: str | None
    participants: list[str]
    absentees: list[str]
    source: str
    items: int


class MeetingList(BaseModel):
    meetings: list[MeetingSummary]
    limit: int
    offset: int


class MeetingItem(BaseModel):
    id: str
    item_number: int
    title: str
    presenter: str | None
    case_number: str | None
    closed: bool = False
    restricted: bool = False


class MeetingView(MeetingSummary):
    items: list[MeetingItem]  # type: ignore[assignment]  # the list itself, where a summary gives a count


class Health(BaseModel):
    status: str
    meetings: int
    items: int


class BodyCount(BaseModel):
    name: str
    meetings: int


class ArchiveView(BaseModel):
    """What the archive holds: shown on the search page before a search."""

    meetings: int
    items: int
    bodies: list[BodyCount]
    first_date: str | None
    last_date: str | None
    examples: list[str]  # example searches: names that the items' titles share


class UploadResult(BaseModel):
    file: str
    status: str
    meetings: list[str]
    items: int
    index: dict


class DeleteResult(BaseModel):
    deleted: str
