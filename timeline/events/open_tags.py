"""Tags of open-class words for :mod:`timeline.events.tagger`: a decision list over a word's
dictionary analyses (:func:`timeline.events.lexicon.analyze`) and its neighbours, settling
the ambiguous ones ("talks", "meeting", "set", "shares"): determiners before nouns,
auxiliaries and "to" before verbs, subject nouns before finite verbs, participles before
nouns as modifiers.

The decisions are rows of ``rules/open_tags.yaml``, tried in order; the first row whose
condition holds gives the tag, and its id is the trace of the decision
(:func:`open_tag_rule`). A condition is a mapping of tests that must all hold:

- on a neighbour (``self``, ``prev``, ``left1``, ``left2``, ``left3``, ``next``, ``next2``,
  ``next3``, ``after``, ``next_verb``; see :data:`NEIGHBOURS`), a mapping of token tests
  (:data:`TOKEN_TESTS`);
- ``prev_tag``: the tag of ``prev`` (``START`` when nothing comes before);
- ``finite``: whether a finite verb came before in the clause;
- ``predicate``: a structural test named by id (:data:`PREDICATES`);
- ``any`` (a list of conditions, one must hold) and ``not`` (a condition that must not).

A row's ``tag`` is a tag, or a list of tags: the first of them the word can be (its open
classes), else the last. Word lists are named: the table's own ``lists``, else the lexicon's
(``rules/events.yaml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import RuleError
from timeline.rules.loader import CaseSensitive, Shape, load, words

from .clauses import apposition_start
from .lexicon import (
    Lexicon,
    Token,
    all_lemmas,
    analyze,
    in_dictionary,
    is_number,
    lexicon,
    unpunctuated,
)

RULES = Path(__file__).resolve().parent / "rules" / "open_tags.yaml"

#: What ``open_tags.yaml`` may hold: a row's condition keys are checked by :func:`rules`.
SHAPE = Shape(
    values={"version", "lists"},
    tables={"rules": {"id", "doc", "when", "tag", "examples", "negatives"}},
)

_PUNCT = re.compile(r"^[^\w]+$")
_SKIP = ("ADV", "NEG")
_QUOTES = ("``", '"', "“", "‘", "'", "(")
#: The tags a rule may give.
TAGS = ("N", "V", "ADJ", "ADV", "PREP")


def _peek(tok: Token | None, lex: Lexicon) -> str:
    """A rough class of a token not tagged yet: END, PUNCT, NUM, PROPN, a closed tag, NOUN or
    OPEN."""
    if tok is None:
        return "END"
    if _PUNCT.match(tok.text):
        return "PUNCT"
    if tok.text[0].isdigit():
        return "NUM" if is_number(tok.text) else "PROPN"
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


def _previous(tokens: list[Token], i: int) -> Token | None:
    """The nearest earlier token that is not an adverb, a negation or an opening quote."""
    j = i - 1
    while j >= 0 and (tokens[j].tag in _SKIP or tokens[j].text in _QUOTES):
        j -= 1
    return tokens[j] if j >= 0 else None


def _adverb_only(tok: Token, lex: Lexicon) -> bool:
    return tok.lower in lex.closed and lex.closed[tok.lower] == ("ADV",)


@dataclass
class Context:
    """Word ``i`` of a sentence being tagged, and what the rules may ask about it.

    ``prev`` is the nearest earlier token that is not an adverb, negation or opening
    quote, ``p`` its tag (``START`` when there is none); ``finite``: a finite verb came
    before in the clause. Tokens before ``i`` are tagged, those after it are not yet.
    """

    tokens: list[Token]
    i: int
    finite: bool
    lex: Lexicon

    def __post_init__(self) -> None:
        self.prev = _previous(self.tokens, self.i)
        self.p = self.prev.tag if self.prev is not None else "START"
        self._neighbours: dict[str, Token | None] = {"self": self.tokens[self.i], "prev": self.prev}

    def neighbour(self, name: str) -> Token | None:
        """A neighbour by name (:data:`NEIGHBOURS`), found once per word."""
        if name not in self._neighbours:
            self._neighbours[name] = NEIGHBOURS[name](self)
        return self._neighbours[name]

    def at(self, k: int) -> Token | None:
        """Token ``k`` of the sentence, or None outside it."""
        return self.tokens[k] if 0 <= k < len(self.tokens) else None


def _after(c: Context) -> Token | None:
    """The next token, looking past closed-class adverbs ("Harbor Mills shares also fell");
    the last token of the sentence ends the look even when it is such an adverb."""
    tokens, k = c.tokens, c.i + 1
    after = tokens[k] if k < len(tokens) else None
    while after is not None and _adverb_only(after, c.lex) and k + 1 < len(tokens):
        k += 1
        after = tokens[k]
    return after


def _next_verb(c: Context) -> Token | None:
    """The first later token that is no adverb, closed ("formally") or by the dictionary
    ("first"): where a verb would stand in "China first formally claimed"."""
    tokens, lex, k = c.tokens, c.lex, c.i + 1
    while k < len(tokens) and (
        _adverb_only(tokens[k], lex)
        or tokens[k].lower not in lex.closed
        and analyze(tokens[k].lower)[0] == {"ADV"}
    ):
        k += 1
    return tokens[k] if k < len(tokens) else None


#: The neighbours a condition can test, by name: a function of the context to a token or None.
NEIGHBOURS: dict[str, Callable[[Context], Token | None]] = {
    "self": lambda c: c.tokens[c.i],
    "prev": lambda c: c.prev,
    "left1": lambda c: c.at(c.i - 1),
    "left2": lambda c: c.at(c.i - 2),
    "left3": lambda c: c.at(c.i - 3),
    "next": lambda c: c.at(c.i + 1),
    "next2": lambda c: c.at(c.i + 2),
    "next3": lambda c: c.at(c.i + 3),
    "after": _after,
    "next_verb": _next_verb,
}


# --- Structural predicates --------------------------------------------------------------------


def continues_verb(c: Context) -> bool:
    """Whether a participle continues a verb: the complement of a verb of a TimeML class
    ("began cutting", "considered raising"), or coordinated with an earlier verb of the same
    form ("and tightening security")."""
    prev, tokens, i = c.prev, c.tokens, c.i
    if prev is None:
        return False
    if prev.tag == "V":
        return prev.lemma in c.lex.class_of and "VBG" in tokens[i].forms
    if prev.tag == "CONJ":
        last = next((t for t in reversed(tokens[: i - 1]) if t.tag == "V"), None)
        return last is not None and bool(last.forms & tokens[i].forms & {"VBG", "VBD"})
    return False


def compound_subject(c: Context) -> bool:
    """Word ``i`` ends a noun compound ("a rate cut", "the price rise", singular modifier)
    and an auxiliary or copula follows after only noun-phrase and prepositional material
    ("in March", "this year"): it is the subject's head, and the auxiliary its verb."""
    tokens, i, lex = c.tokens, c.i, c.lex
    modifier = tokens[i - 1].lower
    if all_lemmas(modifier).get("NOUN", (modifier,))[0] != modifier:
        return False  # a plural before it is a head: "heavy rains forecast for the weeks are"
    k = i - 1
    while k >= 0 and tokens[k].tag in ("N", "ADJ", "NUM", "CONJ"):
        k -= 1
    if k >= 0 and tokens[k].tag not in ("DET", "POSS", "POSSM"):
        return False
    for tok in tokens[i + 1 :]:
        seen = _peek(tok, lex)
        if seen in ("MODAL", "BE", "HAVE"):
            return True
        if seen not in ("PREP", "DET", "NUM", "PROPN", "NOUN", "POSS"):
            return False
    return False


