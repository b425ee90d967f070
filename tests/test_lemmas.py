"""The act a word names (timeline.events.lemmas): the examples of rules/lemmas.yaml."""

import pytest

from timeline.events import lemmas


@pytest.mark.parametrize("left, right", lemmas.rules()["examples"], ids=lambda w: str(w))
def test_same_act(left, right):
    assert lemmas.base_lemma(left) == lemmas.base_lemma(right)


@pytest.mark.parametrize("left, right", lemmas.rules()["negatives"], ids=lambda w: str(w))
def test_not_same_act(left, right):
    assert lemmas.base_lemma(left) != lemmas.base_lemma(right)
