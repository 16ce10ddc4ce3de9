"""Drift measures: PSI over word frequencies and the two-sample KS statistic."""

import pytest
from mlops_lab.drift import PSI_SIGNIFICANT, ks_statistic, psi, token_distribution


def test_psi_is_zero_for_the_same_distribution_and_grows_with_the_shift():
    expected = {"a": 0.5, "b": 0.5}
    assert psi(expected, expected) == 0
    slight, strong = psi(expected, {"a": 0.55, "b": 0.45}), psi(expected, {"a": 0.9, "b": 0.1})
    assert 0 < slight < 0.1 < PSI_SIGNIFICANT < strong


def test_psi_of_a_bin_that_empties_is_finite():
    assert 0 < psi({"a": 0.5, "b": 0.5}, {"a": 1.0}) < float("inf")


def test_token_distribution_puts_unknown_words_in_one_bin():
    shares = token_distribution(["great film", "mid film"], vocabulary={"great", "film"})
    assert shares == {"great": 0.25, "film": 0.5, "<other>": 0.25}


def test_ks_statistic_is_the_largest_gap_between_the_cumulative_distributions():
    assert ks_statistic([1, 2, 3], [1, 2, 3]) == 0
    assert ks_statistic([1, 2], [3, 4]) == 1
    assert ks_statistic([1, 2, 3, 4], [3, 4, 5, 6]) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        ks_statistic([], [1])
