"""How a target entity may be named: its kind, full names, weak names, nouns and pronouns.

Steps 1 and 2 of finding an entity's mentions (:mod:`timeline.coref` finds
them in the text). The kind of entity (org, person, thing) decides which
variants of the name count:

1. its names: the full name and near variants ("Acme Corp" also matches
   "Acme", "Acme Computer"; "Jane Doe" matches "Doe"; "MusicBox store"
   matches "MusicBox Online Store" and plural or lower-case forms; "Zeppelin
   ZX300" matches "ZX300");
2. weak names (a person's first name, a product name without its head noun,
   an organisation without its head word), which :mod:`timeline.coref` counts
   only in articles that also carry a full name.

Suffixes, heads, nouns and pronouns come from ``rules/entities.yaml``
(:func:`rules`); nothing here knows a particular entity.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from timeline.caches import read_cache
from timeline.errors import TimelineError
from timeline.rules.loader import Shape, load


class EntityError(TimelineError, ValueError):
    """A target entity or an option of entity selection is unusable."""


RULES = Path(__file__).resolve().parent / "rules" / "entities.yaml"
_MODEL_CODE = re.compile(r"[A-Z][A-Z-]*\d[\w-]{1,}")
_VERSION = re.compile(r"^(?:\d[\w.]*|[A-Z0-9]{1,3}|[IVX]+)$")


#: What ``entities.yaml`` may hold (the one loader rejects any other key).
SHAPE = Shape(
    values={
        "opening_participle",
        "subject_gap_breaks",
        "pronouns",
        "thing_nouns",
        "determiners",
        "org_nouns",
        "relative",
        "auxiliaries",
        "org_suffixes",
        "org_heads",
        "possessive_pronouns",
        "coordination",
        "person_nouns",
        "object_noun",
        "trailing_participle",
    },
    tables={
        "examples": {"entity", "id", "mentions", "text"},
        "selection_examples": {"entity", "events", "id", "selected", "text", "xfail"},
    },
    sections={
        "window": {"retold_days", "pronoun", "focus_days", "subject_gap", "object_gap", "nominal"},
        "listing": {"exclude_classes", "exclude_triggers", "expected"},
        "dating": {
            "undated_future",
            "dateless_articles_at_publication",
            "undated_past",
            "present_state_forms",
            "sentence_dates",
        },
    },
    optional={"subject_gap_breaks", "examples", "selection_examples"},
)


@functools.cache
def rules() -> dict:
    """The entity tables of ``rules/entities.yaml``, checked by the one rule loader."""
    return load(RULES, SHAPE)


@dataclass(frozen=True)
class Names:
    """How an entity may be named: its kind, full and weak name patterns, nouns, pronouns."""

    entity: str
    kind: str  # person, org, thing
    strong: tuple[str, ...]  # regex sources
    weak: tuple[str, ...]
    nouns: tuple[str, ...]
    stems: tuple[str, ...]  # name words usable after a determiner ("the new SmartPhone")
    pronouns: tuple[str, ...]


def _token_pattern(token: str, kind: str, last: bool) -> str:
    if kind == "thing":
        if token.islower():
            body = re.escape(token)
            body = f"(?i:{body})"
        else:
            body = (
                f"[{token[0].lower()}{token[0].upper()}]" + re.escape(token[1:])
                if token[0].isalpha()
                else re.escape(token)
            )
        if last and token.isalpha():
            if re.fullmatch(r"[a-z]{3,}[^s]s", token):
                body = f"(?i:{re.escape(token[:-1])})"  # a plural head matches its singular
            body += "(?:e?s)?"
        return body
    return re.escape(token)


def _name_pattern(tokens: list[str], kind: str) -> str:
    gap = r"\s+(?:[A-Z][\w-]*\s+)?" if kind == "thing" and tokens[-1].islower() else r"\s+"
    parts = [_token_pattern(t, kind, i == len(tokens) - 1) for i, t in enumerate(tokens)]
    return r"(?<![\w-])" + gap.join(parts) + r"(?![\w-])"


KINDS = ("org", "person", "thing")


def _shape(tokens: list[str], suffixes: set, heads: set) -> str:
    """What the name looks like: an org with a legal suffix ("Acme Corp") or a head noun
    ("Acme Motors", or a single name word "Acme"), a person ("Jane Doe"), or a thing."""
    if tokens[-1] in suffixes and len(tokens) >= 2:
        return "org_suffix"
    if (
        tokens[-1] in heads
        and len(tokens) >= 2
        or len(tokens) == 1
        and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z][A-Z&]{1,5}", tokens[0])
    ):
        return "org_head"
    if 2 <= len(tokens) <= 3 and all(
        re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\.?", t) for t in tokens
    ):
        return "person"
    return "thing"


@read_cache()
def names(entity: str, kind: str | None = None) -> Names:
    """Name patterns of an entity, by kind (org, person or thing).

    The kind is guessed from the name's shape unless ``kind`` says it: two
    capitalized words look like a person, so an organization named that way
    ("Dow Jones") needs ``kind="org"`` (then "the company", "it" refer to it,
    and its full name only names it).

    Examples:
        >>> entities = ("Acme Corp", "Jane Doe", "SmartPhone 4", "MusicBox store", "Acme Motors")
        >>> [names(e).kind for e in entities + ("Acme",)]
        ['org', 'person', 'thing', 'thing', 'org', 'org']
        >>> names("Dow Jones").kind, names("Dow Jones", kind="org").pronouns[:2]
        ('person', ('it', 'its'))
    """
    table = rules()
    tokens = entity.split()
    if not tokens:
        raise EntityError("filter_entity: the entity name is empty")
    if kind is not None and kind not in KINDS:
        raise EntityError(
            f"filter_entity: kind must be one of {', '.join(KINDS)} (or None to guess), "
            f"got {kind!r}"
        )
    suffixes = set(table["org_suffixes"])
    strong: list[list[str]] = [tokens]
    weak: list[list[str]] = []
    nouns: list[str] = []
    stems: list[str] = []
    heads = set(table["org_heads"])
    shape = _shape(tokens, suffixes, heads)
    if kind is not None and not shape.startswith(kind):
        shape = {"org": "org_plain", "person": "person", "thing": "thing"}[kind]
    if shape == "org_plain":
        kind = "org"  # declared an organization: its full name only, and the org nouns
        nouns = list(table["org_nouns"])
    elif shape == "org_suffix":
        kind = "org"
        base = tokens[:-1]
        (strong if len(base) == 1 else weak).append(base)
        if len(base) >= 2 and base[-1] in heads:
            weak.append(base[:-1])  # "Acme Motor Company" -> "Acme Motor", "Acme"
        # "X Acme Corps" -> "Acme Corps", not "Motor Company"
        strong.extend(
            tokens[i:] for i in range(1, len(tokens) - 1) if tokens[i] not in heads | suffixes
        )
        nouns = list(table["org_nouns"])
    elif shape == "org_head":
        kind = (
            "org"  # "Acme Motors" ("Acme" only beside the full name), "Acme", "ACM" (one name word)
        )
        if len(tokens) >= 2:
            weak.append(tokens[:-1])
        nouns = list(table["org_nouns"])
    elif shape == "person":
        kind = "person"
        strong.append(tokens[-1:])
        weak.append(tokens[:1])
        nouns = list(table["person_nouns"])
    else:
        kind = "thing"
        head = tokens[-1]
        if len(tokens) >= 2 and head.islower():
            nouns.append(head)
            if re.fullmatch(r"[a-z]{3,}[^s]s", head):
                nouns.append(head[:-1])  # "stock markets": "the market" too
            if any(c.isupper() for t in tokens[:-1] for c in t):
                weak.append(tokens[:-1])  # "MusicBox store" -> "MusicBox", not "stock"
        base = tokens[0].lower()
        nouns.extend(n for n in table["thing_nouns"] if base.endswith(n) and n not in nouns)
        if len(tokens) >= 2 and _VERSION.match(tokens[-1]):
            stems.append(tokens[0])
        if len(tokens) >= 2 and re.fullmatch(r"\d{3,}", tokens[-1]):
            stems.append(tokens[-1])  # "Zeppelin 787" -> "the 787"
        if len(tokens) >= 2 and _MODEL_CODE.fullmatch(tokens[-1]):
            strong.append(tokens[-1:])  # "Zeppelin ZX300" -> "ZX300"
        if len(tokens) == 2 and re.fullmatch(r"\d+[A-Za-z]+", tokens[1]):
            strong.append(tokens[::-1])  # "SmartPhone 3G" is also "the 3G SmartPhone"
    return Names(
        entity,
        kind,
        tuple(_name_pattern(t, kind) for t in strong),
        tuple(_name_pattern(t, kind) for t in weak),
        tuple(nouns),
        tuple(stems),
        tuple(table["pronouns"][kind]),
    )
