"""The newsworthy column on the seed (its rule examples run in tests/test_rule_examples.py)."""


def test_every_event_stays_in_the_frame(seed_timeline):
    assert 0 < seed_timeline.newsworthy.sum() < len(seed_timeline) / 2 + 5
    assert {"set", "memorandum", "aiming"} <= set(seed_timeline[~seed_timeline.newsworthy].trigger)
    assert {"signed", "call", "released", "convene", "sanctions"} <= set(
        seed_timeline[seed_timeline.newsworthy].trigger
    )
