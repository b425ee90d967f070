"""Resolution criteria a forecaster can resolve: a Question validator.

A question whose No (or Yes) cannot happen is a defect: "No if reporting
establishes that no meeting took place", with the undecided rest sent to
ambiguous, can only ever resolve Yes or ambiguous, and the forecasts on the
likely answer go unscored. :func:`check_question` flags the classes of such
criteria; the patterns and messages are data (``rules/criteria.yaml``), run as
tests with their examples and negatives.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from timeline.errors import RuleError
from timeline.rules.loader import Shape, load

RULES = Path(__file__).resolve().parent / "rules" / "criteria.yaml"
_PATTERNS = ("yes_clause", "no_clause", "no_default", "yes_default", "ambiguous_fallback")

#: What ``criteria.yaml`` may hold (the one loader rejects any other key).
SHAPE = Shape(
    values={*_PATTERNS, "establish_verbs", "negations", "window_words"},
    sections={
        "messages": {
            "no_yes",
            "no_no",
            "no_needs_absence",
            "yes_needs_absence",
            "undecided_is_ambiguous",
        }
    },
    tables={"examples": {"text", "fine_print", "flags"}, "negatives": {"text", "fine_print"}},
    optional={"examples", "negatives"},
)


@functools.cache
def rules() -> dict:
    """The compiled patterns and messages of ``rules/criteria.yaml``.

    Examples:
        >>> sorted(rules()["messages"])[:2]
        ['no_needs_absence', 'no_no']
    """
    data = load(RULES, SHAPE)
    try:
        out = {key: re.compile(data[key], re.I) for key in _PATTERNS}
        verbs = "|".join(map(str, data["establish_verbs"]))
        negations = "|".join(map(str, data["negations"]))
        window = int(data["window_words"])
        out["absence"] = re.compile(
            rf"\b(?:{verbs})\b(?:\W+\w+){{0,{window}}}?\W+(?:{negations})\b", re.I
        )
        out["messages"] = dict(data["messages"])
    except (KeyError, TypeError, re.error) as exc:
        raise RuleError(f"{RULES.name}: {exc!r}") from None
    out["examples"], out["negatives"] = data.get("examples", []), data.get("negatives", [])
    return out


def _clauses(text: str, start: re.Pattern, others: list[re.Pattern]) -> list[str]:
    """The stretches of text from each match of ``start`` to the next clause start or the end."""
    out = []
    for match in start.finditer(text):
        end = len(text)
        for other in others:
            nxt = other.search(text, match.end())
            if nxt:
                end = min(end, nxt.start())
        out.append(text[match.start() : end])
    return out


def check_criteria(criteria: str, fine_print: str = "") -> list[tuple[str, str]]:
    """The problems of a pair of resolution criteria and fine print, as (rule id, message).

    Examples:
        >>> check_criteria("Yes if they meet by 2025-03-14. Otherwise no.")
        []
        >>> [rule for rule, _ in check_criteria("Yes if they meet by 2025-03-14.")]
        ['no_no']
    """
    r = rules()
    text = " ".join(criteria.split())
    both = f"{text} {' '.join(fine_print.split())}"
    problems = []
    yes = _clauses(text, r["yes_clause"], [r["no_clause"], r["no_default"]])
    no = _clauses(text, r["no_clause"], [r["yes_clause"], r["yes_default"]])
    yes_default, no_default = r["yes_default"].search(text), r["no_default"].search(text)
    if not yes and not yes_default:
        problems.append("no_yes")
    if not no and not no_default:
        problems.append("no_no")
    if no and not no_default and all(r["absence"].search(c) for c in no):
        problems.append("no_needs_absence")
    if yes and not yes_default and all(r["absence"].search(c) for c in yes):
        problems.append("yes_needs_absence")
    needs_absence = {"no_needs_absence", "yes_needs_absence"} & set(problems)
    if needs_absence and r["ambiguous_fallback"].search(both):
        problems.append("undecided_is_ambiguous")
    return [(rule, " ".join(r["messages"][rule].split())) for rule in problems]


def check_question(question) -> list[str]:
    """Flag a question whose criteria leave its Yes or its No unreachable.

    Args:
        question: a :class:`~timeline.Question`, or a row of ``Ledger.questions()``.

    Returns:
        One ``"rule_id: message"`` line per problem (empty when both answers are reachable).
        Only binary questions are checked: the others resolve to a value.

    Examples:
        >>> from timeline import Question
        >>> q = Question("m", "Will they meet?", "Yes if they meet by 2025-03-14. No if reporting "
        ...              "establishes that they did not meet.", "2025-02-28", "2025-03-14",
        ...              fine_print="Otherwise the question is marked ambiguous.")
        >>> [line.split(":")[0] for line in check_question(q)]
        ['no_needs_absence', 'undecided_is_ambiguous']
    """
    get = question.get if isinstance(question, dict) or hasattr(question, "get") else None

    def field(name, default=""):
        value = get(name, default) if get else getattr(question, name, default)
        return value if isinstance(value, str) else default

    if field("type", "binary") != "binary":
        return []
    return [
        f"{rule}: {message}"
        for rule, message in check_criteria(field("resolution_criteria"), field("fine_print"))
    ]