def same_form_as_last_verb(c: Context) -> bool:
    """The last verb before the conjunction ahead of word ``i`` shares one of its verb forms:
    the word is that verb's coordinate ("rose and fell")."""
    last = next((t for t in reversed(c.tokens[: c.i - 1]) if t.tag == "V"), None)
    return last is not None and bool(last.forms & c.tokens[c.i].forms)


def headline_verb(c: Context) -> bool:
    """Word ``i`` can be the verb of a headline: the sentence has no closing punctuation (a
    headline drops its copula and its period: "Hiker dies in fall"), and no verb stands
    between the word and the last comma, colon or semicolon before it (or the start); after a
    comma, the words before it hold a verb (its coordinate: "checks into a clinic, rehires
    lawyer") or a clause opener (a "with" phrase, a participle) and the subject comes first."""
    tokens, i = c.tokens, c.i
    if not unpunctuated(tokens):
        return False
    k = i - 1
    while k >= 0 and tokens[k].tag != "PUNCT":
        if tokens[k].tag == "V":
            return False
        k -= 1
    if k == i - 1:  # right after the break: a coordinate of the verb before it
        return any(t.tag == "V" for t in tokens[:k])
    return True


def headline_plain_verb(c: Context) -> bool:
    """Word ``i`` can be a headline's verb (:func:`headline_verb`) and no word after it in its
    clause reads as a verb with a tense of its own ("-s" or past: in "Sales tax rises" and
    "Tigers coach fired" that word is the verb, and the plain form a noun); a subordinator
    ends the clause ("Farmers battle police after it's revealed that ...")."""
    if not headline_verb(c):
        return False
    # after a word in lower case, a capitalized one is a name ("topping Owls"), no verb
    lower = c.tokens[c.i].text[:1].islower()
    for tok in c.tokens[c.i + 1 :]:
        if _PUNCT.match(tok.text) or "SUB" in c.lex.closed.get(tok.lower, ()):
            return True
        if lower and tok.text[:1].isupper():
            continue
        if tok.lower not in c.lex.closed and analyze(tok.lower)[1] & {"VBZ", "VBD"}:
            return False
    return True


