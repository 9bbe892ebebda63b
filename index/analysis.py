"""Danish text analysis: one function maps a word to the term that indexes and queries share.

Chain per token: lowercase -> lemma from spaCy's Danish lookup table (spacy-lookups-data) -> for an
unknown compound, the lemma of its longest known head ("sundhedsartiklerne" -> "sundhedsartikel")
-> otherwise the Snowball stem (PyStemmer) -> fold "å" to "aa" (so "Århus" meets "Aarhus").

A word written without the Danish letters (»laegevagten«, »boern«, »moede«: an English keyboard, a web
address, an old system's export) is read as Danish spells it first, when the lemma table knows only that
spelling (`danish`): so it meets its Danish form in every field, in documents and in queries alike.

Compounds are also split into their parts against the lexicon, with the linking letters -s-/-e-,
for a separate, lower-boosted field ("lægevagtsordningen" -> lægevagt, ordning, læge, vagt).

Stop words (Snowball's Danish list) stay in the index, so phrases and exact terms always match;
queries drop them (search/query.py).

Every result is cached per distinct word: a corpus has far fewer distinct words than tokens, so
analysis costs about one dict lookup per token.
"""
from __future__ import annotations

import difflib
import gzip
import json
import re
from functools import lru_cache
from importlib import resources

import Stemmer
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.lang.stopwords import stoplists

from corpus.spelling import TWO_LETTERS

# Bump when analysis changes what terms a text gives: indexes built before are then rebuilt.
ANALYSIS_VERSION = "8"  # 2: the whole-item field, title weighted; 3: attendance on a meeting's first item;
# 4: interrogatives are stop words; 5: the whole item's Snowball stems beside its lemmas;
# 6: words written without æ, ø, å are read in their Danish spelling; 7: attachment titles counted once
# (AgendaItem.listed_attachments); 8: each item's words as written (index.schema.WRITTEN_FIELD)

# Decimal numbers stay whole ("3,5", "23.00"); everything else is a run of word characters, so
# hyphenated words ("KD-Net", "EU-kontorets") become separate words, as a searcher types them.
TOKEN_PATTERN = r"\d+(?:[.,]\d+)+|\w+"
TOKEN_RE = re.compile(TOKEN_PATTERN)

# Snowball's Danish stop list: short function words only, so content words such as "via" or
# "ny" stay searchable. Applied when querying, never when indexing (exact terms stay findable).
# It holds "hvad" and "hvor" but not the other interrogatives, which frame a question as much and say
# as little about its topic (»hvorfor bliver det dyrere at bo på bosteder«): they are added.
QUESTION_WORDS = frozenset({"hvem", "hvilken", "hvilke", "hvilket", "hvordan", "hvorfor", "hvornår"})
STOP_WORDS: frozenset[str] = frozenset(stoplists["da"]) | QUESTION_WORDS

MIN_PART = 3  # shortest compound part ("sti", "råd", "vej")
MAX_SPLIT_LEN = 40  # longer "words" are noise (URLs, hashes); do not search them for parts
MAX_TERM_LEN = 64
LINKING = ("s", "e")
# Endings that are words in their own right ("ene", "ende") or derivational suffixes ("hed",
# "skab"): as a compound head they would split "udvalgene" or "sundhed" into nonsense.
_NOT_HEADS = frozenset(
    "en er et ene ens ere erne ers ende endes ets hed heden heder heds dom skab skabet "
    "else lig lige ligt isk iske som bar ning ion ioner ionen".split()
)


def spacy_lookup(name: str):
    """One of spacy-lookups-data's tables, read directly: spacy.lookups.load_lookups takes ~4 s."""
    data = resources.files("spacy_lookups_data") / "data" / name
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    """spaCy's Danish lemma lookup table."""
    return spacy_lookup("da_lemma_lookup.json.gz")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def fold(text: str) -> str:
    """Spelling fold applied to every term: the old "aa" and the modern "å" are one letter."""
    return text.replace("å", "aa")


# How the Danish letters are written without them: »ae«, »oe«, »aa« (the transliteration Danish itself used
# before 1948 for »å«, and what a web address or an English keyboard gives): the readers' table, read back.
_WRITTEN_WITHOUT = tuple((pair, letter) for letter, pair in TWO_LETTERS.items() if letter.islower())
_WITHOUT = re.compile("|".join(pair for pair, _ in _WRITTEN_WITHOUT))
_LETTER = dict(_WRITTEN_WITHOUT)
_MAX_RESPELT = 4  # pairs in one word tried both ways (2**4 spellings); a longer run is no Danish word


