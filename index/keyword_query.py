"""A parsed query as Whoosh queries over one index reader: widened words, phrases, fields, exclusions.

User text never reaches Whoosh's QueryParser; the query language is parsed in `search/query.py` into an
`index.parsed.ParsedQuery`, and `QueryBuilder` makes Whoosh query objects from it directly.
"""
from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import chain, islice

from rapidfuzz.distance import OSA
from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from corpus.dates import retyped
from index.analysis import (LINKING, acronym, committee_names, compound_split, every_letter_danish, fold,
                            hyphenated, known_word, normalise, spelled, stem, stop_word, tokenize)
from index.language import ENGLISH_STOP_WORDS, english_word
from index.lexicon import Lexicon
from index.parsed import Clause, ParsedQuery
from index.schema import (ALL_FIELD, BODY_FIELD, COMMITTEE_FIELD, DATE_FIELD, STEM_FIELD, TEXT_FIELDS, WRITTEN_FIELD,
                          parts_field)
from index.sparse import Listed, idf, term_text

MAX_FUZZY_TERMS = 8
MIN_FUZZY_LEN, MAX_FUZZY_LEN = 4, 30  # shorter words have too many neighbours; longer are noise
COMMON_MIN_ITEMS = 50  # below this, no word counts as common (small corpora stay exhaustive)
FUZZY_PREFIX = 2  # neighbours share a word's first letters (index/lexicon.py); typos there: `_early_spellings`
LONG_WORD = 8  # from this length a word may be 2 edits off, and is matched as typed as well as by its stem
MAX_WRITTEN = 2_000  # written words read for one reading's forms (`QueryBuilder._written`): a bound, not a knob
# Words naming the minutes themselves, which a query of facts alone may hold beside committees and dates
# (»byrådets møde den 13. november 2024«, »referat økonomiudvalget«): not »dagsorden«, an item's title too
MINUTES_WORDS = frozenset({"møde", "referat"})  # normalised: »mødet«, »møder«, »referatet« …
# ... as the last part of a compound whose first names a committee (»byrådsmødet«, »KD-Net-møde«), as written
MEETING_ENDINGS = ("møderne", "mødet", "møder", "møde", "referaterne", "referatet", "referater", "referat")
# Words asking for the newest meeting, which a listing puts first (»seneste byrådsmøde«), and for the oldest,
# which a listing then puts first (»byrådets første møde«): as written
LATEST_WORDS = frozenset({"seneste", "sidste", "nyeste"})
FIRST_WORDS = frozenset({"første", "ældste"})
DAYS_IN_A_WEEK = 7  # a typed day without a meeting is offered the nearest meeting's day this near (`_nearest_meeting`)

@dataclass(frozen=True)
class Weights:
    """Ranking knobs: field boosts, and how much widened matches count. Their values come from the settings
    (`index.keyword.weights_from`), where the defaults are written and explained, once."""

    boosts: Mapping[str, float]  # per field; a field not named weighs 1
    compound: float  # a word inside, or split from, a compound
    fuzzy: float  # a spelling of a word with few exact matches
    fuzzy_below: int  # words found in fewer items than this are widened to their spellings
    stem: float  # the whole item's stem view (index.schema.STEM_FIELD) beside its lemmas
    coord: float  # 1: score x share of query words matched
    common_cutoff: float  # words in more than this share of items only refine the ranking

    def boost(self, fieldname: str) -> float:
        return self.boosts.get(fieldname, 1.0)


@dataclass(frozen=True)
class Slot:
    """One ranked query word (or OR group): the sets of index terms that each count as a match, and how much
    the word says (its BM25 idf, see `QueryBuilder._idf`)."""

    options: tuple[tuple[str, ...], ...]
    idf: float = 1.0

    def matched_by(self, terms: set[str]) -> bool:
        return any(all(t in terms for t in option) for option in self.options)


@dataclass(frozen=True)
class Listing:
    """What a query of facts alone names: committees (`QueryBuilder._committees`) and meetings' days
    (`QueryBuilder._days`), with no other word but stop words and words for the minutes (`MINUTES_WORDS`):
    »byrådet 13.11.2024«, »økonomiudvalget«, »november 2024«, »byrådets møde den 13. november 2024«; beside a
    committee, a year typed alone names its meetings too (»økonomiudvalget 2024«). It asks for the minutes, not
    for a subject: the engine lists its matches as the minutes run, not by how often they write the words. With
    neither, the newest asked for (»seneste møde«, »sidste referat«) lists every item so: `everything`. The
    oldest asked for (»byrådets første møde«, »ældste referat«) lists the oldest meeting first: `oldest`."""

    committees: frozenset[str]  # the committees' names, as the items' `body`
    days: frozenset[str]  # YYYY-MM-DD
    oldest: bool = False  # the oldest meeting first (»første«, »ældste«), else the newest

    @property
    def everything(self) -> bool:
        """No committee or day named: every item is listed, the newest meeting first (»seneste møde«)."""
        return not (self.committees or self.days)


