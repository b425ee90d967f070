"""The library's own exceptions and warnings.

Every error names what was wrong and where (file, line, field), so a user
never has to read a traceback from deep inside pandas or dateparser.
"""


class TimelineError(Exception):
    """Base class of every error the library raises on purpose."""


class ArticleError(TimelineError, ValueError):
    """An article (text or file) cannot be read or is not an article."""


class RuleError(TimelineError):
    """A rule file is malformed (unknown fragment, bad pattern, bad field)."""


class SchemaError(TimelineError, ValueError):
    """A DataFrame does not match its declared schema."""


class LedgerError(TimelineError, ValueError):
    """A ledger file or a ledger operation is invalid."""


class TimelineWarning(UserWarning):
    """Something suspicious that does not stop the pipeline."""
