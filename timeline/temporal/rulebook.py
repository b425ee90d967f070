"""Loading the temporal rules: YAML data under ``timeline/rules/``.

The rules are data, the engine holds no English words. Three kinds of file:

* ``fragments.yaml``: named regular-expression fragments (``month``,
  ``weekday``, ``number`` ...) and word tables (``month: {jan: 1, ...}``).
  A pattern refers to a fragment by name as ``{month}``; ``{month:m2}``
  inserts it as the named group ``m2``. An unknown name is a
  :class:`~timeline.errors.RuleError` naming the file and the rule.
* rule families (``dates.yaml``, ``relative.yaml`` ...): ``family``,
  ``priority`` and a list of ``rules``, each with a stable ``id``, a
  ``pattern``, a TIMEX3 ``type``, a normalizer ``norm`` and its example
  corpus (``examples`` with exact span and value, ``negatives``).
* ``vague.yaml``: the one table of widths of vague expressions (days before
  and after the reference date), read by :func:`vague_window`.

Tokenized text ("March 01 , 2008", "Jan . 5", "14 : 30", "Tuesday 's") puts a space
where written text has none. One mechanism, not the rules, accepts it: the ``spacing``
entry of ``fragments.yaml`` names the punctuation marks a space may stand before or
after, and :func:`loosen` rewrites every such literal mark of every expanded pattern.

Everything is loaded once and cached; the result never depends on the clock.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import RuleError
from timeline.rules.loader import expand
from timeline.rules.loader import read as _read_yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
#: Files of the rules directory that are not temporal-expression families.
NOT_FAMILIES = ("fragments.yaml", "vague.yaml", "tense.yaml")
TYPES = ("DATE", "TIME", "DURATION", "SET")
_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
_RULE_KEYS = {
    "id",
    "pattern",
    "type",
    "norm",
    "value",
    "unit",
    "shift",
    "mod",
    "vague",
    "examples",
    "negatives",
    "order",
    "quant",
    "note",
    "case",
    "anaphor",
    "window",
    "grain",
    "reported",
    "bounded",
}


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a pattern with its normalization."""

    id: str
    family: str
    priority: int
    pattern: str  # expanded regex (fragments inserted), local group names
    type: str
    norm: str
    options: dict = field(default_factory=dict, hash=False, compare=False)
    examples: tuple = ()
    negatives: tuple = ()
    source: str = ""


def uniquify(pattern: str, prefix: str) -> tuple[str, tuple]:
    """Rename a rule's groups ``name`` to ``{prefix}{k}_name`` so rules (and repeated groups)
    can share a scanner.

    Returns the renamed pattern and the (local name, global name) pairs; a name
    used twice in one rule (two alternatives) maps to two global names.

    Examples:
        >>> uniquify("(?P<d>1)|(?P<d>2)", "g0_")
        ('(?P<g0_0_d>1)|(?P<g0_1_d>2)', (('d', 'g0_0_d'), ('d', 'g0_1_d')))
    """
    pairs = []

    def rename(match):
        name = match.group(1)
        pairs.append((name, f"{prefix}{len(pairs)}_{name}"))
        return f"(?P<{pairs[-1][1]}>"

    return _GROUP.sub(rename, pattern), tuple(pairs)


@functools.cache
def fragments_and_tables() -> tuple[dict, dict]:
    """The fragments and word tables of ``fragments.yaml`` (tables: word -> value, lower case)."""
    path = RULES_DIR / "fragments.yaml"
    data = _read_yaml(path) or {}
    fragments = data.get("fragments") or {}
    tables = {}
    for name, table in (data.get("tables") or {}).items():
        if not isinstance(table, dict):
            raise RuleError(f"{path}: table {name!r} must map words to values")
        tables[name] = {str(k).lower(): v for k, v in table.items()}
    for name, body in fragments.items():
        pattern = expand(str(body), fragments, f"{path}: fragment {name}")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RuleError(f"{path}: fragment {name}: bad pattern ({exc})") from None
    return fragments, tables


#: a group's opening: (?:  (?=  (?!  (?<=  (?<!  (?P<name>  (?-i:  ... ;
#: (?P=name) and (?#...) hold no body
_GROUP_OPEN = re.compile(r"\(\?(?:P<\w+>|P=\w+\)|#[^)]*\)|<[=!]|[=!:>]|[a-zA-Z-]*:)|\(")
_QUANTIFIER = re.compile(r"\{[0-9]*(?:,[0-9]*)?\}")
_CLASS = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]")
_DIGIT_NEXT = re.compile(r"\\d|\[\^?[0-9]|[0-9]|\(\?=\\d")


