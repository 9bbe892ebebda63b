"""The keyword index's fields, and how a stored agenda item becomes one Whoosh document.

Each text field has a twin holding only the parts of its compound words, so a query word can
match inside a compound at a lower boost, and a section filter restricts both alike.
"""
from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from corpus.model import SectionKind
from corpus.store import StoredItem
from index.analysis import TOKEN_RE, compound_analyzer, danish_analyzer, stem_analyzer, written_analyzer

# Searchable text fields: the title, one per section kind, and "meta" (presenter, case number).
SECTION_FIELDS: dict[SectionKind, str] = {kind: kind.value for kind in SectionKind}
TEXT_FIELDS: tuple[str, ...] = ("title", *SECTION_FIELDS.values(), "meta")
BODY_FIELD = "body_text"  # the committee's name as words, for `udvalg:`
COMMITTEE_FIELD = "body"  # the committee's name as written: the filters' field, and what a word naming it matches
# The whole item (title, every section, attachments, presenter, case number) as one field: what plain words
# are ranked on, by BM25 over one field. Summing BM25 per field (title, each section ...) scored each field's
# matches apart, with its own length norm and saturation; on both dev sets one field fused with the semantic
# side better than the per-field sum with tuned boosts (README, Ranking). The per-field fields serve field
# prefixes (`titel:`) and section filters.
ALL_FIELD = "all"
# BM25F weight of the title in that field (its words counted twice): the title is the item's own summary.
# Fused with the semantic side, weight 2 against 1: greve-dev 0.882 vs 0.881, KD-Net dev 0.992 both; keyword
# mode alone 0.733 vs 0.721 on greve-dev.
TITLE_WEIGHT = 2
# The whole item again as Snowball stems: a second view of the same text, ranked beside the lemmas. The lemma
# table joins inflections (»boliger« -> »bolig«) but not derivations, which Snowball strips (»blindhed« and
# »blinde« -> »blind«, »ensomhed« and »ensom« -> »ensom«); a word counts in each view
# that holds it, so most count twice and a derived form once.
STEM_FIELD = "all_stem"
# The item's public words as written (lowercase, not normalised): never ranked, only read for how the items
# write a word the index holds as a lemma or stem, so a spelling suggestion reads as the minutes do
# (»fondsmidler«, not »fondsmiddelet«; index.keyword_query.QueryBuilder._written). A closed item gives its title.
WRITTEN_FIELD = "written"
PARTS_SUFFIX = "_parts"
# The meeting's date (ISO YYYY-MM-DD): the filters' field, and what a date typed in a query matches beside text
DATE_FIELD = "date"


def parts_field(field: str) -> str:
    """Name of the compound-parts twin of a text field."""
    return field + PARTS_SUFFIX


def build_schema() -> Schema:
    text = {name: TEXT(analyzer=danish_analyzer(), phrase=True) for name in (*TEXT_FIELDS, ALL_FIELD, BODY_FIELD)}
    parts = {parts_field(name): TEXT(analyzer=compound_analyzer(), phrase=False) for name in (*TEXT_FIELDS, ALL_FIELD)}
    parts[STEM_FIELD] = TEXT(analyzer=stem_analyzer(), phrase=False)
    parts[WRITTEN_FIELD] = KEYWORD(analyzer=written_analyzer(), scorable=False)  # read, never ranked
    return Schema(
        id=ID(stored=True, unique=True),
        meeting_id=ID(stored=True),
        meeting_hash=ID(stored=True),
        **{COMMITTEE_FIELD: ID(stored=True)},
        **{DATE_FIELD: ID(stored=True, sortable=True)},
        year=ID(stored=True),
        number=NUMERIC(stored=True),
        presenter=STORED(),
        presenter_key=ID(),
        case_number=ID(stored=True),
        **text,
        **parts,
        **_closed_fields(),  # closed items' content, apart (index/closed.py)
    )


def item_document(stored: StoredItem) -> dict:
    """The Whoosh document for one agenda item: stored facets plus analysed text per field."""
    item = stored.item
    texts = {field: item.text_of(kind) for kind, field in SECTION_FIELDS.items()}
    texts["title"] = item.title
    listed = item.listed_attachments
    texts["attachments"] = "\n".join(filter(None, [texts["attachments"], *listed]))
    texts["meta"] = " ".join(filter(None, [item.presenter, item.case_number]))
    texts[ALL_FIELD] = "\n".join(filter(None, [*[item.title] * TITLE_WEIGHT, *(s.text for s in item.sections),
                                                 *listed, texts["meta"], stored.attendance]))
    doc = {
        "id": stored.id,
        "meeting_id": stored.meeting_id,
        "meeting_hash": stored.meeting_hash,
        COMMITTEE_FIELD: stored.body,
        "date": stored.meeting_date,
        "year": stored.meeting_date[:4],
        "number": item.number,
        "presenter": item.presenter or "",
        "presenter_key": (item.presenter or "").lower(),
        "case_number": item.case_number or "",
        BODY_FIELD: stored.body,
    }
    for field, text in texts.items():
        if text:
            doc[field] = text
            doc[parts_field(field)] = text
    if texts[ALL_FIELD]:
        doc[STEM_FIELD] = texts[ALL_FIELD]
    if written := item.title if item.closed else texts[ALL_FIELD]:  # each word once: only whether it is held counts
        doc[WRITTEN_FIELD] = " ".join(dict.fromkeys(TOKEN_RE.findall(written.lower())))
    if item.closed:  # only callers allowed to see it may match its content (index/closed.py)
        from index.closed import move_closed_content

        doc = move_closed_content(doc)
    return doc


def _closed_fields() -> dict:
    from index.closed import closed_schema_fields

    return closed_schema_fields()
