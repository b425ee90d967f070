"""The wording of a draft question: who, what, and the word tables they come from.

From an expected or potential event and the text around it, :func:`subjects_of`
finds who (the event's first actor, the object of a control verb, a name
introduced by apposition, or the subject of the verb it is coordinated with)
and :func:`predicate_of` what (the trigger and its object, cut before the time
expression, a purpose clause or a second coordinated verb), with the happening's
head noun to group mentions by. The word tables live in ``rules/questions.yaml``
(:func:`rules`). :mod:`timeline.questions` assembles the drafts.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd

from timeline import settings
from timeline.errors import RuleError
from timeline.io.segment import sentence_around
from timeline.rules.loader import Shape, load
from timeline.rules.loader import words as word_list

RULES = Path(__file__).resolve().parent / "rules" / "questions.yaml"
_TABLES = (
    "light_verbs",
    "cut_before",
    "trailing",
    "the_heads",
    "control",
    "determiners",
    "max_words",
    "aims",
    "denials",
    "verb_markers",
    "deadlines",
    "criteria",
    "fine_print",
    "coordinators",
)


#: What ``questions.yaml`` may hold (the one loader rejects any other key).
SHAPE = Shape(
    values={
        "trailing",
        "determiners",
        "stopwords",
        "the_heads",
        "max_words",
        "cut_before",
        "control",
        "light_verbs",
        "aims",
        "denials",
        "verb_markers",
        "coordinators",
        "criteria",
        "fine_print",
    },
    sections={"deadlines": {"duration", "date", "unit_days"}},
    tables={
        "examples": {"actors", "latest", "modality", "text", "timex", "title", "trigger"},
        "negatives": {"actors", "modality", "text", "title", "trigger"},
    },
    optional={"stopwords", "examples", "negatives"},
)


@functools.cache
def rules() -> dict:
    """The word tables of ``rules/questions.yaml``, with the cut and control patterns compiled.

    Examples:
        >>> rules()["light_verbs"]["sanctions"]
        'impose'
    """
    data = load(RULES, SHAPE)
    tables = {key: data[key] for key in _TABLES}
    for key in (
        "trailing",
        "the_heads",
        "control",
        "determiners",
        "aims",
        "denials",
        "verb_markers",
        "coordinators",
    ):
        tables[key] = word_list(data[key], f"{RULES.name}: {key}")
    tables["stopwords"] = word_list(data.get("stopwords", []), f"{RULES.name}: stopwords")
    try:
        tables["cut"] = re.compile("|".join(data["cut_before"]))
    except re.error as exc:
        raise RuleError(f"{RULES.name}: table 'cut_before': bad pattern ({exc})") from None
    tables["controlled"] = re.compile(
        r"\b("
        + "|".join(sorted(tables["control"]))
        + r")\s+((?:[\w\u2019'-]+\s+){1,4}?)to\s+[\"\u201c]?$",
        re.I,
    )
    return tables


WORD = re.compile(r"[\w\u2019'-]+")
_QUOTES = re.compile(r"[\"\u201c\u201d]")  # quotation marks around reported words


def article_texts(articles) -> dict[str, str]:
    if articles is None:
        return {}
    if isinstance(articles, dict):
        return dict(articles)
    if not isinstance(articles, (list, tuple)):
        articles = [articles]
    return {a.id: a.text for a in articles}


def context_of(row, texts) -> tuple[str, int, bool]:
    """The text to read the question from, its offset, and whether it is the whole article."""
    text = texts.get(row["article_id"])
    return (text, 0, True) if text is not None else (row["text"], int(row["start"]), False)


def is_purpose(row, text: str, offset: int) -> bool:
    """'to <verb>' after a noun or a complete clause: a purpose, not a happening of its own."""
    before = WORD.findall(text[: max(0, row["trigger_start"] - offset)])[-4:]
    if not before or before[-1].lower() != "to" or row["trigger"].lower() in rules()["light_verbs"]:
        return False
    return not any(w.lower() in rules()["control"] for w in before[:-1])


def is_aim(row, text: str, offset: int) -> bool:
    """'aiming to block', 'hope to deepen': the infinitive after a verb of aiming is an aim, and
    so is a verb coordinated with it ('aiming to block ... and curb ...')."""
    begin = max(0, row["trigger_start"] - offset)
    before = WORD.findall(text[:begin])[-4:]
    if before and before[-1].lower() == "to":
        return any(w.lower() in rules()["aims"] for w in before[:-1])
    if before and before[-1].lower() in rules()["coordinators"]:
        clause = re.split(r"[.!?;]\s", text[:begin])[-1]
        infinitives = list(re.finditer(r"\bto\s+\w+", clause))
        if infinitives:
            lead = WORD.findall(clause[: infinitives[-1].start()])[-3:]
            return any(w.lower() in rules()["aims"] for w in lead)
    return False


def is_denied(row, text: str, offset: int) -> bool:
    """'denied that hospitals would close': a happening someone denies, earlier in its sentence."""
    begin = max(0, row["trigger_start"] - offset)
    sentence = text[min(begin, sentence_around(text, begin)[0]) : begin]
    return any(w.lower() in rules()["denials"] for w in WORD.findall(sentence))


def _resolve(actor: str, text: str, at: int) -> str:
    """'the coalition' -> the last proper name before ``at`` introduced as 'a coalition'.

    Only an indefinite apposition introduces a name ("the Coordination Framework, a coalition of
    ..."): "Separately, the central bank" is a sentence adverb before the subject."""
    words = actor.split()
    if not words or not (actor[:1].islower() or words[0] == "The"):
        return actor
    head = words[-1]
    pattern = re.compile(
        r"((?:[A-Z][\w\u2019'-]*\s+){0,4}[A-Z][\w\u2019'-]*),\s+(?:a|an)\s+"
        r"(?:[a-z-]+\s+){0,2}?" + re.escape(head) + r"\b"
    )
    found = [m.group(1) for m in pattern.finditer(text, 0, at)]
    return found[-1] if found else actor


def _controller(row, text: str, offset: int) -> str | None:
    """The object of a control verb is the subject of its infinitive.

    "pressured Baghdad to halt" -> Baghdad. Only one to four plain words between the verb and
    "to" (no comma): "the policy, aiming to block" has no object, and "agreed to maintain" keeps
    its own subject.
    """
    before = text[
        max(0, row["trigger_start"] - offset - settings.CONTROLLER_CHARS) : max(
            0, row["trigger_start"] - offset
        )
    ]
    match = rules()["controlled"].search(before)
    return match.group(2).strip() if match else None


def _subject(actors, row, text: str, offset: int, whole: bool) -> str:
    actors = [str(a).strip() for a in actors if str(a).strip()]
    controlled = _controller(row, text, offset) if whole else None
    if controlled:
        actors = [controlled]
    if (
        not actors and row["trigger"].lower() in rules()["light_verbs"]
    ):  # "potential US sanctions" -> the US
        before = text[: max(0, row["trigger_start"] - offset)].split()
        names = []
        for word in reversed(before[-3:]):
            if not word[:1].isupper():
                break
            names.insert(0, word)
        actors = [" ".join(names)] if names else []
    if not actors:
        return "[who]"
    if len(actors) == 2 and all(a[:1].isupper() for a in actors):
        return f"{actors[0]} and {actors[1]}"
    actor = _resolve(actors[0], text, row["trigger_start"] - offset) if whole else actors[0]
    words = actor.split()
    if words[0].lower() == "the" or "\u2019s" in actor or "'s" in actor:
        return actor[:1].lower() + actor[1:] if words[0] == "The" else actor
    last = words[-1]
    common_head = last.islower() and not last.endswith("s") and len(words) > 1
    if (
        last.lower() in rules()["the_heads"]
        or (last.isupper() and len(last) > 1)
        or actor.islower()
        or common_head  # "UN envoy", "central bank": a common noun heads the name
    ):
        return f"the {actor}"
    return actor


def subjects_of(rows: pd.DataFrame, texts: dict) -> dict[str, str]:
    """Each event's subject, in text order: a verb coordinated with the previous one in its
    sentence ("to halt gas imports and consider measures") shares that verb's subject."""
    subjects, previous = {}, {}
    for _, row in rows.sort_values(["article_id", "trigger_start"], kind="stable").iterrows():
        text, offset, whole = context_of(row, texts)
        where = (row["article_id"], row["sentence"])
        before = WORD.findall(text[: max(0, row["trigger_start"] - offset)])[-1:]
        if whole and before and before[0].lower() in rules()["coordinators"] and where in previous:
            subjects[row["event_id"]] = previous[where]
        else:
            subjects[row["event_id"]] = _subject(row["actors"], row, text, offset, whole)
        previous[where] = subjects[row["event_id"]]
    return subjects


def predicate_of(row, text: str, offset: int, timex_starts=()) -> tuple[str, str]:
    """The 'what' of the question and the grouping key (the happening's head noun).

    The 'what' stops before the first temporal expression after the trigger (``timex_starts``,
    offsets in ``text``): the date belongs in "by <close>", never in the title."""
    begin = max(0, row["trigger_start"] - offset)
    rest = text[begin:]
    size = len(row["trigger"])
    timex = row.get("timex")
    if isinstance(timex, str) and timex and timex in rest[size:]:
        rest = rest[: rest.index(timex, size)]
    later = [s - begin for s in timex_starts if s - begin >= size]
    if later and min(later) < len(rest):
        rest = rest[: min(later)]
    table = rules()
    cut = table["cut"].search(rest, size)
    words = (rest[: cut.start()] if cut else rest).split()[: table["max_words"]]
    while len(words) > 1 and words[-1].strip(",").lower() in table["trailing"]:
        words.pop()
    phrase = _QUOTES.sub("", " ".join(words)).rstrip(",")
    trigger = row["trigger"].lower()
    previous = WORD.findall(text[:begin])[-1:]
    as_verb = bool(previous) and previous[0].lower() in table["verb_markers"]
    if trigger in table["light_verbs"] and not as_verb:
        before = text[:begin].split()[-3:]
        article = [i for i, w in enumerate(before) if w.lower() in table["determiners"]]
        if article:  # "an emergency meeting", not "potential US sanctions"
            phrase = " ".join(before[article[-1] :] + [phrase])
        return f"{table['light_verbs'][trigger]} {phrase}", trigger
    nouns = [
        w.strip(",").lower() for w in words[1:] if w.strip(",").lower() in table["light_verbs"]
    ]
    return phrase, (nouns[0] if nouns else trigger)
