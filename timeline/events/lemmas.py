"""The act a word names: nominalizations and inflections mapped to one base lemma.

"signed", "signing" and "signature" all name ``sign``. The derivation table is data
(``rules/lemmas.yaml``); a word it does not list takes its verb lemma from lemminflect.
Ordering reads it to find the dated verb a definite noun names ("the announcement" /
"announced"), stories to link mentions of one act.
"""

from __future__ import annotations

import functools
from pathlib import Path

import lemminflect
import yaml

from timeline.errors import RuleError

RULES = Path(__file__).resolve().parent / "rules" / "lemmas.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def rules() -> dict:
    """The tables of ``rules/lemmas.yaml``, with ``variants`` (word -> base). Examples:
    >>> rules()["variants"]["signature"]
    'sign'
    """
    try:
        data = yaml.load(RULES.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleError(
            f"{RULES}{f': line {mark.line + 1}' if mark else ''}: invalid YAML"
        ) from None
    for key in ("derivations", "examples", "negatives"):
        if key not in data:
            raise RuleError(f"{RULES.name}: missing table {key!r}")
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
                    f"{RULES.name}: derivation {row['id']!r}: {word!r} already belongs to {variants[word]!r}"
                )
    return dict(data, variants=variants)


@functools.lru_cache(maxsize=8192)
def base_lemma(word: str) -> str:
    """The act a lemma (or a word form) names: the derivation table, else its verb lemma. Examples:
    >>> [base_lemma(w) for w in ("signed", "signing", "signature", "met", "meeting", "design")]
    ['sign', 'sign', 'sign', 'meet', 'meet', 'design']
    """
    lower = word.lower()
    variants = rules()["variants"]
    if lower in variants:
        return variants[lower]
    verb = lemminflect.getAllLemmas(lower).get("VERB")
    if verb and verb[0] != lower and verb[0] in variants:
        return variants[verb[0]]
    return verb[0] if verb else lower
