"""Event extraction: clause-level event mentions with TimeML attributes.

For each sentence: tag the words (:mod:`timeline.tagger`), find the event
mentions (:mod:`timeline.mentions`: verb groups, copula predicates, event
nominals), then give each its clause span, kind, actors
(:mod:`timeline.clauses`; "he"/"she" resolved to the last named person) and,
in reported speech, the index of the reporting event as ``source``. The
word lists live in ``rules/events.yaml``; this module holds no English words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from timeline import settings
from timeline.model import Event, EventClass, Kind, Mention, Modality, Role, Tense

from . import clauses
from .actors import Referents, quote_spans
from .lexicon import lexicon, proper_names, tokenize, unpunctuated
from .mentions import kind_of, mentions, noun_event
from .tagger import tag

__all__ = ["extract", "noun_event"]


@dataclass(frozen=True)
class _Participants:
    """Who takes part in a mention: its actors and, when its subject undergoes it (a
    passive, "prices rose"), that subject; None when the subject is the actor."""

    actors: list[str]
    undergoers: list[str] | None = None
    passive: bool = False


def _actors(tokens, m: Mention, people, earlier: dict[int, _Participants]) -> _Participants:
    """Who acts in mention ``m`` (and, for a passive, who undergoes it); ``earlier`` holds
    the sentence's earlier mentions by token index: an infinitive's actors are its governor's."""
    source = _source_phrase(tokens, m)
    if source is not None:
        return _Participants(_speakers(source, people))
    if m.role == Role.NOMINAL:
        left = m.group_start
        if (
            left > 0
            and tokens[left - 1].tag == "POSSM"
            or tokens[left : m.index]
            and any(t.tag == "POSSM" for t in tokens[left : m.index])
        ):
            k = max(k for k in range(left - 1, m.index) if tokens[k].tag == "POSSM")
            owner = [name for name, _ in clauses.names_in(tokens[left:k])]
            if (
                owner
                and tokens[k - 1].tag == "PROPN"
                and tokens[k - 1].lower not in lexicon().words["calendar_owners"]
            ):
                return _Participants(owner)
            if owner and (
                tokens[k - 1].lower in lexicon().words["org_descriptions"]
                or tokens[k - 1].lower in lexicon().words["org"]
            ):
                # "the company's annual conference", "the government's victory": the
                # description, resolved when it can be
                return _Participants(
                    _resolved(clauses.names_in(tokens[left:k]), tokens[left:k], people)
                )
        owner = next((t for t in tokens[left : m.index] if t.tag == "POSS"), None)
        if owner is not None:  # "its dispute", "their orders": whose the pronoun stands for
            resolved = people.resolve(owner.text, owner.start)
            return _Participants([resolved] if resolved else [])
        end = clauses.np_right(tokens, m.index, len(tokens))
        tail = tokens[m.index + 1 : end]
        words = lexicon().words
        sources = words["from_preps"] if m.lemma in words["source_nouns"] else set()
        # "an offer from Zentek": who sends a message, offer or request sends it from
        for preps in (words["agent_preps"], words["pair_preps"], sources):
            at = next((k for k, t in enumerate(tail) if t.lower in preps), None)
            if preps is words["agent_preps"] and at is not None:
                if not clauses.agent_phrase(tail, at + 1):
                    continue  # "the deal by the end of March", "a cut by a third": no agent
            # the phrase belongs to the nearest noun before it: "a meeting over the call between
            # A and B" is the call's pair, not the meeting's
            if at is not None and not any(t.tag == "N" for t in tail[:at]):
                phrase = tail[at + 1 :]
                stop = next(
                    (
                        k
                        for k, t in enumerate(phrase)
                        if t.tag == "PREP"
                        and t.lower not in words["particle"]
                        and preps is not words["pair_preps"]
                    ),
                    len(phrase),
                )
                return _Participants([name for name, _ in clauses.names_in(phrase[:stop])])
        engaged = clauses.engaged_subject(tokens, m.group_start)
        if engaged is not None:  # "Ruiz is on leave", "executives are in talks"
            phrase = tokens[engaged[0] : engaged[1]]
            return _Participants(_resolved(clauses.names_in(phrase), phrase, people))
        verb = m.object_of
        if verb is not None and (
            # a nominalisation whose argument follows is that argument's event, not the
            # verb's: "announced the integration of video calls"
            verb.lemma in lexicon().words["support"]
            and m.rule != "argument_nominal"
            or m.lemma in lexicon().words["statement_nouns"]
        ):
            return _Participants(list(earlier[verb.index].actors))
        return _Participants([])
    gov = m.governor
    tok = tokens[m.index]
    if m.conjunct_of is not None:
        return _Participants(list(earlier[m.conjunct_of.index].actors))
    if m.infinitive and _for_subject(tokens, m) is not None:
        # "the reason for Zentek to sue": the noun phrase after "for" acts
        phrase = tokens[_for_subject(tokens, m) : m.group_start]
        return _Participants(_resolved(clauses.names_in(phrase), phrase, people))
    noun = earlier.get(_aim_noun(tokens, m.group_start)) if m.infinitive else None
    if noun is not None and noun.actors and tokens[m.group_start].tag == "TO":
        # an infinitive right after an event noun is that act's aim, done by whoever does it:
        # "the firm's effort to cut costs", "the union's bid to block the sale"
        return _Participants(list(noun.actors))
    inner = _clause_verb(tokens, gov, m) if gov is not None and m.infinitive else None
    if inner is not None:
        # "asked whether the firm had plans to settle": the clause after the subordinator holds it,
        # and its subject acts in it, a passive's too ("when it was ordered to dock")
        span = clauses.subject_span(tokens, inner)
        if span is not None:
            phrase = tokens[span[0] : span[1]]
            return _Participants(_resolved(clauses.names_in(phrase), phrase, people))
    if (
        gov is not None
        and m.infinitive
        and earlier[gov.index].passive
        and _after_agent(tokens, gov, m)
    ):
        # "some firms are reported to want", "he was chosen by the bloc to lead": the passive's
        # subject, never its agent
        return _Participants(list(earlier[gov.index].undergoers or []))
    if gov is not None and m.infinitive:
        between = tokens[gov.index + 1 : m.group_start]
        words = lexicon().words
        if (
            between
            and (
                gov.lemma in words["object_control"]
                or gov.event_class in ("I_ACTION", "I_STATE", "REPORTING")
                and gov.lemma not in words["support"]
                and between[-1].lemma not in lexicon().event_nouns  # "has plans to expand"
            )
            and all(
                t.tag in ("DET", "POSS", "ADJ", "N", "PROPN", "POSSM", "PRON", "NUM")
                for t in between
            )
        ):
            # the object controls the infinitive: "urged the airlines to buy" (the airlines buy)
            return _Participants(_resolved(clauses.names_in(between), between, people))
        return _Participants(list(earlier[gov.index].actors))
    if gov is not None and _from_gerund(tokens, m, gov):
        # "barred Zentek from selling": the object is kept from acting
        return _Participants(
            _resolved(clauses.names_in(tokens[gov.index + 1 : m.group_start - 1]), [], people)
        )
    if gov is None and _fronted_infinitive(tokens, m):
        return _Participants([])  # the main clause's subject, when extract reaches it
    if m.infinitive and gov is None:
        # an infinitive after a noun ("are in talks with the unions to settle"): the
        # subject of the clause's finite verb before it, never the noun right before "to"
        finite = next(
            (
                k
                for k in range(m.group_start - 1, -1, -1)
                if tokens[k].tag in ("BE", "HAVE", "MODAL", "DO")
                or tokens[k].tag == "V"
                and tokens[k].forms & {"VBD", "VBZ", "VBP"}
            ),
            None,
        )
        # without one, a headline's "Zentek to cut 500 jobs": the noun phrase before "to"
        span = clauses.subject_span(tokens, m.group_start if finite is None else finite)
        if span is None:
            return _Participants([])
        return _Participants(
            _resolved(
                clauses.names_in(tokens[span[0] : span[1]]), tokens[span[0] : span[1]], people
            )
        )
    if (
        gov is not None
        and "VBG" in tok.forms
        and m.tense == Tense.NONE
        and not any(t.tag == "BE" for t in tokens[m.group_start : m.index])
    ):
        finite = (
            gov if _adverbial(tokens, m) else None
        )  # "blocked the plan to end it, handing a setback":
        while finite is not None and (
            finite.tense == Tense.NONE or finite.infinitive
        ):  # the blocker's
            finite = finite.governor
        nearest = _clause_before(tokens, m, earlier) if _adverbial(tokens, m) else None
        if nearest is not None and nearest != (finite or gov).index:
            # "an official said buildings collapsed, killing four": the collapse kills, not
            # the saying; an unaccusative's subject, its undergoer, stands for the clause
            held = earlier[nearest]
            return _Participants(list(held.actors or held.undergoers or []))
        return _Participants(list(earlier[(finite or gov).index].actors))
    if _subordinated_participle(tokens, m):
        return _Participants(_agents(tokens, m, people), passive=True)
    if _reduced_relative(tokens, m):
        # "a pact signed between the two firms": the noun undergoes it
        noun = tokens[clauses.np_left(tokens, m.group_start - 1) : m.group_start]
        undergoers = _resolved(clauses.names_in(noun), noun, people)
        return _Participants(_agents(tokens, m, people, pairs=True), undergoers, passive=True)
    if m.index == m.group_start and clauses.parenthetical_participle(tokens, m.index):
        # "a police officer, wounded in a clash, died": the noun before the comma undergoes it,
        # in a reported clause too (no actor of the saying's)
        noun = tokens[clauses.np_left(tokens, m.index - 2) : m.index - 1]
        undergoers = _resolved(clauses.names_in(noun), noun, people)
        return _Participants(_agents(tokens, m, people), undergoers, passive=True)
    span = clauses.subject_span(
        tokens, m.relative if m.relative is not None else m.group_start, _wants_thing(m)
    )
    if (
        span is None
        and m.event_class == "REPORTING"
        and m.group_start > 0
        and tokens[m.group_start - 1].tag == "PUNCT"
        and clauses.after_quote(tokens, m.group_start)
    ):
        speaker = _inverted_speaker(tokens, m.index)  # '"No," said Antonio Costa.'
        if speaker:
            return _Participants(_speakers(speaker, people))
    speaker = _postposed_speaker(tokens, m)
    if speaker:
        return _Participants(_speakers(speaker, people))
    before = m.group_start - 1
    while before > 0 and tokens[before].tag in ("ADV", "DET") and tokens[before - 1].tag != "PUNCT":
        before -= 1  # ", and more recently has started"
    if span is None and m.group_start > 0 and tokens[before].tag == "CONJ" and gov is None:
        # "Zentek is the maker of phones and launched a store": the copula's subject
        finite = next(
            (k for k in range(before - 1, -1, -1) if tokens[k].tag in ("BE", "HAVE", "MODAL")),
            None,
        )
        while finite and tokens[finite - 1].tag in ("BE", "HAVE", "MODAL", "ADV", "NEG"):
            finite -= 1  # the subject stands before the first auxiliary: "should have been"
        span = clauses.subject_span(tokens, finite) if finite is not None else None
        if span is None:
            return _Participants([])
        phrase = tokens[span[0] : span[1]]
        return _Participants(
            _resolved(clauses.names_in(phrase), phrase, people, thing=_wants_thing(m))
        )
    if span is None and gov is not None and m.group_start > 0 and tokens[before].tag == "CONJ":
        # "Forecasters expect the rain to ease, but warned ...": a verb coordinated after
        # "and"/"but"
        # shares the subject of the finite verb before it, not of an infinitive in between
        finite = gov
        while finite is not None and (
            finite.tense == Tense.NONE
            and not (
                m.tense == Tense.NONE
                and any(t.tag == "MODAL" for t in tokens[finite.group_start : finite.index])
            )
            or finite.infinitive
        ):  # a verb under a modal is finite for a bare verb joined to it: "boilers that could
            # burst and cause fires"; a past form joins a past one ("concerned that prices would
            # fall and suggested")
            finite = finite.governor
        finite = finite or gov  # its subject, which a passive does not make its actor
        held = earlier[finite.index]
        shared = list(held.actors if held.undergoers is None else held.undergoers)
        if _passive(tokens, m) or (
            earlier[gov.index].passive
            and m.group_start == m.index
            and "VBN" in tok.forms
            and not _has_object(tokens, m)
        ):  # "chose to resign or was pushed", "is made by Zentek and sold": it undergoes them
            return _Participants(_agents(tokens, m, people), shared, passive=True)
        return _Participants(shared)
    if span is None and _gerund_subject(tokens, m):
        return _Participants(
            []
        )  # "that disarming these groups remains hard": an act is the subject
    if span is None and _passive(tokens, m):  # ", which is made by Zentek": the agent only
        return _Participants(_agents(tokens, m, people), passive=True)
    if span is None:
        return _Participants(list(earlier[gov.index].actors) if gov is not None else [])
    if _extraposed(tokens, m, span):
        return _Participants([], passive=True)  # "It is believed the union will strike"
    subject = tokens[span[0] : span[1]]
    names = _resolved(
        clauses.names_in(subject), subject, people, remember=True, thing=_wants_thing(m)
    )
    if str(m.event_class).lower() in lexicon().words["agent_classes"] and not _passive(tokens, m):
        people.acted(names)
    if m.event_class == EventClass.REPORTING and len(names) == 1 and not _passive(tokens, m):
        people.reports(names[0])
    if _passive(tokens, m) or _unaccusative(tokens, m):
        return _Participants(_agents(tokens, m, people), names, passive=_passive(tokens, m))
    return _Participants(names)


