"""TimeML event classes of mentions from their words and context (event stage).

TimeML gives each event a class: OCCURRENCE, REPORTING, STATE, I_ACTION,
I_STATE, ASPECTUAL or PERCEPTION. The lexical classes live in
``rules/events.yaml`` (``classes``); this module decides the ones that depend
on context: a verb of saying reports only with speech after it ("he added
that ..." but "added 4,500 jobs"), an intensional or aspectual verb keeps its
class only with an event argument ("offered to pay" but "offered a
discount"), and whether a noun names an event at all.
"""

from __future__ import annotations

from timeline.caches import read_cache
from timeline.model import Token

from .lexicon import all_lemmas, lexicon

_QUOTES = ("“", '"', "``", "‘", ":")


@read_cache()
def noun_event(lower: str) -> tuple[bool, str]:
    """Whether a noun names an event, and its lemma.

    Examples:
        >>> noun_event("negotiations"), noun_event("government"), noun_event("arrival")
        ((True, 'negotiation'), (False, 'government'), (True, 'arrival'))
        >>> noun_event("pre-orders")
        (True, 'pre-order')
        >>> noun_event("quarterfinals")
        (True, 'quarterfinal')
    """
    lex = lexicon()
    lemma = all_lemmas(lower).get("NOUN", (lower,))[0].lower()
    prefix, _, last = lower.rpartition("-")
    if prefix and lemma == lower and last:  # "pre-orders": a prefixed noun inflects its last part
        lemma = prefix + "-" + all_lemmas(last).get("NOUN", (last,))[0].lower()
    if lemma == lower and lower.endswith("s") and lower[:-1] in lex.event_nouns:
        lemma = lower[:-1]  # a plural the dictionary does not know: "quarterfinals"
    if lower in lex.not_event_nouns:
        return False, lemma
    if lower in lex.event_nouns or lemma in lex.event_nouns:
        return True, lemma
    if lemma in lex.not_event_nouns:
        return False, lemma
    return _derived(lemma, lex.suffixes), lemma


def _derived(lemma: str, suffixes) -> bool:
    """Whether a noun lemma is a verb's with one of ``suffixes`` (suffix, stem rewrites)."""
    for suffix, rewrites in suffixes:
        if lemma.endswith(suffix) and len(lemma) >= len(suffix) + 4:
            stem = lemma[: -len(suffix)]
            for ending in rewrites:
                verb = stem + ending
                if all_lemmas(verb).get("VERB", ("",))[0] == verb:
                    return True
            break  # only the longest matching suffix counts
    return False


@read_cache()
def argument_nominal(lower: str) -> bool:
    """Whether a noun that is no event by itself is a nominalisation that names one when it
    takes an argument (``argument_suffixes`` of rules/events.yaml): "the placement of the
    antenna".

    Examples:
        >>> argument_nominal("placement"), argument_nominal("integrations")
        (True, True)
        >>> argument_nominal("government"), argument_nominal("summit")
        (False, False)
    """
    lex = lexicon()
    is_event, lemma = noun_event(lower)
    if is_event or lower in lex.not_event_nouns or lemma in lex.not_event_nouns:
        return False
    return _derived(lemma, lex.argument_suffixes)


def has_complement(tokens: list[Token], i: int) -> bool:
    """Whether verb ``i`` takes an event argument: to + verb, a that-clause, a gerund,
    or an object noun phrase headed by an event nominal."""
    j = i + 1
    n = len(tokens)
    lex = lexicon()
    while j < n and tokens[j].tag in ("ADV", "NEG", "PREP"):
        if tokens[j].tag == "PREP" and tokens[j].lower not in lex.words["particles"]:
            break
        j += 1
    if j >= n:
        return False
    tok = tokens[j]
    if (
        tok.tag == "V"
        and "VBG" in tok.forms
        or tok.tag == "SUB"
        and tok.lower in lex.words["complementizers"]
    ):
        return True
    k = j
    while k < n and tokens[k].tag in ("DET", "POSS", "ADJ", "N", "PROPN", "POSSM", "NUM", "PRON"):
        if (
            tokens[k].tag == "N"
            and (k + 1 >= n or tokens[k + 1].tag != "N")
            and noun_event(tokens[k].lower)[0]
        ):
            return True
        k += 1
    if (
        k < n and tokens[k].tag == "V" and "VB" in tokens[k].forms
    ):  # "help rebuild", "make them leave"
        return True
    return (
        k < n
        and tokens[k].tag == "TO"
        and k + 1 < n
        and tokens[k + 1].tag == "V"
        and "VB" in tokens[k + 1].forms
    )


def speech_follows(tokens: list[Token], i: int) -> bool:
    """Whether verb ``i`` is followed by reported speech: a that-clause, a quote or
    colon, a subject pronoun starting a clause, or nothing ("..., he added.").

    Examples:
        >>> from timeline.events.tagger import tag
        >>> from timeline.events.lexicon import tokenize
        >>> speech_follows(tag(tokenize("He added that it rained.")), 1)
        True
        >>> speech_follows(tag(tokenize("The region added 4,500 jobs.")), 2)
        False
    """
    lex = lexicon()
    j = i + 1
    while j < len(tokens) and tokens[j].tag in ("ADV", "NEG"):
        j += 1
    if j >= len(tokens):
        return True
    tok = tokens[j]
    if tok.tag == "PUNCT":
        return (
            tok.text in _QUOTES
            or tok.text in (",", ".", ";", "--", "!", "?")
            or tok.text == "'"
            or tok.text == "\u2019"
        )
    if tok.tag == "SUB":
        return tok.lower in lex.words["complementizers"]
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if tok.tag == "PREP" and tok.lower in lex.words["medium_preps"] and nxt is not None:
        return nxt.tag in ("DET", "POSS", "PROPN")  # "wrote in a letter", "wrote to Harlow"
    if tok.tag == "PROPN" and nxt is not None and nxt.tag == "SUB":  # "wrote Vance that ..."
        return nxt.lower in lex.words["complementizers"]
    return (
        nxt is not None
        and (tok.tag == "PRON" and tok.lower in lex.words["subj_pron"] or tok.tag == "PROPN")
        and (
            nxt.tag in ("MODAL", "BE", "HAVE", "DO")
            or nxt.tag == "V"
            and nxt.forms & {"VBZ", "VBD"}
        )
    )