def danish(word: str) -> str:
    """A lowercase word in its Danish spelling: the word itself, unless it is written without the Danish
    letters and only the Danish spelling is a word. »laegevagten« -> »lægevagten«, »boern« -> »børn«,
    »omraadet« -> »området«, »solroed« -> »solrød« (a compound of known words).

    A word the lemma table or the stop list knows stays as typed (»koen«, »poet«), and so does an English
    function word (»does«) or a name the table lacks (»michael«, »israel«). Of the spellings with some of
    the pairs read as Danish letters, a word of the table wins over a compound of known words (only when the
    word as typed is neither English nor splits into known words), and among equals the one with more
    Danish letters. Other English words are respelt only to a word of the table: of the 48 English words
    that can be, most are Danish words written without the letters (»faa«, »goer«, »loeb«, »saek«)."""
    if _WITHOUT.search(word) is None:
        return word
    return _danish(word)


@lru_cache(maxsize=200_000)
def _danish(word: str) -> str:
    table = lemma_table()
    if word in table or word in STOP_WORDS or len(word) > MAX_SPLIT_LEN:
        return word
    from index.language import ENGLISH_STOP_WORDS, english_lexicon  # (index.language reads this module)
    if word in ENGLISH_STOP_WORDS:
        return word
    english = word in english_lexicon()  # »faa«, »goer«, »loeb« are English too, and far likelier få, gør, løb
    spans = [m.span() for m in _WITHOUT.finditer(word)][:_MAX_RESPELT]
    best: tuple[tuple[int, int], str] | None = None
    for mask in range(1, 2 ** len(spans)):
        respelt, last = [], 0
        for bit, (start, end) in enumerate(spans):
            if mask >> bit & 1:
                respelt += [word[last:start], _LETTER[word[start:end]]]
                last = end
        candidate = "".join(respelt) + word[last:]
        if candidate in table or candidate in STOP_WORDS:
            rank = (2, bin(mask).count("1"))
        elif not english and _split(candidate) is not None and _split(word) is None:
            rank = (1, bin(mask).count("1"))
        else:
            continue
        if best is None or rank > best[0]:
            best = (rank, candidate)
    return best[1] if best else word


def every_letter_danish(word: str, letters: str = "æø") -> str:
    """A lowercase text with every pair written for one of `letters` read as that letter, whether or not
    that makes a known word: where a misspelt word is written without the Danish letters
    (»rottebekaemplese«), its spelling neighbours are looked for in this form too (»rottebekæmpelse«).
    By default æ and ø only: »aa« already folds to »å« in every term."""
    for pair, letter in _WRITTEN_WITHOUT:
        if letter in letters:
            word = word.replace(pair, letter)
    return word


def danish_spelling(text: str) -> str:
    """A text with each word written without the Danish letters respelt (`danish`), in the case it was
    typed in, the rest as it is: what the semantic side embeds for a query, since the model knows
    »lægevagt«, not »laegevagt«."""
    def respell(match: re.Match) -> str:
        word = match.group(0)
        respelt = danish(word.lower())
        if respelt == word.lower():
            return word
        if word.isupper() and len(word) > 1:
            return respelt.upper()
        return respelt.capitalize() if word[:1].isupper() else respelt
    return TOKEN_RE.sub(respell, text)


def tokenize(text: str) -> list[str]:
    """The words of a text, as the index sees them (before normalising)."""
    return TOKEN_RE.findall(text)


def normalise(word: str) -> str:
    """The index term for one word: lemma, else compound-head lemma, else stem; folded."""
    return _normalise_lower(word.lower())


@lru_cache(maxsize=1_000_000)
def _normalise_lower(word: str) -> str:
    word = danish(word[:MAX_TERM_LEN])
    if word in STOP_WORDS:  # the table's lemmas for these are odd ("med" -> "mede")
        return fold(word)
    table = lemma_table()
    lemma = table.get(word) or _head_lemma(word, table) or _stemmer().stemWord(word)
    return fold(lemma)


