"""Run every CI benchmark: ``python -m benchmarks``.

A benchmark module takes part when it sets ``CI_BENCHMARK = True`` at module level; each
runs in its own process (``python -m benchmarks.<name>``, no arguments), in name order,
and the run fails when any of them fails (a score below its floor in ``floors/``).
Without the gold corpora in ``../shared/corpora`` nothing runs and the exit status is 0.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_FLAG = re.compile(r"^CI_BENCHMARK\s*=\s*True\b", re.M)


def ci_benchmarks() -> list[str]:
    """Names of the modules that declare ``CI_BENCHMARK = True``, sorted."""
    return sorted(p.stem for p in HERE.glob("*.py") if _FLAG.search(p.read_text(encoding="utf-8")))


def main() -> int:
    if not (HERE.parents[1] / "shared" / "corpora").is_dir():
        print("../shared/corpora not found: benchmarks skipped")
        return 0
    failed = []
    for name in ci_benchmarks():
        print(f"== python -m benchmarks.{name}", flush=True)
        started = time.perf_counter()
        if subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=HERE.parent).returncode:
            failed.append(name)
        print(f"== {name}: {time.perf_counter() - started:.1f} s", flush=True)
    if failed:
        print(f"benchmarks failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
