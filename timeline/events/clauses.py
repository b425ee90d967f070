"""Clauses, noun phrases and actors inside a tagged sentence (event stage).

Works on the tokens of :mod:`timeline.lexicon`: clause boundaries
(subordinators, relative pronouns, infinitival "to", clause-joining "and",
strong punctuation), the noun phrase around an event nominal, the subject
noun phrase of a verb group and the names it gives.
"""

from __future__ import annotations

import bisect

from timeline.model import Token

from .lexicon import lexicon

_NP = ("N", "PROPN", "ADJ", "DET", "POSS", "POSSM", "NUM")
_STRONG = (";", ":", "--", "—", "–", "(", ")")
DASHES = ("-", "--", "—", "–")
CLAUSE_CLOSERS = (".", "!", "?", ",", ";")  # marks that close a clause at the word before
VERBAL = ("V", "MODAL", "BE", "HAVE", "DO")  # the tags of verbs and auxiliaries
_CLAUSE_START = VERBAL + ("PRON",)


def boundaries(tokens: list[Token]) -> list[int]:
    """Token indices where a clause starts (always including 0).

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> toks = tag(tokenize("They met to discuss a call that he made."))
        >>> [toks[i].text for i in boundaries(toks)]
        ['They', 'to', 'that']
    """
    # the next token that is not an adverb or a negation, for every position, in one pass from
    # the end (looking it up by scanning forward from each token was quadratic in a long sentence)
    following: list[Token | None] = [None] * len(tokens)
    nxt = None
    for i in range(len(tokens) - 1, -1, -1):
        following[i] = nxt
        if tokens[i].tag not in ("ADV", "NEG"):
            nxt = tokens[i]
    starts = [0]
    for i, tok in enumerate(tokens[1:], 1):
        nxt = following[i]
        if tok.tag in ("SUB", "REL"):
            starts.append(i)
        elif (
            tok.tag == "TO"
            and nxt is not None
            and nxt.tag == "V"
            and "VB" in nxt.forms
            and tokens[i - 1].lower not in lexicon().words["plan_cues"]
        ):  # "is set to hold" stays one clause
            starts.append(i)
        elif tok.tag == "CONJ" and (
            nxt is not None and nxt.tag in _CLAUSE_START or _fronted_date_clause(tokens, i + 1)
        ):
            starts.append(i)
        elif tok.tag == "PUNCT" and (
            tok.text in _STRONG
            or tok.text == ","
            and nxt is not None
            and nxt.tag == "V"
            and "VBG" in nxt.forms
        ):
            starts.append(i + 1 if i + 1 < len(tokens) else i)
    return sorted(set(starts))


def _before_parenthesis(tokens: list[Token], j: int) -> int:
    """The token before the verbless parenthesis that ``j`` closes ("the commission (EBC)
    said": the noun before it); ``j`` itself when it closes none.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> toks = tag(tokenize("The election commission (EBC) said"))
        >>> toks[_before_parenthesis(toks, 5)].text
        'commission'
        >>> _before_parenthesis(toks, 2)
        2
    """
    if j < 2 or tokens[j].text != ")":
        return j
    for k in range(j - 1, max(-1, j - 12), -1):
        if tokens[k].tag in VERBAL or tokens[k].text == ")":
            return j
        if tokens[k].text == "(":
            return k - 1 if k > 0 else j
    return j


def is_finite(token: Token) -> bool:
    """An auxiliary, or a verb in a past or present form."""
    return token.tag in ("MODAL", "BE", "HAVE", "DO") or (
        token.tag == "V" and bool(token.forms & {"VBD", "VBZ", "VBP"})
    )


def _fronted_date_clause(tokens: list[Token], k: int) -> bool:
    """Whether a clause with a date put before its subject opens at ``k``, after a conjunction:
    "and in February it refused an offer", "but last week Volta said" (the date is that clause's,
    not the one before the conjunction's).

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> _fronted_date_clause(tag(tokenize("and in February it refused an offer")), 1)
        True
        >>> _fronted_date_clause(tag(tokenize("and in February the talks")), 1)
        False
    """
    n = len(tokens)
    end = _date_words(tokens, k)
    if end == k:
        return False
    k = end
    if k < n and tokens[k].text == ",":
        k += 1
    if k >= n:
        return False
    if is_finite(tokens[k]):
        return True  # "and last week asked voters": a verb sharing the subject before
    if tokens[k].tag == "PRON":
        return k + 1 < n and tokens[k + 1].tag in VERBAL
    j = k
    while j < n and tokens[j].tag in _NP:
        j += 1
    return j > k and j < n and tokens[j].tag in VERBAL


def clause_of(starts: list[int], i: int, n: int) -> tuple[int, int]:
    """The token range [first, last) of the clause holding token ``i``."""
    k = bisect.bisect_right(starts, i)  # starts are sorted and begin with 0
    return starts[k - 1], (starts[k] if k < len(starts) else n)


def opens_np(tokens: list[Token], j: int) -> bool:
    """Whether a determiner at ``j`` opens a noun phrase right after another one ends: "On Monday
    the board approved", "Last month the commission delayed", "two years ago the company"."""
    return (
        tokens[j].tag == "DET"
        and j > 0
        and (tokens[j - 1].tag in ("N", "PROPN", "NUM") or tokens[j - 1].lower == "ago")
    )


