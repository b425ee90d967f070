"""How an example of ``events/rules/*.yaml`` is checked.

events.yaml: the events a sentence holds (trigger with exact offsets, and the attributes
given), the words that must not be events, the actors of each trigger, which events are
newsworthy. lemmas.yaml: pairs of words that name the same act (negatives: different acts).
open_tags.yaml: the tag a word of a sentence gets and the rule that gives it (negatives: the
rule does not decide the word). mentions.yaml: the rule that decides whether a word is an event
(an event rule's word is an event whose trigger_rule names the rule; negatives: another rule
decides the word, or none).
"""

import timeline
from timeline.events import lemmas
from timeline.events.extract import extract
from timeline.events.lexicon import tokenize
from timeline.events.mentions import decide, table
from timeline.events.tagger import tag
from timeline.io.segment import sentences

#: An example's attribute name -> the Event field it checks.
ATTRS = {
    "class": "event_class",
    "kind": "kind",
    "modality": "modality",
    "tense": "tense",
    "aspect": "aspect",
}


def run(text):
    return extract(text, sentences(text))


def find(text, events, word):
    """The first event whose trigger is ``word``, after checking every such trigger's offsets."""
    hits = [e for e in events if e.trigger == word]
    assert hits, f"no event {word!r} in {[e.trigger for e in events]}"
    for event in hits:
        assert text[event.trigger_start : event.trigger_end] == word
    return hits[0]


def check_events(rule_id, example, positive):
    text = example["text"]
    events = run(text)
    expected = example.get("events", {})
    for word, attrs in (
        expected.items() if isinstance(expected, dict) else ((w, {}) for w in expected)
    ):
        event = find(text, events, word)
        for key, value in (attrs or {}).items():
            assert getattr(event, ATTRS[key]) == value, (word, key)
    for word in example.get("not_events", []):
        assert word not in [e.trigger for e in events]


def check_actors(rule_id, example, positive):
    events = run(example["text"])
    for word, actors in example["actors"].items():
        hits = [e for e in events if e.trigger == word]
        assert hits, f"no event {word!r} in {[e.trigger for e in events]}"
        assert hits[-1].actors == actors, (word, hits[-1].actors)


def check_salience(rule_id, example, positive):
    df = timeline.build_timeline(example["text"], published="2025-02-28")
    flags = dict(zip(df.trigger, df.newsworthy))
    for trigger in example["newsworthy"]:
        assert flags.get(trigger) is True, (trigger, flags)
    for trigger in example["not_newsworthy"]:
        assert flags.get(trigger, False) is False, (trigger, flags)


def check_open_tag(rule_id, example, positive):
    """The word (exact span) gets the tag, from this rule; a negative: from another rule."""
    text, word = example["text"], example["word"]
    tokens = tag(tokenize(text))
    hits = [t for t in tokens if t.text == word]
    assert hits, f"no token {word!r} in {[t.text for t in tokens]}"
    tok = hits[example.get("occurrence", 0)]
    assert text[tok.start : tok.end] == word
    decisions = [(t.text, t.tag, t.rule) for t in tokens]
    if positive:
        assert (tok.tag, tok.rule) == (example["tag"], rule_id), decisions
    else:
        assert tok.rule != rule_id, decisions
        if "tag" in example:
            assert tok.tag == example["tag"], decisions


def check_mention(rule_id, example, positive):
    """The word (exact span) is decided by this rule (a negative: by another or none); the
    word of an event rule is an event whose trigger_rule starts with the rule's id."""
    text, word = example["text"], example["word"]
    tokens = tag(tokenize(text))
    hits = [i for i, t in enumerate(tokens) if t.text == word]
    assert hits, f"no token {word!r} in {[t.text for t in tokens]}"
    index = hits[example.get("occurrence", 0)]
    assert text[tokens[index].start : tokens[index].end] == word
    decided = decide(tokens)[1]
    trace = [(t.text, t.tag, decided.get(i)) for i, t in enumerate(tokens)]
    if not positive:
        assert decided.get(index) != rule_id, trace
        return
    assert decided.get(index) == rule_id, trace
    events = [e for e in run(text) if e.trigger_start == tokens[index].start]
    if table()[rule_id].event:
        assert [e.trigger_rule.split(":")[0] for e in events] == [rule_id], trace
    else:
        assert events == [], trace


def check_same_act(rule_id, example, positive):
    left, right = example
    assert (lemmas.base_lemma(left) == lemmas.base_lemma(right)) is positive, (
        lemmas.base_lemma(left),
        lemmas.base_lemma(right),
    )


CHECKS = {
    **{
        f"events:{section}": check_events
        for section in (
            "classes",
            "clauses",
            "modality",
            "modifier_participles",
            "never",
            "nominals",
            "predicates",
            "statement_nouns",
            "verb_groups",
        )
    },
    "events:actors": check_actors,
    "events:salience": check_salience,
    "lemmas": check_same_act,
    "open_tags": check_open_tag,
    "mentions": check_mention,
}
