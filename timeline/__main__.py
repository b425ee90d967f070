"""Command line: ``python -m timeline [PATH ...]`` prints the timeline of articles.

With no PATH it reads the seed articles in ``seeds/``.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pandas as pd

from timeline.errors import TimelineError
from timeline.frame import build_timeline
from timeline.io.article import parse_published, read_articles
from timeline.io.atomic import write_atomically
from timeline.io.export import write_timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TABLE_COLUMNS = [
    "order",
    "earliest",
    "latest",
    "publication",
    "precision",
    "modality",
    "actors",
    "trigger",
    "text",
]


def format_table(df: pd.DataFrame, width: int = 60) -> str:
    """The timeline as a fixed-width text table, one event a line."""
    view = df[TABLE_COLUMNS].copy()
    for column in ("earliest", "latest"):
        view[column] = view[column].map(lambda d: "open" if pd.isna(d) else d.strftime("%Y-%m-%d"))
    view["actors"] = view["actors"].map(lambda names: ", ".join(names)[:28])
    view["text"] = (
        view["text"]
        .str.replace(r"\s+", " ", regex=True)
        .map(lambda s: s if len(s) <= width else s[: width - 1] + "…")
    )
    return view.to_string(index=False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", help="article files or folders (.txt, .md, .json); default: seeds/"
    )
    parser.add_argument(
        "--published", help="publication date YYYY-MM-DD, overriding the files' metadata"
    )
    parser.add_argument("--out", help="write the full timeline to FILE.csv or FILE.json")
    parser.add_argument(
        "--plot",
        default="out/timeline.png",
        help="write the plot to this PNG (default: %(default)s)",
    )
    parser.add_argument("--no-plot", action="store_true", help="do not write a plot")
    parser.add_argument(
        "--all", action="store_true", help="print every event, not only the newsworthy ones"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes for the per-article work (default: %(default)s; same output as 1)",
    )
    args = parser.parse_args(argv)
    try:
        published = parse_published(args.published, "--published")
        articles = read_articles(args.paths or [SEEDS], published)
        df = build_timeline(articles, workers=args.workers)
    except TimelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    shown = df if args.all else df[df.newsworthy]
    for article in articles:
        when = article.published.isoformat() if article.published else "unknown (no date filled in)"
        print(
            f"{article.id}: {article.title or '(no title)'} | {article.source or '?'} | published {when}"
        )
    print()
    print(format_table(shown))
    print(
        f"\n{len(shown)} of {len(df)} events shown"
        + ("" if args.all else " (newsworthy; --all shows every event)")
    )
    warnings = df[df.warning.notna()]
    for row in warnings.itertuples():
        print(f"warning: {row.event_id} {row.trigger!r}: {row.warning}")
    if args.out:
        print(f"timeline written to {write_timeline(df, args.out)}")
    if not args.no_plot:
        import matplotlib

        matplotlib.use("Agg")
        from timeline.plot import plot_timeline

        ax = plot_timeline(df, published=articles[0].published if len(articles) == 1 else None)
        image = io.BytesIO()
        ax.figure.savefig(image, format=Path(args.plot).suffix.lstrip(".") or "png", dpi=120)
        write_atomically(args.plot, image.getvalue())
        print(f"plot written to {args.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
