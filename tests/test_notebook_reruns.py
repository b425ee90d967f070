"""Notebooks 04 and 06 rerun through papermill on articles written for this test, from another
folder: they finish and leave the repository as it was (notebooks 01, 02, 05: test_rerun.py;
03: test_notebook03_rerun.py)."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import git_status

papermill = pytest.importorskip("papermill")

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """---
title: Ministry delays the grain tender (written for this test)
published: 2025-04-10
---
The agriculture ministry said on Thursday it had delayed the grain tender by two weeks.
Traders expect the tender to reopen in the coming days, officials said.
"""


@pytest.mark.skipif(
    shutil.which("git") is None, reason="git is needed to check the tree stays clean"
)
def test_notebook_06_reruns_on_another_article(tmp_path):
    article = tmp_path / "grain.md"
    article.write_text(ARTICLE, encoding="utf-8")
    before = git_status()
    out = tmp_path / "06.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "06-likely-dates.ipynb"),
        str(out),
        parameters={"ARTICLES": json.dumps([str(article)]), "PUBLISHED": "2025-04-10"},
        cwd=str(tmp_path),
        kernel_name="python3",
        progress_bar=False,
    )
    executed = out.read_text(encoding="utf-8")
    assert "grain" in executed and '"ename"' not in executed
    assert git_status() == before


LATER = """---
title: Grain tender reopens (written for this test)
published: 2025-04-14
---
The agriculture ministry reopened the grain tender on Monday, a week after it delayed it.
Traders said the ministry had delayed the tender to review the bids.
"""


@pytest.mark.skipif(
    shutil.which("git") is None, reason="git is needed to check the tree stays clean"
)
def test_notebook_04_reruns_on_two_other_reports(tmp_path):
    first, second = tmp_path / "grain.md", tmp_path / "grain-later.md"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(LATER, encoding="utf-8")
    before = git_status()
    out = tmp_path / "04.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "04-several-articles.ipynb"),
        str(out),
        parameters={"ARTICLES": [str(first), str(second)], "ENTITY": "agriculture ministry"},
        cwd=str(tmp_path),
        kernel_name="python3",
        progress_bar=False,
    )
    executed = out.read_text(encoding="utf-8")
    assert "grain-later" in executed and '"ename"' not in executed
    assert git_status() == before
