"""The forecasting ledger: records, validation on read, append-only atomic writes, concurrency."""

import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pandas as pd
import pytest

from timeline import Forecast, Ledger, LedgerError, Question
from timeline.forecast.ledger import ManualClock, fixed_clock
from timeline.schema import FORECASTS, QUESTIONS, validate


def ask(ledger, qid="q1", **kw):
    args = dict(
        title=f"Will {qid} happen by 2025-03-14?",
        resolution_criteria="Yes if reported.",
        open_time="2025-02-28",
        scheduled_close_time="2025-03-14",
        event_ids=["a-e1"],
    )
    args.update(kw)
    return ledger.ask(qid, **args)


def forecast(ledger, question_id, as_of, *args, **kw):
    """A forecast written on its as_of day: the ledger's manual clock is set to that day first."""
    ledger.clock.set(f"{as_of}T12:00")
    return ledger.forecast(question_id, as_of, *args, **kw)


def clocked(path):
    return Ledger(path, clock=ManualClock("2025-02-28T12:00"))


@pytest.fixture
def ledger(tmp_path):
    return clocked(tmp_path / "ledger.jsonl")


def test_round_trip_views_have_declared_schemas(ledger):
    ask(ledger, description="background", fine_print="edge cases")
    forecast(
        ledger, "q1", "2025-02-28", 0.6, rationale="said so", evidence=["a-e1", "a-e2"], prior=0.5
    )
    forecast(ledger, "q1", "2025-03-07", 0.4, forecaster="other")
    questions, forecasts = ledger.questions(), ledger.forecasts()
    validate(questions, QUESTIONS)
    validate(forecasts, FORECASTS)
    q = questions.iloc[0]
    assert (q.id, q.status, q.open_time, q.scheduled_resolve_time) == (
        "q1",
        "open",
        pd.Timestamp("2025-02-28"),
        pd.Timestamp("2025-03-14"),
    )
    assert q.event_ids == ["a-e1"] and pd.isna(q.actual_resolve_time)
    assert forecasts.probability.tolist() == [0.6, 0.4]
    assert forecasts.evidence.iloc[0] == ["a-e1", "a-e2"]
    assert forecasts.forecaster.tolist() == ["analyst", "other"]


def test_file_is_json_lines_one_record_a_line_in_fixed_key_order(ledger):
    ask(ledger)
    forecast(ledger, "q1", "2025-02-28", 0.25)
    lines = ledger.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first)[:4] == ["record", "id", "type", "title"]
    record = json.loads(lines[1])
    assert record == {
        "record": "forecast",
        "question_id": "q1",
        "as_of": "2025-02-28",
        "recorded_at": "2025-02-28T12:00:00+00:00",
        "forecaster": "analyst",
        "probability": 0.25,
        "prev": record["prev"],
    }
    assert list(record)[-1] == "prev" and len(record["prev"]) == 64


def test_reproducible_same_calls_same_bytes(tmp_path):
    contents = []
    for name in ("a.jsonl", "b.jsonl"):
        ledger = clocked(tmp_path / name)
        ask(ledger)
        forecast(ledger, "q1", "2025-03-01", 0.3)
        ledger.resolve("q1", "no", on="2025-03-15", source="no report")
        contents.append((tmp_path / name).read_bytes())
    assert contents[0] == contents[1]


def test_resolve_and_scores(ledger):
    ask(ledger)
    forecast(ledger, "q1", "2025-02-28", 0.8)
    q = ledger.resolve("q1", True, on="2025-03-10", source="news")
    assert (q.status, q.resolution, q.actual_resolve_time, q.resolution_source) == (
        "resolved",
        "yes",
        pd.Timestamp("2025-03-10").date(),
        "news",
    )
    scores = ledger.scores()
    assert scores.loc[0, "brier"] == pytest.approx(0.04)
    assert ledger.scores(overall=True).loc[0, "questions"] == 1


