"""Average link with pairs scored on demand (issue 17): the groups of summing every pair, with
only the pairs between groups that could be joined looked up."""

import random

from timeline.stories import merge


class Counting(dict):
    """Known pairs; a missing one is taken from ``every`` when looked up, and counted."""

    def __init__(self, known, every):
        super().__init__(known)
        self.every, self.asked = every, []

    def __missing__(self, key):
        self.asked.append(key)
        if key not in self.every:
            raise KeyError(key)
        found = self[key] = self.every[key]
        return found


def _random_pairs(n, seed, threshold):
    rng = random.Random(seed)
    every = {}
    for i in range(n):
        for j in range(i + 1, n):
            draw = rng.random()
            if draw < 0.05:
                every[i, j] = (None, None)  # kept apart
            elif draw < 0.15:
                continue  # never compared: p = 0
            else:  # mostly below the threshold, as most pairs of a story are
                every[i, j] = ({}, rng.random() ** 2)
    strong = {k: v for k, v in every.items() if v[0] is not None and v[1] >= threshold}
    return every, strong


def test_on_demand_gives_the_groups_of_every_pair():
    for seed in range(30):
        every, strong = _random_pairs(25, seed, 0.5)
        assert merge.cluster(25, Counting(strong, every), 0.5) == merge.cluster(25, every, 0.5)


def test_only_pairs_between_groups_that_could_join_are_looked_up():
    # 0-1 and 2-3 each share a strong pair; nothing strong joins {0, 1} to {2, 3} or to 4
    every = {
        (0, 1): ({}, 0.9),
        (2, 3): ({}, 0.8),
        (0, 2): ({}, 0.1),
        (1, 3): ({}, 0.2),
        (0, 4): ({}, 0.2),
    }
    strong = {k: v for k, v in every.items() if v[1] >= 0.5}
    pairs = Counting(strong, every)
    assert merge.cluster(5, pairs, 0.5) == [[0, 1], [2, 3], [4]]
    assert pairs.asked == []


def test_a_veto_ends_the_look_up():
    # {0, 1} joins first (0.9); then 2 is compared with both: (0, 2) is kept apart, so (1, 2)
    # is never asked for
    every = {(0, 1): ({}, 0.9), (1, 2): ({}, 0.7), (0, 2): (None, None), (0, 3): ({}, 0.1)}
    strong = {(0, 1): every[0, 1], (1, 2): every[1, 2]}
    pairs = Counting(strong, every)
    assert merge.cluster(4, pairs, 0.5) == [[0, 1], [2], [3]]
    assert pairs.asked == [(0, 2)]
