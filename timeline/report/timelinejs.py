"""TimelineJS JSON: a timeline a newsroom can publish with Knight Lab's TimelineJS.

Each event with at least one date bound is a slide: ``start_date`` and ``end_date`` are its
bounds, ``display_date`` says the date in words when it is not one known day ("25-28 Feb",
"by 28 Feb"), ``group`` is its first actor (TimelineJS shows each group on its own rows).
An event with neither bound cannot be placed on a time axis and is left out; the title slide
says how many. The output is checked against ``timelinejs.schema.json`` (the documented format,
transcribed; its description names the source).
"""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path

import pandas as pd

from timeline.errors import TimelineError
from timeline.io.atomic import write_atomically

from .view import chronology

SCHEMA_PATH = Path(__file__).with_name("timelinejs.schema.json")
NO_ACTOR = "(no actor named)"


@cache
def schema() -> dict:
    """TimelineJS's documented JSON format as a JSON Schema (draft 2020-12)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _date(day: pd.Timestamp) -> dict:
    return {"year": int(day.year), "month": int(day.month), "day": int(day.day)}


def validate_timelinejs(data: dict) -> dict:
    """Check TimelineJS data against the schema; a TimelineError names the first bad field.

    Examples:
        >>> validate_timelinejs({"events": [{"start_date": {"year": 2025, "month": 13}}]})
        Traceback (most recent call last):
        ...
        timeline.errors.TimelineError: TimelineJS data: events/0/start_date/month:
        13 is greater than the maximum of 12
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(top level)"
        raise TimelineError(f"TimelineJS data: {where}: {errors[0].message}")
    return data


def to_timelinejs(df: pd.DataFrame, articles=None, title: str | None = None) -> dict:
    """The timeline as TimelineJS JSON data (a dict), validated against the schema.

    Examples:
        >>> import timeline
        >>> df = timeline.build_timeline(
        ...     "On February 1, Trump signed a memorandum. Iran has recently rejected talks.",
        ...     published="2025-02-28")
        >>> data = to_timelinejs(df)
        >>> [
        ...     (e["text"]["headline"], e["start_date"], e.get("display_date"))
        ...     for e in data["events"]
        ... ]
        [('signed', {'year': 2025, 'month': 2, 'day': 1}, None),
         ('rejected', {'year': 2025, 'month': 1, 'day': 29}, '29 Jan - 28 Feb')]
        >>> data["events"][0]["group"]
        'Trump'
    """
    articles = list(articles or [])
    view = chronology(df, articles).frame.set_index("id")
    rows = df[df.newsworthy].sort_values(["order", "article_id", "start"], kind="stable")
    events, unplaced = [], 0
    for row in rows.itertuples():
        first, last = row.earliest, row.latest
        if pd.isna(first) and pd.isna(last):
            unplaced += 1
            continue
        cells = view.loc[row.event_id]
        slide = {
            "start_date": _date(first if pd.notna(first) else last),
            "text": {
                "headline": html.escape(row.trigger),
                "text": (
                    f"<p>{html.escape(cells['evidence'])}</p>"
                    f"<p><small>{html.escape(cells['when'])} · "
                    f"{html.escape(row.event_id)}</small></p>"
                ),
            },
            "group": row.actors[0] if row.actors else NO_ACTOR,
            "unique_id": row.event_id,
            "autolink": False,
        }
        if pd.notna(first) and pd.notna(last) and last != first:
            slide["end_date"] = _date(last)
        if not (pd.notna(first) and pd.notna(last) and first == last):
            slide["display_date"] = cells["when"]
        events.append(slide)
    single = articles[0].title if len(articles) == 1 and articles[0].title else None
    headline = title or single or "Timeline"
    note = f"{len(events)} events with a date bound"
    if unplaced:
        note += f"; {unplaced} with no date bound at all are not shown"
    data = {
        "title": {"text": {"headline": html.escape(headline), "text": f"<p>{note}</p>"}},
        "events": events,
        "scale": "human",
    }
    return validate_timelinejs(data)


def write_timelinejs(df: pd.DataFrame, path, articles=None, title: str | None = None) -> Path:
    """Write :func:`to_timelinejs` to a JSON file, atomically."""
    data = to_timelinejs(df, articles, title)
    return write_atomically(Path(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
