"""Event mentions inside one tagged sentence (event stage).

Finds main verbs with their verb group (tense, aspect, modality, plans such
as "is set to hold"), predicates after a copula ("are underway"), "have" and
"do" as main verbs, and event nominals ("meeting", "phone call",
"sanctions"), with their TimeML class. The verb group's attributes come from
:mod:`timeline.verb_groups`. :mod:`timeline.events` turns the mentions into
:class:`timeline.model.Event` records.
"""

from __future__ import annotations

from dataclasses import replace

from timeline.model import Mention, Modality, Role, Tense, Token

from . import clauses
from .classes import noun_event, verb_class
from .lexicon import analyze, lexicon
from .verb_groups import (
    is_handoff,
    is_modifier_participle,
    verb_attributes,
    verb_counts,
    verb_group,
)


def kind_of(cls: str, modality: str, plan: bool, tense: str) -> str:
    if cls == "REPORTING":
        return "statement"
    if modality == Modality.EXPECTED and (plan or tense == Tense.FUTURE or tense == Tense.NONE):
        return "plan"
    if cls in ("STATE", "I_STATE"):
        return "state"
    return "action"


def mentions(tokens: list[Token]) -> list[Mention]:
    """Event mentions of one tagged sentence, in token order.

    Each is a :class:`timeline.model.Mention`: its trigger token, the first token of
    its group, role (verb, cue, predicate, nominal), TimeML class, tense, aspect,
    modality, lemma and the mention of its governing verb, if any.

    Examples:
        >>> from timeline.events.tagger import tag
        >>> from timeline.events.lexicon import tokenize
        >>> [(m.lemma, m.modality) for m in mentions(tag(tokenize("He will not attend the summit.")))]
        [('attend', 'negated'), ('summit', 'asserted')]
    """
    lex = lexicon()
    n = len(tokens)
    cues, used = set(), set()
    found: dict[int, Mention] = {}
    for i, tok in enumerate(tokens):  # "is set to hold": 'set' is a cue of 'hold'
        if (
            tok.tag in ("V", "ADJ", "ADV")
            and tok.lower in lex.words["plan_cues"]
            and i + 2 < n
            and tokens[i + 1].tag == "TO"
            and (
                tokens[i + 2].tag == "V"
                or tok.lower in lex.words["aux_cues"]
                and tokens[i + 2].tag in ("BE", "HAVE")
            )
        ):
            prev = next((t for t in reversed(tokens[:i]) if t.tag not in ("ADV", "NEG")), None)
            if prev is not None and prev.tag == "BE":
                cues.add(i)
    starts = clauses.boundaries(tokens)
    finite_at = []
    finite = False
    after_relative = _main_verbs_after_relatives(tokens)
    reduced = {r for r in after_relative.values() if tokens[r].tag == "V"}
    start_set = set(starts)
    counts = verb_counts(tokens)
    for i, tok in enumerate(tokens):
        if i in start_set:
            finite = False
        finite_at.append(finite and i not in after_relative)
        if (
            tok.tag in ("MODAL", "BE", "HAVE", "DO")
            or tok.tag == "V"
            and tok.forms & {"VBD", "VBZ", "VBP"}
        ):
            finite = True
    for i, tok in enumerate(tokens):
        if tok.tag != "V" or tok.lower in lex.words["never"] or tok.lemma in lex.words["never"]:
            continue
        group = verb_group(tokens, i, cues)
        if i in cues and tok.lower in lex.words["aux_cues"]:
            continue
        if i in cues:  # the cue itself: a state holding now ("is expected to"), never newsworthy
            be = next((t.lower for t in reversed(group) if t.tag == "BE"), "")
            tense = (
                "present"
                if be in lex.words["present_be"]
                else "past"
                if be in lex.words["past_be"]
                else "none"
            )
            found[i] = Mention(
                index=i,
                group_start=i - len(group),
                role="cue",
                event_class=lex.class_of.get(tok.lemma, "OCCURRENCE"),
                tense=tense,
                aspect="none",
                modality="asserted",
                plan=False,
                infinitive=False,
                lemma=tok.lemma,
                state=True,
                generic=True,
            )
            continue
        if not group and is_modifier_participle(tokens, i, finite_at[i]):
            continue
        cue = next((tokens[j] for j in range(i - len(group), i) if j in cues), None)
        tense, aspect, modality, plan, infinitive = verb_attributes(
            tokens, i, group, cue, finite_at[i], main=i in after_relative, counts=counts
        )
        if i in reduced and not group:
            tense = "none"  # the participle of a reduced relative: "a rally held in Baghdad drew"
        cls = verb_class(tokens, i)
        if (
            lex.class_of.get(tok.lemma) == "STATE"
            and not group
            and tense == Tense.NONE
            and tok.lemma != "be"
            and (
                "VBG" in tok.forms
                or "VBN" in tok.forms
                and i
                and tokens[i - 1].tag in ("N", "PROPN")
                and i + 1 < n
                and tokens[i + 1].lower in lex.words["agent_preps"]
            )
        ):
            continue  # a state participle describing a noun: "the remaining shares", "a group controlling",
            #            "a newspaper owned by the party"
        found[i] = Mention(
            index=i,
            group_start=i - len(group),
            role="verb",
            event_class=cls,
            tense=tense,
            aspect=aspect,
            modality=modality,
            plan=plan,
            infinitive=infinitive,
            lemma=tok.lemma,
            relative=after_relative.get(i),
        )
    for i, tok in enumerate(tokens):  # copula predicates; "have" and "do" as main verbs
        if tok.tag == "DO":
            nxt = next((t for t in tokens[i + 1 :] if t.tag not in ("ADV", "NEG")), None)
            before = next((t for t in reversed(tokens[:i]) if t.tag not in ("ADV", "NEG")), None)
            bare = (
                before is not None
                and before.tag in ("TO", "MODAL")
                and (nxt is None or nxt.tag not in ("V", "DO"))
            )
            if (
                bare
                or nxt is not None
                and nxt.tag in ("DET", "PRON", "N", "NUM", "ADJ", "POSS")
                and not (nxt.tag in ("PRON", "N") and i + 2 < n and tokens[i + 2].tag == "V")
                and not (i and tokens[i - 1].tag in ("SUB", "REL", "PREP"))
            ):
                group = verb_group(tokens, i, cues)
                tense = (
                    "past"
                    if tok.lower in lex.words["past_do"]
                    else "present"
                    if tok.lower in lex.words["present_do"]
                    else "none"
                )
                found[i] = Mention(
                    index=i,
                    group_start=i - len(group),
                    role="verb",
                    event_class="OCCURRENCE",
                    tense=tense,
                    aspect="none",
                    modality="negated"
                    if any(t.tag == "NEG" for t in tokens[i + 1 : i + 3])
                    else "asserted",
                    plan=False,
                    infinitive=False,
                    lemma=analyze(tok.lower)[2],
                )
            continue
        if tok.tag not in ("BE", "HAVE"):
            continue
        j = i + 1
        neg = False
        while j < n and tokens[j].tag in ("ADV", "NEG"):
            neg = neg or tokens[j].tag == "NEG"
            j += 1
        if (
            j < n
            and tokens[j].tag in ("V", "TO")
            or tok.tag == "BE"
            and j < n
            and tokens[j].tag == "BE"
        ):
            continue
        head = None
        if tok.tag == "HAVE" and is_handoff(tokens, i, j):
            continue
        if tok.tag == "HAVE":
            if j >= n or tokens[j].tag not in ("DET", "NUM", "N", "ADJ", "PROPN", "POSS", "PRON"):
                continue
            if any(t.tag == "V" and "VBN" in t.forms for t in tokens[j : j + 3]):
                continue  # an auxiliary after all: "has long monitored", "had itself filed"
            head = i
        elif j >= n:
            continue
        elif (
            tokens[j].lower in lex.words["predicates"]
            or tokens[j].tag == "ADJ"
            and tokens[j].lower not in lex.words["not_predicates"]
            and (
                lex.class_of.get(tokens[j].lower) == "I_STATE"
                or "VBN" in tokens[j].forms
                or "VBN" in analyze(tokens[j].lower)[1]
            )
        ):
            head = j
        elif tokens[j].tag in ("DET", "ADJ", "N", "POSS", "NUM"):
            k = j
            while k + 1 < n and tokens[k + 1].tag in ("ADJ", "N", "DET", "NUM"):
                k += 1
            timed = any(t.lower in lex.words["state_adverbs"] for t in tokens[max(0, i - 2) : j])
            if tokens[k].tag == "N" and (timed or noun_event(tokens[k].lower)[0]):
                head = k
        if head is None:
            continue
        group = verb_group(tokens, i, cues)
        modal = next((t.lower for t in group if t.tag == "MODAL"), None)
        tense = (
            "present"
            if tok.lower in lex.words["present_be"]
            else "past"
            if tok.lower in lex.words["past_be"]
            else "none"
        )
        modality = "negated" if neg or any(t.tag == "NEG" for t in group) else "asserted"
        if modal in lex.words["future"]:
            tense, modality = "future", "expected" if modality == Modality.ASSERTED else modality
        elif modal is not None and modality == Modality.ASSERTED:
            modality = "potential"
        cls = "STATE"
        if (
            head != i and tokens[head].tag == "N"
        ):  # "is the subject of an inquiry": the noun's own class
            is_event, noun = noun_event(tokens[head].lower)
            cls = lex.noun_class.get(noun, "OCCURRENCE") if is_event else "STATE"
        elif head != i:
            cls = lex.class_of.get(tokens[head].lower, "STATE")
        found[head] = Mention(
            index=head,
            group_start=i - len(group),
            role="predicate",
            event_class=cls,
            tense=tense,
            aspect="none",
            modality=modality,
            plan=False,
            infinitive=False,
            lemma=tokens[head].lower,
            state=True,
            generic=head == i,
        )
        used.add(head)
    for i, tok in enumerate(tokens):  # event nominals
        if i in found or tok.tag != "N" and not _named_event(tokens, i):
            continue
        is_event, lemma = noun_event(tok.lower)
        if not is_event or _conditional(tokens, i):
            continue
        if (
            i + 1 < n and tokens[i + 1].tag == "N"
        ):  # a modifier ("peace talks"): the head is the event
            continue
        if lemma in lex.words["noun_needs_complement"] and not (
            i + 2 < n and tokens[i + 1].tag == "TO" and tokens[i + 2].tag == "V"
        ):
            continue  # "a plan to sell" is an event, "a rights plan" is not
        plural = tok.lower.endswith("s")
        if (
            i > 0
            and tokens[i - 1].tag == "PREP"
            and not (plural and i + 1 < n and tokens[i + 1].tag == "PREP")
        ):
            continue  # a bare noun right after a preposition is generic ("in response"); after a
            #           verb it is as often an event as not ("received criticism", "voiced concern")
        left = clauses.np_left(tokens, i)
        if (
            lemma in lex.words["medium_nouns"]
            and left > 0
            and tokens[left - 1].lower in lex.words["medium_preps"]
            and any(m.event_class == "REPORTING" for m in found.values())
        ):
            continue  # "said in a statement": the medium of the saying, not another event
        owner = max((k for k in range(left, i) if tokens[k].tag == "POSSM"), default=left - 1)
        mods = [t.lower for t in tokens[owner + 1 : i]]
        modality = "asserted"
        if any(m in lex.words["mod_potential"] for m in mods):
            modality = "potential"
        elif any(m in lex.words["mod_expected"] for m in mods):
            modality = "expected"
        elif any(w in lex.words["negative_dets"] for w in mods):
            modality = "negated"
        tense = "past" if any(m in lex.words["mod_past"] for m in mods) else "none"
        found[i] = Mention(
            index=i,
            group_start=left,
            role="nominal",
            event_class=lex.noun_class.get(lemma, "OCCURRENCE"),
            tense=tense,
            aspect="none",
            modality=modality,
            plan=False,
            infinitive=False,
            lemma=lemma,
        )
    for i in [i for i in found if found[i].role == Role.NOMINAL and tokens[i].tag == "PROPN"]:
        if (  # "the Worldwide Developers Conference (WWDC)": the acronym names the same event
            i + 3 < n
            and tokens[i + 1].text == "("
            and tokens[i + 3].text == ")"
            and tokens[i + 2].text.isupper()
            and i + 2 not in found
        ):
            found[i + 2] = replace(found[i], index=i + 2, group_start=i + 2)
    return _govern(tokens, _possibility(tokens, [found[i] for i in sorted(found)]))