def after_apposition(c: Context) -> bool:
    """The comma right before word ``i`` closes a parenthetical between a subject and its verb
    (:func:`timeline.events.clauses.apposition_start`: "Ruiz, the chief, resigns")."""
    j = c.i - 1
    return j > 0 and c.tokens[j].text == "," and apposition_start(c.tokens, j) is not None


def after_relative_clause(c: Context) -> bool:
    """The comma right before word ``i`` closes a relative clause set between commas after its
    subject ("The mayor, who took office in May, needs support"; "The deal, which was
    announced, lets Zentek buy the plant"): the clause opens with a relative pronoun right
    after a comma that follows a noun or name, and no punctuation comes between (so the look
    back ends at the clause's own commas: linear in a sentence of many commas).

    Examples:
        >>> from timeline.events.tagger import tag, tokenize
        >>> toks = tag(tokenize("The mayor, who took office in May, needs support."))
        >>> after_relative_clause(Context(toks, 9, True, lexicon()))
        True
        >>> after_relative_clause(Context(toks, 6, True, lexicon()))
        False
    """
    j = c.i - 1
    if j < 3 or c.tokens[j].text != ",":
        return False
    for k in range(j - 1, 1, -1):
        tok = c.tokens[k]
        if tok.tag == "PUNCT":
            return False
        if tok.tag == "REL" and c.tokens[k - 1].text == ",":
            return k - 1 < j - 1 and c.tokens[k - 2].tag in ("N", "PROPN")
    return False


def no_finite_ahead(c: Context) -> bool:
    """No later word of the clause can be its finite verb: none is an auxiliary, and none with
    a tensed form follows a noun or name (a determiner, preposition or adjective before it makes
    it a noun: "after the clashes"). Punctuation or a subordinator ends the clause. So in "The
    nation votes on Sunday" the "-s" word is the verb, and in "The job cuts at the plant hurt"
    it is not."""
    tokens, lex = c.tokens, c.lex
    for k in range(c.i + 1, len(tokens)):
        seen = _peek(tokens[k], lex)
        if seen in ("PUNCT", "REL") or "SUB" in lex.closed.get(tokens[k].lower, ()):
            return True
        if seen in ("MODAL", "BE", "HAVE", "DO"):
            return False
        if (
            seen in ("NOUN", "OPEN")
            and _peek(tokens[k - 1], lex) in ("NOUN", "OPEN", "PROPN")
            and analyze(tokens[k].lower)[1] & {"VBD", "VBZ", "VBP"}
        ):
            return False
    return True


#: Tests too structural to state as data, named by ``predicate:`` in a rule's condition.
PREDICATES: dict[str, Callable[[Context], bool]] = {
    "continues_verb": continues_verb,
    "compound_subject": compound_subject,
    "same_form_as_last_verb": same_form_as_last_verb,
    "headline_verb": headline_verb,
    "headline_plain_verb": headline_plain_verb,
    "after_apposition": after_apposition,
    "after_relative_clause": after_relative_clause,
    "no_finite_ahead": no_finite_ahead,
}


# --- Token tests ------------------------------------------------------------------------------
# Each maps a rule's value to a test of one token: fn(value) -> (token, context) -> bool.


