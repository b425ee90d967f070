"""python -m timeline: the seed by default, exports, plots, and clear errors."""

import subprocess
import sys

from conftest import ROOT

from timeline.__main__ import main
from timeline.io.export import read_timeline


def test_default_prints_the_seed_timeline(capsys):
    assert main(["--no-plot"]) == 0
    out = capsys.readouterr().out
    assert "000_03aee5fa6f29c944: Iraq's Ruling Coalition to Discuss US Warnings" in out
    assert "published 2025-02-28" in out
    signed = next(line for line in out.splitlines() if " signed " in line)
    assert "2025-02-01 2025-02-01" in signed and "Donald Trump" in signed
    assert "events shown (newsworthy; --all shows every event)" in out


def test_out_and_plot_files(tmp_path, capsys):
    out, plot = tmp_path / "seed.csv", tmp_path / "seed.png"
    assert main([str(ROOT / "seeds"), "--out", str(out), "--plot", str(plot), "--all"]) == 0
    assert plot.read_bytes().startswith(b"\x89PNG")
    frame = read_timeline(out)
    assert len(frame) > 40 and frame.newsworthy.any() and not frame.newsworthy.all()


def test_published_override_and_unknown_date(tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_text("On February 1, Trump signed a memorandum.")
    assert main([str(article), "--no-plot"]) == 0
    assert "published unknown (no date filled in)" in capsys.readouterr().out
    assert main([str(article), "--no-plot", "--published", "2025-02-28"]) == 0
    assert "2025-02-01 2025-02-01" in capsys.readouterr().out


def test_bad_input_is_a_clear_error(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    assert main([str(empty), "--no-plot"]) == 2
    assert "error: " in capsys.readouterr().err
    assert main(["--no-plot", "--published", "2025-02-30"]) == 2
    assert "not a real date" in capsys.readouterr().err


def test_module_entry_point_runs():
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "--no-plot"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "signed" in done.stdout