def test_ambiguous_question_is_recorded_and_not_scored(ledger):
    ask(ledger)
    forecast(ledger, "q1", "2025-02-28", 0.7)
    q = ledger.mark_ambiguous(
        "q1",
        on="2025-03-15",
        source="search of the record",
        reason="No report says whether the meeting took place.",
    )
    assert (q.status, q.resolution, q.resolution_note) == (
        "ambiguous",
        None,
        "No report says whether the meeting took place.",
    )
    row = ledger.scores().iloc[0]
    assert row.status == "ambiguous" and pd.isna(row.brier) and row.last_probability == 0.7
    assert ledger.scores(overall=True).loc[0, "questions"] == 0
    with pytest.raises(LedgerError, match="already ambiguous"):
        ledger.resolve("q1", "yes", on="2025-03-20", source="late report")


def test_annul_needs_a_reason_and_resolve_accepts_annulled(ledger):
    ask(ledger)
    with pytest.raises(LedgerError, match="field 'note'"):
        ledger.annul("q1", on="2025-03-01", source="x", reason="")
    assert (
        ledger.resolve("q1", "annulled", on="2025-03-01", source="x", note="premise false").status
        == "annulled"
    )


def test_bad_resolution_value(ledger):
    ask(ledger)
    with pytest.raises(LedgerError, match="field 'resolution'"):
        ledger.resolve("q1", "maybe", on="2025-03-01", source="x")


@pytest.mark.parametrize("p", [0, 1, 0.0, 1.0, -0.1, 1.5, float("nan"), True])
def test_probability_zero_or_one_is_an_error(ledger, p):
    ask(ledger)
    with pytest.raises(LedgerError, match="field 'probability'"):
        forecast(ledger, "q1", "2025-02-28", p)
    with pytest.raises(LedgerError):
        Forecast("q1", "2025-02-28", p)
    assert ledger.forecasts().empty  # nothing was written


def test_duplicate_question_id(ledger):
    ask(ledger)
    with pytest.raises(
        LedgerError, match=r"ledger.jsonl:2: field 'id': duplicate question id 'q1'"
    ):
        ask(ledger)
    assert len(ledger.questions()) == 1


def test_resolution_before_the_question_opened(ledger):
    ask(ledger)
    with pytest.raises(
        LedgerError, match=r"field 'on' 2025-02-27 is before the question opened \(2025-02-28\)"
    ):
        ledger.resolve("q1", "yes", on="2025-02-27", source="x")


def test_forecast_after_the_close_or_before_the_open(ledger):
    ask(ledger)
    with pytest.raises(LedgerError, match="field 'as_of' 2025-03-15 is after the question closed"):
        forecast(ledger, "q1", "2025-03-15", 0.5)
    with pytest.raises(LedgerError, match="field 'as_of' 2025-02-27 is before the question opened"):
        forecast(ledger, "q1", "2025-02-27", 0.5)
    forecast(ledger, "q1", "2025-03-14", 0.5)  # the close day itself is allowed


def test_forecast_after_resolution_and_unknown_question(ledger):
    ask(ledger)
    ledger.resolve("q1", "no", on="2025-03-01", source="x")
    with pytest.raises(LedgerError, match="already resolved"):
        forecast(ledger, "q1", "2025-03-02", 0.5)
    with pytest.raises(LedgerError, match="field 'question_id': no question 'q9'"):
        forecast(ledger, "q9", "2025-03-02", 0.5)


def test_question_dates_must_be_in_order():
    with pytest.raises(LedgerError, match="scheduled_close_time"):
        Question("q", "t", "c", open_time="2025-03-01", scheduled_close_time="2025-02-01")
    with pytest.raises(LedgerError, match="scheduled_resolve_time"):
        Question("q", "t", "c", "2025-03-01", "2025-03-05", scheduled_resolve_time="2025-03-04")
    with pytest.raises(LedgerError, match="field 'open_time'"):
        Question("q", "t", "c", open_time="28/02/2025", scheduled_close_time="2025-03-05")


