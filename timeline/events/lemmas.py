"""The act a word names: nominalizations and inflections mapped to one base lemma.

"signed", "signing" and "signature" all name ``sign``. The derivation table is data
(``rules/lemmas.yaml``); a word it does not list takes its verb lemma from lemminflect.
Ordering reads it to find the dated verb a definite noun names ("the announcement" /
"announced"), stories to link mentions of one act.
"""

from __future__ import annotations

import functools
from pathlib import Path

from timeline.caches import read_cache
from timeline.errors import RuleError
from timeline.rules.loader import Shape, load

from .lexicon import all_lemmas

RULES = Path(__file__).resolve().parent / "rules" / "lemmas.yaml"
SHAPE = Shape(
    tables={"derivations": {"id", "base", "variants"}},
    values={"examples", "negatives", "slip_min_length"},
)


@functools.cache
def rules() -> dict:
    """The tables of ``rules/lemmas.yaml``, with ``variants`` (word -> base). Examples:
    >>> rules()["variants"]["signature"]
    'sign'
    """
    data = load(RULES, SHAPE)
    variants: dict[str, str] = {}
    for row in data["derivations"]:
        if not isinstance(row, dict) or not {"id", "base", "variants"} <= set(row):
            raise RuleError(
                f"{RULES.name}: derivations: each row needs id, base and variants, got {row!r}"
            )
        for word in [row["base"], *row["variants"]]:
            word = str(word).lower()
            if variants.setdefault(word, row["base"]) != row["base"]:
                raise RuleError(
                    f"{RULES.name}: derivation {row['id']!r}: {word!r} already belongs to "
                    f"{variants[word]!r}"
                )
    return dict(data, variants=variants)


@read_cache(8192)
def base_lemma(word: str) -> str:
    """The act a lemma (or a word form) names: the derivation table, else its verb lemma. Examples:
    >>> [base_lemma(w) for w in ("signed", "signing", "signature", "met", "meeting", "design")]
    ['sign', 'sign', 'sign', 'meet', 'meet', 'design']
    """
    lower = word.lower()
    variants = rules()["variants"]
    if lower in variants:
        return variants[lower]
    readings = all_lemmas(lower) or _slip_readings(lower)
    verb = readings.get("VERB")
    if verb and verb[0] != lower and verb[0] in variants:
        return variants[verb[0]]
    return verb[0] if verb else lower


def _slip_readings(lower: str) -> dict:
    """The readings of a word no lexicon knows that is one doubled letter away from a verb form
    (a slip of the keys, "arested", "atacked", "shootting"), or none: a letter undone or doubled,
    the first spelling that is a verb form wins. Only words of ``slip_min_length`` letters or
    more, all letters: a short name is too often one letter from a verb ("Sel", "Kil").

    Examples:
        >>> [_slip_readings(w).get("VERB") for w in ("arested", "shootting", "kil", "lohan")]
        [('arrest',), ('shoot',), None, None]
    """
    if len(lower) < rules()["slip_min_length"] or not lower.isalpha():
        return {}
    undone = (lower[:i] + lower[i + 1 :] for i in range(1, len(lower)) if lower[i] == lower[i - 1])
    doubled = (lower[: i + 1] + lower[i:] for i in range(len(lower)) if lower[i] not in "aeiouy")
    for spelling in (*undone, *doubled):
        readings = all_lemmas(spelling)
        if "VERB" in readings:
            return readings
    return {}
