"""Rule examples of ``stories/rules/*.yaml``: the senses, synonym sets and phrases of
``merge.yaml`` (the act a trigger names in its construction, and not outside it), its
nominalizations (the verb a noun is made from, and a noun that only looks made from one) and its
speaker roles (a saying's speaker described by a role).
merge.yaml's two-article ``pairs`` run in tests/test_merge.py, since each needs two articles."""

import timeline
from timeline.frame import per_article_records
from timeline.stories import merge


def _act_check(table: str):
    """The check of a table whose rows name an act (senses, synonym sets, phrases): the example's
    trigger is found as a mention of that act, and a negative's is not."""

    def check(rule_id, example, positive):
        rule = next(row for row in merge.rules()[table] if row["id"] == rule_id)
        article = timeline.Article(example["text"], id="a", published="2025-02-05")
        (rows,) = per_article_records([article], progress=False)
        (row,) = [r for r in rows if r["trigger"] == example["trigger"]]
        assert example["text"][row["trigger_start"] : row["trigger_end"]] == example["trigger"]
        got = merge.act(row, merge.rules())
        assert (got == rule["act"]) == positive, (got, row["trigger_rule"])

    return check


def check_speaker_role(rule_id, example, positive):
    """The example's saying has a speaker of the role; a negative's has a speaker of none."""
    article = timeline.Article(example["text"], id="a", published="2025-02-05")
    (rows,) = per_article_records([article], progress=False)
    (row,) = [r for r in rows if r["trigger"] == example["trigger"]]
    assert row["actors"], row
    got = merge.speaker_roles(row["actors"], merge.rules())
    assert (f"role:{rule_id}" in got) == positive, (row["actors"], got)


def check_nominalization(rule_id, example, positive):
    noun, verb = example
    got = merge.nominal_verb(noun, merge.rules())
    assert got == (verb if positive else noun), (rule_id, noun, got)


CHECKS = {
    "merge:senses": _act_check("senses"),
    "merge:synonyms": _act_check("synonyms"),
    "merge:phrases": _act_check("phrases"),
    "merge:nominalizations": check_nominalization,
    "merge:speaker_roles": check_speaker_role,
}
