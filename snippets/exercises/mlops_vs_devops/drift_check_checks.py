"""Hidden checks of the drift exercise: they call the reader's drifted(reference, sample)."""

import random

from exercise import drifted


def ages(seed, mean=38, spread=10, n=300):
    rng = random.Random(seed)
    return [rng.gauss(mean, spread) for _ in range(n)]


REFERENCE = ages(seed=1)


def test_flags_a_shifted_sample():
    """flags a sample whose ages are 15 years higher"""
    assert drifted(REFERENCE, ages(seed=2, mean=53)) is True


def test_flags_a_wider_sample():
    """flags a sample spread twice as wide, with the same mean"""
    assert drifted(REFERENCE, ages(seed=3, spread=20)) is True


def test_does_not_flag_a_fresh_sample():
    """does not flag a fresh sample from the same distribution"""
    assert drifted(REFERENCE, ages(seed=4)) is False


def test_does_not_flag_the_reference():
    """does not flag the reference itself"""
    assert drifted(REFERENCE, REFERENCE) is False
