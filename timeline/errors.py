"""The library's own exceptions and warnings.

Every error names what was wrong and where (file, line, field), so a user
never has to read a traceback from deep inside pandas or dateparser.
"""


class TimelineError(Exception):
    r"""Base class of every error the library raises on purpose.

    A lone surrogate in the message (a file name that is not UTF-8, a field holding one)
    is shown as its escape, ``\udce9``: printing the error must not raise another one.

    Examples:
        >>> str(TimelineError("caf\udce9.txt: not read"))
        'caf\\udce9.txt: not read'
    """

    def __init__(self, *args):
        super().__init__(
            *(
                a.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(a, str) else a
                for a in args
            )
        )


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
