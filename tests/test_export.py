"""Exports are written atomically and validated on read."""

import json

import pytest

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
