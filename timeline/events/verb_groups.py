"""The verb group of a main verb and the participles that are no event (event stage).

For :mod:`timeline.mentions`: the auxiliaries, negations, adverbs and plan cues
before a main verb (:func:`verb_group`), the tense, aspect, modality, plan and
infinitive they give it (:func:`verb_attributes`), and the tests that set a
verb aside: a participle that only describes a noun (:func:`is_modifier_participle`) and a
broadcast hand-over to a reporter (:func:`is_handoff`).
"""

from __future__ import annotations

from timeline.model import Token

from . import clauses
from .clauses import is_finite
from .lexicon import lexicon

_OPEN_QUOTES = ("“", '"', "``", "‘")


def verb_group(tokens: list[Token], i: int, cues: set) -> list[Token]:
    """Auxiliaries, negations, adverbs and plan cues before main verb ``i``."""
    j = i - 1
    while j >= 0 and (
        tokens[j].tag in ("ADV", "NEG", "MODAL", "BE", "HAVE", "DO", "TO")
        or j in cues
        or tokens[j].text in _OPEN_QUOTES
    ):
        j -= 1
    return tokens[j + 1 : i]


def verb_counts(tokens: list[Token]) -> tuple[list[int], int]:
    """Per sentence, once: how many verbal tokens follow each token, and how many tokens are
    finite verbs, so that each verb's checks need not rescan the sentence (quadratic in a
    long one).

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> verb_counts(tag(tokenize("He said they left.")))
        ([2, 1, 1, 0, 0], 2)
    """
    after, count = [0] * len(tokens), 0
    for k in range(len(tokens) - 1, -1, -1):
        after[k] = count
        count += tokens[k].tag in clauses.VERBAL
    return after, sum(is_finite(t) for t in tokens)


def verb_attributes(tokens, i, group, plan_cue, finite_before, main=False, counts=None):
    lex = lexicon()
    verbal_after, finite_total = counts if counts is not None else verb_counts(tokens)
    tok = tokens[i]
    tense, aspect, modality, plan = "none", "none", "asserted", False
    infinitive = bool(group) and any(t.tag == "TO" for t in group) and "VB" in tok.forms
    core = [
        t for t in group if t.tag not in ("ADV", "NEG", "PUNCT")
    ]  # an opening quote is no auxiliary
    if plan_cue is not None:
        plan = True
        modality = "potential" if plan_cue.lower in lex.words["plan_potential"] else "expected"
        be = [t.lower for t in group if t.tag == "BE"]
        tense = "future" if any(w in lex.words["present_be"] for w in be) else "none"
        infinitive = False
    # the tagger settles "'d": would before a plain verb ("he'd resign"), had otherwise
    # ("he'd left")
    modal = next((t.lower for t in group if t.tag == "MODAL"), None)
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
            tense = (
                "past"
                if have in lex.words["past_have"]
                else "present"
                if have in lex.words["present_have"]
                else tense
            )
    elif core and core[-1].tag == "BE" and ("VBG" in tok.forms or "VBN" in tok.forms):
        if "VBG" in tok.forms:
            aspect = "progressive"
        if modal is None and not infinitive and not plan:
            tense = (
                "present"
                if core[-1].lower in lex.words["present_be"]
                else "past"
                if core[-1].lower in lex.words["past_be"]
                else tense
            )
    elif any(t.tag == "DO" for t in core) and modal is None:
        do = next(t.lower for t in core if t.tag == "DO")
        tense = "past" if do in lex.words["past_do"] else "present"
    elif not core:
        if "VBZ" in tok.forms:
            tense = "present"
        elif "VBD" in tok.forms:
            prev = tokens[i - 1] if i else None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            # a verb of saying that closes its clause is the finite report of a postposed speaker:
            # "..., officials in Kyiv said." (a participle would take a complement after it)
            # ... and so is one right after the quote or comma it follows: '"No," said Costa.'
            closing_report = lex.class_of.get(tok.lemma) == "REPORTING" and (
                nxt is None
                or nxt.tag == "PUNCT"
                or prev is not None
                and prev.text in _QUOTE_ENDS
                or prev is not None
                and prev.tag in ("N", "PROPN")
                and not verbal_after[i]
            )
            #   ... or that ends its sentence with an adjunct: ", a spokesperson said on Saturday."
            # a past form with a direct object after it is finite: "floods in the region killed
            # 17 people"
            has_object = (
                nxt is not None
                and not finite_before
                and (
                    nxt.tag in ("DET", "NUM", "POSS")
                    or nxt.tag == "ADJ"
                    and i + 2 < len(tokens)
                    and tokens[i + 2].tag == "N"
                )
            )
            # a participle describes a noun of a clause whose verb stands elsewhere: with no finite
            # verb before or after it, a past form is that verb ("The talks on Monday ended."), and
            # a verb of saying followed by the clause it reports is that report, not a participle
            # describing the noun before it ("The mayor of Leeds said on Friday that ...")
            main = (
                main
                or not (finite_total - is_finite(tok))
                or lex.class_of.get(tok.lemma) == "REPORTING"
                and reports_clause(tokens, i)
                or _reports_subject_before(tokens, i)
            )
            participle = (
                "VBN" in tok.forms
                and tok.lemma not in lex.words["intransitive"]
                and prev is not None
                and prev.tag != "PRON"
                and not closing_report
                and not main
                and (
                    _in_pp(tokens, i - 1)
                    and not has_object
                    or nxt is not None
                    and nxt.lower in lex.words["agent_preps"]
                    and clauses.agent_phrase(
                        tokens, i + 2
                    )  # "started by arsonists", not "by hinting" or "by a third"
                    or finite_before
                    and prev.tag != "PROPN"
                )
            )
            tense = "none" if participle else "past"
        elif (
            "VBP" in tok.forms
            and not finite_before
            and i > len(group)
            and tokens[i - len(group) - 1].tag in ("PRON", "N", "PROPN", "REL")
        ):
            tense = "present"  # after its subject, or after an adverb there: "which still receive"
    if any(t.tag == "NEG" for t in group):
        modality = "negated"
    return tense, aspect, modality, plan, infinitive


