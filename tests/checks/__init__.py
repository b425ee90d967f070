"""How each stage's rule examples are checked.

One module per stage; each holds ``CHECKS``, a mapping from a family of its rule files
(``file`` or ``file:section``) to a function ``check(rule_id, example, positive)`` that raises
an AssertionError when the library disagrees with the example. tests/test_rule_examples.py
walks every ``timeline/<stage>/rules/*.yaml``, finds every example and negative, and runs it
through its family's check; a family with examples and no check fails there.
"""

from importlib import import_module
from pathlib import Path

import pytest

import timeline
from timeline.rules.loader import read

PACKAGE = Path(timeline.__file__).parent
STAGES = sorted(p.name for p in PACKAGE.iterdir() if (p / "rules").is_dir() and p.name != "rules")
CHECKS = {stage: import_module(f"checks.{stage}").CHECKS for stage in STAGES}
#: The keys that hold a list of examples, and whether their entries are positive.
EXAMPLE_KEYS = {"examples": True, "negatives": False}


def _example_lists(node, section, rule):
    """(section, rule id, key, entries) for every list of examples under ``node``."""
    if isinstance(node, dict):
        rule = node.get("id", rule)
        for key, value in node.items():
            if isinstance(value, list) and (key in EXAMPLE_KEYS or key.endswith("_examples")):
                yield section, rule, key, value
            elif isinstance(value, (dict, list)):
                yield from _example_lists(value, section or key, key if section else rule)
    elif isinstance(node, list):
        for value in node:
            yield from _example_lists(value, section, rule)


def _family(path: Path, section: str, key: str) -> str:
    """The check's key: the file, then the section (a second family in a file: its key's stem)."""
    if key not in EXAMPLE_KEYS:
        section = key.removesuffix("_examples")
    return path.stem if section in ("", "rules") else f"{path.stem}:{section}"


def _shown(entry) -> str:
    if isinstance(entry, dict):
        entry = entry.get("text", entry.get("id", entry))
    elif isinstance(entry, list):
        entry = " ~ ".join(map(str, entry))
    text = " ".join(str(entry).split())
    return text if len(text) <= 60 else text[:57] + "..."


def rule_examples():
    """Every example of every rule file: (stage, family, rule id, entry, positive), with its id."""
    for stage in STAGES:
        for path in sorted((PACKAGE / stage / "rules").glob("*.yaml")):
            for section, rule, key, entries in _example_lists(read(path), "", path.stem):
                family = _family(path, section, key)
                positive = EXAMPLE_KEYS.get(key, True)
                for entry in entries:
                    xfail = entry.get("xfail") if isinstance(entry, dict) else None
                    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
                    shown = ("" if positive else "not:") + _shown(entry)
                    yield pytest.param(
                        stage,
                        family,
                        rule,
                        entry,
                        positive,
                        marks=marks,
                        id=f"{stage}:{family}:{rule}:{shown}",
                    )


CASES = list(rule_examples())
