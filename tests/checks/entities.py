"""How an example of ``entities/rules/entities.yaml`` is checked.

``examples``: the exact mentions of an entity in a text. ``selection_examples``: the events
``filter_entity`` keeps for an entity, from a text whose sentences are one clause each and whose
events are written ``trigger[:tense[:kind]]``.
"""

from timeline.entities.timelines import filter_entity, mentions, split_sentences
from timeline.schema import TIMELINE, conform


def check_mentions(rule_id, example, positive):
    found = mentions(split_sentences(example["text"]), example["entity"])
    assert [m[3] for m in found] == example["mentions"]
    for start, end, _, text in found:
        assert example["text"][start:end] == text


def check_selection(rule_id, example, positive):
    text, records = example["text"], []
    pieces = split_sentences(text)
    cursor = 0
    for i, spec in enumerate(example["events"]):
        parts = spec.split(":")
        word, tense, kind = parts[0], (parts[1:2] or ["none"])[0], (parts[2:3] or ["action"])[0]
        position = text.index(word, cursor)
        cursor = position + len(word)
        start, end, sentence, clause = next(p for p in pieces if p[0] <= position < p[1])
        records.append(
            dict(
                event_id=f"x-e{i + 1:03d}",
                article_id="x",
                sentence=sentence,
                start=start,
                end=end,
                text=clause,
                trigger=word,
                trigger_start=position,
                trigger_end=position + len(word),
                actors=[],
                kind=kind,
                modality="asserted",
                precision="unknown",
                basis="none",
                rule="test",
                order=i + 1,
                event_class="REPORTING" if kind == "statement" else "OCCURRENCE",
                tense=tense,
                aspect="none",
                newsworthy=True,
            )
        )
    got = filter_entity(conform(records, TIMELINE), example["entity"])
    assert got["trigger"].tolist() == example["selected"]


CHECKS = {"entities": check_mentions, "entities:selection": check_selection}