def np_left(tokens: list[Token], i: int) -> int:
    """First token of the noun phrase whose head is token ``i``."""
    j = i
    while (
        j > 0 and tokens[j - 1].tag in _NP and tokens[j - 1].tag != "V" and not opens_np(tokens, j)
    ):
        j -= 1
    return j


def np_right(tokens: list[Token], i: int, limit: int) -> int:
    """End (exclusive) of the noun phrase headed by ``i`` with its prepositional complements."""
    lex = lexicon()
    j = i + 1
    while j < limit:
        tok = tokens[j]
        if tok.tag in _NP:
            j += 1
        elif (
            tok.tag == "PREP"
            and tok.lower in lex.words["np_complement_preps"]
            and j + 1 < limit
            and tokens[j + 1].tag in _NP
        ):
            j += 1
        elif (
            tok.tag == "CONJ"
            and j + 1 < limit
            and tokens[j + 1].tag in ("PROPN", "DET")
            and any(t.tag == "PREP" and t.lower in lex.words["pair_preps"] for t in tokens[i:j])
        ):
            j += 1
        elif tok.lower in lex.words["particle"] and j + 1 < limit and tokens[j + 1].tag == "PROPN":
            j += 1
        elif (
            tok.text == "."
            and tokens[j - 1].lower in lex.abbreviations
            and j + 1 < limit
            and tokens[j + 1].tag == "PROPN"
        ):
            j += 1  # "an endorsement of Mr. Ruiz by the voters": the title's period
        else:
            break
    while j > i + 1 and tokens[j - 1].tag in ("PREP", "CONJ", "DET"):
        j -= 1
    return j


def names_in(tokens: list[Token]) -> list[tuple[str, bool]]:
    """Names an NP gives, with a flag saying whether each looks like a person.

    The NP is split at "and"; a part ending in a run of capitalized words
    gives that run without leading titles ("US Secretary of State Marco
    Rubio" -> "Marco Rubio") unless the run names an organisation ("US State
    Department"); any other part gives its text without the determiner.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> names_in(tag(tokenize("US Secretary of State Marco Rubio and the State Department")))
        [('Marco Rubio', True), ('State Department', False)]
        >>> names_in(tag(tokenize("The former chief executive of Zentek Corp. Dana Ruiz")))
        [('Dana Ruiz', True)]
    """
    lex = lexicon()
    parts, current = [], []
    for tok in tokens:
        paired = any(t.lower in lex.words["pair_preps"] for t in current)
        if (tok.tag == "CONJ" and not paired) or tok.text == ",":
            if current:
                parts.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    found = []
    for k, part in enumerate(parts):
        if k and parts[k - 1] is None:
            continue
        if k + 1 < len(parts) and _shared_head(part, parts[k + 1]):
            # "the Russian and US leaders": both modifiers take the one head noun
            found.append((f"{_text_of(part[1:])} and {_text_of(parts[k + 1])}", False))
            parts[k] = None
            continue
        if len(part) == 1 and part[0].lower in lex.words["pronominal_dets"]:
            found.append((part[0].text, False))  # "Some had difficulty": who, not a determiner
            continue
        while part and part[0].tag in ("DET", "PREP"):
            part = part[1:]
        while part and part[-1].tag in ("PUNCT", "PREP"):
            part = part[:-1]
        if not part:
            continue
        whole = part
        cut = next(
            (
                k
                for k, t in enumerate(part)
                if t.tag in ("PREP", "TO")
                and k
                and not (
                    t.lower in lex.words["particle"]
                    and part[k - 1].tag == "PROPN"
                    and k + 1 < len(part)
                    and part[k + 1].tag == "PROPN"
                )
            ),
            None,
        )
        person = _titled_person(part, cut) if cut else None
        if person:  # "the chief executive of Zentek Corp. Dana Ruiz": the name closing the phrase
            found.append((person, True))
            continue
        if cut:
            part = part[:cut]
        run = []
        for tok in reversed(part):
            if tok.tag == "PROPN" or run and tok.lower in lex.words["particle"]:
                run.insert(0, tok)
            else:
                break
        while run and run[0].lower in lex.words["particle"]:
            run = run[1:]
        if run and part[-1].tag == "PROPN":
            words = [t.text for t in run]
            lowered = [w.lower() for w in words]
            titled = any(w in lex.words["title"] for w in lowered)
            if any(w in lex.words["org"] for w in lowered):
                found.append((" ".join(words), False))
                continue
            last_title = max(
                (k for k, w in enumerate(lowered) if w in lex.words["title"]), default=-1
            )
            rest = [w for w in words[last_title + 1 :]]
            while rest and rest[0].lower() in lex.words["particle"]:
                rest = rest[1:]
            if rest:
                title_before = (
                    titled
                    or len(part) > len(run)
                    and part[-len(run) - 1].lower in lex.words["title"]
                )
                found.append((" ".join(rest), title_before or len(rest) >= 2))
            elif (
                titled
            ):  # a title with no name after it is who acted: "the Prime Minister told reporters"
                found.append((" ".join(words), True))
            continue
        if part[0].tag == "PRON":
            found.append((part[0].text, False))
            continue
        start, end = whole[0].start, whole[-1].end
        text = "".join(
            (" " if k and t.start > whole[k - 1].end else "") + t.text for k, t in enumerate(whole)
        )
        found.append((text if end - start < 80 else part[-1].text, False))
    return found


