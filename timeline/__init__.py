"""timeline: news articles in, a dated and ordered event timeline and a forecasting ledger out.

>>> import timeline
>>> article = timeline.Article("On February 1, Trump signed a memorandum.", published="2025-02-28")
>>> df = timeline.build_timeline(article)
>>> df.loc[0, ["trigger", "value", "earliest"]].tolist()
['signed', '2025-02-01', Timestamp('2025-02-01 00:00:00')]
"""

from timeline.entities import filter_entity, to_semeval
from timeline.errors import ArticleError, LedgerError, SchemaError, TimelineError, TimelineWarning
from timeline.forecast.criteria import check_question
from timeline.forecast.ledger import Forecast, Ledger, ManualClock, Question, fixed_clock
from timeline.forecast.probability import (
    decay,
    prior_from_base_rate,
    rescale_window,
    update_log_odds,
)
from timeline.forecast.questions import candidate_questions
from timeline.forecast.scoring import calibration_table, plot_calibration
from timeline.frame import build_timeline, explain_ordering
from timeline.io.article import Article, read_article, read_articles
from timeline.io.export import read_timeline, write_timeline
from timeline.report import (
    chronology,
    html_report,
    to_markdown,
    to_timelinejs,
    write_report,
    write_timelinejs,
)
from timeline.stories.merge import merged_events
from timeline.temporal import find_timexes

__all__ = [
    "Article",
    "read_article",
    "read_articles",
    "find_timexes",
    "build_timeline",
    "explain_ordering",
    "merged_events",
    "plot_timeline",
    "write_timeline",
    "read_timeline",
    "chronology",
    "to_markdown",
    "to_timelinejs",
    "write_timelinejs",
    "html_report",
    "write_report",
    "filter_entity",
    "to_semeval",
    "Ledger",
    "Question",
    "Forecast",
    "fixed_clock",
    "ManualClock",
    "check_question",
    "candidate_questions",
    "calibration_table",
    "plot_calibration",
    "prior_from_base_rate",
    "update_log_odds",
    "rescale_window",
    "decay",
    "TimelineError",
    "ArticleError",
    "SchemaError",
    "LedgerError",
    "TimelineWarning",
]


def __getattr__(name: str):
    """``plot_timeline`` is imported on first use: matplotlib costs as much to import as the rest
    of the library, and a run that plots nothing (``python -m timeline --no-plot``, a pipeline
    over many articles, a worker process) should not pay for it."""
    if name == "plot_timeline":
        from timeline.plot import plot_timeline

        return plot_timeline
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
