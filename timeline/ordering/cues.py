"""Reading ordering evidence from the text: discourse cues and vague windows.

The first half of the ordering stage. Everything English lives in
``timeline/rules/ordering.yaml``; this module applies it:

* (:mod:`timeline.anchoring` anchors events to temporal expressions;)
* (:mod:`timeline.tense` places an event against the publication point and
  against its report: :func:`publication_relation`, :func:`reported_relation`,
  re-exported here with the rules loader :func:`rules`;)
* :func:`windows` puts events in a vague window around publication by cue
  words that are not temporal expressions ("a recent call");
* :func:`relations` finds discourse cues ("Following the conversation",
  "after", "before", "previously", "while", "in turn") and support-verb
  objects, and returns relations between events, recording each cue on the
  event (``Event.cues``).

:mod:`timeline.ordering` turns the results into network constraints.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from timeline import settings
from timeline.errors import RuleError
from timeline.io.segment import sentence_around
from timeline.model import Event, EventClass, Modality, Role, Tense, TimeExpr

from .tense import RULES_FILE, publication_relation, reported_relation, rules  # noqa: F401 (re-exported)

_MODIFIER_GAP = re.compile(r"^\s+(?:[\w'’-]+\s+){0,2}$")
_PREPOSITIONS = re.compile(
    r"\b(?:due|because|after|before|in|on|at|for|with|by|from|since|until|as|when|while|amid)\b"
)
_WORD = re.compile(r"[\w'’-]+")
_RELATIVE_START = re.compile(r"(?:that|which|who|whom|whose)\b", re.I)
#: the genitive ending a date takes as its noun's determiner ("Tuesday's vote", "the week's")
GENITIVE = re.compile(r"['’]s\b")
#: the rest of a short subject between a determiner and its verb ("the company", "the
#: city's mayor"): words only, no comma
_SUBJECT_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}$")


@dataclass(frozen=True)
class Relation:
    """``main`` REL ``other`` (event indices; other is None for cues that order nothing)."""

    main: int
    relation: str  # before, after, overlap, during, same, ends, begins, none
    other: int | None
    rule: str
    label: str


def windows(
    events: list[Event], timexes: list[TimeExpr], text: str
) -> list[tuple[int, str, str, str]]:
    """Events put in a vague window around publication by cue words that are not timexes.

    Returns ``(event index, window name, rule id, label)``; records the cue on the event.

    Examples:
        >>> text = "They discussed a recent phone call."
        >>> ev = [Event(0, 0, 35, "discussed", 5, 14, tense="past"),
        ...       Event(0, 0, 35, "call", 30, 34)]
        >>> windows(ev, [], text)
        [(1, 'recent', 'cue_recent', "'call' within window 'recent' ('recent')")]
    """
    found = []
    trigger_starts = [event.trigger_start for event in events]

    def around(low: int, high: int) -> range:
        """Indices of the events whose trigger starts in [low, high]."""
        return range(
            bisect.bisect_left(trigger_starts, low), bisect.bisect_right(trigger_starts, high)
        )

    low, high = _reach(events, text)
    for cue in rules()["windows"]:
        for match in cue["regex"].finditer(text, low, high):
            if any(t.start < match.end() and match.start() < t.end for t in timexes):
                continue
            # the event a cue modifies stands at most two words after it, or 25 characters around it
            following = [
                i
                for i in around(match.end(), match.end() + settings.CUE_MODIFIER_CHARS)
                if _MODIFIER_GAP.match(text[match.end() : events[i].trigger_start] + " ")
            ]
            if following:
                target = min(following, key=lambda i: events[i].trigger_start)
            else:
                near = [
                    (
                        min(
                            abs(events[i].trigger_start - match.end()),
                            abs(match.start() - events[i].trigger_end),
                        ),
                        i,
                    )
                    for i in around(
                        match.start() - settings.CUE_MODIFIER_CHARS,
                        match.end() + settings.CUE_NEAR_CHARS,
                    )
                ]
                near = [pair for pair in near if pair[0] <= settings.CUE_NEAR_CHARS]
                if not near:
                    continue
                target = min(near)[1]
            events[target].cues.append((cue["id"], None))
            found.append(
                (
                    target,
                    cue["window"],
                    cue["id"],
                    f"'{events[target].trigger}' within window '{cue['window']}' "
                    f"({match.group(0)!r})",
                )
            )
    return found


def _reach(events: list[Event], text: str) -> tuple[int, int]:
    """The stretch of text a cue must lie in to concern these events (a sentence's worth of
    margin around them): a long article's blocks then scan only their own part."""
    if not events:
        return 0, 0
    return max(0, min(e.start for e in events) - settings.CUE_MARGIN_CHARS), min(
        len(text), max(e.end for e in events) + settings.CUE_MARGIN_CHARS
    )