_QUOTE_ENDS = (",", '"', "''", "”", "’")


def reports_clause(tokens: list[Token], i: int) -> bool:
    """Whether the clause a verb of saying reports follows verb ``i``, past a date adjunct: a
    complementizer ("said on Friday that"), or a subject and its finite verb ("said talks would
    resume", "told reporters on Monday he would stay" is not: its object comes first).

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> reports_clause(tag(tokenize("The mayor of Leeds said on Friday that it would")), 4)
        True
        >>> reports_clause(tag(tokenize("The mayor of Leeds said talks would resume")), 4)
        True
        >>> reports_clause(tag(tokenize("The figures reported on Friday rose")), 2)
        False
    """
    return reported_verb(tokens, i) is not None


def reported_verb(tokens: list[Token], i: int) -> int | None:
    """Where the clause that verb of saying ``i`` reports has its finite verb, when that clause
    follows with no complementizer: its subject, then the verb ("said the quake struck at noon",
    "said talks would resume"); the complementizer's position when there is one; else None.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> reported_verb(tag(tokenize("The survey said the main tremor struck at noon")), 2)
        6
        >>> reported_verb(tag(tokenize("She told reporters on Monday he would stay")), 1) is None
        True
    """
    lex = lexicon()
    k = i + 1
    while k < len(tokens) and tokens[k].tag == "ADV":
        k += 1
    if (
        k + 1 < len(tokens)
        and tokens[k].tag == "PREP"
        and tokens[k + 1].lower in lex.words["calendar_owners"]
    ):
        k += 1
    while k < len(tokens) and (
        tokens[k].lower in lex.words["calendar_owners"]
        or tokens[k].lower in lex.words["time_heads"]
    ):
        k += 1
    if k >= len(tokens):
        return None
    if tokens[k].lower in lex.words["complementizers"] and tokens[k].tag == "SUB":
        return k
    if tokens[k].tag == "PRON" and tokens[k].lower in lex.words["subj_pron"]:
        end = k + 1
    elif tokens[k].tag in ("N", "PROPN", "DET", "NUM", "ADJ", "POSS"):
        end = clauses.np_right(tokens, k, len(tokens))
    else:
        return None
    while end < len(tokens) and tokens[end].tag in ("ADV", "NEG"):
        end += 1
    return end if end < len(tokens) and is_finite(tokens[end]) else None