@dataclass(frozen=True)
class BuiltQuery:
    query: wq.Query | None  # None: nothing searchable was typed
    terms: tuple[str, ...]  # analysed terms a hit may contain, for highlighting
    slots: tuple[Slot, ...] = ()  # the ranked words, for coordination (see `coordinate`)
    # Items to leave out, for the searcher's `mask`: Whoosh's AndNot ignores its negative side
    # when all matches are collected (whoosh-reloaded 2.7.5).
    excluded: wq.Query | None = None
    unknown: Mapping[str, str] = field(default_factory=dict)  # word the index lacks -> nearest word
    coverage: float = 1.0  # share of the query's words this side can read (see `QueryBuilder.coverage`)
    joined: Mapping[str, str] = field(default_factory=dict)  # two words typed apart -> the compound the items hold
    listing: Listing | None = None  # a query of facts alone (`Listing`); None for any other
    weights: Mapping[str, float] = field(default_factory=dict)  # each of `terms`: what it says (`_weights`)

    def held(self, terms: set[str]) -> float:
        """The share of the query an item matching `terms` holds: its ranked words, each weighed by its idf.
        1 for a query of one word (or none). Min-max scores the best match 1 whether it holds all of »kan ældre
        der får hjemmehjælp få en maskine der gør rent af sig selv« or, as on Greve, »ældre«, »hjemmehjælp« and
        common words (0.58): the engine weighs the keyword side by what its best match holds (`Engine._fuse`)."""
        total = sum(slot.idf for slot in self.slots)
        if len(self.slots) < 2 or total <= 0:
            return 1.0
        return sum(slot.idf for slot in self.slots if slot.matched_by(terms)) / total


def coordinate(score: float, matched: int, slots: int, coord: float) -> float:
    """Scale a score by the share of query words an item matched, so items with all words win.

    Whoosh's own coordination counts index terms (fields x variants), not query words.
    """
    if slots <= 1:
        return score
    return score * (1.0 - coord + coord * matched / slots)