def stem(word: str) -> str:
    """The Snowball stem of a word, folded: what a word unknown to the lemma table may share with the
    lemma of its correct spelling."""
    return _stem_lower(word.lower())


@lru_cache(maxsize=1_000_000)
def _stem_lower(word: str) -> str:  # cached per distinct word, as `_normalise_lower` is
    return fold(_stemmer().stemWord(danish(word[:MAX_TERM_LEN])))


# Danish inflectional endings: enough to turn a lemma or stem back into the form a user meant.
_ENDINGS = ("", "e", "en", "et", "er", "ere", "erne", "ene", "es", "s", "ens", "ets", "ers", "ernes", "n", "t",
            "r", "ne", "rne", "ns", "ts")


@lru_cache(maxsize=65536)
def spelled(term: str, typed: str) -> str:
    """A written word whose index term is `term`, the closest to what was typed: the index holds lemmas and
    stems with å folded to aa, so a spelling suggestion made of terms would read »skoleomraade« or
    »fritidsaktivitet« where the user meant »skoleområde« or »fritidsaktiviteter«."""
    typed, table = typed.lower(), lemma_table()
    base = term if "aa" in typed else term.replace("aa", "å")
    candidates = [base + ending for ending in _ENDINGS]
    words = [form for form in candidates if form in table and fold(table[form]) == term]  # Danish words first
    forms = words or [form for form in candidates if normalise(form) == term]
    return difflib.get_close_matches(typed, forms, n=1, cutoff=0.0)[0] if forms else base


def stop_word(word: str) -> bool:
    """A word of the stop list, as typed or in its Danish spelling (»paa«, »naar«)."""
    return danish(word.lower()) in STOP_WORDS


def known_word(word: str) -> bool:
    """A word of the Danish lemma table (inflected forms included): not a misspelling, even where the
    archive lacks it (»afslører«), so it gets no spelling suggestion."""
    return danish(word.lower()) in lemma_table()


def acronym(word: str) -> bool:
    """A word typed in capitals, of 2 to 6 letters (digits may join them: »COPD«, »ADHD«, »CO2«): an
    abbreviation meant as typed, not a misspelling of a word the archive holds (»COPD« is not »opd«)."""
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def _head_lemma(word: str, table: dict[str, str]) -> str | None:
    """Lemmatise an unknown compound by its head, the longest known ending ("...ordningen")."""
    if len(word) > MAX_SPLIT_LEN:
        return None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[i:]
        if head in table and head not in _NOT_HEADS and head not in STOP_WORDS:
            return word[:i] + table[head]
    return None


def compound_parts(word: str) -> tuple[str, ...]:
    """Normalised parts of a compound word, nested parts included; () when it is no compound.

    Splits the word's lemma when the lexicon knows it (so inflection never forms a part),
    else the word itself, against the lexicon with linking -s-/-e-.
    """
    return _parts_lower(word.lower())


def compound_split(word: str) -> tuple[str, ...]:
    """The two normalised halves of a compound ("stomiudbuddet" -> stomi, udbud), or ()."""
    return tuple(_normalise_lower(p) for p in _pieces(word.lower()))


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)
def committee_names(name: str) -> frozenset[str]:
    """The words (normalised) that name a committee: its name's last word, the head of a Danish name
    (»økonomiudvalget«; »byrådet« for »Byråd 2022-2025«), and where the name joins words to that head by a
    hyphen (»Klima-, Teknik- og Miljøudvalget«: a suspended compound), each of them joined to the head's last
    part (»klimaudvalget«, »teknikudvalget«). Not the other words of a name: »plan« or »skole« name no
    committee. A name led by an abbreviation is named by that (»KKR Midtjylland«: »kkr«, not the region, which
    countless items write; »KD-Net«: »kd«), and a name whose first word is hyphenated by that word whole, in
    lower case (»kd-net«: `hyphenated`)."""
    words = re.findall(r"[^\W\d_]+", name)
    if not words:
        return frozenset()
    first = name.split()[0].rstrip(",.;:")
    whole = {first.lower()} if HYPHENATED.fullmatch(first) else set()
    if len(words) > 1 and acronym(words[0]) and not stop_word(words[0]):  # not »MED-udvalget«'s »med«
        return frozenset({normalise(words[0])} | whole)
    head = words[-1]
    names = {normalise(head)} if not stop_word(head) else set()  # not »Hoved-MED«'s »med«
    if tail := compound_split(head)[-1:]:
        names |= {normalise(part + tail[0]) for part in re.findall(r"([^\W\d_]+)-(?=[,\s])", name)}
    return frozenset(names | whole)


HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # »KD-Net«: words joined by hyphens, nothing after


def hyphenated(text: str) -> str | None:
    """A query clause that is one hyphenated word (»KD-Net«, »kd-net,«), in lower case, as `committee_names`
    holds a name's hyphenated first word; None for any other."""
    text = text.strip().rstrip(",.;:!?")
    return text.lower() if HYPHENATED.fullmatch(text) else None


def _pieces(word: str, nested: bool = False) -> tuple[str, ...]:
    table = lemma_table()
    word = danish(word)
    base = table.get(word, word)
    return _split(base, strict=nested or base in table) or ()


@lru_cache(maxsize=1_000_000)
def _parts_lower(word: str, nested: bool = False) -> tuple[str, ...]:
    pieces = _pieces(word, nested)
    if not pieces:
        return ()
    out: dict[str, None] = {}
    for piece in pieces:
        out[_normalise_lower(piece)] = None
        for sub in _parts_lower(piece, nested=True):
            out[sub] = None
    out.pop(_normalise_lower(word), None)
    return tuple(out)


@lru_cache(maxsize=1_000_000)
def _split(word: str, strict: bool = False) -> tuple[str, str] | None:
    """Best (modifier, head) split of a word into known words, or None.

    Prefers parts that are both plain lexicon words, then the most balanced split, then the
    longest head; a modifier may itself be a compound ("midttrafik" in "midttrafikkassekredit").
    `strict` (for words the lexicon already knows, and for parts of parts) asks for longer
    parts and only the -s- link, since splitting a known word ("kultur" -> "kul|tur") is
    where false splits come from.
    """
    shortest = MIN_PART + strict
    if len(word) < 2 * shortest or len(word) > MAX_SPLIT_LEN or not word.isalpha():
        return None
    table = lemma_table()
    best: tuple[tuple[int, int, int], tuple[str, str]] | None = None
    for i in range(shortest, len(word) - shortest + 1):
        head = word[i:]
        if head not in table or head in _NOT_HEADS or head in STOP_WORDS:
            continue
        for mod in _modifiers(word[:i], shortest, LINKING[:1] if strict else LINKING):
            known = mod in table
            if not known and _split(mod, strict) is None:
                continue
            rank = (int(known), min(len(mod), len(head)), len(head))
            if best is None or rank > best[0]:
                best = (rank, (mod, head))
    return best[1] if best else None


def _modifiers(prefix: str, shortest: int, linking: tuple[str, ...]) -> list[str]:
    """A compound's first part as written, and without a linking letter ("lægevagts")."""
    found = [prefix]
    if prefix[-1] in linking:
        found.append(prefix[:-1])
    return [m for m in found if len(m) >= shortest and m not in STOP_WORDS]


class NormaliseFilter(Filter):
    """Whoosh filter: each token's text becomes its index term (see `normalise`)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = normalise(t.text)
            yield t


class CompoundPartsFilter(Filter):
    """Whoosh filter: each compound token becomes its parts, at the compound's position."""

    def __call__(self, tokens):
        for t in tokens:
            for part in compound_parts(t.text):
                t.text = part
                yield t


class StemFilter(Filter):
    """Whoosh filter: each token's text becomes its Snowball stem (see `stem`)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = stem(t.text)
            yield t


def danish_analyzer():
    """Analyzer for the exact fields, used for both indexing and querying."""
    return RegexTokenizer(TOKEN_PATTERN) | NormaliseFilter()


def written_analyzer():
    """Analyzer for the words as written: lowercase, nothing else (the spelling suggestions' source)."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()


def compound_analyzer():
    """Analyzer for the compound-parts fields: only the parts of compound words."""
    return RegexTokenizer(TOKEN_PATTERN) | CompoundPartsFilter()


def stem_analyzer():
    """Analyzer for the whole item's stem view: Snowball stems, beside the lemmas of the exact fields."""
    return RegexTokenizer(TOKEN_PATTERN) | StemFilter()


def analyse(text: str) -> list[str]:
    """Index terms of a text, in order (handy for queries, snippets and tests)."""
    return [normalise(w) for w in tokenize(text)]
