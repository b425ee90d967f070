"""Score floors: one JSON file per benchmark script, ``benchmarks/floors/<benchmark>.json``.

A benchmark passes its measured scores to :func:`check`, which prints every
score below its floor (or, for keys ending in ``_max``, above its ceiling) and
every floor the benchmark did not measure (a renamed score must not turn its floor
into one that cannot fail), and returns the exit status: 1 when anything regressed,
so CI fails.
"""

from __future__ import annotations

import json
from pathlib import Path

FLOORS = Path(__file__).resolve().parent / "floors"


def check(benchmark: str, measured: dict, extra_failures=()) -> int:
    """Compare ``measured`` with the floors of ``benchmark``; print regressions; return 0 or 1."""
    path = FLOORS / f"{benchmark}.json"
    floors = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    failures = list(extra_failures)
    for key, limit in sorted(floors.items()):
        name = key.removesuffix("_max")
        if name not in measured:
            failures.append(f"{name} was not measured (floor {key} = {limit})")
        elif key.endswith("_max"):
            if measured[name] > limit:
                failures.append(f"{name} {measured[name]:,.3f} > ceiling {limit}")
        elif measured[key] < limit:
            failures.append(f"{key} {measured[key]:,.3f} < floor {limit}")
    for failure in failures:
        print(f"BELOW FLOOR ({benchmark}): {failure}")
    if not failures:
        print(
            f"{benchmark}: every score at or above its floor in benchmarks/floors/{benchmark}.json"
        )
    return 1 if failures else 0