class _Sentences:
    """The events' sentences, indexed once per article: which sentence a text position falls
    in (by where each sentence's events end) and the events of each, in text order."""

    def __init__(self, events: list[Event]):
        ends: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}
        for i, event in enumerate(events):
            ends[event.sentence] = max(ends.get(event.sentence, -1), event.end, event.trigger_end)
            self.members.setdefault(event.sentence, []).append(i)
        for members in self.members.values():
            members.sort(key=lambda i: events[i].trigger_start)
        self.order = sorted(ends)
        self.ends = [ends[sentence] for sentence in self.order]

    def of(self, position: int) -> int | None:
        """The sentence ``position`` falls in: the first whose events end after it (sentences
        follow each other in the text, so their ends increase)."""
        k = bisect.bisect_right(self.ends, position)
        return self.order[k] if k < len(self.order) else None


def _finite(event: Event) -> bool:
    return event.tense != Tense.NONE


def _select(
    how: str, match, events: list[Event], members: list[int], text: str, exclude: set
) -> int | None:
    after = [i for i in members if events[i].trigger_start >= match.end() and i not in exclude]
    before = [i for i in members if events[i].trigger_end <= match.start() and i not in exclude]
    if how == "next":
        if not after:
            return None
        first = events[after[0]]
        # a report after a comma is the attribution closing the sentence ("..., two days after
        # an engine caught fire shortly after take-off, the carrier said"), no object of the cue
        if (
            first.event_class == EventClass.REPORTING
            and "," in text[match.end() : first.trigger_start]
        ):
            return None
        return after[0]
    if how == "last_dated":  # "Since then": the last event before it that a date anchors
        first = members[0] if members else len(events)
        return next(
            (
                k
                for k in range(first - 1, max(-1, first - settings.LAST_DATED_REACH), -1)
                if events[k].timex is not None
            ),
            None,
        )
    if how == "head":
        if not before:  # the phrase opens the sentence: the head comes after its comma
            comma = text.find(",", match.end(), events[members[-1]].trigger_end)
            later = [i for i in after if comma >= 0 and events[i].trigger_start > comma]
            return later[0] if later else (after[0] if after else None)
        finite = [i for i in before if _finite(events[i])]
        return (finite or before)[-1]
    if how == "clause_head":
        # as "head", but only a head no other verb stands between it and the phrase: "the
        # plant is due to be reopened after the checks end" names no head it can trust
        head = _select("head", match, events, members, text, exclude)
        if head is None or events[head].trigger_end > match.start():
            return head
        if any(
            events[i].role == Role.VERB and events[head].trigger_end <= events[i].trigger_start
            for i in before
        ):
            return None
        return head
    if how == "noun_or_clause":
        # "after the April 25 earthquake": the event noun the phrase heads; "after the company
        # reported": the verb of the clause its subject opens (a past form there may be read as
        # a participle, so any verb)
        if not after:
            return None
        first = events[after[0]]
        gap = text[match.end() : first.trigger_start]
        if first.role == Role.NOMINAL and _MODIFIER_GAP.match(gap + " "):
            return after[0]
        if first.role == Role.VERB and _SUBJECT_GAP.match(gap):
            return after[0]
        return None
    if how == "main_clause":
        finite = [i for i in members if _finite(events[i]) and i not in exclude]
        return finite[0] if finite else None
    if how == "adjacent":
        near = [
            (
                min(
                    abs(events[i].trigger_start - match.end()),
                    abs(match.start() - events[i].trigger_end),
                ),
                i,
            )
            for i in members
            if i not in exclude
        ]
        near = [pair for pair in near if pair[0] <= settings.CUE_NEAR_CHARS]
        return min(near)[1] if near else None
    raise RuleError(f"{RULES_FILE.name}: unknown selector {how!r}")


def _other_clause(main: int, events: list[Event], members: list[int], text: str) -> int | None:
    head = events[main]
    # a relative clause describes a noun ("laws that prohibit ..."): it is no other clause to
    # order against
    later = [
        i
        for i in members
        if events[i].trigger_start > head.trigger_end
        and _finite(events[i])
        and not _RELATIVE_START.match(text, events[i].start)
    ]
    main_clauses = [i for i in later if events[i].source is None]  # not itself reported speech
    outside = [i for i in later if not (head.start <= events[i].trigger_start < head.end)]
    return (main_clauses or outside or [None])[0]


