"""The diagnosis of code that cannot start: what, on which line, and that line, in the
reader's terms; and nothing flagged that would run."""

import pytest
from mlops_lab._page.diagnosis import as_traceback, diagnose


@pytest.mark.parametrize(
    ("code", "summary", "excerpt"),
    [
        pytest.param(
            "from mlops_lab.data import load_users\n\n\ndef test_ages()\n    assert True\n",
            "SyntaxError on line 4: expected ':'",
            "def test_ages()\n               ^",
            id="a missing colon",
        ),
        pytest.param(
            "def test_ages():\nassert True\n",
            "IndentationError on line 2: expected an indented block after function "
            "definition on line 1",
            "assert True\n^^^^^^",
            id="a body not indented",
        ),
        pytest.param(
            "x = 1\nreturn x\n",
            "SyntaxError on line 2: 'return' outside function",
            "return x\n^^^^^^^^",
            id="an error found only when the code is compiled",
        ),
        pytest.param(
            "from mlops_lab.data import load_user\n",
            "ImportError on line 1: mlops_lab.data has no name 'load_user' "
            "(did you mean 'load_users'?)",
            "from mlops_lab.data import load_user",
            id="a name the module does not have",
        ),
        pytest.param(
            "import json\nfrom mlops_lab.dat import load_users\n",
            "ModuleNotFoundError on line 2: No module named 'mlops_lab.dat' "
            "(did you mean 'mlops_lab.data'?)",
            "from mlops_lab.dat import load_users",
            id="a module the package does not have",
        ),
    ],
)
def test_code_that_cannot_start_is_named_with_its_line(code, summary, excerpt):
    found = diagnose(code)
    assert (found["summary"], found["excerpt"]) == (summary, excerpt)
    assert found["summary"] == f"{found['error']} on line {found['line']}: {found['message']}"


@pytest.mark.parametrize(
    "code", ["import numpy_not_here as np\n", "from numpy_not_here.linalg import norm\n"]
)
def test_a_package_the_page_does_not_serve_is_explained(code):
    found = diagnose(code)
    assert found["summary"] == "ModuleNotFoundError on line 1: No module named 'numpy_not_here'"
    assert found["excerpt"].splitlines()[1].startswith(
        "numpy_not_here is not available in this page"
    )


@pytest.mark.parametrize(
    "code",
    [
        "from mlops_lab import data\n",  # a submodule, not yet an attribute of its package
        "import os.path\nfrom os import path as p, sep\n",
        "try:\n    import numpy_not_here\nexcept ImportError:\n    pass\n",  # meant to fail
        "def later():\n    import numpy_not_here\n",  # only if it is called
        "from . import sibling\n",  # relative: the runner never meets one
        "from __future__ import annotations\n",
    ],
)
def test_imports_that_would_succeed_or_are_not_reached_are_not_flagged(code):
    assert diagnose(code) is None


def test_a_module_that_fails_as_it_is_imported_is_left_to_the_run(tmp_path, monkeypatch):
    (tmp_path / "breaks_on_import.py").write_text("raise ValueError('broken')\n")
    monkeypatch.syspath_prepend(tmp_path)
    assert diagnose("from breaks_on_import import anything\n") is None


def test_the_code_itself_is_not_run(capsys):
    assert diagnose("print('ran')\nimport json\n") is None
    assert capsys.readouterr().out == ""


def test_as_a_traceback_the_error_line_comes_last_as_in_python():
    found = diagnose("def f(x)\n    return x\n")
    assert as_traceback(found) == "def f(x)\n        ^\nSyntaxError on line 1: expected ':'\n"
