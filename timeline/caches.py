"""Caches of what the library reads, registered in one place so they can be emptied.

A function of text that was read (a clause, a word, a day) is cached with :func:`read_cache`
instead of ``functools.lru_cache``: the cache is bounded and registered here, and
:func:`release_caches` empties every registered cache. A long-running process (a Dask
worker running partition after partition) calls it between tasks, so its memory is one
task's, not the sum of all it ran. What a module loads once (its rule tables, the lexicon,
the tagger) keeps ``functools.cache``: it is not registered and stays loaded.

The registry is explicit rather than found by looking through modules, so a cache of read
text cannot be missed for having the wrong size, and a loaded table cannot be emptied by
mistake.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

#: Entries a read cache keeps by default: the clauses, words and days of one large
#: ``build_timeline`` call (a few thousand articles) stay cached within the call.
READ_CACHE_MAX_ENTRIES = 1 << 16

_READ_CACHES: list = []

Function = TypeVar("Function", bound=Callable)


def read_cache(maxsize: int = READ_CACHE_MAX_ENTRIES) -> Callable[[Function], Function]:
    """Decorator: a bounded LRU cache of a pure function of read text, registered so that
    :func:`release_caches` empties it.

    Examples:
        >>> @read_cache(maxsize=8)
        ... def word_length(word: str) -> int:
        ...     return len(word)
        >>> word_length("call"), word_length.cache_info().currsize
        (4, 1)
        >>> release_caches() >= 1, word_length.cache_info().currsize
        (True, 0)
    """
    if not isinstance(maxsize, int) or maxsize < 1:
        raise ValueError(f"read_cache: maxsize must be a positive integer, got {maxsize!r}")

    def decorate(function: Function) -> Function:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _READ_CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return decorate


def release_caches() -> int:
    """Empty every cache of read text (clauses, words, days), keeping what modules loaded
    (rule tables, lexicon, models); returns the number of entries released.

    The caches are pure functions of their arguments, so nothing computed afterwards changes.

    Examples:
        >>> from timeline.frame import article_records
        >>> from timeline.io.article import Article
        >>> from timeline.temporal.scanner import scanner
        >>> _ = article_records(Article("Trump signed it.", id="a", published="2025-02-28"))
        >>> release_caches() > 0, release_caches()
        (True, 0)
        >>> scanner.cache_info().currsize  # the scanner of the rules stays loaded
        1
    """
    released = 0
    for cached in _READ_CACHES:
        released += cached.cache_info().currsize
        cached.cache_clear()
    return released