_SUBJECT = ("DET", "ADJ", "N", "NUM", "CONJ", "PROPN", "POSS", "POSSM", "PREP")
_WEAKER = {"asserted": 0, "expected": 1, "potential": 2}


def _possibility(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Events that a copula predicate makes possible or expected ("a rate cut this year will be
    possible", "it is likely that ..."), and events inside a yes/no question, are not asserted:
    their modality becomes ``potential`` (or ``expected``); a negated event stays negated."""
    words = lexicon().words
    n = len(tokens)
    mentions = list(mentions)

    predicates = words["potential_predicates"] | words["expected_predicates"]

    def weaken(first: int, last: int, modality: str) -> None:
        comma = next((k for k in range(first, last) if tokens[k].text == ","), last)
        for k, m in enumerate(mentions):
            if m.event_class == "REPORTING" and m.index > comma:
                continue  # "..., analysts said": the report that frames the possibility happened
            if first <= m.index < last and _WEAKER.get(m.modality, 3) < _WEAKER[modality]:
                mentions[k] = replace(m, modality=modality)

    for b, tok in enumerate(tokens):
        if tok.tag != "BE":
            continue
        j = b + 1
        while j < n and tokens[j].tag in ("ADV", "NEG") and tokens[j].lower not in predicates:
            j += 1  # "is likely" may tag "likely" as an adverb
        if j >= n or j + 1 < n and tokens[j + 1].tag == "TO":
            continue  # "is likely to cut": the verb group's own cue
        if tokens[j].lower in words["potential_predicates"]:
            modality = "potential"
        elif tokens[j].lower in words["expected_predicates"]:
            modality = "expected"
        else:
            continue
        g = b
        while g > 0 and tokens[g - 1].tag in ("MODAL", "BE", "HAVE", "ADV", "NEG"):
            g -= 1
        if g > 0 and tokens[g - 1].lower in words["expletives"]:
            weaken(j + 1, n, modality)  # "it is possible that the bank will cut rates"
            continue
        first = g
        while first > 0 and tokens[first - 1].tag in _SUBJECT:
            first -= 1
        while first < g and tokens[first].tag in ("CONJ", "PREP"):
            first += 1
        weaken(first, g, modality)
    if n and tokens[-1].text == "?" or n > 1 and tokens[-2].text == "?":
        start = max(
            (k + 1 for k, t in enumerate(tokens[:-1]) if t.text in (":", '"', "“", "``", ";")),
            default=0,
        )
        while start < n and tokens[start].tag == "PUNCT":
            start += 1
        if start < n and tokens[start].tag in ("MODAL", "BE", "HAVE", "DO"):
            weaken(start, n, "potential")  # "Will the bank cut rates?", "Could the talks collapse?"
    return mentions


def _named_event(tokens: list[Token], i: int) -> bool:
    """The capitalized head of an event's proper name: "the Worldwide Developers Conference"
    (the last word of a run of names, listed in ``nominals.named_event_heads``)."""
    tok = tokens[i]
    return (
        tok.tag == "PROPN"
        and tok.lower in lexicon().words["named_event_heads"]
        and i > 0
        and tokens[i - 1].tag == "PROPN"
        and (i + 1 == len(tokens) or tokens[i + 1].tag != "PROPN")
    )


def _conditional(tokens: list[Token], i: int) -> bool:
    """ "In that event", "in such an event": a condition, not an occasion."""
    words = lexicon().words
    if tokens[i].lower not in words["conditional_nouns"]:
        return False
    j = i - 1
    while j >= 0 and tokens[j].tag == "DET" and tokens[j].lower not in words["conditional_dets"]:
        j -= 1  # "such an event": the article after "such"
    return (
        j > 0
        and tokens[j].lower in words["conditional_dets"]
        and tokens[j - 1].lower in words["conditional_preps"]
    )


def _main_verbs_after_relatives(tokens: list[Token]) -> dict[int, int]:
    """Main verbs that follow a relative clause, mapped to its relative pronoun: in "Officials
    who met on Monday agreed", "agreed" is the main verb of "Officials", not a participle after
    "Monday". The relative clause is its pronoun, its own finite verb group and what follows up
    to the next past or present verb form not continuing a verb group; after a relative verb
    that takes a clause, that clause's own verb comes first ("who said prices rose agreed")."""
    lex = lexicon()
    found: dict[int, int] = {}
    relative, verb_seen, comma, clause = None, False, None, 0
    for i, tok in enumerate(tokens):
        if tok.tag == "PUNCT" and tok.text in (";", ":", "--", "—"):
            relative = None
        if relative is not None and verb_seen and tok.text == ",":
            comma = i  # ", who met on Monday, agreed": the main verb comes right after the comma
            continue
        if (
            comma is not None
            and tok.tag not in ("ADV",)
            and not (tok.tag == "V" and i == comma + 1)
        ):
            relative, comma = None, None
        if tok.tag == "REL":
            antecedent = (
                i > 0
                and tokens[i - 1].tag in ("N", "PROPN")
                or i > 1
                and tokens[i - 1].text == ","
                and tokens[i - 2].tag in ("N", "PROPN")
            )
            relative, verb_seen, comma, clause = (i if antecedent else None), False, None, 0
            continue
        if relative is None and _reduced_relative(tokens, i, lex):
            relative, verb_seen, comma, clause = i, True, None, 0  # "a rally held in Baghdad drew"
            continue
        if (
            relative is not None
            and tokens[relative].tag == "V"
            and (
                tok.tag in ("SUB", "REL", "CONJ")
                or tok.tag == "V"
                and "VBN" in tok.forms
                and (i + 1 >= len(tokens) or tokens[i + 1].tag in ("PREP", "PUNCT"))
            )
        ):
            relative = None  # "read from a letter signed by ...", "prayed ... as the week began": no main verb
        if relative is None:
            continue
        finite = (
            tok.tag in ("MODAL", "BE", "HAVE", "DO")
            or tok.tag == "V"
            and tok.forms & {"VBD", "VBZ", "VBP"}
        )
        if not verb_seen:
            if finite:
                verb_seen = True
                if tok.tag == "V" and (
                    tok.lemma in lex.words["complement"]
                    or lex.class_of.get(tok.lemma) == "REPORTING"
                ):
                    clause = (
                        1  # "who said prices rose agreed": the clause said has its own verb first
                    )
            continue
        opens_group = finite and tokens[i - 1].tag not in (
            "BE",
            "HAVE",
            "MODAL",
            "DO",
            "ADV",
            "NEG",
            "TO",
            "CONJ",
            "REL",
        )
        if clause and opens_group and tokens[i - 1].tag in ("N", "PROPN", "PRON", "NUM"):
            clause -= 1  # a finite verb after its own subject: the said clause's verb
            continue
        k = i - 1
        while k > 0 and tokens[k].tag in ("ADV", "NEG"):
            k -= 1  # past adverbs after the clause's last noun: "a round proposed by Oman never took place"
        if (
            tok.tag == "V"
            and tok.forms & {"VBD", "VBZ", "VBP"}
            and (
                comma is not None
                or tokens[i - 1].tag
                not in ("BE", "HAVE", "MODAL", "DO", "ADV", "NEG", "TO", "CONJ", "REL", "PUNCT")
                or tokens[i - 1].tag in ("ADV", "NEG")
                and tokens[k].tag in ("N", "PROPN", "NUM")
            )
        ):
            found[i] = relative
            relative = None
        elif opens_group and tok.tag != "V" and tokens[i - 1].tag in ("N", "PROPN", "NUM", "PUNCT"):
            # the main verb group opens with an auxiliary: "aid promised in mid-January has not arrived"
            k = i + 1
            while k < len(tokens) and tokens[k].tag in ("BE", "HAVE", "MODAL", "DO", "ADV", "NEG"):
                k += 1
            if k < len(tokens) and tokens[k].tag == "V":
                found[k] = relative
            relative = None
    return found


def _reduced_relative(tokens: list[Token], i: int, lex) -> bool:
    """A past participle right after a noun and before a preposition, with no auxiliary: the
    start of a reduced relative clause ("a rally held in Baghdad", "troops based at Ain al-Asad")
    when a finite verb follows. A verb that takes a clause ("officials said in May") or a particle
    ("protesters called for") is not one, unless it has no past form ("rains forecast for")."""
    tok = tokens[i]
    only_participle = "VBD" not in tok.forms
    return (
        tok.tag == "V"
        and "VBN" in tok.forms
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].tag in ("N", "PROPN")
        and tokens[i + 1].tag == "PREP"
        and (
            tokens[i + 1].lower not in lex.words["agent_preps"]
            or clauses.agent_phrase(tokens, i + 2)
        )
        and (tokens[i + 1].lower not in lex.words["particles"] or only_participle)
        and (
            tok.lemma not in lex.words["complement"]
            and lex.class_of.get(tok.lemma) not in ("REPORTING", "I_STATE")
            or only_participle
        )
    )


def _govern(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Infinitives and objects of support verbs take their governor's modality."""
    lex = lexicon()
    governed: list[Mention] = []
    last_verb = None  # mentions are in token order: the governor is the last verb before
    for m in mentions:
        gov = last_verb
        m = replace(m, governor=gov)
        if (
            m.role == Role.VERB
            and gov is not None
            and gov.infinitive
            and not m.infinitive
            and all(t.tag == "ADV" for t in tokens[m.group_start : m.index])
            and m.index > 0
            and (
                tokens[m.index - 1].tag == "CONJ"
                or m.index > 1
                and tokens[m.index - 1].tag == "ADV"
                and tokens[m.index - 2].tag == "CONJ"
            )  # "to create apps and then sell them"
            and "VB" in tokens[m.index].forms
        ):
            gov = gov.governor or gov
            # "to evaluate the warnings and strategize": one infinitive
            m = replace(m, infinitive=True, conjunct_of=m.governor, governor=gov, tense="none")
        if (
            m.role == Role.VERB
            and gov is not None
            and gov.lemma in lex.words["mandative"]
            and m.group_start == m.index
            and m.tense == Tense.PRESENT
            and "VB" in tokens[m.index].forms
            and any(t.lower == "that" and t.tag == "SUB" for t in tokens[gov.index + 1 : m.index])
        ):
            # "demanded that the army withdraw": asked, not done
            m = replace(m, tense="none", modality="expected")
        if m.role == Role.VERB and m.infinitive and gov is not None:
            if gov.modality in (Modality.POTENTIAL, Modality.NEGATED):
                if m.modality == Modality.ASSERTED:
                    m = replace(m, modality=gov.modality)
            elif m.modality == Modality.ASSERTED and gov.event_class != "ASPECTUAL":
                m = replace(m, modality="expected")
        if m.role == Role.NOMINAL and gov is not None and gov.role == Role.VERB:
            between = tokens[gov.index + 1 : m.group_start]
            if all(
                t.tag in ("DET", "POSS", "ADJ", "N", "NUM", "PROPN", "POSSM", "ADV")
                for t in between
            ):
                m = replace(m, object_of=gov)  # "released a statement", "hold a meeting"
                if (
                    gov.lemma in lex.words["support"]
                    and gov.modality != Modality.ASSERTED
                    and m.modality == Modality.ASSERTED
                    and m.tense == Tense.NONE
                ):
                    m = replace(m, modality=gov.modality, support=gov)
        governed.append(m)
        if m.role == Role.VERB:
            last_verb = m
    return governed
