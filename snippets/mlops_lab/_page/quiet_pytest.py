"""pytest as the page runs it: in-process, quiet, fast, and deaf to its surroundings.

Both the runner's Run tests (runner.py) and the grader's Check (grading.py) call `run_pytest`.
Under CPython (the build, the tests) these runs happen inside another process that may have its
own pytest configuration: a `PYTEST_ADDOPTS` such as `--junitxml` (common in CI), plugins named
in `PYTEST_PLUGINS` or installed as entry points, an ini file above the run's folder. None of it
may reach a reader's run, so each run reads an empty configuration file of its own and the
environment variables are set aside while it lasts.
"""

import os
from contextlib import contextmanager

# Start-up is most of a re-run: skip entry-point scanning and plugins a single in-page module
# does without (measured: a bare re-run 63 ms -> 19 ms; unraisableexception alone forces two
# full garbage collections per run). Readers lose caplog and pytest's warnings summary.
UNUSED_PLUGINS = ["cacheprovider", "doctest", "junitxml", "pastebin", "legacypath", "stepwise",
                  "faulthandler", "setupplan", "setuponly", "logging", "warnings",
                  "unraisableexception", "threadexception"]  # fmt: skip
QUIET_ARGS = ["-q", "--color=no", "--import-mode=importlib",
              *[arg for name in UNUSED_PLUGINS for arg in ("-p", f"no:{name}")]]  # fmt: skip
# What pytest reads from the environment, set aside during a run (the autoload switch is set).
AMBIENT_VARIABLES = ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_DEBUG")
CONFIG_FILE = "pytest-page.ini"  # written into each run's folder: no ini file above it counts


class StopAwarePlugin:
    """Base of the pytest plugins of the page: collects per-test results in `tests`, and notes
    whether the reader pressed Stop (`interrupted`)."""

    def __init__(self):
        self.tests = {}
        self.interrupted = False

    def pytest_keyboard_interrupt(self, excinfo):
        # Stop, or a collection error: pytest ends both with the same exit code, and reports the
        # error as its own KeyboardInterrupt subclass (Session.Interrupted).
        self.interrupted = type(excinfo.value) is KeyboardInterrupt


def run_pytest(path, folder, plugin, traceback_style):
    """Run pytest on the file `path` with `plugin`, rooted at `folder`; pytest's exit code."""
    import pytest

    config_file = folder / CONFIG_FILE
    config_file.write_text("[pytest]\n", encoding="utf-8")
    args = [str(path), *QUIET_ARGS, f"--tb={traceback_style}", "--rootdir", str(folder),
            "-c", str(config_file)]  # fmt: skip
    with environment_without_pytest_settings():
        return pytest.main(args, plugins=[plugin])


@contextmanager
def environment_without_pytest_settings():
    saved = {name: os.environ.pop(name) for name in AMBIENT_VARIABLES if name in os.environ}
    autoload = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        yield
    finally:
        os.environ.update(saved)
        if autoload is None:
            del os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"]
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = autoload
