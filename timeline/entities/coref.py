"""Mentions of a target entity in article text (coreference): names, short names, pronouns,
noun phrases.

The first half of entity timelines (:mod:`timeline.participation` selects the
events). Names, nouns and pronouns come from ``rules/entities.yaml``, read into
name patterns by :mod:`timeline.entity_names` (:func:`names`); nothing here
knows a particular entity.

Mentions of an entity in an article are found in three steps:

1. its names: the full name and near variants ("Acme Corp" also matches
   "Acme", "Acme Computer"; "Jane Doe" matches "Doe"; "MusicBox store"
   matches "MusicBox Online Store" and plural or lower-case forms; "Zeppelin
   ZX300" matches "ZX300"), the kind of entity (org, person, thing) deciding
   which;
2. weak names (a person's first name, a product name without its head noun,
   an organisation without its head word), counted only in articles that also
   carry a full name; a product name followed by another capitalized word or
   number ("Widget Pro") names another product;
3. coreference: a pronoun (he/she for a person, it/its otherwise) at most two
   sentences after the last mention, with no other person (for he/she) or no
   other named actor (for it) in between, and not an expletive "it" ("it
   appears that"); a definite noun phrase ("the company", "the Springfield firm",
   "the store", "the phone", "the chief executive") at most three sentences after (the windows are
   data: ``window`` in ``rules/entities.yaml``).
"""

from __future__ import annotations

import re

from timeline.io.segment import sentences

from .names import RULES, EntityError, Names, names, rules  # noqa: F401 (re-exported)

_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
_CAPITALIZED = re.compile(r"\b[A-Z][\w-]+")
_PRONOUN_WORDS = {
    "he",
    "she",
    "it",
    "its",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "this",
    "that",
}
#: "it appears that", "it is not yet clear whether", "it should be mentioned that": no referent.
_EXPLETIVE = re.compile(
    r"\s+(?:is|was|has been|had been|will be|would be|should be|seems|seemed|appears|appeared)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:that|whether|how|if)\b",
    re.IGNORECASE,
)


def _find(pattern: str, spans, flags=0):
    for start, _end, sentence, text in spans:
        for match in re.finditer(pattern, text, flags):
            yield start + match.start(), start + match.end(), sentence, match.group(0)


def extensions(spans, entity: str, kind: str | None = None) -> set[str]:
    """Words that extend a product's name into another product's ("Widget Pro" -> {"pro"}).

    Examples:
        >>> sorted(extensions(split_sentences("The ZapPod Nano and the ZapPod 2 sold."), "ZapPod"))
        ['2', 'nano']
    """
    spec = names(entity, kind)
    if spec.kind != "thing":
        return set()
    spans = sorted({(int(s), int(e), int(n), t) for s, e, n, t in spans})
    found = set()
    for pattern in spec.strong + spec.weak:
        for _, end, _, _ in _find(pattern, spans):
            following = _next_word(spans, end)
            if following and (following[0].isupper() or following[0].isdigit()):
                found.add(following.lower())
    return found