def _shared_head(left: list[Token], right: list[Token]) -> bool:
    """Whether two conjuncts share the right one's head noun: a determiner and a capitalized
    modifier alone before "and", then capitalized modifiers and a common noun ("the Russian and
    US leaders"); "Iran and the United States" and "the US and its allies" keep two heads."""
    return (
        len(left) >= 2
        and left[0].tag == "DET"
        and all(t.tag == "PROPN" for t in left[1:])
        and len(right) >= 2
        and right[0].tag == "PROPN"
        and right[-1].tag == "N"
        and all(t.tag in ("PROPN", "N") for t in right)
    )


def _text_of(tokens: list[Token]) -> str:
    """The tokens' text as written (a space only where the text has one)."""
    return "".join(
        (" " if k and t.start > tokens[k - 1].end else "") + t.text for k, t in enumerate(tokens)
    )


def _titled_person(part: list[Token], cut: int) -> str | None:
    """A person's name closing a title and its organisation ("chief executive officer of Zentek
    Corp. Dana Ruiz"): the capitalized words after the organisation's last word, two at least,
    when a title comes before the preposition at ``cut``."""
    lex = lexicon()
    if not any(t.lower in lex.words["title"] for t in part[:cut]):
        return None
    run = []
    for tok in reversed(part[cut + 1 :]):
        if tok.tag != "PROPN" or tok.lower in lex.words["org"] or tok.lower in lex.words["title"]:
            break
        run.insert(0, tok.text)
    before = part[len(part) - len(run) - 1] if len(run) < len(part) else None
    if before is not None and (before.tag == "PREP" or before.lower in lex.words["particle"]):
        return None  # a name joined by a preposition is one name: "Centre for National Security"
    return " ".join(run) if len(run) >= 2 and len(run) < len(part) - cut - 1 else None


def agent_phrase(tokens: list[Token], j: int) -> bool:
    """A noun phrase of who did it at ``j`` (after "by"): "a fire started by arsonists", not an
    amount ("fell by a third"), a manner ("started by hinting", "one by one") or a deadline
    ("approved by Friday", "by next week", "by the end of the year").

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> tokens = tag(tokenize("started by arsonists, fell by a third"))
        >>> agent_phrase(tokens, 2), agent_phrase(tokens, 6)
        (True, False)
        >>> tokens = tag(tokenize("sold by the end of May, signed by the end user"))
        >>> agent_phrase(tokens, 2), agent_phrase(tokens, 9)
        (False, True)
        >>> agent_phrase(tag(tokenize("was read line by line")), 4)
        False
    """
    words = lexicon().words
    phrase = tokens[j : j + 4]
    if not phrase:
        return False
    if j >= 2 and tokens[j - 2].lower == tokens[j].lower:
        return False  # a word repeated around "by" is a manner: "checked line by line"
    head = next(
        (
            k
            for k, t in enumerate(phrase)
            if t.tag not in ("DET", "ADJ") and t.lower not in words["time_shifts"]
        ),
        len(phrase),
    )
    deadline = head < len(phrase) and (
        phrase[head].lower in words["calendar_owners"] | words["time_heads"]
        or phrase[head].lower in words["period_boundaries"]
        and head + 1 < len(phrase)
        and phrase[head + 1].lower in words["boundary_of"]
    )
    return (
        phrase[0].tag in ("DET", "PROPN", "N", "ADJ", "POSS")
        and "VBG" not in phrase[0].forms
        and not any(t.tag == "NUM" or t.lower in words["amount_nouns"] for t in phrase)
        and not deadline  # "approved by Friday"
    )


def subject_before_comma(tokens: list[Token], i: int) -> bool:
    """Whether a comma (or a dash) and a noun phrase opening its clause come right before token
    ``i``: then ", which" describes that noun ("the ceasefire, which took effect ...", "the
    carmakers - which include Volta - agreed"). After an object or
    a prepositional phrase ("cut 500 jobs, which angered", "the release to OS X, which") the
    pronoun may take a whole clause or a farther noun, so it stays a subordinator.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> tokens = tag(tokenize("The truce, which began in May, held."))
        >>> [tok.tag for tok in tokens if tok.lower == "which"]
        ['REL']
        >>> tokens = tag(tokenize("Firms cut jobs, which angered unions."))
        >>> [tok.tag for tok in tokens if tok.lower == "which"]
        ['SUB']
    """
    lex = lexicon()
    j = i - 2
    if (
        j > 0
        and tokens[j].text == "."
        and tokens[j - 1].tag == "PROPN"
        and tokens[j - 1].lower in lex.abbreviations
    ):
        j -= 1  # "Zentek Corp., which": the abbreviation's period is part of the name
    if i < 2 or tokens[i - 1].text not in (",",) + DASHES or tokens[j].tag not in ("N", "PROPN"):
        return False
    while j >= 0 and (
        tokens[j].tag in ("DET", "ADJ", "N", "PROPN", "NUM", "POSSM", "POSS")
        or tokens[j].tag == "CONJ"
        and j > 0
        and tokens[j - 1].tag == "PROPN"
        # a noun's complement, when the whole phrase opens its clause: "A spokesman for Zentek,
        # which cut jobs, said"
        or tokens[j].tag == "PREP"
        and tokens[j].lower in lex.words["np_complement_preps"]
        and j > 0
        and tokens[j - 1].tag in ("N", "PROPN")
    ):
        j -= 1
    return (
        j < 0
        or tokens[j].tag in ("SUB", "CONJ", "REL")
        or tokens[j].text in (",", ";", ":", '"', "“")
        or tokens[j].tag == "V"
        and lex.class_of.get(tokens[j].lemma) == "REPORTING"
    )  # "said the ceasefire, which"


