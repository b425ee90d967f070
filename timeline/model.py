"""Records passed between pipeline stages (plain dataclasses, no behaviour).

``temporal`` produces :class:`TimeExpr`; ``events`` tags :class:`Token` records, finds
:class:`Mention` records in them and produces :class:`Event`;
``ordering`` returns an :class:`Ordering` (anchored copies of the events and their
:class:`Bounds`); ``frame`` turns them into the timeline
DataFrame declared in ``schema``. Dates are ``datetime.date`` (None =
unbounded); offsets index the article text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What an event is: an action, a statement, a state, a plan."""

    ACTION = "action"
    STATEMENT = "statement"
    STATE = "state"
    PLAN = "plan"


class Role(StrEnum):
    """What part of speech names an event: a verb, an event noun, a predicate adjective."""

    VERB = "verb"
    NOMINAL = "nominal"
    PREDICATE = "predicate"


class Tense(StrEnum):
    """The tense of an event's verb group (``none`` for nouns and untensed forms)."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"


class QuestionType(StrEnum):
    """Forecasting question types, as Metaculus names them."""

    BINARY = "binary"
    MULTIPLE_CHOICE = "multiple_choice"
    NUMERIC = "numeric"
    DATE = "date"


class Answer(StrEnum):
    """The resolution of a binary question."""

    YES = "yes"
    NO = "no"


class Cue(StrEnum):
    """How tense or a discourse cue relates an event to publication or to another event."""

    BEFORE = "before"
    AFTER = "after"
    INCLUDES = "includes"
    DURING = "during"
    BEGINS = "begins"
    ENDS = "ends"
    DEFINITE = "definite"
    OVERLAP = "overlap"
    SAME = "same"


class QuestionStatus(StrEnum):
    """Where a forecasting question stands."""

    OPEN = "open"
    RESOLVED = "resolved"
    ANNULLED = "annulled"
    AMBIGUOUS = "ambiguous"


class Modality(StrEnum):
    """Whether the text says an event happened (asserted), is expected, possible or denied.

    Members are strings, so ``Modality.EXPECTED == "expected"``:
        >>> [m.value for m in Modality]
        ['asserted', 'expected', 'potential', 'negated']
    """

    ASSERTED = "asserted"
    EXPECTED = "expected"
    POTENTIAL = "potential"
    NEGATED = "negated"


class Precision(StrEnum):
    """How precisely a date or a bound is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    VAGUE = "vague"
    UNKNOWN = "unknown"
    TIME = "time"


class Basis(StrEnum):
    """How an event's bounds were obtained."""

    EXPLICIT = "explicit"
    RELATIVE = "relative"
    INFERRED = "inferred"
    NONE = "none"


class EventClass(StrEnum):
    """TimeML event classes."""

    OCCURRENCE = "OCCURRENCE"
    REPORTING = "REPORTING"
    STATE = "STATE"
    I_ACTION = "I_ACTION"
    I_STATE = "I_STATE"
    ASPECTUAL = "ASPECTUAL"
    PERCEPTION = "PERCEPTION"


class Relation(StrEnum):
    """A temporal relation between an event and a reference (TimeML TLINK classes used here)."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    OVERLAP = "OVERLAP"


class Side(StrEnum):
    """Where an event lies against its article's publication."""

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


