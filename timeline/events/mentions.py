"""Event mentions inside one tagged sentence (event stage).

Finds main verbs with their verb group (tense, aspect, modality, plans such
as "is set to hold"), predicates after a copula ("are underway"), "have" and
"do" as main verbs, and event nominals ("meeting", "phone call",
"sanctions"), with their TimeML class. The verb group's attributes come from
:mod:`timeline.verb_groups`. :mod:`timeline.events` turns the mentions into
:class:`timeline.model.Event` records.

Which words become mentions is the table of ``rules/mentions.yaml``: each rule that decides
"this word is (not) an event" has an id, the word classes and word lists it reads, and
examples; one pass per kind of mention (plan cues and verb groups, "do", copulas and "have",
nominals, acronyms) applies its rules, and the id of the rule that made a word an event is
the mention's ``rule`` (the first half of the timeline's ``trigger_rule``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from timeline import settings
from timeline.errors import RuleError
from timeline.model import EventClass, Mention, Modality, Role, Tense, Token
from timeline.rules.loader import Shape, load

from . import clauses
from .classes import argument_nominal, noun_event, verb_class
from .lexicon import analyze, lexicon, unpunctuated
from .verb_groups import (
    is_handoff,
    is_modifier_participle,
    verb_attributes,
    verb_counts,
    verb_group,
)

RULES = Path(__file__).resolve().parent / "rules" / "mentions.yaml"

#: What ``mentions.yaml`` may hold.
SHAPE = Shape(
    values={"version"},
    tables={
        "rules": {"id", "pass", "decides", "doc", "tags", "words", "examples", "negatives"},
    },
)

#: The passes and the rule ids each applies, in the order it tries them.
PASSES = {
    "verb_group": (
        "never_verb",
        "aux_cue",
        "plan_cue",
        "modifier_participle",
        "state_participle",
        "verb_group",
    ),
    "do": ("do_main_verb", "do_auxiliary"),
    "copula": (
        "auxiliary",
        "have_handoff",
        "have_without_object",
        "have_before_participle",
        "have_object",
        "predicate_word",
        "left_post",
        "fugitive_copula",
        "state_adjective",
        "copula_noun",
        "copula_without_predicate",
        "secondary_predicate",
        "object_predicate",
        "fugitive_idiom",
        "verdict_modifier",
    ),
    "nominal": (
        "compound_offence",
        "placed_status",
        "feat_object",
        "not_event_noun",
        "conditional_noun",
        "bare_event_class",
        "noun_modifier",
        "needs_complement",
        "after_preposition",
        "statement_medium",
        "event_noun",
        "event_modifier",
        "argument_nominal",
        "named_event",
        "noun_in_capitals",
    ),
    "acronym": ("event_acronym",),
}


class Decides(StrEnum):
    """What a ``mentions.yaml`` rule decides when it applies (its ``decides`` field).

    >>> Decides("no_event") == "no_event"
    True
    """

    EVENT = "event"
    NO_EVENT = "no_event"


@dataclass(frozen=True)
class MentionRule:
    """One row of ``mentions.yaml``: its pass, whether it makes a word an event, and the
    word classes (``tags``) and word lists (``words``, resolved from the lexicon) it reads."""

    id: str
    pass_: str
    event: bool
    tags: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]


@functools.lru_cache(maxsize=4)
def table(path: Path = RULES) -> dict[str, MentionRule]:
    """The rules of ``rules/mentions.yaml`` (or ``path``) by id, checked once.

    Raises:
        RuleError: an unknown key, pass or lexicon list; a rule the passes do not apply, or
            one they apply that the file lacks.

    Examples:
        >>> rule = table()["verb_group"]
        >>> (rule.pass_, rule.event, sorted(rule.tags["verb"]))
        ('verb_group', True, ['V'])
        >>> table()["noun_modifier"].event
        False
    """
    path = Path(path)
    data = load(path, SHAPE)
    words = lexicon().words
    rules = {}
    for row in data["rules"]:
        where = f"{path.name}: rules: row {row.get('id')!r}"
        if row.get("pass") not in PASSES or row.get("id") not in PASSES[row["pass"]]:
            raise RuleError(f"{where}: not a rule of pass {row.get('pass')!r} (see PASSES)")
        try:
            decides = Decides(row.get("decides"))
        except ValueError:
            raise RuleError(f"{where}: decides must be 'event' or 'no_event'") from None
        lists = {}
        for name, value in (row.get("words") or {}).items():
            if isinstance(value, str) and value not in words:
                raise RuleError(f"{where}: unknown lexicon list {value!r}")
            lists[name] = words[value] if isinstance(value, str) else frozenset(value)
        tags = {name: frozenset(value) for name, value in (row.get("tags") or {}).items()}
        rules[row["id"]] = MentionRule(
            row["id"], row["pass"], decides == Decides.EVENT, tags, lists
        )
    missing = [i for ids in PASSES.values() for i in ids if i not in rules]
    if missing:
        raise RuleError(f"{path.name}: no rule {missing[0]!r}")
    return rules


def kind_of(cls: str, modality: str, plan: bool, tense: str) -> str:
    if cls == EventClass.REPORTING:
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
    modality, lemma, the id of the ``mentions.yaml`` rule that made it an event, and the
    mention of its governing verb, if any.

    Examples:
        >>> from timeline.events.tagger import tag
        >>> from timeline.events.lexicon import tokenize
        >>> found = mentions(tag(tokenize("He will not attend the summit.")))
        >>> [(m.lemma, m.modality, m.rule) for m in found]
        [('attend', 'negated', 'verb_group'), ('summit', 'asserted', 'event_noun')]
    """
    return decide(tokens)[0]


