"""A small rule-based part-of-speech tagger for the event stage.

No statistical tagger is available, so the tagger combines the closed word
classes of ``rules/events.yaml`` with the open classes of
:func:`timeline.lexicon.analyze` and settles ambiguous words ("talks",
"meeting", "set", "shares") from their neighbours: determiners before nouns,
auxiliaries and "to" before verbs, subject nouns before finite verbs,
participles before nouns as modifiers. This module tags closed-class words
and runs the sentence; the decisions for open-class words are in
:mod:`timeline.events.open_tags`, which records the id of its rule on the token.
"""

from __future__ import annotations

import re

from timeline.model import Token

from . import clauses
from .clauses import is_finite
from .lexicon import (  # noqa: F401 (tokenize: doctests)
    Lexicon,
    analyze,
    in_dictionary,
    is_number,
    lexicon,
    title_case,
    tokenize,
    unpunctuated,
)
from .open_tags import open_tag_rule

_PUNCT = re.compile(r"^[^\w]+$")


def _to_takes_noun(prev: Token | None, nxt: Token | None, lex: Lexicon) -> bool:
    """Whether "to" in a headline is a preposition: after a verb or adjective whose "to" takes
    a noun or a gerund (``to_noun_verbs``, ``to_noun_adjectives``) and before a word that can
    be a noun or is a gerund ("Confesses To Murder"), where an infinitive marker would make a
    verb, and a planned one, of the headline's bare noun. The caller asks only in a headline:
    in a sentence a bare noun after a preposition reads as generic (mentions.yaml
    ``after_preposition``), and the verb reading at least keeps the event."""
    if prev is None or nxt is None:
        return False
    if not (
        prev.tag == "V"
        and prev.lemma in lex.words["to_noun_verbs"]
        or prev.lower in lex.words["to_noun_adjectives"]
    ):
        return False
    pos, forms, _ = analyze(nxt.lower)
    return "N" in pos or "VBG" in forms


def _closed_tag(
    tok: Token,
    prev: Token | None,
    nxt: Token | None,
    lex: Lexicon,
    subject_before: bool = False,
    headline: bool = False,
) -> str:
    tags = lex.closed[tok.lower]
    if tok.lower == "that" and prev is not None and prev.lower in lex.words["calendar_owners"]:
        return "SUB"  # "reported in February that Iran had ...": a date is no antecedent
    if tok.lower in lex.words["relative_pronouns"]:
        if (
            prev is not None
            and prev.tag in ("N", "PROPN", "NUM")
            or tok.lower == "who"
            and prev is not None
            and prev.text == ","
            or tok.lower == "which"
            and subject_before
        ):
            return "REL"
        if (
            tok.lower == "that"
            and prev is not None
            and prev.tag not in ("V", "PUNCT", "ADV", "SUB", "CONJ", "ADJ")
        ):
            return "DET"
        return "SUB"
    if tok.lower == "so" and nxt is not None and nxt.lower == "far":
        return "ADV"  # "has so far reached"
    if (
        tok.lower in lex.words["floating_quantifiers"]
        and prev is not None
        and prev.tag in ("BE", "HAVE", "MODAL", "DO")
        and nxt is not None
        and nxt.lower not in lex.closed
        and (
            analyze(nxt.lower)[1] & {"VBN", "VBG"}
            or prev.tag in ("MODAL", "DO")
            and "VB" in analyze(nxt.lower)[1]
        )
    ):
        # "were all approved", "have both agreed", "will all vote": it floats off the
        # subject; not before a noun ("is all cash")
        return "ADV"
    if (
        tok.lower in lex.words["degree_words"]
        and nxt is not None
        and lex.closed.get(nxt.lower) == ("ADV",)
    ):
        return "ADV"  # "will most likely push": it grades the adverb, no noun follows
    if "PRON" in tags and "NUMWORD" in tags and nxt is not None and nxt.lower not in lex.closed:
        pos, forms, _ = analyze(nxt.lower)
        if "N" in pos and not forms & {"VBZ", "VBD"}:
            return "NUM"  # "One fan left": a number before its noun; "one hopes", "one of": who
    if tok.lower in lex.words["would_clitic"]:
        return "MODAL" if nxt is not None and "VB" in analyze(nxt.lower)[1] else "HAVE"
    if "TO" in tags:
        return "PREP" if headline and _to_takes_noun(prev, nxt, lex) else "TO"
    if (
        tok.lower in lex.words["clause_preps"]
        and nxt is not None
        and nxt.lower in lex.closed
        and "DET" in lex.closed[nxt.lower]
    ):
        return "PREP"
    for tag in (
        "MODAL",
        "BE",
        "HAVE",
        "DO",
        "NEG",
        "PRON",
        "POSS",
        "DET",
        "CONJ",
        "SUB",
        "PREP",
        "ADV",
        "NUMWORD",
    ):
        if tag in tags:
            return "NUM" if tag == "NUMWORD" else tag
    return tags[0]


