"""The per-article fast paths give what the plain computations give (issue 17).

Each shortcut of the ordering stage (the few-pairs update of the constraint network, the
tense rules met once per attribute combination, the likely offsets remembered per kind
and bounds) is checked against the computation it replaces, on invented inputs.
"""

import datetime as dt
import random

import numpy as np
import pytest

from timeline import settings
from timeline.model import Event
from timeline.ordering import likely, tense
from timeline.ordering.network import Network


def _random_constraints(seed: int, size: int, count: int) -> list[tuple]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        u, v = rng.randrange(size), rng.randrange(size)
        weight = rng.choice([0, 0, 1, -1, 2.5, -3, 7, 30, -0.5])
        found.append((u, v, weight, f"r{len(found)}", f"c{len(found)}"))
    return found


def _run(constraints, size, few_pairs, monkeypatch) -> Network:
    monkeypatch.setattr(settings, "NETWORK_FEW_PAIRS", few_pairs)
    net = Network(size)
    for constraint in constraints:
        net.add(*constraint)
    return net


@pytest.mark.parametrize("seed", range(12))
def test_the_few_pairs_update_gives_the_vectorized_distances_paths_and_conflicts(seed, monkeypatch):
    size = 3 + seed % 9
    constraints = _random_constraints(seed, size, 6 * size)
    plain = _run(constraints, size, 0, monkeypatch)  # always vectorized
    few = _run(constraints, size, 10**9, monkeypatch)  # always pair by pair
    assert np.array_equal(plain.dist, few.dist)
    assert np.array_equal(plain.next, few.next)
    assert plain.accepted == few.accepted
    assert plain.conflicts == few.conflicts
    assert plain.edges == few.edges


def _scan(family: str, event: Event, text: str):
    """The rules of ``family`` tried one by one, every condition read (the plain way)."""
    before = text[max(0, event.trigger_start - settings.TENSE_PRECEDED_CHARS) : event.trigger_start]
    for rule in tense.rules()["tense_rules"][family]:
        if family == "publication" and rule.fallback and event.timex is not None:
            continue
        if family == "publication" and rule.dated and event.timex is None:
            continue
        if not all(getattr(event, name) in values for name, values in rule.when.items()):
            continue
        if rule.reported is not None and (event.source is not None) != rule.reported:
            continue
        if rule.form is not None and not rule.form.search(event.trigger):
            continue
        if rule.not_form is not None and rule.not_form.search(event.trigger.lower()):
            continue
        if rule.preceded_by is not None and not rule.preceded_by.search(before if text else ""):
            continue
        if rule.not_preceded_by is not None and (not text or rule.not_preceded_by.search(before)):
            continue
        return rule.relation, rule.id
    return ("none", "none") if family == "publication" else None


def test_tense_relations_match_the_rule_by_rule_scan():
    text = "Officials said they could not be reached and would meet if talks resumed."
    triggers = ["said", "reached", "meet", "resumed"]
    rng = random.Random(3)
    for k in range(300):
        trigger = triggers[k % len(triggers)]
        start = text.index(trigger)
        event = Event(
            0,
            0,
            len(text),
            trigger,
            start,
            start + len(trigger),
            kind=rng.choice(["action", "statement", "state", "plan"]),
            modality=rng.choice(["asserted", "expected", "potential", "negated"]),
            event_class=rng.choice(["OCCURRENCE", "REPORTING", "STATE", "I_ACTION"]),
            tense=rng.choice(["past", "present", "future", "none"]),
            aspect=rng.choice(["perfective", "progressive", "none"]),
            source=rng.choice([None, 0]),
            timex=rng.choice([None, 0]),
            role=rng.choice(["verb", "nominal", "predicate"]),
        )
        for given in (text, ""):
            assert tense.publication_relation(event, given) == _scan("publication", event, given)
            assert tense.reported_relation(event, given) == (
                _scan("reported", event, given) if event.source is not None else None
            )


def test_likely_estimates_with_the_default_model_match_a_copy_of_it():
    published = dt.date(2025, 2, 28)
    copy = {**likely.model(), "kinds": [dict(kind) for kind in likely.model()["kinds"]]}
    for tense_, earliest, latest in [
        ("past", None, published),
        ("past", dt.date(2025, 1, 1), published),
        ("future", published, None),
        ("present", None, None),
        ("past", dt.date(2024, 12, 1), dt.date(2025, 1, 15)),
    ]:
        row = dict(
            event_class="OCCURRENCE",
            tense=tense_,
            aspect="none",
            modality="asserted",
            value=None,
            rule=f"tense_{tense_}",
            publication="before",
            earliest=earliest,
            latest=latest,
        )
        # a copy is not the default model: estimated without the remembered offsets
        assert likely.estimate(row, published) == likely.estimate(row, published, copy)
