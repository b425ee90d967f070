"""The house rules of the code base, checked: no module imports another module's private names,
and every line of the code, tests and benchmarks is within ruff's line-length (E501)."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "timeline"

# Every line within ruff's line-length (issue 11). pyproject enforces E501 too; this test keeps
# it in the test run, should the ruff settings change. An entry is a folder, a file or a glob,
# relative to the repository root.
WRAPPED = ("timeline", "tests", "benchmarks")


def _private_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (
            node.level or (node.module or "").startswith("timeline")
        ):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    module = "." * node.level + (node.module or "")
                    found.append(f"line {node.lineno}: from {module} import {alias.name}")
    return found


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_private_name_crosses_a_module(path):
    assert _private_imports(path) == []


@pytest.mark.parametrize("folder", WRAPPED)
def test_no_long_lines_in_wrapped_folders(folder):
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed (pip install -e '.[dev]')")
    # a glob is expanded here (no shell); an entry that names nothing is a typo, not a pass
    paths = [str(path.relative_to(ROOT)) for path in sorted(ROOT.glob(folder))]
    assert paths, f"WRAPPED entry {folder!r} names no file or folder"
    found = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "E501"]
        + ["--output-format", "concise", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert found.returncode == 0, found.stdout + found.stderr


# functools caches hold what a module loaded once (a rule table, the lexicon, a model: a few
# entries); what the library read is cached with timeline.caches.read_cache, so a worker can
# release it between partitions (timeline.cluster.release_caches).
LOADED_TABLE_MAX_ENTRIES = 4


def _functools_cache_sizes(path: Path) -> list[tuple[int, int | None]]:
    """(line, maxsize) of each functools cache decorator; maxsize None means unbounded."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if name == "lru_cache" and call is not None:
                sizes = [k.value for k in call.keywords if k.arg == "maxsize"] + call.args
                size = sizes[0] if sizes else None
                value = size.value if isinstance(size, ast.Constant) else -1
                found.append((node.lineno, value))
    return found


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_caches_of_read_text_are_registered(path):
    """A bounded functools cache larger than a loaded table's is a cache of read text that
    release_caches would never empty: it must be declared with read_cache instead."""
    if path.name == "caches.py":
        return
    large = [
        f"line {line}: lru_cache(maxsize={size})"
        for line, size in _functools_cache_sizes(path)
        if size is None or size < 0 or size > LOADED_TABLE_MAX_ENTRIES
    ]
    assert not large, f"{path.relative_to(ROOT)}: use timeline.caches.read_cache: {large}"
