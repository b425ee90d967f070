"""Exports are written atomically and validated on read."""

import json

import pytest

import timeline
from timeline.errors import SchemaError, TimelineError
from timeline.io.export import read_timeline, write_timeline


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_round_trip(tmp_path, small_timeline, suffix):
    path = write_timeline(small_timeline, tmp_path / f"t{suffix}")
    back = read_timeline(path)
    assert back.equals(small_timeline)
    assert [p.name for p in tmp_path.iterdir()] == [f"t{suffix}"]  # no temporary left behind


def test_failed_write_keeps_old_file(tmp_path, small_timeline, monkeypatch):
    path = write_timeline(small_timeline, tmp_path / "t.json")
    before = path.read_bytes()
    monkeypatch.setattr("os.replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        write_timeline(small_timeline.head(1), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


def test_read_names_record_and_field(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.json")
    records = json.loads(path.read_text())
    records[2]["earliest"] = "not a date"
    path.write_text(json.dumps(records))
    with pytest.raises(SchemaError, match="record 3: field 'earliest' is not a date"):
        read_timeline(path)
    del records[1]["basis"]
    path.write_text(json.dumps(records))
    with pytest.raises(SchemaError, match=r"record 2: missing field\(s\) \['basis'\]"):
        read_timeline(path)


def test_csv_bad_choice_is_reported(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.csv")
    path.write_text(path.read_text().replace("asserted", "rumoured", 1))
    with pytest.raises(SchemaError, match="t.csv: .*'modality'"):
        read_timeline(path)


def test_unknown_format(tmp_path, small_timeline):
    with pytest.raises(TimelineError, match="must be .csv or .json"):
        write_timeline(small_timeline, tmp_path / "t.xlsx")


def _lines(text):
    return text.splitlines(keepends=True)


def _cut(text, line, keep):
    """The text up to ``keep`` characters into its ``line``-th line (1-based), as a crash would leave it."""
    lines = _lines(text)
    return "".join(lines[: line - 1]) + lines[line - 1][:keep]


def _drop_column(text, name):
    rows = [row.rstrip("\n").split(",") for row in _lines(text)]
    gone = rows[0].index(name)
    return "".join(",".join(r[:gone] + r[gone + 1 :]) + "\n" for r in rows)


def _blank_field(text, line, value):
    lines = _lines(text)
    lines[line - 1] = lines[line - 1].replace(f",{value},", ",,", 1)
    return "".join(lines)


# (format, corruption of the written file, error, message after the file name)
CORRUPT = [
    pytest.param(
        ".json",
        lambda t: _cut(t, 5, 5),
        TimelineError,
        r"line 5: cannot read timeline export \(not valid JSON",
        id="json-truncated",
    ),
    pytest.param(
        ".json",
        lambda t: "[1, 2]\n",
        SchemaError,
        "record 1: expected a JSON object, got int",
        id="json-not-records",
    ),
    pytest.param(
        ".json",
        lambda t: t.encode().replace(b"\n", b"\n\xff", 1),
        TimelineError,
        r"line 2: cannot read timeline export \(not UTF-8",
        id="json-not-utf8",
    ),
    pytest.param(
        ".csv",
        lambda t: _cut(t, 3, 30),
        SchemaError,
        "line 3: incomplete last line",
        id="csv-truncated",
    ),
    pytest.param(
        ".csv",
        lambda t: _cut(t, 3, 30) + "\n" + "".join(_lines(t)[3:]),
        SchemaError,
        r"line 3: \d+ fields where the header has \d+",
        id="csv-short-line",
    ),
    pytest.param(".csv", lambda t: "", SchemaError, "line 1: empty file", id="csv-empty"),
    pytest.param(
        ".csv",
        lambda t: _drop_column(t, "basis"),
        SchemaError,
        r"line 1: missing field\(s\) \['basis'\]",
        id="csv-missing-column",
    ),
    pytest.param(
        ".csv",
        lambda t: _blank_field(t, 3, "asserted"),
        SchemaError,
        "line 3: timeline: column 'modality' is missing a value",
        id="csv-missing-value",
    ),
]


@pytest.mark.parametrize("suffix, corrupt, error, message", CORRUPT)
def test_a_corrupt_export_names_file_line_and_field(
    tmp_path, small_timeline, suffix, corrupt, error, message
):
    path = write_timeline(small_timeline, tmp_path / f"t{suffix}")
    damaged = corrupt(path.read_text(encoding="utf-8"))
    path.write_bytes(damaged if isinstance(damaged, bytes) else damaged.encode("utf-8"))
    with pytest.raises(error, match=rf"t\{suffix}: {message}"):
        read_timeline(path)


def test_an_export_keeps_the_mode_of_the_file_it_replaces(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.json")
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    write_timeline(small_timeline, path)
    assert path.stat().st_mode & 0o777 == 0o600


# -- CSV safety ------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralized(tmp_path, small_timeline, start):
    df = small_timeline.copy()
    df.loc[0, "text"] = f'{start}HYPERLINK("http://x")'
    df.at[0, "actors"] = [f"{start}cmd", "Iraq"]
    path = write_timeline(df, tmp_path / "t.csv")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    assert rows[0]["text"] == f'\'{start}HYPERLINK("http://x")'  # OWASP: shown as text
    assert rows[0]["actors"].startswith("'")
    assert read_timeline(path).equals(df)  # and read back as written


def test_a_clause_with_a_bare_carriage_return_round_trips(tmp_path, small_timeline):
    df = small_timeline.copy()
    df.loc[1, "text"] = "first line\rsecond line\r\nthird"
    path = write_timeline(df, tmp_path / "t.csv")
    back = read_timeline(path)
    assert back.loc[1, "text"] == "first line\rsecond line\r\nthird"
    assert back.equals(df)


# -- Markdown, TimelineJS, HTML ----------------------------------------------------------------


def test_markdown_table_escapes_pipes_and_has_no_missing_values(seed_article, seed_timeline):
    df = seed_timeline.copy()
    first = df[df.newsworthy].index[0]
    df.loc[first, "text"] = "a | b\nc"
    text = timeline.to_markdown(df, [seed_article])
    lines = text.splitlines()
    assert lines[0] == "| order | when | who | what | evidence | id |"
    assert len(lines) == 2 + int(df.newsworthy.sum())
    assert "a \\| b c" in text
    assert "nan" not in text.lower().split("|") and "NaT" not in text


def test_chronology_view_is_words_only(seed_article, seed_timeline):
    view = timeline.chronology(seed_timeline, [seed_article])
    frame = view.frame
    assert list(frame.columns) == ["order", "when", "who", "what", "evidence", "id"]
    assert not frame.isna().any().any()
    assert (frame["when"] != "").all()
    signed = frame[frame.id == "000_03aee5fa6f29c944-t1449"].iloc[0]
    assert signed["what"].startswith("signed: ")
    assert signed["evidence"].startswith("On February 1, Trump signed a presidential memorandum")
    html = view._repr_html_()
    assert "text-align:left" in html and "<th></th>" not in html  # no index column
    assert max(map(len, view.to_text(120).splitlines())) <= 120


def test_timelinejs_export_is_valid_and_keeps_uncertainty(tmp_path, seed_article, seed_timeline):
    import jsonschema

    from timeline.report.timelinejs import schema

    path = timeline.write_timelinejs(seed_timeline, tmp_path / "t.timelinejs.json", [seed_article])
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    events = {e["unique_id"]: e for e in data["events"]}
    signed = events["000_03aee5fa6f29c944-t1449"]
    assert signed["start_date"] == {"year": 2025, "month": 2, "day": 1}
    assert "end_date" not in signed and "display_date" not in signed  # one known day
    call = events["000_03aee5fa6f29c944-t0106"]
    assert call["start_date"]["month"] == 1 and call["end_date"] == {
        "year": 2025,
        "month": 2,
        "day": 28,
    }
    assert call["display_date"] == "29 Jan - 28 Feb"
    assert call["group"] == "Marco Rubio"
    placed = seed_timeline[
        seed_timeline.newsworthy & (seed_timeline.earliest.notna() | seed_timeline.latest.notna())
    ]
    assert set(events) == set(placed.event_id)
    unplaced = int(seed_timeline.newsworthy.sum()) - len(placed)
    assert f"{unplaced} with no date bound at all are not shown" in data["title"]["text"]["text"]
    assert (
        data["title"]["text"]["headline"] == "Iraq&#x27;s Ruling Coalition to Discuss US Warnings"
    )


def test_timelinejs_schema_rejects_what_timelinejs_cannot_read():
    from timeline.report.timelinejs import validate_timelinejs

    with pytest.raises(TimelineError, match="events/0: 'start_date' is a required property"):
        validate_timelinejs({"events": [{"text": {"headline": "x"}}]})
    with pytest.raises(TimelineError, match="events/0/start_date: 'year' is a required property"):
        validate_timelinejs({"events": [{"start_date": {"month": 2}}]})
    with pytest.raises(TimelineError, match="Additional properties"):
        validate_timelinejs({"events": [], "evnets": []})


def test_html_report_is_self_contained(tmp_path, seed_article, seed_timeline):
    path = timeline.write_report(seed_timeline, tmp_path / "r.html", [seed_article])
    page = path.read_text(encoding="utf-8")
    assert page.count('<tr class="event">') == int(seed_timeline.newsworthy.sum())
    assert "data:image/png;base64," in page
    body = page.split("<body>", 1)[1]
    assert "<script" not in page and 'src="http' not in body and 'href="http' not in body
    assert "Iraq&#x27;s Ruling Coalition to Discuss US Warnings" in page
    assert "On February 1, Trump signed a presidential memorandum" in page
    assert timeline.html_report(seed_timeline, [seed_article]) == page  # deterministic


def _browser():
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


COUNT_ROWS = """<script>
addEventListener("load", () => {
  const rows = [...document.querySelectorAll("table.chronology tbody tr")];
  const shown = rows.filter(r => r.getBoundingClientRect().height > 0 &&
                                 getComputedStyle(r).visibility !== "hidden");
  const ids = shown.map(r => r.querySelector("td.id").textContent);
  const wide = document.documentElement.scrollWidth > innerWidth;
  document.body.setAttribute("data-rendered", JSON.stringify({rows: shown.length, ids, wide}));
});
</script></body>"""


def test_html_report_renders_every_row_in_a_headless_browser(tmp_path, seed_article, seed_timeline):
    browser = _browser()
    if browser is None:
        pytest.skip(
            "no headless browser found (chromium, chromium-browser, google-chrome); "
            "on Debian: apt-get install -y chromium (.ci/run does this)"
        )
    import re
    import subprocess

    page = timeline.html_report(seed_timeline, [seed_article])
    probe = tmp_path / "probe.html"  # the report plus a script that counts what was laid out
    probe.write_text(page.replace("</body>", COUNT_ROWS), encoding="utf-8")
    done = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1400,900",
            "--virtual-time-budget=5000",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    match = re.search(r'data-rendered="([^"]*)"', done.stdout)
    assert match, f"the page did not finish loading: {done.stderr[-2000:]}"
    import html as html_module

    rendered = json.loads(html_module.unescape(match.group(1)))
    expected = seed_timeline[seed_timeline.newsworthy].sort_values("order").event_id.tolist()
    assert rendered["rows"] == len(expected)
    assert rendered["ids"] == expected
    assert rendered["wide"] is False  # no horizontal scrolling at 1,400 px
