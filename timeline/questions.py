"""Draft forecasting questions from a timeline's expected and potential events.

An expected event ("He expected the coalition to convene an emergency meeting
in the coming days") or a potential one ("potential US sanctions targeting
individuals, institutions, or banks") is a question waiting to be asked: will
it happen by a date? :func:`candidate_questions` writes the draft: who (the
event's first actor), what (the trigger and its object, cut before the time
expression, a purpose clause or a second coordinated verb), by when (the
event's latest bound, or the horizon when the text gives none), and which
events it rests on. Mentions of the same happening (the same trigger noun, or
the same object after the trigger) become one draft with all their event ids.

Drafts, not decisions: the analyst rewrites the wording and the resolution
criteria before asking them in a :class:`~timeline.Ledger`.
"""
from __future__ import annotations

import re

import pandas as pd

from .errors import LedgerError
from .schema import CANDIDATES, conform

# The small word tables the drafts need (data, kept here because they are not temporal rules).
#: A nominal trigger names the happening; the question needs a verb for it.
LIGHT_VERBS = {
    "sanction": "impose", "sanctions": "impose", "meeting": "hold", "meetings": "hold", "summit": "hold",
    "talks": "hold", "negotiations": "conclude", "agreement": "sign", "deal": "sign", "treaty": "sign",
    "memorandum": "sign", "withdrawal": "complete", "attack": "carry out", "attacks": "carry out",
    "strike": "carry out", "strikes": "carry out", "visit": "make", "vote": "hold", "election": "hold",
    "elections": "hold", "ban": "impose", "tariffs": "impose", "measures": "take",
}
#: Where the "what" of a question ends (the first that follows the trigger).
CUT_BEFORE = (r"\s+to\s+(?:discuss|evaluate|consider|review|address|assess|examine)\b", r"\s+in order to\b",
              r"(?<!,)\s+and\s+(?=[a-z]+\s)", r"\s+while\b", r"\s+because\b", r"\s+due to\b", r"\s+after\b",
              r"\s+before\b", r"\s+following\b", r"[.;:!?]", r"\s+[-\u2013\u2014]\s+")
#: Last words of actor names that take "the" (organisations, not people).
THE_HEADS = {"framework", "coalition", "department", "ministry", "government", "council", "parliament",
             "treasury", "army", "forces", "administration", "union", "nations", "house", "court", "bank",
             "office", "committee", "factions", "groups"}
MAX_WORDS = 12
#: Words that open a noun phrase a nominal trigger heads ("an emergency meeting").
DETERMINERS = {"a", "an", "the"}
_CUT = re.compile("|".join(CUT_BEFORE))


def _subject(actors) -> str:
    if not actors:
        return "[who]"
    actor = str(actors[0]).strip()
    words = actor.split()
    if not words or words[0].lower() == "the" or "\u2019s" in actor or "'s" in actor:
        return actor[:1].lower() + actor[1:] if words and words[0] == "The" else actor
    last = words[-1]
    if last.lower() in THE_HEADS or (last.isupper() and len(last) > 1) or actor.islower():
        return f"the {actor}"
    return actor


def _predicate(row) -> tuple[str, str]:
    """The 'what' of the question and the grouping key (the happening's head noun)."""
    text, offset = row["text"], row["start"]
    begin = max(0, row["trigger_start"] - offset)
    rest = text[begin:]
    timex = row.get("timex")
    if isinstance(timex, str) and timex and timex in rest[len(row["trigger"]):]:
        rest = rest[: rest.index(timex, len(row["trigger"]))]
    cut = _CUT.search(rest, len(row["trigger"]))
    phrase = (rest[: cut.start()] if cut else rest).strip().rstrip(",")
    words = phrase.split()[:MAX_WORDS]
    phrase = " ".join(words)
    trigger = row["trigger"].lower()
    if trigger in LIGHT_VERBS:
        before = text[:begin].split()[-3:]
        article = [i for i, w in enumerate(before) if w.lower() in DETERMINERS]
        if article:  # "an emergency meeting", not "potential US sanctions"
            phrase = " ".join(before[article[-1]:] + [phrase])
        return f"{LIGHT_VERBS[trigger]} {phrase}", trigger
    nouns = [w.strip(",").lower() for w in words[1:] if w.strip(",").lower() in LIGHT_VERBS]
    return phrase, (nouns[0] if nouns else trigger)


def _date(value, where: str):
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError):
        raise LedgerError(f"{where}: expected a date 'YYYY-MM-DD', got {value!r}") from None