def verb_class(tokens: list[Token], i: int) -> str:
    """TimeML class of the main verb at token ``i``.

    Examples:
        >>> from timeline.events.tagger import tag
        >>> from timeline.events.lexicon import tokenize
        >>> toks = tag(tokenize("The company offered a discount and refused to pay."))
        >>> verb_class(toks, 2), verb_class(toks, 6)
        ('OCCURRENCE', 'OCCURRENCE')
        >>> toks = tag(tokenize("They agreed to pay, he added."))
        >>> verb_class(toks, 1), verb_class(toks, 6)
        ('I_ACTION', 'REPORTING')
    """
    lex = lexicon()
    lemma = tokens[i].lemma
    cls = lex.class_of.get(lemma, "OCCURRENCE")
    if lemma in lex.needs_complement and not has_complement(tokens, i):
        return "OCCURRENCE"
    if lemma in lex.words["speech_complement"] and not speech_follows(tokens, i):
        return lex.words["speech_fallback"].get(lemma, "OCCURRENCE")
    if lemma in lex.words["placing_verbs"] and _places_someone(tokens, i):
        return "OCCURRENCE"  # "admitted herself to a clinic": she entered it, said nothing
    if lemma in lex.words["small_clause_aspectual"] and _small_clause(tokens, i):
        return "ASPECTUAL"  # "kept shareholders happy", "keep rivals guessing"
    if lemma in lex.words["state_object"] and _holds_object(tokens, i):
        return "STATE"  # "holds a 5% stake", "held power"; but "hold talks" and "was held" happen
    return cls


def _places_someone(tokens: list[Token], i: int) -> bool:
    """Verb ``i`` puts someone somewhere: a person object, or the passive, then "to"/"into"
    and no verb ("admitted herself to a clinic", "was admitted to hospital"; not "admitted to
    lying")."""
    words = lexicon().words
    j = i + 1
    while j < len(tokens) and tokens[j].tag == "ADV":
        j += 1
    if not _after_be(tokens, i):
        if j < len(tokens) and tokens[j].lower in words["placed_persons"]:
            j += 1
        elif j < len(tokens) and tokens[j].tag == "PROPN":
            while j < len(tokens) and tokens[j].tag == "PROPN":
                j += 1
        else:
            return False
    return (
        j + 1 < len(tokens)
        and tokens[j].lower in words["placing_preps"]
        and tokens[j + 1].tag != "V"
    )


def _after_be(tokens: list[Token], i: int) -> bool:
    """Verb ``i`` is a participle after a form of "be" (adverbs between): a passive."""
    j = i - 1
    while j >= 0 and tokens[j].tag in ("ADV", "NEG"):
        j -= 1
    return j >= 0 and tokens[j].tag == "BE" and "VBN" in tokens[i].forms


def _small_clause(tokens: list[Token], i: int) -> bool:
    """Verb ``i`` is followed by an object and its predicate: "kept shareholders happy"."""
    j = i + 1
    start = j
    n = len(tokens)
    while j < n and (
        tokens[j].tag in ("DET", "POSS", "PROPN", "N", "PRON", "POSSM", "NUM")
        or tokens[j].tag in ("ADJ", "V")
        and j + 1 < n
        and tokens[j + 1].tag in ("N", "ADJ")
    ):
        j += 1
    if j == start or j >= n:
        return False
    tok, after = tokens[j], tokens[j + 1].lower if j + 1 < n else ""
    return (
        tok.tag == "ADJ"
        or tok.tag == "V"
        and bool(tok.forms & {"VBG", "VBN"})
        or tok.lower in lexicon().words["result_particles"]
        and after not in lexicon().words["np_complement_preps"]
    )


def _holds_object(tokens: list[Token], i: int) -> bool:
    """Verb ``i`` is active with a noun-phrase object that names no happening."""
    if _after_be(tokens, i):
        return False
    j = i + 1
    while j < len(tokens) and (
        tokens[j].tag == "ADV" or tokens[j].lower in lexicon().words["approximators"]
    ):
        j += 1
    return (
        j < len(tokens)
        and tokens[j].tag in ("DET", "NUM", "POSS", "ADJ", "N", "PROPN")
        and not has_complement(tokens, i)
        and not _names_a_time(tokens, j)
    )


def _names_a_time(tokens: list[Token], j: int) -> bool:
    """The noun phrase at ``j`` is a time ("two weeks ago", "last Monday", "this year"), an
    adjunct of the verb before it rather than its object; "two weeks of rations" is an object."""
    words = lexicon().words
    heads = words["time_units"] | words["calendar_owners"] | words["time_heads"]
    k = j
    while (
        k < len(tokens) and tokens[k].tag in ("DET", "NUM", "ADJ") and tokens[k].lower not in heads
    ):
        k += 1
    # "two weeks of rations", "last year's seats": the time only qualifies the object
    return (
        k < len(tokens)
        and tokens[k].lower in heads
        and not (k + 1 < len(tokens) and tokens[k + 1].lower in words["time_qualifies"])
    )
