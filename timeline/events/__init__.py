"""Events: text, its sentences and expressions in, clause-level event mentions out.

In: article text, sentence spans, the temporal expressions.
Out: :class:`~timeline.model.Event` values with trigger, class, tense, modality,
actors and reported-speech source (:func:`extract`). Owns ``events/rules/events.yaml``:
the lexicon, the tagger's word lists, class and salience tables; and
``events/rules/open_tags.yaml``: the decision list of open-class tags; and
``events/rules/mentions.yaml``: which tagged words become event mentions. Both rule ids reach
each event's ``trigger_rule`` ("verb_group:after_modal": the mention rule, the tag rule).
"""

from .extract import extract, noun_event

__all__ = ["extract", "noun_event"]
