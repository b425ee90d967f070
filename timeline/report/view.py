"""The compact default view of a timeline: order, when, who, what (trigger first), evidence, id.

A reader takes a chronology in at a glance when every cell is words: the date in words (the
``when`` column), the actors joined, the trigger before its clause, the sentence the event was
read from. No pandas index, no NaN or NaT (an unknown date says "unknown", nobody named is an
empty cell), text left-aligned, long cells wrapped in HTML and cut with an ellipsis in text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from timeline.io.segment import sentences

COLUMNS = ("order", "when", "who", "what", "evidence", "id")
ELLIPSIS = "…"
#: Text table: the widest each column may grow before it is cut (``what`` takes the rest).
TEXT_WIDTHS = {"order": 5, "when": 18, "who": 24}


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + ELLIPSIS


def _one_line(text) -> str:
    return " ".join(str(text).split()) if isinstance(text, str) else ""


def _evidence(df: pd.DataFrame, articles) -> list[str]:
    """The sentence each event was read from; its clause when the articles are not given."""
    by_id = {a.id: a for a in articles or ()}
    spans = {}
    found = []
    for row in df.itertuples():
        article = by_id.get(row.article_id)
        if article is None:
            found.append(_one_line(row.text))
            continue
        if article.id not in spans:
            spans[article.id] = sentences(article.text)
        start, end = next(
            ((s, e) for s, e in spans[article.id] if s <= row.start < e),
            (row.start, row.end),
        )
        found.append(_one_line(article.text[start:end]))
    return found


@dataclass(frozen=True)
class Chronology:
    """A timeline laid out for reading; ``frame`` holds the cells (all strings but ``order``).

    Shown in a notebook as a left-aligned HTML table without index; printed as a text table
    that fits ``width`` columns (120 by default), long cells cut with an ellipsis.
    """

    frame: pd.DataFrame
    width: int = 120

    def __len__(self) -> int:
        return len(self.frame)

    def to_text(self, width: int | None = None) -> str:
        """The text table: order, when, who, what; every line at most ``width`` characters.

        Examples:
            >>> import timeline
            >>> df = timeline.build_timeline(
            ...     "On February 1, Trump signed a memorandum.", published="2025-02-28"
            ... )
            >>> print(chronology(df).to_text(width=60))
            order  when   who    what
            1      1 Feb  Trump  signed: On February 1, Trump signed a…
        """
        width = width or self.width
        shown = ["order", "when", "who", "what"]
        cells = {c: [str(v) for v in self.frame[c]] for c in shown}
        widths = {}
        for column in shown[:-1]:
            longest = max([len(column)] + [len(v) for v in cells[column]])
            widths[column] = min(longest, TEXT_WIDTHS[column])
        gap = 2
        widths["what"] = max(width - sum(widths.values()) - gap * (len(shown) - 1), 8)
        lines = []
        for values in zip(*([c] + cells[c] for c in shown)):
            parts = [
                _cut(value, widths[column]).ljust(widths[column])
                for column, value in zip(shown, values)
            ]
            lines.append((" " * gap).join(parts).rstrip())
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        return to_html_table(self.frame)


def to_html_table(frame: pd.DataFrame, kind: str = "chronology", row: str = "event") -> str:
    """The view's cells as a left-aligned HTML table that wraps long cells (fits 1,400 px)."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = "".join(
            f'<td class="{column}">{html.escape(str(value))}</td>'
            for column, value in zip(frame.columns, record)
        )
        rows.append(f'<tr class="{row}">{cells}</tr>')
    style = (
        "<style>table.tl{border-collapse:collapse;table-layout:auto;max-width:100%}"
        "table.tl th,table.tl td{text-align:left!important;vertical-align:top;"
        "padding:2px 8px;white-space:normal;overflow-wrap:anywhere}"
        "table.tl th,table.tl td.order{white-space:nowrap}"
        "table.tl td.when{min-width:9em}table.tl td.who{min-width:8em}"
        "table.tl td.what{min-width:16em}"
        "table.tl td.evidence{min-width:24em}"
        "table.tl td.id{font-family:monospace;font-size:85%;white-space:nowrap;"
        "overflow-wrap:normal}</style>"
    )
    return (
        f'{style}<table class="tl {kind}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def chronology(df: pd.DataFrame, articles=None, everything: bool = False) -> Chronology:
    """The compact default view: order, when, who, what (trigger first), evidence sentence, id.

    Args:
        df: a timeline DataFrame (``build_timeline`` output).
        articles: the articles it was built from; the evidence is then the whole sentence,
            otherwise the event's clause.
        everything: keep every row, not only the newsworthy ones.

    Returns:
        A :class:`Chronology`, in the timeline's order.

    Examples:
        >>> import timeline
        >>> article = timeline.Article(
        ...     "On February 1, Trump signed a memorandum. Talks will follow.",
        ...     id="a",
        ...     published="2025-02-28",
        ... )
        >>> view = chronology(timeline.build_timeline(article), [article])
        >>> view.frame.iloc[0, 1:].tolist()
        ['1 Feb', 'Trump', 'signed: On February 1, Trump signed a memorandum',
         'On February 1, Trump signed a memorandum.', 'a-t0021']
        >>> bool(view.frame.isna().any().any())
        False
    """
    rows = df if everything else df[df.newsworthy]
    rows = rows.sort_values(["order", "article_id", "start"], kind="stable")
    when = rows["when"].fillna("unknown") if "when" in rows else pd.Series("unknown", rows.index)
    frame = pd.DataFrame(
        {
            "order": rows["order"].astype(int).to_numpy(),
            "when": when.astype(str).to_numpy(),
            "who": [", ".join(names) for names in rows["actors"]],
            "what": [
                f"{trigger}: {_one_line(text)}"
                for trigger, text in zip(rows["trigger"], rows["text"])
            ],
            "evidence": _evidence(rows, articles),
            "id": rows["event_id"].astype(str).to_numpy(),
        },
        columns=list(COLUMNS),
    )
    return Chronology(frame)


def _markdown_cell(value) -> str:
    return _one_line(str(value)).replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(df: pd.DataFrame, articles=None, everything: bool = False) -> str:
    """The compact view as a Markdown table, for notes (``|`` escaped, one line per event).

    Examples:
        >>> import timeline
        >>> df = timeline.build_timeline(
        ...     "On February 1, Trump signed a memorandum.", published="2025-02-28"
        ... )
        >>> head, rule, row = to_markdown(df).splitlines()
        >>> head
        '| order | when | who | what | evidence | id |'
        >>> rule
        '|---|---|---|---|---|---|'
        >>> row.split(" | ")
        ['| 1', '1 Feb', 'Trump', 'signed: On February 1, Trump signed a memorandum',
         'On February 1, Trump signed a memorandum', 'a25b7d0d1b2d5-t0021 |']
    """
    frame = chronology(df, articles, everything).frame
    lines = [
        "| " + " | ".join(frame.columns) + " |",
        "|" + "---|" * len(frame.columns),
    ]
    for record in frame.itertuples(index=False):
        lines.append("| " + " | ".join(_markdown_cell(v) for v in record) + " |")
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    """A cell in words: a day as YYYY-MM-DD, a list joined, nothing for a missing value."""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else str(value)
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    return str(value)


@dataclass(frozen=True)
class Table:
    """Any small frame shown without index, left-aligned, long cells wrapped (not cut)."""

    frame: pd.DataFrame

    def cells(self) -> pd.DataFrame:
        """Every cell as words (see :func:`_cell`)."""
        return self.frame.map(_cell)

    def __repr__(self) -> str:
        return self.cells().to_string(index=False)

    def _repr_html_(self) -> str:
        return to_html_table(self.cells(), "wrapped", "row")


def wrapped(frame: pd.DataFrame) -> Table:
    """Show a frame for reading: no index, left-aligned, long text wrapped instead of cut.

    Examples:
        >>> frame = pd.DataFrame(
        ...     {"id": ["a-t1"], "on": [pd.Timestamp("2025-03-14")], "ids": [["a", "b"]]}
        ... )
        >>> wrapped(frame)
          id         on  ids
        a-t1 2025-03-14 a, b
    """
    return Table(frame.reset_index(drop=True))
