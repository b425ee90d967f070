"""Stages return values: none changes what an earlier stage produced, and each is a function
of its inputs and the reference date."""

from __future__ import annotations

import copy
import datetime as dt

import timeline
from timeline import events as event_stage
from timeline import ordering, temporal
from timeline.io import segment

TEXT = (
    "On February 1, Trump signed a memorandum. Following the conversation, the State "
    "Department released a statement. The coalition is set to convene in the coming days."
)
PUB = dt.date(2025, 2, 28)


def test_build_timeline_leaves_the_extracted_events_unchanged(monkeypatch):
    given = []
    extract = event_stage.extract

    def recording_extract(*args, **kwargs):
        found = extract(*args, **kwargs)
        given.append((found, copy.deepcopy(found)))
        return found

    monkeypatch.setattr(event_stage, "extract", recording_extract)
    df = timeline.build_timeline(timeline.Article(TEXT, published=PUB))
    assert len(df) and given
    for found, snapshot in given:
        assert found == snapshot


def test_ordering_leaves_its_input_unchanged_and_returns_anchored_copies():
    timexes = temporal.find(TEXT, PUB)
    found = event_stage.extract(TEXT, segment.sentences(TEXT))
    snapshot = copy.deepcopy(found)
    result = ordering.solve(found, timexes, PUB, TEXT)
    assert found == snapshot
    assert any(event.timex is not None for event in result.events)
    assert all(event.timex is None for event in found)
    assert len(result.bounds) == len(result.relations) == len(found)


def test_each_stage_is_a_function_of_its_inputs_and_the_reference_date():
    def run(reference):
        timexes = temporal.find(TEXT, reference)
        found = event_stage.extract(TEXT, segment.sentences(TEXT))
        return timexes, found, ordering.solve(found, timexes, reference, TEXT)

    first, again = run(PUB), run(PUB)
    assert first[0] == again[0] and first[1] == again[1] and first[2] == again[2]
    later = run(PUB + dt.timedelta(days=30))
    signed = [b for e, b in zip(later[2].events, later[2].bounds) if e.trigger == "signed"]
    assert signed[0].earliest == dt.date(
        2025, 2, 1
    )  # an explicit date holds whatever the reference
    assert later[2].bounds != first[2].bounds  # the 'coming days' move with the reference date