def _extraposed(tokens, m, span) -> bool:
    """Whether an expletive "it" is the subject of a passive verb of saying or thinking, or of
    a raising verb, whose clause follows it: "It is believed that the union will strike", "It
    appears that the cars are unsafe" name no one; "it is expected to close" (an infinitive,
    "it" a thing) is left to the other rules."""
    if span[1] - span[0] != 1 or tokens[span[0]].lower not in lexicon().words["expletives"]:
        return False
    after = m.index + 1
    if (
        m.role == Role.VERB
        and m.lemma in lexicon().words["raising_verbs"]
        and after < len(tokens)
        and (
            tokens[after].lower in lexicon().words["complementizers"]
            or _bare_clause(tokens, m.index)
        )
    ):
        return True  # "It appears that the cars are unsafe": the pronoun stands for the clause
    if m.role != Role.VERB or "VBN" not in tokens[m.index].forms:
        return False
    if m.event_class not in (EventClass.REPORTING, EventClass.I_STATE, EventClass.I_ACTION):
        return False
    if not any(t.tag == "BE" for t in tokens[m.group_start : m.index]):
        return False
    after = m.index + 1
    return after < len(tokens) and (
        tokens[after].lower in lexicon().words["complementizers"] or _bare_clause(tokens, m.index)
    )


