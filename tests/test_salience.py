"""The newsworthy column: one parametrized test over the salience examples of rules/events.yaml."""

import pytest
import yaml

import timeline
from timeline.events.lexicon import RULES

EXAMPLES = yaml.safe_load(RULES.read_text(encoding="utf-8"))["salience"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"salience:{e['text'][:40]}" for e in EXAMPLES])
def test_salience_examples(example):
    df = timeline.build_timeline(example["text"], published="2025-02-28")
    flags = dict(zip(df.trigger, df.newsworthy))
    for trigger in example["newsworthy"]:
        assert flags.get(trigger) is True, (trigger, flags)
    for trigger in example["not_newsworthy"]:
        assert flags.get(trigger, False) is False, (trigger, flags)


def test_every_event_stays_in_the_frame(seed_timeline):
    assert 0 < seed_timeline.newsworthy.sum() < len(seed_timeline) / 2 + 5
    assert {"set", "memorandum", "aiming"} <= set(seed_timeline[~seed_timeline.newsworthy].trigger)
    assert {"signed", "call", "released", "convene", "sanctions"} <= set(
        seed_timeline[seed_timeline.newsworthy].trigger
    )
