"""python -m timeline: the seed by default, a table that fits 120 columns, exports, clear errors."""

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from timeline.__main__ import main
from timeline.io.export import read_timeline


def test_default_prints_the_seed_chronology(capsys):
    assert main(["--no-plot"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("000_03aee5fa6f29c944: published 2025-02-28 | Iraq's Ruling Coalition")
    header = next(line for line in out.splitlines() if line.startswith("order"))
    assert header.split() == ["order", "when", "who", "what"]
    signed = next(line for line in out.splitlines() if "signed:" in line)
    assert signed.split()[:4] == ["1", "1", "Feb", "Donald"]
    assert "events shown (newsworthy; --all shows every event)" in out
    assert "NaN" not in out and "NaT" not in out


def test_default_table_fits_120_columns_with_ellipsis(capsys):
    assert main(["--no-plot", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(map(len, lines)) <= 120
    rubio = next(
        line for line in lines if line.split()[1:4] == ["29", "Jan", "-"] and "call:" in line
    )
    assert "Marco Rubio, Mohammed S…" in rubio  # cut where it does not fit, and says so
    assert sum(line.endswith("…") for line in lines) > 10


def test_out_and_plot_files(tmp_path, capsys):
    out, plot = tmp_path / "seed.csv", tmp_path / "seed.png"
    assert main([str(ROOT / "seeds"), "--out", str(out), "--plot", str(plot), "--all"]) == 0
    assert plot.read_bytes().startswith(b"\x89PNG")
    frame = read_timeline(out)
    assert len(frame) > 40 and frame.newsworthy.any() and not frame.newsworthy.all()


@pytest.mark.parametrize(
    "name, starts",
    [("r.html", "<!DOCTYPE html>"), ("r.md", "| order | when |"), ("r.timelinejs.json", "{")],
)
def test_out_formats(tmp_path, capsys, name, starts):
    out = tmp_path / name
    assert main(["--no-plot", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith(starts)
    if name.endswith(".timelinejs.json"):
        assert json.loads(text)["events"][0]["unique_id"] == "000_03aee5fa6f29c944-t1449"


def test_unsupported_out_fails_before_printing(tmp_path, capsys):
    assert main(["--no-plot", "--out", str(tmp_path / "seed.xlsx")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unsupported file type" in captured.err and ".timelinejs.json" in captured.err
    assert main(["--plot", str(tmp_path / "seed.gif")]) == 2
    assert capsys.readouterr().out == ""


def test_published_override_and_unknown_date(tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_text("On February 1, Trump signed a memorandum.")
    assert main([str(article), "--no-plot"]) == 0
    out = capsys.readouterr().out
    assert "published unknown (no date filled in)" in out
    assert "1 Feb 2025" not in out
    assert main([str(article), "--no-plot", "--published", "2025-02-28"]) == 0
    assert "1      1 Feb" in capsys.readouterr().out


def test_glob_of_articles(tmp_path, capsys):
    for name, day in (("a.md", "2025-03-01"), ("b.md", "2025-03-02")):
        (tmp_path / name).write_text(f"---\npublished: {day}\n---\nTalks resumed on Monday.\n")
    assert main([str(tmp_path / "*.md"), "--no-plot"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("a: published 2025-03-01") and "\nb: published 2025-03-02" in out


def test_bad_input_is_a_clear_error(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    assert main([str(empty), "--no-plot"]) == 2
    assert "error: " in capsys.readouterr().err
    assert main(["--no-plot", "--published", "2025-02-30"]) == 2
    assert "not a real date" in capsys.readouterr().err


def test_help_is_plain_text():
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    for markup in ("``", ":func:", ":class:", ".. ", "::"):
        assert markup not in done.stdout
    assert "--out formats" in done.stdout and ".html" in done.stdout


def test_module_entry_point_runs_and_survives_head():
    done = subprocess.run(
        f"{sys.executable} -m timeline --no-plot --all | head -3",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 3
    assert "BrokenPipeError" not in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_closed_pipe_ends_quietly():
    """The reader is gone before the first line (as with `| head` on a long table)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "--no-plot", "--all"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # closed long before the timeline is built and printed
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == 0
    assert "BrokenPipeError" not in stderr and "Traceback" not in stderr, stderr
