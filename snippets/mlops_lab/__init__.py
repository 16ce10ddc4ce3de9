"""Support code for the course's runnable examples: a users table, a tiny sentiment model, a
fake review API, drift measures and a retraining simulation (data, sentiment, pipeline, drift,
production, retraining).

Pure Python, so the same code runs under CPython in the tests and notebook, and in Pyodide in
the reader's browser. Where production code would use pandas, Great Expectations or
scikit-learn, the module says so.

In the page, a block shows a chart or a table with ``show(obj)`` (or by ending with it). The
page's own runtime lives in ``mlops_lab._page``.
"""

from mlops_lab._page.display import show

__all__ = ["show"]
