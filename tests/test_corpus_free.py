"""No corpus text in the repository: no tracked file shares a run of 7 words with the gold corpora.

House rule: rule examples, tests, docstrings and comments use invented sentences or the seed
article, never sentences of ../shared/corpora (TimeBank, AQUAINT, SemEval trial, MEANTIME,
ECB+). This test runs the same scan as the lead's check: every tracked text file (seeds/
excepted) against every 7-word run of the corpora's text (markup removed). It skips when the
corpora or git are absent.
"""

import re
import shutil
import subprocess

import pytest
from conftest import CORPORA, ROOT

N = 7
SUFFIXES = (".py", ".yaml", ".md", ".ipynb", ".txt", ".json", ".cfg")

#: 7-word runs of truly generic English that may stay, each with the reason. Prefer rewording:
#: an entry here needs a comment saying why the phrase cannot reasonably be avoided.
ALLOWED: frozenset[str] = frozenset()


def _words(text):
    return re.findall(r"[A-Za-z0-9']+", text.lower())


def _corpus_runs():
    runs = set()
    for path in sorted([*CORPORA.rglob("*.tml"), *CORPORA.rglob("*.txt"), *CORPORA.rglob("*.xml")]):
        words = _words(re.sub(r"<[^>]+>", " ", path.read_text(errors="ignore")))
        runs.update(" ".join(words[i : i + N]) for i in range(len(words) - N + 1))
    return runs


def _tracked():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return [f for f in out.stdout.split() if f.endswith(SUFFIXES) and not f.startswith("seeds/")]


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora absent")
@pytest.mark.skipif(shutil.which("git") is None, reason="git absent")
def test_no_tracked_file_quotes_the_corpora():
    files = _tracked()
    runs = _corpus_runs() - ALLOWED
    assert runs, f"no corpus text found under {CORPORA}"
    shared = {}
    for name in files:
        path = ROOT / name
        if not path.is_file():
            continue  # tracked but deleted in the working tree
        words = _words(path.read_text(errors="ignore"))
        hits = sorted({" ".join(words[i : i + N]) for i in range(len(words) - N + 1)} & runs)
        if hits:
            shared[name] = hits
    assert not shared, (
        "corpus wording in the repository (rewrite with invented text):\n"
        + "\n".join(f"  {name}: {hits}" for name, hits in shared.items())
    )


def test_the_scan_sees_a_shared_run():
    """The scanner itself: a run of 7 words is found whatever the case and punctuation."""
    runs = {"quick brown fox jumps over the lazy"}
    words = _words("A Quick, brown fox jumps over the LAZY dog.")
    assert {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)} & runs == {
        "quick brown fox jumps over the lazy"
    }
