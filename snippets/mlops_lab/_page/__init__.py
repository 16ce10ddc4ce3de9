"""The page's runtime: how the in-page Python worker runs readers' blocks, their tests and
exercise checks, and turns what a block displays into plain data. Not for readers' code (they
import ``show`` from ``mlops_lab``); the build and the tests use it under CPython too.

- runner.py: runs a block as ``__main__`` of its page's namespace, and its tests with pytest
- grading.py: grades an exercise with its hidden checks (write code, or write tests)
- diagnosis.py: what stops a reader's code before it runs (syntax, imports), in their terms
- quiet_pytest.py: pytest as both run it (quiet, fast, deaf to the environment)
- display.py, html_tables.py: charts and tables, as plain data the page draws safely
"""