def decide(tokens: list[Token]) -> tuple[list[Mention], dict[int, str]]:
    """The mentions of a tagged sentence and, by token index, the id of the rule that
    decided each word the passes looked at (an event or not), the last one to decide it.

    Examples:
        >>> from timeline.events.tagger import tag
        >>> from timeline.events.lexicon import tokenize
        >>> tokens = tag(tokenize("The election campaign began."))
        >>> found, why = decide(tokens)
        >>> {tokens[i].text: rule for i, rule in sorted(why.items())}
        {'election': 'noun_modifier', 'campaign': 'event_noun', 'began': 'verb_group'}
    """
    found: dict[int, Mention] = {}
    why: dict[int, str] = {}
    _verb_pass(tokens, found, why)
    _copula_pass(tokens, found, why)
    _nominal_pass(tokens, found, why)
    _acronym_pass(tokens, found, why)
    mentions = _govern(tokens, _possibility(tokens, [found[i] for i in sorted(found)]))
    return mentions, why


def _prev_word(tokens: list[Token], i: int, skip: frozenset[str]) -> Token | None:
    return next((t for t in reversed(tokens[:i]) if t.tag not in skip), None)


def _next_word(tokens: list[Token], i: int, skip: frozenset[str]) -> Token | None:
    return next((t for t in tokens[i + 1 :] if t.tag not in skip), None)


def _plan_cues(tokens: list[Token]) -> set[int]:
    """The cues of a plan after a copula, each the cue of the verb after its "to"."""
    rule = table()["plan_cue"]
    tags, words = rule.tags, rule.words
    n = len(tokens)
    cues = set()
    for i, tok in enumerate(tokens):  # "is set to hold": 'set' is a cue of 'hold'
        if (
            tok.tag in tags["cue"]
            and tok.lower in words["cues"]
            and i + 2 < n
            and tokens[i + 1].tag in tags["to"]
            and (
                tokens[i + 2].tag in tags["verb"]
                or tok.lower in words["aux_cues"]
                and tokens[i + 2].tag in tags["aux"]
            )
        ):
            prev = _prev_word(tokens, i, tags["skip"])
            if prev is not None and prev.tag in tags["copula"]:
                cues.add(i)
    return cues


def _finite_at(tokens: list[Token], after_relative: dict[int, int]) -> list[bool]:
    """Whether a finite verb precedes each word in its clause (not counting a relative's)."""
    rule = table()["verb_group"]
    start_set = set(clauses.boundaries(tokens))
    finite_at = []
    finite = False
    for i, tok in enumerate(tokens):
        if i in start_set:
            finite = False
        finite_at.append(finite and i not in after_relative)
        if (
            tok.tag in rule.tags["finite"]
            or tok.tag in rule.tags["verb"]
            and (tok.forms & rule.tags["finite_forms"])
        ) and not (not finite and clauses.parenthetical_participle(tokens, i)):
            finite = True
    return finite_at


def _verb_pass(tokens: list[Token], found: dict[int, Mention], why: dict[int, str]) -> None:
    """Verbs: a plan cue ("is expected to") or the head of a verb group, unless a rule of
    the ``verb_group`` pass says the verb is no event."""
    rules = table()
    cues = _plan_cues(tokens)
    after_relative = _main_verbs_after_relatives(tokens)
    finite_at = _finite_at(tokens, after_relative)
    counts = verb_counts(tokens)
    verb_tags = rules["verb_group"].tags["verb"]
    reduced = {r for r in after_relative.values() if tokens[r].tag in verb_tags}
    for i, tok in enumerate(tokens):
        if tok.tag not in verb_tags:
            continue
        never = rules["never_verb"].words["never"]
        if tok.lower in never or tok.lemma in never:
            why[i] = "never_verb"
            continue
        group = verb_group(tokens, i, cues)
        if i in cues:
            why[i] = "aux_cue" if tok.lower in rules["aux_cue"].words["aux_cues"] else "plan_cue"
            if why[i] == "plan_cue":
                found[i] = _cue_mention(tokens, i, group)
            continue
        if not group and is_modifier_participle(tokens, i, finite_at[i]):
            why[i] = "modifier_participle"
            continue
        cue = next((tokens[j] for j in range(i - len(group), i) if j in cues), None)
        tense, aspect, modality, plan, infinitive = verb_attributes(
            tokens, i, group, cue, finite_at[i], main=i in after_relative, counts=counts
        )
        if i in reduced and not group:
            tense = "none"  # the participle of a reduced relative: "a rally held in Baghdad drew"
        if not group and tense == Tense.NONE and _state_participle(tokens, i):
            why[i] = "state_participle"
            continue
        why[i] = "verb_group"
        found[i] = Mention(
            index=i,
            group_start=i - len(group),
            role="verb",
            event_class=verb_class(tokens, i),
            tense=tense,
            aspect=aspect,
            modality=modality,
            plan=plan,
            infinitive=infinitive,
            lemma=tok.lemma,
            relative=after_relative.get(i),
            rule="verb_group",
        )


def _cue_mention(tokens: list[Token], i: int, group: list[Token]) -> Mention:
    # the cue itself: a state holding now ("is expected to"), never newsworthy
    words = table()["plan_cue"].words
    tok = tokens[i]
    be = next((t.lower for t in reversed(group) if t.tag in table()["plan_cue"].tags["copula"]), "")
    tense = "present" if be in words["present"] else "past" if be in words["past"] else "none"
    return Mention(
        index=i,
        group_start=i - len(group),
        role="cue",
        event_class=lexicon().class_of.get(tok.lemma, "OCCURRENCE"),
        tense=tense,
        aspect="none",
        modality="asserted",
        plan=False,
        infinitive=False,
        lemma=tok.lemma,
        state=True,
        generic=True,
        rule="plan_cue",
    )


