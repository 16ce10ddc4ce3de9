"""The page's pytest runs ignore the pytest configuration of the process they run in: CI's
PYTEST_ADDOPTS, plugins named in the environment, an ini file in a folder above."""

import os

import pytest
from mlops_lab._page.grading import grade
from mlops_lab._page.runner import OK, run_tests

CHECKS = 'from exercise import double\n\ndef test_doubles():\n    assert double(2) == 4\n'
PASSING_TESTS = "def test_one():\n    assert 1 + 1 == 2\n"


@pytest.fixture
def hostile_surroundings(tmp_path, monkeypatch):
    """A folder under an ini file that asks for a plugin that does not exist, and an
    environment that asks for a JUnit report in a folder that does not exist."""
    ini = "[pytest]\naddopts = -p no_such_plugin --strict-config\n"
    (tmp_path / "pytest.ini").write_text(ini)
    monkeypatch.setenv("PYTEST_ADDOPTS", f"--junitxml={tmp_path}/missing/folder/report.xml -x")
    monkeypatch.setenv("PYTEST_PLUGINS", "no_such_plugin_either")
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    folder = tmp_path / "runs"
    folder.mkdir()
    return folder


def test_grading_ignores_the_surrounding_pytest_configuration(hostile_surroundings):
    report = grade("def double(x):\n    return 2 * x\n", CHECKS, hostile_surroundings)
    assert report["summary"] == "All 1 checks pass"
    assert os.environ["PYTEST_ADDOPTS"].startswith("--junitxml")  # given back afterwards
    assert "PYTEST_DISABLE_PLUGIN_AUTOLOAD" not in os.environ


def test_run_tests_ignores_the_surrounding_pytest_configuration(
    hostile_surroundings, monkeypatch
):
    from mlops_lab._page import runner

    monkeypatch.setattr(runner, "BLOCKS_FOLDER", hostile_surroundings / "blocks")
    status, _ = run_tests(PASSING_TESTS, "/lesson/", "<code block 1>")
    assert status == OK
    assert not list(hostile_surroundings.rglob("*.xml"))