def _wants_thing(m) -> bool:
    """A verb whose subject is a thing with parts or a measure: "it contains a chip"."""
    return m.role == Role.VERB and m.lemma in lexicon().words["thing_verbs"]


def _gerund_subject(tokens, m) -> bool:
    """Whether the verb's subject is a gerund's clause ("disarming these groups remains")."""
    j = m.group_start - 1
    while j >= 0 and tokens[j].tag in ("ADV", "NEG"):
        j -= 1
    while j >= 0 and tokens[j].tag in ("DET", "ADJ", "N", "PROPN", "NUM", "POSS", "POSSM"):
        j -= 1
    return j < m.group_start - 1 and clauses.gerund_before(tokens, j)


def _opens_sentence(tokens, g) -> bool:
    """Whether a verb group at ``g`` opens its sentence, alone or after a subordinator or a
    conjunction: "Speaking at the forum, Ruiz said", "After conferring for three hours, the
    panel convicted", "But working with the mediator, the union found"."""
    return g == 0 or g == 1 and tokens[0].tag in ("SUB", "CONJ")


def _fronted_infinitive(tokens, m) -> bool:
    """An infinitive after the adjective or participle that opens the sentence, whose subject
    is the main clause's: "Eager to end the dispute, the union accepted", "Adjusted to
    exclude one-time costs, the profit rose"."""
    g = m.group_start
    head = g - 1
    return (
        m.infinitive
        and g < len(tokens)
        and tokens[g].tag == "TO"
        and _opens_sentence(tokens, head)
        and head >= 0
        and (tokens[head].tag == "ADJ" or tokens[head].tag == "V" and "VBN" in tokens[head].forms)
    )