def tag(tokens: list[Token], names: frozenset = frozenset()) -> list[Token]:
    """Tag the tokens of one sentence in place (and return them).

    ``names`` are words the document writes capitalized inside sentences
    (proper names): at the start of a sentence they stay names.

    Examples:
        >>> [t.tag for t in tag(tokenize("The coalition is set to hold talks."))]
        ['DET', 'N', 'BE', 'V', 'TO', 'V', 'N', 'PUNCT']
        >>> [t.tag for t in tag(tokenize("The 49ers fired coach Lind in the 1990s."))]
        ['DET', 'PROPN', 'V', 'N', 'PROPN', 'PREP', 'DET', 'NUM', 'PUNCT']
        >>> [t.tag for t in tag(tokenize("Ruiz said the plan serves no one."))]
        ['PROPN', 'V', 'DET', 'N', 'V', 'DET', 'PRON', 'PUNCT']
        >>> [t.tag for t in tag(tokenize("It struck at 11 am and at 3 PM."))]
        ['PRON', 'V', 'PREP', 'NUM', 'NUM', 'CONJ', 'PREP', 'NUM', 'NUM', 'PUNCT']
        >>> [t.tag for t in tag(tokenize("Buyers placed 40 pre-orders by 9 am."))]
        ['N', 'V', 'NUM', 'N', 'PREP', 'NUM', 'NUM', 'PUNCT']
    """
    lex = lexicon()
    finite = False
    reported = False  # a clause with no complementizer may follow a verb of saying (see below)
    first = True
    letters = [c for tok in tokens for c in tok.text if c.isalpha()]
    # a sentence in capitals ("FLOODS FORCE THOUSANDS FROM HOMES") says nothing by case: its
    # words are read as lower case, and only those no dictionary knows are names
    shouting = len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.9 * len(letters)
    # a headline in title case ("Varga Checks Into Clinic") capitalizes its common words: a
    # word the dictionary knows is read as lower case unless the document uses it as a name
    titled = not shouting and title_case(tokens)
    headline = unpunctuated(tokens)
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.text in lex.words["plural_possessive"]
            and prev is not None
            and prev.tag in ("PROPN", "N")
            and prev.lower.endswith("s")
            and nxt is not None
            and nxt.text[:1].isalnum()
            and lex.closed.get(nxt.lower, ("NUMWORD",)) == ("NUMWORD",)
        ):
            tok.tag = "POSSM"
            first = False
            continue
        if _PUNCT.match(tok.text):
            tok.tag = "PUNCT"
            if reported:
                finite, reported = True, False
            if tok.text in (";", ":", "--", "—", "``", '"', "“", "(", ")"):
                finite = False
            if tok.text not in ("``", '"', "“", "'", "‘", "("):
                # a colon opens a clause of its own ("'Fears grow': Strike halts trains"), whose
                # first word is capitalized as a sentence's is
                first = tok.text in lex.words["clause_openers"] or (first and tok.text == ";")
            continue
        if tok.text[0].isdigit():
            # digits joined to letters no number takes are a name ("76ers"), not an amount
            tok.tag = "NUM" if is_number(tok.text) else "PROPN"
            first = False
            continue
        if (
            prev is not None
            and prev.tag == "NUM"
            and prev.text[-1:].isdigit()
            and tok.text.isalpha()
            and is_number("0" + tok.text)
        ):
            # a number's suffix written apart still belongs to the number: "at 11 am" is a time
            tok.tag = "NUM"
            first = False
            continue
        capital = tok.text[0].isupper()
        if shouting and tok.text.isalpha():
            if len(tok.text) > 1 and tok.lower not in lex.closed and not in_dictionary(tok.lower):
                tok.tag = "PROPN"
                first = False
                continue
            capital = False
        if (
            titled
            and capital
            and tok.text.isalpha()
            and not tok.text.isupper()
            and tok.text not in names
            and (tok.lower in lex.closed or in_dictionary(tok.lower))
        ):
            capital = False
        if tok.lower in lex.words["possessive_clitic"]:
            tok.tag = "BE" if prev is not None and prev.tag == "PRON" else "POSSM"
            continue
        if (
            not shouting
            and tok.text.isupper()
            and len(tok.text) > 1
            and tok.text.isalpha()
            or not shouting
            and not tok.text[0].isupper()
            and any(c.isupper() for c in tok.text)
            and tok.text.replace("-", "").isalpha()
        ):  # "al-Sudani", and camel case: "eMusic", "iPad"
            tok.tag = "PROPN"
            first = False
            continue
        if (
            capital
            and first
            and tok.lower not in lex.closed
            and (
                tok.text in names
                or nxt is not None
                and (
                    nxt.text[:1].isupper() or "-" in nxt.text and any(c.isupper() for c in nxt.text)
                )
            )
        ):
            tok.tag = "PROPN"
            first = False
            continue
        if (
            capital
            and tok.lower in lex.words["months"]
            and nxt is not None
            and nxt.text[:1].isdigit()
        ):
            tok.tag = "PROPN"  # a date, also opening a line: "March 06, 2008", "May 23"
            first = False
            continue
        if (
            tok.text == "May"
            and not first
            and (
                prev is not None
                and prev.tag in ("PREP", "NUM", "DET", "POSS", "POSSM")
                or nxt is not None
                and nxt.text[:1].isdigit()
            )
        ):
            # the month: "in May", "May 23", "last May", "their May launch", "Apple's May event"
            tok.tag = "PROPN"
            first = False
            continue
        if (
            capital
            and not first
            and prev is not None
            and prev.tag == "PROPN"
            and nxt is not None
            and nxt.text[:1].isupper()
            and set(lex.closed.get(tok.lower, ())) & {"PREP", "DET"}
        ):
            tok.tag = "PROPN"  # "Zentek For Imaging", "Friends Of The Lake": a name's word
            continue
        verb_slot = (
            prev is not None
            and prev.tag in ("MODAL", "DO", "NEG", "TO")
            and "V" in analyze(tok.lower)[0]
        )
        if tok.lower in lex.closed and not (
            verb_slot and tok.lower in lex.words["verb_homographs"]
        ):
            tok.tag = _closed_tag(
                tok, prev, nxt, lex, clauses.subject_before_comma(tokens, i), headline
            )
            if tok.tag in ("SUB",):
                finite = False
            if reported and tok.tag in ("PREP", "SUB", "CONJ", "REL"):
                finite, reported = tok.tag not in ("SUB", "REL"), False
            if tok.tag in ("MODAL", "BE", "HAVE", "DO") and prev is not None and prev.tag != "TO":
                finite = True
            tok.lemma = tok.lower
            first = False
            continue
        tok.pos, tok.forms, tok.lemma = analyze(tok.lower)
        # a capitalized word no dictionary knows opens a sentence as a name ("Ukraine and Russia
        # exchanged"), unless its ending makes it a verb form ("Downsized", "Retooling")
        unknown_name = (
            capital
            and first
            and tok.pos == {"N"}
            and tok.lower.isalpha()
            and not in_dictionary(tok.lower)
        )
        if capital and (
            not first or not tok.pos or unknown_name or tok.text.isupper() and len(tok.text) > 1
        ):
            tok.tag = "PROPN"
        elif capital and prev is not None and prev.tag == "PROPN" and "V" not in tok.pos:
            tok.tag = "PROPN"
        else:
            tok.tag, tok.rule = open_tag_rule(tokens, i, finite, lex)
        if (
            tok.tag == "V"
            and tok.forms & {"VBD", "VBZ", "VBP"}
            and (prev is None or prev.tag != "TO")
        ):
            finite = True
        if tok.tag == "V" and reported:
            reported = False  # the reported clause has its verb
        if (
            tok.tag == "V"
            and tok.forms & {"VBD", "VBZ", "VBP"}
            and prev is not None
            and prev.tag in ("N", "PROPN", "PRON")
            and tok.lemma in lex.words["clause_object_verbs"]
            and nxt is not None
            and {"DET", "POSS"} & set(lex.closed.get(nxt.lower, ()))
        ):
            # a verb of saying or thinking right after its subject, before a determiner, often
            # takes a clause with no complementizer ("said the firm plans a sale"), whose verb
            # is finite too; a preposition or punctuation before that verb shows phrases, no
            # clause ("said in a talk at his farm offices")
            finite, reported = False, True
        first = False
    _clause_after_prep(tokens, lex)
    return tokens