def write(path, *lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


GOOD_Q = json.dumps(
    {
        "record": "question",
        "id": "q1",
        "title": "t",
        "description": "",
        "resolution_criteria": "c",
        "fine_print": "",
        "open_time": "2025-02-28",
        "scheduled_close_time": "2025-03-14",
        "scheduled_resolve_time": "2025-03-14",
        "event_ids": [],
    }
)


@pytest.mark.parametrize(
    "bad, message",
    [
        (
            '{"record": "forecast", "question_id": "q1", "as_of": "2025-03-01", "probab',
            r"ledger.jsonl:2: not a JSON record",
        ),
        ("[1, 2]", r"ledger.jsonl:2: expected a JSON object"),
        ('{"record": "vote"}', r"ledger.jsonl:2: field 'record' must be one of"),
        (
            '{"record": "forecast", "question_id": "q1", "as_of": "2025-03-01"}',
            r"ledger.jsonl:2: forecast on 'q1': give exactly one of 'probability'",
        ),
        (
            '{"record": "forecast", "question_id": "q1", "as_of": "2025-03-01", "probability": 1}',
            r"ledger.jsonl:2: forecast on 'q1': field 'probability':"
            r" 1.0 is not strictly between 0 and 1",
        ),
        (
            '{"record": "forecast", "question_id": "q1", "as_of": "March 1", "probability": 0.5}',
            r"ledger.jsonl:2: forecast on 'q1': field 'as_of': expected a date",
        ),
        (
            '{"record": "forecast", "question_id": "q1", "as_of": "2025-03-01",'
            ' "probability": 0.5, "mood": "good"}',
            r"ledger.jsonl:2: field 'mood' is not a forecast field",
        ),
        ("", r"ledger.jsonl:2: empty line"),
        (GOOD_Q, r"ledger.jsonl:2: field 'id': duplicate question id 'q1'"),
    ],
)
def test_corrupted_line_is_reported_with_line_and_field(tmp_path, bad, message):
    path = tmp_path / "ledger.jsonl"
    write(
        path,
        GOOD_Q,
        bad,
        '{"record": "forecast", "question_id": "q1", "as_of": "2025-03-02", "probability": 0.5}',
    )
    ledger = clocked(path)
    with pytest.raises(LedgerError, match=message):
        ledger.questions()
    with pytest.raises(LedgerError, match=message):  # and no append lands on a corrupt file
        forecast(ledger, "q1", "2025-03-03", 0.5)


def test_truncated_last_line_is_reported_and_never_appended_to(tmp_path):
    path = tmp_path / "ledger.jsonl"
    path.write_text(
        GOOD_Q + "\n" + '{"record": "forecast", "question_id": "q1", "as_', encoding="utf-8"
    )
    ledger = clocked(path)
    with pytest.raises(LedgerError, match="ledger.jsonl:2: incomplete last line"):
        ledger.forecasts()
    before = path.read_bytes()
    with pytest.raises(LedgerError, match="incomplete last line"):
        forecast(ledger, "q1", "2025-03-03", 0.5)
    assert path.read_bytes() == before


def test_not_utf8(tmp_path):
    path = tmp_path / "ledger.jsonl"
    path.write_bytes(GOOD_Q.encode() + b"\n\xff\xfe\n")
    with pytest.raises(LedgerError, match="ledger.jsonl:2: not UTF-8"):
        clocked(path).questions()


def test_missing_file_is_an_empty_ledger(tmp_path):
    ledger = clocked(tmp_path / "none.jsonl")
    assert ledger.questions().empty and ledger.forecasts().empty and ledger.scores().empty
    assert not ledger.path.exists()


def _writer(path, worker, count, barrier):
    ledger = Ledger(path, clock=fixed_clock("2025-03-01T12:00"))
    barrier.wait()
    outcomes = []
    for i in range(count):
        ledger.forecast(
            "q1",
            "2025-03-01",
            0.01 + 0.001 * i,
            rationale=f"worker {worker} #{i}",
            forecaster=f"w{worker}",
        )
        try:
            ledger.ask(f"race-{i}", "Who wins?", "the first ask", "2025-02-28", "2025-03-14")
            outcomes.append("asked")
        except LedgerError:
            outcomes.append("refused")
    return outcomes


def test_concurrent_appends_lose_nothing_and_ids_stay_unique(tmp_path):
    path = tmp_path / "ledger.jsonl"
    ask(clocked(path))
    workers, count = 4, 25
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(workers)
        with ctx.Pool(workers) as pool:
            results = pool.starmap(
                _writer, [(str(path), w, count, barrier) for w in range(workers)]
            )
    for i in range(count):  # every race for a new id has exactly one winner
        assert sum(r[i] == "asked" for r in results) == 1
    forecasts = clocked(path).forecasts()  # validates every line
    assert len(forecasts) == workers * count
    for w in range(workers):
        mine = forecasts[forecasts.forecaster == f"w{w}"].rationale.tolist()
        assert mine == [f"worker {w} #{i}" for i in range(count)]  # each writer's order kept
    assert clocked(path).questions().id.tolist() == ["q1"] + [f"race-{i}" for i in range(count)]
    assert path.read_bytes().count(b"\n") == 1 + workers * count + count


def test_each_append_replaces_the_file_through_a_synced_temporary(ledger, monkeypatch):
    ask(ledger)
    calls = []
    real_replace, real_fsync = os.replace, os.fsync
    monkeypatch.setattr(
        os,
        "replace",
        lambda src, dst: calls.append(("replace", Path(src), Path(dst))) or real_replace(src, dst),
    )
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(("fsync",)) or real_fsync(fd))
    forecast(ledger, "q1", "2025-02-28", 0.25)
    replaces = [c for c in calls if c[0] == "replace"]
    assert len(replaces) == 1
    _, temporary, target = replaces[0]
    assert target == ledger.path and temporary.parent == ledger.path.parent and temporary != target
    assert calls.index(("fsync",)) < calls.index(
        replaces[0]
    )  # the data is on disk before the rename
    assert calls[-1] == ("fsync",)  # and the rename itself (the folder) after it
    assert [p.name for p in ledger.path.parent.iterdir()] == ["ledger.jsonl"]
    assert len(ledger.forecasts()) == 1


