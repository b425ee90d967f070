"""Exports are written atomically and validated on read."""
import json

import pytest

from timeline.errors import SchemaError, TimelineError
from timeline.export import read_timeline, write_timeline


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


def test_truncated_or_garbled_json_names_the_line(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.json")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    line = text[: len(text) // 2].count("\n") + 1
    with pytest.raises(TimelineError, match=rf"t.json: line {line}: cannot read timeline export \(not valid JSON"):
        read_timeline(path)
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="t.json: record 1: expected a JSON object, got int"):
        read_timeline(path)


def test_truncated_or_garbled_csv_names_the_line(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.csv")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:2]) + lines[2][:30], encoding="utf-8")  # cut mid-line, as a crash would
    with pytest.raises(SchemaError, match="t.csv: line 3: incomplete last line"):
        read_timeline(path)
    path.write_text("".join(lines[:2]) + lines[2][:30] + "\n" + "".join(lines[3:]), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"t.csv: line 3: \d+ fields where the header has \d+"):
        read_timeline(path)
    path.write_text("", encoding="utf-8")
    with pytest.raises(SchemaError, match="t.csv: line 1: empty file"):
        read_timeline(path)


def test_csv_missing_field_names_the_line_and_field(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.csv")
    header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    names = header.rstrip("\n").split(",")
    keep = [i for i, name in enumerate(names) if name != "basis"]
    path.write_text(",".join(names[i] for i in keep) + "\n" + "".join(rows), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"t.csv: line 1: missing field\(s\) \['basis'\]"):
        read_timeline(path)
    path.write_text(header + rows[0] + rows[1].replace(",asserted,", ",,", 1) + "".join(rows[2:]), encoding="utf-8")
    with pytest.raises(SchemaError, match="t.csv: line 3: timeline: column 'modality' is missing a value"):
        read_timeline(path)


def test_not_utf8_names_the_line(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.json")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n\xff", 1))
    with pytest.raises(TimelineError, match="t.json: line 2: cannot read timeline export \\(not UTF-8"):
        read_timeline(path)


def test_an_export_keeps_the_mode_of_the_file_it_replaces(tmp_path, small_timeline):
    path = write_timeline(small_timeline, tmp_path / "t.json")
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    write_timeline(small_timeline, path)
    assert path.stat().st_mode & 0o777 == 0o600