def _comma_before_finite(tokens, i) -> bool:
    """Whether a comma closes the participle's clause before the next finite verb: "Speaking
    at the forum, Ruiz said" (Ruiz speaks), not "Disarming the groups remains hard"."""
    for tok in tokens[i + 1 :]:
        if tok.text == ",":
            return True
        if tok.tag in ("BE", "HAVE", "MODAL", "DO") or (
            tok.tag == "V" and tok.forms & {"VBD", "VBZ", "VBP"} and "VBG" not in tok.forms
        ):
            return False
    return False


def _after_agent(tokens, gov, m) -> bool:
    """Whether only the passive's "by" phrase (if any) stands between it and the infinitive."""
    between = tokens[gov.index + 1 : m.group_start]
    return not between or (
        between[0].lower in lexicon().words["agent_preps"]
        and all(t.tag in ("DET", "ADJ", "N", "PROPN", "POSSM", "NUM") for t in between[1:])
    )


def _for_subject(tokens, m) -> int | None:
    """Where the noun phrase after "for" begins when it is an infinitive's subject: "the
    reason for Zentek to sue", "waited for the board to decide"."""
    g = m.group_start
    if g < 2 or tokens[g].tag != "TO":
        return None
    k = g - 1
    while k > 0 and tokens[k].tag in ("DET", "ADJ", "N", "PROPN", "POSS", "POSSM", "NUM"):
        k -= 1
    if k < g - 1 and tokens[k].tag == "PREP" and tokens[k].lower in lexicon().words["for_preps"]:
        return k + 1
    return None


def _speakers(found, people) -> list[str]:
    """The names of a speaker put after the verb ('"No," said Omar Lind', "..., said Omar
    Lind, a spokesman") or after "according to", resolved through ``people``; a person's name
    is recorded, so that a later "he said" stands for that speaker as it would after "Omar
    Lind said"."""
    names = []
    for name, person in found:
        resolved = people.resolve(name)
        if resolved is None and person:
            people.add(name, True)
        names.append(resolved or name)
    return names


def _resolved(found, phrase, people, remember: bool = False, thing: bool = False) -> list[str]:
    """The names of a noun phrase, pronouns and descriptions resolved through ``people``;
    unresolved pronouns dropped; with ``remember``, names are recorded for later pronouns; with
    ``thing``, the phrase is the subject of a verb that wants a thing ("it contains")."""
    lex = lexicon().words
    names = []
    words = [t.text for t in phrase if t.tag not in ("PUNCT",)]
    for name, person in found:
        at = next((t.start for t in phrase if t.text == name), None)
        resolved = people.resolve(name, at, thing) or (
            people.describe(words) if len(found) == 1 and words[1:] == name.split() else None
        )
        if resolved:
            names.append(resolved)
        elif name.lower() not in lex["unnamed"] or name.isupper() and len(name) > 1:  # "the WHO"
            if remember:
                at_start = phrase[0].start if phrase else at
                people.add(name, person, at_start, _opens_description(name, phrase))
            names.append(name)
    if remember and not names:
        people.unnamed_subject(words)
    return names


def _opens_description(name: str, phrase) -> bool:
    """Whether ``name`` is a description that a capitalized common noun only opens, a
    lower-case word after it ("Revenue in the period"); a capitalized word alone may still be
    a name ("Continental said")."""
    words = name.split()
    first = next((t for t in phrase if t.text == words[0]), None)
    return (
        first is not None
        and first.tag == "N"
        and first.text[:1].isupper()
        and len(words) > 1
        and words[1][:1].islower()
    )


