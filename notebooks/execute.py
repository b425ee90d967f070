"""Execute notebooks in place, top to bottom in a fresh kernel, for committing with their outputs.

    python notebooks/execute.py                      # every numbered notebook
    python notebooks/execute.py notebooks/01-*.ipynb

Runs each notebook with ``notebooks/`` as the working directory (the notebooks' paths are
relative to it) and drops the per-cell execution timestamps nbclient records, so a rerun
that changes no output changes no byte.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(HERE)}}).execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(HERE.glob("[0-9][0-9]-*.ipynb"))
    for path in paths:
        print(f"executing {path.name}", flush=True)
        execute(path.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
