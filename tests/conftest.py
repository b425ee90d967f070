import datetime as dt
from pathlib import Path

import pytest

import timeline

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_03aee5fa6f29c944.txt"
SEED_PUBLISHED = dt.date(2025, 2, 28)
CORPORA = ROOT.parent / "shared" / "corpora"


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
