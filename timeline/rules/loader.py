"""The one loader of rule files: YAML in, checked against a declared shape, or a RuleError.

Every stage keeps its lexical decisions in ``<stage>/rules/*.yaml`` and declares, next to
the code that reads them, which keys a file may hold (:class:`Shape`): free values, tables
(lists of rows with an ``id``) whose rows may use only the listed keys, and sections
(mappings) whose keys are listed. A key the shape does not know is an error naming the
file, the table or section, the row and the key, so a misspelt ``windw:`` never loads
silently. Patterns compose named fragments with ``{name}`` (:func:`expand`).

Examples:
    >>> import pathlib, tempfile
    >>> shape = Shape(tables={"cues": {"id", "pattern", "window"}}, values={"version"})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "demo.yaml"
    ...     _ = path.write_text("version: 1\\ncues:\\n  - {id: c1, pattern: x, windw: 3}\\n")
    ...     load(path, shape)
    Traceback (most recent call last):
    ...
    timeline.errors.RuleError: demo.yaml: cues: row 'c1': unknown key 'windw'
    (known: id, pattern, window)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from timeline.errors import RuleError

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):
    """libyaml's safe loader when available (about 6x faster), else PyYAML's pure-Python one,
    reading booleans as YAML 1.2 does: only true and false.

    YAML 1.1 also reads yes, no, on and off as booleans, and rule files are lists of words: an
    unquoted ``off`` in a phrase's particles ("touched off") or ``on`` in a stop list would
    silently be False or True and never match a word.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_YAML_LOADER = _Loader
_REF = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_][A-Za-z0-9_]*))?\}")


@dataclass(frozen=True)
class Shape:
    """What a rule file may hold.

    Attributes:
        values: top-level keys with free values (scalars, lists, word tables).
        tables: top-level keys holding a list of rows (mappings), each row's allowed keys.
        sections: top-level keys holding one mapping, its allowed keys.
        optional: top-level keys that may be absent (all others are required).
    """

    values: set[str] | frozenset[str] = frozenset()
    tables: dict[str, set[str]] = field(default_factory=dict)
    sections: dict[str, set[str]] = field(default_factory=dict)
    optional: set[str] | frozenset[str] = frozenset()

    def known(self) -> set[str]:
        return set(self.values) | set(self.tables) | set(self.sections)


def read(path: Path):
    """The YAML document of ``path``; a RuleError naming the file and line when it is not YAML.

    Only true and false are booleans (YAML 1.2); yes, no, on and off are words:

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "words.yaml"
    ...     _ = path.write_text("particles: [off, on, no, yes]\\nfallback: true\\n")
    ...     read(path)
    {'particles': ['off', 'on', 'no', 'yes'], 'fallback': True}
    """
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f": line {mark.line + 1}" if mark else ""
        raise RuleError(f"{path}{line}: invalid YAML ({getattr(exc, 'problem', exc)})") from None


def _unknown(where: str, keys, allowed) -> None:
    extra = sorted(set(keys) - set(allowed))
    if extra:
        raise RuleError(f"{where}: unknown key {extra[0]!r} (known: {', '.join(sorted(allowed))})")


def check(data, shape: Shape, name: str) -> dict:
    """Check a loaded document against ``shape``; return it unchanged (see :func:`load`)."""
    if not isinstance(data, dict):
        raise RuleError(f"{name}: expected a mapping at the top, got {type(data).__name__}")
    _unknown(name, data, shape.known())
    missing = sorted(shape.known() - set(shape.optional) - set(data))
    if missing:
        raise RuleError(f"{name}: missing table {', '.join(map(repr, missing))}")
    for table, allowed in shape.tables.items():
        rows = data.get(table) or []
        if not isinstance(rows, list):
            raise RuleError(f"{name}: {table}: expected a list of rows")
        seen = set()
        for number, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise RuleError(f"{name}: {table}: row {number} is not a mapping")
            label = row.get("id", number)
            _unknown(f"{name}: {table}: row {label!r}", row, allowed)
            if "id" in allowed and "id" in row:
                if row["id"] in seen:
                    raise RuleError(f"{name}: {table}: duplicate id {row['id']!r}")
                seen.add(row["id"])
    for section, allowed in shape.sections.items():
        if section in data:
            if not isinstance(data[section], dict):
                raise RuleError(f"{name}: {section}: expected a mapping")
            _unknown(f"{name}: {section}", data[section], allowed)
    return data


