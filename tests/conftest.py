import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

import timeline

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_03aee5fa6f29c944.txt"
SEED_PUBLISHED = dt.date(2025, 2, 28)
CORPORA = ROOT.parent / "shared" / "corpora"

# Notebook kernels (nbval, papermill) and subprocesses import `timeline` from this checkout, as
# the tests do: a PYTHONPATH naming another checkout would have them run (and write under) that one.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


@pytest.fixture(scope="session")
def seed_article():
    return timeline.read_article(SEED_PATH)


@pytest.fixture(scope="session")
def seed_timeline(seed_article):
    return timeline.build_timeline(seed_article)


def event_at(df, text, phrase, occurrence=0):
    """The timeline row whose trigger lies inside the given phrase of the article text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    hits = df[(df.trigger_start >= start) & (df.trigger_end <= end)]
    assert len(hits) >= 1, f"no event with its trigger inside {phrase!r} ({start}-{end})"
    return hits.iloc[0]


def make_row(offset=0, **overrides):
    """One timeline record with sensible defaults, for tests that need a hand-made frame.

    Given a ``text`` and no ``trigger_start``, the spans are read off the text: the clause
    starts at ``offset`` in its article and the trigger is its first occurrence in it.
    """
    row = dict(
        event_id="a-e001",
        article_id="a",
        sentence=0,
        start=0,
        end=10,
        text="Talks held",
        trigger="held",
        trigger_start=6,
        trigger_end=10,
        actors=["Iraq"],
        kind="action",
        modality="asserted",
        timex=None,
        value=None,
        earliest=None,
        latest=None,
        precision="unknown",
        basis="none",
        rule="none",
        order=1,
        event_class="OCCURRENCE",
        tense="past",
        aspect="none",
        source=None,
        newsworthy=True,
        warning=None,
    )
    row.update(overrides)
    if "text" in overrides and "trigger_start" not in overrides:
        at = offset + row["text"].index(row["trigger"])
        row.update(trigger_start=at, trigger_end=at + len(row["trigger"]))
        row.update({"start": offset, "end": offset + len(row["text"]), **overrides})
    return row


@pytest.fixture
def small_timeline():
    from timeline.schema import TIMELINE, conform

    return conform(
        [
            make_row(
                event_id="a-e001",
                trigger="signed",
                earliest="2025-02-01",
                latest="2025-02-01",
                precision="day",
                basis="explicit",
                rule="date_month_day",
                timex="February 1",
                value="2025-02-01",
            ),
            make_row(
                event_id="a-e002",
                trigger="call",
                earliest="2025-02-14",
                latest="2025-02-28",
                order=2,
                precision="vague",
                basis="relative",
                rule="vague_recent",
                actors=["Rubio", "Sudani"],
            ),
            make_row(
                event_id="a-e003",
                trigger="meeting",
                earliest="2025-02-28",
                latest=None,
                order=3,
                modality="expected",
                kind="plan",
                tense="future",
                actors=[],
            ),
            make_row(
                event_id="a-e004",
                trigger="sanctions",
                order=4,
                modality="potential",
                kind="plan",
                actors=["US"],
            ),
            make_row(
                event_id="a-e005",
                trigger="said",
                order=5,
                newsworthy=False,
                kind="statement",
                event_class="REPORTING",
                latest="2025-02-28",
                warning="conflict: x",
            ),
        ],
        TIMELINE,
    )


def git_status() -> str:
    """The working tree's status, untracked files included: a rerun must leave it as it was."""
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
