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

import bisect
import re

from timeline import settings
from timeline.model import Event, EventClass, Role

from .lexicon import in_dictionary, lexicon

#: What a first-person word inside a quotation stands for until the sentence's speaker is known
#: (the reporting clause may follow the quote): never left in an event's actors.
SPEAKER = "\u2063speaker"
#: The same for a first-person plural ("we", "our"): the side the speaker speaks for.
SPEAKER_SIDE = "\u2063side"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, the marks left out; a quote left open at a line
    break ends there (a quoted paragraph goes on in the next one, which opens it again).

    Examples:
        >>> text = 'Ruiz said: "I will go." Then “we left” and "more'
        >>> [text[a:b] for a, b in quote_spans(text)]
        ['I will go.', 'we left', 'more']
    """
    marks = lexicon().data["actors"]["quote_marks"]
    every = sorted(set(marks) | set(marks.values()), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(m) for m in every) + r"|\n")
    spans, open_mark, opened = [], None, 0
    for match in pattern.finditer(text):
        mark = match.group()
        if open_mark is not None and mark in (marks[open_mark], "\n"):
            spans.append((opened, match.start()))
            open_mark = None
        elif open_mark is None and mark in marks:
            open_mark, opened = mark, match.end()
    if open_mark is not None:
        spans.append((opened, len(text)))
    return spans


def _last_word(name: str) -> str:
    return name.split()[-1].split("-")[-1]


class Referents:
    """The names an article has given so far, to resolve pronouns and descriptions.

    ``he``/``she`` stand for the last person named; a group pronoun (``it``, ``they``,
    ``its``) for the last organisation, product or group named, unless a subject without a
    name came after it in the same sentence ("the boards approved the deal, and it is
    expected to close": "it" may be the deal); a definite description
    for the last name with its head ("the store" after "MusicBox Store"; a name's head comes
    before its prepositional phrase: "the city" is not "Police in the city"). A description
    without such a name ("the company" after two firms were named) stays as written: the
    most recent organisation is too often the wrong one.

    A first-person word inside a quotation (``quotes``: spans from :func:`quote_spans`) stands
    for the quote's speaker, settled at the end of its sentence by :meth:`settle_speaker`.

    Examples:
        >>> refs = Referents()
        >>> refs.add("Zentek Systems", False)
        >>> refs.add("Dana Ruiz", True)
        >>> refs.resolve("he"), refs.resolve("it"), refs.resolve("its")
        ('Dana Ruiz', 'Zentek Systems', 'Zentek Systems')
        >>> refs.describe(["the", "systems"]), refs.describe(["the", "company"])
        ('Zentek Systems', None)
        >>> refs.add("Police in the city", False)
        >>> refs.describe(["the", "city"]), refs.describe(["the", "police"])
        (None, 'Police in the city')
        >>> text = 'Ruiz said so. "Jane Doe has won," he said.'
        >>> refs = Referents(quote_spans(text))
        >>> refs.add("Ruiz", True, 0)
        >>> refs.add("Jane Doe", True, 15)
        >>> refs.resolve("he", 34), refs.resolve("he", 20)
        ('Ruiz', 'Jane Doe')
    """

    def __init__(self, quotes: list[tuple[int, int]] = ()):
        self.quotes = sorted(quotes)
        self._quote_starts = [start for start, _ in self.quotes]
        self.speaker: str | None = None  # who the last quotation's first person is
        self.employers: dict[str, str] = {}  # a person's name -> the organisation they head
        self.side_default: str | None = None  # what "we" stood for before the quote's speaker
        self.persons: list[str] = []
        self.last: str | None = None  # the last person
        self.recent: list[str] = []  # persons, most recently named last
        self.genders: dict[str, str] = {}  # a person's surname -> the pronoun list it took
        # persons last named inside a quotation, whom a person pronoun outside one does not
        # stand for: the speaker in 'Dana Ruiz spoke. "Jane Doe has won," she said.', not the
        # person the quote names
        self.quoted_only: set[str] = set()
        self.groups: list[str] = []  # organisations, products, groups, most recent last
        self.subject: str | None = None  # the last subject not a person's, None: no name
        self.things: list[str] = []  # names and descriptions not a person's, most recent last
        self.plural: str | None = None  # this sentence's last plural subject without a name
        # descriptions a sentence opens with a capitalized common noun ("Police in the port"):
        # no name for "it", but what a later definite description may stand for
        self.descriptions: list[str] = []
        self.agents: set[str] = set()  # who has said or decided something: no mere thing
        # this sentence's speaker, when a singular description not a person's ("the ministry
        # said it had sent troops"): what "it" after the saying stands for (:meth:`reports`)
        self.reporter: str | None = None

    def new_sentence(self) -> None:
        """A new sentence: the last organisation named is again what "it" stands for."""
        self.subject = self.groups[-1] if self.groups else None
        self.plural = None
        self.reporter = None

    def unnamed_subject(self, words: list[str]) -> None:
        """Record a subject that names nothing ("the boards approved the deal, and it ..."): a
        later "it" in the same sentence may stand for anything in that clause, so it is left
        unresolved; a description of an organisation ("the company") keeps the one named."""
        if not words or words[-1].lower() not in lexicon().words["org_descriptions"]:
            self.subject = None
            if words and not (len(words) == 1 and words[0].lower() in lexicon().words["unnamed"]):
                self.things.append(" ".join(words))
                if _plural(words[-1]):
                    self.plural = " ".join(words)

    def add(self, name: str, person: bool, at: int | None = None, common: bool = False) -> None:
        """Record a name given as an actor (``person``: it looks like a person's), written at
        offset ``at`` (None: not known, taken as outside any quotation); ``common``: it is a
        description, its capitalized first word a common noun only opening a sentence ("Revenue
        in the period rose"), so it names nothing."""
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
            # a surname first seen alone ("Ruiz, Doe convicted") is a person's once the full
            # name shows it, and a pronoun for things never stands for a person
            self.groups = [g for g in self.groups if _last_word(g) != last]
            self.things = [t for t in self.things if _last_word(t) != last]
            if self.subject is not None and _last_word(self.subject) == last:
                self.subject = self.groups[-1] if self.groups else None
            self.last = name
            if name in self.recent:
                self.recent.remove(name)
            self.recent.append(name)
            if at is not None and self.quoted(at):
                self.quoted_only.add(name)
            else:
                self.quoted_only.discard(name)
        elif common:
            self.descriptions.append(name)
            self.unnamed_subject(name.split())
        elif (
            any(c.isupper() for c in name.split()[0])
            and not _common_plural(name)
            and not _counted(name)
        ):
            # "Zentek", "eMusic Store"; not "Officials" opening a sentence, whom no "it" names
            if name in self.groups:
                self.groups.remove(name)
            self.groups.append(name)
            self.things.append(name)
            self.subject = name
        else:
            self.unnamed_subject(name.split())

    def reports(self, name: str) -> None:
        """Record the speaker of a saying: a singular description of a body ("the ministry",
        "the central bank": its head an organisation's word, ``org``, ``org_descriptions`` or
        ``reporting_bodies``) is what a group pronoun after the saying, in its sentence, stands
        for ("The ministry said it had sent troops"), as a name already is. Only "it"
        (``body_pronouns``): a possessive after it often has a nearer owner ("the firm said
        songs were sold since its launch": the store's).

        Examples:
            >>> refs = Referents()
            >>> refs.reports("ministry")
            >>> refs.resolve("it"), refs.resolve("its")
            ('ministry', None)
            >>> refs.new_sentence()
            >>> refs.resolve("it") is None
            True
            >>> refs.reports("officials"), refs.reports("counsel of the company")
            (None, None)
            >>> refs.resolve("it") is None
            True
        """
        words = lexicon().words
        # the head comes before a prepositional phrase: "general counsel of the company" is a
        # person, "the ministry of transport" a body
        head = re.split(r"\s+(?:of|for|in|at|from|on)\s+", name)[0].split()[-1].lower()
        if head not in words["org"] | words["org_descriptions"] | words[
            "reporting_bodies"
        ] or _plural(head):
            return
        self.reporter = name

    def quoted(self, at: int) -> bool:
        """Whether the character offset ``at`` lies inside a quotation."""
        k = bisect.bisect_right(self._quote_starts, at) - 1
        return k >= 0 and at < self.quotes[k][1]

    def resolve(self, word: str, at: int | None = None, thing: bool = False) -> str | None:
        """The name a pronoun stands for, or None; a first-person word at offset ``at`` inside a
        quotation gives :data:`SPEAKER`, for :meth:`settle_speaker` to replace. With ``thing``
        (the subject of a verb that wants a thing, "it contains"), "it" stands for the last
        subject not a person's that has not acted as an agent (:meth:`acted`): a product, not
        the firm that announced it.

        Examples:
            >>> refs = Referents()
            >>> refs.add("Zentek", False)
            >>> refs.acted(["Zentek"])
            >>> refs.add("ZX300", False)
            >>> refs.add("Zentek", False)
            >>> refs.new_sentence()
            >>> refs.resolve("it"), refs.resolve("it", thing=True)
            ('Zentek', 'ZX300')
            >>> refs.add("many customers", False)
            >>> refs.resolve("their"), refs.resolve("them")
            ('many customers', None)
        """
        words = lexicon().words
        lower = word.lower()
        if thing and lower in words["thing_pronouns"]:
            return next((t for t in reversed(self.things) if t not in self.agents), None)
        if at is not None and self.quoted(at):
            if lower in words["speaker_pronouns"]:
                return SPEAKER
            if lower in words["speaker_side_pronouns"]:
                self.side_default = self.resolve(word)
                return SPEAKER_SIDE
        if word.isupper() and len(word) > 1:
            return None  # "US" is a name, not "us"
        if lower in words["person_pronouns"] or lower in words["person_possessives"]:
            return self._agreeing_person(lower, outside=at is not None and not self.quoted(at))
        if lower in words["plural_pronouns"] and self.plural:
            return self.plural  # "Many customers said their orders failed": the customers'
        if lower in words["body_pronouns"] and self.reporter is not None:
            return self.reporter
        if lower in words["group_pronouns"] and self.groups and self.subject == self.groups[-1]:
            return self.groups[-1]
        return None

    def _agreeing_person(self, pronoun: str, outside: bool = False) -> str | None:
        """The latest person ``pronoun`` may stand for: one never called by a pronoun of the
        other gender; the first such pronoun of a person records its gender. ``outside`` a
        quotation, a person named only inside one is passed over."""
        words = lexicon().words
        recent = self.recent  # every name ``add`` made the last person, the latest last
        if outside:
            recent = [n for n in recent if n not in self.quoted_only] or recent
        last = recent[-1] if recent else None
        gender = next(
            (key for key in ("feminine_pronouns", "masculine_pronouns") if pronoun in words[key]),
            None,
        )
        if gender is None or last is None:
            return last
        for name in reversed(recent):
            known = self.genders.get(_last_word(name))
            if known is None or known == gender:
                self.genders[_last_word(name)] = gender
                return name
        return None

    def settle_speaker(self, events: list[Event]) -> list[Event]:
        """Replace :data:`SPEAKER` in one sentence's events (in place) by who speaks: the actor
        of a reporting verb outside the quotes ('"I conclude," Ruiz said'), else, when the
        sentence quotes someone, of another verb outside them ('Ruiz agreed: "I conclude"'),
        else the last speaker (a quoted paragraph goes on); with nobody, the word is dropped.

        Examples:
            >>> from timeline.model import Event
            >>> text = '"I will go," Ruiz said.'
            >>> refs = Referents(quote_spans(text))
            >>> go = Event(0, 1, 10, "go", 8, 10, actors=[refs.resolve("I", 1)])
            >>> said = Event(0, 13, 22, "said", 18, 22, event_class="REPORTING", actors=["Ruiz"])
            >>> refs.settle_speaker([go, said])[0].actors
            ['Ruiz']
        """
        outside = [
            e
            for e in events
            if e.role == Role.VERB
            and e.actors
            and SPEAKER not in e.actors
            and not self.quoted(e.trigger_start)
        ]
        reporting = [e for e in outside if e.event_class == EventClass.REPORTING]
        quoting = any(self.quoted(e.trigger_start) for e in events)
        chosen = reporting or (outside if quoting else [])
        if chosen:
            self.speaker = chosen[0].actors[0]
        side = self.side_of(self.speaker) if self.speaker else self.side_default
        for event in events:
            for marker, who in ((SPEAKER, self.speaker), (SPEAKER_SIDE, side)):
                if marker in event.actors or marker in event.undergoers:
                    event.actors = _spoken(event.actors, marker, who)
                    event.undergoers = _spoken(event.undergoers, marker, who)
        return events

    def acted(self, names: list[str]) -> None:
        """Record the subjects of a verb only an agent does (saying, deciding, trying)."""
        self.agents.update(names)

    def affiliate(self, tokens) -> None:
        """Record whom the people of a tagged sentence work for, from a title between the two
        names: "Zentek CEO Dana Ruiz", "Zentek's chief executive Dana Ruiz", "Dana Ruiz,
        chief executive of Zentek" (the title words: ``title`` of ``rules/events.yaml``)."""
        for person, org in affiliations(tokens):
            self.employers[person] = org
            self.employers.setdefault(_last_word(person), org)

    def side_of(self, speaker: str) -> str | None:
        """Whom a speaker says "we" for: the organisation a person works for when the article
        said so, or an organisation itself; a plural never stands for one person, so a person
        without a known employer leaves "we" to what it stood for before (``side_default``)."""
        found = self.employers.get(speaker) or self.employers.get(_last_word(speaker))
        if found:
            return found
        if (
            speaker in self.persons
            or speaker == self.last
            or _last_word(speaker) in {_last_word(p) for p in self.persons}
        ):
            return self.side_default
        return speaker

    def describe(self, words: list[str]) -> str | None:
        """The name a definite description stands for ("the company"), or None."""
        lex = lexicon().words
        if len(words) < 2 or words[0].lower() not in lex["definite"]:
            return None
        head = words[-1].lower()
        for name in reversed(self.groups):
            if _head_word(name) == head:
                return name
        for name in reversed(self.descriptions):
            if _head_word(name) == head:
                return name
        return None


def _head_word(name: str) -> str:
    """The head of a name or description, lower case: its last word before a preposition in
    lower case ("police in the city" -> "police", "Bank of America" -> "bank"), else its
    last word.

    Examples:
        >>> _head_word("Zentek Systems"), _head_word("Shares in the company")
        ('systems', 'shares')
    """
    return _head(name)[0].lower()


def _head(name: str) -> tuple[str, bool]:
    """The head of a name or description as written (see :func:`_head_word`), and whether it
    is the first word."""
    closed = lexicon().closed
    words = name.split()
    cut = next(
        (k for k, w in enumerate(words) if k and w.islower() and "PREP" in closed.get(w, ())),
        len(words),
    )
    return words[cut - 1], cut == 1


def _common_plural(name: str) -> bool:
    """A group named by a plural common noun, capitalized only because it opens a sentence:
    its head is a plural the dictionary knows, written in lower case or first ("Officials",
    "Aid workers in Leeds", "Analysts at the bank"). It is a group of people or things, no
    organisation's name, and never what "it" stands for.

    Examples:
        >>> names = ("Officials", "Aid workers in Leeds", "Zentek", "Acme Labs")
        >>> [_common_plural(n) for n in names]
        [True, True, False, False]
    """
    head, first = _head(name)
    return _plural(head) and in_dictionary(head.lower()) and (first or head.islower())


def _counted(name: str) -> bool:
    """A group counted or quantified by its first word ("Seven major automakers", "Many
    customers", "Both firms"): capitalized only because it opens a sentence, no name.

    Examples:
        >>> _counted("Seven major automakers"), _counted("Many customers"), _counted("Zentek Corp")
        (True, True, False)
    """
    first = name.split()[0].lower()
    closed = lexicon().closed.get(first, ())
    return " " in name and (
        "NUMWORD" in closed or "DET" in closed or first in lexicon().words["pronominal_dets"]
    )


def _plural(head: str) -> bool:
    """Whether a noun phrase's last word makes it plural: a plural noun ("customers") or a
    quantifier standing for people ("some", "others": ``pronominal_dets``)."""
    lower = head.lower()
    if lower in lexicon().words["pronominal_dets"]:
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def _spoken(names: list[str], marker: str, speaker: str | None) -> list[str]:
    named = [speaker if name == marker else name for name in names]
    return list(dict.fromkeys(name for name in named if name))


def _run(tokens, k: int, step: int, words) -> int:
    """Where a run of tokens from ``k`` (going by ``step``) that are capitalized names
    (``words`` None) or among ``words`` ends: the first index past it."""
    lex = lexicon()
    while 0 <= k < len(tokens):
        tok = tokens[k]
        if words is not None:
            if tok.lower not in words:
                break
        elif tok.tag != "PROPN" or tok.lower in lex.words["title"]:
            # "Zentek Corp. CEO": an abbreviation's period stays inside the name
            if not (
                tok.text == "."
                and 0 < k < len(tokens) - 1
                and tokens[k - 1].lower in lex.abbreviations
            ):
                break
        k += step
    return k


def affiliations(tokens) -> list[tuple[str, str]]:
    """``(person, organisation)`` pairs a tagged sentence names with a title between them.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> affiliations(tag(tokenize("Zentek Corp. CEO Dana Ruiz spoke.")))
        [('Dana Ruiz', 'Zentek Corp')]
        >>> affiliations(tag(tokenize("Dana Ruiz, chief executive of Zentek, spoke.")))
        [('Dana Ruiz', 'Zentek')]
        >>> affiliations(tag(tokenize("Dana Ruiz, the Zentek Chief Executive Officer, spoke.")))
        [('Dana Ruiz', 'Zentek')]
        >>> affiliations(tag(tokenize("Zentek Chief Financial Officer Dana Ruiz spoke.")))
        [('Dana Ruiz', 'Zentek')]
        >>> affiliations(tag(tokenize("The CEO spoke.")))
        []
    """
    lex = lexicon()
    titles = lex.words["title"]
    text = lambda a, b: " ".join(t.text for t in tokens[a:b]).replace(" .", ".")  # noqa: E731
    found = []
    k = 0
    while k < len(tokens):
        if tokens[k].lower not in titles:
            k += 1
            continue
        end = _run(tokens, k, 1, titles)
        # before the title: the organisation ("Zentek CEO", "Zentek's CEO"); after it, the person
        before = k - 1 if k and tokens[k - 1].tag == "POSSM" else k
        org = _run(tokens, before - 1, -1, None) + 1
        org_end = before - 1 if before and tokens[before - 1].text == "." else before
        person = _run(tokens, end, 1, None)
        if org < org_end and person > end:
            found.append((text(end, person), text(org, org_end)))
        # "Dana Ruiz, the Zentek chief executive": the person before the comma
        opens = org - 1 if org and tokens[org - 1].tag == "DET" else org
        if org < org_end and person == end and opens >= 2 and tokens[opens - 1].text == ",":
            who = _run(tokens, opens - 2, -1, None) + 1
            if who < opens - 1:
                found.append((text(who, opens - 1), text(org, org_end)))
        # "Dana Ruiz, chief executive of Zentek": the person before a comma, the organisation
        # after the title's preposition
        start = k - 1 if k and tokens[k - 1].tag == "DET" else k
        if (
            start >= 2
            and tokens[start - 1].text == ","
            and end + 1 < len(tokens)
            and tokens[end].lower in lex.words["affiliation_preps"]
        ):
            who = _run(tokens, start - 2, -1, None) + 1
            after = end + 2 if tokens[end + 1].tag == "DET" else end + 1
            org_end = _run(tokens, after, 1, None)
            if who < start - 1 and org_end > after:
                found.append((text(who, start - 1), text(after, org_end)))
        k = end
    return found


# A proper-noun premodifier right before an event noun names its actor: "US sanctions",
# "Israeli strikes".
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
        >>> text = "Shares fell after the Tuesday announcement."
        >>> noun = Event(0, 0, 42, "announcement", 30, 42, role="nominal")
        >>> premodifier_actors([noun], text)[0].actors
        []
        >>> text = "Officials said - A blaze and a May bombing"
        >>> fire = Event(0, 17, 24, "blaze", 19, 24, role="nominal")
        >>> bombing = Event(0, 29, 42, "bombing", 35, 42, role="nominal")
        >>> [e.actors for e in premodifier_actors([fire, bombing], text)]
        [[], []]
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
            name = _premodifier_name(match.group(1))
            if name:
                event.actors = [name]
    return events


def _premodifier_name(words: str) -> str:
    """The name in a capitalized premodifier, or "": a capital after a dash or an opening quote
    may be a determiner ("A blaze", "The ballot"), and a day or month dates the event, it
    does not act in it ("a May bombing")."""
    lex = lexicon()
    parts = words.split()
    while parts and set(lex.closed.get(parts[0].lower(), ())) & {"DET", "POSS", "PREP", "CONJ"}:
        parts = parts[1:]  # never a pronoun: "US" is a name
    # a day or month before the noun names its time, not its actor ("the Tuesday vote")
    if not parts or any(w.lower() in lex.words["calendar_owners"] for w in parts):
        return ""
    return " ".join(parts)


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
