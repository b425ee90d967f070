"""Entities: a timeline frame and an entity name in, that entity's events out.

In: the timeline DataFrame and the articles. Out: the rows an entity takes part in
(:func:`filter_entity`) and SemEval-2015 Task 4 timelines (:func:`to_semeval`).
Owns ``entities/rules/entities.yaml`` (name shapes, descriptions, pronouns).
"""

from .participation import filter_entity
from .timelines import to_semeval

__all__ = ["filter_entity", "to_semeval"]
