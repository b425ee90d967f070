"""Rerunning notebook 03 on another article (papermill) finishes and never touches the seed's
ledger."""

import hashlib
import json
from pathlib import Path

import pytest

papermill = pytest.importorskip("papermill")

ROOT = Path(__file__).resolve().parent.parent
SEED_LEDGER = ROOT / "notebooks" / "data" / "seed-ledger.jsonl"

ARTICLE = """---
title: Council to vote on the port budget (written for this test)
published: 2025-03-01
---
The city council is set to vote on the port budget in the coming days, the mayor said on Saturday.
Dock workers have threatened a strike if the budget cuts maintenance.
"""


def test_rerun_on_another_article_writes_under_out_only(tmp_path):
    article = tmp_path / "port.md"
    article.write_text(ARTICLE, encoding="utf-8")
    before = hashlib.sha256(SEED_LEDGER.read_bytes()).hexdigest()
    written = ROOT / "out" / "03" / "ledger.jsonl"  # out/ is ignored by git
    written.unlink(missing_ok=True)
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "03-open-questions.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"ARTICLES": json.dumps([str(article)]), "PUBLISHED": "2025-03-01"},
        cwd=str(tmp_path),  # paths resolve from the repository root wherever papermill runs
        kernel_name="python3",
        progress_bar=False,
    )
    assert hashlib.sha256(SEED_LEDGER.read_bytes()).hexdigest() == before
    assert written.exists() and written.read_bytes() != SEED_LEDGER.read_bytes()
