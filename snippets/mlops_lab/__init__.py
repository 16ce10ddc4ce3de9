"""Support code for the course's runnable examples.

Everything here is pure Python (standard library only) so the same code runs under CPython in
the tests and notebook, and in Pyodide in the reader's browser. Where production code would
use pandas, Great Expectations or scikit-learn, the module says so.

In the page, a block shows a chart or a table with ``show(obj)`` (or by ending with it).
"""

from mlops_lab.display import show

__all__ = ["show"]
