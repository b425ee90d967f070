"""Long and hostile inputs: ``build_timeline`` must stay linear in the length of the text.

The shapes the fuzzer found quadratic or worse (runs of one word, of "said", digits,
month names, prose without punctuation, one sentence as long as the article, a run-on
paragraph with ``\\r`` line endings, the seed article repeated) are built from the seed
article and word lists, at sizes from 10,000 characters up. Each shape's CPU time per
character at the largest size may be at most 2x that at the smallest (a quadratic cost
grows 10x over that range in CI, 100x with ``--full``), and the peak memory of the
process must stay under 2 GB. No corpus is needed.

``python -m benchmarks.long_input`` (CI: 10k and 100k characters);
``--full`` measures 10k, 100k and 1M (several minutes).
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

from benchmarks.floors import check

CI_BENCHMARK = True

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_03aee5fa6f29c944.txt"
PUBLISHED = "2025-02-28"
_MONTHS = "January February March April May June July August September October November December "


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def shapes() -> dict:
    """Each shape as a function of the size in characters."""
    seed = SEED.read_text(encoding="utf-8")
    bare = re.sub(r"[^\w\s]", "", seed)
    one_sentence = re.sub(r"[.!?]+(\s)", r",\1", seed)
    run_on = re.sub(r"[.!?]+(\s)", r" \1", seed).replace("\n", "\r")
    return {
        "a a a": lambda n: _fill("a ", n),
        "said said": lambda n: _fill("said ", n),
        "digits": lambda n: _fill("12 345 6789 2025 ", n),
        "month names": lambda n: _fill(_MONTHS, n),
        "no punctuation": lambda n: _fill(bare + " ", n),
        "one sentence": lambda n: _fill(one_sentence + ", ", n),
        "run-on \\r": lambda n: _fill(run_on + "\r", n),
        "seed repeated": lambda n: _fill(seed + "\n\n", n),
    }


def measure(text: str) -> float:
    """CPU seconds of one ``build_timeline`` on ``text``."""
    from timeline import build_timeline

    started = time.process_time()
    build_timeline(text, published=PUBLISHED)
    return time.process_time() - started


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also 1,000,000 characters")
    parser.add_argument("--shape", action="append", help="only these shapes")
    args = parser.parse_args(argv)
    sizes = [10_000, 100_000] + ([1_000_000] if args.full else [])
    measure("warm up the rules and the tagger.")
    worst, failures = 0.0, []
    print(
        f"{'shape':16} " + " ".join(f"{n:>12,}" for n in sizes) + "   ratio (us/char, last/first)"
    )
    for name, make in shapes().items():
        if args.shape and name not in args.shape:
            continue
        per_char = []
        for n in sizes:
            per_char.append(measure(make(n)) / n * 1e6)
        ratio = per_char[-1] / max(per_char[0], 1e-9)
        worst = max(worst, ratio)
        print(
            f"{name:16} " + " ".join(f"{v:>9.2f} us" for v in per_char) + f"   {ratio:5.2f}x",
            flush=True,
        )
        if ratio > 2:
            failures.append(f"{name}: cost per character grows {ratio:.2f}x (more than 2x)")
    memory = peak_rss_mb()
    print(f"peak memory {memory:,.0f} MB; worst growth of the cost per character {worst:.2f}x")
    if memory > 2048:
        failures.append(f"peak memory {memory:,.0f} MB over 2 GB")
    return check("long_input", {"growth": worst, "peak_memory_mb": memory}, failures)


if __name__ == "__main__":
    sys.exit(main())