def _stem(word: str) -> str:
    """A crude stem so that a nominal matches its verb ("call" / "called", "meet" / "meeting")."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _antecedent(noun: str, position: int, events: list[Event]) -> int | None:
    noun = noun.lower()
    groups = [g for g in rules()["synonym_groups"] if noun in g]
    candidates = [i for i, e in enumerate(events) if e.trigger_end <= position]
    for i in sorted(candidates, key=lambda i: -events[i].trigger_start):
        words = events[i].trigger.lower()
        head = (_WORD.findall(words) or [words])[-1]
        if (
            words == noun
            or head == noun
            or _stem(head) == _stem(noun)
            or any(words in g or head in g for g in groups)
        ):
            return i
    return None


_CLAUSE_MARK = re.compile(r"\bthat\b|\bwhich\b|\bwho\b|[,;:]")


def _last_clause_mark(text: str, end: int) -> int:
    """Where the last "that" / "which" / "who" / comma / colon before ``end`` ends (0 if none),
    searching back in growing windows rather than from the start of the text each time."""
    window = settings.CLAUSE_MARK_SEARCH_CHARS
    while True:
        low = max(0, end - window)
        last = None
        for last in _CLAUSE_MARK.finditer(text, low, end):
            pass
        if last is not None and (last.start() > low or low == 0):
            return last.end()
        if low == 0:
            return 0
        window *= 4


def _aspectual(events: list[Event], text: str, sentences: _Sentences) -> list[Relation]:
    """Aspectual verbs and the event they govern: "attacks ... have ceased", "began withdrawing"."""
    found = []
    for family in rules()["aspectual"]:
        verbs = set(family["verbs"])
        for i, event in enumerate(events):
            if event.trigger.lower() not in verbs:
                continue
            same = [j for j in sentences.members[event.sentence] if j != i]
            after = [
                j
                for j in same
                if events[j].trigger_start >= event.trigger_end
                and re.fullmatch(
                    r"\s+(?:(?:to|the|a|an|its|their|his|her|all|of)\s+|[\w-]+\s+){0,2}",
                    text[event.trigger_end : events[j].trigger_start],
                )
                and not _PREPOSITIONS.search(text[event.trigger_end : events[j].trigger_start])
            ]
            clause_start = _last_clause_mark(text, event.trigger_start)
            before = [
                j
                for j in same
                if clause_start <= events[j].trigger_start
                and events[j].trigger_end <= event.trigger_start
                and events[j].tense == Tense.NONE
            ]
            target = after[0] if after else (before[0] if before else None)
            if target is None:
                continue
            event.cues.append((family["id"], target))
            found.append(
                Relation(
                    target,
                    family["relation"],
                    i,
                    family["id"],
                    f"'{events[target].trigger}' {family['relation']} with '{event.trigger}'",
                )
            )
    return found


_NEXT_WORD = re.compile(r"\s+([\w-]+)")
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")


def _occurrence(events: list[Event], text: str, sentences: _Sentences) -> list[Relation]:
    """The subject of a verb of occurrence is the same happening: "the call took place"."""
    table = rules()["occurrence_verbs"]
    verbs = set(table["verbs"])
    found = []
    for i, event in enumerate(events):
        word = event.trigger.lower()
        # only what happened: a definite subject of "could take place" keeps its own reading
        # (the nominal rules), which a plan's bounds would contradict
        if event.modality != Modality.ASSERTED or event.tense == Tense.FUTURE:
            continue
        if word in table["with_next"]:
            # matched in place: slicing the rest of a long text for each verb would be quadratic
            following = _NEXT_WORD.match(text, event.trigger_end)
            if not following or following.group(1).lower() != table["with_next"][word]:
                continue
        elif word in table["with_auxiliary"]:
            preceding = _WORD_BEFORE.search(
                text, max(0, event.trigger_start - settings.CUE_SUPPORT_CHARS), event.trigger_start
            )
            if not preceding or preceding.group(1).lower() not in table["with_auxiliary"][word]:
                continue
        elif word not in verbs:
            continue
        clause_start = _last_clause_mark(text, event.trigger_start)
        before = [
            j
            for j in sentences.members[event.sentence]
            if clause_start <= events[j].trigger_start
            and events[j].trigger_end <= event.trigger_start
        ]
        subject = before[0] if before else None
        # the subject heads the clause: no verb stands between it and the verb of occurrence
        if (
            subject is None
            or events[subject].role != Role.NOMINAL
            or any(events[j].role != Role.NOMINAL for j in before)
        ):
            continue
        event.cues.append((table["id"], subject))
        found.append(
            Relation(
                subject,
                "same",
                i,
                table["id"],
                f"'{events[subject].trigger}' is what '{event.trigger}' says happened",
            )
        )
    return found


def relations(events: list[Event], text: str, timexes: list[TimeExpr] = ()) -> list[Relation]:
    """Relations between events stated by discourse cues, support-verb objects and aspectual verbs.

    A cue word right before a temporal expression ("after June 5") is that expression's
    signal, not a relation between two events: ``timexes`` names them.

    Examples:
        >>> text = "Rubio held a call. Following the conversation, State released a statement."
        >>> ev = [Event(0, 0, 18, "call", 13, 17),
        ...       Event(1, 19, 74, "released", 53, 61, tense="past")]
        >>> [(r.main, r.relation, r.other, r.rule) for r in relations(ev, text)]
        [(1, 'after', 0, 'cue_following')]
        >>> ev[1].cues
        [('cue_following', 0)]
    """
    found: list[Relation] = []
    support = rules()["support_verbs"]
    gap = re.compile(r"^\s+(?:[\w'’-]+\s+){0,%d}$" % int(support["max_words_between"]))
    trigger_starts = [event.trigger_start for event in events]
    for i, event in enumerate(events):
        if event.tense != Tense.NONE or event.trigger.lower() in rules()["support_words"]:
            continue
        # a support verb stands a few words before its object: look no further back than that
        nearby = bisect.bisect_left(
            trigger_starts, event.trigger_start - settings.CUE_SUPPORT_CHARS
        )
        for j in range(nearby, i):
            verb = events[j]
            if (
                j != i
                and verb.trigger.lower() in rules()["support_words"]
                and verb.trigger_end <= event.trigger_start
                and gap.match(text[verb.trigger_end : event.trigger_start])
                and not any(
                    verb.trigger_end <= e.trigger_start and e.trigger_end <= event.trigger_start
                    for k, e in enumerate(events)
                    if k not in (i, j)
                )
                and not re.search(
                    r"\b(?:to|that|of|in|on|at|with|for|and)\b",
                    text[verb.trigger_end : event.trigger_start],
                )
            ):
                found.append(
                    Relation(
                        i,
                        "same",
                        j,
                        support["id"],
                        f"'{event.trigger}' is the object of '{verb.trigger}'",
                    )
                )
                event.cues.append((support["id"], j))
                break
    sentences = _Sentences(events)
    found.extend(_aspectual(events, text, sentences))
    found.extend(_occurrence(events, text, sentences))
    low, high = _reach(events, text)
    timex_ends = {t.start: t.end for t in timexes}
    # a phrase one cue has read ("after the call": its antecedent) is not read again by a
    # later, more general one ("after the" + any event noun)
    read: set[int] = set()
    for cue in rules()["cues"]:
        for match in cue["regex"].finditer(text, low, high):
            if match.start() in read:
                continue
            after = (
                match.end()
                + len(text[match.end() : match.end() + 3])
                - len(text[match.end() : match.end() + 3].lstrip())
            )
            if (
                after in timex_ends
                and not GENITIVE.match(text, timex_ends[after])
                and cue["other"] != "noun_or_clause"
            ):
                # "resumed after June 5": a signal of the date (ordering's timex_signals); but
                # "after Tuesday's vote" and "after the June 5 vote" order against the vote,
                # which the date names
                continue
            if text[match.start() - 1 : match.start()] == "-" or text.startswith("-", match.end()):
                continue  # part of a compound: "in after-hours trade", "the morning-after pill"
            members = sentences.members.get(sentences.of(match.start()), [])
            own_start, own_end = sentence_around(text, match.start())
            if not any(own_start <= events[i].trigger_start < own_end for i in members):
                # the cue's own sentence has no event: the sentence of the next events is
                # not the one it speaks of
                continue
            other = None
            if cue["other"] == "antecedent":
                noun = match.group("noun")
                other = _antecedent(noun, match.start("noun"), events)
                nominal = [
                    i
                    for i in members
                    if match.start("noun") <= events[i].trigger_start < match.end()
                ]
                if other is None:
                    other = nominal[0] if nominal else None
                elif nominal and nominal[0] != other:
                    found.append(
                        Relation(
                            nominal[0],
                            "same",
                            other,
                            cue["id"],
                            f"'{events[nominal[0]].trigger}' refers to '{events[other].trigger}'",
                        )
                    )
                if other is None:
                    continue
                main = _select(cue["main"], match, events, members, text, {other} | set(nominal))
            elif cue["other"] in ("next", "last_dated", "noun_or_clause"):
                other = _select(cue["other"], match, events, members, text, set())
                if other is None:
                    continue
                main = _select(cue["main"], match, events, members, text, {other})
            else:
                main = _select(cue["main"], match, events, members, text, set())
                if main is not None and cue["other"] == "other_clause":
                    other = _other_clause(main, events, members, text)
            if main is None or (cue["relation"] != "none" and other is None) or main == other:
                continue
            events[main].cues.append((cue["id"], other))
            read.add(match.start())
            label = f"'{events[main].trigger}' {cue['relation']} " + (
                f"'{events[other].trigger}'" if other is not None else ""
            )
            found.append(
                Relation(
                    main,
                    cue["relation"],
                    other,
                    cue["id"],
                    f"{label.strip()} ({match.group(0).strip()!r})",
                )
            )
    return found
