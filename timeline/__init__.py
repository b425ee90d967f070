"""timeline: news articles in, a dated and ordered event timeline and a forecasting ledger out.

>>> import timeline
>>> df = timeline.build_timeline(timeline.Article("On February 1, Trump signed a memorandum.", published="2025-02-28"))
>>> df.loc[0, ["trigger", "value", "earliest"]].tolist()
['signed', '2025-02-01', Timestamp('2025-02-01 00:00:00')]
"""
from .article import Article, read_article
from .entities import filter_entity, to_semeval
from .export import read_timeline, write_timeline
from .errors import ArticleError, LedgerError, SchemaError, TimelineError, TimelineWarning
from .frame import build_timeline, explain_ordering
from .ledger import Forecast, Ledger, Question
from .merge import merged_events
from .plot import plot_timeline
from .probability import decay, prior_from_base_rate, rescale_window, update_log_odds
from .questions import candidate_questions
from .scoring import calibration_table, plot_calibration
from .temporal import find_timexes

__all__ = [
    "Article", "read_article", "find_timexes", "build_timeline", "explain_ordering", "merged_events", "plot_timeline",
    "write_timeline", "read_timeline",
    "filter_entity", "to_semeval",
    "Ledger", "Question", "Forecast", "candidate_questions",
    "calibration_table", "plot_calibration",
    "prior_from_base_rate", "update_log_odds", "rescale_window", "decay",
    "TimelineError", "ArticleError", "SchemaError", "LedgerError", "TimelineWarning",
]