def _state_participle(tokens: list[Token], i: int) -> bool:
    # a state participle describing a noun: "the remaining shares", "a group controlling",
    # "a newspaper owned by the party" (a verb alone, with no tense)
    rule = table()["state_participle"]
    tok = tokens[i]
    return (
        lexicon().class_of.get(tok.lemma) == "STATE"
        and tok.lemma not in rule.words["not_lemmas"]
        and (
            tok.forms & rule.tags["gerund"]
            or tok.forms & rule.tags["participle"]
            and i
            and tokens[i - 1].tag in rule.tags["noun"]
            and i + 1 < len(tokens)
            and tokens[i + 1].lower in rule.words["agent_preps"]
        )
    )


def _copula_pass(tokens: list[Token], found: dict[int, Mention], why: dict[int, str]) -> None:
    """ "do" as a main verb, and what a copula or "have" predicates (the rules of the ``do``
    and ``copula`` passes), in token order."""
    do_tags = table()["do_auxiliary"].tags["do"]
    copulas = table()["auxiliary"].tags["copula"]
    cues = _plan_cues(tokens)
    for i, tok in enumerate(tokens):
        if tok.tag in do_tags:
            mention = _do_mention(tokens, i, cues)
            why[i] = "do_main_verb" if mention else "do_auxiliary"
            if mention:
                found[i] = mention
        elif tok.tag in copulas:
            rule, head = _copula_head(tokens, i)
            why[i if head is None else head] = rule
            if head is not None:
                found[head] = _predicate_mention(tokens, i, head, rule, cues)
    for i in range(len(tokens)):
        verb = _secondary_predicate(tokens, i)
        if verb is not None and i not in found:
            why[i] = "secondary_predicate"
            found[i] = _predicate_mention(tokens, verb, i, "secondary_predicate", cues)
        elif i not in found and _object_predicate(tokens, i):
            why[i] = "object_predicate"
            # no copula and no verb of its own: the state is the whole group, and it is said of
            # one noun, not generic
            mention = _predicate_mention(tokens, i, i, "object_predicate", cues)
            found[i] = replace(mention, generic=False)
        elif i not in found and _fugitive_idiom(tokens, i):
            why[i] = "fugitive_idiom"
            mention = _predicate_mention(tokens, i, i, "fugitive_idiom", cues)
            found[i] = replace(mention, generic=False)
        elif i not in found and _verdict_modifier(tokens, i):
            why[i] = "verdict_modifier"
            mention = _predicate_mention(tokens, i, i, "verdict_modifier", cues)
            found[i] = replace(mention, generic=False)


def _secondary_predicate(tokens: list[Token], i: int) -> int | None:
    """The verb of which word ``i`` is a secondary predicate, a state it leaves its subject or
    object in ("was shot dead", "declared dead", "presumed missing"), else None."""
    rule = table()["secondary_predicate"]
    if tokens[i].tag not in rule.tags["state"] or tokens[i].lower not in rule.words["states"]:
        return None
    j = i - 1
    while j >= 0 and tokens[j].tag in rule.tags["skip"]:
        j -= 1
    return j if j >= 0 and tokens[j].tag in rule.tags["verb"] else None


def _object_predicate(tokens: list[Token], i: int) -> bool:
    """Whether word ``i`` is a state of life said of the noun right before it: a headline's,
    which drops its copula ("Hiker dead after fall"), or the state a verb leaves its object
    in ("left three people dead")."""
    rule = table()["object_predicate"]
    tags = rule.tags
    if not (
        tokens[i].tag in tags["state"]
        and tokens[i].lower in rule.words["states"]
        and i
        and tokens[i - 1].tag in tags["noun"]
    ):
        return False
    if unpunctuated(tokens):
        return True
    j = i - 1
    while j >= 0 and tokens[j].tag in tags["phrase"]:
        j -= 1
    return j >= 0 and tokens[j].tag in tags["verb"]


def _idiom_at(tokens: list[Token], start: int, idioms: frozenset) -> int | None:
    """The index of the last word of one of ``idioms`` (phrases of lower-case words) that
    begins at ``start``, else None."""
    for idiom in idioms:
        words = idiom.split()
        end = start + len(words)
        if end <= len(tokens) and [t.lower for t in tokens[start:end]] == words:
            return end - 1
    return None


def _fugitive_idiom(tokens: list[Token], i: int) -> bool:
    """Whether word ``i`` ends an idiom of being a fugitive that no copula precedes ("Inmate
    on the loose", "a week on the run"): after a copula, the copula is the state
    (:func:`_copula_head`)."""
    rule = table()["fugitive_idiom"]
    for idiom in rule.words["idioms"]:
        words = idiom.split()
        start = i - len(words) + 1
        if start < 0 or [t.lower for t in tokens[start : i + 1]] != words:
            continue
        j = start - 1
        while j >= 0 and tokens[j].tag in rule.tags["skip"]:
            j -= 1
        return j < 0 or tokens[j].tag not in rule.tags["copula"]
    return False


def _verdict_modifier(tokens: list[Token], i: int) -> bool:
    """Whether word ``i`` is a finding of guilt before the noun of the verdict or plea that
    states it ("returned a guilty verdict", "entered an innocent plea"): the finding said of
    someone, as in "found guilty"."""
    rule = table()["verdict_modifier"]
    return (
        tokens[i].tag in rule.tags["state"]
        and tokens[i].lower in rule.words["findings"]
        and i + 1 < len(tokens)
        and tokens[i + 1].lower in rule.words["verdicts"]
    )


