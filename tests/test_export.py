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
