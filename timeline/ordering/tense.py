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
from pathlib import Path

from timeline import settings
from timeline.errors import RuleError
from timeline.model import Event
from timeline.rules.loader import Shape, load

RULES_FILE = Path(__file__).resolve().parent / "rules" / "ordering.yaml"


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
        "ranges": _EXAMPLES | {"pattern"},
        "scheduled": _EXAMPLES | {"pattern"},
        "record_since": _EXAMPLES | {"pattern"},
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
            "recent_span",
            "signal",
            "units",
            "vague_amount",
        },
        "timex_signals": _EXAMPLES | {"words", "of_a_noun", "noun_before_date"},
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
        family: tuple(TenseRule.of(rule) for rule in data[family])
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
    data["synonym_groups"] = [frozenset(w.lower() for w in group) for group in data["synonyms"]]
    data["support_words"] = frozenset(data["support_verbs"]["verbs"])
    return data


@dataclass(frozen=True)
class TenseRule:
    """A ``publication`` or ``reported`` rule of ``ordering.yaml``, its patterns compiled."""

    id: str
    relation: str
    when: dict  # event attribute -> the values it may take
    reported: bool | None = None  # None: either; else whether the event must have a source
    fallback: bool = False  # only for events no expression dates
    dated: bool = False  # only for events an expression dates
    form: re.Pattern | None = None  # the trigger must match it
    not_form: re.Pattern | None = None  # the lowercased trigger must not match it
    preceded_by: re.Pattern | None = None  # the words just before the trigger must match it
    not_preceded_by: re.Pattern | None = None  # ... must not (and the text must be given)

    @classmethod
    def of(cls, row: dict) -> TenseRule:
        """The typed rule of a checked rule-file row (a RuleError for a bad pattern)."""
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
            relation=row["relation"],
            when=row.get("when", {}),
            reported=row.get("reported"),
            fallback=bool(row.get("fallback")),
            dated=bool(row.get("dated")),
            **patterns,
        )


def _matches(rule: TenseRule, event: Event, text: str = "") -> bool:
    if not all(getattr(event, name) in values for name, values in rule.when.items()):
        return False
    if rule.reported is not None and (event.source is not None) != rule.reported:
        return False
    if rule.form is not None and not rule.form.search(event.trigger):
        return False
    if rule.not_form is not None and rule.not_form.search(event.trigger.lower()):
        return False
    before = (
        text[max(0, event.trigger_start - settings.TENSE_PRECEDED_CHARS) : event.trigger_start]
        if text
        else ""
    )
    if rule.preceded_by is not None and rule.preceded_by.search(before) is None:
        return False
    if rule.not_preceded_by is not None and (
        not text or rule.not_preceded_by.search(before) is not None
    ):
        return False
    return True


def publication_relation(event: Event, text: str = "") -> tuple[str, str]:
    """Relation of an event to the publication point from its tense, aspect, modality, kind.

    Args:
        event: the event.
        text: the article text; needed by the fallback rules that read the trigger's
            form and the words before it when the event has no tense.

    Returns ``(relation, rule id)``; relation is before, after, includes, inherit, definite,
    process, sentence, after_governor or none.

    Examples:
        >>> publication_relation(Event(0, 0, 6, "signed", 0, 6, tense="past"))
        ('before', 'tense_past')
        >>> publication_relation(Event(0, 0, 9, "underway", 0, 8, kind="state", tense="present"))
        ('includes', 'tense_present_state')
    """
    for rule in rules()["tense_rules"]["publication"]:
        if rule.fallback and event.timex is not None:
            continue
        if rule.dated and event.timex is None:
            continue
        if _matches(rule, event, text):
            return rule.relation, rule.id
    return "none", "none"


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
    for rule in rules()["tense_rules"]["reported"]:
        if _matches(rule, event, text):
            return rule.relation, rule.id
    return None
