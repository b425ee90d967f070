"""Salience: which events go into tables and plots (the ``newsworthy`` column).

Every event stays in the frame, because all of them carry ordering
information; a reader, though, wants "Trump signed a memorandum" once, not
also "memorandum", and not every "aiming" and "ensure". This stage runs after
ordering (it needs to know which events a date anchors) and only flips
``Event.newsworthy`` to False. The word lists live in ``rules/events.yaml``
under ``salience``.
"""

from __future__ import annotations

from functools import lru_cache

from timeline.model import Event, Modality, Role, Tense

from .lexicon import rule_data


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset, frozenset, frozenset]:
    data = rule_data()["salience"]
    return (
        frozenset(data["nouns"]),
        frozenset(data["covering_verbs"]),
        frozenset(data["scheduling_verbs"]),
    )


def _noun_lemma(event: Event) -> str:
    word = (event.lemma or event.trigger).lower()
    return word[:-1] if word.endswith("s") and word[:-1] in _rules()[0] else word


def _covered(noun: Event, verbs: list[Event], support: frozenset) -> bool:
    """A newsworthy verb whose clause holds the noun already tells it."""
    _, covering, _ = _rules()
    for verb in verbs:
        if verb.sentence != noun.sentence or not (verb.start <= noun.trigger_start < verb.end):
            continue
        if noun.modality == Modality.ASSERTED or verb.lemma in support or verb.lemma in covering:
            return True
    return False


def mark_newsworthy(events: list[Event], support_verbs=frozenset()) -> list[Event]:
    """Set ``newsworthy`` on each event (in place) and return the list.

    Args:
        events: the article's events, after ordering attached their timexes.
        support_verbs: lemmas of light verbs whose object noun is the event
            ("hold a meeting", "impose sanctions").

    Examples:
        >>> from timeline.model import Event
        >>> signed = Event(0, 0, 30, "signed", 6, 12, tense="past", lemma="sign")
        >>> memo = Event(0, 13, 30, "memorandum", 15, 25, role="nominal", lemma="memorandum")
        >>> aiming = Event(0, 31, 40, "aiming", 31, 37, lemma="aim")
        >>> [e.newsworthy for e in mark_newsworthy([signed, memo, aiming])]
        [True, False, False]
    """
    nouns, _, scheduling = _rules()
    for verb in events:
        if (
            verb.lemma in scheduling
            and verb.role == Role.VERB
            and verb.tense != Tense.NONE
            and verb.timex is None
            and any(
                noun.role == Role.NOMINAL
                and noun.sentence == verb.sentence
                and noun.timex is not None
                and noun.trigger_end <= verb.trigger_start
                for noun in events
            )
        ):
            verb.newsworthy = (
                False  # "the meeting is scheduled for January 29": the dated meeting tells it
            )
    finite = [
        e
        for e in events
        if e.role != Role.NOMINAL
        and (e.tense != Tense.NONE or e.timex is not None)
        and e.newsworthy
    ]
    for event in events:
        if not event.newsworthy:
            continue
        if event.role == Role.NOMINAL:
            wanted = (
                event.modality in (Modality.EXPECTED, Modality.POTENTIAL)
                or _noun_lemma(event) in nouns
            )
            event.newsworthy = wanted and not _covered(event, finite, support_verbs)
        elif event.tense == Tense.NONE:
            event.newsworthy = event.timex is not None
    return events
