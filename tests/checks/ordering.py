"""How an example of ``ordering/rules/ordering.yaml`` is checked, one function per family.

Each check takes the rule's id, the example (a mapping from the rule file) and whether it is a
positive example or a negative; tests/test_rule_examples.py runs them all. The helpers that
build hand-made events are shared with tests/test_ordering.py.
"""

import datetime as dt
import re

from timeline import ordering
from timeline.model import Event, TimeExpr
from timeline.ordering import cues

PUB = dt.date(2025, 2, 28)


def make_events(text, spec, clauses=None):
    """Events for the given triggers (first occurrence, in text order); clause = sentence unless
    given."""
    sentences = [
        (m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()
    ]
    found = []
    for trigger, fields in spec.items():
        at = re.search(r"\b%s\b" % re.escape(trigger), text).start()
        index = next(k for k, (a, b) in enumerate(sentences) if a <= at < b)
        start, end = sentences[index]
        if clauses and trigger in clauses:
            start = text.index(clauses[trigger])
            end = start + len(clauses[trigger])
        found.append(Event(index, start, end, trigger, at, at + len(trigger), **(fields or {})))
    found.sort(key=lambda e: e.trigger_start)
    return found


def by_trigger(events, trigger):
    return next(i for i, e in enumerate(events) if e.trigger == trigger)


def timex(text, phrase, value, earliest, latest, precision="day", rule="test_rule", anchored=False):
    start = text.index(phrase)
    return TimeExpr(
        start,
        start + len(phrase),
        phrase,
        "DATE",
        value,
        earliest,
        latest,
        precision,
        rule,
        anchored=anchored,
    )


def check_publication(rule_id, example, positive):
    text = example.get("text", "thing")
    trigger = text.split()[-1]
    event = Event(0, 0, len(text), trigger, len(text) - len(trigger), len(text), **example["event"])
    relation, rule = cues.publication_relation(event, text)
    if positive:
        assert (relation, rule) == (example["relation"], rule_id)
    else:
        assert rule != rule_id


def check_reported(rule_id, example, positive):
    text = example.get("text", example.get("trigger", "thing"))
    trigger = text.split()[-1]
    event = Event(
        0, 0, len(text), trigger, len(text) - len(trigger), len(text), source=1, **example["event"]
    )
    found = cues.reported_relation(event, text)
    if positive:
        assert found == (example["relation"], rule_id)
    else:
        assert found is None or found[1] != rule_id


def check_cues(rule_id, example, positive):
    events = make_events(example["text"], example["events"], example.get("clauses"))
    found = [
        (events[r.main].trigger, r.relation, None if r.other is None else events[r.other].trigger)
        for r in cues.relations(events, example["text"])
        if r.rule == rule_id
    ]
    if positive:
        assert tuple(example["expect"]) in found, found
    elif "not" in example:
        assert tuple(example["not"]) not in found, found
    else:
        assert all(other is None for _, _, other in found), found


def check_windows(rule_id, example, positive):
    events = make_events(example["text"], example["events"])
    found = [
        (events[i].trigger, name)
        for i, name, rule, _ in cues.windows(events, [], example["text"])
        if rule == rule_id
    ]
    if positive:
        assert tuple(example["expect"]) in found, found
    else:
        assert found == []


def check_ranges(rule_id, example, positive):
    from timeline.ordering.anchoring import ranged

    text = example["text"]
    first = text.index(example["first"])
    second = text.index(example["second"], first + len(example["first"]))
    tx = [
        TimeExpr(
            first,
            first + len(example["first"]),
            example["first"],
            "DATE",
            "X",
            None,
            None,
            "day",
            "r",
        ),
        TimeExpr(
            second,
            second + len(example["second"]),
            example["second"],
            "DATE",
            "X",
            None,
            None,
            "day",
            "r",
        ),
    ]
    assert (ranged(tx, 0, text) == [0, 1]) is positive
    if "event" in example:  # the joined span dates the event, each end narrowed by its modifier
        import timeline

        frame = timeline.build_timeline(
            timeline.Article(text, id="a", published=str(example["published"]))
        )
        row = frame.set_index("trigger").loc[example["event"]]
        assert (
            row["timex"],
            row["earliest"].date().isoformat(),
            row["latest"].date().isoformat(),
        ) == (example["first"], str(example["earliest"]), str(example["latest"]))


def check_inherit(rule_id, example, positive):
    text = example["text"]
    events = make_events(text, example["events"], example.get("clauses"))
    bounds = ordering.solve(events, [], PUB, text).bounds
    if positive:
        for trigger, relation in example["expect"].items():
            bound = bounds[by_trigger(events, trigger)]
            assert bound.rule == rule_id
            assert ordering.relation_to(bound.earliest, bound.latest, PUB, moment=True) == relation
    else:
        assert bounds[by_trigger(events, example["not"])].rule != rule_id


def check_offsets(rule_id, example, positive):
    from timeline import events as event_stage
    from timeline import temporal
    from timeline.io import segment
    from timeline.ordering import anchoring, offsets

    text, published = example["text"], dt.date(2025, 7, 1)
    found = temporal.find(text, published)
    extracted = event_stage.extract(text, segment.sentences(text))
    anchoring.attach(extracted, found, text, published)
    result = [
        (extracted[o.target].trigger, extracted[o.anchor].trigger, o.direction, [o.low, o.high])
        for o in offsets.find(extracted, found, text)
    ]
    if positive:
        assert result == [
            (example["target"], example["anchor"], example["direction"], example["days"])
        ]
    else:
        assert result == []


def check_timex_signals(rule_id, example, positive):
    import timeline

    frame = timeline.build_timeline(
        timeline.Article(example["text"], id="a", published=str(example["published"]))
    )
    row = frame.set_index("trigger").loc[example["event"]]
    assert row["value"] == str(example["value"])
    assert (row["earliest"].date().isoformat(), row["latest"].date().isoformat()) == (
        str(example["earliest"]),
        str(example["latest"]),
    )


def check_scheduled(rule_id, example, positive):
    import timeline

    frame = timeline.build_timeline(
        timeline.Article(example["text"], id="a", published=str(example["published"]))
    )
    row = frame.set_index("trigger").loc[example["event"]]
    if positive:
        assert (row["earliest"].date().isoformat(), row["latest"].date().isoformat()) == (
            str(example["earliest"]),
            str(example["latest"]),
        )
    else:
        assert row["timex"] is None or row["timex"] != row["timex"]  # missing


def check_definite_coreference(rule_id, example, positive):
    import timeline

    frame = timeline.build_timeline(
        timeline.Article(example["text"], id="a", published=str(example["published"]))
    )
    row = frame.set_index("trigger").loc[example["event"]]
    if positive:
        assert (
            row["earliest"].date().isoformat(),
            row["latest"].date().isoformat(),
            row["rule"],
        ) == (str(example["earliest"]), str(example["latest"]), "definite_coref")
    else:
        assert "definite_coref" not in set(frame["rule"])


def check_record_since(rule_id, example, positive):
    import timeline

    frame = timeline.build_timeline(
        timeline.Article(example["text"], id="a", published=str(example["published"]))
    )
    assert example["event"] in set(frame.trigger)
    dated = {t for t in frame.timex if isinstance(t, str)}
    assert (not dated) is positive  # a record's or a baseline's date dates no event; any other does


def check_activity_gerunds(rule_id, example, positive):
    import timeline

    frame = timeline.build_timeline(
        timeline.Article(example["text"], id="a", published=str(example["published"]))
    )
    row = frame.set_index("trigger").loc[example["event"]]
    if positive:
        assert row["value"] == str(example["value"])
    else:
        assert row["timex"] != row["timex"]  # missing: the date is the complement's


#: The check of each family of ordering.yaml (a family with examples and no check fails the runner).
CHECKS = {
    "ordering:publication": check_publication,
    "ordering:reported": check_reported,
    "ordering:cues": check_cues,
    "ordering:support_verbs": check_cues,
    "ordering:occurrence_verbs": check_cues,
    "ordering:aspectual": check_cues,
    "ordering:windows": check_windows,
    "ordering:inherit": check_inherit,
    "ordering:ranges": check_ranges,
    "ordering:offsets": check_offsets,
    "ordering:timex_signals": check_timex_signals,
    "ordering:scheduled": check_scheduled,
    "ordering:definite_coreference": check_definite_coreference,
    "ordering:record_since": check_record_since,
    "ordering:activity_gerunds": check_activity_gerunds,
    "ordering:comparison_baseline": check_record_since,
}