def _reduced_relative(tokens, m) -> bool:
    """A past participle right after the noun it describes (adverbs between), with no
    auxiliary and no tense, before a preposition, a date and its clause's verb, or the end of
    its clause: "a pact signed between the two firms", "vehicles potentially equipped with
    faulty parts", "the bill passed Friday requires", "the officials involved." (the noun
    undergoes it)."""
    i, g = m.index, m.group_start
    return (
        m.role == Role.VERB
        and m.tense == Tense.NONE
        and all(t.tag == "ADV" for t in tokens[g:i])
        and "VBN" in tokens[i].forms
        and 0 < g
        and i < len(tokens) - 1
        and tokens[g - 1].tag in ("N", "PROPN")
        # "others even tweeted about it": a determiner standing for people is a subject
        and tokens[g - 1].lower not in lexicon().words["pronominal_dets"]
        and (
            tokens[i + 1].tag == "PREP"  # not "after the region recorded its heaviest rain"
            # closing the clause after a verb's object: "halted the pump model involved."
            or tokens[i + 1].text in clauses.CLAUSE_CLOSERS
            and _object_of_verb(tokens, g - 1)
            or clauses.participle_before_dated_verb(tokens, i)  # "the bill passed Friday requires"
        )
    )


_OBJECT_TAGS = ("N", "PROPN", "ADJ", "DET", "POSS", "POSSM", "NUM", "PREP")
_ABSOLUTE = ("with", "without")


def _object_of_verb(tokens, j: int) -> bool:
    """Whether the noun phrase ending at ``j`` is a verb's object (its prepositional phrases
    included), or the subject of a participle after "with" ("with a million houses
    destroyed"): only noun phrase words stand between them ("halted sales of the pump
    model"), no comma or conjunction ("was rejected, and in 2009 a court")."""
    k = j
    while k >= 0 and tokens[k].tag in _OBJECT_TAGS and tokens[k].lower not in _ABSOLUTE:
        k -= 1
    return 0 <= k < j and (tokens[k].tag == "V" or tokens[k].lower in _ABSOLUTE)


def _clause_verb(tokens, gov, m) -> int | None:
    """Where the finite verb group of a clause opened by a subordinator between an
    infinitive's governor and the infinitive begins, with no comma between: "asked whether the firm
    had plans to settle" (at "had"); None without such a clause."""
    sub = next((k for k in range(m.group_start - 1, gov.index, -1) if tokens[k].tag == "SUB"), None)
    if sub is None or any(t.text == "," for t in tokens[sub + 1 : m.group_start]):
        return None  # a comma may close the subordinate clause before the infinitive
    finite = next(
        (
            k
            for k in range(sub + 1, m.group_start)
            if tokens[k].tag in ("BE", "HAVE", "MODAL", "DO")
            or tokens[k].tag == "V"
            and tokens[k].forms & {"VBD", "VBZ", "VBP"}
        ),
        None,
    )
    return finite


def _subordinated_participle(tokens, m) -> bool:
    """A past participle right after a subordinator that opens its clause, a passive without
    an auxiliary whose agent is its "by" phrase: "the board, as advised by its lawyers, has
    accepted", "When asked by reporters, Ruiz declined to comment"."""
    g = m.group_start
    return (
        m.role == Role.VERB
        and m.tense == Tense.NONE
        and g == m.index
        and g > 0
        and "VBN" in tokens[g].forms
        and tokens[g - 1].tag == "SUB"
        and tokens[g - 1].lower in lexicon().words["participle_subordinators"]
    )


def _has_object(tokens, m) -> bool:
    """Whether a noun phrase follows the verb (adverbs skipped): "launched a store"."""
    after = next((t for t in tokens[m.index + 1 :] if t.tag not in ("ADV", "NEG")), None)
    return after is not None and after.tag in ("DET", "N", "PROPN", "NUM", "POSS", "PRON", "ADJ")


def _unaccusative(tokens, m) -> bool:
    """An intransitive verb whose subject undergoes the change: "Concerns are rising"; not
    before an infinitive, whose subject acts ("Ruiz declined to comment")."""
    if m.role != Role.VERB or tokens[m.index].lemma not in lexicon().words["unaccusative"]:
        return False
    i = m.index + 1
    if i + 1 < len(tokens) and tokens[i].tag == "TO" and tokens[i + 1].tag == "V":
        return False
    return not _has_object(tokens, m)


def _from_gerund(tokens, m, gov) -> bool:
    """A gerund after "from" and the object of a verb that keeps it from happening."""
    g = m.group_start
    return (
        m.role == Role.VERB
        and "VBG" in tokens[m.index].forms
        and g > gov.index + 2
        and tokens[g - 1].tag == "PREP"
        and tokens[g - 1].lower in lexicon().words["from_preps"]
        and gov.lemma in lexicon().words["from_control"]
        and all(
            t.tag in ("DET", "POSS", "ADJ", "N", "PROPN", "POSSM", "PRON")
            for t in tokens[gov.index + 1 : g - 1]
        )
    )