def _do_mention(tokens: list[Token], i: int, cues: set[int]) -> Mention | None:
    """ "do" as a main verb: before its object, or bare after "to" or a modal."""
    rule = table()["do_main_verb"]
    tags, n, tok = rule.tags, len(tokens), tokens[i]
    nxt = _next_word(tokens, i, tags["skip"])
    before = _prev_word(tokens, i, tags["skip"])
    bare = (
        before is not None
        and before.tag in tags["bare_after"]
        and (nxt is None or nxt.tag not in tags["not_next"])
    )
    if not (
        bare
        or nxt is not None
        and nxt.tag in tags["object"]
        and not (nxt.tag in tags["subject"] and i + 2 < n and tokens[i + 2].tag in tags["verb"])
        and not (i and tokens[i - 1].tag in tags["not_after"])
    ):
        return None
    group = verb_group(tokens, i, cues)
    words = rule.words
    tense = (
        "past"
        if tok.lower in words["past"]
        else "present"
        if tok.lower in words["present"]
        else "none"
    )
    negated = any(t.tag in tags["neg"] for t in tokens[i + 1 : i + 3])
    return Mention(
        index=i,
        group_start=i - len(group),
        role="verb",
        event_class="OCCURRENCE",
        tense=tense,
        aspect="none",
        modality="negated" if negated else "asserted",
        plan=False,
        infinitive=False,
        lemma=analyze(tok.lower)[2],
        rule="do_main_verb",
    )


def _after_adverbs(tokens: list[Token], i: int) -> tuple[int, bool]:
    """The first word after ``i`` past adverbs and negations, and whether one negates."""
    skip = table()["auxiliary"].tags["skip"]
    neg_tags = table()["auxiliary"].tags["neg"]
    j, neg = i + 1, False
    while j < len(tokens) and tokens[j].tag in skip:
        neg = neg or tokens[j].tag in neg_tags
        j += 1
    return j, neg


def _copula_head(tokens: list[Token], i: int) -> tuple[str, int | None]:
    """The rule deciding a copula or "have" at ``i``, and the predicate's head if an event."""
    rules = table()
    n, tok = len(tokens), tokens[i]
    j, _ = _after_adverbs(tokens, i)
    aux = rules["auxiliary"].tags
    if j < n and (
        tokens[j].tag in aux["verb"] or tok.tag in aux["be"] and tokens[j].tag in aux["be"]
    ):
        return "auxiliary", None
    if tok.tag in rules["have_object"].tags["have"]:
        return _have_head(tokens, i, j)
    if j >= n:
        return "copula_without_predicate", None
    word = tokens[j]
    adjective = rules["state_adjective"]
    if word.lower in rules["predicate_word"].words["predicates"]:
        return "predicate_word", j
    left = rules["left_post"].words
    if word.lower in left["particles"] and j + 1 < n and tokens[j + 1].lower in left["preps"]:
        return "left_post", j  # "Ruiz is out as coach": she has left the post
    if _idiom_at(tokens, j, rules["fugitive_copula"].words["idioms"]):
        return "fugitive_copula", i  # "were on the run": TimeML's state is the copula
    if (
        word.tag in adjective.tags["adjective"]
        and word.lower not in adjective.words["not_predicates"]
        and (
            lexicon().class_of.get(word.lower) == "I_STATE"
            or word.forms & adjective.tags["participle"]
            or analyze(word.lower)[1] & adjective.tags["participle"]
        )
    ):
        return "state_adjective", j
    head = _copula_noun(tokens, i, j)
    return ("copula_noun", head) if head is not None else ("copula_without_predicate", None)


def _have_head(tokens: list[Token], i: int, j: int) -> tuple[str, int | None]:
    """ "have" as a main verb, before its object: the event is "have" itself."""
    rules = table()
    if is_handoff(tokens, i, j):
        return "have_handoff", None
    if j >= len(tokens) or tokens[j].tag not in rules["have_without_object"].tags["object"]:
        return "have_without_object", None
    participle = rules["have_before_participle"].tags
    if any(
        t.tag in participle["verb"] and t.forms & participle["participle"]
        for t in tokens[j : j + 3]
    ):
        return (
            "have_before_participle",
            None,
        )  # an auxiliary after all: "has long monitored", "had itself filed"
    return "have_object", i


def _copula_noun(tokens: list[Token], i: int, j: int) -> int | None:
    """The head noun of a copula's noun phrase when it is an event, or an adverb places the
    state in time ("Iraq is currently not a priority")."""
    rule = table()["copula_noun"]
    tags, n = rule.tags, len(tokens)
    if tokens[j].tag not in tags["opens"]:
        return None
    k = j
    while k + 1 < n and tokens[k + 1].tag in tags["continues"]:
        k += 1
    timed = any(t.lower in rule.words["timed"] for t in tokens[max(0, i - 2) : j])
    if tokens[k].tag in tags["head"] and (timed or noun_event(tokens[k].lower)[0]):
        return k
    return None


def _predicate_mention(
    tokens: list[Token], i: int, head: int, rule: str, cues: set[int]
) -> Mention:
    """The state a copula (or "have") at ``i`` predicates, with ``head`` as its trigger."""
    lex = lexicon()
    tok = tokens[i]
    _, neg = _after_adverbs(tokens, i)
    group = verb_group(tokens, i, cues)
    modal = next((t.lower for t in group if t.tag == "MODAL"), None)
    tense = (  # a form of have takes its tense as a form of be does
        "present"
        if tok.lower in lex.words["present_be"] or tok.lower in lex.words["present_have"]
        else "past"
        if tok.lower in lex.words["past_be"] or tok.lower in lex.words["past_have"]
        else "none"
    )
    modality = Modality.NEGATED if neg or any(t.tag == "NEG" for t in group) else Modality.ASSERTED
    if modal in lex.words["future"]:
        tense, modality = (
            Tense.FUTURE,
            (Modality.EXPECTED if modality == Modality.ASSERTED else modality),
        )
    elif modal is not None and modality == Modality.ASSERTED:
        modality = Modality.POTENTIAL
    cls = "STATE"
    if (
        head != i and tokens[head].tag == "N"
    ):  # "is the subject of an inquiry": the noun's own class
        is_event, noun = noun_event(tokens[head].lower)
        cls = lex.noun_class.get(noun, "OCCURRENCE") if is_event else "STATE"
    elif head != i:
        cls = lex.class_of.get(tokens[head].lower, "STATE")
    return Mention(
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
        rule=rule,
    )