def _names(value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _closed_tags(tok: Token, c: Context) -> set:
    return set(c.lex.closed.get(tok.lower, ()))


def _word_lists(names, own: dict) -> Callable[[Context], tuple]:
    """The word lists named: the table's own captured now, the lexicon's read from the
    lexicon the tagger passes (once per lexicon)."""
    names = _names(names)
    if all(n in own for n in names):
        lists = tuple(own[n] for n in names)
        return lambda c: lists
    found: dict[int, tuple] = {}

    def lists_of(c: Context) -> tuple:
        key = id(c.lex.words)
        if key not in found:
            found[key] = tuple(own[n] if n in own else c.lex.words[n] for n in names)
        return found[key]

    return lists_of


#: Word-list tests: (the word or its lemma, whether it must be in one of the lists).
_LIST_TESTS = {
    "in": ("lower", True),
    "not_in": ("lower", False),
    "lemma_in": ("lemma", True),
    "lemma_not_in": ("lemma", False),
}


def _list_test(key: str, names, own: dict) -> Callable[[Token, Context], bool]:
    attribute, wanted = _LIST_TESTS[key]
    lists = _word_lists(names, own)

    def test(tok: Token, c: Context) -> bool:
        # a list declared case-sensitive (rules.loader.words) holds the word as written
        return (
            any(
                (
                    tok.text
                    if attribute == "lower" and isinstance(w, CaseSensitive)
                    else getattr(tok, attribute)
                )
                in w
                for w in lists(c)
            )
            is wanted
        )

    return test


#: Token tests by name; a condition on a neighbour maps some of these names to values.
TOKEN_TESTS: dict[str, Callable] = {
    # the tagger's decision on a token before the word, "" on one after it
    "tag": lambda v: lambda tok, c: tok.tag in v,
    "untagged": lambda v: lambda tok, c: (tok.tag == "") is v,
    "text": lambda v: lambda tok, c: tok.text in v,
    # the TimeML class of the lemma (rules/events.yaml ``classes``), if it has one
    "class": lambda v: lambda tok, c: c.lex.class_of.get(tok.lemma) in v,
    "class_not": lambda v: lambda tok, c: c.lex.class_of.get(tok.lemma) not in v,
    "has_class": lambda v: lambda tok, c: (tok.lemma in c.lex.class_of) is v,
    # the open classes and verb forms the tagger recorded (the word itself, earlier words)
    "pos_all": lambda v: lambda tok, c: v <= tok.pos,
    "pos_any": lambda v: lambda tok, c: bool(tok.pos & v),
    "pos_none": lambda v: lambda tok, c: not tok.pos & v,
    "open_classes": lambda v: lambda tok, c: len(tok.pos - {"ADV"}) == v,
    "forms_all": lambda v: lambda tok, c: v <= tok.forms,
    "forms_any": lambda v: lambda tok, c: bool(tok.forms & v),
    "forms_none": lambda v: lambda tok, c: not tok.forms & v,
    "forms_within": lambda v: lambda tok, c: tok.forms <= v,
    # what the dictionary says of a word (for words not tagged yet)
    "dict_pos_any": lambda v: lambda tok, c: bool(analyze(tok.lower)[0] & v),
    "dict_pos_none": lambda v: lambda tok, c: not analyze(tok.lower)[0] & v,
    "dict_forms_any": lambda v: lambda tok, c: bool(analyze(tok.lower)[1] & v),
    "dict_forms_none": lambda v: lambda tok, c: not analyze(tok.lower)[1] & v,
    "dict_forms_exactly": lambda v: lambda tok, c: analyze(tok.lower)[1] == v,
    # a noun by the dictionary, or a word it knows nothing of ("U.S.", "al-Sudani")
    "may_be_noun": lambda v: lambda tok, c: ("N" in (analyze(tok.lower)[0] or {"N"})) is v,
    # spelling
    "ends_s": lambda v: lambda tok, c: tok.lower.endswith("s") is v,
    "ends_ly": lambda v: lambda tok, c: tok.lower.endswith("ly") is v,
    # a word the dictionary lists ("family"), not one it only guesses a noun for ("stably")
    "in_dictionary": lambda v: lambda tok, c: in_dictionary(tok.lower) is v,
    "lower_case": lambda v: lambda tok, c: tok.text[:1].islower() is v,
    "alpha": lambda v: lambda tok, c: tok.text[:1].isalpha() is v,
    # closed classes of rules/events.yaml
    "closed": lambda v: lambda tok, c: (tok.lower in c.lex.closed) is v,
    "closed_any": lambda v: lambda tok, c: bool(_closed_tags(tok, c) & v),
    "closed_none": lambda v: lambda tok, c: not _closed_tags(tok, c) & v,
    # the rough class of a word not tagged yet (see _peek); END for no word
    "peek": lambda v: lambda tok, c: _peek(tok, c.lex) in v,
}


def _token_test(spec: dict, where: str, own: dict) -> Callable[[Token | None, Context], bool]:
    if not isinstance(spec, dict):
        raise RuleError(f"{where}: a neighbour's tests must be a mapping, got {spec!r}")
    missing = spec.get("missing", False)
    peek = spec.get("peek")
    tests = []
    for key, value in spec.items():
        if key == "missing":
            continue
        if key in _LIST_TESTS:
            unknown = [n for n in _names(value) if n not in own and n not in lexicon().words]
            if unknown:
                raise RuleError(f"{where}: unknown word list {unknown[0]!r}")
            tests.append(_list_test(key, value, own))
            continue
        if key not in TOKEN_TESTS:
            known = ", ".join(["missing", *_LIST_TESTS, *TOKEN_TESTS])
            raise RuleError(f"{where}: unknown token test {key!r} (known: {known})")
        tests.append(TOKEN_TESTS[key](frozenset(value) if isinstance(value, list) else value))

    def test(tok: Token | None, c: Context) -> bool:
        if tok is None:  # no such token: only ``missing`` or a peek at END holds
            return missing or peek is not None and "END" in peek
        for t in tests:
            if not t(tok, c):
                return False
        return True

    return test


#: The order a condition's checks run in (all must hold, so the order changes no result).
_COST = {
    "self": 0,
    "prev_tag": 1,
    "prev": 2,
    "finite": 2,
    "left1": 3,
    "left2": 3,
    "left3": 3,
    "next": 4,
    "next2": 4,
    "next3": 4,
    "not": 5,
    "any": 5,
    "after": 6,
    "next_verb": 6,
    "predicate": 7,
}


def _prev_tag(value, where: str, own: dict) -> Callable[[Context], bool]:
    tags = frozenset(value)
    return lambda c: c.p in tags


def _finite(value, where: str, own: dict) -> Callable[[Context], bool]:
    return lambda c: c.finite is value


def _predicate(value, where: str, own: dict) -> Callable[[Context], bool]:
    if value not in PREDICATES:
        raise RuleError(f"{where}: unknown predicate {value!r}")
    return PREDICATES[value]


def _any(value, where: str, own: dict) -> Callable[[Context], bool]:
    subs = [_condition(s, f"{where}: any", own) for s in value]
    return lambda c: any(s(c) for s in subs)


def _not(value, where: str, own: dict) -> Callable[[Context], bool]:
    sub = _condition(value, f"{where}: not", own)
    return lambda c: not sub(c)


#: How each key of a condition beyond the neighbours compiles to a check of a context.
_CONDITION_KEYS = {
    "prev_tag": _prev_tag,
    "finite": _finite,
    "predicate": _predicate,
    "any": _any,
    "not": _not,
}


def _condition(spec: dict, where: str, own: dict) -> Callable[[Context], bool]:
    """Compile a condition (see the module docstring) to a test of a context."""
    if not isinstance(spec, dict):
        raise RuleError(f"{where}: a condition must be a mapping, got {spec!r}")
    checks: list[Callable[[Context], bool]] = []
    for key, value in spec.items():
        if key in NEIGHBOURS:
            test = _token_test(value, f"{where}: {key}", own)
            checks.append(lambda c, key=key, test=test: test(c.neighbour(key), c))
        elif key in _CONDITION_KEYS:
            checks.append(_CONDITION_KEYS[key](value, where, own))
        else:
            known = [*NEIGHBOURS, *_CONDITION_KEYS]
            raise RuleError(f"{where}: unknown condition {key!r} (known: {', '.join(known)})")
    # every check must hold and none has side effects: the cheap ones (the word itself, the
    # previous tag) go first, the looks ahead and structural predicates last
    costs = [_COST[key] for key in spec]
    checks = [check for _, check in sorted(zip(costs, checks), key=lambda pair: pair[0])]

    def holds(c: Context) -> bool:
        for check in checks:
            if not check(c):
                return False
        return True

    return holds


@dataclass(frozen=True)
class Rule:
    """One row of the table: its id, compiled condition and tag (or tags in preference);
    ``prev_tags`` (the previous tags its condition allows; None: any) and ``pos`` let the
    evaluator pass over a rule without running its condition."""

    id: str
    test: Callable[[Context], bool]
    tags: tuple[str, ...]
    prev_tags: frozenset | None = None
    pos: frozenset = frozenset()  # the open classes its condition asks of the word itself


@dataclass(frozen=True)
class Table:
    """The decision list of ``open_tags.yaml``, with its own word lists and raw rows."""

    rules: tuple[Rule, ...]
    lists: dict
    rows: tuple[dict, ...]
    #: (previous tag, open classes) -> the rules that may hold for such a word, in order
    _passable: dict = field(default_factory=dict, compare=False, repr=False)

    def passable(self, p: str, pos: frozenset) -> tuple[Rule, ...]:
        """The rules, in order, whose previous tags allow ``p`` and whose word classes
        ``pos`` has: the others cannot hold, and few (p, pos) pairs occur, so each pair's
        rules are found once instead of filtering all rules for every word."""
        key = (p, pos if isinstance(pos, frozenset) else frozenset(pos))
        found = self._passable.get(key)
        if found is None:
            found = self._passable[key] = tuple(
                rule
                for rule in self.rules
                if (rule.prev_tags is None or p in rule.prev_tags) and rule.pos <= pos
            )
        return found


@functools.lru_cache(maxsize=4)
def table(path: Path = RULES) -> Table:
    """The decision list of ``rules/open_tags.yaml`` (or ``path``), checked and compiled once.

    Raises:
        RuleError: an unknown key, condition, token test, predicate or word list; a rule
            without id or tag; a last rule with a condition (some rule must always hold).

    Examples:
        >>> [rule.id for rule in table().rules][:2]
        ['unknown_ly_adverb', 'no_open_class']
        >>> sorted(table().lists["so_far_adverbs"])
        ['so', 'thus']
    """
    path = Path(path)
    data = load(path, SHAPE)
    # each list's case as it declares it: lower-cased unless ``case: sensitive``
    lists = {
        name: words(found, f"{path.name}: lists: {name}") for name, found in data["lists"].items()
    }
    rules = []
    for row in data["rules"]:
        where = f"{path.name}: rules: row {row.get('id')!r}"
        if "id" not in row or "tag" not in row:
            raise RuleError(f"{where}: a rule needs an id and a tag")
        unknown = [t for t in _names(row["tag"]) if t not in TAGS]
        if unknown:
            raise RuleError(f"{where}: unknown tag {unknown[0]!r} (known: {', '.join(TAGS)})")
        when = row.get("when") or {}
        test = _condition(when, where, lists)
        prev_tags = frozenset(when["prev_tag"]) if "prev_tag" in when else None
        pos = frozenset((when.get("self") or {}).get("pos_all", ()))
        rules.append(Rule(row["id"], test, _names(row["tag"]), prev_tags, pos))
    if not rules or data["rules"][-1].get("when"):
        raise RuleError(f"{path.name}: the last rule must hold always (no 'when')")
    return Table(tuple(rules), lists, tuple(data["rules"]))


def open_tag_rule(tokens: list[Token], i: int, finite: bool, lex: Lexicon) -> tuple[str, str]:
    """The tag of open-class word ``i`` and the id of the rule that chose it.

    Tokens before ``i`` are tagged already; ``finite``: a finite verb came before it in
    its clause. The rules of ``open_tags.yaml`` are tried in order.

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> tokens = tag(tokenize("The talks ended."))
        >>> tokens[1].tag = ""
        >>> open_tag_rule(tokens, 1, False, lexicon())
        ('N', 'noun_before_finite_verb')
    """
    c = Context(tokens, i, finite, lex)
    pos = tokens[i].pos
    p, pos = c.p, tokens[i].pos
    for rule in table().passable(p, pos):
        if rule.test(c):
            tag = next((t for t in rule.tags[:-1] if t in pos), rule.tags[-1])
            return tag, rule.id
    raise AssertionError("the table ends with a rule that always holds")  # checked at load


def open_tag(tokens: list[Token], i: int, finite: bool, lex: Lexicon) -> str:
    """The tag of open-class word ``i`` from its analyses and its neighbours
    (:func:`open_tag_rule` without the rule's id).

    Examples:
        >>> from timeline.events.lexicon import tokenize
        >>> from timeline.events.tagger import tag
        >>> tokens = tag(tokenize("The talks ended."))
        >>> tokens[1].tag = ""
        >>> open_tag(tokens, 1, False, lexicon())
        'N'
    """
    return open_tag_rule(tokens, i, finite, lex)[0]
