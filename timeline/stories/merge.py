"""Several articles: which mentions tell one real event, within and across articles.

:func:`link` compares the mentions of one act (:func:`act`: base lemma, synonyms, "spoke by
phone"), scores each pair with a transparent logistic model (:func:`features`,
:func:`probability`; weights fitted on ECB+ and stored with their evidence in
``rules/weights.yaml``), keeps apart what a strong feature separates (another modality family,
reports far apart in time with little in common) and clusters by average link
(:func:`cluster`), so a chain of weak links cannot join two events; two mentions whose bounds
prove them apart count p = 0, and the member that makes such a pair inside a group leaves it
and, alone, joins the group it is nearest (:func:`separate`): no group keeps two mentions
proven apart. Linked explicit dates a few days apart go into both rows' ``warning``. The tables
are data: ``rules/merge.yaml``.

A merge is a proposal: every row keeps its own bounds, ``same_as`` names the group's
representative (the tightest explicit date, ties by article order then position),
``merge_evidence`` says why; :func:`merged_events` collapses a frame to one row per real
event, leaving out the links the user rejects.
"""

from __future__ import annotations

import array
import contextlib
import datetime as dt
import functools
import gc
import heapq
import itertools
import math
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from timeline.caches import read_cache
from timeline.errors import RuleError, TimelineError
from timeline.events.lemmas import base_lemma
from timeline.events.lexicon import all_lemmas, lexicon
from timeline.events.mentions import PASSES
from timeline.events.mentions import table as mention_rules
from timeline.model import Basis
from timeline.rules.loader import Shape, load
from timeline.rules.loader import words as word_list