def candidate_questions(df: pd.DataFrame, horizon, reference=None) -> pd.DataFrame:
    """Draft yes/no questions from the expected and potential events of a timeline.

    Args:
        df: a timeline frame (``schema.TIMELINE``).
        horizon: close date for events the text leaves open-ended: a date, or a
            number of days / a Timedelta after ``reference``.
        reference: the day the questions open (the article's publication date);
            None leaves ``open_time`` empty.

    Returns:
        A frame with the ``schema.CANDIDATES`` columns, one draft per happening,
        in timeline order. The close date is the earliest finite ``latest`` bound
        among the happening's events (``close_basis='bounds'``), else the horizon.

    Examples:
        >>> from timeline.schema import TIMELINE
        >>> text = "He expected the coalition to convene an emergency meeting in the coming days to evaluate it."
        >>> row = dict(event_id="a-e1", article_id="a", sentence=0, start=0, end=len(text), text=text,
        ...            trigger="convene", trigger_start=29, trigger_end=36, actors=["Coordination Framework"],
        ...            kind="plan", modality="expected", timex="in the coming days", value="FUTURE_REF",
        ...            earliest="2025-02-28", latest="2025-03-14", precision="vague", basis="relative",
        ...            rule="vague", order=1, event_class="OCCURRENCE", tense="future", aspect="none",
        ...            source=None, newsworthy=True, warning=None)
        >>> drafts = candidate_questions(conform([row], TIMELINE), horizon="2025-12-31", reference="2025-02-28")
        >>> drafts.loc[0, "title"]
        'Will the Coordination Framework convene an emergency meeting by 2025-03-14?'
        >>> drafts.loc[0, ["close_basis", "event_ids"]].tolist()
        ['bounds', ['a-e1']]
    """
    opened = None if reference is None else _date(reference, "candidate_questions: reference")
    if isinstance(horizon, (int, float, pd.Timedelta)) and not isinstance(horizon, bool):
        if opened is None:
            raise LedgerError("candidate_questions: a horizon in days needs the reference date")
        horizon = opened + (horizon if isinstance(horizon, pd.Timedelta) else pd.Timedelta(days=horizon))
    horizon = _date(horizon, "candidate_questions: horizon")
    if opened is not None and horizon < opened:
        raise LedgerError(f"candidate_questions: horizon {horizon.date()} is before the reference {opened.date()}")
    rows = df[df["modality"].isin(["expected", "potential"])].sort_values("order", kind="stable")
    groups: dict[str, dict] = {}
    for _, row in rows.iterrows():
        what, key = _predicate(row)
        group = groups.setdefault(key, {"rows": [], "what": what, "actors": list(row["actors"])})
        group["rows"].append(row)
        if not group["actors"] and len(row["actors"]):
            group["actors"] = list(row["actors"])
    drafts = []
    for group in groups.values():
        first = group["rows"][0]
        ends = [r["latest"] for r in group["rows"] if pd.notna(r["latest"]) and (opened is None or r["latest"] >= opened)]
        close, basis = (min(ends), "bounds") if ends else (horizon, "horizon")
        who, when = _subject(group["actors"]), f"{close:%Y-%m-%d}"
        since = f"between {opened:%Y-%m-%d} and {when}" if opened is not None else f"by {when}"
        drafts.append({
            "id": f"{first['event_id']}-q",
            "title": f"Will {who} {group['what']} by {when}?",
            "resolution_criteria": (f"Resolves yes if credible public reporting shows that {who} did "
                                    f"{group['what']!r} {since} (inclusive); otherwise no. (Draft: edit.)"),
            "description": " | ".join(r["text"] for r in group["rows"]),
            "open_time": opened, "scheduled_close_time": close, "close_basis": basis,
            "modality": first["modality"], "actors": group["actors"], "trigger": first["trigger"],
            "event_ids": [r["event_id"] for r in group["rows"]],
        })
    return conform(drafts, CANDIDATES)


def events_about(df: pd.DataFrame, *phrases: str) -> list[str]:
    """Event ids whose clause text contains any of the phrases (case-insensitive), in timeline order.

    The evidence of a forecast is cited by event id; looking the ids up by phrase keeps a
    notebook right when the event numbering changes.

    Examples:
        >>> from timeline.schema import TIMELINE
        >>> rows = [dict(event_id=f"a-e{i}", article_id="a", sentence=0, start=0, end=5, text=t, trigger=t,
        ...              trigger_start=0, trigger_end=5, actors=[], kind="action", modality="asserted",
        ...              precision="unknown", basis="none", rule="-", order=i, event_class="OCCURRENCE",
        ...              tense="past", aspect="none", newsworthy=True) for i, t in enumerate(["met", "Signed"], 1)]
        >>> events_about(conform(rows, TIMELINE), "signed")
        ['a-e2']
    """
    ordered = df.sort_values("order", kind="stable")
    text = ordered["text"].str.lower()
    hit = pd.Series(False, index=ordered.index)
    for phrase in phrases:
        hit |= text.str.contains(phrase.lower(), regex=False)
    return ordered.loc[hit, "event_id"].tolist()