def parenthetical_participle(tokens: list[Token], i: int) -> bool:
    """Whether verb ``i`` is a participle opening a parenthetical between a subject and its verb:
    right after a comma that follows the subject's noun, with a comma later that the verb group
    follows ("Seven coaches, bound for York, derailed"). Only meaningful where no finite verb
    came before in the clause.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> parenthetical_participle(tag(tokenize("Seven coaches, bound for York, derailed.")), 3)
        True
        >>> parenthetical_participle(tag(tokenize("Sales fell, hurt by rain.")), 3)
        False
    """
    tok = tokens[i]
    if not (
        tok.tag == "V"
        and "VBN" in tok.forms
        and i >= 2
        and i + 1 < len(tokens)
        and tokens[i - 1].text == ","
        and tokens[i - 2].tag in ("N", "PROPN", "NUM")
    ):
        return False
    # the participle's complement opens with a preposition, an adverb or an amount, or the
    # participle names (naming_participles); a verb with its object or clause after it is the
    # verb that follows an apposition
    nxt = tokens[i + 1]
    if (
        nxt.tag not in ("PREP", "ADV", "NUM")
        and tok.lower not in lexicon().words["naming_participles"]
    ):
        return False
    for k in range(i + 1, len(tokens) - 1):
        if tokens[k].text in _STRONG or tokens[k].tag in ("SUB", "REL", "CONJ"):
            return False
        if tokens[k].text == ",":  # the closing comma: the verb group must follow it
            verb = k + 1
            while verb < len(tokens) and tokens[verb].tag in ("ADV", "NEG"):
                verb += 1
            return verb < len(tokens) and is_finite(tokens[verb])
    return False


def apposition_start(tokens: list[Token], j: int) -> int | None:
    """The comma opening a parenthetical that ends with the comma at ``j``, between a subject
    and its verb: "Ruiz, aged 61, has resigned", "Ruiz, 61, had left", "Dana Ruiz, formerly
    a director running the plant, is stepping down", "Ruiz, born in Leeds on May 3, 1960,
    has founded", "Zentek, in a filing on Monday, said". The parenthetical holds no finite
    verb; the word before its opening comma is a noun.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> toks = tag(tokenize("Ruiz, aged 61, has resigned."))
        >>> apposition_start(toks, 4)
        1
        >>> toks = tag(tokenize("Ruiz, described as a veteran, dies after a fall."))
        >>> apposition_start(toks, 6)
        1
    """
    words = lexicon().words
    for k in range(j - 1, 0, -1):
        tok = tokens[k]
        # "as" after a participle names what it calls the subject ("Ruiz, described as a
        # veteran, dies"), no clause of its own
        naming = tok.tag == "SUB" and tokens[k - 1].tag == "V" and "VBN" in tokens[k - 1].forms
        if (
            tok.lower in words["participle_subordinators"]
            and tokens[k - 1].text == ","
            and k > 1
            and tokens[k - 2].tag in ("PROPN", "N")
            and "VBN" in tokens[k + 1].forms
        ):
            return k - 1  # a participle's clause: "the board, as advised by its lawyers, has"
        if (
            tok.tag in ("SUB", "REL", "CONJ", "MODAL", "HAVE", "DO") and not naming
        ) or tok.text in _STRONG:
            return None
        if tok.tag == "V" and tok.forms & {"VBZ", "VBP"} and "VBN" not in tok.forms:
            return None
        if (
            tok.text == ","
            and (
                tokens[k - 1].tag in ("PROPN", "N")
                # a name numbered: "the Flight 9, bound for York," (a date is no name)
                or tokens[k - 1].tag == "NUM"
                and k > 1
                and tokens[k - 2].tag == "PROPN"
                and tokens[k - 2].lower not in words["calendar_owners"]
            )
            and k + 1 < j
            and tokens[k + 1].tag in ("DET", "ADJ", "N", "PROPN", "NUM", "ADV", "V", "PREP")
            and (tokens[k + 1].tag != "V" or tokens[k + 1].forms & {"VBN", "VBG"})
        ):
            return k
    return None


