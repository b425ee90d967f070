"""Ordering: events, expressions and the reference date in, bounds and an order out.

In: events, temporal expressions, the publication date, the text.
Out: one :class:`~timeline.model.Bounds` per event (:func:`solve`) and the constraints
behind them (:func:`constraints`). Owns ``ordering/rules/ordering.yaml`` (tense, cues,
offsets, coreference of event nouns).
"""

from .relation import publication_side, relation_to, relation_to_expression
from .solve import constraints, solve

__all__ = ["constraints", "publication_side", "relation_to", "relation_to_expression", "solve"]
