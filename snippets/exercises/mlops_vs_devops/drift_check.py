"""Exercise: write a drift check that flags a shifted sample and not an unshifted one."""


# --8<-- [start:starter]
def drifted(reference, sample, threshold=0.15):
    """True when the numbers in `sample` are distributed differently from `reference`."""
    return False  # a start: never raises an alarm


# --8<-- [end:starter]


# --8<-- [start:solution]
from bisect import bisect_right


def drifted(reference, sample, threshold=0.15):
    """True when the numbers in `sample` are distributed differently from `reference`: the
    two-sample Kolmogorov-Smirnov statistic (the largest gap between the two cumulative
    distributions) is above `threshold`."""
    first, second = sorted(reference), sorted(sample)
    gap = max(
        abs(bisect_right(first, x) / len(first) - bisect_right(second, x) / len(second))
        for x in first + second
    )
    return gap > threshold


# --8<-- [end:solution]
