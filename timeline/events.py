"""Event extraction: clause-level event mentions with TimeML attributes.

For each sentence: tag the words (:mod:`timeline.lexicon`), then find
(1) main verbs with their verb group (tense, aspect, modality, plans such as
"is set to hold"), (2) predicates after a copula ("are underway"), and
(3) event nominals ("meeting", "phone call", "sanctions"). Each mention gets
its clause span, TimeML class, kind, actors (:mod:`timeline.clauses`) and,
in reported speech, the index of the reporting event as ``source``. The
word lists live in ``rules/events.yaml``; this module holds no English words.
"""
from __future__ import annotations

import functools

import lemminflect

from . import clauses
from .lexicon import Token, analyze, lexicon, proper_names, tag, tokenize
from .model import Event

_PRESENT_BE = ("is", "am", "are", "'re", "'m", "'s")
_PAST_BE = ("was", "were")


@functools.lru_cache(maxsize=65536)
def noun_event(lower: str) -> tuple[bool, str]:
    """Whether a noun names an event, and its lemma.

    Examples:
        >>> noun_event("negotiations"), noun_event("government"), noun_event("arrival")
        ((True, 'negotiation'), (False, 'government'), (True, 'arrival'))
    """
    lex = lexicon()
    lemma = lemminflect.getAllLemmas(lower).get("NOUN", (lower,))[0].lower()
    if lower in lex.not_event_nouns:
        return False, lemma
    if lower in lex.event_nouns or lemma in lex.event_nouns:
        return True, lemma
    if lemma in lex.not_event_nouns:
        return False, lemma
    for suffix, rewrites in lex.suffixes:
        if lemma.endswith(suffix) and len(lemma) >= len(suffix) + 4:
            stem = lemma[: -len(suffix)]
            for ending in rewrites:
                verb = stem + ending
                if lemminflect.getAllLemmas(verb).get("VERB", ("",))[0] == verb:
                    return True, lemma
            break   # only the longest matching suffix counts
    return False, lemma


def _group(tokens: list[Token], i: int, cues: set) -> list[Token]:
    """Auxiliaries, negations, adverbs and plan cues before main verb ``i``."""
    j = i - 1
    while j >= 0 and (tokens[j].tag in ("ADV", "NEG", "MODAL", "BE", "HAVE", "DO", "TO") or j in cues):
        j -= 1
    return tokens[j + 1:i]


def _verb_attributes(tokens, i, group, plan_cue, finite_before):
    lex = lexicon()
    tok = tokens[i]
    words = [t.lower for t in group]
    tense, aspect, modality, plan = "none", "none", "asserted", False
    infinitive = bool(group) and any(t.tag == "TO" for t in group) and "VB" in tok.forms
    core = [t for t in group if t.tag not in ("ADV", "NEG")]
    if plan_cue is not None:
        plan = True
        modality = "potential" if plan_cue.lower in lex.words["plan_potential"] else "expected"
        be = [t.lower for t in group if t.tag == "BE"]
        tense = "future" if any(w in _PRESENT_BE for w in be) else "none"
        infinitive = False
    modal = next((w for w in words if w in lex.closed and "MODAL" in lex.closed[w] or w == "'d"), None)
    if modal is not None and not plan:
        if modal in lex.words["future"]:
            tense, modality = "future", "expected"
        elif modal in lex.words["would"]:
            modality = "expected"
        else:
            modality = "potential"
    if any(t.tag == "HAVE" for t in core) and "VBN" in tok.forms:
        aspect = "perfective"
        have = next(t.lower for t in core if t.tag == "HAVE")
        if modal is None and not infinitive:
            tense = "past" if have == "had" else "present" if have in ("has", "have", "'ve") else tense
    elif core and core[-1].tag == "BE" and ("VBG" in tok.forms or "VBN" in tok.forms):
        if "VBG" in tok.forms:
            aspect = "progressive"
        if modal is None and not infinitive and not plan:
            tense = "present" if core[-1].lower in _PRESENT_BE else "past" if core[-1].lower in _PAST_BE else tense
    elif any(t.tag == "DO" for t in core) and modal is None:
        do = next(t.lower for t in core if t.tag == "DO")
        tense = "past" if do == "did" else "present"
    elif not core:
        if "VBZ" in tok.forms:
            tense = "present"
        elif "VBD" in tok.forms:
            prev = tokens[i - 1] if i else None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            participle = "VBN" in tok.forms and prev is not None and prev.tag != "PRON" and (
                _in_pp(tokens, i - 1) or nxt is not None and nxt.lower == "by"
                or finite_before and prev.tag != "PROPN")
            tense = "none" if participle else "past"
        elif "VBP" in tok.forms and not finite_before and tokens[i - 1:i] and tokens[i - 1].tag in ("PRON", "N", "PROPN"):
            tense = "present"
    if any(t.tag == "NEG" for t in group):
        modality = "negated"
    return tense, aspect, modality, plan, infinitive


