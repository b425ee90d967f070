"""The open-class tags beyond the examples of rules/open_tags.yaml (tests/test_rule_examples.py
runs those, exact spans, tags and the deciding rule's id): every rule has one, the table's
loader rejects what it does not know, and the trace reaches the timeline."""

import pytest
from conftest import event_at

from timeline.errors import RuleError
from timeline.events.mentions import table as mention_rules
from timeline.events.open_tags import table


def test_every_rule_has_an_example():
    assert [row["id"] for row in table().rows if not row.get("examples")] == []


@pytest.mark.parametrize(
    "row, message",
    [
        ("{id: a, tag: N, whne: {}}", "unknown key 'whne'"),
        ("{id: a, tag: N, when: {slef: {}}}", "unknown condition 'slef'"),
        ("{id: a, tag: N, when: {self: {pos: [N]}}}", "unknown token test 'pos'"),
        ("{id: a, tag: N, when: {self: {in: no_such_list}}}", "unknown word list 'no_such_list'"),
        ("{id: a, tag: N, when: {predicate: no_such_test}}", "unknown predicate 'no_such_test'"),
        ("{id: a, tag: NOUN, when: {}}", "unknown tag 'NOUN'"),
        ("{id: a, tag: N, when: {prev_tag: [N]}}", "the last rule must hold always"),
    ],
)
def test_table_rejects_what_it_does_not_know(tmp_path, row, message):
    path = tmp_path / "open_tags.yaml"
    path.write_text(f"version: 1\nlists: {{}}\nrules:\n  - {row}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        table(path)


def test_own_word_lists(tmp_path):
    path = tmp_path / "open_tags.yaml"
    path.write_text(
        "version: 1\nlists: {shouts: [hurray]}\nrules:\n"
        "  - {id: shout, tag: ADV, when: {self: {in: shouts}}}\n  - {id: rest, tag: N}\n",
        encoding="utf-8",
    )
    assert [rule.id for rule in table(path).rules] == ["shout", "rest"]
    assert table(path).lists == {"shouts": frozenset({"hurray"})}


def test_a_word_list_declared_case_sensitive_holds_words_as_written(tmp_path):
    # "US" the country is a name, "us" the pronoun is not: a list declares which it compares
    from timeline.events.lexicon import lexicon, tokenize
    from timeline.events.open_tags import Context

    path = tmp_path / "open_tags.yaml"
    path.write_text(
        "version: 1\nlists: {initials: {case: sensitive, words: [US]}, shouts: [Hurray]}\n"
        "rules:\n  - {id: initials, tag: N, when: {self: {in: initials}}}\n"
        "  - {id: shout, tag: ADV, when: {self: {in: shouts}}}\n  - {id: rest, tag: N}\n",
        encoding="utf-8",
    )
    rules = table(path)
    assert rules.lists == {"initials": {"US"}, "shouts": {"hurray"}}
    tokens = tokenize("They told us the US said HURRAY.")
    initials, shout = rules.rules[0], rules.rules[1]
    held = {
        tok.text: (
            initials.test(Context(tokens, i, False, lexicon())),
            shout.test(Context(tokens, i, False, lexicon())),
        )
        for i, tok in enumerate(tokens)
    }
    assert (held["us"], held["US"], held["HURRAY"]) == (
        (False, False),
        (True, False),
        (False, True),
    )


def test_the_trace_reaches_the_timeline(seed_timeline, seed_article):
    """Every row names why its word became an event: the mentions.yaml rule that made it one
    and the open_tags.yaml rule that tagged it."""
    ids = {row["id"] for row in table().rows}
    event_rules = {rule.id for rule in mention_rules().values() if rule.event}
    mentions, rules = zip(*(value.split(":") for value in seed_timeline.trigger_rule))
    assert set(mentions) <= event_rules
    assert {r for r in rules if not r.isupper()} <= ids  # upper case: a closed or name tag
    signed = event_at(seed_timeline, seed_article.text, "Trump signed")
    assert (signed.trigger, signed.trigger_rule) == ("signed", "verb_group:one_open_class")
    block = event_at(seed_timeline, seed_article.text, "to block")
    assert (block.trigger, block.trigger_rule) == ("block", "verb_group:to_infinitive")


def test_passable_rules_are_the_rules_the_previous_tag_and_classes_allow():
    rules = table()
    tags = {"START", "N", "V", "DET", "PREP", "PROPN", "ADJ", "MODAL", "TO", "BE", "PUNCT"}
    classes = [frozenset(), frozenset({"N"}), frozenset({"N", "V"}), frozenset({"ADJ", "V"})]
    for p in sorted(tags):
        for pos in classes:
            expected = tuple(
                rule
                for rule in rules.rules
                if (rule.prev_tags is None or p in rule.prev_tags) and rule.pos <= pos
            )
            assert rules.passable(p, pos) == expected
            assert rules.passable(p, set(pos)) == expected  # a plain set is read alike
