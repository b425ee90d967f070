"""Command line: python -m timeline [PATH ...] prints the chronology of news articles.

With no PATH it reads the seed article in seeds/.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from timeline.errors import TimelineError
from timeline.frame import build_timeline
from timeline.io.article import parse_published, read_articles
from timeline.io.atomic import write_atomically
from timeline.io.export import write_timeline
from timeline.report import chronology, to_markdown, write_report, write_timelinejs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WIDTH = 120
#: What --out writes, by how the file name ends (the longest ending that matches wins).
OUT_FORMATS = {
    ".timelinejs.json": "TimelineJS JSON",
    ".csv": "every column, CSV",
    ".json": "every column, JSON records",
    ".html": "a self-contained HTML report",
    ".md": "a Markdown table",
}
PLOT_FORMATS = (".png", ".svg", ".pdf")

DESCRIPTION = """\
Print the chronology of news articles: one line per event with its order, its date in words,
who acted and what happened (the trigger word first, then its clause). With no PATH it reads the
seed article in seeds/. PATH may be a file (.txt, .md, .json, or a saved web page .html), a folder
of them, or a quoted glob such as 'reports/*.md'."""

EPILOG = "--out formats, by file name ending:\n" + "\n".join(
    f"  {ending:<18}{what}" for ending, what in OUT_FORMATS.items()
)


def out_format(path: str) -> str:
    """The --out format a file name asks for; a TimelineError before anything is printed if none.

    Examples:
        >>> out_format("story.timelinejs.json"), out_format("story.JSON")
        ('.timelinejs.json', '.json')
    """
    name = path.lower()
    for ending in sorted(OUT_FORMATS, key=len, reverse=True):
        if name.endswith(ending):
            return ending
    raise TimelineError(f"--out {path}: unsupported file type; use one of {', '.join(OUT_FORMATS)}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders or globs; default: seeds/"
    )
    parser.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date, overriding the files' metadata",
    )
    parser.add_argument(
        "--out", metavar="FILE", help="also write the timeline to FILE (format from its ending)"
    )
    parser.add_argument(
        "--plot",
        default="out/timeline.png",
        metavar="FILE",
        help="write the plot to FILE (.png, .svg or .pdf; default: %(default)s)",
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
    return parser


def _cut(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args) -> int:
    try:
        fmt = out_format(args.out) if args.out else None
        if not args.no_plot and Path(args.plot).suffix.lower() not in PLOT_FORMATS:
            raise TimelineError(
                f"--plot {args.plot}: unsupported file type; use {', '.join(PLOT_FORMATS)}"
            )
        published = parse_published(args.published, "--published")
        articles = read_articles(args.paths or [SEEDS], published)
        df = build_timeline(articles, workers=args.workers)
    except TimelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for article in articles:
        when = article.published.isoformat() if article.published else "unknown (no date filled in)"
        print(
            _cut(
                f"{article.id}: published {when} | {article.title or '(no title)'} "
                f"| {article.source or 'source unknown'}"
            )
        )
    print()
    view = chronology(df, articles, everything=args.all)
    print(view.to_text(WIDTH))
    print(
        f"\n{len(view)} of {len(df)} events shown"
        + ("" if args.all else " (newsworthy; --all shows every event)")
    )
    for row in df[df.warning.notna()].itertuples():
        print(_cut(f"warning: {row.event_id} {row.trigger!r}: {row.warning}"))
    if args.out:
        if fmt in (".csv", ".json"):
            written = write_timeline(df, args.out)
        elif fmt == ".html":
            written = write_report(df, args.out, articles)
        elif fmt == ".md":
            written = write_atomically(Path(args.out), to_markdown(df, articles, args.all))
        else:
            written = write_timelinejs(df, args.out, articles)
        print(f"timeline written to {written}")
    if not args.no_plot:
        import matplotlib

        matplotlib.use("Agg")
        from timeline.plot import plot_timeline

        ax = plot_timeline(df, published=articles[0].published if len(articles) == 1 else None)
        image = io.BytesIO()
        ax.figure.savefig(image, format=Path(args.plot).suffix.lstrip(".").lower(), dpi=120)
        write_atomically(args.plot, image.getvalue())
        print(f"plot written to {args.plot}")
    return 0


def main(argv=None) -> int:
    """Run the command line; a closed pipe (``| head``) ends it quietly."""
    args = _parser().parse_args(argv)
    try:
        code = run(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader stopped reading (| head): point stdout at devnull so the interpreter's
        # final flush does not raise again, and end as a pipeline expects.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