def subject_span(tokens: list[Token], g: int, thing: bool = False) -> tuple[int, int] | None:
    """Token range of the subject noun phrase before a verb group starting at ``g``; with
    ``thing`` (a verb that wants a thing: "which includes"), a "which" after a comma and an
    object stands for that object, not for the clause before it."""
    lex = lexicon()
    j = g - 1
    while j >= 0 and tokens[j].tag in ("ADV", "NEG"):
        j -= 1
    if j < 0:
        return None
    j = before_interposed_date(tokens, j)
    j = _before_acronym(tokens, j)
    if tokens[g].tag == "REL" and j > 0 and (tokens[j].text == "," or tokens[j].text in DASHES):
        j -= 1  # the main verb after a relative clause: its comma closes the subject, no apposition
    elif tokens[j].text == ",":
        k = apposition_start(tokens, j)
        if k is None:
            return None
        if _naming_apposition(tokens, k, j):
            return k + 1, j  # "The governor of the state, Omar Lind, said": the name says who
        j = k - 1
    elif tokens[j].text in DASHES:
        k = dash_parenthetical_start(tokens, j)
        if k is None:
            return None
        j = k - 1  # "Nine carmakers - including Zentek and Volta - said"
    nonrestrictive = thing and tokens[j].tag != "REL" and _nonrestrictive(tokens, j)
    relative = None
    if tokens[j].tag == "REL" or nonrestrictive:
        relative = tokens[j].lower
        j -= 1
        if j >= 0 and (tokens[j].text == "," or tokens[j].text in DASHES):
            j -= 1  # "The repairs - which include the vans - come after"
        if (
            j > 1
            and tokens[j].tag == "NUM"
            and tokens[j - 1].text == ","
            and tokens[j - 2].tag == "PROPN"
        ):  # "Dana Ruiz, 58, who told reporters": the name before the age
            k = j - 2
            while k > 0 and tokens[k - 1].tag == "PROPN":
                k -= 1
            return k, j - 1
    end = j + 1
    allowed = _NP + ("PRON",)
    while j >= 0:
        tok = tokens[j]
        if (
            tok.lower in lex.words["calendar_owners"]
            and j + 1 < end
            and tokens[j + 1].tag == "PROPN"
            and j > 0
            and tokens[j - 1].tag == "PREP"
        ):
            break  # "and in February Volta refused": the date opens the clause, no name
        if tok.tag in allowed and tok.tag != "V":
            if tok.tag == "PRON" and j < end - 1:
                break
            j -= 1
            if tok.tag == "PRON":
                break  # a pronoun is its whole noun phrase: "five positions it still holds"
            if opens_np(tokens, j + 1) and not _rate_word(tokens, j + 1):
                break
        elif _rate_word(tokens, j) or (
            tok.text in lex.words["money_signs"] and j + 1 < end and tokens[j + 1].tag == "NUM"
        ):
            j -= 1  # "$42 per share", "$5 a share": the amount's rate and sign
        elif (
            tok.lower in lex.words["particle"]
            and j > 0
            and tokens[j - 1].tag == "PROPN"
            and tokens[j + 1].tag == "PROPN"
        ):
            j -= 1
        elif (
            tok.tag == "CONJ"
            and j > 0
            and tokens[j - 1].tag == "PROPN"
            and (
                tokens[j + 1].tag == "PROPN"
                or tokens[j + 1].tag in ("DET", "POSS")
                and any(t.tag == "PROPN" for t in tokens[j + 2 : end])
            )
        ):  # "Iran and the United States", "Lind and his Varga counterpart Dana Ruiz"
            j -= 1
        elif tok.tag == "CONJ" and _clause_opening_conjunct(tokens, j, end):
            j -= 1  # "but pilots and Metro Air Lines failed": a group and a named party
        elif (
            tok.text == "."
            and j > 0
            and tokens[j - 1].tag == "PROPN"
            and tokens[j - 1].lower in lex.abbreviations
        ):
            j -= 1  # "Zentek Corp. agreed": the abbreviation's period is part of the name
        elif (
            tok.tag == "TO"
            and j > 1
            and tokens[j - 1].lower in lex.words["to_prep_heads"]
            and tokens[j - 2].tag in ("N", "PROPN")
            and j + 1 < end
        ):
            j -= 2  # "Drivers in need of advice prior to the end of the campaign can phone"
        elif (
            tok.tag == "TO"
            and j > 0
            and tokens[j - 1].lower in lex.words["to_role_nouns"]
            and j + 1 < end
            and tokens[j + 1].tag in ("DET", "POSS", "ADJ", "N", "PROPN", "NUM")
        ):
            j -= 1  # "The US ambassador to Iraq said", "An adviser to the president resigned"
        elif (
            tok.tag == "PREP"
            and tok.lower in lex.words["subject_preps"]
            and j > 0
            and tokens[_before_acronym(tokens, j - 1)].tag in ("N", "PROPN")
            # a day before the preposition dates the verb before it, it heads no subject: "woes
            # continued Wednesday for the Tigers, who have placed"
            and tokens[j - 1].lower not in lex.words["calendar_owners"]
            and j + 1 < end
        ):
            if all(
                t.lower in lex.words["calendar_owners"] or t.tag in ("NUM", "DET")
                for t in tokens[j + 1 : end]
            ):
                end = j  # "A federal court on Friday blocked": the date is no part of the subject
            # an acronym in parentheses before the preposition is the noun's: "the head of the
            # Election Board (EB) in Leeds said"
            j = _before_acronym(tokens, j - 1)
        else:
            break
    start = j + 1
    if relative in lex.words["thing_relatives"] and not thing:
        # "gifts from a firm that held a lease", "the board of a charity that misled": a
        # relative pronoun for things stands for the nearest noun phrase (a verb that wants a
        # thing with parts takes the whole: "its line of laptops, which includes")
        start = max((k + 1 for k in range(start, end) if tokens[k].tag == "PREP"), default=start)
    if start == end - 1 and tokens[start].lower in lex.words["pronominal_dets"]:
        return start, end  # a determiner standing for people: "Some had difficulty"
    if start >= end or all(t.tag in ("DET", "POSS", "ADV") for t in tokens[start:end]):
        return None  # a determiner alone is no subject: ", and more recently has started"
    if gerund_before(tokens, j):
        return None  # "Disarming these groups remains hard": the gerund's clause is the subject
    participle = _reduced_relative_before(tokens, j)
    if participle is not None:
        # "Envoys attending the forum agreed", "Cars fixed under the recall failed": the
        # participle's phrase describes the subject before it, the noun phrase it ends with is
        # no subject of the verb after it
        return subject_span(tokens, participle, thing)
    if (
        tokens[g].tag == "REL"
        and start >= 2
        and tokens[start].tag == "DET"
        and tokens[start - 1].text == ","
        and tokens[start - 2].tag == "PROPN"
    ):
        # the main verb after "Dana Ruiz, an aide who rode in the van,": the description
        # and its relative clause are the name's apposition, the name says who
        return subject_span(tokens, start - 1, thing)
    return _names_listed(tokens, start, g), end


