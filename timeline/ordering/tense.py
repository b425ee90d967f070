"""Tense relations: an event against the publication point and against its report.

The first half of reading ordering evidence (:mod:`timeline.cues` reads the
discourse cues). Everything English lives in ``timeline/rules/ordering.yaml``,
loaded here (:func:`rules`) for both halves:

* :func:`publication_relation` places an event against the publication point
  and :func:`reported_relation` against its report, from tense, aspect,
  modality and kind.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from timeline import settings
from timeline.errors import RuleError
from timeline.model import Event
from timeline.rules.loader import Shape, load
from timeline.rules.loader import words as word_list

RULES_FILE = Path(__file__).resolve().parent / "rules" / "ordering.yaml"


class PubRelation(StrEnum):
    """Where a ``publication`` rule of ``ordering.yaml`` places an event against publication.

    The first three are constraints; the others say where to look for one (the file's
    header explains each); ``none`` constrains nothing. Members are strings:
        >>> PubRelation("after_governor") == "after_governor"
        True
    """

    BEFORE = "before"
    AFTER = "after"
    INCLUDES = "includes"
    AFTER_GOVERNOR = "after_governor"
    WITH_GOVERNOR = "with_governor"
    INHERIT = "inherit"
    DEFINITE = "definite"
    PROCESS = "process"
    SENTENCE = "sentence"
    NONE = "none"


_EXAMPLES = {"id", "examples", "negatives"}
#: What ``ordering.yaml`` may hold (the one loader rejects any other key).
SHAPE = Shape(
    values={"synonyms", "vague_values"},
    tables={
        "publication": _EXAMPLES
        | {
            "dated",
            "fallback",
            "form",
            "not_form",
            "not_preceded_by",
            "preceded_by",
            "relation",
            "reported",
            "when",
        },
        "inherit": _EXAMPLES,
        "aspectual": _EXAMPLES | {"relation", "verbs"},
        "reported": _EXAMPLES | {"form", "preceded_by", "relation", "when"},
        "windows": _EXAMPLES | {"pattern", "window"},
        "cues": _EXAMPLES | {"main", "other", "pattern", "relation"},
    },
    sections={
        "support_verbs": _EXAMPLES | {"verbs", "max_words_between"},
        "occurrence_verbs": _EXAMPLES | {"verbs", "with_next", "with_auxiliary"},
        "retrospective_verbs": _EXAMPLES | {"lemmas"},
        "ranges": _EXAMPLES | {"pattern"},
        "scheduled": _EXAMPLES | {"pattern"},
        "record_since": _EXAMPLES | {"pattern"},
        "activity_gerunds": _EXAMPLES | {"before", "after"},
        "comparison_baseline": _EXAMPLES | {"pattern"},
        "definite_coreference": _EXAMPLES | {"max_sentences_back", "determiners"},
        "offsets": _EXAMPLES
        | {
            "signal_event",
            "max_sentences_back",
            "recent_span_id",
            "vague_units",
            "within",
            "within_id",
            "due_in",
            "due_in_id",
            "due_in_slack",
            "due_in_not_after",
            "recent_span",
            "signal",
            "units",
            "vague_amount",
        },
        "timex_signals": _EXAMPLES
        | {
            "words",
            "of_a_noun",
            "noun_before_date",
            "determiners",
            "possessives",
            "possessive_signals",
            "negated_within",
            "postponing_verbs",
        },
    },
)


@functools.cache
def rules() -> dict:
    """The ordering rules of ``timeline/rules/ordering.yaml``, cue patterns compiled.

    Examples:
        >>> [r["id"] for r in rules()["publication"]][:2]
        ['surface_modal_present', 'surface_modal_perfect']
    """
    data = load(RULES_FILE, SHAPE)
    for cue in data["cues"] + data["windows"]:
        try:
            cue["regex"] = re.compile(cue["pattern"])
        except (KeyError, re.error) as exc:
            raise RuleError(
                f"{RULES_FILE.name}: cue {cue.get('id')!r}: bad pattern ({exc})"
            ) from None
    data["tense_rules"] = {
        family: tuple(TenseRule.of(rule, family) for rule in data[family])
        for family in ("publication", "reported")
    }
    for family in ("ranges", "scheduled", "record_since", "comparison_baseline"):
        try:
            data[family]["regex"] = re.compile(
                data[family]["pattern"], re.I if family == "scheduled" else 0
            )
        except (KeyError, TypeError, re.error) as exc:
            raise RuleError(
                f"{RULES_FILE.name}: {family}: missing or bad pattern ({exc})"
            ) from None
    data["tense_attributes"] = {
        family: tuple(sorted({name for rule in table for name in rule.when}))
        for family, table in data["tense_rules"].items()
    }
    data["tense_candidates"] = {family: {} for family in data["tense_rules"]}
    data["synonym_groups"] = [
        word_list(group, f"{RULES_FILE.name}: synonyms") for group in data["synonyms"]
    ]
    data["support_words"] = frozenset(data["support_verbs"]["verbs"])
    data["retrospective_lemmas"] = frozenset(data["retrospective_verbs"]["lemmas"])
    return data


@dataclass(frozen=True)
class TenseRule:
    """A ``publication`` or ``reported`` rule of ``ordering.yaml``, its patterns compiled."""

    id: str
    relation: PubRelation | str  # a PubRelation in ``publication``; in ``reported``, a Cue word
    when: dict  # event attribute -> the values it may take
    reported: bool | None = None  # None: either; else whether the event must have a source
    fallback: bool = False  # only for events no expression dates
    dated: bool = False  # only for events an expression dates
    form: re.Pattern | None = None  # the trigger must match it
    not_form: re.Pattern | None = None  # the lowercased trigger must not match it
    preceded_by: re.Pattern | None = None  # the words just before the trigger must match it
    not_preceded_by: re.Pattern | None = None  # ... must not (and the text must be given)

    @classmethod
    def of(cls, row: dict, family: str = "publication") -> TenseRule:
        """The typed rule of a checked rule-file row of ``family`` (a RuleError for a bad
        pattern or, in ``publication``, a relation :class:`PubRelation` does not name)."""
        relation = row["relation"]
        if family == "publication":
            try:
                relation = PubRelation(relation)
            except ValueError:
                known = ", ".join(PubRelation)
                raise RuleError(
                    f"{RULES_FILE.name}: rule {row.get('id')!r}: unknown publication relation "
                    f"{relation!r} (known: {known})"
                ) from None
        patterns = {}
        for key in ("form", "not_form", "preceded_by", "not_preceded_by"):
            if key in row:
                try:
                    patterns[key] = re.compile(row[key])
                except re.error as exc:
                    raise RuleError(
                        f"{RULES_FILE.name}: rule {row.get('id')!r}: bad pattern ({exc})"
                    ) from None
        return cls(
            id=row["id"],
            relation=relation,
            when=row.get("when", {}),
            reported=row.get("reported"),
            fallback=bool(row.get("fallback")),
            dated=bool(row.get("dated")),
            **patterns,
        )


def _holds_when(rule: TenseRule, event: Event) -> bool:
    """Whether the rule's conditions on the event's attributes hold (not on its text)."""
    if rule.fallback and event.timex is not None:
        return False
    if rule.dated and event.timex is None:
        return False
    if not all(getattr(event, name) in values for name, values in rule.when.items()):
        return False
    return rule.reported is None or (event.source is not None) == rule.reported


def _candidates(family: str, event: Event) -> tuple[TenseRule, ...]:
    """The rules of ``family`` whose attribute conditions the event meets, in order.

    Every event has one of few combinations of the attributes the rules read, so the
    rules each combination passes are found once per process (kept with the loaded
    rules) instead of scanning every rule for every event.
    """
    data = rules()
    table = data["tense_rules"][family]
    names = data["tense_attributes"][family]
    key = (event.timex is None, event.source is None, *(getattr(event, n) for n in names))
    cache = data["tense_candidates"][family]
    try:
        found = cache.get(key)
    except TypeError:  # an unhashable attribute value: read the rules one by one
        return tuple(rule for rule in table if _holds_when(rule, event))
    if found is None:
        found = cache[key] = tuple(rule for rule in table if _holds_when(rule, event))
    return found


def _matches_text(rule: TenseRule, event: Event, text: str, before: str) -> bool:
    """Whether the rule's conditions on the trigger and the words ``before`` it hold."""
    if rule.form is not None and not rule.form.search(event.trigger):
        return False
    if rule.not_form is not None and rule.not_form.search(event.trigger.lower()):
        return False
    if rule.preceded_by is not None and rule.preceded_by.search(before) is None:
        return False
    if rule.not_preceded_by is not None and (
        not text or rule.not_preceded_by.search(before) is not None
    ):
        return False
    return True