def _in_pp(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` ends a noun phrase inside a prepositional phrase."""
    if j < 0 or tokens[j].tag not in ("N", "PROPN"):
        return False
    left = clauses.np_left(tokens, j)
    return left > 0 and tokens[left - 1].tag == "PREP"


def _has_complement(tokens: list[Token], i: int) -> bool:
    """Whether verb ``i`` takes an event argument: to + verb, a that-clause, a gerund,
    or an object noun phrase headed by an event nominal."""
    j = i + 1
    n = len(tokens)
    while j < n and tokens[j].tag in ("ADV", "NEG", "PREP") and tokens[j].lower not in ("to",):
        if tokens[j].tag == "PREP" and tokens[j].lower not in ("up", "off", "out", "down", "on", "for", "into"):
            break
        j += 1
    if j >= n:
        return False
    tok = tokens[j]
    if tok.tag == "V" and "VBG" in tok.forms or tok.tag == "SUB" and tok.lower in ("that", "whether", "if"):
        return True
    k = j
    while k < n and tokens[k].tag in ("DET", "POSS", "ADJ", "N", "PROPN", "POSSM", "NUM", "PRON"):
        if tokens[k].tag == "N" and (k + 1 >= n or tokens[k + 1].tag != "N") and noun_event(tokens[k].lower)[0]:
            return True
        k += 1
    if k < n and tokens[k].tag == "V" and "VB" in tokens[k].forms:   # "help rebuild", "make them leave"
        return True
    return k < n and tokens[k].tag == "TO" and k + 1 < n and tokens[k + 1].tag == "V" and "VB" in tokens[k + 1].forms


def _kind(cls: str, modality: str, plan: bool, tense: str) -> str:
    if cls == "REPORTING":
        return "statement"
    if modality == "expected" and (plan or tense == "future" or tense == "none"):
        return "plan"
    if cls in ("STATE", "I_STATE"):
        return "state"
    return "action"


def _mentions(tokens: list[Token]) -> list[dict]:
    """Event mentions of one tagged sentence, as dicts keyed by token index."""
    lex = lexicon()
    n = len(tokens)
    cues, found, used = set(), {}, set()
    for i, tok in enumerate(tokens):   # "is set to hold": 'set' is a cue of 'hold'
        if tok.tag == "V" and tok.lower in lex.words["plan_cues"] and i + 2 < n and tokens[i + 1].tag == "TO" \
                and tokens[i + 2].tag == "V":
            prev = next((t for t in reversed(tokens[:i]) if t.tag not in ("ADV", "NEG")), None)
            if prev is not None and prev.tag == "BE":
                cues.add(i)
    starts = clauses.boundaries(tokens)
    finite_at = []
    finite = False
    for i, tok in enumerate(tokens):
        if i in starts:
            finite = False
        finite_at.append(finite)
        if tok.tag in ("MODAL", "BE", "HAVE", "DO") or tok.tag == "V" and tok.forms & {"VBD", "VBZ", "VBP"}:
            finite = True
    for i, tok in enumerate(tokens):
        if tok.tag != "V" or tok.lower in lex.words["never"] or tok.lemma in lex.words["never"]:
            continue
        group = _group(tokens, i, cues)
        if i in cues and tok.lower in lex.words["aux_cues"]:
            continue
        if i in cues:   # the cue itself: a state holding now ("is expected to"), never newsworthy
            be = next((t.lower for t in reversed(group) if t.tag == "BE"), "")
            tense = "present" if be in _PRESENT_BE else "past" if be in _PAST_BE else "none"
            found[i] = dict(i=i, g=i - len(group), role="cue", cls=lex.class_of.get(tok.lemma, "OCCURRENCE"),
                            tense=tense, aspect="none", modality="asserted", plan=False, infinitive=False,
                            lemma=tok.lemma, state=True, generic=True)
            continue
        cue = next((tokens[j] for j in range(i - len(group), i) if j in cues), None)
        tense, aspect, modality, plan, infinitive = _verb_attributes(tokens, i, group, cue, finite_at[i])
        cls = lex.class_of.get(tok.lemma, "OCCURRENCE")
        if tok.lemma in lex.needs_complement and not _has_complement(tokens, i):
            cls = "OCCURRENCE"
        found[i] = dict(i=i, g=i - len(group), role="verb", cls=cls, tense=tense, aspect=aspect,
                        modality=modality, plan=plan, infinitive=infinitive, lemma=tok.lemma)
    for i, tok in enumerate(tokens):   # copula predicates; "have" and "do" as main verbs
        if tok.tag == "DO":
            nxt = next((t for t in tokens[i + 1:] if t.tag not in ("ADV", "NEG")), None)
            if nxt is not None and nxt.tag in ("DET", "PRON", "N", "NUM", "ADJ", "POSS") and not (
                    nxt.tag in ("PRON", "N") and i + 2 < n and tokens[i + 2].tag == "V") and \
                    not (i and tokens[i - 1].tag in ("SUB", "REL", "PREP")):
                group = _group(tokens, i, cues)
                tense = "past" if tok.lower == "did" else "present" if tok.lower in ("do", "does") else "none"
                found[i] = dict(i=i, g=i - len(group), role="verb", cls="OCCURRENCE", tense=tense, aspect="none",
                                modality="negated" if any(t.tag == "NEG" for t in tokens[i + 1:i + 3]) else "asserted",
                                plan=False, infinitive=False, lemma="do")
            continue
        if tok.tag not in ("BE", "HAVE"):
            continue
        j = i + 1
        neg = False
        while j < n and tokens[j].tag in ("ADV", "NEG"):
            neg = neg or tokens[j].tag == "NEG"
            j += 1
        if j < n and tokens[j].tag in ("V", "TO") or tok.tag == "BE" and j < n and tokens[j].tag == "BE":
            continue
        head = None
        if tok.tag == "HAVE":
            if j >= n or tokens[j].tag not in ("DET", "NUM", "N", "ADJ", "PROPN", "POSS", "PRON"):
                continue
            head = i
        elif j >= n:
            continue
        elif tokens[j].lower in lex.words["predicates"] or tokens[j].tag == "ADJ" and (
                lex.class_of.get(tokens[j].lower) == "I_STATE" or "VBN" in tokens[j].forms
                or "VBN" in analyze(tokens[j].lower)[1]):
            head = j
        elif tokens[j].tag in ("DET", "ADJ", "N", "POSS", "NUM"):
            k = j
            while k + 1 < n and tokens[k + 1].tag in ("ADJ", "N", "DET", "NUM"):
                k += 1
            timed = any(t.lower in lex.words["state_adverbs"] for t in tokens[max(0, i - 2):j])
            if tokens[k].tag == "N" and (timed or noun_event(tokens[k].lower)[0]):
                head = k
        if head is None:
            continue
        group = _group(tokens, i, cues)
        modal = next((t.lower for t in group if t.tag == "MODAL"), None)
        tense = "present" if tok.lower in _PRESENT_BE else "past" if tok.lower in _PAST_BE else "none"
        modality = "negated" if neg or any(t.tag == "NEG" for t in group) else "asserted"
        if modal in lex.words["future"]:
            tense, modality = "future", "expected" if modality == "asserted" else modality
        elif modal is not None and modality == "asserted":
            modality = "potential"
        cls = lex.class_of.get(tokens[head].lower, "STATE") if head != i else "STATE"
        found[head] = dict(i=head, g=i - len(group), role="predicate", cls=cls, tense=tense, aspect="none",
                           modality=modality, plan=False, infinitive=False, lemma=tokens[head].lower, state=True,
                           generic=head == i)
        used.add(head)
    for i, tok in enumerate(tokens):   # event nominals
        if tok.tag != "N" or i in found:
            continue
        is_event, lemma = noun_event(tok.lower)
        if not is_event:
            continue
        if i + 1 < n and tokens[i + 1].tag == "N":   # a modifier ("peace talks"): the head is the event
            continue
        plural = tok.lower.endswith("s")
        if i > 0 and (tokens[i - 1].tag == "V" and not plural or tokens[i - 1].tag == "PREP" and not (
                plural and i + 1 < n and tokens[i + 1].tag == "PREP")):
            continue   # a bare noun right after a preposition or verb is generic ("in response", "voiced concern")
        left = clauses.np_left(tokens, i)
        owner = max((k for k in range(left, i) if tokens[k].tag == "POSSM"), default=left - 1)
        mods = [t.lower for t in tokens[owner + 1:i]]
        modality = "asserted"
        if any(m in lex.words["mod_potential"] for m in mods):
            modality = "potential"
        elif any(m in lex.words["mod_expected"] for m in mods):
            modality = "expected"
        elif "no" in mods:
            modality = "negated"
        tense = "past" if any(m in lex.words["mod_past"] for m in mods) else "none"
        found[i] = dict(i=i, g=left, role="nominal", cls=lex.noun_class.get(lemma, "OCCURRENCE"),
                        tense=tense, aspect="none", modality=modality, plan=False, infinitive=False, lemma=lemma)
    mentions = [found[i] for i in sorted(found)]
    _govern(tokens, mentions, starts)
    return mentions


def _govern(tokens: list[Token], mentions: list[dict], starts: list[int]) -> None:
    """Infinitives and objects of support verbs take their governor's modality."""
    lex = lexicon()
    verbs = [m for m in mentions if m["role"] == "verb"]
    for m in mentions:
        earlier = [v for v in verbs if v["i"] < m["i"] and v is not m]
        gov = earlier[-1] if earlier else None
        m["gov"] = gov
        if m["role"] == "verb" and m["infinitive"] and gov is not None:
            if gov["modality"] in ("potential", "negated"):
                m["modality"] = gov["modality"] if m["modality"] == "asserted" else m["modality"]
            elif m["modality"] == "asserted" and gov["cls"] != "ASPECTUAL":
                m["modality"] = "expected"
        if m["role"] == "nominal" and gov is not None and m["modality"] == "asserted" and m["tense"] == "none":
            between = tokens[gov["i"] + 1:m["g"]]
            if all(t.tag in ("DET", "POSS", "ADJ", "N", "NUM", "PROPN", "POSSM", "ADV") for t in between) and \
                    gov["lemma"] in lex.words["support"] and gov["modality"] != "asserted":
                m["modality"] = gov["modality"]
                m["support"] = gov


class _People:
    """Names seen so far, to resolve "he"/"she" to the last named person."""

    def __init__(self):
        self.persons: list[str] = []
        self.last: str | None = None

    def add(self, name: str, person: bool) -> None:
        last = name.split()[-1].split("-")[-1]
        if person or any(p.split()[-1].split("-")[-1] == last for p in self.persons):
            if person and name not in self.persons:
                self.persons.append(name)
            self.last = name

    def resolve(self, word: str) -> str | None:
        return self.last if word.lower() in ("he", "she", "him", "her") else None


def _actors(tokens, m, people, by_index) -> list[str]:
    if m["role"] == "nominal":
        left = m["g"]
        if left > 0 and tokens[left - 1].tag == "POSSM" or tokens[left:m["i"]] and any(t.tag == "POSSM" for t in tokens[left:m["i"]]):
            k = max(k for k in range(left - 1, m["i"]) if tokens[k].tag == "POSSM")
            owner = [name for name, _ in clauses.names_in(tokens[left:k])]
            if owner and tokens[k - 1].tag == "PROPN":
                return owner
        end = clauses.np_right(tokens, m["i"], len(tokens))
        tail = tokens[m["i"] + 1:end]
        for word in ("by", "between"):
            at = next((k for k, t in enumerate(tail) if t.lower == word), None)
            if at is not None:
                return [name for name, _ in clauses.names_in(tail[at + 1:])]
        if m.get("support") is not None:
            return list(m["support"].get("actors", []))
        return []
    gov = m.get("gov")
    tok = tokens[m["i"]]
    if gov is not None and m["infinitive"]:
        between = tokens[gov["i"] + 1:m["g"]]
        if between and gov["cls"] in ("I_ACTION", "I_STATE", "REPORTING") and gov["lemma"] not in lexicon().words["support"] \
                and all(t.tag in ("DET", "POSS", "ADJ", "N", "PROPN", "POSSM", "PRON") for t in between):
            return [people.resolve(name) or name for name, _ in clauses.names_in(between)]
        return list(gov.get("actors", []))
    if gov is not None and "VBG" in tok.forms and m["tense"] == "none" and \
            not any(t.tag == "BE" for t in tokens[m["g"]:m["i"]]):
        return list(gov.get("actors", []))
    span = clauses.subject_span(tokens, m["g"])
    if span is None:
        return list(gov.get("actors", [])) if gov is not None else []
    names = []
    for name, person in clauses.names_in(tokens[span[0]:span[1]]):
        resolved = people.resolve(name)
        if resolved:
            names.append(resolved)
        elif name.lower() not in ("it", "they", "we", "i", "you", "he", "she", "there", "who", "which", "that"):
            people.add(name, person)
            names.append(name)
    return names


def extract(text: str, sentences, timexes, reference) -> list[Event]:
    """Event mentions of an article, in text order.

    Args:
        text: the article text.
        sentences: sentence spans from :func:`timeline.segment.sentences`.
        timexes: temporal expressions (not used here; ordering attaches them).
        reference: publication date or None (not used: no date is interpreted here).

    Returns:
        :class:`timeline.model.Event` records with clause span, trigger,
        kind, modality, TimeML class, tense, aspect, actors and source.

    Examples:
        >>> from timeline.segment import sentences
        >>> text = "Hussein revealed that Washington has pressured Baghdad."
        >>> [(e.trigger, e.kind, e.tense, e.aspect, e.actors, e.source) for e in extract(text, sentences(text), [], None)]
        [('revealed', 'statement', 'past', 'none', ['Hussein'], None), ('pressured', 'action', 'present', 'perfective', ['Washington'], 0)]
    """
    lex = lexicon()
    names = proper_names(text)
    people = _People()
    events: list[Event] = []
    for s_index, (s_start, s_end) in enumerate(sentences):
        tokens = tag(tokenize(text, s_start, s_end), names)
        if not tokens:
            continue
        mentions = _mentions(tokens)
        starts = clauses.boundaries(tokens)
        for tok_run_start in range(len(tokens)):   # people named with a title anywhere in the sentence
            if tokens[tok_run_start].tag == "PROPN" and tokens[tok_run_start].lower in lex.words["title"]:
                end = tok_run_start
                while end < len(tokens) and (tokens[end].tag == "PROPN" or tokens[end].lower in lex.words["particle"]):
                    end += 1
                for name, person in clauses.names_in(tokens[tok_run_start:end]):
                    if person:
                        people.add(name, True)
        base = len(events)
        report = None
        for k, m in enumerate(mentions):
            m["actors"] = _actors(tokens, m, people, mentions)
            first, last = clauses.clause_of(starts, m["i"], len(tokens))
            if m["role"] == "nominal":
                first, last = m["g"], clauses.np_right(tokens, m["i"], last)
            while last - 1 > first and tokens[last - 1].tag == "PUNCT":
                last -= 1
            tok = tokens[m["i"]]
            source = None
            if report is not None and m is not report:
                source = base + mentions.index(report)
            cls = m["cls"]
            state = m.get("state") or cls in ("STATE", "I_STATE")
            kind = "state" if m.get("state") else _kind(cls, m["modality"], m["plan"], m["tense"] if m["role"] == "verb" else "x")
            if m["role"] == "verb" and state and kind == "plan" and not m["plan"]:
                kind = "state" if m["modality"] == "asserted" else kind
            events.append(Event(
                sentence=s_index, start=tokens[first].start, end=tokens[last - 1].end, trigger=tok.text,
                trigger_start=tok.start, trigger_end=tok.end, kind=kind, modality=m["modality"], event_class=cls,
                tense=m["tense"], aspect=m["aspect"], actors=m["actors"], source=source,
                newsworthy=m["lemma"] not in lex.words["generic"] and not m.get("generic")))
            if m["role"] == "verb" and (cls == "REPORTING" or m["lemma"] in lex.words["complement"]):
                after = next((t for t in tokens[m["i"] + 1:] if t.tag not in ("ADV",)), None)
                if after is not None and (after.tag == "SUB" and after.lower == "that" or after.tag == "PRON"
                                          and after.lower in lex.words["subj_pron"] or after.text in ("“", "\"", "``", ":")):
                    report = m
                elif cls == "REPORTING" and k > 0 and not any(t.tag in ("V", "SUB", "TO") for t in tokens[m["i"] + 1:]):
                    index = base + k
                    for earlier in events[base:index]:
                        if earlier.source is None:
                            earlier.source = index
    return events