def _reduced_relative_before(tokens: list[Token], j: int) -> int | None:
    """Where the participle opening a reduced relative clause stands when the clause's object
    ends at ``j``: a present participle right after a noun ("envoys attending | the forum"), or
    a past participle and a preposition after one ("cars fixed under | the recall"); a past
    form with an object right after it is a finite verb ("the board fired | the coach").

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> _reduced_relative_before(tag(tokenize("Envoys attending the forum agreed")), 1)
        1
        >>> _reduced_relative_before(tag(tokenize("Cars fixed under the recall failed")), 2)
        1
        >>> _reduced_relative_before(tag(tokenize("The board fired the coach")), 2) is None
        True
    """
    k = j
    after_prep = k >= 0 and tokens[k].tag == "PREP"
    if after_prep:
        k -= 1
    if k < 1 or tokens[k].tag != "V":
        return None
    if not (
        "VBG" in tokens[k].forms
        or after_prep
        and "VBN" in tokens[k].forms
        or not after_prep
        and participle_before_dated_verb(tokens, k)
    ):
        return None
    before = k - 1
    while before > 0 and tokens[before].tag == "ADV":
        before -= 1  # "forecasts last revised in May showed", "figures recently published"
    noun = tokens[before]
    if noun.tag not in ("N", "PROPN") or noun.lower in lexicon().words["pronominal_dets"]:
        return None
    return k


def dash_parenthetical_start(tokens: list[Token], j: int) -> int | None:
    """The dash opening a parenthetical that ends with the dash at ``j``, between a subject and
    its verb: "Nine carmakers - including Zentek and Volta - said", "The repairs - which
    include the vans - come after", "The deal - the largest this year - was signed". The word
    before the opening dash is a noun; the parenthetical opens with a preposition, a relative
    pronoun, a determiner or a participle (a hyphenated compound split by spaces, "a 90 - day
    court - ordered stay", opens with none of them).

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> toks = tag(tokenize("Nine carmakers - including Zentek and Volta - said so."))
        >>> dash_parenthetical_start(toks, 7)
        2
        >>> toks = tag(tokenize("a 90 - day court - ordered stay"))
        >>> dash_parenthetical_start(toks, 5) is None
        True
    """
    k = next((k for k in range(j - 1, 0, -1) if tokens[k].text in DASHES), None)
    if k is None or k + 1 >= j or tokens[k - 1].tag not in ("N", "PROPN"):
        return None
    first = tokens[k + 1]
    if (
        first.tag in ("PREP", "REL", "DET")
        or first.lower in lexicon().words["wh_relatives"]
        or first.tag == "V"
        and first.forms & {"VBG", "VBN"}
    ):
        return k
    return None


def _naming_apposition(tokens: list[Token], k: int, j: int) -> bool:
    """Whether the parenthetical between the commas at ``k`` and ``j`` is a name (capitalized
    words) after a description whose head is a common noun: "The governor of the state, Omar
    Lind,", "Zentek's chief, Dana Ruiz,", "The team's coach, Lind,"; not "Dana Ruiz, the chief
    executive," nor "Zentek, Acme Labs,".

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> toks = tag(tokenize("The governor of the state, Omar Lind, said so."))
        >>> _naming_apposition(toks, 5, 8)
        True
        >>> toks = tag(tokenize("Dana Ruiz, the chief executive, said so."))
        >>> _naming_apposition(toks, 2, 6)
        False
    """
    name = tokens[k + 1 : j]
    if not name or any(t.tag != "PROPN" for t in name):
        return False
    start = k - 1
    while start > 0 and tokens[start - 1].tag in _NP + ("PREP",):
        start -= 1
    cut = next((n for n in range(start, k) if tokens[n].tag == "PREP"), k)
    before = tokens[start:cut]  # the description's head comes before its first preposition
    nouns = [t for t in before if t.tag in ("N", "PROPN")]
    return (
        bool(nouns)
        and nouns[-1].tag == "N"
        and any(t.tag in ("DET", "POSS", "POSSM") for t in before)
    )


