"""Event coreference inside one article: "the announcement" is the dated "announced" (ordering stage).

News tells an act once with its date ("The commission announced on Thursday ...") and then
refers back to it by a definite noun ("Protests broke out hours after the announcement").
The noun, read alone, is only "some time before publication"; read as the same event it has
the verb's date, and whatever is ordered against it ("hours after") gets one too. The act is
compared by :func:`timeline.merge.base_lemma` (the derivations of ``rules/merge.yaml``:
"announcement" -> "announce"); the determiners and reach are data: ``definite_coreference``
in ``rules/ordering.yaml``. :mod:`timeline.constraints` makes the pair one event.
"""
from __future__ import annotations

import re

from .merge import base_lemma
from .model import Event
from .tense import rules

__all__ = ["find"]


def find(events: list[Event], text: str) -> list[tuple[int, int]]:
    """(noun, verb) pairs: an undated definite event noun and the earlier dated verb of the same act.

    Examples:
        >>> text = "The board announced the plan on Monday. Shares rose after the announcement."
        >>> ev = [Event(0, 0, 39, "announced", 10, 19, tense="past", timex=0, lemma="announce"),
        ...       Event(1, 40, 75, "announcement", 62, 74, role="nominal", lemma="announcement")]
        >>> find(ev, text)
        [(1, 0)]
    """
    table = rules()["definite_coreference"]
    determiner = re.compile(r"\b(?:" + "|".join(table["determiners"]) + r")\s+(?:[a-z][\w-]*\s+)?$", re.I)
    found = []
    latest: dict[str, int] = {}   # act -> index of the last dated, asserted verb telling it
    for i, event in enumerate(events):
        act = base_lemma(event.lemma or event.trigger)
        if event.role == "verb" and event.timex is not None and event.modality == "asserted" \
                and event.tense in ("past", "present"):
            latest[act] = i
        elif event.role == "nominal" and event.timex is None and act in latest \
                and event.sentence - events[latest[act]].sentence <= int(table["max_sentences_back"]) \
                and determiner.search(text, max(0, event.trigger_start - 30), event.trigger_start):
            found.append((i, latest[act]))
    return found
