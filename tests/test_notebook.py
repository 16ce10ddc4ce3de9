"""The lab notebook executes top to bottom and still prints what it shows readers.

The notebook is rendered with its stored outputs (mkdocs-jupyter, execute: false), so this test
re-executes it and compares every code cell's text output with the stored one. After an
intended change, `make notebook` re-executes it and stores the new outputs.
"""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

# It starts a Jupyter kernel and runs the whole lab: a whole artifact, not a unit.
pytestmark = pytest.mark.build

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "docs").rglob("*.ipynb"))


def text_outputs(notebook):
    return [
        "".join(output.get("text", "") for output in cell.outputs)
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_runs_and_matches_its_stored_outputs(path):
    stored = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    NotebookClient(
        fresh, timeout=120, kernel_name="python3", resources={"metadata": {"path": path.parent}}
    ).execute()
    assert all(
        output.output_type == "stream"
        for cell in fresh.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert text_outputs(fresh) == text_outputs(stored)
    assert all(text_outputs(stored)), "every code cell shows output"