def mentions(
    spans, entity: str, known_extensions=(), people=None, kind: str | None = None
) -> list[tuple[int, int, int, str]]:
    """Mentions of an entity in pieces of one article, with absolute offsets.

    Args:
        spans: ``[(start, end, sentence, text), ...]``, pieces of one article
            (clause spans of the timeline, or sentences), in any order.
        entity: the entity name.
        known_extensions: words known (e.g. from other articles) to extend the
            name into another product's, besides those of this article.
        people: names known to act in the article (the events' actors); when
            given, only names among them block he/she ("Des Moines" does not).
        kind: "org", "person" or "thing" when the name's shape would mislead
            (:func:`timeline.entity_names.names`); None guesses it.

    Returns:
        ``[(start, end, sentence, text), ...]`` sorted by start.

    Examples:
        >>> pieces = split_sentences("Acme Corp cut jobs. The firm said so.")
        >>> [m[3] for m in mentions(pieces, "Acme Corp")]
        ['Acme Corp', 'The firm']
    """
    spec = names(entity, kind)
    window = rules()["window"]
    spans = sorted({(int(s), int(e), int(n), t) for s, e, n, t in spans})
    found: dict[int, tuple[int, int, int, str]] = {}

    def add(hit):
        if not any(hit[0] < m[1] and m[0] < hit[1] for m in found.values()):
            found[hit[0]] = hit

    names_found = [h for p in spec.strong + spec.weak for h in _find(p, spans)]
    if spec.kind == "thing":
        # "Widget Pro", "Widget 2": a longer product name is another product; so is "Widget pro"
        # once it is written capitalized
        longer = extensions(spans, entity, kind) | set(known_extensions)
        names_found = [
            h for h in names_found if (_next_word(spans, h[1]) or "").lower() not in longer
        ]
    strong = set(h for p in spec.strong for h in _find(p, spans))
    for hit in names_found:
        if hit in strong:
            add(hit)
    if not found:
        return []
    for hit in names_found:
        add(hit)
    determiners = "|".join(re.escape(d) for d in rules()["determiners"])
    candidates = []
    if spec.pronouns:
        pronoun_words = "|".join(re.escape(p) for p in spec.pronouns)
        candidates += [
            (h, "pronoun") for h in _find(rf"(?<![\w-])(?i:{pronoun_words})(?![\w-])", spans)
        ]
    heads = list(spec.nouns) + list(spec.stems)
    if heads:
        head = "|".join(re.escape(n) for n in heads)
        # "the Springfield firm", not "the role of firm": no preposition between determiner and noun
        nominal = (
            rf"(?<![\w-])(?i:{determiners})\s+(?:(?!(?i:of|for|to|in|on|at|by|with)\s)[\w-]+\s+){{0,2}}?"
            rf"(?i:{head})s?(?![\w-])"
        )
        candidates += [(h, "nominal") for h in _find(nominal, spans)]
    rivals = []
    if spec.kind == "person":
        # other people: "First Last" names (those acting in the article when its actors are
        # known), and their surnames alone wherever they recur
        org_words = set(rules()["org_suffixes"]) | set(rules()["org_heads"])
        rivals = [
            h
            for h in _find(_PERSON_NAME.pattern, spans)
            if h[3].split()[0].lower() not in rules()["determiners"]
            and h[3].split()[-1] not in org_words
            and (people is None or any(h[3] in p for p in people))
        ]
        surnames = {h[3].split()[-1] for h in rivals} - {h[3] for h in found.values()}
        if surnames:
            rivals += list(
                _find(
                    r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(surnames))) + r")(?![\w-])",
                    spans,
                )
            )
    if spec.kind != "person" and people:
        # it/its: another named actor of the article in between takes the pronoun ("Acme
        # released the program. It is free.")
        # people ("Jane Doe", "John Roe") never take "it"
        org_words = set(rules()["org_suffixes"]) | set(rules()["org_heads"])
        things = [
            p for p in people if not (_PERSON_NAME.fullmatch(p) and p.split()[-1] not in org_words)
        ]
        words = {w for p in things for w in _CAPITALIZED.findall(p)} - set(rules()["determiners"])
        words = {
            w
            for w in words
            if w.lower() not in _PRONOUN_WORDS
            and not re.fullmatch("|".join(spec.strong + spec.weak), w)
        }
        if words:
            rivals = list(
                _find(
                    r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words))) + r")(?![\w-])",
                    spans,
                )
            )
    openings = _sentence_openings(spans)
    for hit, how in sorted(candidates):
        if any(hit[0] < m[1] and m[0] < hit[1] for m in found.values()):
            continue
        if how == "pronoun" and spec.kind == "person" and openings.get(hit[2]) == hit[0]:
            # "Doe hired Smith. Smith left the board. He ...": a he/she opening a sentence goes on
            # with the subject the previous sentence opened with; another person's name or a
            # he/she that is not the entity keeps it
            opener = openings.get(hit[2] - 1)
            if (
                opener is not None
                and opener not in found
                and (
                    any(r[0] == opener for r in rivals)
                    or re.match(rf"(?i:{pronoun_words})(?![\w-])", _text_after(spans, opener))
                )
            ):
                continue
        if how == "pronoun" and _EXPLETIVE.match(_text_after(spans, hit[1])):
            continue
        before = [m for m in found.values() if m[1] <= hit[0]]
        if not before:
            continue
        last = max(before)
        if hit[2] - last[2] > window[how]:
            continue
        if (how == "pronoun" or spec.kind != "person") and any(
            last[1] <= r[0]
            and r[1] <= hit[0]
            and not any(r[0] < m[1] and m[0] < r[1] for m in found.values())
            for r in rivals
        ):
            continue
        add(hit)
    return sorted(found.values())


def _sentence_openings(spans) -> dict[int, int]:
    """Sentence number -> offset of its first word (after quotes and brackets), from the pieces
    of an article."""
    openings: dict[int, int] = {}
    for start, _end, sentence, text in spans:
        if sentence not in openings or start < openings[sentence]:
            match = re.search(r"[\w]", text)
            if match:
                openings[sentence] = start + match.start()
    return openings


def _text_after(spans, offset: int) -> str:
    for start, end, _, text in spans:
        if start <= offset < end:
            return text[offset - start :]
    return ""


def _next_word(spans, offset: int) -> str | None:
    """The word right after an offset (one space away), from the piece holding it."""
    for start, end, _, text in spans:
        if start <= offset < end:
            match = re.match(r" ([\w][\w.-]*)", text[offset - start :])
            return match.group(1) if match else None
    return None


def split_sentences(text: str) -> list[tuple[int, int, int, str]]:
    """Cut plain text into ``(start, end, sentence, text)`` pieces
    (:func:`timeline.io.segment.sentences`).

    Examples:
        >>> [p[3] for p in split_sentences("It rained. Then it stopped.")]
        ['It rained.', 'Then it stopped.']
    """
    return [(start, end, k, text[start:end]) for k, (start, end) in enumerate(sentences(text))]
