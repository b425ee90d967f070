"""The README's rerun instructions, verbatim: notebooks 01, 02 and 05 through papermill on an
article written for this test (not the seed), from a folder other than the repository, leaving
`git status` as it was."""

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, git_status

ARTICLE = """---
title: Finance ministry tightens dollar transfers (written for this test)
source: tests/test_rerun.py
published: 2025-03-05
---
The finance ministry announced new rules for dollar transfers on Monday.
Banks said they would comply within two weeks.
Officials are expected to meet again in the coming days to review the rules.
"""


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Rerunning the notebooks", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.startswith(("papermill ", "mkdir "))]


@pytest.mark.skipif(
    shutil.which("git") is None, reason="git is needed to check the tree stays clean"
)
def test_readme_rerun_commands_verbatim(tmp_path):
    pytest.importorskip("papermill")
    commands = _readme_commands()
    notebooks = {
        re.search(r"notebooks/(\d\d)-", c).group(1) for c in commands if c.startswith("papermill")
    }
    assert notebooks == {"01", "02", "05"}, commands
    home = tmp_path / "home"
    (home / "articles").mkdir(parents=True)
    (home / "articles" / "my-article.md").write_text(ARTICLE, encoding="utf-8")
    env = dict(os.environ, HOME=str(home))
    env["PATH"] = os.pathsep.join([os.path.dirname(sys.executable), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    before = git_status()
    for command in commands:
        done = subprocess.run(
            command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, f"{command}\n{done.stderr[-3000:]}"
        if not command.startswith("papermill"):
            continue
        output = ROOT / re.search(r"\s(out/\S+\.ipynb)", command).group(1)
        executed = output.read_text(encoding="utf-8")
        assert "my-article" in executed  # it ran on the test's article, not the seed
        assert '"ename"' not in executed
    assert git_status() == before  # only out/ (ignored) was written
