"""Tags of open-class words for :mod:`timeline.tagger`: a decision list over a word's
dictionary analyses (:func:`timeline.lexicon.analyze`) and its neighbours, settling the
ambiguous ones ("talks", "meeting", "set", "shares"): determiners before nouns, auxiliaries
and "to" before verbs, subject nouns before finite verbs, participles before nouns as
modifiers. Word lists are in ``rules/events.yaml``.
"""

from __future__ import annotations

import re

import lemminflect

from .lexicon import Lexicon, Token, analyze

_PUNCT = re.compile(r"^[^\w]+$")
_SKIP = ("ADV", "NEG")
_QUOTES = ("``", '"', "“", "‘", "'", "(")


def _peek(tok: Token | None, lex: Lexicon) -> str:
    """A rough class of a token not tagged yet: END, PUNCT, NUM, PROPN, a closed tag, NOUN or OPEN."""
    if tok is None:
        return "END"
    if _PUNCT.match(tok.text):
        return "PUNCT"
    if tok.text[0].isdigit():
        return "NUM"
    if tok.lower in lex.words["wh_relatives"]:
        return "REL"
    if tok.lower in lex.closed:
        return lex.closed[tok.lower][0]
    if tok.text[0].isupper():
        return "PROPN"
    pos = analyze(tok.lower)[0]
    return (
        "NOUN"
        if "N" in pos and "V" not in pos or pos == {"N", "V"} and tok.lower.endswith("s") is False
        else "OPEN"
    )


def _continues_verb(tokens: list[Token], i: int, prev: Token | None, lex: Lexicon) -> bool:
    """Whether a participle continues a verb: the complement of "begin", "consider", or
    coordinated with an earlier verb of the same form ("and tightening security")."""
    if prev is None:
        return False
    if prev.tag == "V":
        return prev.lemma in lex.class_of and "VBG" in tokens[i].forms
    if prev.tag == "CONJ":
        last = next((t for t in reversed(tokens[: i - 1]) if t.tag == "V"), None)
        return last is not None and bool(last.forms & tokens[i].forms & {"VBG", "VBD"})
    return False


def _compound_subject(tokens: list[Token], i: int, lex: Lexicon) -> bool:
    """Word ``i`` ends a noun compound ("a rate cut", "the price rise", singular modifier)
    and an auxiliary or copula follows after only noun-phrase and prepositional material
    ("in March", "this year"): it is the subject's head, and the auxiliary its verb."""
    modifier = tokens[i - 1].lower
    if lemminflect.getAllLemmas(modifier).get("NOUN", (modifier,))[0] != modifier:
        return False  # a plural before it is a head: "heavy rains forecast for the weeks are"
    k = i - 1
    while k >= 0 and tokens[k].tag in ("N", "ADJ", "NUM", "CONJ"):
        k -= 1
    if k >= 0 and tokens[k].tag not in ("DET", "POSS", "POSSM"):
        return False
    j = i + 1
    while j < len(tokens):
        seen = _peek(tokens[j], lex)
        if seen in ("MODAL", "BE", "HAVE"):
            return True
        if seen not in ("PREP", "DET", "NUM", "PROPN", "NOUN", "POSS"):
            return False
        j += 1
    return False


def _previous(tokens: list[Token], i: int) -> Token | None:
    """The nearest earlier token that is not an adverb or negation."""
    j = i - 1
    while j >= 0 and (tokens[j].tag in _SKIP or tokens[j].text in _QUOTES):
        j -= 1
    return tokens[j] if j >= 0 else None


