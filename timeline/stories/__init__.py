"""Stories: mentions from several articles in, proposed links between them out.

In: per-article event rows. Out: ``same_as`` / ``merge_evidence`` proposals within and across
articles, and date conflicts (:func:`~timeline.stories.merge.link`), one row per real event
(:func:`merged_events`). Owns ``stories/rules/merge.yaml`` (acts, synonyms, gates) and
``stories/rules/weights.yaml`` (the fitted linking model).
"""

from .merge import merged_events

__all__ = ["merged_events"]