def loosen(pattern: str, before: str, after: str, numeric: str = "") -> str:
    r"""Let one space stand before (after) each literal punctuation mark of ``before`` (``after``).

    Marks inside a character class or a look-behind (which must keep a fixed width) are left as
    they are, and so is a mark of ``numeric`` that a digit follows in the pattern: "1,000",
    "3.5" are one token in any text.

    Examples:
        >>> print(loosen(r"{m} \d+,? (?P<y>\d{4})", ",", ""))
        {m} \d+(?: ?,)? (?P<y>\d{4})
        >>> print(loosen(r"(?P<h>\d+):(?P<mi>\d\d)|jan\.(?![,.]\d)", ":.", ":", numeric="."))
        (?P<h>\d+)(?: ?: ?)(?P<mi>\d\d)|jan(?: ?\.)(?![,.]\d)
        >>> print(loosen(r"(?<!, )x,\d{3}", ",", "", numeric=","))
        (?<!, )x,\d{3}
    """
    out, behind, i = [], [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "[":
            atom = _CLASS.match(pattern, i).group()
            out.append(atom)
            i += len(atom)
            continue
        if char == "(":
            atom = _GROUP_OPEN.match(pattern, i).group()
            if not atom.endswith(")"):  # a group with a body: remember whether it looks behind
                behind.append(atom in ("(?<=", "(?<!"))
            out.append(atom)
            i += len(atom)
            continue
        if char == ")":
            if behind:
                behind.pop()
            out.append(char)
            i += 1
            continue
        if char == "{":
            quantifier = _QUANTIFIER.match(pattern, i)
            if quantifier:
                out.append(quantifier.group())
                i += len(quantifier.group())
                continue
        atom = pattern[i : i + 2] if char == "\\" else char
        mark = atom[-1]
        i += len(atom)
        literal = char == "\\" and not mark.isalnum() or char != "\\" and char not in ".^$|*+?"
        if (
            not literal
            or any(behind)
            or (mark not in before and mark not in after)
            or (mark in numeric and _DIGIT_NEXT.match(pattern, i))
        ):
            out.append(atom)
            continue
        out.append(f"(?:{' ?' if mark in before else ''}{atom}{' ?' if mark in after else ''})")
    return "".join(out)


@functools.cache
def spacing() -> tuple[str, str, str]:
    """The ``spacing`` entry of ``fragments.yaml``: marks a space may precede, follow, and
    number marks.

    Examples:
        >>> before, after, numeric = spacing()
        >>> "," in before, ":" in after, "." in numeric
        (True, True, True)
    """
    path = RULES_DIR / "fragments.yaml"
    entry = (_read_yaml(path) or {}).get("spacing") or {}
    if not isinstance(entry, dict):
        raise RuleError(f"{path}: 'spacing' must map before/after/numeric to punctuation marks")
    return tuple(str(entry.get(key) or "") for key in ("before", "after", "numeric"))


def _check_rule(raw, path: Path, family: str, priority: int, fragments: dict) -> Rule:
    if not isinstance(raw, dict) or "id" not in raw:
        raise RuleError(f"{path}: every rule needs an 'id' (got {raw!r:.80})")
    where = f"{path.name}: rule {raw['id']}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("pattern", "type", "norm"):
        if key not in raw:
            raise RuleError(f"{where}: missing field {key!r}")
    if raw["type"] not in TYPES:
        raise RuleError(f"{where}: type {raw['type']!r} is not one of {TYPES}")
    pattern = loosen(expand(str(raw["pattern"]), fragments, where), *spacing())
    try:
        re.compile(uniquify(pattern, "g")[0], re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern ({exc})") from None
    options = {
        k: v
        for k, v in raw.items()
        if k not in ("id", "pattern", "type", "norm", "examples", "negatives")
    }
    return Rule(
        str(raw["id"]),
        family,
        priority,
        pattern,
        raw["type"],
        str(raw["norm"]),
        options,
        tuple(raw.get("examples") or ()),
        tuple(raw.get("negatives") or ()),
        path.name,
    )


def family_files(folder: Path | None = None) -> list[tuple[Path, dict]]:
    """The temporal rule families of the rules folder: YAML files with a top-level ``family`` key.

    Other YAML files there (vague.yaml, events.yaml, ordering.yaml ...) belong to other
    stages and are skipped.

    Examples:
        >>> sorted(data["family"] for _, data in family_files())[:3]
        ['date', 'duration', 'holiday']
    """
    found = []
    for path in sorted(Path(folder or RULES_DIR).glob("*.yaml")):
        if path.name in NOT_FAMILIES:
            continue
        data = _read_yaml(path)
        if isinstance(data, dict) and "family" in data:
            found.append((path, data))
    return found


@functools.cache
def load_rules(directory: str | None = None) -> tuple[Rule, ...]:
    """Every rule of every family, in scanning order (family priority, then file order).

    Examples:
        >>> rules = load_rules()
        >>> len({r.id for r in rules}) == len(rules)
        True
    """
    folder = Path(directory) if directory else RULES_DIR
    fragments, _ = fragments_and_tables()
    found, seen = [], {}
    for path, data in family_files(folder):
        family, priority = data.get("family"), data.get("priority", 50)
        if not isinstance(data.get("rules"), list):
            raise RuleError(f"{path}: a rule family needs a list of 'rules'")
        for raw in data["rules"]:
            rule = _check_rule(raw, path, family, int(priority), fragments)
            if rule.id in seen:
                raise RuleError(f"{path.name}: rule id {rule.id!r} already used in {seen[rule.id]}")
            seen[rule.id] = path.name
            found.append(rule)
    order = {id(r): i for i, r in enumerate(found)}
    return tuple(sorted(found, key=lambda r: (r.priority, order[id(r)])))


@functools.cache
def _vague_table() -> dict:
    path = RULES_DIR / "vague.yaml"
    data = _read_yaml(path) or {}
    table = {}
    for name, entry in (data.get("windows") or {}).items():
        try:
            before, after = int(entry["before"]), int(entry["after"])
        except (TypeError, KeyError, ValueError):
            raise RuleError(
                f"{path}: window {name!r} needs integer 'before' and 'after' (days)"
            ) from None
        table[str(name)] = (before, after)
    return table


def vague_window(name: str) -> tuple[int, int]:
    """Width of a vague expression, in days before and after the reference date.

    The one table is ``timeline/rules/vague.yaml``; both the temporal stage
    (for timexes such as "recently") and the ordering stage (for cue words
    such as "previously") read it.

    Args:
        name: an entry of the table, e.g. ``"recent"``, ``"coming_days"``, ``"soon"``.

    Returns:
        ``(days_before, days_after)``: the interval is
        ``[reference - days_before, reference + days_after]``.

    Examples:
        >>> vague_window("coming_days")
        (0, 14)
        >>> vague_window("no_such_window")
        Traceback (most recent call last):
        ...
        timeline.errors.RuleError: vague.yaml: no window 'no_such_window' (known: ...)
    """
    table = _vague_table()
    if name not in table:
        raise RuleError(f"vague.yaml: no window {name!r} (known: {', '.join(sorted(table))})")
    return table[name]


def amount_bound(mod: str | None) -> str | None:
    """Which side a TIMEX3 ``mod`` bounds an amount on: ``"at_most"`` ("less than three
    weeks"), ``"at_least"`` ("more than a year"), or None. The one table is fragments.yaml's
    ``amount_bound``; the temporal stage ("more than a year ago") and ordering's offsets
    ("more than two weeks later") both read it.

    Examples:
        >>> amount_bound("LESS_THAN"), amount_bound("EQUAL_OR_MORE"), amount_bound(None)
        ('at_most', 'at_least', None)
    """
    return fragments_and_tables()[1]["amount_bound"].get((mod or "").lower())


def vague_windows() -> dict[str, tuple[int, int]]:
    """The whole table of :func:`vague_window`, name -> (days_before, days_after).

    Examples:
        >>> vague_windows()["recent"]
        (30, 0)
    """
    return dict(_vague_table())


@functools.cache
def tense_cues() -> dict[str, str]:
    """Patterns of ``tense.yaml`` (``past``, ``future``, ``scheduled``, ``ended`` ...): regexes
    as strings; its ``examples`` are tests, not patterns.

    Examples:
        >>> sorted(tense_cues())
        ['deadline', 'ended', 'future', 'past', 'possessive', 'scheduled']
    """
    path = RULES_DIR / "tense.yaml"
    data = _read_yaml(path) or {}
    fragments, _ = fragments_and_tables()
    return {
        k: expand(str(v), fragments, f"{path.name}: {k}")
        for k, v in data.items()
        if k != "examples"
    }