def open_tag(tokens: list[Token], i: int, finite: bool, lex: Lexicon) -> str:
    """The tag of open-class word ``i`` from its analyses and its neighbours (those before it
    are tagged already; ``finite``: a finite verb came before it in its clause).

    Examples:
        >>> from timeline.events.lexicon import lexicon, tokenize
        >>> from timeline.events.tagger import tag
        >>> tokens = tag(tokenize("The talks ended."))
        >>> tokens[1].tag = ""
        >>> open_tag(tokens, 1, False, lexicon())
        'N'
    """
    tok = tokens[i]
    pos, forms = tok.pos, tok.forms
    if len(pos - {"ADV"}) == 0:
        return "ADV" if pos else "N"
    prev = _previous(tokens, i)
    p = prev.tag if prev is not None else "START"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.lower == "far" and i and tokens[i - 1].lower in ("so", "thus"):
        return "ADV"  # "has so far reached"
    if (
        tok.lower in lex.words["time_shifts"]
        and nxt is not None
        and (nxt.lower in lex.words["time_heads"] or nxt.lower in lex.words["calendar_owners"])
    ):
        return "ADJ"  # "held talks last spring": a time, not a noun after the object
    if "V" in pos and "N" in pos and p == "N" and _compound_subject(tokens, i, lex):
        return "N"  # "a rate cut in March is possible": the head of the subject, not its verb
    if (
        "V" in pos
        and "VB" in forms
        and p in ("N", "PROPN")
        and nxt is not None
        and nxt.tag == ""
        and analyze(nxt.lower)[1] == {"VBG"}
        and lex.class_of.get(tok.lemma) == "ASPECTUAL"
    ):
        return "V"  # an aspectual verb and its gerund after the subject: "that the Union stop importing"
    if (
        "V" in pos
        and forms & {"VBZ", "VBD"}
        and p in ("N", "PROPN", "PRON")
        and nxt is not None
        and nxt.lower in lex.words["back_particles"]
    ):
        return (
            "V"  # "the dispute dates back to 1972", "the bank scales back": a verb and its particle
        )
    if tok.lower in lex.words["back_particles"] and p == "V":
        return "ADV"
    if tok.lower in lex.words["verb_adverbs"] and p in (
        "N",
        "PROPN",
        "PRON",
        "BE",
        "HAVE",
        "MODAL",
    ):
        k = i + 1
        while k < len(tokens) and (
            tokens[k].lower in lex.closed
            and lex.closed[tokens[k].lower] == ("ADV",)
            or tokens[k].lower not in lex.closed
            and analyze(tokens[k].lower)[0] == {"ADV"}
        ):
            k += 1  # past other adverbs: "China first formally claimed"
        if k < len(tokens) and {"VBD", "VBZ", "VBN"} & analyze(tokens[k].lower)[1]:
            return "ADV"  # before its verb: "Wang last visited", "which were first announced"
    if (
        "VBG" in forms
        and p in ("START", "CONJ")
        and nxt is not None
        and nxt.lower in lex.closed
        and {"BE", "HAVE", "MODAL"} & set(lex.closed[nxt.lower])
    ):
        return "N"  # a gerund subject before its auxiliary: "and fighting has continued"
    if (
        "ADV" in pos
        and "V" not in pos
        and p in ("N", "PROPN")
        and nxt is not None
        and nxt.tag == ""
        and {"VBD", "VBZ"} & analyze(nxt.lower)[1]
        and "N" not in analyze(nxt.lower)[0]
    ):
        return "ADV"  # between a subject and its verb: "the Commission first presented"
    if (
        forms & {"VBG", "VBN"}
        and p in ("PREP", "N", "CONJ", "V", "START")
        and _peek(nxt, lex) == "NOUN"
        and not _continues_verb(tokens, i, prev, lex)
    ):
        if (
            "VBG" in forms
            and p != "START"
            or "VBN" in forms
            and "VB" not in forms
            and p in ("PREP", "CONJ", "START")
        ):
            return "ADJ"  # prenominal modifiers: "of piloting opportunities", "of subordinated debentures"
    if (
        forms & {"VBN"}
        and p == "PROPN"
        and i > 1
        and tokens[i - 2].tag == "V"
        and nxt is not None
        and nxt.text[:1].islower()
        and nxt.lower not in lex.closed
        and analyze(nxt.lower)[0] & {"N", "ADJ"}
        and lex.class_of.get(tokens[i - 2].lemma) != "REPORTING"
        and tokens[i - 2].lemma not in lex.words["complement"]
    ):
        return "ADJ"  # inside a verb's object: "importing Russian liquefied natural gas"
    if "V" in pos and p in ("DET", "POSS", "POSSM", "ADJ", "NUM") and nxt is not None:
        nxt_noun = (
            nxt.tag in ("", "PROPN")
            and nxt.text[:1].isalpha()
            and nxt.lower not in lex.closed
            and "N" in (analyze(nxt.lower)[0] or {"N"})
        )
        if forms & {"VBN", "VBD"} and "VB" not in forms and nxt_noun:
            return "ADJ"
        if "VBG" in forms:
            return "ADJ" if nxt_noun else "N"
    if len(pos - {"ADV"}) == 1:
        only = next(iter(pos - {"ADV"}))
        if (
            only == "V"
            and tok.lower in lex.words["never"]
            and p not in ("BE", "HAVE", "MODAL", "DO", "TO")
        ):
            return "PREP"
        return only
    after = nxt
    k = i + 1
    while (
        after is not None
        and after.lower in lex.closed
        and lex.closed[after.lower] == ("ADV",)
        and k + 1 < len(tokens)
    ):
        k += 1
        after = tokens[k]  # look past "also", "still": "Harbor Mills shares also fell"
    if (
        "V" in pos
        and "N" in pos
        and after is not None
        and after.text[:1].islower()
        and after.lower not in lex.closed
        and p not in ("TO", "MODAL", "DO", "HAVE", "BE", "PRON", "REL")
    ):
        npos, nforms, _ = analyze(after.lower)
        if (
            "VBD" in nforms
            and not ({"VBD", "VBN"} & forms and "N" not in npos)
            or "VBZ" in nforms
            and "N" not in npos
        ):
            return "N"
        if "VBZ" in nforms and not forms & {"VBZ", "VBD", "VBG"} and p in ("PROPN", "N"):
            return "N"  # "the Brandt group controls"
    if "V" in pos:
        if p == "TO" and "VB" in forms:
            return "V"
        if p in ("MODAL", "DO") and "VB" in forms:
            return "V"
        if p == "HAVE" and "VBN" in forms:
            return "V"
        if p == "BE" and forms & {"VBG", "VBN"}:
            return "V"
        if (
            p in ("PRON",)
            and prev.lower in lex.words["subj_pron"]
            and forms & {"VBD", "VBZ", "VBP"}
        ):
            return "V"
        if (
            tok.lemma in lex.words["verb_first"]
            and p in ("N", "PROPN", "PRON", "NUM", "REL")
            and (
                "VBD" in forms
                or "VBZ" in forms
                and not prev.lower.endswith("s")
                or "VBP" in forms
                and (prev.lower.endswith("s") or p == "PRON")
            )
        ):
            return "V"  # a subject agreeing with a frequent verb: "the oil comes from", "officials say"
        if (
            p == "SUB"
            and forms & {"VBD", "VBZ"}
            and (
                prev.lower in lex.words["wh_relatives"]
                or prev.lower in lex.words["relative_pronouns"]
                and (i < 2 or tokens[i - 2].tag == "PUNCT")
            )
        ):
            return "V"  # "which fell to", "That shows"
        if (
            p in ("N", "PROPN")
            and "VBP" in forms
            and prev.lower.endswith("s")
            and tok.lemma in lex.class_of
            and not (i > 1 and tokens[i - 2].lower in lex.words["singular_dets"])
        ):
            return "V"  # a plural subject before a verb of a TimeML class: "officials say", "Danes want"
        if (
            p == "PROPN"
            and forms <= {"VB", "VBP"}
            and not prev.lower.endswith("s")
            and (pos & {"ADJ", "N"})
            and (i < 2 or tokens[i - 2].tag != "CONJ")
        ):
            return (
                "ADJ" if "ADJ" in pos else "N"
            )  # a singular name takes no plain-form verb: "Exchange composite"
        if (
            "VBZ" in forms
            and "N" in pos
            and p in ("ADJ", "PROPN", "N")
            and after is not None
            and (
                after.lower in lex.closed
                and "MODAL" in lex.closed[after.lower]
                or after.lower not in lex.closed
                and "VBP" in analyze(after.lower)[1]
                and "VBZ" not in analyze(after.lower)[1]
                and after.text[:1].islower()
            )
        ):
            return "N"  # a plural noun before a plural verb: "Cuban exiles insist"
        if (
            p == "DET"
            and prev.lower in lex.words["pronominal_dets"]
            and "VBP" in forms
            and _peek(tokens[i + 1] if i + 1 < len(tokens) else None, lex)
            in ("PUNCT", "PRON", "SUB")
        ):
            return "V"  # "..., some say, ..."
        if p in ("DET", "POSS", "NUM", "POSSM"):
            return "N" if "N" in pos else ("ADJ" if "ADJ" in pos else "V")
        if p == "ADJ":
            return "N" if "N" in pos else "ADJ"
        if p == "PREP":
            if "VBG" in forms and (i + 1 >= len(tokens) or tokens[i + 1].tag not in ("PUNCT",)):
                return "V"
            return "N" if "N" in pos else "ADJ" if "ADJ" in pos else "V"
        if (
            p in ("N", "PROPN")
            and "VBZ" in forms
            and "N" in pos
            and tok.lower.endswith("s")
            and _peek(nxt, lex) in ("PUNCT", "END", "PREP", "CONJ")
            and (nxt is None or nxt.lower not in lex.closed or "ADV" not in lex.closed[nxt.lower])
        ):
            return (
                "N"  # a plural noun closing a noun phrase: "Arab troops at", "interest rates nor"
            )
        if p in ("N", "PROPN", "PRON"):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if forms & {"VBD", "VBN"}:
                return "V"
            ahead = _peek(nxt, lex)
            if (
                forms & {"VBP", "VBZ"}
                and p == "N"
                and nxt is not None
                and nxt.lower in lex.words["subj_pron"]
                and nxt.lower not in lex.words["not_subjects"]
            ):
                return "V"  # "Danish police say they"
            if "N" in pos and (
                p == "N"
                and ahead in ("PUNCT", "END", "NOUN", "PREP", "REL")
                or p == "PROPN"
                and "VBZ" not in forms
                and ahead in ("PUNCT", "END", "NOUN")
            ):
                return "N"  # "job cuts at", "sources say", "Denver center", "Baghdad radio,"
            if (
                forms & {"VBP"}
                and not forms & {"VBZ", "VBD"}
                and p == "N"
                and not prev.lower.endswith("s")
            ):
                return "N" if "N" in pos else "V"
            if forms & {"VBZ", "VBP"} and not finite:
                if (
                    nxt is not None
                    and nxt.lower in lex.closed
                    and {"BE", "HAVE", "MODAL", "DO"} & set(lex.closed[nxt.lower])
                ):
                    return "N" if "N" in pos else "V"
                return "V"
            if "VBG" in forms:
                if "N" in pos and (
                    nxt is None
                    or nxt.tag == "PUNCT"
                    or nxt.lower in lex.closed
                    and not {"DET", "POSS", "PRON"} & set(lex.closed[nxt.lower])
                ):
                    return "N"
                return "V"
            return "N" if "N" in pos else "V"
        if p in ("START", "PUNCT", "SUB", "CONJ") and "VBG" in forms:
            return "V"
        if p == "PUNCT" and prev.text in (",", ".") and "VBD" in forms:
            return "V"  # "Ruth Vance, the finance chief, resigned"; "Harbor Corp. completed"
        if p == "REL" and forms & {"VBD", "VBZ", "VBP"}:
            return "V"
        if (
            p == "CONJ"
            and "N" in pos
            and i > 1
            and "N" in tokens[i - 2].pos
            and _peek(nxt, lex) == "NOUN"
            and (
                tokens[i - 2].tag == "N"
                or tokens[i - 2].tag == "V"
                and not tokens[i - 2].forms & {"VBD", "VBG", "VBN"}
                and i > 2
                and tokens[i - 3].tag in ("DET", "ADJ", "PROPN", "N", "POSS", "POSSM")
            )
        ):
            return "N"  # nouns coordinated before their head: "oil and gas exploration", "the Dallas oil and gas concern"
        if p == "CONJ" and forms & {"VB", "VBD", "VBZ"}:
            last = next((t for t in reversed(tokens[: i - 1]) if t.tag == "V"), None)
            if last is not None and last.forms & forms:
                return "V"
        if p == "V" and "N" in pos:
            return "N"
    if "ADJ" in pos and "N" in pos:
        if p == "BE":
            return "ADJ"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt is not None
            and nxt.tag == ""
            and analyze(nxt.lower)[0] & {"N", "ADJ"}
            and nxt.text[:1].islower()
        ):
            return "ADJ"
        return "N"
    if "N" in pos:
        return "N"
    return "ADJ" if "ADJ" in pos else "V"