def _nominal_pass(tokens: list[Token], found: dict[int, Mention], why: dict[int, str]) -> None:
    """Event nouns and the heads of named events not already a mention."""
    nouns = table()["event_noun"].tags["noun"]
    for i, tok in enumerate(tokens):
        # the compound's last word may have been read as a verb ("a hit and run"): the compound
        # is the reading of the whole
        rule, compound = _compound(tokens, i)
        if compound is not None and (i not in found or found[i].role == Role.VERB):
            found[i] = _nominal_mention(tokens, i, compound, rule)
            why[i] = rule
            continue
        if i in found:
            continue
        named = tok.tag not in nouns and _named_event(tokens, i)
        capitals = tok.tag not in nouns and not named and _in_capitals(tokens, i)
        if tok.tag not in nouns and not named and not capitals:
            continue
        rule, lemma = _nominal_rule(tokens, i, found)
        if rule is None or table()[rule].event:
            default = "named_event" if named else "event_noun"
            rule = rule or ("noun_in_capitals" if capitals else default)
            found[i] = _nominal_mention(tokens, i, lemma, rule)
        why[i] = rule


def _compound(tokens: list[Token], i: int) -> tuple[str, str | None]:
    """The rule and the lemma (its words joined by hyphens) of the compound that word ``i``
    closes: an offence wherever it stands ("a hit and run"), or a status one is placed on,
    taken off or sent to, right after its preposition and determiners ("placed on injured
    reserve", "Lind to IR"; not "injured reserve players"). A generic head after a status
    ("on the injured reserve list") closes it and names it: the lemma is the status's."""
    offence, _ = _compound_words(tokens, i, "compound_offence")
    if offence is not None:
        return "compound_offence", offence
    rule = table()["placed_status"]
    heads = rule.words["heads"]
    if i + 1 < len(tokens) and tokens[i + 1].lower in heads:
        return "placed_status", None  # "the injured reserve list": the head closes the status
    status, k = _compound_words(tokens, i, "placed_status")
    if status is None and i > 0 and tokens[i].lower in heads:
        status, k = _compound_words(tokens, i - 1, "placed_status")
    if status is None:
        return "placed_status", None
    while k > 0 and tokens[k - 1].tag in rule.tags["determiner"]:
        k -= 1
    placed = k > 0 and tokens[k - 1].lower in rule.words["preps"]
    return "placed_status", status if placed else None


def _compound_words(tokens: list[Token], i: int, rule_id: str) -> tuple[str | None, int]:
    """The compound of rule ``rule_id`` (its words joined by hyphens) that word ``i`` closes
    and the index of its first word, when the words up to it spell one of the rule's
    ``compounds`` ("hit and run", "drunk driving"), hyphens or not and whatever their tags:
    the tagger reads their words one by one."""
    rule = table()[rule_id]
    longest = max(len(c.split()) for c in rule.words["compounds"])
    words: list[str] = []
    for k in range(i, -1, -1):
        tok = tokens[k]
        if tok.text in rule.words["joiners"] and words:
            continue
        words[:0] = [w for w in tok.lower.split("-") if w]
        if " ".join(words) in rule.words["compounds"]:
            # a noun phrase, not a verb's coordinated infinitives ("tried to hit and run")
            verbal = k > 0 and tokens[k - 1].tag in rule.tags["not_after"]
            return (None if verbal else "-".join(words)), k
        if len(words) >= longest:
            break
    return None, i


def _nominal_rule(tokens: list[Token], i: int, found: dict[int, Mention]) -> tuple[str | None, str]:
    """The rule by which a noun is no event (None if it is one), and the noun's lemma."""
    rules = table()
    n, tok = len(tokens), tokens[i]
    is_event, lemma = noun_event(tok.lower)
    if _feat_object(tokens, i):
        return "feat_object", lemma
    argument = not is_event and _takes_argument(tokens, i)
    if not is_event and not argument:
        return "not_event_noun", lemma
    if _conditional(tokens, i):
        return "conditional_noun", lemma
    if any(lemma in listed for listed in rules["bare_event_class"].words.values()):
        return "bare_event_class", lemma  # "arrested for DUI", "a murder charge": the offence
    modifier = i + 1 < n and tokens[i + 1].tag in rules["noun_modifier"].tags["head"]
    # a contest before one of its stages or its outcome ("the tournament opener", "a
    # tournament win") is the contest itself, the head another event of it
    stage = (
        modifier
        and lemma in rules["event_modifier"].words["contests"]
        and tokens[i + 1].lower in rules["noun_modifier"].words["stages"]
    )
    if (
        modifier
        and not stage
        and (
            noun_event(tokens[i + 1].lower)[0]
            or not any(lemma in listed for listed in rules["event_modifier"].words.values())
        )
    ):
        return "noun_modifier", lemma  # a modifier ("peace talks"): the head is the event
    needs = rules["needs_complement"]
    if lemma in needs.words["nouns"] and not (
        i + 2 < n
        and tokens[i + 1].tag in needs.tags["to"]
        and tokens[i + 2].tag in needs.tags["verb"]
    ):
        return "needs_complement", lemma  # "a plan to sell" is an event, "a rights plan" is not
    prep = rules["after_preposition"].tags["prep"]
    plural = tok.lower.endswith("s")
    if (
        i > 0
        and tokens[i - 1].tag in prep
        and tokens[i - 1].lower not in rules["after_preposition"].words["agent"]
        and not (plural and i + 1 < n and tokens[i + 1].tag in prep)
        and not unpunctuated(tokens)  # a headline drops its articles: "Hiker hurt in fall"
        and not _amount_of(tokens, i - 1)  # "$3 million in damage": how much of the event
        and not _attitude_of(tokens, i, lemma)  # "arrested on suspicion of DUI"
        and not _complement_of(tokens, i - 1)  # "a wave of protests": what it counts
        and not _particle_object(tokens, i - 1)  # "stepped up attacks": the verb's object
    ):
        return (
            "after_preposition",
            lemma,
        )  # a bare noun right after a preposition is generic ("in response"); after a
        #           verb it is as often an event as not ("received criticism", "voiced concern")
    medium = rules["statement_medium"].words
    left = clauses.np_left(tokens, i)
    if (
        lemma in medium["nouns"]
        and left > 0
        and tokens[left - 1].lower in medium["preps"]
        and any(m.event_class == "REPORTING" for m in found.values())
    ):
        return (
            "statement_medium",
            lemma,
        )  # "said in a statement": the medium of the saying, not another event
    if argument:
        return "argument_nominal", lemma
    return ("event_modifier" if modifier else None), lemma  # "a playoff berth"