def _passive(tokens, m) -> bool:
    """A passive event verb ("Three civilians were killed"); a state's subject still holds it."""
    core = [t for t in tokens[m.group_start : m.index] if t.tag not in ("ADV", "NEG")]
    return (
        m.role == Role.VERB
        and m.event_class in ("OCCURRENCE", "I_ACTION", "ASPECTUAL", "REPORTING")
        and "VBN" in tokens[m.index].forms
        and bool(core)
        and core[-1].tag == "BE"
    )  # not "is likely to cut"


_AGENT_SEARCH_STOPS = ("PUNCT", "V", "CONJ", "SUB", "REL", "TO", "BE", "MODAL")


def _agents(tokens, m, people, pairs: bool = False) -> list[str]:
    """The names after a passive's "by" ("was founded by Steve Jobs"), or none: its subject
    undergoes the event and is not its actor. With ``pairs``, a participle's "between" phrase
    names its parties too ("a pact signed between the two firms")."""
    preps = lexicon().words["agent_preps"] | (lexicon().words["pair_preps"] if pairs else set())
    # the agent's "by" right after the participle or after its complement ("put on the injured
    # reserve list by the Hawks"), within the clause ("released on Monday and stopped by the
    # police": the second verb's agent)
    at = None
    for k in range(m.index + 1, min(m.index + 1 + settings.AGENT_SEARCH_TOKENS, len(tokens))):
        if tokens[k].lower in preps:
            at = k
            break
        if tokens[k].tag in _AGENT_SEARCH_STOPS:
            break
    if at is None or (
        tokens[at].lower not in lexicon().words["pair_preps"]
        and not clauses.agent_phrase(tokens, at + 1)
    ):
        return []
    end = _name_run_end(tokens, at + 2, lambda tok: tok.tag == "CONJ")  # "Jane Doe and Sam Roe"
    return [people.resolve(name) or name for name, _ in clauses.names_in(tokens[at + 1 : end])]


_NAME_RUN_TAGS = ("DET", "ADJ", "N", "PROPN", "POSSM", "NUM")


def _name_run_end(tokens, end: int, joins, tags=_NAME_RUN_TAGS) -> int:
    """End (exclusive) of the run of noun-phrase words (``tags``) from ``end``, a word that
    ``joins(token)`` goes on with a name after it (a conjunction, a comma), and so does an
    abbreviation's period ("Dr. Jane Varga", "Zentek Corp. CEO Ruiz")."""
    abbreviations = lexicon().abbreviations
    while end < len(tokens) and (
        tokens[end].tag in tags
        or (
            joins(tokens[end])
            or tokens[end].text == "."
            and end > 0
            and tokens[end - 1].lower in abbreviations
        )
        and end + 1 < len(tokens)
        and tokens[end + 1].tag == "PROPN"
    ):
        end += 1
    return end


def _source_phrase(tokens, m) -> list[tuple[str, bool]] | None:
    """The source a reporting preposition names after its "to", or None when the mention is no
    such preposition: the source says it ("died, according to officials"), and the clause's
    subject is what it is said of."""
    i = m.index
    if (
        m.event_class != "REPORTING"
        or tokens[i].lower not in lexicon().words["source_prepositions"]
        or i + 1 >= len(tokens)
        or tokens[i + 1].lower != "to"
    ):
        return None
    # a name after the description ("according to her publicist, Jack Hale")
    end = _name_run_end(tokens, i + 2, lambda tok: tok.text == ",", ("POSS", *_NAME_RUN_TAGS))
    return clauses.names_in(tokens[i + 2 : end])


def _speaker_end(tokens, i) -> int:
    """End (exclusive) of the speaker's phrase after a verb of saying at ``i``."""
    return _name_run_end(tokens, i + 1, lambda tok: tok.lower in lexicon().words["particle"])


def _inverted_speaker(tokens, i) -> list[tuple[str, bool]]:
    """The speaker named after a verb of saying that follows its quote: '"No," said Costa.'"""
    end = _speaker_end(tokens, i)
    return clauses.names_in(tokens[i + 1 : end]) if end > i + 1 else []


def _postposed_speaker(tokens, m) -> list[tuple[str, bool]]:
    """The speaker after a bare verb of saying (``inversion_verbs``) that follows its reported
    clause and a comma, unquoted: "The plan failed, said Dana Ruiz of the council." The
    speaker's phrase ends the sentence or meets punctuation or a preposition; a date after the
    verb is no speaker, and a clause after the phrase makes it the report's subject's object
    or time ("Zentek, which makes phones, said Tuesday it would cut jobs"). A headline's verb
    after a comma shares the first verb's subject ("Zentek releases new phone, announces
    upcoming update")."""
    if (
        m.event_class != "REPORTING"
        or m.lemma not in lexicon().words["inversion_verbs"]
        or unpunctuated(tokens)
        or m.group_start != m.index
        or m.index == 0
        or tokens[m.index - 1].text != ","
        or m.index + 1 >= len(tokens)
        or tokens[m.index + 1].lower in lexicon().words["report_dates"]
    ):
        return []
    end = _speaker_end(tokens, m.index)
    if end == m.index + 1 or end < len(tokens) and tokens[end].tag not in ("PUNCT", "PREP"):
        return []
    return clauses.names_in(tokens[m.index + 1 : end])


