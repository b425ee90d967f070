"""Word classes for the event stage: the lexicon of ``rules/events.yaml``,
a tokenizer with offsets and a small rule-based part-of-speech tagger.

No statistical tagger is available, so the tagger combines the closed word
classes of the rules file with the open classes (noun, verb, adjective and
inflected verb forms) that ``lemminflect`` ships in its wheel, and settles
ambiguous words ("talks", "meeting", "set") from their left context.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import lemminflect
import yaml

from .errors import RuleError

RULES = Path(__file__).resolve().parent / "rules" / "events.yaml"

_TOKEN = re.compile(r"""(?:[A-Za-z]\.){2,}
    |[A-Za-z]+(?=n['’]t\b)
    |n['’]t\b
    |['’](?:s|re|ve|ll|d|m)\b
    |\d+(?:[.,:/]\d+)*(?:[A-Za-z]+)?
    |[A-Za-z0-9]+(?:(?:[-&]|['’](?![sdm]\b|re\b|ve\b|ll\b))[A-Za-z0-9]+)*
    |``|''|--|\S""", re.X)


_NOT_TAGS = ("TITLE", "ORG", "NAME_PARTICLE", "SUBJ_PRON")


@dataclass(frozen=True)
class Lexicon:
    """The event rules, as sets for fast lookup."""

    data: dict
    closed: dict                  # word -> tuple of closed tags
    abbreviations: frozenset
    starters: frozenset           # words that usually start a sentence
    class_of: dict                # verb lemma -> TimeML class
    needs_complement: frozenset   # lemmas whose class holds only with an event argument
    noun_class: dict              # noun lemma -> TimeML class
    event_nouns: frozenset
    not_event_nouns: frozenset
    suffixes: tuple               # (suffix, (stem endings ...)) longest first
    words: dict = field(default_factory=dict)   # misc word sets by name


def _words(node) -> list[str]:
    if not isinstance(node, list):
        raise RuleError(f"{RULES}: expected a list of words, got {type(node).__name__}")
    return [str(w).lower() for w in node]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of ``rules/events.yaml``, loaded once.

    Examples:
        >>> lexicon().class_of["say"]
        'REPORTING'
    """
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    closed: dict[str, tuple] = {}
    for tag, words in data["closed"].items():
        if tag in _NOT_TAGS:
            continue
        for word in _words(words):
            closed[word] = closed.get(word, ()) + (tag,)
    class_of, noun_class, needs = {}, {}, set()
    # Later classes in this order win over earlier ones for a shared lemma.
    for name in ("STATE", "I_ACTION", "PERCEPTION", "ASPECTUAL", "I_STATE", "REPORTING"):
        family = data["classes"][name]
        for lemma in _words(family.get("with_complement", [])):
            class_of[lemma] = name
            needs.add(lemma)
        for lemma in _words(family.get("lemmas", [])):
            class_of[lemma] = name
            needs.discard(lemma)
        for lemma in _words(family.get("nouns", [])):
            noun_class[lemma] = name
    nominals = data["nominals"]
    event_nouns = frozenset(_words(nominals["lemmas"])) | frozenset(
        w for w, c in noun_class.items() if c != "STATE")
    suffixes = tuple(sorted(((s, tuple(r)) for s, r in nominals["suffixes"].items()), key=lambda x: -len(x[0])))
    starters = set()
    for tag in ("DET", "PRON", "CONJ", "SUB", "POSS"):
        starters.update(_words(data["closed"][tag]))
    words = {
        "plan_cues": frozenset(_words(data["verb_groups"]["plan_cues"]["words"])),
        "aux_cues": frozenset(_words(data["verb_groups"]["plan_cues"]["auxiliary"])),
        "plan_potential": frozenset(_words(data["verb_groups"]["plan_cues"]["potential"])),
        "future": frozenset(_words(data["verb_groups"]["future_modal"]["words"])),
        "would": frozenset(_words(data["verb_groups"]["would"]["words"])),
        "potential_modal": frozenset(_words(data["verb_groups"]["potential_modal"]["words"])),
        "predicates": frozenset(_words(data["predicates"]["words"])),
        "not_predicates": frozenset(_words(data["predicates"]["not_events"])),
        "state_adverbs": frozenset(_words(data["predicates"]["state_adverbs"])),
        "mod_potential": frozenset(_words(data["modality"]["potential"]["words"])),
        "mod_potential_clause": frozenset(_words(data["modality"]["potential"]["clause"])),
        "mod_expected": frozenset(_words(data["modality"]["expected"]["words"])),
        "mod_past": frozenset(_words(data["modality"]["past"]["words"])),
        "support": frozenset(_words(data["support_verbs"]["lemmas"])),
        "complement": frozenset(_words(data["reporting_complement"]["lemmas"])),
        "generic": frozenset(_words(data["generic"]["lemmas"])),
        "never": frozenset(_words(data["never"]["words"])),
        "boundary": frozenset(_words(data["clauses"]["boundary_words"])),
        "title": frozenset(_words(data["closed"]["TITLE"])),
        "org": frozenset(_words(data["closed"]["ORG"])),
        "particle": frozenset(_words(data["closed"]["NAME_PARTICLE"])),
        "subj_pron": frozenset(_words(data["closed"]["SUBJ_PRON"])),
    }
    not_events = frozenset(_words(nominals["not_events"]))
    return Lexicon(data, closed, frozenset(_words(data["segment"]["abbreviations"])), frozenset(starters),
                   class_of, frozenset(needs), noun_class, event_nouns, not_events, suffixes, words)


@dataclass
class Token:
    """A word with its offsets and the tagger's decision."""

    text: str
    start: int
    end: int
    lower: str
    tag: str = ""                 # closed tag, or N, V, ADJ, PROPN, NUM, PUNCT, POSSM
    pos: frozenset = frozenset()  # open classes the word can have (N, V, ADJ, ADV)
    forms: frozenset = frozenset()  # verb forms (VB, VBD, VBN, VBG, VBZ, VBP)
    lemma: str = ""               # verb lemma when it can be a verb, else noun lemma


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Examples:
        >>> [t.text for t in tokenize("Iraq’s U.S. envoy didn't call 2,500 troops.")]
        ['Iraq', '’s', 'U.S.', 'envoy', 'did', "n't", 'call', '2,500', 'troops', '.']
    """
    end = len(text) if end is None else end
    return [Token(m.group(0), m.start(), m.end(), m.group(0).lower().replace("’", "'"))
            for m in _TOKEN.finditer(text, start, end)]


@functools.lru_cache(maxsize=65536)
def analyze(lower: str) -> tuple[frozenset, frozenset, str]:
    """Open classes, verb forms and lemma of a lower-case word (from lemminflect).

    Examples:
        >>> sorted(analyze("talks")[0]), sorted(analyze("talks")[1]), analyze("talks")[2]
        (['N', 'V'], ['VBZ'], 'talk')
    """
    found = lemminflect.getAllLemmas(lower)
    pos = set()
    forms: set = set()
    lemma = ""
    if "NOUN" in found:
        pos.add("N")
        lemma = found["NOUN"][0]
    if "ADJ" in found:
        pos.add("ADJ")
    if "ADV" in found:
        pos.add("ADV")
    if "VERB" in found:
        pos.add("V")
        lemma = found["VERB"][0]
        for tag, words in lemminflect.getAllInflections(lemma, upos="VERB").items():
            if lower in words:
                forms.add(tag)
        if "VBD" in forms and "VBN" not in forms and lower.endswith("ed"):
            forms.add("VBN")
        if not forms:
            forms.add("VB")
    if not found and lower.isalpha():
        if lower.endswith("ed") and len(lower) > 4:
            pos.add("V")
            forms.update(("VBD", "VBN"))
            lemma = lemminflect.getAllLemmasOOV(lower, "VERB").get("VERB", (lower,))[0]
        elif lower.endswith(("ize", "ise", "ify", "izes", "ises", "ifies")):
            pos.add("V")
            forms.update(("VBZ",) if lower.endswith("s") else ("VB", "VBP"))
            lemma = lemminflect.getAllLemmasOOV(lower, "VERB").get("VERB", (lower,))[0]
        elif lower.endswith("ing") and len(lower) > 5:
            pos.update(("V", "N"))
            forms.add("VBG")
            lemma = lemminflect.getAllLemmasOOV(lower, "VERB").get("VERB", (lower,))[0]
        else:
            pos.add("N")
            lemma = lower
    return frozenset(pos), frozenset(forms), lemma or lower


_PUNCT = re.compile(r"^[^\w]+$")
_SKIP = ("ADV", "NEG")
_QUOTES = ("``", "\"", "“", "‘", "'", "(")


def _closed_tag(tok: Token, prev: Token | None, nxt: Token | None, lex: Lexicon) -> str:
    tags = lex.closed[tok.lower]
    if tok.lower in ("that", "who", "which"):
        if prev is not None and prev.tag in ("N", "PROPN", "NUM") or tok.lower == "who" and prev is not None \
                and prev.text == ",":
            return "REL"
        if tok.lower == "that" and prev is not None and prev.tag not in ("V", "PUNCT", "ADV", "SUB", "CONJ", "ADJ"):
            return "DET"
        return "SUB"
    if tok.lower == "'d":
        return "MODAL" if nxt is not None and "VB" in analyze(nxt.lower)[1] else "HAVE"
    if "TO" in tags:
        return "TO"
    if tok.lower in ("after", "before", "since", "until") and nxt is not None and nxt.lower in lex.closed \
            and "DET" in lex.closed[nxt.lower]:
        return "PREP"
    for tag in ("MODAL", "BE", "HAVE", "DO", "NEG", "PRON", "POSS", "DET", "CONJ", "SUB", "PREP", "ADV", "NUMWORD"):
        if tag in tags:
            return "NUM" if tag == "NUMWORD" else tag
    return tags[0]


def _peek(tok: Token | None, lex: Lexicon) -> str:
    """A rough class of a token not tagged yet: END, PUNCT, NUM, PROPN, a closed tag, NOUN or OPEN."""
    if tok is None:
        return "END"
    if _PUNCT.match(tok.text):
        return "PUNCT"
    if tok.text[0].isdigit():
        return "NUM"
    if tok.lower in ("who", "which", "whom", "whose"):
        return "REL"
    if tok.lower in lex.closed:
        return lex.closed[tok.lower][0]
    if tok.text[0].isupper():
        return "PROPN"
    pos = analyze(tok.lower)[0]
    return "NOUN" if "N" in pos and "V" not in pos or pos == {"N", "V"} and tok.lower.endswith("s") is False else "OPEN"


def _continues_verb(tokens: list[Token], i: int, prev: Token | None, lex: Lexicon) -> bool:
    """Whether a participle continues a verb: the complement of "begin", "consider", or
    coordinated with an earlier verb of the same form ("and tightening security")."""
    if prev is None:
        return False
    if prev.tag == "V":
        return prev.lemma in lex.class_of and "VBG" in tokens[i].forms
    if prev.tag == "CONJ":
        last = next((t for t in reversed(tokens[:i - 1]) if t.tag == "V"), None)
        return last is not None and bool(last.forms & tokens[i].forms & {"VBG", "VBD"})
    return False


def _previous(tokens: list[Token], i: int) -> Token | None:
    """The nearest earlier token that is not an adverb or negation."""
    j = i - 1
    while j >= 0 and (tokens[j].tag in _SKIP or tokens[j].text in _QUOTES):
        j -= 1
    return tokens[j] if j >= 0 else None


def _open_tag(tokens: list[Token], i: int, finite: bool, lex: Lexicon) -> str:
    tok = tokens[i]
    pos, forms = tok.pos, tok.forms
    if len(pos - {"ADV"}) == 0:
        return "ADV" if pos else "N"
    prev = _previous(tokens, i)
    p = prev.tag if prev is not None else "START"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if forms & {"VBG", "VBN"} and p in ("PREP", "N", "CONJ", "V", "START") and _peek(nxt, lex) == "NOUN" \
            and not _continues_verb(tokens, i, prev, lex):
        if "VBG" in forms and p != "START" or "VBN" in forms and "VB" not in forms and p in ("PREP", "CONJ", "START"):
            return "ADJ"   # prenominal modifiers: "of piloting opportunities", "of subordinated debentures"
    if "V" in pos and p in ("DET", "POSS", "POSSM", "ADJ", "NUM") and nxt is not None:
        nxt_noun = nxt.tag in ("", "PROPN") and nxt.text[:1].isalpha() and nxt.lower not in lex.closed \
            and "N" in (analyze(nxt.lower)[0] or {"N"})
        if forms & {"VBN", "VBD"} and "VB" not in forms and nxt_noun:
            return "ADJ"
        if "VBG" in forms:
            return "ADJ" if nxt_noun else "N"
    if len(pos - {"ADV"}) == 1:
        only = next(iter(pos - {"ADV"}))
        if only == "V" and tok.lower in lex.words["never"] and p not in ("BE", "HAVE", "MODAL", "DO", "TO"):
            return "PREP"
        return only
    after = nxt
    k = i + 1
    while after is not None and after.lower in lex.closed and lex.closed[after.lower] == ("ADV",) and k + 1 < len(tokens):
        k += 1
        after = tokens[k]   # look past "also", "still": "Dow Jones shares also fell"
    if "V" in pos and "N" in pos and after is not None and after.text[:1].islower() and after.lower not in lex.closed \
            and p not in ("TO", "MODAL", "DO", "HAVE", "BE", "PRON", "REL"):
        npos, nforms, _ = analyze(after.lower)
        if "VBD" in nforms and not ({"VBD", "VBN"} & forms and "N" not in npos) or "VBZ" in nforms and "N" not in npos:
            return "N"
        if "VBZ" in nforms and not forms & {"VBZ", "VBD", "VBG"} and p in ("PROPN", "N"):
            return "N"   # "the Patterson group controls"
    if "V" in pos:
        if p == "TO" and "VB" in forms:
            return "V"
        if p in ("MODAL", "DO") and "VB" in forms:
            return "V"
        if p == "HAVE" and "VBN" in forms:
            return "V"
        if p == "BE" and forms & {"VBG", "VBN"}:
            return "V"
        if p in ("PRON",) and prev.lower in lex.words["subj_pron"] and forms & {"VBD", "VBZ", "VBP"}:
            return "V"
        if p in ("DET", "POSS", "NUM", "POSSM"):
            return "N" if "N" in pos else ("ADJ" if "ADJ" in pos else "V")
        if p == "ADJ":
            return "N" if "N" in pos else "ADJ"
        if p == "PREP":
            if "VBG" in forms and (i + 1 >= len(tokens) or tokens[i + 1].tag not in ("PUNCT",)):
                return "V"
            return "N" if "N" in pos else "ADJ" if "ADJ" in pos else "V"
        if p in ("N", "PROPN", "PRON"):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if forms & {"VBD", "VBN"}:
                return "V"
            ahead = _peek(nxt, lex)
            if "N" in pos and (p == "N" and ahead in ("PUNCT", "END", "NOUN", "PREP", "REL")
                               or p == "PROPN" and "VBZ" not in forms and ahead in ("PUNCT", "END", "NOUN")):
                return "N"   # "job cuts at", "sources say", "Boston center", "Baghdad radio,"
            if forms & {"VBP"} and not forms & {"VBZ", "VBD"} and p == "N" and not prev.lower.endswith("s"):
                return "N" if "N" in pos else "V"
            if forms & {"VBZ", "VBP"} and not finite:
                if nxt is not None and nxt.lower in lex.closed and {"BE", "HAVE", "MODAL", "DO"} & set(lex.closed[nxt.lower]):
                    return "N" if "N" in pos else "V"
                return "V"
            if "VBG" in forms:
                if "N" in pos and (nxt is None or nxt.tag == "PUNCT" or nxt.lower in lex.closed
                                   and not {"DET", "POSS", "PRON"} & set(lex.closed[nxt.lower])):
                    return "N"
                return "V"
            return "N" if "N" in pos else "V"
        if p in ("START", "PUNCT", "SUB", "CONJ") and "VBG" in forms:
            return "V"
        if p == "PUNCT" and prev.text in (",", ".") and "VBD" in forms:
            return "V"   # "James McAlpine, the finance chief, resigned"; "Sony Corp. completed"
        if p == "REL" and forms & {"VBD", "VBZ", "VBP"}:
            return "V"
        if p == "CONJ" and forms & {"VB", "VBD", "VBZ"}:
            last = next((t for t in reversed(tokens[:i - 1]) if t.tag == "V"), None)
            if last is not None and last.forms & forms:
                return "V"
        if p == "V" and "N" in pos:
            return "N"
    if "ADJ" in pos and "N" in pos:
        if p == "BE":
            return "ADJ"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.tag == "" and analyze(nxt.lower)[0] & {"N", "ADJ"} and nxt.text[:1].islower():
            return "ADJ"
        return "N"
    if "N" in pos:
        return "N"
    return "ADJ" if "ADJ" in pos else "V"


def tag(tokens: list[Token], names: frozenset = frozenset()) -> list[Token]:
    """Tag the tokens of one sentence in place (and return them).

    ``names`` are words the document writes capitalized inside sentences
    (proper names): at the start of a sentence they stay names.

    Examples:
        >>> [t.tag for t in tag(tokenize("The coalition is set to hold talks."))]
        ['DET', 'N', 'BE', 'V', 'TO', 'V', 'N', 'PUNCT']
    """
    lex = lexicon()
    finite = False
    first = True
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _PUNCT.match(tok.text):
            tok.tag = "PUNCT"
            if tok.text in (";", ":", "--", "—", "``", "\"", "“", "(", ")"):
                finite = False
            if tok.text not in ("``", "\"", "“", "'", "‘", "("):
                first = False if tok.text not in (":", ";") else first
            continue
        if tok.text[0].isdigit():
            tok.tag = "NUM"
            first = False
            continue
        capital = tok.text[0].isupper()
        if tok.lower == "'s":
            tok.tag = "BE" if prev is not None and prev.tag == "PRON" else "POSSM"
            continue
        if tok.text.isupper() and len(tok.text) > 1 and tok.text.isalpha() or \
                not capital and any(c.isupper() for c in tok.text) and "-" in tok.text:
            tok.tag = "PROPN"
            first = False
            continue
        if capital and first and tok.lower not in lex.closed and (tok.text in names or nxt is not None and (
                nxt.text[:1].isupper() or "-" in nxt.text and any(c.isupper() for c in nxt.text))):
            tok.tag = "PROPN"
            first = False
            continue
        if tok.lower in lex.closed:
            tok.tag = _closed_tag(tok, prev, nxt, lex)
            if tok.tag in ("SUB",):
                finite = False
            if tok.tag in ("MODAL", "BE", "HAVE", "DO") and prev is not None and prev.tag != "TO":
                finite = True
            tok.lemma = tok.lower
            first = False
            continue
        tok.pos, tok.forms, tok.lemma = analyze(tok.lower)
        if capital and (not first or not tok.pos or tok.text.isupper() and len(tok.text) > 1):
            tok.tag = "PROPN"
        elif capital and prev is not None and prev.tag == "PROPN" and "V" not in tok.pos:
            tok.tag = "PROPN"
        else:
            tok.tag = _open_tag(tokens, i, finite, lex)
        if tok.tag == "V" and tok.forms & {"VBD", "VBZ", "VBP"} and (prev is None or prev.tag != "TO"):
            finite = True
        first = False
    return tokens


def proper_names(text: str, tokens: list[Token] | None = None) -> frozenset:
    """Words written capitalized after the first word of a sentence-like run
    and never in lower case: the document's proper names.

    Examples:
        >>> sorted(proper_names("Hussein spoke. Then Fuad Hussein left. The talks ended."))
        ['Fuad', 'Hussein']
    """
    tokens = tokenize(text) if tokens is None else tokens
    capital, lower = set(), set()
    for prev, tok in zip([None] + tokens[:-1], tokens):
        if not tok.text[:1].isalpha():
            continue
        if tok.text[0].islower():
            lower.add(tok.lower)
        elif prev is not None and prev.text not in (".", "!", "?", "\"", "“", "``", ":") and prev.text[:1] != "\n":
            capital.add(tok.text)
    return frozenset(w for w in capital if w.lower() not in lower)


_ADJ_ENDINGS = ("ous", "ful", "ive", "able", "ible", "ic", "ish", "less", "ary", "ant", "ent")
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ist", "er", "or")


def analyze_morphology(lower: str) -> tuple[frozenset, frozenset, str]:
    """Open classes from word endings and the verb lemmas of the rules only.

    Not used by the pipeline: ``benchmarks/events.py --no-lemminflect`` swaps
    it in for :func:`analyze` to measure what the lemminflect dictionary buys.

    Examples:
        >>> sorted(analyze_morphology("pressured")[1])
        ['VBD', 'VBN']
    """
    verbs = set(lexicon().class_of)
    if lower.endswith("ly"):
        return frozenset({"ADV"}), frozenset(), lower
    if lower.endswith("ed") and len(lower) > 3:
        stem = lower[:-2] if not lower.endswith("ied") else lower[:-3] + "y"
        lemma = stem + "e" if stem + "e" in verbs else stem
        return frozenset({"V", "ADJ"}), frozenset({"VBD", "VBN"}), lemma
    if lower.endswith("ing") and len(lower) > 4:
        stem = lower[:-3]
        lemma = stem + "e" if stem + "e" in verbs else stem
        return frozenset({"V", "N"}), frozenset({"VBG"}), lemma
    if lower in verbs:
        return frozenset({"V", "N"}), frozenset({"VB", "VBP"}), lower
    if lower.endswith("s") and not lower.endswith("ss"):
        stem = lower[:-2] if lower.endswith("es") and lower[:-2] in verbs else lower[:-1]
        if stem in verbs:
            return frozenset({"V", "N"}), frozenset({"VBZ"}), stem
        return frozenset({"N"}), frozenset(), stem
    if lower.endswith(_ADJ_ENDINGS):
        return frozenset({"ADJ"}), frozenset(), lower
    return frozenset({"N"}), frozenset(), lower
