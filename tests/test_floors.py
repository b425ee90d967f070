"""The floor check every benchmark ends with: a score below its floor, above its ceiling, or
missing from what the benchmark measured fails CI."""

import json

import pytest

from benchmarks import floors


@pytest.fixture
def floor_file(tmp_path, monkeypatch):
    monkeypatch.setattr(floors, "FLOORS", tmp_path)
    (tmp_path / "toy.json").write_text(json.dumps({"f1": 0.8, "cpu_seconds_max": 60}))
    return "toy"


def test_scores_within_their_floors_pass(floor_file, capsys):
    assert floors.check(floor_file, {"f1": 0.81, "cpu_seconds": 12.0}) == 0
    assert "every score at or above its floor" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("measured", "message"),
    [
        ({"f1": 0.79, "cpu_seconds": 12.0}, "f1 0.790 < floor 0.8"),
        ({"f1": 0.81, "cpu_seconds": 61.0}, "cpu_seconds 61.000 > ceiling 60"),
        ({"f1": 0.81, "seconds": 12.0}, "cpu_seconds was not measured (floor cpu_seconds_max"),
        ({"cpu_seconds": 12.0}, "f1 was not measured (floor f1 = 0.8)"),
    ],
)
def test_a_regression_or_an_unmeasured_floor_fails(floor_file, capsys, measured, message):
    assert floors.check(floor_file, measured) == 1
    assert f"BELOW FLOOR (toy): {message}" in capsys.readouterr().out