def _feat_object(tokens: list[Token], i: int) -> bool:
    """Whether noun ``i`` is a feat (a record, a mark) that the verb of besting or setting
    before its noun phrase acts on ("broke Lind's career scoring record", "set a record",
    "passed Lind for the record"): the feat, not a thing written down."""
    rule = table()["feat_object"]
    tags, words = rule.tags, rule.words
    if tokens[i].lower not in words["feats"]:
        return False
    j = i - 1
    while j >= 0 and i - j <= settings.FEAT_OBJECT_TOKENS:
        tok = tokens[j]
        # a gerund inside the noun phrase, between its words, modifies the feat ("the passing
        # record"); a verb before its object's first word governs it ("breaking Lind's
        # passing record", "Varga set the record")
        modifier = (
            tok.tag in tags["verb"]
            and tok.forms & tags["modifier_forms"]
            and 0 < j
            and (tokens[j - 1].tag in tags["phrase"] or tokens[j - 1].text in words["joiners"])
            and tokens[j + 1].tag in tags["modified"]
        )
        if not (
            modifier
            or tok.tag in tags["phrase"]
            or tok.text in words["joiners"]
            or tok.lower in words["preps"]
        ):
            break
        j -= 1
    return j >= 0 and tokens[j].tag in tags["verb"] and tokens[j].lemma in words["verbs"]


def _in_capitals(tokens: list[Token], i: int) -> bool:
    """A name written in capitals that the lexicon lists as an event noun ("arrested for
    DUI"): the tagger reads a word in capitals as a name, but an event noun's abbreviation
    keeps the noun's meaning."""
    tok = tokens[i]
    return (
        tok.tag in table()["noun_in_capitals"].tags["name"]
        and len(tok.text) > 1
        and tok.text.isalpha()
        and tok.text.isupper()
        and noun_event(tok.lower)[0]
    )


def _amount_of(tokens: list[Token], p: int) -> bool:
    """Whether the preposition at ``p`` joins an amount to what it measures ("$1 million in
    damage", "one million dollars in damage", "$2 billion in losses")."""
    rule = table()["after_preposition"]
    k = p - 1
    if k >= 0 and tokens[k].lower in rule.words["currencies"]:
        k -= 1
    return (
        tokens[p].lower in rule.words["measure_preps"]
        and k >= 0
        and tokens[k].tag in rule.tags["amount"]
    )


def _complement_of(tokens: list[Token], p: int) -> bool:
    """Whether the preposition at ``p`` is an "of" joining a noun to the event it counts,
    spans or reports ("a wave of protests", "three days of strikes", "reports of raids")."""
    rule = table()["after_preposition"]
    return (
        tokens[p].lower in rule.words["argument_preps"]
        and p > 0
        and tokens[p - 1].tag in rule.tags["complement_head"]
        and tokens[p - 1].lower in rule.words["counters"]
    )


def _particle_object(tokens: list[Token], p: int) -> bool:
    """Whether the word at ``p`` is the particle of the verb right before it ("stepped up
    attacks", "called off talks", "carried out raids"): the noun after it is that phrasal
    verb's object, not a preposition's bare complement."""
    rule = table()["after_preposition"]
    return (
        tokens[p].lower in rule.words["object_particles"]
        and p > 0
        and tokens[p - 1].tag in rule.tags["phrasal_verb"]
    )


def _attitude_of(tokens: list[Token], i: int, lemma: str) -> bool:
    """Whether noun ``i`` is an attitude (a noun of the I_STATE class) with its event after it
    in an "of" phrase ("on suspicion of theft"): a held attitude, not a generic
    one."""
    rule = table()["after_preposition"]
    return (
        lexicon().noun_class.get(lemma) in rule.words["attitude_classes"]
        and i + 1 < len(tokens)
        and tokens[i + 1].lower in rule.words["argument_preps"]
    )


def _takes_argument(tokens: list[Token], i: int) -> bool:
    """A nominalisation with its event's argument: an "of" phrase right after it ("the
    placement of the sensor"), or the subject of a light verb it is the object of ("made its
    appearance"), or the object of a verb that reports, begins, ends or acts on an event
    ("confirmed the placement", "completed the installation", "approved the appointment")."""
    rule = table()["argument_nominal"]
    if tokens[i].tag not in rule.tags["noun"] or not argument_nominal(tokens[i].lower):
        return False
    if (
        i + 2 < len(tokens)
        and tokens[i + 1].lower in rule.words["preps"]
        and tokens[i + 2].tag in rule.tags["object"]
    ):
        return True
    j = i - 1
    while j >= 0 and tokens[j].tag in rule.tags["determiner"]:
        j -= 1
    return (
        j < i - 1
        and j >= 0
        and tokens[j].tag in rule.tags["verb"]
        and (
            tokens[j].lemma in rule.words["light_verbs"]
            or lexicon().class_of.get(tokens[j].lemma) in rule.words["event_object_classes"]
        )
    )


