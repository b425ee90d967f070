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
from pathlib import Path

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
        "timex_signals": _EXAMPLES | {"words", "of_a_noun"},
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
    for rule in data["publication"] + data["reported"]:
        try:
            if "form" in rule:
                rule["form_regex"] = re.compile(rule["form"])
            if "not_form" in rule:
                rule["not_form_regex"] = re.compile(rule["not_form"])
            if "preceded_by" in rule:
                rule["preceded_regex"] = re.compile(rule["preceded_by"])
            if "not_preceded_by" in rule:
                rule["not_preceded_regex"] = re.compile(rule["not_preceded_by"])
        except re.error as exc:
            raise RuleError(
                f"{RULES_FILE.name}: rule {rule.get('id')!r}: bad pattern ({exc})"
            ) from None
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


def _matches(rule: dict, event: Event, text: str = "") -> bool:
    if not all(getattr(event, name) in values for name, values in rule.get("when", {}).items()):
        return False
    if "reported" in rule and (event.source is not None) != rule["reported"]:
        return False
    if "form" in rule and not rule["form_regex"].search(event.trigger):
        return False
    if "not_form" in rule and rule["not_form_regex"].search(event.trigger.lower()):
        return False
    before = text[max(0, event.trigger_start - 40) : event.trigger_start] if text else ""
    if "preceded_by" in rule and rule["preceded_regex"].search(before) is None:
        return False
    if "not_preceded_by" in rule and (
        not text or rule["not_preceded_regex"].search(before) is not None
    ):
        return False
    return True


def publication_relation(event: Event, text: str = "") -> tuple[str, str]:
    """Relation of an event to the publication point from its tense, aspect, modality, kind.

    Args:
        event: the event.
        text: the article text; needed by the fallback rules that read the trigger's
            form and the words before it when the event has no tense.

    Returns ``(relation, rule id)``; relation is before, after, includes, inherit, definite, process, sentence, after_governor or none.

    Examples:
        >>> publication_relation(Event(0, 0, 6, "signed", 0, 6, tense="past"))
        ('before', 'tense_past')
        >>> publication_relation(Event(0, 0, 9, "underway", 0, 8, kind="state", tense="present"))
        ('includes', 'tense_present_state')
    """
    for rule in rules()["publication"]:
        if rule.get("fallback") and event.timex is not None:
            continue
        if rule.get("dated") and event.timex is None:
            continue
        if _matches(rule, event, text):
            return rule["relation"], rule["id"]
    return "none", "none"


def reported_relation(event: Event, text: str = "") -> tuple[str, str] | None:
    """Relation of a reported event to its report (``event.source``), or None; ``text`` (the
    article) lets the rules that read the words before the trigger match.

    Examples:
        >>> reported_relation(Event(0, 0, 9, "pressured", 0, 9, tense="present", aspect="perfective", source=0))
        ('before', 'reported_perfect')
    """
    if event.source is None:
        return None
    for rule in rules()["reported"]:
        if _matches(rule, event, text):
            return rule["relation"], rule["id"]
    return None
