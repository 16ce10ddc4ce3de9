"""A deliberately tiny, pandas-like table so the lesson's data tests run as written.

Production data tests would use pandas (``df['age'].isnull().sum()``) or a validation
library such as Great Expectations. Those need compiled wheels the in-browser runtime cannot
load, so this module implements just the handful of calls the lesson uses.
"""

import csv
from statistics import fmean


class Column:
    """One named column: the subset of ``pandas.Series`` the lesson's tests call."""

    def __init__(self, name, values):
        self.name = name
        self.values = list(values)

    def __len__(self):
        return len(self.values)

    def __iter__(self):
        return iter(self.values)

    def isnull(self):
        return Column(self.name, (value is None for value in self.values))

    def sum(self):
        return sum(self.values)

    def _present(self):
        return [value for value in self.values if value is not None]

    def min(self):
        return min(self._present())

    def max(self):
        return max(self._present())

    def mean(self):
        return fmean(self._present())

    def __repr__(self):
        return f"Column({self.name!r}, {len(self)} values)"


class Frame:
    """Rows of named columns: the subset of ``pandas.DataFrame`` the lesson's tests call."""

    def __init__(self, columns):
        lengths = {len(values) for values in columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns have different lengths: {sorted(lengths)}")
        self._columns = {name: Column(name, values) for name, values in columns.items()}

    @property
    def columns(self):
        return list(self._columns)

    def __getitem__(self, name):
        return self._columns[name]

    def __len__(self):
        return len(next(iter(self._columns.values()), []))

    def __repr__(self):
        return f"Frame({len(self)} rows x {len(self.columns)} columns: {', '.join(self.columns)})"


def _parse_cell(text):
    """Empty cells are missing values; whole numbers become ints (like pandas' inference)."""
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        return text


def read_csv(lines):
    """Read CSV text lines into a :class:`Frame` (``pandas.read_csv`` in production)."""
    rows = list(csv.DictReader(lines))
    if not rows:
        raise ValueError("CSV has a header but no rows")
    names = list(rows[0])
    return Frame({name: [_parse_cell(row[name]) for row in rows] for name in names})
