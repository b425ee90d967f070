"""Rule examples of ``stories/rules/*.yaml``: the senses of ``merge.yaml`` (the act a trigger
names in its sense's construction, and not outside it) and its nominalizations (the verb a noun
is made from, and a noun that only looks made from one). merge.yaml's two-article ``pairs`` run in
tests/test_merge.py, since each needs two articles."""

import timeline
from timeline.frame import per_article_records
from timeline.stories import merge


def check_sense(rule_id, example, positive):
    sense = next(row for row in merge.rules()["senses"] if row["id"] == rule_id)
    article = timeline.Article(example["text"], id="a", published="2025-02-05")
    (rows,) = per_article_records([article], progress=False)
    (row,) = [r for r in rows if r["trigger"] == example["trigger"]]
    assert example["text"][row["trigger_start"] : row["trigger_end"]] == example["trigger"]
    got = merge.act(row, merge.rules())
    assert (got == sense["act"]) == positive, (got, row["trigger_rule"])


def check_nominalization(rule_id, example, positive):
    noun, verb = example
    got = merge.nominal_verb(noun, merge.rules())
    assert got == (verb if positive else noun), (rule_id, noun, got)


CHECKS = {"merge:senses": check_sense, "merge:nominalizations": check_nominalization}