def _rate_word(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` joins an amount to the unit it is counted by: "$42 per share",
    "$5 a share" (rate_words; "a" and "an" after money only), not "in 2009 a court ruled".

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> tokens = tag(tokenize("paid $5 a share, and in 2009 a court ruled"))
        >>> _rate_word(tokens, 3), _rate_word(tokens, 9)
        (True, False)
    """
    words = lexicon().words
    if not (0 < j < len(tokens) - 1 and tokens[j].lower in words["rate_words"]):
        return False
    if tokens[j + 1].tag != "N" or tokens[j - 1].tag not in ("NUM", "N"):
        return False
    money = j > 1 and tokens[j - 1].tag == "NUM" and tokens[j - 2].text in words["money_signs"]
    return tokens[j].tag == "PREP" or money


def _before_acronym(tokens: list[Token], j: int) -> int:
    """Where a subject ends when a verbless parenthesis after its noun stands before the verb:
    its acronym ("the National Safety Board (NSB) released a report"), or another aside ("the
    election body (the EBC) said"). ``j`` is the last token before the verb group; unchanged
    without such a parenthesis."""
    k = _before_parenthesis(tokens, j)
    return k if k != j and tokens[k].tag in ("N", "PROPN") else j


def _clause_opening_conjunct(tokens: list[Token], j: int, end: int) -> bool:
    """Whether "and" at ``j`` joins a common noun phrase that opens its clause, or the pair of
    a "between" phrase, to the noun phrase before the verb: "pilots and Metro Air Lines
    failed" (both fail), "talks between the guild and the studios broke down" (the talks did);
    not "sold phones and Zentek rivals cut prices" (an object ends before the "and")."""
    if j == 0 or j + 1 >= end or tokens[j - 1].tag not in ("N", "PROPN"):
        return False  # "able to hold 200 and 300 photos and will sell": no conjunct follows
    left = np_left(tokens, j - 1)
    if left > 1 and tokens[left - 1].lower in lexicon().words["pair_preps"]:
        return tokens[left - 2].tag in ("N", "PROPN")  # "talks between the guild and the studios"
    if tokens[j - 1].tag != "N":
        return False
    # a clause opens after a dateline's dash or a colon too: "LEEDS (Wire) - Ship owners and
    # union leaders ended talks"
    return (
        left == 0
        or tokens[left - 1].tag in ("CONJ", "SUB")
        or tokens[left - 1].text in (",", ":") + DASHES
    )


def _date_words(tokens: list[Token], k: int) -> int:
    """Where the bare date starting at ``k`` ends (``k`` itself when none starts there): "last
    year", "Friday", "earlier this week", "in May", "Monday morning", "February 2020"."""
    words = lexicon().words
    n = len(tokens)
    start = k
    while k < n and tokens[k].lower in words["date_modifiers"]:
        k += 1  # "earlier this week"
    if k + 1 < n and tokens[k].tag == "PREP" and tokens[k + 1].lower in words["calendar_owners"]:
        k += 1  # "in May"
    elif k < n and tokens[k].lower in words["time_shifts"]:
        k += 1  # "last week", "next month"
    if k >= n or tokens[k].lower not in words["calendar_owners"]:
        return start
    k += 1
    while k < n and (tokens[k].lower in words["time_heads"] or tokens[k].tag == "NUM"):
        k += 1  # "Monday morning", "February 2020"
    return k


def participle_before_dated_verb(tokens: list[Token], i: int) -> bool:
    """Whether past form ``i`` opens a reduced relative on the noun before it, with a date
    and then the clause's finite verb after it: "The bill passed Friday requires", "The cars
    recalled last year had faulty brakes". A verb whose object is mostly a clause is left out:
    in "The firm said Friday was its last day" the date is the reported clause's subject.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> participle_before_dated_verb(tag(tokenize("The cars recalled last year had leaks")), 2)
        True
        >>> participle_before_dated_verb(tag(tokenize("The firm cut jobs last year")), 2)
        False
    """
    lex = lexicon()
    if i < 1 or tokens[i - 1].tag not in ("N", "PROPN") or "VBN" not in tokens[i].forms:
        return False
    if tokens[i].lemma in lex.words["clause_object_verbs"]:
        return False
    k = _date_words(tokens, i + 1)
    return i + 1 < k < len(tokens) and is_finite(tokens[k])


def before_interposed_date(tokens: list[Token], j: int) -> int:
    """Where the subject ends when a bare date stands between it and its verb, as news writes
    it ("the jury Friday convicted", "the company last week said"), or between a conjunction
    and the verb it joins ("criticised the count and earlier this week asked"): the date dates
    the verb and names no one. ``j`` is the last token before the verb group; unchanged without
    such a date.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> before_interposed_date(tag(tokenize("the jury Friday convicted")), 2)
        1
        >>> before_interposed_date(tag(tokenize("it lost and earlier this week asked")), 5)
        2
    """
    words = lexicon().words
    k = j
    while k >= 0 and (
        tokens[k].lower in words["calendar_owners"]
        or tokens[k].lower in words["time_shifts"]
        or k < j
        and tokens[k].lower in words["date_modifiers"]
    ):
        k -= 1
    if (
        k < j
        and k >= 0
        and tokens[j].lower in words["calendar_owners"]
        and tokens[k].lower not in words["calendar_owners"]
        and (
            tokens[k].tag in ("N", "PROPN", "CONJ")
            or tokens[k].tag == "V"
            and participle_before_dated_verb(tokens, k)  # "The cars recalled last year had"
        )
    ):
        return k
    return j


def _names_listed(tokens: list[Token], start: int, g: int) -> int:
    """Where a subject begins when names before it are listed with commas: as headlines list
    them, with a plural verb ("Zentek Corp., Volta Audio settle dispute": both settle; a
    singular verb keeps an apposition out, "Volta, a rival, sues"), or before a last pair
    joined by "and" that opens the sentence or a reported clause ("Zentek Motors, Volta Cars
    and Orvan Group have issued recalls"); not after a fronted phrase ("In Leeds, Zentek and
    Volta agreed") nor a day ("Monday, Zentek and Volta agreed")."""
    lex = lexicon()
    if start < 2 or tokens[start].tag != "PROPN" or tokens[start - 1].text != ",":
        return start
    verb = tokens[g] if g < len(tokens) else None
    joined = any(t.tag == "CONJ" for t in tokens[start:g])
    if joined:
        k = start
        while k >= 2 and tokens[k - 1].text == ",":
            last = k - 2
            if (
                last > 0
                and tokens[last].text == "."
                and tokens[last - 1].lower in lex.abbreviations
            ):
                last -= 1  # "Zentek Corp., Volta Cars and Orvan Group"
            if tokens[last].tag != "PROPN" or tokens[last].lower in lex.words["calendar_owners"]:
                break
            k = last
            while k > 0 and tokens[k - 1].tag == "PROPN":
                k -= 1
        before = tokens[k - 1] if k > 0 else None
        opens = (
            before is None
            or before.tag in ("SUB", "CONJ")
            or before.tag == "V"
            and lex.class_of.get(before.lemma) == "REPORTING"
        )
        return k if opens else start
    if verb is None or verb.tag != "V" or not verb.forms & {"VBP"} or verb.forms & {"VBZ", "VBD"}:
        return start
    k = start - 2
    while k >= 0 and (
        tokens[k].tag == "PROPN"
        or tokens[k].text == "."
        and k > 0
        and tokens[k - 1].lower in lex.abbreviations
    ):
        k -= 1
    return k + 1 if k < 0 and tokens[start - 2].tag in ("PROPN", "PUNCT") else start


def _nonrestrictive(tokens: list[Token], j: int) -> bool:
    """A "which" after a comma and a noun, which may open a relative clause about that noun
    ("its new line of laptops, which includes three models") or about the clause before it
    ("cut 500 jobs, which angered the unions")."""
    return (
        j >= 2
        and tokens[j].lower in lexicon().words["wh_relatives"]
        and tokens[j - 1].text == ","
        and tokens[j - 2].tag in ("N", "PROPN")
    )


def gerund_before(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` is a gerund opening a clause, so that the noun phrase after it is its
    object and the clause is the subject of the verb that follows: "disarming these groups".

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> gerund_before(tag(tokenize("Disarming these groups remains hard.")), 0)
        True
    """
    return (
        j >= 0
        and tokens[j].tag == "V"
        and "VBG" in tokens[j].forms
        and (j == 0 or tokens[j - 1].tag in ("SUB", "CONJ", "PUNCT"))
    )


def engaged_subject(tokens: list[Token], g: int) -> tuple[int, int] | None:
    """The subject of a copula whose predicate is a prepositional phrase holding the event noun
    that starts at ``g``: the subject is engaged in it ("Ruiz is on leave", "executives are in
    talks with the studios", "he would be on strike"); in a headline, which drops the copula, the
    name that opens it ("Zentek chief Dana Ruiz on leave"). The prepositions and the nouns that
    their subject undergoes instead ("is on sale", "is under review") are the ``actors`` table's
    ``engaged_preps`` and ``undergone_nouns``.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> toks = tag(tokenize("Zentek executives are in talks with the unions."))
        >>> span = engaged_subject(toks, 4)
        >>> [t.text for t in toks[span[0] : span[1]]]
        ['Zentek', 'executives']
        >>> engaged_subject(tag(tokenize("The phone is on sale.")), 4) is None
        True
    """
    words = lexicon().words
    if g < 2 or tokens[g - 1].tag != "PREP" or tokens[g - 1].lower not in words["engaged_preps"]:
        return None
    head = next((k for k in range(g, len(tokens)) if tokens[k].tag not in _NP), len(tokens)) - 1
    if head < g or tokens[head].lemma in words["undergone_nouns"]:
        return None
    k = g - 2
    while k >= 0 and tokens[k].tag in ("ADV", "NEG"):
        k -= 1
    if k >= 0 and tokens[k].tag == "BE":
        while k > 0 and tokens[k - 1].tag in ("MODAL", "HAVE", "BE", "ADV", "NEG", "DO"):
            k -= 1
        return subject_span(tokens, k)
    if k == g - 2 and tokens[k].tag == "PROPN":
        span = subject_span(tokens, g - 1)
        return span if span is not None and span[0] == 0 else None
    return None


def after_quote(tokens: list[Token], g: int) -> bool:
    """Whether a closing quotation mark (with or without a comma) comes right before token
    ``g`` or is ``g``: then a verb of saying there is inverted, its speaker after it
    ('"No," said Costa'), while a headline's "Zentek releases a phone, announces an update"
    is no such verb.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> after_quote(tag(tokenize('"No," said Costa.')), 4)
        True
        >>> after_quote(tag(tokenize("Zentek releases a phone, announces an update")), 5)
        False
    """
    closing = set(lexicon().data["actors"]["quote_marks"].values())
    # a verb group may open on the mark itself
    return any(t.text in closing for t in tokens[max(0, g - 2) : g + 1])