class QueryBuilder:
    """Turns a ParsedQuery into Whoosh queries over the allowed fields of one index reader."""

    def __init__(self, reader: IndexReader, weights: Weights, fields: tuple[str, ...] = TEXT_FIELDS,
                 near_cache: MutableMapping[tuple, tuple[list, list]] | None = None,
                 lexicon: Lexicon | None = None, listed: Listed | None = None):
        self.reader = reader
        self.weights = weights
        self.fields = fields
        # both must belong to this reader's generation
        self.near_cache = {} if near_cache is None else near_cache
        self.lexicon = Lexicon(FUZZY_PREFIX) if lexicon is None else lexicon
        # the documents the caller is listed (all when None; closed items left out entirely are not): no word
        # only the others hold is read as held, so none is offered as a spelling (`_frequency`)
        self.listed = listed
        self.terms: dict[str, None] = {}
        self._factors: dict[str, float] = {}  # per query word: a highlighted term -> its boost as a match of it
        self.unknown: dict[str, str] = {}  # query word the index does not hold -> nearest word, as written
        self.joined: dict[str, str] = {}  # two query words typed apart -> the compound they make (`_joined`)
        self._options: list[tuple[str, ...]] = []
        self._read: list[bool] = []  # per ranked query word: whether this side can read it
        self._forms: dict[tuple[str, str], dict[str, int]] = {}  # (reading, as written) -> words holding it
        self._holding: dict[tuple[str, str], int] = {}  # (field, term) -> items holding it (`_frequency`)
        self._hanging: dict[str, str] = {}  # a suspended compound's first part -> the compound (`_suspended`)

    @property
    def coverage(self) -> float:
        """The share of the query's words the keyword side can read. It cannot read an English word that no
        item holds (»heating«, »lonely«): for those only the semantic side has evidence, and the fusion
        weighs this side by its coverage. A misspelling or an absent Danish word still counts as read: the
        keyword side widens it, and a Danish word the archive lacks is evidence that nothing matches."""
        return sum(self._read) / len(self._read) if self._read else 1.0

    @property
    def _documents(self) -> int:
        """How many documents the statistics count: those the caller is listed, or all."""
        return self.listed.size if self.listed is not None else self.reader.doc_count_all()

    def build(self, parsed: ParsedQuery) -> BuiltQuery:
        """Plain words rank; field-prefixed clauses must match; excluded clauses must not."""
        must: list[wq.Query] = []
        rare: list[wq.Query] = []
        common: list[wq.Query] = []
        slots: list[Slot] = []
        dated: list[wq.Query] = []  # the meetings' dates typed: an item is of one meeting, so any of them
        joined = self._joined(parsed)
        self._hanging = self._suspended(parsed)
        read: dict[str, float] = {}  # highlighted term -> what finding it says of the query (`_weights`)
        for at, group in enumerate(parsed.groups):
            self._options, self._factors = [], {}
            query = self._group(group, parsed)
            if query is not None and joined.get(at):  # the word, or the compound it makes with its neighbour
                query = wq.Or([query, *(self._compound(term, self._fields(group[0])) for term in joined[at])])
                self._record(joined[at], [(term,) for term in joined[at]])
            if self._dated(group):
                dated.append(query or wq.NullQuery)
            elif any(c.field for c in group):
                must.append(query or wq.NullQuery)  # a field the section filter excludes
            elif query is not None:
                (common if self._common(group) else rare).append(query)
                slots.append(slot := Slot(tuple(self._options), self._idf(self._options)))
                for term in chain.from_iterable(slot.options):
                    read[term] = max(read.get(term, 0.0), slot.idf * self._factors.get(term, 1.0))
        if dated:
            must.append(_any(dated))
        query = self._combine(must, self._ranked(rare, common), bool(parsed.excluded))
        if query is None:
            return BuiltQuery(None, (), unknown=dict(self.unknown), coverage=self.coverage)
        return BuiltQuery(query, tuple(self.terms), tuple(slots), self.exclusions(parsed), dict(self.unknown),
                          self.coverage, dict(self.joined), self._listing(parsed), self._weights(read))

    def _weights(self, read: dict[str, float]) -> dict[str, float]:
        """Each highlighted term with what finding it says of the query, for choosing a snippet (as Lucene's
        highlighter weighs fragments by idf). `read`: for the terms ranked words read, the idf of the word
        (the highest, when several read the term) times the term's boost as a match of it (1 as typed, lower
        as a compound's half or a spelling neighbour: the ranking's own weights). A term no ranked word reads
        (a field's, a phrase's, a date's: a required clause) weighs as the rarest word does."""
        rarest = max(read.values(), default=1.0)
        return {term: read.get(term, rarest) for term in self.terms}

    def _listing(self, parsed: ParsedQuery) -> Listing | None:
        """The committees and days a query names when it names nothing else (`Listing`), else None."""
        committees: set[str] = set()
        days: set[str] = set()
        years: set[str] = set()  # the days of the years typed alone (»økonomiudvalget 2024«)
        latest = first = False  # »seneste«, »sidste«, »nyeste«; »første«, »ældste«
        for group in parsed.groups:
            if self._dated(group):
                days.update(day for c in group if c.date for day in self._days(c.date))
            elif (year := _year(group)) and (held := self._days(year)):
                years.update(held)
            elif (word := self._plain(group)) and (named := self._named(normalise(word)) or self._misspelt(word)
                                                    or self._meeting_of(word)):
                committees.update(named)
            elif (whole := self._hyphenated(group)) and (named := self._committees(whole) or self._meeting_of(whole)):
                committees.update(named)  # »KD-Net«, »KD-Net-mødet«
            elif word and (normalise(word) in MINUTES_WORDS or word in LATEST_WORDS or word in FIRST_WORDS):
                latest, first = latest or word in LATEST_WORDS, first or word in FIRST_WORDS
            elif not all(_is_stop_word(c) and not c.field for c in group):
                return None
        if years and not committees:  # a year is a word (»budget 2024«, »2024«), beside a committee its meetings
            return None
        oldest = first and not latest  # both typed: the newest, as a listing runs
        if committees or days:
            return Listing(frozenset(committees), frozenset(days | years), oldest)
        # »seneste møde«, »første møde«: every item, the newest (or oldest) meeting first
        return Listing(frozenset(), frozenset(), oldest) if latest or first else None

    def _joined(self, parsed: ParsedQuery) -> dict[int, list[str]]:
        """Neighbouring query words that the items write as one word (»lokal plan«: »lokalplan«, »affalds plan«:
        »affaldsplan«, »Strand skolen«: »Strandskolen«): Danish writes compounds as one word and searchers often
        type them apart. Each such compound, by the group's position; it counts as either word (its slot's
        options) and is scored as the word is, so an item holding the compound holds the query, as an item
        holding both words does. Joined as written, or with a linking -s- or -e- (»erhverv udvalg«), where the
        lexicon reads the joined word as a compound whose head is the second word (not »villasitka«, in a web
        address, for »Villa Sitka«), the most widely held of those the listed items hold; only plain words (not
        quoted, no field, no stop word)."""
        words = [self._plain(group) for group in parsed.groups]
        joined: dict[int, list[str]] = {}
        for at, (left, right) in enumerate(zip(words, words[1:])):
            if not (left and right):
                continue
            fields, head = self._fields(parsed.groups[at][0]), normalise(right)
            held = {(term, word): n for link in ("", *LINKING) if not (link and left.endswith(link))
                    if compound_split(word := left + link + right)[-1:] == (head,)
                    and (n := self._hits(term := normalise(word), fields))}
            if held:
                term, word = max(held, key=held.get)
                joined.setdefault(at, []).append(term)
                joined.setdefault(at + 1, []).append(term)
                self.joined[f"{left} {right}"] = word
        return joined

    @staticmethod
    def _hyphenated(group: tuple[Clause, ...]) -> str | None:
        """The word of a group that is one hyphenated word (»KD-Net«), in lower case (`analysis.hyphenated`)."""
        if len(group) != 1 or group[0].quoted or group[0].field:
            return None
        return hyphenated(group[0].text)

    @staticmethod
    def _plain(group: tuple[Clause, ...]) -> str | None:
        """The word of a group that is one plain word of letters, not a stop word; else None."""
        if len(group) != 1 or group[0].quoted or group[0].field:
            return None
        words = tokenize(group[0].text)
        if len(words) != 1 or not words[0].isalpha() or len(words[0]) < 2 or stop_word(words[0]):
            return None
        return words[0].lower()

    def _compound(self, term: str, fields: tuple[str, ...]) -> wq.Query:
        """A compound made of two query words, scored as a word is: exactly, and (lower) inside longer compounds."""
        w = self.weights
        subs: list[wq.Query] = [wq.Term(f, term, boost=w.boost(f)) for f in fields]
        if w.compound:
            subs += [wq.Term(parts_field(f), term, boost=w.boost(f) * w.compound) for f in fields if f != BODY_FIELD]
        return _any(subs)

    def _idf(self, options: list[tuple[str, ...]]) -> float:
        """A query word's BM25 idf among the items the caller is listed, as the keyword side reads the word: by
        its term (the lemma; one lookup, the common case), or, when no item holds that, by the most widely held
        of its other readings of one term (its stem, a spelling neighbour; not a compound's halves, which are
        common words). A phrase is at most as widely held as its rarest word. A word no item holds in any
        reading gets the highest idf there is."""
        def holding(term: str, fields: tuple[str, ...] = (ALL_FIELD, STEM_FIELD, COMMITTEE_FIELD)) -> int:
            return max(self._frequency(f, term) for f in fields)

        singles = [option[0] for option in options if len(option) == 1]
        if singles:
            held = holding(singles[0], (ALL_FIELD,)) or max(map(holding, singles))
        else:  # a phrase
            held = max((min(map(holding, option)) for option in options), default=0)
        return idf(self._documents, held)

    def exclusions(self, parsed: ParsedQuery) -> wq.Query | None:
        """What the excluded clauses match, exactly (no widening), in every text field."""
        return _any([q for c in parsed.excluded if (q := self._clause(c, widen=False, record=False, anywhere=True))])

    @staticmethod
    def _ranked(rare: list[wq.Query], common: list[wq.Query]) -> wq.Query | None:
        """Ranked words, summed. Words found in most items ("kommune", "udvalg") only add to the
        score of items that match a rarer word, as in Elasticsearch's common-terms query: they
        say little about relevance and cost the most to match."""
        if rare and common:
            return wq.AndMaybe(_any(rare), _any(common))
        return _any(rare or common)

    def _common(self, group: tuple[Clause, ...]) -> bool:
        cutoff = max(self.weights.common_cutoff * self.reader.doc_count(), COMMON_MIN_ITEMS)
        for clause in group:
            words = tokenize(clause.text)
            if clause.quoted or len(words) != 1:
                return False
            term = normalise(words[0])
            if max(self.reader.doc_frequency(f, term) for f in self._fields(clause)) <= cutoff:
                return False
        return self.weights.common_cutoff > 0

    @staticmethod
    def _combine(must: list[wq.Query], ranked: wq.Query | None, negated: bool) -> wq.Query | None:
        if must:
            required = wq.And(must) if len(must) > 1 else must[0]
            return wq.AndMaybe(required, ranked) if ranked else required
        return ranked or (wq.Every() if negated else None)

    def _group(self, group: tuple[Clause, ...], parsed: ParsedQuery) -> wq.Query | None:
        only_stop_words = all(_is_stop_word(c) for g in parsed.groups for c in g)
        subs = [q for c in group if (only_stop_words or c.field or not _is_stop_word(c))
                and (q := self._clause(c, widen=not c.quoted))]
        return _any(subs)

    def _clause(self, clause: Clause, widen: bool, record: bool = True,
                anywhere: bool = False) -> wq.Query | None:
        """A word (widened) or phrase; `anywhere` ignores the section filter (for exclusions)."""
        fields = self._fields(clause, TEXT_FIELDS if anywhere else self.fields)
        words = tokenize(clause.text)
        if not fields or not words:
            return None
        if len(words) == 1 and widen and not clause.date:
            return self._word(words[0], fields, record)
        terms = [normalise(w) for w in words]
        meeting = self._meeting(clause.date, terms, fields) if clause.date else None
        if meeting is not None:  # marked in a snippet where written as one word (»13.11.2024«): the words of
            if record and len(terms) == 1:  # »13. november 2024« would light up every »2024« in the items
                self._record(terms, [tuple(terms)])
            if record:  # a date is read, in a question in English too (`coverage`)
                self._read.append(True)
            return meeting
        if record and clause.date and not self._writes(terms, fields):
            # a day no meeting was held and no item writes: »Mente du« the meeting nearest it, within a week
            if (near := self._nearest_meeting(clause.date)) and (written := retyped(clause.text, near)):
                self.unknown[clause.text.lower()] = written
        if record:  # a phrase's stop words would light up everywhere in a snippet
            shown = [t for w, t in zip(words, terms) if not stop_word(w)] or terms
            self._record(shown, [tuple(terms)])
        phrase = self._phrase(terms, fields, boost=1.0)
        whole = hyphenated(clause.text) if widen else None
        named = (self._committees(whole) or self._meeting_of(whole)) if whole else {}
        if not named:
            return phrase
        if record:  # a committee's hyphenated name (»KD-Net«): its items, as a word that names one (`_word`)
            self._options += [(name,) for name in named]
        return wq.Or([phrase, *(wq.Term(COMMITTEE_FIELD, name, boost=weight) for name, weight in named.items())])

    def _writes(self, terms: list[str], fields: tuple[str, ...]) -> bool:
        """Whether an item the caller is listed writes these words (a date as typed: »12.11.2024«, or in words,
        »12. november 2024«, a phrase: asked of Whoosh's phrase matcher, only for a day no meeting was held)."""
        if len(terms) == 1 or not all(self._hits(term, fields) for term in terms):
            return all(self._hits(term, fields) for term in terms)
        hidden = set(self.listed.hidden) if self.listed is not None else set()
        searcher = Searcher(self.reader, closereader=False)
        for fieldname in fields:
            matcher = wq.Phrase(fieldname, terms).matcher(searcher)
            while matcher.is_active():
                if matcher.id() not in hidden:
                    return True
                matcher.next()
        return False

    def _meeting(self, period: str, terms: list[str], fields: tuple[str, ...]) -> wq.Query | None:
        """A date typed in the query (»byrådet 13.11.2024«, »13. november 2024«, or a month: »november 2024«) in
        which meetings were held: the items of those meetings, or items that write the date as typed. A
        searcher who types a date means a meeting; its items rarely write their own date, and the items that do
        are mostly later ones referring to its decisions. So the date is required, as a field prefix is
        (`_dated`; of several dates typed, any one: an item is of one meeting), and holding it ranks as a word
        does: a meeting's item scores as holding a word that many items hold (the period's BM25 idf, at a
        word's weight in the whole item), an item that only writes the date scores nothing for it and comes
        after the meeting's items that hold the same other words. None when no meeting was held then."""
        days = self._days(period)
        if not days:
            return None
        weight = idf(self._documents, sum(days.values())) * self.weights.boost(ALL_FIELD)
        return wq.Or([self._phrase(terms, fields, boost=0.0),
                      *(wq.Term(DATE_FIELD, day, boost=weight) for day in days)])

    @staticmethod
    def _suspended(parsed: ParsedQuery) -> dict[str, str]:
        """The first parts of Danish suspended compounds typed (»Klima-, Teknik- og Miljøudvalget«: »klima-« and
        »teknik-« stand for »klimaudvalget« and »teknikudvalget«), each (normalised) with the compound it stands
        for: joined to the last part of the compound that ends the run, after »og« or »eller«."""
        hanging: dict[str, str] = {}
        run: list[str] = []
        for group in parsed.groups:
            clause = group[0]
            text = clause.text.rstrip(",") if len(group) == 1 and not clause.quoted and not clause.field else ""
            if text.endswith("-") and text[:-1].isalpha():
                run.append(text[:-1])
            elif run and text.lower() in ("og", "eller"):
                continue
            else:
                if run and text.isalpha() and (tail := compound_split(text)[-1:]):
                    hanging.update({normalise(part): normalise(part + tail[0]) for part in run})
                run = []
        return hanging

    def _meeting_of(self, word: str) -> dict[str, float]:
        """The committees a compound naming a committee's meeting or minutes names (»byrådsmødet«,
        »økonomiudvalgsmøde«, »KD-Net-møde«, »byrådsreferatet«: a committee's name, with or without the
        linking -s-, before a word for the minutes), as their name does (`_committees`); else none."""
        lower = word.lower()
        if not lower.endswith(MEETING_ENDINGS):  # most words: one test
            return {}
        ending = next((e for e in MEETING_ENDINGS if lower.endswith(e) and len(lower) > len(e) + 1), None)
        if ending is None:
            return {}
        first = lower[:-len(ending)].rstrip("-")
        for name in dict.fromkeys((first, first.removesuffix("s"))):
            if name and (named := self._committees(hyphenated(name) or normalise(name))):
                return named
        return {}

    def _misspelt(self, word: str) -> dict[str, float]:
        """The committees a misspelt query word names as it is offered spelt right (»Mente du«, `unknown`):
        »økonomiudvalgt 2024« is listed as »økonomiudvalget 2024« is."""
        meant = self.unknown.get(word)
        return self._committees(normalise(meant)) if meant else {}

    def _named(self, term: str) -> dict[str, float]:
        """The committees a query word names (`_committees`), as itself or as the suspended compound it begins:
        for `_listing` only. Ranked, a committee counts once, by its head (»miljøudvalget«); the words hung
        before it rank as the words they are."""
        return self._committees(self._hanging.get(term, term))

    def _committees(self, term: str) -> dict[str, float]:
        """The committees a query word names (`analysis.committee_names`: »byrådet«, »økonomiudvalget«,
        »klimaudvalget«), each with what holding the word is worth to its items. A searcher who names a
        committee means its meetings, and its items rarely write its name. Scored as a date is (`_meeting`): as a
        word that many items hold, the committee's items the caller is listed (its BM25 idf, at a word's weight
        in the whole item); ranked, not required, as a word is: the council's decision is often prepared in a
        committee whose items say so."""
        if COMMITTEE_FIELD not in self.reader.schema:
            return {}
        return {name: idf(self._documents, n) * self.weights.boost(ALL_FIELD)
                for name in _naming(self.lexicon.terms(self.reader, COMMITTEE_FIELD)).get(term, ())
                if (n := self._frequency(COMMITTEE_FIELD, name))}

    def _days(self, period: str) -> dict[str, int]:
        """The days of a period (a day YYYY-MM-DD, a month YYYY-MM, or a day in any year --MM-DD) on which
        meetings were held, each with the number of their items the caller is listed."""
        if DATE_FIELD not in self.reader.schema:
            return {}
        if period.startswith("--"):  # »13. november«: that day in each year a meeting was held on it
            days = [day for day in self.lexicon.terms(self.reader, DATE_FIELD) if day.endswith(period[1:])]
        elif len(period) == len("YYYY-MM-DD"):
            days = [period]
        else:
            days = [term_text(raw) for raw in self.reader.expand_prefix(DATE_FIELD, period + "-")]
        return {day: n for day in days if (n := self._frequency(DATE_FIELD, day))}

    def _nearest_meeting(self, period: str) -> str | None:
        """The day nearest `period` (a day, YYYY-MM-DD, or a day in any year, --MM-DD) on which a meeting the
        caller is listed was held, at most a week away (a day or a week misremembered; further off is another
        question); the earlier of two as near. None when there is none, or `period` is a month."""
        if not (len(period) == len("YYYY-MM-DD") or period.startswith("--")) or DATE_FIELD not in self.reader.schema:
            return None
        near = [(_days_between(period, held), held)
                for held in self.lexicon.terms(self.reader, DATE_FIELD) if self._frequency(DATE_FIELD, held)]
        best = min((n for n in near if n[0] <= DAYS_IN_A_WEEK), default=None)
        return best[1] if best else None

    def _dated(self, group: tuple[Clause, ...]) -> bool:
        """Whether the group is a date in which meetings were held (`_meeting`), or several such dates."""
        return all(c.date for c in group) and any(self._days(c.date) for c in group)

    def _fields(self, clause: Clause, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        allowed = self.fields if allowed is None else allowed
        if clause.field == BODY_FIELD:
            return (BODY_FIELD,)
        if clause.field:  # a field prefix names one field; the whole-item field allows every one
            return (clause.field,) if clause.field in allowed or ALL_FIELD in allowed else ()
        return allowed

    def _word(self, word: str, fields: tuple[str, ...], record: bool) -> wq.Query:
        """Exact term, else (lower) the word inside compounds or split apart, else (lowest) fuzzy."""
        term, w = normalise(word), self.weights
        hits = self._hits(term, fields)
        shown, options = [term], [(term,)]
        factors: dict[str, float] = {}  # a highlighted term's boost as a match of the word (`_weights`), if not 1
        subs: list[wq.Query] = [wq.Term(f, term, boost=w.boost(f)) for f in fields]
        twins = [f for f in fields if f != BODY_FIELD]
        english = english_word(word)
        unread = english and not hits  # a word the keyword side cannot read (see `coverage`)
        # The whole item's stems: a derived form (»blindhed« for »blinde«). Not for an unread English word,
        # whose Danish stem is a false friend (»rates« -> »rat«, as Danish »rate«, an instalment).
        stem_view = w.stem and ALL_FIELD in fields
        if stem_view and not unread:
            stemmed = stem(word)
            subs.append(wq.Term(STEM_FIELD, stemmed, boost=w.boost(ALL_FIELD) * w.stem))
            options.append((stemmed,))
        pieces: tuple[str, ...] = ()
        if w.compound and twins:
            subs += [wq.Term(parts_field(f), term, boost=w.boost(f) * w.compound) for f in twins]
            pieces = compound_split(word)
            if pieces:
                shown += pieces if not hits else []  # mark the halves only where they stand in
                factors.update(dict.fromkeys(pieces, w.compound))
                options.append(pieces)
                subs.append(self._apart(pieces, twins))
        committees = self._committees(term) or self._meeting_of(word)  # »byrådsmødet« names the council too
        for name, weight in committees.items():  # »byrådet«: the council's items hold it too
            subs.append(wq.Term(COMMITTEE_FIELD, name, boost=weight))
            options.append((name,))
        if record and word.lower() not in ENGLISH_STOP_WORDS:
            self._read.append(not unread)
        # A number, date or code is no spelling: one edit from it is another year, amount or plan (»25,6« was read
        # as »25,5«, »lokalplan 15.99« as »1.599«, »13.11.2024« as »13.10.2022«, each offered as »Mente du«).
        if w.fuzzy and hits < w.fuzzy_below and not _has_digit(word):  # English words too: »strategy«, »strategi«
            # no item holds it and no word list knows it (a word is no misspelling, nor is an abbreviation
            # typed in capitals): it gets »Mente du«, and may be misspelt in its first letters too
            misspelt = not hits and not (known_word(word) or english or acronym(word))
            near = self._spellings(word, term, fields, early=misspelt)
            if misspelt and near and record:
                self.unknown[word.lower()] = self._written(near[0], word, shown=True)
            if near and not committees:  # a committee's name misspelt (»økonomiudvalgt«), as a spelling counts
                for name, weight in self._committees(near[0]).items():
                    subs.append(wq.Term(COMMITTEE_FIELD, name, boost=weight * w.fuzzy))
                    options.append((name,))
            if misspelt and not near and not pieces and w.compound and twins:
                # a compound misspelt at its joint (»vinteregulativ«): no indexed word is near it, but one
                # edit makes it two words the items hold, searched apart as a compound's halves are
                if fixed := self._compound_spelling(word, twins):
                    written, halves = fixed
                    if record:
                        self.unknown[word.lower()] = written
                    shown += list(halves)
                    factors.update(dict.fromkeys(halves, w.compound))
                    options.append(halves)
                    subs.append(self._apart(halves, twins))
            shown += near
            if not misspelt:  # a neighbour of a rare word; a misspelling's reading is the word meant
                factors.update(dict.fromkeys(near, w.fuzzy))
            options += [(t,) for t in near]
            subs += [wq.Term(f, t, boost=w.boost(f) * w.fuzzy) for t in near for f in fields]
            if w.compound:  # a spelling is searched as the word is: inside compounds too
                subs += [wq.Term(parts_field(f), t, boost=w.boost(f) * w.fuzzy * w.compound)
                         for t in near for f in twins]
            if stem_view:  # ... and in the stem view, as the word meant is written
                # (the stem of »eventuelt« is »eventuelt«, that of its lemma »eventuel«)
                subs += [wq.Term(STEM_FIELD, s, boost=w.boost(ALL_FIELD) * w.fuzzy * w.stem)
                         for s in dict.fromkeys(stem(self._written(t, word)) for t in near)]
        if record:
            self._record(shown, options, factors)
        return wq.Or(subs)

    def _apart(self, pieces: tuple[str, ...], fields: tuple[str, ...]) -> wq.Query:
        """A compound's halves written apart ("sundheds artikler"), anywhere in the item: Danish
        often says "strategi for ladestandere" where the query says "ladestanderstrategien"."""
        w = self.weights
        return wq.And([wq.Or([wq.Term(f, p, boost=w.boost(f) * w.compound) for f in fields]) for p in pieces])

    def _record(self, shown: list[str], options: list[tuple[str, ...]],
                factors: Mapping[str, float] | None = None) -> None:
        """Terms to highlight, and the options that count as a match of the word; `factors`: a term's boost
        as a match (1 when not given)."""
        self.terms.update(dict.fromkeys(shown))
        for term in shown:
            factor = (factors or {}).get(term, 1.0)
            self._factors[term] = max(self._factors.get(term, 0.0), factor)
        self._options += options

    def _phrase(self, terms: list[str], fields: tuple[str, ...], boost: float, slop: int = 1) -> wq.Query:
        w = self.weights
        if len(terms) == 1:
            return wq.Or([wq.Term(f, terms[0], boost=w.boost(f) * boost) for f in fields])
        return wq.Or([wq.Phrase(f, terms, slop=slop, boost=w.boost(f) * boost) for f in fields])

    def _hits(self, term: str, fields: tuple[str, ...]) -> int:
        return sum(self._frequency(f, term) for f in fields)

    def _frequency(self, fieldname: str, term: str) -> int:
        """Items holding the term that the caller is listed. A closed item left out entirely (hide_closed) must
        not show through its title's words: offered as »Mente du« (»qwertygade« for »qwertygde«), or making a
        word it alone holds read as held, which no other item does. Counted once per query: a word's term is
        asked for again by the spelling, the common-word cut and its idf (`_idf`)."""
        key = (fieldname, term)
        n = self._holding.get(key)
        if n is None:
            n = self.reader.doc_frequency(fieldname, term)
            n = self._holding[key] = n if self.listed is None else self.listed.frequency(fieldname, term, n)
        return n

    def _spellings(self, word: str, term: str, fields: tuple[str, ...], early: bool = False) -> list[str]:
        """Indexed terms the word may be a misspelling of: the nearest first (1 edit before 2), the most
        frequent first among equals. A misspelt word is unknown to the lemma table, so its term is a
        Snowball stem while the index holds lemmas: the word as typed, when long ("aftaleforlæængelse" ->
        "aftaleforlængelse") or misspelt (`early`), its term and its stem ("fritidsaktivitetter" ->
        "fritidsaktivitet") are all looked up, and only the nearest found count, so a 2-edit neighbour
        ("forbund" for "forbbindelse") does not stand beside the 1-edit word meant ("forbindelse"). A
        misspelling then keeps the one nearest what was typed, the one most items hold among equals: what its
        »Mente du« offers is what is searched (»bugdet« is one edit from »budget« and from »bundet«, and the
        rarer reading's items outranked the budget's). The neighbours of a short word's stem need not be near
        it (»skolle«, stem »skol«: »skal« and »skov« beside »skole«). With `early`, when no indexed
        term is 1 edit away behind the same first two letters, one edit within them is tried
        (`_early_spellings`)."""
        stemmed = stem(word)
        found = [stemmed] if stemmed != term and self._hits(stemmed, fields) else []
        # As typed: when long, or when misspelt; a short word that is a word elsewhere is 1 edit from unrelated
        # stems (hours -> hors)
        typed = fold(word.lower())
        as_typed = len(typed) >= LONG_WORD or early
        keys = (typed, term, stemmed) if as_typed else (term, stemmed)
        if (respelt := every_letter_danish(word.lower())) != word.lower():  # and as if typed with æ, ø
            keys += ((fold(respelt),) if as_typed else ()) + (normalise(respelt), stem(respelt))
        keys = tuple(dict.fromkeys(keys))
        for distance in (1, 2):
            near: dict[str, int] = {}
            for key in keys:
                for t, n in self._near(key, fields)[distance - 1]:
                    if t != term and t not in found:
                        near[t] = max(near.get(t, 0), n)
            if distance == 1 and early and MIN_FUZZY_LEN <= len(word) <= MAX_FUZZY_LEN:
                # one edit from a word as the items write it, two from its reading
                # (»mødere«: »møder«, whose reading »møde« is two edits away), as a spelling checker looks
                # misspellings up among the written words
                for form, _ in self.lexicon.near(self.reader, WRITTEN_FIELD, word.lower(), 1):
                    t = normalise(form)
                    if t != term and t not in found and (n := self._hits(t, fields)):
                        near[t] = max(near.get(t, 0), n)
            if distance == 1 and early and not near and not found:
                near = self._early_spellings(word, term, fields)
            found += sorted(near, key=lambda t: -near[t])
            if found:
                break
        if early and len(found) > 1:  # a misspelling: the reading nearest what was typed, the most frequent
            typed_edits = {t: min(_typed_distance(w, t, self._written(t, w)) for w in {word.lower(), respelt})
                           for t in found}
            nearest = min(typed_edits.values())
            found = [max((t for t in found if typed_edits[t] == nearest), key=lambda t: self._hits(t, fields))]
        return found[:MAX_FUZZY_TERMS]

    def _written(self, term: str, word: str, shown: bool = False) -> str:
        """The reading `term` of a misspelt `word` as a word: of the words the archive holds
        (index.schema.WRITTEN_FIELD) whose index term is `term`, the one fewest edits from what was typed,
        the one most items hold among equals. `spelled` builds a form from the lemma table or from endings
        Snowball strips, and may build one no one writes (»fondsmidler« typed »fonsmidler« read as
        »fondsmiddelet«); it stays the fallback, for a reading no written word gives (a term only compounds
        hold). The forms are looked for behind the reading's first two thirds, where inflection leaves a
        word alone (»fondsmid|del«, »fondsmid|ler«).

        `shown`: for the »Mente du« a user reads, the reading itself counts too when it is a dictionary
        word (»lægevgt« is »lægevagt«, which Greve writes only as »lægevagten«). Not for searching: the stem
        view holds the stems of the words as written (»grupper«: »grupp«), not always those of their lemma
        (»gruppe«: »grup«)."""
        typed = word.lower()
        base = term if "aa" in typed else term.replace("aa", "å")
        held = dict(self._held(term, base))
        if shown and base not in held and known_word(base) and normalise(base) == term:
            held[base] = 0
        return min(held, key=lambda f: (OSA.distance(typed, f), -held[f]), default=None) or spelled(term, word)

    def _held(self, term: str, base: str) -> dict[str, int]:
        """The words the archive holds whose index term is `term`, each with the number of items holding it."""
        if (cached := self._forms.get((term, base))) is not None:
            return cached
        held: dict[str, int] = {}
        if WRITTEN_FIELD in self.reader.schema:
            prefix = base[:max(FUZZY_PREFIX, len(base) * 2 // 3)]
            for raw in islice(self.reader.expand_prefix(WRITTEN_FIELD, prefix), MAX_WRITTEN):
                if normalise(form := raw.decode("utf-8")) == term and (n := self._frequency(WRITTEN_FIELD, form)):
                    held[form] = n
        self._forms[(term, base)] = held
        return held

    def _early_spellings(self, word: str, term: str, fields: tuple[str, ...]) -> dict[str, int]:
        """Indexed terms of the words one edit from `word` within its first two letters (a letter dropped,
        added, changed, or two neighbours swapped), each with the number of items holding it.

        Spelling neighbours keep the first two letters fixed (index/lexicon.py; a typo there is rarer, and
        Whoosh's automata, used before, needed the fixed prefix to be fast): a typo there (»lgevagten«,
        »ftitidsaktiviteter«) found nothing. So the edits the prefix hides are written out (Norvig's way:
        about 120 candidates, each one lookup) and read as the index reads words (lemma, compound head,
        stem), as a last resort after the neighbours behind the prefix."""
        typed = word.lower()  # edited as written (»å«): `normalise` folds what it finds
        if not MIN_FUZZY_LEN <= len(typed) <= MAX_FUZZY_LEN:
            return {}
        found: dict[str, int] = {}
        for candidate in _early_edits(typed):
            t = normalise(candidate)
            if t != term and t not in found and (n := self._hits(t, fields)):
                found[t] = n
        return dict(sorted(found.items(), key=lambda kv: -kv[1])[:MAX_FUZZY_TERMS])

    def _compound_spelling(self, word: str, fields: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
        """The word with one slip at a joint repaired (`_joint_edits`) that splits into two halves the
        index holds, and those halves: the split whose rarer half the most items hold. None when none does."""
        typed = word.lower()
        if not MIN_FUZZY_LEN <= len(typed) <= MAX_FUZZY_LEN:
            return None
        best: tuple[int, str, tuple[str, ...]] | None = None
        for candidate in sorted(_joint_edits(typed)):
            halves = compound_split(candidate)
            if len(halves) != 2:
                continue
            held = min(self._hits(h, fields) for h in halves)
            if held and (best is None or held > best[0]):
                best = (held, candidate, halves)
        return (best[1], best[2]) if best else None

    def _near(self, term: str, fields: tuple[str, ...]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """Indexed terms 1 edit from term, and 2 edits (only for words of LONG_WORD letters or more), each
        with the number of items holding it, the most frequent first (index/lexicon.py)."""
        if not MIN_FUZZY_LEN <= len(term) <= MAX_FUZZY_LEN:
            return [], []
        key = (term, fields, self.listed.hidden if self.listed else ())  # counts of the items the caller is listed
        if (cached := self.near_cache.get(key)) is not None:
            return cached
        maxdist = 2 if len(term) >= LONG_WORD else 1
        near: dict[str, int] = {}
        edits: dict[str, int] = {}
        for f in fields:
            for t, distance in self.lexicon.near(self.reader, f, term, maxdist):
                if n := self._frequency(f, t):
                    near[t] = near.get(t, 0) + n
                    edits[t] = distance
        tiers: tuple[list[tuple[str, int]], list[tuple[str, int]]] = ([], [])
        for t, n in sorted(near.items(), key=lambda kv: -kv[1]):
            tiers[edits[t] - 1].append((t, n))
        found = self.near_cache[key] = (tiers[0][:MAX_FUZZY_TERMS], tiers[1][:MAX_FUZZY_TERMS])
        return found


LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"


def _typed_distance(word: str, term: str, written: str) -> int:
    """Edits from what was typed to the indexed term as the items write it (`written`), or as indexed: how a
    spelling checker ranks a misspelling's readings (Lucene's DirectSpellChecker: string distance to the
    input, then frequency). The neighbours of its stem are not all near it: »skolle« (stem »skol«) is 1 edit
    from »skole« and 3 from »skal«, which more items hold."""
    typed = word.lower()
    return min(OSA.distance(typed, written), OSA.distance(fold(typed), term))


def _early_edits(word: str) -> set[str]:
    """Words one edit from `word` that differ from it within the first two letters: what a typo there
    leaves for the index to find (the neighbours sharing its first letters are every edit after them)."""
    edits = {word[1] + word[0] + word[2:], word[0] + word[2] + word[1] + word[3:]}  # swaps touching them
    for i in (0, 1):
        edits.add(word[:i] + word[i + 1:])  # a letter typed too many
        for c in LETTERS:
            edits.add(word[:i] + c + word[i + 1:])  # a letter mistyped
            edits.add(word[:i] + c + word[i:])  # a letter left out
    edits.discard(word)
    return edits


def _joint_edits(word: str) -> set[str]:
    """The word with one slip at a place a compound's joint may be: a letter doubled there typed once
    (»vinter|regulativ« typed »vinteregulativ«), or a linking s or e left out or typed too many."""
    edits: set[str] = set()
    for i in range(2, len(word) - 1):
        edits.add(word[:i] + word[i - 1] + word[i:])  # the letter before the joint, doubled
        edits.update(word[:i] + link + word[i:] for link in "se")
        if word[i] in "se":
            edits.add(word[:i] + word[i + 1:])
    edits.discard(word)
    return edits


def _any(queries: list[wq.Query]) -> wq.Query | None:
    """Or of several queries; one stays as it is."""
    return wq.Or(queries) if len(queries) > 1 else (queries[0] if queries else None)


@lru_cache(maxsize=16)
def _naming(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each word that names a committee (`analysis.committee_names`), with the committees it names, of an index's
    committees' names: looked up once per query word."""
    naming: dict[str, list[str]] = {}
    for name in names:
        for word in committee_names(name):
            naming.setdefault(word, []).append(name)
    return {word: tuple(named) for word, named in naming.items()}


def _days_between(period: str, held: str) -> int:
    """Days between a typed day (YYYY-MM-DD, or --MM-DD: the nearest such day in any year) and a meeting's day."""
    day = date.fromisoformat(held)
    if not period.startswith("--"):
        return abs((day - date.fromisoformat(period)).days)
    month, of_month = int(period[2:4]), int(period[5:7])
    apart = []
    for year in (day.year - 1, day.year, day.year + 1):  # »30. december« is two days from 1 January
        with suppress(ValueError):  # 29 February in a year without it
            apart.append(abs((day - date(year, month, of_month)).days))
    return min(apart, default=366)


def _year(group: tuple[Clause, ...]) -> str | None:
    """The group's year, when it is one plain year of four digits (»2024«), else None."""
    if len(group) != 1 or group[0].quoted or group[0].field or group[0].date:
        return None
    text = group[0].text.strip().rstrip(",.;:!?")
    return text if len(text) == 4 and text.isdigit() and 1900 < int(text) < 2200 else None


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _is_stop_word(clause: Clause) -> bool:
    words = tokenize(clause.text)
    return not clause.quoted and len(words) == 1 and stop_word(words[0])
