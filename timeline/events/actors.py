"""Actor names in full: "Schenker" after "David Schenker" is the same person.

News names a person in full once and by surname afterwards; a timeline table
that says "Hussein" in one row and "Fuad Hussein" in the next makes the reader
do the matching. This pass rewrites a one-word actor to the last full name
mentioned before it whose final word it is (an Arabic "al-" article ignored).
"""

from __future__ import annotations

import re

from timeline.model import Event

# A proper-noun premodifier right before an event noun names its actor: "US sanctions", "Israeli strikes".
_PREMODIFIER = re.compile(r"(?<![\w.])((?:[A-Z][\w-]*\.?\s+){0,2}[A-Z][\w-]*)\s+$")


def _surname(name: str) -> str:
    last = name.split()[-1]
    return last[3:] if last.lower().startswith("al-") else last


def premodifier_actors(events: list[Event], text: str) -> list[Event]:
    """Give an event noun without actors the proper noun just before it (in place).

    Examples:
        >>> from timeline.model import Event
        >>> text = "Concerns rise over potential US sanctions."
        >>> noun = Event(0, 20, 41, "sanctions", 32, 41, role="nominal")
        >>> premodifier_actors([noun], text)[0].actors
        ['US']
    """
    for event in events:
        if event.role != "nominal" or event.actors:
            continue
        match = _PREMODIFIER.search(
            text, max(event.start, event.trigger_start - 60), event.trigger_start
        )
        # a capital that opens a sentence (or the text) may be any word: "The summit is expected"
        opens = (
            not text[: match.start(1)].strip()
            or text[: match.start(1)].rstrip().endswith((".", "\n"))
            if match
            else True
        )
        if match and match.start(1) > event.start - 1 and not opens:
            event.actors = [match.group(1)]
    return events


def full_names(events: list[Event]) -> list[Event]:
    """Rewrite surname-only actors to the full name used earlier in the article (in place).

    Examples:
        >>> from timeline.model import Event
        >>> first = Event(0, 0, 10, "met", 0, 3, actors=["Marco Rubio", "Mohammed Shia al-Sudani"])
        >>> later = Event(1, 20, 30, "agreed", 20, 26, actors=["Rubio", "Sudani"])
        >>> full_names([first, later])[1].actors
        ['Marco Rubio', 'Mohammed Shia al-Sudani']
    """
    known: dict[str, str] = {}
    for event in sorted(events, key=lambda e: e.trigger_start):
        renamed = []
        for actor in event.actors:
            if " " not in actor and actor[:1].isupper():
                actor = known.get(_surname(actor), actor)
            elif " " in actor and actor.split()[0][:1].isupper() and _surname(actor)[:1].isupper():
                known[_surname(actor)] = actor
            renamed.append(actor)
        event.actors = list(dict.fromkeys(renamed))
    return events
