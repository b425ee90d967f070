"""Actors named in full: coreference for who did it.

News names an actor in full once and refers back to it afterwards: by surname
("Schenker" after "David Schenker"), by pronoun ("he", "it", "they", "its"),
by a definite description ("the airline", "the store"). A timeline table that
says "it" or "Hussein" makes the reader do the matching. :class:`Referents`
follows the names of an article as the extractor reads it and resolves a
pronoun or a description to the name it stands for; :func:`full_names` then
rewrites a surname to the last full name whose final word it is (an Arabic
"al-" article ignored). The word classes (pronouns, description heads) are
data: the ``actors`` table of ``rules/events.yaml``.
"""

from __future__ import annotations

import re

from timeline import settings
from timeline.model import Event, Role

from .lexicon import lexicon


def _last_word(name: str) -> str:
    return name.split()[-1].split("-")[-1]


class Referents:
    """The names an article has given so far, to resolve pronouns and descriptions.

    ``he``/``she`` stand for the last person named; a group pronoun (``it``, ``they``,
    ``its``) for the last organisation, product or group named, unless a subject without a
    name came after it in the same sentence ("the boards approved the deal, and it is
    expected to close": "it" may be the deal); a definite description
    for the last name ending in its head ("the store" after "MusicBox Store"). A description
    without such a name ("the company" after two firms were named) stays as written: the
    most recent organisation is too often the wrong one.

    Examples:
        >>> refs = Referents()
        >>> refs.add("Zentek Systems", False)
        >>> refs.add("Dana Ruiz", True)
        >>> refs.resolve("he"), refs.resolve("it"), refs.resolve("its")
        ('Dana Ruiz', 'Zentek Systems', 'Zentek Systems')
        >>> refs.describe(["the", "systems"]), refs.describe(["the", "company"])
        ('Zentek Systems', None)
    """

    def __init__(self):
        self.persons: list[str] = []
        self.last: str | None = None  # the last person
        self.groups: list[str] = []  # organisations, products, groups, most recent last
        self.subject: str | None = None  # the last subject not a person's, None: no name

    def new_sentence(self) -> None:
        """A new sentence: the last organisation named is again what "it" stands for."""
        self.subject = self.groups[-1] if self.groups else None

    def unnamed_subject(self, words: list[str]) -> None:
        """Record a subject that names nothing ("the boards approved the deal, and it ..."): a
        later "it" in the same sentence may stand for anything in that clause, so it is left
        unresolved; a description of an organisation ("the company") keeps the one named."""
        if not words or words[-1].lower() not in lexicon().words["org_descriptions"]:
            self.subject = None

    def add(self, name: str, person: bool) -> None:
        """Record a name given as an actor (``person``: it looks like a person's)."""
        words = lexicon().words
        if person and all(w.lower() in words["title"] for w in name.split()):
            return  # "the CEO": a title names nobody to refer back to
        if person and any(
            w.isupper() and len(w) > 1 or w[0].islower() and w.lower() != w and "-" not in w
            for w in name.split()
        ):
            person = False  # "MusicBox Store", "ZTK Labs": a product's or a firm's shape
        last = _last_word(name)
        # a known person by surname, last ("Rubio") or, in names that put it first, first ("Wang")
        if person or any(
            _last_word(p) == last or " " not in name and p.split()[0] == name for p in self.persons
        ):
            if person and name not in self.persons:
                self.persons.append(name)
            self.last = name
        elif any(c.isupper() for c in name.split()[0]):  # "Zentek", "eMusic Store"
            if name in self.groups:
                self.groups.remove(name)
            self.groups.append(name)
            self.subject = name
        else:
            self.unnamed_subject(name.split())

    def resolve(self, word: str) -> str | None:
        """The name a pronoun stands for, or None."""
        words = lexicon().words
        lower = word.lower()
        if word.isupper() and len(word) > 1:
            return None  # "US" is a name, not "us"
        if lower in words["person_pronouns"] or lower in words["person_possessives"]:
            return self.last
        if lower in words["group_pronouns"] and self.groups and self.subject == self.groups[-1]:
            return self.groups[-1]
        return None

    def describe(self, words: list[str]) -> str | None:
        """The name a definite description stands for ("the company"), or None."""
        lex = lexicon().words
        if len(words) < 2 or words[0].lower() not in lex["definite"]:
            return None
        head = words[-1].lower()
        for name in reversed(self.groups):
            if name.split()[-1].lower() == head:
                return name
        return None


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
        if event.role != Role.NOMINAL or event.actors:
            continue
        match = _PREMODIFIER.search(
            text,
            max(event.start, event.trigger_start - settings.PREMODIFIER_ACTOR_CHARS),
            event.trigger_start,
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


def _initials(name: str) -> str:
    """The acronym of a multi-word name: "General Motors" -> "GM" (lower-case words skipped)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def full_names(events: list[Event]) -> list[Event]:
    """Rewrite surname-only actors and acronyms to the full name used earlier in the article
    (in place).

    Examples:
        >>> from timeline.model import Event
        >>> first = Event(0, 0, 10, "met", 0, 3, actors=["Marco Rubio", "Mohammed Shia al-Sudani"])
        >>> later = Event(1, 20, 30, "agreed", 20, 26, actors=["Rubio", "Sudani"])
        >>> full_names([first, later])[1].actors
        ['Marco Rubio', 'Mohammed Shia al-Sudani']
        >>> first = Event(0, 0, 10, "cut", 0, 3, actors=["General Motors"])
        >>> later = Event(1, 20, 30, "said", 20, 24, actors=["GM"])
        >>> full_names([first, later])[1].actors
        ['General Motors']
    """
    known: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for event in sorted(events, key=lambda e: e.trigger_start):
        renamed = []
        for actor in event.actors:
            if " " not in actor and actor.isupper() and len(actor) > 1 and actor in acronyms:
                actor = acronyms[actor]
            elif " " not in actor and actor[:1].isupper():
                actor = known.get(_surname(actor), actor)
            elif " " in actor and actor.split()[0][:1].isupper() and _surname(actor)[:1].isupper():
                known[_surname(actor)] = actor
                if len(_initials(actor)) > 1:
                    acronyms.setdefault(_initials(actor), actor)
            renamed.append(actor)
        event.actors = list(dict.fromkeys(renamed))
    return events
