"""Reports for readers: a compact chronology view, Markdown, TimelineJS JSON, a one-file HTML page.

In: a timeline DataFrame (``schema.TIMELINE``) and, for the evidence sentences, its articles.
Out: text and files a reader opens without Python. This stage owns no rules: it only lays out
what the pipeline found.
"""

from .html import html_report, write_report
from .running import attach_evidence, evidence_for, ledger_as_of, open_questions
from .timelinejs import to_timelinejs, validate_timelinejs, write_timelinejs
from .view import Chronology, chronology, to_markdown, wrapped

__all__ = [
    "Chronology",
    "chronology",
    "to_markdown",
    "wrapped",
    "ledger_as_of",
    "open_questions",
    "evidence_for",
    "attach_evidence",
    "to_timelinejs",
    "validate_timelinejs",
    "write_timelinejs",
    "html_report",
    "write_report",
]