def _clause_after_prep(tokens: list[Token], lex: Lexicon) -> None:
    """A clause preposition before a short noun phrase and a finite verb form opens a clause
    (in place): "after the river burst its banks", "until the strike ends" ("after" before a
    determiner was read as a preposition before the verb was known). Not before a passive's
    "by" ("after the attacks carried out by rebels")."""
    for i, tok in enumerate(tokens):
        if tok.tag != "PREP" or tok.lower not in lex.words["clause_preps"]:
            continue
        k = i + 1
        if k >= len(tokens) or tokens[k].tag not in ("DET", "POSS"):
            continue
        k += 1
        while k < len(tokens) and k - i <= 4 and tokens[k].tag in ("ADJ", "NUM", "N", "PROPN"):
            k += 1
        if (
            k < len(tokens)
            and tokens[k - 1].tag in ("N", "PROPN")
            and tokens[k].tag == "V"
            and tokens[k].forms & {"VBD", "VBZ", "VBP"}
            and not any(t.lower in lex.words["agent_preps"] for t in tokens[k + 1 : k + 3])
            and not ("VBN" in tokens[k].forms and _finite_later(tokens, k + 1))
        ):
            tok.tag = "SUB"


def _finite_later(tokens: list[Token], k: int) -> bool:
    """A finite verb form follows before the clause ends: "after the bomb planted in the car
    exploded" makes "planted" a reduced relative's participle, not the clause's verb."""
    for tok in tokens[k:]:
        if tok.tag in ("PUNCT", "SUB", "CONJ", "REL"):
            return False
        if is_finite(tok):
            return True
    return False