def _before(event: Event, text: str) -> str:
    if not text:
        return ""
    return text[max(0, event.trigger_start - settings.TENSE_PRECEDED_CHARS) : event.trigger_start]


def publication_relation(event: Event, text: str = "") -> tuple[PubRelation, str]:
    """Relation of an event to the publication point from its tense, aspect, modality, kind.

    Args:
        event: the event.
        text: the article text; needed by the fallback rules that read the trigger's
            form and the words before it when the event has no tense.

    Returns ``(relation, rule id)``; relation is a :class:`PubRelation`.

    Examples:
        >>> publication_relation(Event(0, 0, 6, "signed", 0, 6, tense="past"))
        (<PubRelation.BEFORE: 'before'>, 'tense_past')
        >>> publication_relation(Event(0, 0, 9, "underway", 0, 8, kind="state", tense="present"))
        (<PubRelation.INCLUDES: 'includes'>, 'tense_present_state')
    """
    before = _before(event, text)
    for rule in _candidates("publication", event):
        if _matches_text(rule, event, text, before):
            return rule.relation, rule.id
    return PubRelation.NONE, "none"


def reported_relation(event: Event, text: str = "") -> tuple[str, str] | None:
    """Relation of a reported event to its report (``event.source``), or None; ``text`` (the
    article) lets the rules that read the words before the trigger match.

    Examples:
        >>> pressured = Event(0, 0, 9, "pressured", 0, 9, tense="present", aspect="perfective",
        ...                   source=0)
        >>> reported_relation(pressured)
        ('before', 'reported_perfect')
    """
    if event.source is None:
        return None
    before = _before(event, text)
    for rule in _candidates("reported", event):
        if _matches_text(rule, event, text, before):
            return rule.relation, rule.id
    return None