def _bare_clause(tokens, i) -> bool:
    """A clause right after a verb of saying, without "that": "said the army would withdraw"."""
    j = i + 1
    while (
        j < len(tokens)
        and j <= i + 6
        and tokens[j].tag in ("DET", "ADJ", "N", "PROPN", "POSS", "POSSM", "NUM")
    ):
        j += 1
    return i + 1 < j < len(tokens) and (
        tokens[j].tag in ("MODAL", "BE", "HAVE", "DO")
        or tokens[j].tag == "V"
        and bool(tokens[j].forms & {"VBD", "VBZ", "VBP"})
    )


def _phrasal_event(tokens, m) -> bool:
    """A generic verb made an event by the word after it: "took place", "took office"."""
    words = lexicon().data["generic"].get("phrasal", {}).get(m.lemma, ())
    return m.index + 1 < len(tokens) and tokens[m.index + 1].lower in words


def _aim_noun(tokens, to: int) -> int:
    """Where the noun whose aim an infinitive at ``to`` tells stands: right before "to" ("the
    union's bid to block"), or before its agent's "by" phrase ("a bid by the carmaker to
    avoid")."""
    k = to - 1
    while k > 0 and tokens[k].tag in ("DET", "ADJ", "N", "PROPN", "POSSM", "NUM"):
        k -= 1
    if (
        k > 0
        and k < to - 1
        and tokens[k].lower in lexicon().words["agent_preps"]
        and tokens[k - 1].tag == "N"  # a noun's agent, not a passive's ("chosen by the bloc to")
        and clauses.agent_phrase(tokens, k + 1)
    ):
        return k - 1
    return to - 1


def _clause_before(tokens, m, earlier: dict) -> int | None:
    """Where the finite verb of the clause just before an adverbial participle stands (the
    nearest tensed verb before its comma, in the sentence), unless the participle reports:
    "adding", "saying" and "citing" go with the report ("He said talks would resume, adding")."""
    if m.event_class == EventClass.REPORTING:
        return None
    breaks = lexicon().words["participle_breaks"]
    finite = [
        k
        for k in earlier
        if k < m.index
        and tokens[k].tag == "V"
        and tokens[k].forms & {"VBD", "VBZ", "VBP"}
        # an infinitive is no clause of its own: "supported an amendment to include men, arguing"
        and not (k > 0 and tokens[k - 1].tag == "TO")
        and not any(t.text in breaks for t in tokens[k : m.index])
    ]
    return max(finite) if finite else None


def _adverbial(tokens, m) -> bool:
    """A participle opening an adverbial clause after a comma ("..., while acknowledging")."""
    i = m.group_start if m.group_start < m.index else m.index
    if m.role != Role.VERB or "VBG" not in tokens[m.index].forms or m.tense != Tense.NONE or i == 0:
        return False
    before = tokens[i - 1]
    if before.tag == "SUB" and i > 1:
        before = tokens[i - 2]
    return before.text == ","