def _nominal_mention(tokens: list[Token], i: int, lemma: str, rule: str) -> Mention:
    """An event noun, its modality and tense from the modifiers of its noun phrase."""
    lex = lexicon()
    left = clauses.np_left(tokens, i)
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
    return Mention(
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
        rule=rule,
    )


def _acronym_pass(tokens: list[Token], found: dict[int, Mention], why: dict[int, str]) -> None:
    """The acronym in brackets after a named event names the same event."""
    n = len(tokens)
    for i in [i for i in found if found[i].role == Role.NOMINAL and tokens[i].tag == "PROPN"]:
        if (  # "the Worldwide Developers Conference (WWDC)": the acronym names the same event
            i + 3 < n
            and tokens[i + 1].text == "("
            and tokens[i + 3].text == ")"
            and tokens[i + 2].text.isupper()
            and i + 2 not in found
        ):
            found[i + 2] = replace(found[i], index=i + 2, group_start=i + 2, rule="event_acronym")
            why[i + 2] = "event_acronym"


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
        # what is possible is the subject's head, not an event of its complement:
        # "the cause of the crash is unclear" leaves the crash asserted
        head_end = next((k for k in range(first, g) if tokens[k].tag == "PREP"), g)
        weaken(first, head_end, modality)
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
        if relative is not None and verb_seen and tok.text in clauses.DASHES:
            comma = i  # "The carmakers - which include Volta - agreed": as after a comma
            continue
        if tok.tag == "PUNCT" and tok.text in (";", ":", "--", "—"):
            relative = None
        if relative is not None and verb_seen and tok.text == ",":
            comma = i  # ", who met on Monday, agreed": the main verb comes right after the comma
            continue
        if (
            comma is not None
            and tok.tag not in ("ADV",)
            # adverbs may stand between the comma and the main verb: ", also noted"
            and not (tok.tag == "V" and all(t.tag == "ADV" for t in tokens[comma + 1 : i]))
        ):
            relative, comma = None, None
        if tok.tag == "REL":
            antecedent = (
                i > 0
                and tokens[i - 1].tag in ("N", "PROPN")
                or i > 1
                and tokens[i - 1].text in (",",) + clauses.DASHES
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
                and not (
                    "VBD" in tok.forms
                    and (
                        tokens[i + 1].text in clauses.CLAUSE_CLOSERS
                        or tok.lemma in lex.words["intransitive"]
                        or tok.lemma in lex.words["unaccusative"]
                    )
                    and tokens[relative + 1].lower not in lex.words["agent_preps"]
                    and not any(t.tag in clauses.VERBAL[1:] for t in tokens[relative:i])
                )
            )
        ):
            # "read from a letter signed by ...", "prayed ... as the week began": no main verb;
            # but a past form closing the clause is its verb ("The bomb discovered in Leeds
            # exploded."), and so is one no passive has ("The man held in the raid died in
            # custody"), unless an agent follows the participle or an auxiliary came between
            relative = None
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
            # past adverbs after the clause's last noun: "a round proposed by Oman never took place"
            k -= 1
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
            # the main verb group opens with an auxiliary: "aid promised in mid-January has not
            # arrived"
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
    when a finite verb follows; or before a bare date and the clause's finite verb
    (:func:`clauses.participle_before_dated_verb`). A verb that takes a clause ("officials
    said in May") or a particle ("protesters called for") is not one, unless it has no past
    form ("rains forecast for")."""
    tok = tokens[i]
    only_participle = "VBD" not in tok.forms
    if tok.tag == "V" and clauses.participle_before_dated_verb(tokens, i):
        return True  # a date, then the clause's verb: "the bill passed Friday requires"
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


def _infinitive_marker(tokens: list[Token], m: Mention) -> int | None:
    """The index of the "to" of infinitive ``m``'s verb group, or None."""
    return next((k for k in range(m.group_start, m.index) if tokens[k].tag == "TO"), None)


def _realized_complement(tokens: list[Token], gov: Mention, m: Mention) -> str | None:
    """The modality a governor's class gives its to-infinitive complement (``realized`` in
    events.yaml), or None: an implicative verb's past asserts it ("managed to escape", "went on
    to win"), a verb of deciding in the past with a past time word inside the complement
    ("decided to move out last week") too; a verb of failing or refusing negates it ("failed to
    appear"), a verb of pretending leaves it potential ("pretended to move in")."""
    words = lexicon().words
    to = _infinitive_marker(tokens, m)
    if to is None or gov.role != Role.VERB or gov.modality != Modality.ASSERTED:
        return None
    # the verb with its particle ("went on to"), adverbs skipped ("managed quickly to")
    rest = [t.lower for t in tokens[gov.index + 1 : to] if t.tag != "ADV"]
    verb = " ".join([gov.lemma, *rest])
    if len(rest) > 1:
        return None
    if verb in words["realized_negating"]:
        return Modality.NEGATED
    if verb in words["realized_pretending"]:
        return Modality.POTENTIAL
    if not _done(tokens, gov) or m.conjunct_of is not None:
        return None
    if verb in words["realized_implicative"]:
        return Modality.ASSERTED
    if verb in words["realized_deciding"]:
        after = tokens[m.index + 1 :]
        end = next((k for k, t in enumerate(after) if t.tag in ("PUNCT", "CONJ", "SUB")), None)
        if any(t.lower in words["realized_past_words"] for t in after[:end]):
            return Modality.ASSERTED
    return None


def _done(tokens: list[Token], gov: Mention) -> bool:
    """Whether ``gov`` tells a done act: a past or a perfect, or a headline's present simple."""
    words = lexicon().words
    return (
        gov.tense in words["result_tenses"]
        or gov.aspect in words["result_aspects"]
        or (gov.tense in words["result_headline_tenses"] and unpunctuated(tokens))
    )


def _achieved(tokens: list[Token], gov: Mention, m: Mention, nominals: set[int]) -> bool:
    """Infinitive ``m`` tells what its governor's done act achieved (``mod_result`` in
    events.yaml): the governor is an asserted past or perfect act of no intention class, not
    an object-control verb, and an object or adjunct stands between it and "to" ("scored 20
    points to break the record"; not "decided to move out"). The exclusions are ``result`` in
    events.yaml: an event noun or a noun that takes an infinitive right before "to", a degree
    word, an expletive object, a verb of arranging, a quotation or a dash between."""
    words = lexicon().words
    to = _infinitive_marker(tokens, m)
    between = tokens[gov.index + 1 : to] if to is not None else []
    return bool(
        between
        and m.conjunct_of is None
        and gov.role == Role.VERB
        and gov.modality == Modality.ASSERTED
        and _done(tokens, gov)
        and gov.event_class.lower() not in words["result_not_classes"]
        and gov.lemma not in words["object_control"]
        # a short object or adjunct ("paid a visit in May and July to open"), not a noun's
        # far complement ("worked for years with faith in the freedom of every tenant to vote")
        and len(between) <= settings.RESULT_INFINITIVE_TOKENS
        and between[-1].tag not in _CLAUSE_TAGS
        # a coordinated verb the tagger read as a noun ("reinstated the pressure and aims to
        # keep": the infinitive is the second verb's)
        and not any(
            a.tag in _CLAUSE_TAGS and b.forms & _FINITE_FORMS for a, b in zip(between, between[1:])
        )
        and not any(
            t.tag in _VERBAL_TAGS or "VBG" in t.forms or t.text in words["result_breaks"]
            for t in between
        )
        # an object or adjunct, not adverbs or a particle alone ("fought hard to", "went on to")
        and any(t.tag in _PHRASE_TAGS for t in between)
        and between[-1].lower not in words["result_nouns"]
        and not any(t.lower in words["result_degree"] for t in between)
        and not (len(between) > 1 and between[0].lower in words["result_expletives"])
        # a passive's purpose ("have been set up to carry") and an infinitive with its own
        # subject ("the reason for Zentek to start") tell no done act's result
        and not any(t.tag == "BE" for t in tokens[gov.group_start : gov.index])
        and not any(t.lower in words["for_preps"] for t in between)
        # an event noun's own infinitive ("took the decision to press on"): the noun's
        # complement, not the act's result
        and to - 1 not in nominals
        and gov.lemma not in words["result_arranging"]
    )


_VERBAL_TAGS = ("V", "MODAL", "BE", "HAVE", "DO", "SUB", "REL", "TO")
# "raised by his relatives and to end": a second infinitive of an earlier governor
_CLAUSE_TAGS = ("CONJ",)
_PHRASE_TAGS = ("N", "PROPN", "NUM", "PRON")
_FINITE_FORMS = frozenset({"VBZ", "VBD", "VBP"})


def _govern(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Infinitives and objects of support verbs take their governor's modality."""
    lex = lexicon()
    governed: list[Mention] = []
    last_verb = None  # mentions are in token order: the governor is the last verb before
    nominals = {m.index for m in mentions if m.role == Role.NOMINAL}
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
        elif (
            m.role == Role.VERB
            and gov is not None
            and gov.role == Role.VERB
            and gov.modality in (Modality.EXPECTED, Modality.POTENTIAL)
            and any(t.tag == "MODAL" for t in tokens[gov.group_start : gov.index])
            and not m.infinitive
            and m.group_start == m.index
            and m.index > 0
            and tokens[m.index - 1].lower in lex.words["verb_coordinators"]
            and "VB" in tokens[m.index].forms
            and not any(
                t.tag in ("PRON", "BE", "HAVE", "DO", "MODAL", "SUB", "REL")
                for t in tokens[gov.index + 1 : m.index]
            )
        ):
            # "will cut jobs and close plants", "can crack and leak gas": a bare verb
            # joined to a verb under a modal is under it too, with no clause of its own between
            m = replace(m, modality=gov.modality, tense=gov.tense, aspect=gov.aspect)
        if (
            m.role == Role.VERB
            and gov is not None
            and gov.lemma in lex.words["mandative"]
            and m.group_start == m.index
            and m.tense == Tense.PRESENT
            and "VB" in tokens[m.index].forms
            and any(
                t.lower in lex.words["mandate_complementizers"] and t.tag == "SUB"
                for t in tokens[gov.index + 1 : m.index]
            )
        ):
            # "demanded that the army withdraw": asked, not done
            m = replace(m, tense="none", modality="expected")
        to = _infinitive_marker(tokens, m)
        if (
            m.role == Role.VERB
            and m.infinitive
            and m.modality == Modality.ASSERTED
            and to is not None
            and to > 0
            and tokens[to - 1].lower in lex.words["realized_negating_nouns"]
        ):
            # "his failure to appear", "staff failing to count the inmates": it did not happen
            m = replace(m, modality=Modality.NEGATED)
        if m.role == Role.VERB and m.infinitive and gov is not None:
            if gov.modality in (Modality.POTENTIAL, Modality.NEGATED):
                if m.modality == Modality.ASSERTED:
                    m = replace(m, modality=gov.modality)
            elif m.modality == Modality.ASSERTED and (
                (realized := _realized_complement(tokens, gov, m)) is not None
            ):
                # "managed to escape", "went on to lead", "decided to move out last week": the
                # complement happened, as its governor did; "failed to", "refused to": it did not
                m = replace(m, modality=str(realized))
                if realized == Modality.ASSERTED:
                    m = replace(m, tense=gov.tense, aspect=gov.aspect)
            elif m.modality == Modality.ASSERTED and _achieved(tokens, gov, m, nominals):
                # what a done act achieved happened with it: its governor's tense and aspect,
                # so that ordering dates it within the act (rule infinitive_with_governor), not
                # after it as a plan
                m = replace(m, tense=gov.tense, aspect=gov.aspect)
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
