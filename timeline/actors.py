"""Actor names in full: "Schenker" after "David Schenker" is the same person.

News names a person in full once and by surname afterwards; a timeline table
that says "Hussein" in one row and "Fuad Hussein" in the next makes the reader
do the matching. This pass rewrites a one-word actor to the last full name
mentioned before it whose final word it is (an Arabic "al-" article ignored).
"""
from __future__ import annotations

from .model import Event


def _surname(name: str) -> str:
    last = name.split()[-1]
    return last[3:] if last.lower().startswith("al-") else last


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