def extract(text: str, sentences) -> list[Event]:
    """Event mentions of an article, in text order.

    Args:
        text: the article text.
        sentences: sentence spans from :func:`timeline.segment.sentences`.

    Returns:
        :class:`timeline.model.Event` records with clause span, trigger,
        kind, modality, TimeML class, tense, aspect, actors and source.

    Examples:
        >>> from timeline.io.segment import sentences
        >>> text = "Hussein revealed that Washington has pressured Baghdad."
        >>> events = extract(text, sentences(text))
        >>> [(e.trigger, e.kind, e.tense, e.aspect, e.actors, e.source) for e in events]
        [('revealed', 'statement', 'past', 'none', ['Hussein'], None),
         ('pressured', 'action', 'present', 'perfective', ['Washington'], 0)]
    """
    lex = lexicon()
    names = proper_names(text)
    people = Referents(quote_spans(text))
    events: list[Event] = []
    for s_index, (s_start, s_end) in enumerate(sentences):
        tokens = tag(tokenize(text, s_start, s_end), names)
        if not tokens:
            continue
        found = mentions(tokens)
        starts = clauses.boundaries(tokens)
        for tok_run_start in range(
            len(tokens)
        ):  # people named with a title anywhere in the sentence
            if (
                tokens[tok_run_start].tag == "PROPN"
                and tokens[tok_run_start].lower in lex.words["title"]
            ):
                end = tok_run_start
                while end < len(tokens) and (
                    tokens[end].tag == "PROPN" or tokens[end].lower in lex.words["particle"]
                ):
                    end += 1
                for name, person in clauses.names_in(tokens[tok_run_start:end]):
                    if person:
                        people.add(name, True, tokens[tok_run_start].start)
        people.affiliate(tokens)
        people.new_sentence()
        base = len(events)
        report = None
        position = {id(m): k for k, m in enumerate(found)}
        unsourced = []  # this sentence's events whose source is not set (set only below)
        # whether a verb, subordinator or "to" follows each token: a sentence-final report
        clause_after, seen = [False] * len(tokens), False
        for j in range(len(tokens) - 1, -1, -1):
            clause_after[j] = seen
            seen = seen or tokens[j].tag in ("V", "SUB", "TO")
        leading = []  # mentions waiting for the subject of the main verb after them
        # the participants of the sentence's mentions so far, by token index; it accumulates
        # because a later mention can still give an earlier one its actors (a leading
        # participle takes the main verb's subject, an adverbial participle the speaker)
        parts: dict[int, _Participants] = {}
        outer_report: dict[int, Mention | None] = {}  # the report a report is itself inside
        for k, m in enumerate(found):
            parts[m.index] = _actors(tokens, m, people, parts)
            actors = parts[m.index].actors
            if (
                not actors
                and m.role == Role.VERB
                and (
                    _opens_sentence(tokens, m.group_start)
                    and "VBG" in tokens[m.index].forms
                    or _fronted_infinitive(tokens, m)
                )
                and _comma_before_finite(tokens, m.index)
            ):
                leading.append(k)  # "Speaking at the forum, Schenker emphasized": the main subject
            elif actors and m.role == Role.VERB and m.tense != Tense.NONE:
                for lead in leading:
                    index = found[lead].index
                    parts[index] = replace(parts[index], actors=list(actors))
                    events[base + lead].actors = list(actors)
                leading = []
            first, last = clauses.clause_of(starts, m.index, len(tokens))
            if m.role == Role.NOMINAL:
                first, last = m.group_start, clauses.np_right(tokens, m.index, last)
            # a clause with no boundary for hundreds of tokens (a run-on or hostile text) is cut
            # to a window around the trigger: every span would otherwise be the whole sentence
            first = max(first, m.index - settings.MAX_SPAN_TOKENS)
            last = min(last, m.index + settings.MAX_SPAN_TOKENS + 1)
            while last - 1 > first and tokens[last - 1].tag == "PUNCT":
                last -= 1
            tok = tokens[m.index]
            source = None
            if report is not None and m is not report:
                if _adverbial(tokens, m):
                    # ", while acknowledging ...": the speaker's own act, not reported; its
                    # actor is the speaker unless the reported clause caused it (", killing
                    # four" stays with that clause: _clause_before)
                    if _clause_before(tokens, m, parts) is None:
                        parts[m.index] = replace(
                            parts[m.index], actors=list(parts[report.index].actors)
                        )
                    report = outer_report[report.index]
                if report is not None:
                    source = base + position[id(report)]
            cls = m.event_class
            state = m.state or cls in ("STATE", "I_STATE")
            if (
                m.role == Role.NOMINAL
                and m.lemma in lex.words["statement_nouns"]
                and m.modality == Modality.ASSERTED
            ):
                kind = "statement"
            else:
                tense = m.tense if m.role == Role.VERB else "x"
                kind = "state" if m.state else kind_of(cls, m.modality, m.plan, tense)
            if m.role == Role.VERB and state and kind == Kind.PLAN and not m.plan:
                kind = "state" if m.modality == Modality.ASSERTED else kind
            events.append(
                Event(
                    sentence=s_index,
                    start=tokens[first].start,
                    end=tokens[last - 1].end,
                    trigger=tok.text,
                    trigger_start=tok.start,
                    trigger_end=tok.end,
                    kind=kind,
                    modality=m.modality,
                    event_class=cls,
                    tense=m.tense,
                    aspect=m.aspect,
                    actors=parts[m.index].actors,
                    undergoers=list(parts[m.index].undergoers or []),
                    source=source,
                    newsworthy=(m.lemma not in lex.words["generic"] or _phrasal_event(tokens, m))
                    and not m.generic,
                    role=m.role,
                    lemma=m.lemma,
                    trigger_rule=f"{m.rule}:{tok.rule or tok.tag}",
                )
            )
            if m.role == Role.VERB and (
                cls == EventClass.REPORTING or m.lemma in lex.words["complement"]
            ):
                j = m.index + 1
                while j < len(tokens) and (
                    tokens[j].tag == "ADV" or tokens[j].lower in lex.words["report_dates"]
                ):
                    j += 1
                after = tokens[j] if j < len(tokens) else None
                if after is not None and (
                    after.tag == "SUB"
                    and after.lower == "that"
                    or after.tag == "PRON"
                    and after.lower in lex.words["subj_pron"]
                    or after.text in ("“", '"', "``", ":")
                    or cls == EventClass.REPORTING
                    and _bare_clause(tokens, m.index)
                ):
                    outer_report[m.index] = report if source is not None else None
                    report = m
                elif cls == EventClass.REPORTING and k > 0 and not clause_after[m.index]:
                    for earlier in unsourced:  # the events before it that no report holds yet
                        earlier.source = base + k
                    unsourced = []
            if events[-1].source is None:
                unsourced.append(events[-1])
        people.settle_speaker(events[base:])
    return events