@dataclass
class TimeExpr:
    """A temporal expression found in text, normalized TimeML-style."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value
    earliest: dt.date | None  # interval of calendar days it may denote
    latest: dt.date | None
    precision: str  # day, week, month, quarter, season, year, decade, vague, unknown, ...
    rule: str  # stable rule id
    mod: str | None = None  # TIMEX3 mod (APPROX, START, ...), when the rule sets one
    anchored: bool = False  # value was computed from the reference date


@dataclass
class Token:
    """A word of a sentence with its offsets and the tagger's decision.

    Not frozen: the tagger decides ``tag`` (and ``lemma``) left to right, each decision
    reading the ones before it, on the tokens of one sentence that nothing else holds yet.
    """

    text: str
    start: int
    end: int
    lower: str
    tag: str = ""  # closed tag, or N, V, ADJ, PROPN, NUM, PUNCT, POSSM
    pos: frozenset = frozenset()  # open classes the word can have (N, V, ADJ, ADV)
    forms: frozenset = frozenset()  # verb forms (VB, VBD, VBN, VBG, VBZ, VBP)
    lemma: str = ""  # verb lemma when it can be a verb, else noun lemma
    rule: str = ""  # id of the rule of events/rules/open_tags.yaml that chose an open-class tag


@dataclass(frozen=True)
class Mention:
    """An event mention inside one tagged sentence, before it becomes an :class:`Event`.

    Token positions index the sentence's tokens. ``governor``, ``conjunct_of``,
    ``object_of`` and ``support`` are earlier mentions of the same sentence. A misspelt
    field is an error, not a silent new key:

        >>> Mention(index=0, group_start=0, role="verb", event_class="OCCURRENCE",
        ...         tense="past", aspect="none", modality="asserted", lemma="sign", plural=True)
        Traceback (most recent call last):
        ...
        TypeError: Mention.__init__() got an unexpected keyword argument 'plural'
    """

    index: int  # the trigger token
    group_start: int  # first token of its verb group (a verb, a predicate) or noun phrase
    role: str  # verb, cue ("is set to"), predicate, nominal
    event_class: str  # TimeML class
    tense: str  # past, present, future, none
    aspect: str  # perfective, progressive, none
    modality: str  # asserted, expected, potential, negated
    lemma: str
    plan: bool = False  # a plan cue in its verb group: "is set to hold"
    infinitive: bool = False  # "to hold", or a verb coordinated with one
    state: bool = False  # a state whatever its class: a copula predicate, a cue
    generic: bool = False  # never newsworthy ("is expected to", a bare copula)
    relative: int | None = None  # a main verb after a relative clause: the relative pronoun
    governor: Mention | None = None  # the last verb before it
    conjunct_of: Mention | None = None  # "to evaluate ... and strategize": the first infinitive
    object_of: Mention | None = None  # "released a statement": the verb whose object it is
    support: Mention | None = None  # the support verb whose modality it took ("plans a visit")
    rule: str = ""  # the events/rules/mentions.yaml rule that made the word an event


@dataclass
class Event:
    """A clause-level event mention."""

    sentence: int
    start: int  # clause span
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    kind: str = "action"  # action, statement, state, plan
    modality: str = "asserted"  # asserted, expected, potential, negated
    event_class: str = "OCCURRENCE"  # TimeML class
    tense: str = "none"  # past, present, future, none
    aspect: str = "none"  # perfective, progressive, none
    actors: list[str] = field(default_factory=list)
    # who or what the subject names, when it is not an actor: a passive's
    # ("the deal will be signed")
    undergoers: list[str] = field(default_factory=list)
    source: int | None = None  # index (in the article's event list) of the reporting event
    timex: int | None = None  # index of the TimeExpr that anchors it
    cues: list[tuple[str, int | None]] = field(
        default_factory=list
    )  # (cue rule id, related event index)
    newsworthy: bool = True
    role: str = "verb"  # verb, nominal (an event noun), predicate (adjective or adverb)
    lemma: str = ""
    # why the word is an event: the events/rules/mentions.yaml rule that made it one, and the
    # events/rules/open_tags.yaml rule that tagged it ("verb_group:after_modal"), or its closed
    # or name tag ("have_object:HAVE", "named_event:PROPN")
    trigger_rule: str = ""


@dataclass
class Bounds:
    """Where ordering put an event: its interval, how it was obtained, its rank."""

    earliest: dt.date | None
    latest: dt.date | None
    precision: str = "unknown"
    basis: str = "none"  # explicit, relative, inferred, none
    rule: str = "none"
    order: int = 0
    warning: str | None = None


@dataclass(frozen=True)
class Ordering:
    """What the ordering stage returns: the events as it anchored them, and their bounds.

    ``events`` are copies of the events it was given, each with the expression that
    anchors it (``timex``) and the discourse cues that relate it to others (``cues``); the
    events it was given are left unchanged. ``relations`` is each event's relation to the
    publication date from tense and cues (``before``, ``after``, ``includes`` ... or None).
    """

    events: tuple[Event, ...]
    bounds: tuple[Bounds, ...]
    relations: tuple[str | None, ...]
