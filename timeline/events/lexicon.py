"""Words for the event stage: the lexicon of ``rules/events.yaml``, a
tokenizer with offsets, and the open word classes of a word.

The open classes (noun, verb, adjective and inflected verb forms) come from
the dictionary ``lemminflect`` ships in its wheel; :mod:`timeline.tagger`
settles ambiguous words from their context.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import lemminflect

from timeline import settings
from timeline.caches import read_cache
from timeline.errors import RuleError
from timeline.io import segment
from timeline.model import Token
from timeline.rules.loader import Shape, contains, load
from timeline.rules.loader import words as word_list

RULES = Path(__file__).resolve().parent / "rules" / "events.yaml"

_TOKEN = re.compile(
    r"""(?:[A-Za-z]\.){2,}
    |[Cc]an(?=not\b)
    |[A-Za-z]+(?=n['’]t\b)
    |n['’]t\b
    |['’](?:s|re|ve|ll|d|m)\b
    |\d+(?:[.,:/]\d+)*(?:[A-Za-z]+)?
    |[A-Z]{2,}\+(?!\w)
    |[A-Za-z0-9]+(?:(?:[-&]|['’](?![sdm]\b|re\b|ve\b|ll\b))[A-Za-z0-9]+(?:(?<=[0-9])[.,][0-9]+)*)*
    |``|''|--|\S""",
    re.X,
)


# Word sets read straight from rules/events.yaml: name -> path of keys to a list of words.
_WORD_SETS = {
    "plan_cues": ("verb_groups", "plan_cues", "words"),
    "aux_cues": ("verb_groups", "plan_cues", "auxiliary"),
    "plan_potential": ("verb_groups", "plan_cues", "potential"),
    "future": ("verb_groups", "future_modal", "words"),
    "would": ("verb_groups", "would", "words"),
    "potential_modal": ("verb_groups", "potential_modal", "words"),
    "predicates": ("predicates", "words"),
    "named_event_heads": ("nominals", "named_event_heads"),
    "offences": ("nominals", "classes", "offences"),
    "contests": ("nominals", "classes", "contests"),
    "plays": ("nominals", "classes", "plays"),
    "conditional_preps": ("nominals", "conditional_frame", "preps"),
    "conditional_dets": ("nominals", "conditional_frame", "dets"),
    "conditional_nouns": ("nominals", "conditional_frame", "nouns"),
    "not_predicates": ("predicates", "not_events"),
    "state_adverbs": ("predicates", "state_adverbs"),
    "mod_potential": ("modality", "potential", "words"),
    "mod_potential_clause": ("modality", "potential", "clause"),
    "mod_expected": ("modality", "expected", "words"),
    "potential_predicates": ("modality", "potential", "predicates"),
    "expected_predicates": ("modality", "expected", "predicates"),
    "expletives": ("modality", "potential", "expletives"),
    "mod_past": ("modality", "past", "words"),
    "result_not_classes": ("modality", "result", "not_classes"),
    "result_tenses": ("modality", "result", "tenses"),
    "result_aspects": ("modality", "result", "aspects"),
    "result_headline_tenses": ("modality", "result", "headline_tenses"),
    "result_nouns": ("modality", "result", "nouns"),
    "realized_implicative": ("modality", "realized", "implicative"),
    "realized_negating": ("modality", "realized", "negating"),
    "realized_negating_nouns": ("modality", "realized", "negating_nouns"),
    "realized_pretending": ("modality", "realized", "pretending"),
    "realized_deciding": ("modality", "realized", "deciding"),
    "realized_past_words": ("modality", "realized", "past_words"),
    "result_arranging": ("modality", "result", "arranging"),
    "result_degree": ("modality", "result", "degree"),
    "result_expletives": ("modality", "result", "expletives"),
    "result_breaks": ("modality", "result", "breaks"),
    "support": ("support_verbs", "lemmas"),
    "statement_nouns": ("statement_nouns", "lemmas"),
    "complement": ("reporting_complement", "lemmas"),
    "generic": ("generic", "lemmas"),
    "never": ("never", "words"),
    "modifier_participles": ("modifier_participles", "words"),
    "period_participles": ("modifier_participles", "period_words"),
    "naming_participles": ("modifier_participles", "naming"),
    "period_nouns": ("modifier_participles", "period_nouns"),
    "boundary": ("clauses", "boundary_words"),
    "title": ("closed", "TITLE"),
    "org": ("closed", "ORG"),
    "particle": ("closed", "NAME_PARTICLE"),
    "subj_pron": ("closed", "SUBJ_PRON"),
    "verb_homographs": ("closed", "VERB_HOMOGRAPHS"),
    "verb_first": ("closed", "VERB_FIRST"),
}


_NOT_TAGS = ("TITLE", "ORG", "NAME_PARTICLE", "SUBJ_PRON", "VERB_HOMOGRAPHS", "VERB_FIRST")


@dataclass(frozen=True)
class Lexicon:
    """The event rules, as sets for fast lookup."""

    data: dict
    closed: dict  # word -> tuple of closed tags
    abbreviations: frozenset
    class_of: dict  # verb lemma -> TimeML class
    needs_complement: frozenset  # lemmas whose class holds only with an event argument
    noun_class: dict  # noun lemma -> TimeML class
    event_nouns: frozenset
    not_event_nouns: frozenset
    suffixes: tuple  # (suffix, (stem endings ...)) longest first
    argument_suffixes: tuple = ()  # the same, for nouns that are events with an argument only
    words: dict = field(default_factory=dict)  # misc word sets by name


def _words(node) -> list[str]:
    if not isinstance(node, list):
        raise RuleError(f"{RULES}: expected a list of words, got {type(node).__name__}")
    return [str(w).lower() for w in node]


def _at(data: dict, path: tuple) -> object:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            raise RuleError(f"{RULES}: missing {'.'.join(path)}")
        data = data[key]
    return data


#: What ``events.yaml`` may hold (the one loader rejects any other key).
SHAPE = Shape(
    values={"version", "closed", "function_words", "classes", "reporting_complement"},
    sections={
        "verb_groups": {"examples", "would", "plan_cues", "potential_modal", "future_modal"},
        "predicates": {"examples", "not_events", "id", "words", "state_adverbs"},
        "nominals": {
            "examples",
            "suffixes",
            "argument_suffixes",
            "argument_preps",
            "not_events",
            "id",
            "lemmas",
            "classes",
            "named_event_heads",
            "conditional_frame",
        },
        "statement_nouns": {"id", "examples", "lemmas"},
        "modality": {
            "examples",
            "potential",
            "past",
            "expected",
            "negated",
            "result",
            "realized",
        },
        "support_verbs": {"id", "lemmas"},
        "generic": {"id", "phrasal", "lemmas"},
        "never": {"id", "examples", "words"},
        "modifier_participles": {
            "examples",
            "period_nouns",
            "id",
            "words",
            "period_words",
            "naming",
        },
        "clauses": {"examples", "boundary_words"},
        "salience": {"examples", "scheduling_verbs", "id", "covering_verbs", "nouns"},
        "actors": {
            "id",
            "examples",
            "group_pronouns",
            "person_possessives",
            "feminine_pronouns",
            "masculine_pronouns",
            "speaker_pronouns",
            "speaker_side_pronouns",
            "thing_pronouns",
            "plural_pronouns",
            "thing_verbs",
            "agent_classes",
            "affiliation_preps",
            "engaged_preps",
            "undergone_nouns",
            "quote_marks",
            "definite",
            "org_descriptions",
            "reporting_bodies",
            "body_pronouns",
            "object_control",
            "from_control",
            "from_preps",
            "source_nouns",
            "for_preps",
            "participle_breaks",
            "participle_subordinators",
            "unaccusative",
        },
    },
)


@functools.lru_cache(maxsize=1)
def rule_data() -> dict:
    """The checked contents of ``events.yaml``, read once for every module of the stage."""
    return load(RULES, SHAPE)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon of ``rules/events.yaml``, loaded once.

    Examples:
        >>> lexicon().class_of["say"]
        'REPORTING'
    """
    data = rule_data()
    closed: dict[str, tuple] = {}
    for tag, words in data["closed"].items():
        if tag in _NOT_TAGS:
            continue
        for word in _words(words):
            closed[word] = closed.get(word, ()) + (tag,)
    class_of, noun_class, needs, speech, noun_needs, state_object = (
        {},
        {},
        set(),
        set(),
        set(),
        set(),
    )
    speech_fallback: dict[str, str] = {}
    small_clause: set[str] = set()
    # Later classes in this order win over earlier ones for a shared lemma.
    for name in ("STATE", "I_ACTION", "PERCEPTION", "ASPECTUAL", "I_STATE", "REPORTING"):
        family = data["classes"][name]
        for lemma in _words(family.get("with_complement", [])):
            class_of[lemma] = name
            needs.add(lemma)
        for lemma in _words(family.get("speech_complement", [])):
            speech_fallback[lemma] = class_of.get(
                lemma, "OCCURRENCE"
            )  # "maintains the site": STATE
            class_of[lemma] = name
            speech.add(lemma)
        for lemma in _words(family.get("lemmas", [])):
            class_of[lemma] = name
            needs.discard(lemma)
            speech.discard(lemma)
        for lemma in _words(family.get("nouns", [])):
            noun_class[lemma] = name
        noun_needs.update(_words(family.get("nouns_with_complement", [])))
        state_object.update(_words(family.get("without_event_object", [])))
        small_clause.update(_words(family.get("with_small_clause", [])))
    nominals = data["nominals"]
    event_nouns = (
        frozenset(_words(nominals["lemmas"]))
        | frozenset(w for family in nominals.get("classes", {}).values() for w in _words(family))
        | frozenset(w for w, c in noun_class.items() if c != "STATE")
    )
    suffixes = tuple(
        sorted(((s, tuple(r)) for s, r in nominals["suffixes"].items()), key=lambda x: -len(x[0]))
    )
    argument_suffixes = tuple(
        sorted(
            ((s, tuple(r)) for s, r in nominals["argument_suffixes"].items()),
            key=lambda x: -len(x[0]),
        )
    )
    words = {
        "argument_preps": frozenset(_words(nominals["argument_preps"])),
        **{name: frozenset(_words(_at(data, path))) for name, path in _WORD_SETS.items()},
        "speech_complement": frozenset(speech),
        "noun_needs_complement": frozenset(noun_needs),
        "state_object": frozenset(state_object),
        "speech_fallback": speech_fallback,
        "small_clause_aspectual": frozenset(small_clause),
        # each list's case as it declares it (lower-cased unless ``case: sensitive``)
        **{
            name: word_list(found, f"{RULES.name}: function_words: {name}")
            for name, found in data["function_words"].items()
        },
        **{
            name: frozenset(_words(found))
            for name, found in data["actors"].items()
            if name not in ("id", "examples", "quote_marks")
        },
    }
    not_events = frozenset(_words(nominals["not_events"]))
    return Lexicon(
        data,
        closed,
        segment.rules()["abbreviations"],
        class_of,
        frozenset(needs),
        noun_class,
        event_nouns,
        not_events,
        suffixes,
        argument_suffixes,
        words,
    )


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Examples:
        >>> [t.text for t in tokenize("Iraq’s U.S. envoy didn't call 2,500 troops.")]
        ['Iraq', '’s', 'U.S.', 'envoy', 'did', "n't", 'call', '2,500', 'troops', '.']
        >>> [t.text for t in tokenize("A magnitude-7.3 quake hit Route-66.")]
        ['A', 'magnitude-7.3', 'quake', 'hit', 'Route-66', '.']
    """
    end = len(text) if end is None else end
    return [
        Token(m.group(0), m.start(), m.end(), m.group(0).lower().replace("’", "'"))
        for m in _TOKEN.finditer(text, start, end)
    ]


@read_cache()
def all_lemmas(word: str) -> Mapping[str, tuple[str, ...]]:
    """lemminflect's lemmas of a word by universal part of speech, read-only.

    lemminflect copies its tables for every call; the stages ask about the same words
    again and again (every noun's possible verb), so each word is looked up once.

    Examples:
        >>> all_lemmas("talks")["VERB"], all_lemmas("ukraine").get("NOUN")
        (('talk',), None)
    """
    return MappingProxyType(lemminflect.getAllLemmas(word))


@read_cache()
def analyze(lower: str) -> tuple[frozenset, frozenset, str]:
    """Open classes, verb forms and lemma of a lower-case word (from lemminflect).

    Examples:
        >>> sorted(analyze("talks")[0]), sorted(analyze("talks")[1]), analyze("talks")[2]
        (['N', 'V'], ['VBZ'], 'talk')
    """
    found = all_lemmas(lower)
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


_DIGITS_THEN_LETTERS = re.compile(r"[\d.,:/]*\d([A-Za-z]*)")


def is_number(token_text: str) -> bool:
    """Whether a token is a number: it opens with a digit and any letters joined to its digits
    are a number's suffix (``number_suffixes`` in events.yaml); "76ers" is a name.

    Examples:
        >>> [is_number(t) for t in ("2,500", "1990s", "3rd", "5pm", "5m", "76ers", "3M", "Iraq")]
        [True, True, True, True, True, False, False, False]
    """
    if not token_text[:1].isdigit():
        return False
    found = _DIGITS_THEN_LETTERS.fullmatch(token_text)
    letters = found.group(1) if found else ""
    return not letters or contains(lexicon().words["number_suffixes"], letters)


@read_cache()
def in_dictionary(lower: str) -> bool:
    """Whether lemminflect's English dictionary knows the word (else :func:`analyze` guesses).

    Examples:
        >>> in_dictionary("talks"), in_dictionary("ukraine")
        (True, False)
    """
    return bool(all_lemmas(lower))


_ADJ_ENDINGS = ("ous", "ful", "ive", "able", "ible", "ic", "ish", "less", "ary", "ant", "ent")
_NOUN_ENDINGS = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ance",
    "ence",
    "ship",
    "ism",
    "ist",
    "er",
    "or",
)


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


def title_case(tokens: list[Token]) -> bool:
    """Whether a run of tokens is written in title case, as headlines are: after its first word,
    at least three words outside the closed classes, all of them capitalized, not all in
    capitals, and no more words than a headline has (``settings.HEADLINE_MAX_WORDS``).

    Examples:
        >>> title_case(tokenize("Singer Jane Varga Checks Into Clinic After Tour"))
        True
        >>> title_case(tokenize("Jobs spoke at the Worldwide Developers Conference (WWDC)."))
        False
        >>> title_case(tokenize("Strike Spreads After Mayor’s Resignation in Leeds"))
        True
        >>> title_case(tokenize("Varga vs Lind Results: Varga Cruises Again, Wins in Six"))
        True
        >>> title_case(tokenize("Zentek Unveils New eReader"))
        True
        >>> title_case(tokenize("Zentek unveils the eReader"))
        False
        >>> title_case(tokenize("FLOODS FORCE THOUSANDS FROM HOMES"))
        False
        >>> title_case(tokenize("January February March April May June July " * 6))
        False
    """
    lex = lexicon()
    # a title keeps some short words in lower case ("Varga vs Lind"), and a letter alone
    # is the clitic of a curly apostrophe ("Mayor ’ s Resignation"): neither is a word of it
    words = [
        t.text
        for t in tokens[1:]
        if t.text.isalpha()
        and len(t.text) > 1
        and t.lower not in lex.closed
        and t.lower not in lex.words["title_lowercase"]
    ]
    # every one capitalized: a sentence naming many things still writes its verb in lower case;
    # a brand capitalizes its second letter ("Zentek Unveils New eReader")
    return (
        3 <= len(words) <= settings.HEADLINE_MAX_WORDS
        and all(w[0].isupper() or w[1].isupper() for w in words)
        and not all(w.isupper() for w in words)
    )


_NEWLINE = re.compile("\n")


def unpunctuated(tokens: list[Token]) -> bool:
    """Whether a sentence ends without a period, question or exclamation mark (quotes aside):
    a headline or a title, which drops its articles and copulas ("Hiker dies in fall").

    Examples:
        >>> unpunctuated(tokenize("Hiker dies in fall")), unpunctuated(tokenize("He left."))
        (True, False)
    """
    quotes = lexicon().words["quote_closers"]
    last = next((t for t in reversed(tokens) if t.text not in quotes), None)
    return last is not None and last.text not in lexicon().words["sentence_ends"]


def proper_names(text: str, tokens: list[Token] | None = None) -> frozenset:
    """Words written capitalized after the first word of a sentence-like run (not in a title-case
    headline) and never in lower case: the document's proper names.

    Examples:
        >>> sorted(proper_names("Hussein spoke. Then Fuad Hussein left. The talks ended."))
        ['Fuad', 'Hussein']
        >>> sorted(proper_names("Varga Checks Into Private Clinic.\\nThe singer, Varga, left."))
        ['Varga']
        >>> sorted(proper_names("http: / / x. com / Varga - Quits\\nThe singer Varga quits."))
        ['Varga']
        >>> sorted(proper_names("Varga quits tour\\nStrike halts trains, Varga says."))
        ['Varga']
    """
    tokens = tokenize(text) if tokens is None else tokens
    # a headline in title case capitalizes its common words too: they are no evidence of names
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    lines: dict[int, list[Token]] = {}
    for tok in tokens:
        lines.setdefault(bisect.bisect_right(starts, tok.start), []).append(tok)
    # nor is a web address, which capitalizes the headline it spells out ("news / Zentek -
    # Recalls - Phone - Batteries")
    web = lexicon().words["web_address_words"]
    titled = {
        id(t)
        for line in lines.values()
        if title_case(line) or any(t.lower in web for t in line)
        for t in line
    }
    capital, lower = set(), set()
    for prev, tok in zip([None] + tokens[:-1], tokens):
        if not tok.text[:1].isalpha():
            continue
        if tok.text[0].islower():
            lower.add(tok.lower)
        elif (
            id(tok) not in titled
            and prev is not None
            and prev.text not in (".", "!", "?", '"', "“", "``", ":")
            and prev.text[:1] != "\n"
            and "\n" not in text[prev.end : tok.start]  # a line's first word opens a sentence
        ):
            capital.add(tok.text)
    return frozenset(w for w in capital if w.lower() not in lower)
