"""Input and output: articles in, exports out.

In: article files (``.txt``, ``.md``, ``.json``) or text with a publication date.
Out: :class:`~timeline.io.article.Article` values, sentence spans (the one notion of
a sentence, :func:`~timeline.io.segment.sentences`), CSV/JSON exports written
atomically and validated on read. Owns no rules.
"""