def load(path: Path, shape: Shape) -> dict:
    """Read a rule file and check it against its declared :class:`Shape`.

    Raises:
        RuleError: invalid YAML, an unknown or missing key, a malformed table row, a duplicate id.
    """
    path = Path(path)
    return check(read(path), shape, path.name)


#: How a word list compares words: a list's declared ``case``, the first one the default.
CASES = ("insensitive", "sensitive")


class CaseSensitive(frozenset):
    """A word list declared ``case: sensitive``: its words as written ("US" is not "us")."""

    __slots__ = ()


def words(node, where: str) -> frozenset[str]:
    """A word list of a rule file as a set, its case handling declared, never silent.

    A YAML list is case-insensitive, the default: its words are lower-cased ("The" and "the"
    are one word) and looked up lower-cased. A mapping declares it: ``{case: sensitive,
    words: [US, IR]}`` keeps every word as written (a :class:`CaseSensitive` set: "US" the
    country, not "us" the pronoun); ``{case: insensitive, words: [...]}`` says the default.
    Look words up with :func:`contains`, which applies the list's case.

    Raises:
        RuleError: not a list, an unknown key or case, a mapping without ``words``.

    Examples:
        >>> sorted(words(["The", "US"], "demo.yaml: lists: plain"))
        ['the', 'us']
        >>> exact = words({"case": "sensitive", "words": ["US"]}, "demo.yaml: lists: exact")
        >>> contains(exact, "US"), contains(exact, "us")
        (True, False)
    """
    case = CASES[0]
    if isinstance(node, dict):
        _unknown(where, node, ("case", "words"))
        case = node.get("case", case)
        if case not in CASES:
            raise RuleError(f"{where}: case must be {' or '.join(map(repr, CASES))}, got {case!r}")
        if "words" not in node:
            raise RuleError(f"{where}: a mapping of a word list needs words")
        node = node["words"]
    if not isinstance(node, list):
        raise RuleError(f"{where}: expected a list of words, got {type(node).__name__}")
    if case == CASES[1]:  # sensitive
        return CaseSensitive(str(w) for w in node)
    return frozenset(str(w).lower() for w in node)


def contains(word_list: frozenset[str], word: str) -> bool:
    """Whether ``word`` (as written in the text) is in a list of :func:`words`, by its case.

    Examples:
        >>> contains(words(["us"], "demo"), "US")
        True
    """
    return (word if isinstance(word_list, CaseSensitive) else word.lower()) in word_list


def expand(pattern: str, fragments: dict, where: str, _depth: int = 0) -> str:
    """Insert fragments referenced as ``{name}`` (or ``{name:group}``) into a pattern.

    Examples:
        >>> expand("{m} {d:day}", {"m": "jan|feb", "d": "[0-9]{1,2}"}, "demo")
        '(?:jan|feb) (?P<day>(?:[0-9]{1,2}))'
        >>> expand("{nope}", {}, "demo.yaml: rule x")
        Traceback (most recent call last):
        ...
        timeline.errors.RuleError: demo.yaml: rule x: unknown fragment {nope}
    """
    if _depth > 20:
        raise RuleError(f"{where}: fragments refer to each other in a cycle")

    def insert(match):
        name, group = match.groups()
        if name not in fragments:
            raise RuleError(f"{where}: unknown fragment {{{name}}}")
        body = expand(str(fragments[name]), fragments, f"{where} (in fragment {name})", _depth + 1)
        return f"(?P<{group}>(?:{body}))" if group else f"(?:{body})"

    return _REF.sub(insert, pattern)