RULES = Path(__file__).resolve().parent / "rules" / "merge.yaml"
SHAPE = Shape(
    tables={
        "synonyms": {"id", "act", "lemmas", "examples", "negatives"},
        "phrases": {"id", "verbs", "nouns", "window", "act", "examples", "negatives"},
        "pairs": {"id", "a", "b", "link", "conflict"},
        "senses": {
            "id",
            "lemma",
            "act",
            "uses",
            "next",
            "next_only",
            "skip_suffixes",
            "skip_words",
            "within",
            "examples",
            "negatives",
        },
        "nominalizations": {"id", "suffix", "endings", "min_stem", "examples", "negatives"},
        "speaker_roles": {"id", "words", "examples", "negatives"},
    },
    values={
        "modality_families",
        "weak_kinds",
        "saying_kinds",
        "saying_classes",
        "skip_triggers",
        "weak_classes",
        "weak_tense_aspect",
        "topic_share",
        "topic_min_articles",
        "conflict_max_gap_days",
        "near_gap_days",
        "stopwords",
        "publication_gap_days",
        "far_apart_min_shared",
        "same_article_window",
        "story_name_weight",
        "story_min_articles",
        "story_date_weight",
        "story_attach_share",
        "story_attach_margin",
        "story_actor_min_pairs",
        "compound_coordinators",
        "nominalization_passes",
    },
)
WEIGHTS = RULES.with_name("weights.yaml")
#: The pair features of the scored model, in the order the fitting script writes them.
FEATURES = (
    "same_article",
    "article_similarity",
    "same_story",
    "shared_actors",
    "actors_differ",
    "words_differ",
    "names_differ",
    "shared_words",
    "dates_agree",
    "dates_conflict",
    "same_lemma",
    "weak",
    "shared_numbers",
    "numbers_differ",
    "saying",
)
WEIGHTS_SHAPE = Shape(
    values={"intercept", "threshold", "story_threshold"},
    sections={
        "evidence": {
            "fitted_on",
            "pairs",
            "coreferent_pairs",
            "fitting_half_conll_f1",
            "method",
            "refit",
        },
        "features": set(FEATURES),
    },
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
# digits joined to letters ("76ers", "G20", "3M") are part of a name, no toll, score or age
_NUMBER = re.compile(r"(?<![A-Za-z0-9])(?>\d+(?:[.,]\d+)?)(?![A-Za-z0-9])")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+|\d+")
_QUOTED = re.compile(
    r'["\u201c][^"\u201d]*(?:["\u201d]|$)'
)  # quoted words: what was said, not the event


@functools.cache
def rules() -> MappingProxyType:
    """The tables of ``rules/merge.yaml`` and the model's weights (``rules/weights.yaml``),
    read-only. Examples:
    >>> rules()["modality_families"]["expected"]
    'irrealis'
    >>> rules()["weights"] = {}
    Traceback (most recent call last):
    TypeError: 'mappingproxy' object does not support item assignment
    """
    data = load(RULES, SHAPE)
    synonym_of: dict[str, str] = {}
    for row in data["synonyms"]:
        if not isinstance(row, dict) or not {"id", "act", "lemmas"} <= set(row):
            raise RuleError(
                f"{RULES.name}: synonyms: each row needs id, act and lemmas, got {row!r}"
            )
        for word in row["lemmas"]:
            if synonym_of.setdefault(str(word), row["act"]) != row["act"]:
                raise RuleError(
                    f"{RULES.name}: synonyms {row['id']!r}: {word!r} is already "
                    f"{synonym_of[word]!r}"
                )
    senses_of: dict[str, list[dict]] = {}
    for row in data["senses"]:
        where = f"{RULES.name}: senses: row {row.get('id')!r}"
        if not {"id", "lemma", "act", "uses"} <= set(row):
            raise RuleError(f"{where}: a sense needs id, lemma, act and uses")
        unknown = sorted(set(row["uses"]) - set(PASSES))
        if unknown:
            raise RuleError(
                f"{where}: unknown mention pass {unknown[0]!r} (known: {', '.join(PASSES)})"
            )
        senses_of.setdefault(str(row["lemma"]), []).append(
            dict(
                row,
                uses=frozenset(row["uses"]),
                next=frozenset(row.get("next") or ()),
                next_only=bool(row.get("next_only", False)),
                skip_suffixes=tuple(row.get("skip_suffixes") or ()),
                skip_words=frozenset(row.get("skip_words") or ()),
                within=int(row.get("within", 1)),
            )
        )
    weights = load(WEIGHTS, WEIGHTS_SHAPE)
    # read-only: one cached table serves every call; other weights are passed, not patched in
    return MappingProxyType(
        dict(
            data,
            stopwords=word_list(data["stopwords"], f"{RULES.name}: stopwords"),
            compound_coordinators=word_list(
                data["compound_coordinators"], f"{RULES.name}: compound_coordinators"
            ),
            synonym_of=synonym_of,
            senses_of=senses_of,
            phrase_reach=max((row["window"] for row in data["phrases"]), default=0),
            weights=weights,
        )
    )


def _norm(word: str) -> str:
    """Lower case, no possessive, a crude singular ('tariffs' meets 'tariff')."""
    word = word.lower().rstrip("'\u2019").removesuffix("'s").removesuffix("\u2019s")
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


# The clause analyses below are cached: the rows of one clause share its text, and so do a
# reprinted story's copies; what they return is shared by every caller, hence immutable
# (tuples, frozensets, read-only mappings).
@read_cache()
def _names(text: str, stop: frozenset) -> tuple[tuple[str, ...], ...]:
    """The names of a clause outside quotations, each as its normalized words: runs of
    capitalised words ('Vincent Jackson', 'Mt Cook'), a single one too unless it opens the clause
    (a sentence's first word is capitalised whatever it is).

    Examples:
        >>> _names("Chargers receiver Vincent Jackson was arrested in San Diego", frozenset())
        (('vincent', 'jackson'), ('san', 'diego'))
    """
    found, run, last = [], [], 0
    text = _QUOTED.sub(" ", text or "")
    for match in _WORD.finditer(text):
        word = match.group()
        upper = (word[:1].isupper() or word[1:2].isupper()) and word.lower() not in stop
        if run and (not upper or text[last : match.start()].strip()):
            found.append(run)
            run = []
        if upper:
            run.append((match.start(), _norm(word)))
        last = match.end()
    if run:
        found.append(run)
    return tuple(tuple(w for _, w in r) for r in found if len(r) > 1 or r[0][0] > 0)


@read_cache()
def _tokens(text: str, stop: frozenset) -> frozenset[str]:
    return frozenset(_norm(w) for w in _WORD.findall(text or "") if w.lower() not in stop)


@read_cache()
def _parts(run: str) -> frozenset[str]:
    return frozenset(_norm(part) for part in run.split())


@read_cache()
def _runs(text: str, stop: frozenset) -> MappingProxyType[str, int]:
    """Content words outside quotations, each with the index of its run: adjacent capitalised
    words (and a number after them) are one name, 'San Francisco', 'iPhone 4': they count as one
    shared item, and the whole name is an item too (a rarer one than its words)."""
    words, run, capital, names, last = {}, 0, False, {}, 0
    text = _QUOTED.sub(" ", text or "")
    for match in _TOKEN.finditer(text):
        word = match.group()
        upper = (
            word[:1].isupper() or word[1:2].isupper()
        ) and word.lower() not in stop  # 'iPhone', not 'In'
        number = word.isdigit()
        if (
            not ((upper or number) and capital) or text[last : match.start()].strip()
        ):  # punctuation ends a name
            run += 1
        capital, last = upper or (number and capital), match.end()
        if capital:
            names.setdefault(run, []).append(word.lower())
        if not number and word.lower() not in stop:
            words.setdefault(_norm(word), run)
    for k, parts in names.items():
        if len(parts) > 1:
            words.setdefault(" ".join(parts), k)
    return MappingProxyType(words)


@dataclass(frozen=True, eq=False)
class StoryMention:
    """A timeline row as :func:`link` compares it with the other mentions of its act.

    Compared by identity (two rows may read alike). ``row`` is the row itself: a link sets its
    ``same_as``, ``merge_evidence`` and ``warning``.
    """

    row: dict
    article: int  # index of its article in the list given to link
    position: int  # its rank in its article, by trigger position
    actors: dict[str, frozenset[str]]  # capitalized actor names -> their words
    runs: dict[str, int]  # the clause's words and names (>= 3 letters) -> the run they are in
    names: tuple[frozenset[str], ...]  # its actors' and its clause's names (:func:`_names`)
    parts: dict[str, frozenset[str]]  # each run's normalized words
    words: frozenset[str]  # every run
    rare: frozenset[str]  # the runs that are not topic words of the whole set of articles
    explicit: bool  # dated by an explicit expression
    lemma: str  # base lemma
    act: str  # what it names, for type compatibility (:func:`act`)
    story: int = 0  # its article's story (:func:`stories_of`)
    published: dt.date | None = None  # its article's publication date
    weak: bool = False  # a saying, a state, a habit or a generic verb (:func:`_candidates`)
    saying: bool = False  # a saying: linked only across articles, by its speaker (:func:`features`)
    numbers: frozenset[str] = frozenset()  # the clause's, outside quotations and its date: an age
    # derived in __post_init__, so that comparing two mentions costs a few set operations and
    # number comparisons: its bounds as nanoseconds (an open bound infinite) and every word of
    # its names
    low: float = field(init=False, repr=False, compare=False)
    high: float = field(init=False, repr=False, compare=False)
    known: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        first, last = self.row.get("earliest"), self.row.get("latest")  # none: open
        object.__setattr__(self, "low", -math.inf if pd.isna(first) else pd.Timestamp(first).value)
        object.__setattr__(self, "high", math.inf if pd.isna(last) else pd.Timestamp(last).value)
        object.__setattr__(self, "known", frozenset().union(*self.names))


def speaker_roles(speakers: list[str], table: dict) -> list[str]:
    """The roles (``speaker_roles``) a saying's speakers are described by, as actor keys: a
    speaker whose description ends in one of a role's words ("her rep", "the singer's
    publicist", "police") holds it, so that two reports' sayings of one spokesperson share
    their speaker.

    Examples:
        >>> speaker_roles(["her rep"], rules()), speaker_roles(["Varga's attorney"], rules())
        (['role:spokesperson'], ['role:lawyer'])
        >>> speaker_roles(["Jane Varga", "her cousin"], rules()), speaker_roles(["police"], rules())
        ([], ['role:authorities'])
    """
    last = {words[-1] for words in (speaker.lower().split() for speaker in speakers) if words}
    return [f"role:{row['id']}" for row in table["speaker_roles"] if last & set(row["words"])]


def _mention(
    row: dict,
    index: int,
    position: int,
    stop: frozenset,
    topic: set,
    table: dict,
    weak: bool = False,
    saying: bool = False,
) -> StoryMention:
    actors = {
        name: frozenset(_tokens(name, stop))
        for name in row["actors"]  # a name: capitalised, not 'The'
        if _tokens(name, stop) and any(w[:1].isupper() for w in name.split())
    }
    if saying:
        actors.update((role, frozenset({role})) for role in speaker_roles(row["actors"], table))
    drop = _tokens(row["trigger"], stop) | _tokens(row.get("timex") or "", stop)
    runs = {
        w: k
        for w, k in _runs(row["text"], stop).items()
        if len(w) >= 3 and drop.isdisjoint(w.split())
    }
    return StoryMention(
        row=row,
        article=index,
        position=position,
        actors=actors,
        runs=runs,
        parts={w: _parts(w) for w in runs},
        words=frozenset(runs),
        names=(
            *actors.values(),
            *(frozenset(n) for n in _names(row["text"], stop) if not drop.intersection(n)),
        ),
        rare=frozenset(runs) - topic,
        explicit=_explicit(row),
        numbers=frozenset(_NUMBER.findall(_QUOTED.sub(" ", row["text"] or "")))
        - frozenset(_NUMBER.findall(row.get("timex") or "")),
        lemma=base_lemma(row.get("lemma") or row["trigger"]),
        act=act(row, table),
        weak=weak,
        saying=saying,
    )


def _explicit(row: dict) -> bool:
    """Dated by an explicit expression."""
    return row["basis"] == Basis.EXPLICIT and row.get("timex") is not None


def _overlap(a: dict, b: dict) -> bool:
    (ea, la), (eb, lb) = (a["earliest"], a["latest"]), (b["earliest"], b["latest"])
    return (pd.isna(ea) or pd.isna(lb) or ea <= lb) and (pd.isna(eb) or pd.isna(la) or eb <= la)


def _span(row: dict) -> str:
    first, last = (
        "" if pd.isna(d) else d.date().isoformat() for d in (row["earliest"], row["latest"])
    )
    return (
        first
        if first == last and first
        else f"{first or '...'}..{last}"
        if first or last
        else "undated"
    )


_NONE: frozenset[str] = frozenset()
_DAY_NS = 86_400 * 10**9  # a day in nanoseconds (StoryMention.low / high)


def _shared_actors(a: StoryMention, b: StoryMention) -> tuple[list[str], set[str]]:
    """Actors of both ('Trump' and 'Donald Trump': one's words within the other's), by the longer
    name, and all their words."""
    shared, words = set(), set()
    for name_a, words_a in a.actors.items():
        for name_b, words_b in b.actors.items():
            if words_a <= words_b or words_b <= words_a:
                shared.add(max(name_a, name_b, key=lambda n: (len(n), n)))
                words |= words_a | words_b
    return sorted(shared), words


def act(row: dict, table: dict) -> str:
    """The act a mention names, for type compatibility: its base lemma (events/rules/lemmas.yaml;
    a hyphenated compound's head, :func:`_compound_head`; a noun's verb, :func:`nominal_verb`),
    then the synonym sets of ``rules/merge.yaml`` ("strike", "bombing" -> ``attack``) and the
    phrases a verb makes with a noun right after it ("spoke by phone" -> ``call``, "hold an
    urgent meeting" -> ``meet``), within the senses of a lemma of two (``senses``: "fired the
    coach" is a dismissal, "the fire" is not, "passed the record" is no death). A row without
    ``trigger_rule`` (no mention pass known) passes the ``uses`` of every sense. Examples:
    >>> table = rules()
    >>> cases = (("bombing", "bombing"), ("spoke", "spoke by phone with Rubio"),
    ...          ("spoke", "spoke to reporters"), ("hold", "hold an urgent meeting"),
    ...          ("caught", "caught fire"), ("set", "set a record"),
    ...          ("passed", "passed away"), ("passed", "passed the record"),
    ...          ("fired", "fired the coach"))
    >>> [act(dict(trigger=t, lemma=None, text=x, start=0, trigger_start=0), table)
    ...  for t, x in cases]
    ['attack', 'call', 'speak', 'meet', 'blaze', 'record', 'die', 'pass', 'dismiss']
    """
    lemma = _compound_head(base_lemma(row.get("lemma") or row["trigger"]), table)
    rule = (row.get("trigger_rule") or "").partition(":")[0]
    use = mention_rules()[rule].pass_ if rule else None
    if use in table["nominalization_passes"]:
        lemma = nominal_verb(lemma, table)
    # the words after the trigger, read as far as a phrase's window or a sense's next word
    # asks (not to the end of a long clause)
    later = (
        _norm(m.group())
        for m in _WORD.finditer(
            row.get("text") or "", row["trigger_start"] - row["start"] + len(row["trigger"])
        )
    )
    after = list(itertools.islice(later, table.get("phrase_reach")))
    for phrase in table["phrases"]:
        if lemma in phrase["verbs"] and set(after[: phrase["window"]]) & set(phrase["nouns"]):
            return phrase["act"]
    senses = table["senses_of"].get(lemma)
    if senses:
        after += later  # a sense's next word may lie beyond the phrases' reach
        dated = {_norm(w) for w in _WORD.findall((row.get("timex") or "").lower())}
        for sense in senses:
            skip = sense["skip_suffixes"]
            read = list(
                itertools.islice(
                    (
                        w
                        for w in after
                        if w not in dated and not w.endswith(skip) and w not in sense["skip_words"]
                    ),
                    sense["within"],
                )
            )  # the next word, or the first few ("addresses a critical flaw")
            ended = not read and not sense["next_only"]
            if (use is None or use in sense["uses"]) and (
                not sense["next"] or ended or any(w in sense["next"] for w in read)
            ):
                return sense["act"]
        return lemma
    return table["synonym_of"].get(lemma, lemma)


def _compound_head(lemma: str, table: dict) -> str:
    """The act a hyphenated compound names: its head's, the last part (English compounds are
    right-headed: "drunk-driving" and "drink-driving" are a driving, "re-examine" an
    examining); a coordinated compound ("hit-and-run": `compound_coordinators`) heads itself.

    Examples:
        >>> [_compound_head(w, rules()) for w in ("drunk-driving", "hit-and-run", "sign")]
        ['drive', 'hit-and-run', 'sign']
    """
    parts = lemma.split("-")
    if len(parts) < 2 or not parts[-1] or table["compound_coordinators"] & set(parts):
        return lemma
    return base_lemma(parts[-1])


@read_cache()
def _verb_reading(word: str) -> str | None:
    verb = all_lemmas(word).get("VERB")
    return verb[0] if verb else None


def nominal_verb(lemma: str, table: dict) -> str:
    """The verb a noun is made from by a suffix (``nominalizations``), or the lemma itself: a
    noun with no verb reading whose stem (at least ``min_stem`` letters before the suffix) plus
    one of the row's ``endings`` is a verb the lexicon knows, a doubled last consonant undone
    ("stoppage" / "stop"). The derivation table of events/rules/lemmas.yaml ("signature") and
    the synonym sets come first (:func:`act`).

    Examples:
        >>> [nominal_verb(w, rules()) for w in ("investigation", "stoppage", "tension", "damage")]
        ['investigate', 'stop', 'tension', 'damage']
    """
    if _verb_reading(lemma) is not None or lemma in table["synonym_of"]:
        return lemma
    for row in table["nominalizations"]:
        stem = lemma.removesuffix(row["suffix"])
        if stem == lemma or len(stem) < row["min_stem"]:
            continue
        for ending in row["endings"]:
            for verb in dict.fromkeys(
                [stem + ending, stem[:-1] + ending if stem[-1] == stem[-2] else stem + ending]
            ):
                if _verb_reading(verb) == verb:
                    return verb
    return lemma


def _article_vectors(
    per_article: list[list[dict]], table: dict, only_names: bool = False
) -> list[dict[str, float]]:
    """Each article as a unit tf-idf vector of what its rows' clauses say (each clause once): their
    content words and names, their names again (``story_name_weight`` times: two reports of one
    event name its people and places; two events of one kind share its words), their numbers
    (a toll, a score, an age) and the months of their explicit dates (``story_date_weight``
    times). The idf is smoothed, over the articles given. ``only_names``: the names alone.

    Examples:
        >>> row = dict(basis="inferred", timex=None)
        >>> v = _article_vectors([[dict(row, text="Jackson was arrested in San Diego")],
        ...                       [dict(row, text="Williams was arrested for 2 weeks")]], rules())
        >>> sorted(v[0]), sorted(v[1])
        (['arrested', 'diego', 'jackson', 'san', 'san diego'], ['#2', 'arrested', 'william'])
        >>> v = _article_vectors([[dict(row, text="Police held Jackson in San Diego")]], rules(),
        ...                      only_names=True)
        >>> sorted(v[0])
        ['diego', 'jackson', 'san', 'san diego']
    """
    stop = table["stopwords"]
    counts = []
    for rows in per_article:
        bag: dict[str, int] = {}

        def add(key: str, n: int = 1) -> None:
            if n > 0:  # a weight of 0 leaves the key out (a zero count has no tf)
                bag[key] = bag.get(key, 0) + n  # noqa: B023 (called within the iteration)

        for text in dict.fromkeys(row["text"] for row in rows):
            for word in () if only_names else _runs(text, stop):
                if len(word) >= 3:
                    add(word)
            for name in _names(text, stop):
                for key in {" ".join(name), *name}:
                    if len(key) >= 3:
                        add(key, table["story_name_weight"])
            for number in () if only_names else _NUMBER.findall(_QUOTED.sub(" ", text)):
                add("#" + number)
        for row in () if only_names else rows:
            if _explicit(row) and not pd.isna(row["earliest"]) and not pd.isna(row["latest"]):
                if (row["latest"] - row["earliest"]).days <= 31:
                    add(row["earliest"].strftime("@%Y-%m"), table["story_date_weight"])
        counts.append(bag)
    n = len(counts)
    df: dict[str, int] = {}
    for bag in counts:
        for word in bag:
            df[word] = df.get(word, 0) + 1
    vectors = []
    for bag in counts:
        vec = {w: (1 + math.log(c)) * (math.log((n + 1) / (df[w] + 1)) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def _similar_pairs(vectors: list[dict[str, float]], least: float) -> dict[tuple[int, int], float]:
    """Every two articles whose cosine is at least ``least``, with it: an all-pairs similarity
    join with prefix filtering (Bayardo, Ma and Srikant 2007), near-linear on news.

    Each vector's commonest words go unindexed while the most they could add to a cosine (their
    weights times their largest weights in any vector, or their norm) stays below ``least``: two
    articles that reach it share an indexed word, so probing the index finds them, and the dot
    product over the indexed words plus that most tells which can. Their cosines are computed
    exactly (:func:`_cosine`).

    Examples:
        >>> v = [{"quake": 0.8, "chile": 0.6}, {"quake": 0.6, "chile": 0.8}, {"oscar": 1.0}]
        >>> {k: round(s, 2) for k, s in _similar_pairs(v, 0.5).items()}
        {(0, 1): 0.96}
    """
    if least <= 0:
        return {
            (i, j): _cosine(vectors[i], vectors[j])
            for i in range(len(vectors))
            for j in range(i + 1, len(vectors))
        }
    same = _same_vectors(vectors)
    if len(set(same)) < len(vectors):
        return _copies_alike(vectors, same, least)
    df: dict[str, int] = {}
    top: dict[str, float] = {}
    for vec in vectors:
        for w, v in vec.items():
            df[w] = df.get(w, 0) + 1
            top[w] = max(top.get(w, 0.0), v)
    index: dict[str, tuple[list[int], list[float]]] = {}  # word -> vectors (ascending), weights
    rest = []  # the most each vector's unindexed words can add to a cosine
    for k, vec in enumerate(vectors):
        bound = norm = 0.0
        for w in sorted(vec, key=lambda w: (-df[w], w)):
            if min(bound + vec[w] * top[w], math.sqrt(norm + vec[w] ** 2)) >= least * (1 - 1e-9):
                ids, weights = index.setdefault(w, ([], []))
                ids.append(k)
                weights.append(vec[w])
            else:
                bound, norm = bound + vec[w] * top[w], norm + vec[w] ** 2
        rest.append(min(bound, math.sqrt(norm)))
    # in bulk (numpy), per vector: the partial dot products with the later vectors through the
    # index, then the whole dot products of those that can reach ``least``; both only choose
    # which cosines to compute exactly, with a margin far above their rounding error
    number = {w: k for k, w in enumerate(dict.fromkeys(w for vec in vectors for w in vec))}
    lengths = np.array([len(vec) for vec in vectors])
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    columns = np.array([number[w] for vec in vectors for w in vec], dtype=np.int64)
    values = np.array([v for vec in vectors for v in vec.values()], dtype=float)
    first, size = np.zeros(len(number), np.int64), np.zeros(len(number), np.int64)
    listed, weighed, count = [], [], 0
    for w, (ids, weights) in index.items():
        first[number[w]], size[number[w]] = count, len(ids)
        count += len(ids)
        listed.append(ids)
        weighed.append(weights)
    listed_ids = np.array([k for ids in listed for k in ids], dtype=np.int64)
    listed_weights = np.array([v for weights in weighed for v in weights], dtype=float)
    margin = least * (1 - 1e-9)
    reach = margin - np.array(rest)
    dense = np.zeros(len(number))
    found = {}
    words = [frozenset(vec) for vec in vectors]
    exact: dict[tuple[int, int], float] = {}
    n = len(vectors)
    for i, vec in enumerate(vectors):
        mine = columns[offsets[i] : offsets[i + 1]]
        own = values[offsets[i] : offsets[i + 1]]
        probe = size[mine] > 0
        at = _ranges(first[mine[probe]], size[mine[probe]])
        if not len(at):
            continue
        later = listed_ids[at] > i
        ids = listed_ids[at][later]
        products = (listed_weights[at] * np.repeat(own[probe], size[mine[probe]]))[later]
        partial = np.bincount(ids, products, minlength=n)
        touched = np.bincount(ids, minlength=n) > 0
        candidates = np.flatnonzero(touched & (partial >= reach))
        if not len(candidates):
            continue
        dense[mine] = own
        at = _ranges(offsets[candidates], lengths[candidates])
        ends = np.cumsum(lengths[candidates])
        dots = np.add.reduceat(dense[columns[at]] * values[at], ends - lengths[candidates])
        dense[mine] = 0.0
        for j in candidates[dots >= margin].tolist():
            key = (same[i], same[j]) if same[i] <= same[j] else (same[j], same[i])
            if key not in exact:
                exact[key] = _cosine(vec, vectors[j], words[i] & words[j])
            if exact[key] >= least:
                found[i, j] = exact[key]
    return found


def _copies_alike(vectors: list[dict[str, float]], same: list[int], least: float) -> dict:
    """:func:`_similar_pairs` of vectors some of which are equal (``same``: the first equal to
    each): the join on the distinct ones, each pair found then given to their copies, in the
    order of the join on all (a reprinted story k times would cost k x k probes).

    Examples:
        >>> v = [{"quake": 0.8, "chile": 0.6}, {"oscar": 1.0}, {"quake": 0.8, "chile": 0.6}]
        >>> {k: round(s, 2) for k, s in _copies_alike(v, [0, 1, 0], 0.5).items()}
        {(0, 2): 1.0}
    """
    distinct = sorted(set(same))
    near: dict[int, list[tuple[int, float]]] = {k: [] for k in distinct}
    for (a, b), s in _similar_pairs([vectors[k] for k in distinct], least).items():
        near[distinct[a]].append((distinct[b], s))
        near[distinct[b]].append((distinct[a], s))
    for k in distinct:  # a vector and its copies: its cosine with itself
        alike = _cosine(vectors[k], vectors[k])
        if alike >= least:
            near[k].append((k, alike))
    copies: dict[int, list[int]] = {}
    for k, first in enumerate(same):
        copies.setdefault(first, []).append(k)
    found = {}
    for i, first in enumerate(same):
        later = sorted((j, s) for k, s in near[first] for j in copies[k] if j > i)
        found.update(((i, j), s) for j, s in later)
    return found


def _ranges(starts, lengths):
    """The positions ``starts[k]``, ..., ``starts[k] + lengths[k] - 1`` of every k, in order.

    Examples:
        >>> _ranges(np.array([5, 0]), np.array([2, 3])).tolist()
        [5, 6, 0, 1, 2]
    """
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, np.int64)
    before = np.cumsum(lengths) - lengths
    return np.repeat(starts - before, lengths) + np.arange(total)


def _same_vectors(vectors: list[dict[str, float]]) -> list[int]:
    """For each vector, the first one equal to it (itself when none is)."""
    first: dict[tuple, int] = {}
    return [first.setdefault(tuple(sorted(vec.items())), k) for k, vec in enumerate(vectors)]


def _components(n: int, edges) -> list[list[int]]:
    """Connected components (sorted members, two or more) of n nodes under ``edges``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(find(k), []).append(k)
    return [g for g in groups.values() if len(g) > 1]


def stories_of(vectors: list[dict], threshold: float, alike: dict | None = None) -> list[int]:
    """The story of each article: articles clustered (average link) on their similarity; two
    reports of one event share its names, two events of one kind do not.

    Average link joins two groups only when some pair between them reaches the threshold, so
    only the articles connected by such pairs are clustered, set by set; inside a set, two
    articles less than half the threshold alike count as unrelated (0), so a story of many
    articles needs no comparison of every two of them. ``alike``: the article pairs at least
    half the threshold alike or less, with their cosines (:func:`_similar_pairs`), when the
    caller has them already.

    Examples:
        >>> stories_of([{"quake": 1.0}, {"oscar": 1.0}, {"quake": 0.8, "chile": 0.6}], 0.5)
        [0, 1, 0]
    """
    n = len(vectors)
    story = list(range(n))
    if alike is None:
        alike = _similar_pairs(vectors, threshold / 2)
    else:
        alike = {pair: s for pair, s in alike.items() if s >= threshold / 2}
    strong = (pair for pair, s in alike.items() if s >= threshold)
    sets = _components(n, strong)
    where = {k: (c, a) for c, members in enumerate(sets) for a, k in enumerate(members)}
    pairs: list[dict] = [{} for _ in sets]
    for (i, j), s in alike.items():
        if i in where and j in where and where[i][0] == where[j][0]:
            pairs[where[i][0]][where[i][1], where[j][1]] = (True, s)
    for members, within in zip(sets, pairs):
        for group in cluster(len(members), within, threshold):
            for k in group:
                story[members[k]] = members[group[0]]
    return _attach_loners(story, alike, threshold, rules())


def _attach_loners(story: list[int], alike: dict, threshold: float, table: dict) -> list[int]:
    """An article alone in its story joins the story it is clearly nearest: its mean similarity
    to that story's articles (a pair below half the threshold counts 0) is at least
    ``story_attach_share`` of the threshold and ``story_attach_margin`` times that to any other
    story. A report that adds its own details to an event has too few of a story's words to
    reach the threshold with any one article, yet leans to one story; two stories are never
    joined this way.

    Examples:
        >>> alike = {(0, 1): 0.3, (0, 2): 0.07, (1, 2): 0.06, (3, 4): 0.3, (2, 3): 0.01}
        >>> _attach_loners([0, 0, 2, 3, 3], alike, 0.14, rules())
        [0, 0, 0, 3, 3]
    """
    size: dict[int, int] = {}
    for s in story:
        size[s] = size.get(s, 0) + 1
    sums: dict[int, dict[int, float]] = {}  # loner -> story -> summed similarity
    for (i, j), s in alike.items():
        for a, b in ((i, j), (j, i)):
            if size[story[a]] == 1 and size[story[b]] > 1:
                to = sums.setdefault(a, {})
                to[story[b]] = to.get(story[b], 0.0) + s
    out = list(story)
    for k, to in sorted(sums.items()):
        means = sorted(((s / size[g], g) for g, s in to.items()), reverse=True)
        best, second = means[0][0], means[1][0] if len(means) > 1 else 0.0
        if best >= table["story_attach_share"] * threshold and best >= (
            table["story_attach_margin"] * second
        ):
            out[k] = means[0][1]
    return out


def _attach_by_actors(story: list[int], candidates: dict, table: dict) -> list[int]:
    """An article still alone in its story joins the story whose articles' mentions share an
    actor with most of its own mentions of their act (pairs counted; at least
    ``story_actor_min_pairs`` and ``story_attach_margin`` times those with any other story). A
    report of one check-in that names the singer and the clinic but few of the other reports'
    words ("Jane Varga has checked into a clinic in Malibu") is too unlike any one of them, yet
    its mentions' participants are theirs. ``candidates``: act -> mentions (:func:`_candidates`).

    Examples:
        >>> from types import SimpleNamespace as M
        >>> varga = {"Jane Varga": frozenset({"jane", "varga"})}
        >>> lind = {"Lind": frozenset({"lind"})}
        >>> acts = {"enter": [M(article=0, actors=varga), M(article=1, actors=varga),
        ...                   M(article=1, actors={"Varga": frozenset({"varga"})}),
        ...                   M(article=2, actors=lind), M(article=3, actors=lind)]}
        >>> _attach_by_actors([0, 1, 1, 3], acts, rules())  # article 0 alone, 1 and 2 one story
        [1, 1, 1, 3]
    """
    size: dict[int, int] = {}
    for s in story:
        size[s] = size.get(s, 0) + 1
    if all(size[s] > 1 for s in story):
        return story
    counts: dict[int, dict[int, int]] = {}  # lone article -> story -> pairs sharing an actor
    for mentions in candidates.values():
        lone = [m for m in mentions if size[story[m.article]] == 1 and m.actors]
        if not lone:
            continue
        # the other stories' actors (their words) -> story -> mentions naming them, and each
        # word -> those actors: a lone mention looks up actors, not every mention of its act
        named: dict[frozenset, dict[int, int]] = {}
        for m in mentions:
            if size[story[m.article]] > 1:
                for words in set(m.actors.values()):
                    to = named.setdefault(words, {})
                    to[story[m.article]] = to.get(story[m.article], 0) + 1
        by_word: dict[str, set] = {}
        for words in named:
            for word in words:
                by_word.setdefault(word, set()).add(words)
        for x in lone:
            near = set()
            for mine in x.actors.values():
                for word in mine:
                    near.update(w for w in by_word.get(word, ()) if w <= mine or mine <= w)
            to = counts.setdefault(x.article, {})
            for words in near:
                for s, n in named[words].items():
                    to[s] = to.get(s, 0) + n
    out = list(story)
    for article, to in sorted(counts.items()):
        if not to:
            continue
        ranked = sorted(((n, s) for s, n in to.items()), reverse=True)
        best, second = ranked[0][0], ranked[1][0] if len(ranked) > 1 else 0
        if best >= table["story_actor_min_pairs"] and best >= table["story_attach_margin"] * second:
            out[article] = ranked[0][1]
    return out


def _cosine(a: dict, b: dict, shared=None) -> float:
    # over the shared words only, summed exactly: the same value whichever order they come in;
    # ``shared``: the shared words, when the caller has the vectors' words as frozensets (their
    # intersection costs a third of the dicts')
    if shared is None:
        shared = a.keys() & b.keys()  # iterated twice in one order
    return math.fsum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def features(a: StoryMention, b: StoryMention, similarity: float, table: dict) -> dict | None:
    """The evidence that mentions a and b (same act) tell one real event, as the model's features;
    None when a strong feature separates them: other modality family, a saying not told by one
    named speaker in two articles of one story, reports far apart in time with too little in
    common; :data:`DATES_APART` when their bounds prove them apart (more than
    ``conflict_max_gap_days``, or more than ``near_gap_days`` without an explicit date on both and
    a shared actor): no event of both, no bar to their groups (:func:`separate`). An open bound
    is no evidence either way."""
    ra, rb = a.row, b.row
    families = table["modality_families"]
    far_apart = (
        a.published is not None
        and b.published is not None
        and abs((a.published - b.published).days) > table["publication_gap_days"]
    )
    if families[ra["modality"]] != families[rb["modality"]]:
        return None
    actors, actor_words = _shared_actors(a, b) if a.actors and b.actors else ([], _NONE)
    if (a.saying or b.saying) and not (actors and a.article != b.article and a.story == b.story):
        # one saying in two reports of one story, by its named speaker; in one article, two
        # sayings of one speaker are two things said ("announced the iPod" / "announced iCloud")
        return None
    dated = a.explicit and b.explicit
    conflict = not (a.low <= b.high and b.low <= a.high)  # as _overlap(ra, rb), on numbers
    apart = False
    if conflict:
        # on the bounds as numbers: an open bound (infinite) never makes the gap, whichever
        # mention comes first (max() over NaT-valued differences kept the first, NaT, and let
        # "...-Feb 1" and "Mar 1" pass when the open one came first)
        gap = math.floor(max(a.low - b.high, b.low - a.high) / _DAY_NS)
        if gap > table["near_gap_days"] and not (
            dated and actors and gap <= table["conflict_max_gap_days"]
        ):
            # that mention stands apart, not its group (DATES_APART): a report's background "a
            # stay at the clinic in 2009", or one mention misread as after its report, need not
            # keep the other reports' groups of one event apart
            apart = True
    # explicit dates equal on both sides (an open bound equals nothing, as NaT does not)
    same_day = dated and a.low == b.low > -math.inf and a.high == b.high < math.inf
    shared = a.words & b.words if same_day else a.rare & b.rare
    words = sorted((w for w in shared if not actor_words & a.parts[w]) if actor_words else shared)
    items = len({a.runs[w] for w in words}) if words else 0

    def own(m: StoryMention) -> bool:  # any clause word beyond its actors (an object, a place)
        return any(not actor_words & m.parts[w] for w in m.rare) if actor_words else bool(m.rare)

    if far_apart and not (
        (dated or len(actors) + items >= table["far_apart_min_shared"]) and not conflict
    ):
        return None  # reports far apart in time: explicit dates that agree, or much shared
    if apart:
        return DATES_APART
    return {
        "same_article": float(a.article == b.article),
        "article_similarity": 1.0 if a.article == b.article else similarity,
        "same_story": float(a.story == b.story),
        "shared_actors": float(min(len(actors), 2)),
        "actors_differ": float(bool(a.actors and b.actors and not actors)),
        "words_differ": float(not words and own(a) and own(b)),
        "names_differ": float(min(_other_names(a, b), _other_names(b, a), 2)),
        "shared_words": float(min(items, 3)),
        "dates_agree": float(dated and not conflict),
        "dates_conflict": float(conflict),
        "same_lemma": float(a.lemma == b.lemma),
        "weak": float(a.weak or b.weak),
        # two victims' ages, two tolls, two scores: numbers on both sides and none shared
        "shared_numbers": float(bool(a.numbers & b.numbers)),
        "numbers_differ": float(bool(a.numbers and b.numbers and not a.numbers & b.numbers)),
        "saying": float(a.saying or b.saying),
        "_actors": actors,
        "_words": words,
    }


#: What :func:`features` gives two mentions whose bounds prove them apart: no event of both, yet
#: no bar to joining their groups (:func:`cluster` counts it p = 0). One mention's date, read from
#: its own expression or from its article's tense and publication day, may be its alone (a
#: report's background event, a misread tense); :func:`separate` takes out of a group the members
#: that make such pairs, so no group keeps two of them, and two events dated apart in most of
#: their mentions stay apart: their many p = 0 pairs keep the mean below the threshold.
DATES_APART: Mapping = MappingProxyType({"_apart": "dates"})


def _other_names(a: StoryMention, b: StoryMention) -> int:
    """How many names of a (its actors', its clause's) share no word with a name of b: another
    participant or another place ("Jackson was arrested" / "Williams was arrested", "in Berlin" /
    "in Boston") is evidence of another event when both clauses name one."""
    return sum(map(b.known.isdisjoint, a.names))


def probability(found: dict, weights: dict) -> float:
    """The model's probability that two mentions are one event: a logistic function of the
    features, weights from ``rules/weights.yaml`` (fitted on ECB+, with their evidence)."""
    if found is DATES_APART:
        return 0.0
    return _logistic(weights["intercept"] + sum(_terms(found, weights)))


def _terms(found: dict, weights: dict) -> list[float]:
    """Each feature's weight times its value, in the order of ``found`` (summed in it)."""
    given = weights["features"]
    return [given[name]["weight"] * value for name, value in found.items() if name[0] != "_"]


def _logistic(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _evidence(a: StoryMention, b: StoryMention, found: dict, p: float) -> str:
    ra, rb = a.row, b.row
    parts = [
        f"same lemma '{a.lemma}'"
        if found["same_lemma"]
        else f"same act '{a.act}' ({a.lemma}/{b.lemma})"
    ]
    parts += [
        f"shared {name}{'s' * (len(items) > 1)} {', '.join(items)}"
        for name, items in (("actor", found["_actors"]), ("word", found["_words"]))
        if items
    ]
    if found["shared_numbers"]:
        parts.append(f"shared numbers {', '.join(sorted(a.numbers & b.numbers))}")
    elif found["numbers_differ"]:
        parts.append(
            f"numbers differ {', '.join(sorted(a.numbers))} / {', '.join(sorted(b.numbers))}"
        )
    sa, sb = _span(ra), _span(rb)
    parts.append(
        f"dates conflict {sa} vs {sb}"
        if found["dates_conflict"]
        else f"dates agree {sa}"
        if sa == sb != "undated"
        else f"bounds overlap ({sa} / {sb})"
    )
    if not found["same_article"]:
        parts.append(f"articles alike {found['article_similarity']:.2f}")
    parts.append(f"p {p:.2f}")
    return ", ".join(parts)


def _candidates(per_article: list[list[dict]], table: dict) -> dict[str, list[StoryMention]]:
    """Linkable mentions bucketed by act, in article order then position; topic words removed.
    A negated mention is no event (never linked), nor a trigger of ``skip_triggers``; a saying
    (``saying_kinds`` / ``saying_classes``: the ``saying`` feature, linked only by its speaker
    across articles), a generic lemma, a kind, class or tense of the ``weak_*`` lists marks a weak
    mention (the ``weak`` feature)."""
    stop, families = table["stopwords"], table["modality_families"]
    generic = lexicon().words["generic"]
    weak_tense = {tuple(pair) for pair in table["weak_tense_aspect"]}
    # topic words: in more than topic_share of the articles (and more than topic_min_articles)
    # they are no evidence
    # unless both mentions carry the same explicit dates
    seen: dict[str, set] = {}
    for index, rows in enumerate(per_article):
        for word in (w for row in rows for w in _runs(row["text"], stop)):
            seen.setdefault(word, set()).add(index)
    limit = max(table["topic_min_articles"], table["topic_share"] * len(per_article))
    topic = {word for word, articles in seen.items() if len(articles) > limit}
    buckets: dict[str, list[StoryMention]] = {}
    for index, rows in enumerate(per_article):
        for position, row in enumerate(sorted(rows, key=lambda r: r["trigger_start"])):
            saying = (
                row["kind"] in table["saying_kinds"]
                or row["event_class"] in table["saying_classes"]
            )
            if (
                row["trigger"].lower() in table["skip_triggers"]
                or families.get(row["modality"]) is None
                or (saying and len(per_article) < 2)  # a saying links only across articles
            ):
                continue
            weak = (
                saying
                or (row.get("lemma") or row["trigger"]).lower() in generic
                or row["kind"] in table["weak_kinds"]
                or row["event_class"] in table["weak_classes"]
                or (row["tense"], row["aspect"]) in weak_tense
            )
            mention = _mention(row, index, position, stop, topic, table, weak, saying)
            if saying and not mention.actors:
                continue  # a saying links only by its named speaker (:func:`features`)
            buckets.setdefault(mention.act, []).append(mention)
    return buckets


#: Features a cross-article pair can only have when its mentions share something an index finds,
#: and that something: a story, an actor's word, a clause item, explicit dates within reach.
_SHARED = {
    "same_story": "story",
    "shared_actors": "actor",
    "shared_words": "word",
    "dates_agree": "date",
    "dates_conflict": "date",
    "shared_numbers": "number",
}
_MOST = {"shared_actors": 2.0, "shared_words": 3.0}  # the features' largest values


def _least_similarity(weights: dict, threshold: float) -> float:
    """The article similarity below which two mentions of different articles that share nothing
    an index finds (:data:`_SHARED`) cannot reach ``threshold``, whatever their other features;
    0 when no similarity rules a pair out (every pair is then compared).

    Examples:
        >>> w = dict(intercept=-2.0, features={n: {"weight": 0.0} for n in FEATURES})
        >>> w["features"]["article_similarity"]["weight"] = 4.0
        >>> _least_similarity(w, 0.5)
        0.5
    """
    weight = {name: row["weight"] for name, row in weights["features"].items()}
    most = weights["intercept"] + sum(
        max(0.0, weight[name] * _MOST.get(name, 1.0))
        for name in FEATURES
        if name not in _SHARED and name not in ("same_article", "article_similarity")
    )
    if not 0 < threshold < 1:
        return 0.0
    needed = math.log(threshold / (1 - threshold)) - most
    if needed <= 0:
        return 0.0
    return needed / weight["article_similarity"] if weight["article_similarity"] > 0 else math.inf


def _keys(m: StoryMention, used: set) -> set:
    """What a mention could share with another one, as keys of the blocking index."""
    keys = {("story", m.story)} if "story" in used else set()
    if "actor" in used:
        keys.update(("actor", w) for words in m.actors.values() for w in words)
    if "word" in used:
        keys.update(("word", w) for w in m.rare)
    if "number" in used:
        keys.update(("number", n) for n in m.numbers)
    return keys


def _near_dates(mentions: list[StoryMention], gap_days: int) -> set[tuple[int, int]]:
    """Pairs of explicitly dated mentions whose bounds overlap or lie at most ``gap_days`` apart:
    a sweep over the bounds in date order (an open bound reaches every date on its side)."""
    gap = pd.Timedelta(days=gap_days)
    low, high = pd.Timestamp.min + gap, pd.Timestamp.max
    spans = sorted(
        (
            low if pd.isna(m.row["earliest"]) else max(low, m.row["earliest"]),
            high if pd.isna(m.row["latest"]) else m.row["latest"],
            k,
        )
        for k, m in enumerate(mentions)
        if m.explicit
    )
    found, reaching = set(), []  # reaching: a heap (latest, k) of the spans still in reach
    for first, last, k in spans:
        while reaching and reaching[0][0] < first - gap:
            heapq.heappop(reaching)
        found.update((min(k, j), max(k, j)) for _, j in reaching)
        heapq.heappush(reaching, (last, k))
    return found


def _candidate_pairs(
    mentions: list[StoryMention], similar: dict, table: Mapping, least: float, weights: dict
) -> set:
    """Pairs of one act's mentions that could reach the link threshold: within an article, a
    mention and the ``same_article_window`` mentions of its act before it; across articles, two
    that share a key of :func:`_keys` or explicit dates in reach, or whose articles are at least
    ``least`` alike (``similar``: each article's later articles that are). Nothing else can
    reach it (:func:`_least_similarity`)."""
    window, weight = table["same_article_window"], weights["features"]
    used = {key for name, key in _SHARED.items() if weight[name]["weight"] > 0}
    by_article: dict[int, list[int]] = {}
    for k, m in enumerate(mentions):
        by_article.setdefault(m.article, []).append(k)
    found = {
        (ks[a], ks[b])
        for ks in by_article.values()
        for a in range(len(ks))
        for b in range(a + 1, min(a + window + 1, len(ks)))
    }
    if least <= 0:  # no bound: every two mentions of different articles
        return found | {
            (i, j)
            for i, a in enumerate(mentions)
            for j in range(i + 1, len(mentions))
            if a.article != mentions[j].article
        }
    index: dict = {}
    for k, m in enumerate(mentions):
        for key in _keys(m, used):
            index.setdefault(key, []).append(k)
    article_of = [m.article for m in mentions]
    for ks in index.values():
        # only pairs across two articles are made: one article's many mentions of its story or
        # of a word are not compared among themselves
        if len(ks) < 2:
            continue
        if len(ks) == 2:
            if article_of[ks[0]] != article_of[ks[1]]:
                found.add((ks[0], ks[1]))
            continue
        groups: dict[int, list[int]] = {}
        for k in ks:
            groups.setdefault(article_of[k], []).append(k)
        if len(groups) == len(ks):  # each in its own article: every pair
            found.update((i, j) for a, i in enumerate(ks) for j in ks[a + 1 :])
            continue
        members = list(groups.values())
        for a, first in enumerate(members):
            for second in members[a + 1 :]:
                found.update((i, j) if i < j else (j, i) for i in first for j in second)
    if "date" in used:
        gap = table["conflict_max_gap_days"] if weight["dates_conflict"]["weight"] > 0 else 0
        found.update(
            (i, j)
            for i, j in _near_dates(mentions, gap)
            if mentions[i].article != mentions[j].article
        )
    if least < math.inf:
        for i_article, ks in by_article.items():
            for j_article in similar.get(i_article, ()) & by_article.keys():
                found.update((min(i, j), max(i, j)) for i in ks for j in by_article[j_article])
    return found


def _contents(mentions: list[StoryMention]) -> list[int]:
    """Each mention's content as a number, equal for mentions that :func:`features` cannot tell
    apart but by their article, story, publication date and bounds (which the caller compares):
    everything else it reads of a mention and of its row."""
    numbers: dict[tuple, int] = {}
    return [
        numbers.setdefault(
            (
                m.row["modality"],
                tuple(m.actors.items()),
                tuple(m.runs.items()),
                m.names,
                m.rare,
                m.explicit,
                m.numbers,
                m.lemma,
                m.act,
                m.weak,
                m.saying,
            ),
            len(numbers),
        )
        for m in mentions
    ]


def _signatures(mentions: list[StoryMention], content: list[int], same: list[int]) -> list[int]:
    """Each mention's signature as a number: equal for mentions that a pair's score cannot tell
    apart but by whether the other mention is in the same article: its content (:func:`_contents`),
    its article's vector (``same``: the first article with an equal one), story and publication
    date, and its bounds."""
    numbers: dict[tuple, int] = {}
    return [
        numbers.setdefault(
            (content[k], same[m.article], m.story, m.published, m.low, m.high), len(numbers)
        )
        for k, m in enumerate(mentions)
    ]


def _pair_class(size: int, first: int, second: int, same_article: bool) -> int:
    """The class of a pair of two signatures (of at most ``size``) as a number: pairs of one
    class have one score."""
    return (first * size + second) * 2 + same_article


def _score_alike_once(
    mentions: list[StoryMention], signature: list[int], pairs, score, classes: dict | None = None
) -> dict:
    """``score(i, j)`` of every pair (i, j) of ``pairs``, computed once for the pairs alike in
    both signatures and in whether they share an article (:func:`_pair_class`): a story
    reprinted k times has k x k copies of each pair of its mentions, one score. ``classes``:
    filled with each class's score, for the pairs scored later.

    Examples:
        >>> from types import SimpleNamespace
        >>> m = [SimpleNamespace(article=a) for a in (0, 1, 2, 2)]
        >>> calls = []
        >>> got = _score_alike_once(m, [0, 0, 1, 1], {(0, 2), (1, 2), (1, 3), (2, 3)},
        ...                         lambda i, j: calls.append((i, j)) or (i, j))
        >>> sorted(calls), got[1, 3], got[2, 3]
        ([(0, 2), (2, 3)], (0, 2), (2, 3))
    """
    if not pairs:
        return {}
    # pairs is iterated twice, unchanged in between (one order); a story reprinted k times
    # has k x k pairs, so what is held per pair beside the result is a few numpy words
    at = np.fromiter(itertools.chain.from_iterable(pairs), np.int64, 2 * len(pairs))
    first, second = at[0::2], at[1::2]
    article = np.array([m.article for m in mentions], dtype=np.int64)
    signature = np.array(signature, dtype=np.int64)
    key = _pair_class(
        len(mentions), signature[first], signature[second], article[first] == article[second]
    )
    found, where, inverse = np.unique(key, return_index=True, return_inverse=True)
    del key
    results = [score(i, j) for i, j in zip(first[where].tolist(), second[where].tolist())]
    del at, first, second
    if classes is not None:
        classes.update(zip(found.tolist(), results))
    of_class = np.empty(len(results), dtype=object)
    for k, result in enumerate(results):  # one by one: a result is a tuple, not a row
        of_class[k] = result
    return dict(zip(pairs, of_class[inverse.ravel()]))


class _OnDemand(dict):
    """Scored pairs of one act's mentions that score a missing pair when it is looked up
    (``pairs[i, j]``; :meth:`dict.get` and ``in`` do not), or raise KeyError for a pair never
    compared."""

    def __init__(self, scored: dict, score) -> None:
        super().__init__(scored)
        self.score = score

    def __missing__(self, key: tuple[int, int]):
        found = self[key] = self.score(key)
        return found


def scored_pairs(
    per_article: list[list[dict]],
    published=None,
    threshold: float | None = None,
    complete: bool = True,
    weights: dict | None = None,
):
    """The pairs of one act's mentions that clustering at ``threshold`` needs, with their
    features (None: kept apart) and probability.

    Average link joins two groups only when some pair between them reaches the threshold, so
    the mentions are first joined by the pairs that do (found through :func:`_candidate_pairs`,
    which leaves out only pairs that provably cannot), then every two mentions of one such set
    are scored: clustering these pairs gives the groups that scoring every pair would. Within
    one article a mention is compared with the ``same_article_window`` mentions of its act
    before it (linear in a long article). ``published``: each article's publication date, or
    None; ``threshold``: the least probability clustering will use (default the model's);
    ``weights``: the model (default ``rules/weights.yaml``'s; the fitting script passes others).
    Yields ``(act, mentions, pairs)`` per act, ``pairs`` mapping (i, j), i < j, to
    ``(features, p)``. Used by :func:`link` and by the fitting script.

    ``complete=False`` scores the candidate pairs only and leaves the others to be scored when
    :func:`cluster` looks them up, between groups it could join: a set joined by a chain of
    near-copies need not have every two of its mentions compared."""
    table = rules()
    weights = table["weights"] if weights is None else weights
    threshold = weights["threshold"] if threshold is None else threshold
    vectors = _article_vectors(per_article, table)
    # a few articles are no collection to tell topic words from a story's words: their names do
    few = len(per_article) < table["story_min_articles"]
    least = _least_similarity(weights, threshold)
    # one similarity join serves the stories and the blocking: the lower of their two bounds
    lowest = weights["story_threshold"] / 2
    lowest = min(lowest, least) if 0 < least < math.inf else lowest
    cosines = _similar_pairs(vectors, lowest)  # (i, j) -> cosine
    story = stories_of(
        _article_vectors(per_article, table, only_names=True) if few else vectors,
        weights["story_threshold"],
        None if few else cosines,
    )
    similar: dict[int, set[int]] = {}  # article -> the later articles at least least alike
    for (i, j), s in cosines.items() if 0 < least < math.inf else ():
        if s >= least:
            similar.setdefault(i, set()).add(j)
    window = table["same_article_window"]
    same = _same_vectors(vectors)  # cosines by the first of equal vectors: copies share them
    exact = {}
    for (i, j), s in cosines.items():
        exact[(same[i], same[j]) if same[i] <= same[j] else (same[j], same[i])] = s

    gap_days = table["publication_gap_days"]
    intercept, weight = weights["intercept"], weights["features"]["article_similarity"]["weight"]
    place = FEATURES.index("article_similarity")  # its term's, in features()' order
    words = [frozenset(vector) for vector in vectors]

    def score(mentions: list[StoryMention], content: list[int], memo: dict, i: int, j: int):
        a, b = mentions[i], mentions[j]
        if a.article == b.article:
            similarity = 1.0
        else:
            k, m = same[a.article], same[b.article]
            key = (k, m) if k <= m else (m, k)
            if key not in exact:
                exact[key] = _cosine(
                    vectors[a.article], vectors[b.article], words[a.article] & words[b.article]
                )
            similarity = exact[key]
        if not (a.low <= b.high and b.low <= a.high):  # dates in conflict (rare): no memo
            found = features(a, b, similarity, table)
            return found, None if found is None else probability(found, weights)
        # two pairs alike in every input of features() (the mentions' contents, see
        # _contents, and what relates them) have one result: a reprinted story's copies
        key = (
            content[i],
            content[j],
            a.article == b.article,
            a.story == b.story,
            a.published is not None
            and b.published is not None
            and abs((a.published - b.published).days) > gap_days,
            a.low == b.low > -math.inf,  # with dated: same_day
            a.high == b.high < math.inf,
        )
        got = memo.get(key)
        if got is None:
            found = features(a, b, similarity, table)
            if found is None:
                got = memo[key] = (None, None, similarity, None)
            elif found is DATES_APART:  # no event of both: p = 0 whatever the similarity
                got = memo[key] = (found, 0.0, similarity, None)
            else:
                terms = _terms(found, weights)
                got = memo[key] = (found, _logistic(intercept + sum(terms)), similarity, terms)
        found, p, alike, terms = got
        if terms is None or alike == similarity:
            return found, p
        # the similarity is no veto and no other feature: only its own term changes
        terms = terms.copy()
        terms[place] = weight * similarity
        return {**found, "article_similarity": similarity}, _logistic(intercept + sum(terms))

    def on_demand(mentions, content, memo, signature, classes, key: tuple[int, int]):
        i, j = key
        same_article = mentions[i].article == mentions[j].article
        if same_article and j - i > window:
            raise KeyError(key)  # one article's mentions of an act come in text order: a window
        kind = _pair_class(len(mentions), signature[i], signature[j], same_article)
        got = classes.get(kind)
        if got is None:
            got = classes[kind] = score(mentions, content, memo, i, j)
        return got

    candidates = _candidates(per_article, table)
    story = _attach_by_actors(story, candidates, table)
    for name, mentions in sorted(candidates.items()):
        mentions = [
            replace(
                m, story=story[m.article], published=published[m.article] if published else None
            )
            for m in mentions
        ]
        content, memo, classes = _contents(mentions), {}, {}
        signature = _signatures(mentions, content, same)
        scored = _score_alike_once(
            mentions,
            signature,
            _candidate_pairs(mentions, similar, table, least, weights),
            functools.partial(score, mentions, content, memo),
            classes,
        )
        if not complete:
            pairs = _OnDemand(
                scored, functools.partial(on_demand, mentions, content, memo, signature, classes)
            )
            # the dict was copied: a story reprinted k times has k x k entries, held once
            del scored
            yield name, mentions, pairs
            continue
        edges = (k for k, (found, p) in scored.items() if found is not None and p >= threshold)
        pairs = {}
        for members in _components(len(mentions), edges):
            for a, i in enumerate(members):
                for j in members[a + 1 :]:
                    if mentions[i].article == mentions[j].article and j - i > window:
                        continue  # one article's mentions of an act come in text order: a window
                    pairs[i, j] = (
                        scored[i, j] if (i, j) in scored else score(mentions, content, memo, i, j)
                    )
        yield name, mentions, pairs


def cluster(n: int, pairs: dict, threshold: float) -> list[list[int]]:
    """Average-link clustering of n mentions: repeatedly join the two groups whose pairs have the
    highest mean probability, while it is at least ``threshold`` and no pair between them is
    kept apart (None). A chain of weak links cannot join what a strong feature separates.

    ``pairs`` maps (i, j), i < j, to ``(features, p)``; a pair it lacks counts as p = 0. A mean
    is at most its largest term, so only two groups with a pair at least ``threshold`` between
    them can be joined: the other pairs are looked up (``pairs[i, j]``) only between such
    groups, which lets :func:`scored_pairs` score them on demand, and a veto ends the look-up.
    The groups are those of summing every pair (``threshold`` > 0).

    Examples:
        >>> cluster(3, {(0, 1): (1, 0.9), (1, 2): (1, 0.9), (0, 2): (None, None)}, 0.5)
        [[0, 1], [2]]
        >>> cluster(3, {(0, 1): (1, 0.9), (1, 2): (1, 0.6), (0, 2): (1, 0.2)}, 0.5)
        [[0, 1], [2]]
    """
    groups = {k: [k] for k in range(n)}
    # g -> h -> sum of p (None: vetoed), only for groups with a pair >= threshold between them;
    # a bare float per pair, often the pair's own p: k copies of a story have k x k such pairs
    total: dict[int, dict[int, float | None]] = {k: {} for k in range(n)}
    # the first entries of the heap, one per pair >= threshold (k x k for a story reprinted k
    # times), wait in one sorted run of arrays and enter the heap one at a time: merged so,
    # they pop in the order one heap of them all would, at 24 bytes an entry, not 100
    minus, first, second = array.array("d"), array.array("q"), array.array("q")
    for (i, j), (found, p) in pairs.items():  # iterating looks nothing up: nothing is added
        if found is not None and p >= threshold:
            total[i][j] = total[j][i] = p
            minus.append(-p)
            first.append(i)
            second.append(j)
    run = _sorted_run(np.array(minus), np.array(first), np.array(second))
    del minus, first, second
    version = [0] * n
    heap = []

    def between(g: int, h: int) -> float | None:
        """The sum of p over the pairs of two groups that had no pair >= threshold (None: a
        pair is kept apart)."""
        s = 0.0
        for i in groups[g]:
            for j in groups[h]:
                try:
                    found, p = pairs[(i, j) if i < j else (j, i)]
                except KeyError:  # absent: p = 0
                    continue
                if found is None:
                    return None  # kept apart: the sum no longer matters
                s += p
        return s

    push = heapq.heappush

    following = next(run, None)
    if following is not None:
        push(heap, following)
    while heap:
        _, g, h, vg, vh = heapq.heappop(heap)
        if vg == vh == 0:  # a first entry (a joined group has a version): the run's next
            following = next(run, None)
            if following is not None:
                push(heap, following)
        if g not in groups or h not in groups or (vg, vh) != (version[g], version[h]):
            continue
        of_g, of_h = total[g], total.pop(h)
        of_g.pop(h, None)
        of_h.pop(g, None)
        joined = {}
        for other in dict.fromkeys([*of_g, *of_h]):
            total[other].pop(h, None)
            old = of_g[other] if other in of_g else between(g, other)
            if old is None:
                joined[other] = old
                continue
            s = of_h[other] if other in of_h else between(h, other)
            joined[other] = None if s is None else old + s
        groups[g] += groups.pop(h)
        version[g] += 1
        size, now = len(groups[g]), version[g]
        for other, value in joined.items():
            total[g][other] = total[other][g] = value
        for other, s in total[g].items():  # the joined group's means, pushed
            if s is None:
                continue
            mean = s / (size * len(groups[other]))
            if mean >= threshold:
                if g < other:
                    push(heap, (-mean, g, other, now, version[other]))
                else:
                    push(heap, (-mean, other, g, version[other], now))
    return sorted(sorted(g) for g in groups.values())


def separate(groups: list[list[int]], pairs: dict, threshold: float) -> list[list[int]]:
    """Groups of :func:`cluster` with no two members whose bounds prove them apart
    (:data:`DATES_APART`): while a group holds such a pair, the member of most of them leaves it
    (of two alike, the one with the lower summed probability to the rest, then the later), and
    the members that left are clustered again among themselves; one left alone then joins the
    other group it is nearest on average, when no pair keeps them apart (:func:`_rejoined`).
    A report's background mention
    ("Ortiz was hurt last month", beside "Ruiz was hurt on Wednesday" in a report of Ruiz) joins
    its article's act through what the two share (one article, one story); were that date a
    bar, the group so joined could never join the other reports' Wednesday group. Counted p = 0
    it lowers the mean between the groups, and the member that is the other event is set apart
    here. Two events each dated in most of their mentions stay apart: their many p = 0 pairs
    keep the mean below the threshold.

    Examples:
        >>> apart, near = (DATES_APART, 0.0), ({}, 0.9)
        >>> pairs = {(0, 1): near, (0, 2): near, (1, 2): near, (0, 3): near, (1, 3): apart,
        ...          (2, 3): apart}
        >>> separate([[0, 1, 2, 3]], pairs, 0.5)
        [[0, 1, 2], [3]]
        >>> separate([[0, 1, 2, 3], [4, 5]], {**pairs, (3, 4): near, (3, 5): near}, 0.5)
        [[0, 1, 2], [3, 4, 5]]
    """
    out = []
    for group in groups:
        out += _separated(group, pairs, threshold)
    if len(out) == len(groups):
        return sorted(out)
    alone = {k for g in groups if len(g) == 1 for k in g}
    return sorted(
        _rejoined(out, [g[0] for g in out if len(g) == 1 and g[0] not in alone], pairs, threshold)
    )


def _rejoined(groups: list[list[int]], left: list[int], pairs: dict, threshold: float) -> list:
    """Groups after the members left alone by :func:`separate` (``left``) join, each, the other
    group it is nearest on average, when that mean reaches ``threshold`` and no pair between them
    is kept apart or dated apart. The member left its first group for a date of its own; the
    mentions of its own event may sit in another group that was never compared with it while it
    belonged to the first (average link compared the groups, not it alone). The strongest
    joins first; a group that took a member is compared anew.

    Examples:
        >>> apart, near = (DATES_APART, 0.0), ({}, 0.9)
        >>> _rejoined([[0, 1], [2, 3], [4]], [4], {(0, 4): apart, (1, 4): near, (2, 4): near,
        ...                                         (3, 4): ({}, 0.5), (2, 3): near}, 0.3)
        [[0, 1], [2, 3, 4]]
        >>> _rejoined([[0], [1]], [0, 1], {(0, 1): near}, 0.3)  # two left alone join once
        [[0, 1]]
    """
    where = {k: g for g, members in enumerate(groups) for k in members}
    groups = [list(g) for g in groups]

    def peek(i: int, j: int):  # a pair scored already, never one scored on demand
        return dict.get(pairs, (i, j) if i < j else (j, i))

    def mean(k: int, members: list[int]) -> float | None:
        if not members:  # its one member left to join another group first
            return None
        s = 0.0
        for m in members:
            try:
                found, p = pairs[(k, m) if k < m else (m, k)]
            except KeyError:  # never compared (beyond one article's window): p = 0
                continue
            if found is None or found is DATES_APART:
                return None
            s += p
        return s / len(members)

    offers = []
    for k in left:
        near = set()
        for g, members in enumerate(groups):
            if g != where[k] and any(
                (got := peek(k, m)) is not None and got[1] is not None and got[1] >= threshold
                for m in members
            ):
                near.add(g)
        for g in near:
            got = mean(k, groups[g])
            if got is not None and got >= threshold:
                offers.append((-got, k, g))
    moved = set()
    for _, k, g in sorted(offers):
        if k in moved:
            continue
        got = mean(k, groups[g])
        if got is None or got < threshold:
            continue
        groups[where[k]].remove(k)
        groups[g].append(k)
        moved.add(k)
    return [sorted(g) for g in groups if g]


def _separated(group: list[int], pairs: dict, threshold: float) -> list[list[int]]:
    def look(i: int, j: int) -> tuple | None:
        try:
            return pairs[(i, j) if i < j else (j, i)]
        except KeyError:  # never compared (beyond one article's window): p = 0
            return None

    def p(i: int, j: int) -> float:
        got = look(i, j)
        return 0.0 if got is None or got[1] is None else got[1]

    apart = [
        (i, j)
        for a, i in enumerate(group)
        for j in group[a + 1 :]
        if (got := look(i, j)) is not None and got[0] is DATES_APART
    ]
    if not apart:
        return [group]
    members, left = list(group), []
    while apart:
        count: dict[int, int] = {}
        for pair in apart:
            for k in pair:
                count[k] = count.get(k, 0) + 1
        mean = {k: sum(p(k, m) for m in members if m != k) for k in count}
        worst = max(count, key=lambda k: (count[k], -mean[k], k))
        members.remove(worst)
        left.append(worst)
        apart = [pair for pair in apart if worst not in pair]
    left.sort()
    within = {}
    for a, i in enumerate(left):
        for b in range(a + 1, len(left)):
            got = look(i, left[b])
            if got is not None:
                within[a, b] = got
    rest = [[left[k] for k in g] for g in cluster(len(left), within, threshold)]
    return [members, *separate(rest, pairs, threshold)]


def _sorted_run(minus, first, second, chunk: int = 4096):
    """Heap entries ``(-p, i, j, 0, 0)`` of three arrays, in ascending order, made a chunk
    at a time (Python floats and ints only for the entries about to enter the heap)."""
    order = np.lexsort((second, first, minus))
    for start in range(0, len(order), chunk):
        part = order[start : start + chunk]
        for entry in zip(minus[part].tolist(), first[part].tolist(), second[part].tolist()):
            yield (*entry, 0, 0)


def link(per_article: list[list[dict]], published=None) -> list[list[dict]]:
    """Propose links between mentions of the same event, within and across articles.

    Mentions of one act are scored in pairs (:func:`features`, :func:`probability`) and
    clustered (:func:`cluster`, threshold in ``rules/weights.yaml``). ``published`` gives each
    article's publication date (a date or None): mentions in articles published more than
    ``publication_gap_days`` apart are linked only by explicit dates that agree.

    Returns:
        New rows, one list per article in the order given: each a copy of its row (the given
        rows are not changed), with ``same_as`` and ``merge_evidence`` set on linked rows and
        date conflicts appended to their ``warning``.

    Examples:
        >>> row = dict(trigger="signed", lemma="sign", kind="action", event_class="OCCURRENCE",
        ...            modality="asserted", tense="past", aspect="none", basis="explicit",
        ...            timex="1 February", trigger_start=6, start=0, warning=None,
        ...            earliest=pd.Timestamp("2025-02-01"), latest=pd.Timestamp("2025-02-01"))
        >>> a = [dict(row, event_id="a-t0", article_id="a", actors=["Trump"],
        ...           text="Trump signed a memorandum")]
        >>> b = [dict(row, event_id="b-t0", article_id="b", actors=["Donald Trump"],
        ...           text="Donald Trump signed the memorandum")]
        >>> linked = link([a, b])
        >>> linked[1][0]["same_as"], "same_as" in b[0]
        ('a-t0', False)
        >>> print(linked[1][0]["merge_evidence"].replace(", ", ",\\n"))
        same lemma 'sign',
        shared actor Donald Trump,
        shared word memorandum,
        dates agree 2025-02-01,
        articles alike 0.50,
        p 0.61
    """
    threshold = rules()["weights"]["threshold"]
    # copied at the boundary: the rows' values are only read, so a shallow copy of each row
    # is the one thing _mark writes to
    rows = [[dict(row) for row in article] for article in per_article]
    with _collector_paused():
        for _, mentions, pairs in scored_pairs(rows, published, complete=False):
            for members in separate(cluster(len(mentions), pairs, threshold), pairs, threshold):
                if len(members) > 1:
                    _mark(mentions, members, pairs)
    return rows


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector off while linking (restored after, as it was).

    Linking makes millions of small containers (pairs, features, memo entries) that live
    until it returns; each time their count passes the collector's threshold it rescans
    every live object, the caller's rows included, so its share grew with the number of
    articles: half of the linking CPU at N = 3,000. What linking makes holds no cycle
    (reference counting frees it all; ``gc.collect()`` after it finds nothing).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _tightness(m: StoryMention) -> tuple:
    """The representative first: an explicit date, the narrowest, then article order and
    position."""
    first, last = m.row["earliest"], m.row["latest"]
    return (
        not m.explicit,
        10**9 if pd.isna(first) or pd.isna(last) else (last - first).days,
        m.article,
        m.position,
    )


def _mark(mentions: list[StoryMention], group: list[int], pairs: dict) -> None:
    """Fill ``same_as`` and ``merge_evidence`` of one group's rows (evidence: the pair of each
    mention with the representative, when it was scored) and report its date conflicts."""
    order = sorted(group, key=lambda k: _tightness(mentions[k]))
    members = [mentions[k] for k in order]
    head = members[0].row
    head["merge_evidence"] = (
        f"representative of {len(members)} mentions: "
        f"{', '.join(m.row['event_id'] for m in members)}"
    )
    for k, m in zip(order[1:], members[1:]):
        i, j = min(order[0], k), max(order[0], k)  # the pair as it was scored
        found, p = pairs.get((i, j), (None, None))
        m.row["same_as"], m.row["merge_evidence"] = (
            head["event_id"],
            "same group (average link)"
            if found is None or found is DATES_APART
            else _evidence(mentions[i], mentions[j], found, p),
        )
    for a, b in ((a, b) for i, a in enumerate(members) for b in members[i + 1 :]):
        ra, rb = a.row, b.row
        if a.explicit and b.explicit and not _overlap(ra, rb):
            where = "articles" if ra["article_id"] != rb["article_id"] else "mentions"
            note = (
                f"{where} disagree on the date: {ra['article_id']} says {_span(ra)} "
                f"('{ra['timex']}', {ra['event_id']}), {rb['article_id']} says {_span(rb)} "
                f"('{rb['timex']}', {rb['event_id']})"
            )
            for row in (ra, rb):
                row["warning"] = "; ".join(filter(None, [row.get("warning"), note]))


def merged_events(df: pd.DataFrame, reject=()) -> pd.DataFrame:
    """One row per real event: each group of linked mentions collapsed into its representative.

    Args:
        df: a timeline frame from :func:`~timeline.build_timeline` (``same_as`` filled).
        reject: (event_id, event_id) pairs the user rejects as one event. The mention of
            the pair that is not the representative leaves the group and stands alone
            (the second one, when neither is).

    Returns:
        The representative rows in timeline order, with the intersection of the group's
        bounds where they agree (the representative's own bounds where they conflict), and
        two more columns: ``mentions`` (event ids, representative first) and ``articles``.

    Examples:
        >>> import timeline
        >>> text = "On 1 February, Donald Trump signed a memorandum on steel tariffs."
        >>> a = timeline.Article(text, id="a", published="2025-02-05")
        >>> b = timeline.Article("Trump signed the memorandum on steel tariffs on 1 February.",
        ...                      id="b", published="2025-02-06")
        >>> df = timeline.build_timeline([a, b])
        >>> merged_events(df).set_index("trigger").loc["signed", "mentions"]
        ['a-t0028', 'b-t0006']
        >>> len(merged_events(df)), len(merged_events(df, reject=[("a-t0028", "b-t0006")])), len(df)
        (3, 4, 4)
    """
    ids = df["event_id"].tolist()
    known = set(ids)  # noqa: E702
    # a representative filtered out of the frame: its mentions stand alone
    head = {
        i: (s if isinstance(s, str) and s in known else i)
        for i, s in zip(ids, df["same_as"].tolist())
    }
    for pair in reject:
        if len(pair) != 2 or not all(p in known for p in pair):
            raise TimelineError(
                f"merged_events: reject: {pair!r} is not a pair of event ids of this frame"
            )
        first, second = pair
        if head[first] == head[second]:
            leaving = first if second == head[second] else second
            head[leaving] = leaving
    members: dict[str, list[int]] = {}
    for k, i in enumerate(ids):
        members.setdefault(head[i], []).append(k)
    rows = []
    for k in (k for k, i in enumerate(ids) if head[i] == i):
        group = sorted(members[ids[k]], key=lambda j: (j != k, j))
        row = df.iloc[k].to_dict()
        earliest, latest = df["earliest"].iloc[group].max(), df["latest"].iloc[group].min()
        if pd.isna(earliest) or pd.isna(latest) or earliest <= latest:
            row["earliest"], row["latest"] = earliest, latest
        row["mentions"] = [ids[j] for j in group]
        row["articles"] = list(dict.fromkeys(df["article_id"].iloc[j] for j in group))
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*df.columns, "mentions", "articles"])
    return out.astype({c: df[c].dtype for c in df.columns}).reset_index(drop=True)