def test_a_failed_append_leaves_the_old_file_and_no_temporary(ledger, monkeypatch):
    ask(ledger)
    before = ledger.path.read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError, match="disk full"):
        forecast(ledger, "q1", "2025-02-28", 0.25)
    assert ledger.path.read_bytes() == before
    assert [p.name for p in ledger.path.parent.iterdir()] == ["ledger.jsonl"]


def test_the_seed_ledger_written_by_notebook_03_is_valid():
    path = Path(__file__).resolve().parents[2] / "notebooks" / "data" / "seed-ledger.jsonl"
    if not path.exists():
        pytest.skip("notebooks/data/seed-ledger.jsonl not written yet")
    ledger = clocked(path)
    assert ledger.verify() == len(path.read_bytes().splitlines())  # the hash chain holds
    questions = ledger.questions()
    assert questions.set_index("id").loc["cf-emergency-meeting", "resolution"] == "no"
    assert (questions.status == "resolved").sum() == 7
    forecasts = ledger.forecasts()
    assert forecasts.retrospective.all()  # written in 2026 about 2025: marked so
    assert forecasts[forecasts.forecaster == "analyst"].reference_class.notna().sum() == 7
    summary = ledger.scores(overall=True)
    assert summary.questions.tolist() == [7, 7] and summary.retrospective.all()
    assert repr(ledger).startswith("Ledger(")


def test_missing_directory_is_a_ledger_error(tmp_path):
    with pytest.raises(LedgerError, match="does not exist"):
        ask(clocked(tmp_path / "nowhere" / "ledger.jsonl"))


def _append_forever(path):
    ledger = Ledger(path, clock=fixed_clock("2025-03-01T12:00"))
    i = 0
    while True:
        ledger.forecast("q1", "2025-03-01", 0.5, rationale="x" * (i % 5000))
        i += 1


def test_a_writer_killed_mid_append_leaves_only_whole_records(tmp_path):
    path = tmp_path / "ledger.jsonl"
    ask(clocked(path))
    ctx = multiprocessing.get_context("spawn")
    process = ctx.Process(target=_append_forever, args=(str(path),))
    process.start()
    deadline = time.monotonic() + 60
    while path.read_bytes().count(b"\n") < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    forecasts = clocked(path).forecasts()  # every line whole and valid
    assert len(forecasts) >= 19
    assert path.read_bytes().endswith(b"\n")
