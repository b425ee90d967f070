"""Temporal expressions: text and a reference date in, normalized TIMEX3 expressions out.

In: article text and its publication date (or None: values keep their ``X``).
Out: :class:`~timeline.model.TimeExpr` values (:func:`find`) or their DataFrame
(:func:`find_timexes`). Owns ``temporal/rules/*.yaml``: the expression families,
the fragments they compose, the vague widths and the tense cues.
"""

from .timexes import find, find_timexes

__all__ = ["find", "find_timexes"]
