"""Drift measures on a model's inputs: they need no labels, so they work in production.

Production code would use Evidently, alibi-detect or scipy.stats; these few lines of pure Python
compute the same numbers and run in the browser.

- PSI (population stability index) between two distributions over the same bins:
  ``sum((a - e) * ln(a / e))``. Common reading: < 0.1 no shift, 0.1-0.25 moderate,
  > 0.25 significant.
- The two-sample Kolmogorov-Smirnov statistic D = max |F1(x) - F2(x)| for numeric samples.
"""

import math
from bisect import bisect_right
from collections import Counter

from mlops_lab.sentiment import tokenize

PSI_MODERATE = 0.1
PSI_SIGNIFICANT = 0.25
SMOOTHING = 1e-4  # stands in for an empty bin, whose log would be undefined


def psi(expected, actual):
    """PSI between two distributions given as {bin: proportion} (missing bins count as empty)."""
    bins = expected.keys() | actual.keys()
    total = 0.0
    for name in bins:
        e = max(expected.get(name, 0.0), SMOOTHING)
        a = max(actual.get(name, 0.0), SMOOTHING)
        total += (a - e) * math.log(a / e)
    return total


def token_distribution(texts, vocabulary=None):
    """{token: share of all tokens} over the texts. Tokens outside `vocabulary` (when given)
    share one bin, "<other>", so a flood of unknown words shows as one growing bin."""
    counts = Counter(
        token if vocabulary is None or token in vocabulary else "<other>"
        for text in texts
        for token in tokenize(text)
    )
    total = sum(counts.values()) or 1
    return {token: count / total for token, count in counts.items()}


def ks_statistic(sample, other):
    """Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two empirical
    cumulative distributions (0: same, 1: no overlap)."""
    first, second = sorted(sample), sorted(other)
    if not first or not second:
        raise ValueError("both samples need at least one value")
    largest = 0.0
    for x in sorted(set(first) | set(second)):
        below_first = bisect_right(first, x) / len(first)
        below_second = bisect_right(second, x) / len(second)
        largest = max(largest, abs(below_first - below_second))
    return largest