def _reports_subject_before(tokens: list[Token], i: int) -> bool:
    """Whether past form ``i`` follows the subject of a clause reported with no complementizer
    after a verb whose object is mostly a clause (``clause_object_verbs``: not "denied petitions
    filed by"), and no finite verb of that clause comes after it: the reported clause's own
    verb ("said the main tremor struck at noon"), not a participle describing the noun before
    it ("said the report issued on Monday was wrong")."""
    lex = lexicon()
    r = i - 1
    while r >= 0 and tokens[r].tag != "V":
        if tokens[r].tag in ("PUNCT", "SUB", "REL", "CONJ") or is_finite(tokens[r]):
            return False
        r -= 1
    if (
        r < 0
        or tokens[r].lemma not in lex.words["clause_object_verbs"]
        or reported_verb(tokens, r) != i
    ):
        return False
    infinitive = False  # inside an infinitive's auxiliaries: "appeared to have been speeding"
    for later in tokens[i + 1 :]:
        if later.tag in ("PUNCT", "SUB", "REL", "CONJ"):
            return True
        infinitive = later.tag == "TO" or infinitive and later.tag in ("BE", "HAVE", "ADV")
        if infinitive:
            continue
        if later.tag in ("MODAL", "BE", "HAVE", "DO") or later.tag == "V" and "VBZ" in later.forms:
            return False
    return True


def _in_pp(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` ends a noun phrase inside a prepositional phrase."""
    if j < 0 or tokens[j].tag not in ("N", "PROPN"):
        return False
    left = clauses.np_left(tokens, j)
    return left > 0 and tokens[left - 1].tag == "PREP"


def is_modifier_participle(tokens: list[Token], i: int, finite_before: bool) -> bool:
    """A participle that only describes a noun ("costs related to", "61%-owned", "the quarter
    ended")."""
    lex = lexicon()
    tok = tokens[i]
    if tok.lower in lex.words["modifier_participles"]:
        return True
    if (
        tok.lower in lex.words["naming_participles"]
        and i
        and tokens[i - 1].tag == "N"
        and finite_before
    ):
        return True
    if (
        i
        and tokens[i - 1].end == tok.start
        and tokens[i - 1].text.endswith("-")
        and "VBN" in tok.forms
    ):
        return True
    if (
        i
        and tokens[i - 1].tag == "DET"
        and "VBN" in tok.forms
        and i + 1 < len(tokens)
        and (tokens[i + 1].tag == "NUM" or tokens[i + 1].text in lex.words["money_signs"])
    ):
        return True  # "an estimated 3,000 fans": a participle qualifying a quantity
    if (
        "VBG" in tok.forms
        and i + 1 < len(tokens)
        and tokens[i + 1].tag == "N"
        and (i == 0 or tokens[i - 1].tag in ("DET", "POSS", "ADJ", "POSSM", "NUM"))
    ):
        return True  # "operating profit", "the ruling party": a participle naming a kind
    return (
        tok.lower in lex.words["period_participles"]
        and i > 0
        and tokens[i - 1].lower in lex.words["period_nouns"]
    )


def is_handoff(tokens: list[Token], i: int, j: int) -> bool:
    """A broadcast hand-over to a reporter: "Dana Ruiz has more.", "Omar Lind has the latest"."""
    lex = lexicon()
    if i == 0 or tokens[i - 1].tag != "PROPN":
        return False
    while (
        j < len(tokens)
        and tokens[j].tag in ("DET", "POSS")
        and tokens[j].lower not in lex.words["handoff_objects"]
    ):
        j += 1
    return (
        j < len(tokens)
        and tokens[j].lower in lex.words["handoff_objects"]
        and (
            j + 1 >= len(tokens)
            or tokens[j + 1].tag == "PUNCT"
            or tokens[j + 1].lower in lex.words["handoff_preps"]
        )
    )
