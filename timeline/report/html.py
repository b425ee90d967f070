"""A self-contained HTML report of a timeline: the articles, the plot, the chronology, the evidence.

One file with nothing to fetch: the plot is an embedded PNG, the style is inline, there is no
script. It opens offline in any browser and can be mailed as it is.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd

from timeline.io.atomic import write_atomically

from .view import chronology, to_html_table

PAGE_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:1400px;padding:0 1em;"
    "color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}"
    "img.plot{max-width:100%;height:auto}ul.articles li,ul.warnings li{margin:.2em 0}"
    "p.note{color:#555}"
)


def _plot_png(df: pd.DataFrame, published) -> bytes | None:
    import matplotlib.pyplot as plt

    from timeline.plot import plot_timeline

    if not df.newsworthy.any():
        return None
    ax = plot_timeline(df, published=published)
    image = io.BytesIO()
    ax.figure.savefig(image, format="png", dpi=110, metadata={"Software": None})
    plt.close(ax.figure)
    return image.getvalue()


def html_report(df: pd.DataFrame, articles=None, title: str | None = None) -> str:
    """The report as one HTML page (a string).

    Args:
        df: a timeline DataFrame (``build_timeline`` output).
        articles: the articles it was built from (their metadata and evidence sentences).
        title: the page title; the single article's title by default.

    Examples:
        >>> import timeline
        >>> article = timeline.Article(
        ...     "On February 1, Trump signed a memorandum.", id="a", published="2025-02-28"
        ... )
        >>> page = html_report(timeline.build_timeline(article), [article])
        >>> page.count('<tr class="event">'), "<script" in page, "http" in page.split("<body>")[1]
        (1, False, False)
    """
    articles = list(articles or [])
    if title is None:
        title = articles[0].title if len(articles) == 1 and articles[0].title else "Timeline"
    published = articles[0].published if len(articles) == 1 else None
    view = chronology(df, articles)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{PAGE_STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    if articles:
        items = "".join(
            f"<li><code>{html.escape(a.id)}</code>: {html.escape(a.title or '(no title)')}"
            f" | {html.escape(a.source or 'source unknown')}"
            f" | published {a.published.isoformat() if a.published else 'unknown'}</li>"
            for a in articles
        )
        parts.append(f'<h2>Articles</h2><ul class="articles">{items}</ul>')
    png = _plot_png(df, published)
    if png is not None:
        data = base64.b64encode(png).decode("ascii")
        parts.append(
            '<h2>Plot</h2><img class="plot" alt="timeline plot"'
            f' src="data:image/png;base64,{data}">'
        )
    shown = int(df.newsworthy.sum())
    parts.append(
        f'<h2>Chronology</h2><p class="note">{len(view)} events ({shown} newsworthy of '
        f"{len(df)} found), in an order consistent with every date and cue; "
        "<em>evidence</em> is the sentence each event was read from.</p>"
    )
    parts.append(view._repr_html_())
    warned = df[df.warning.notna()]
    if len(warned):
        items = "".join(
            f"<li><code>{html.escape(r.event_id)}</code> {html.escape(r.trigger)}: "
            f"{html.escape(r.warning)}</li>"
            for r in warned.itertuples()
        )
        parts.append(f'<h2>Warnings</h2><ul class="warnings">{items}</ul>')
    linked = df[df.same_as.notna()] if "same_as" in df else df.iloc[:0]
    if len(linked):
        rows = pd.DataFrame(
            {
                "mention": linked.event_id,
                "same event as": linked.same_as,
                "why": linked.merge_evidence.fillna(""),
            }
        )
        parts.append(
            "<h2>Links between articles (proposed)</h2>" + to_html_table(rows, "links", "link")
        )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_report(df: pd.DataFrame, path, articles=None, title: str | None = None) -> Path:
    """Write :func:`html_report` to ``path``, atomically."""
    return write_atomically(Path(path), html_report(df, articles, title))
