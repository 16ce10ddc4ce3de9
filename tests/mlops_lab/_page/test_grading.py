"""The grader, on small exercises of its own: both modes, their reports, and what must never
count as a pass."""

import textwrap

import pytest
from mlops_lab._page.grading import grade

WRITE_CODE_CHECKS = textwrap.dedent('''
    from exercise import double

    def test_doubles_a_number():
        """doubles 2 into 4"""
        assert double(2) == 4

    def test_doubles_zero():
        assert double(0) == 0
''')

WRITE_TESTS_CHECKS = textwrap.dedent('''
    FAULTS = {
        "a dataset loader that returns nothing": {"mlops_lab.data.load_users": lambda: []},
        "a benchmark of 2.0": {"mlops_lab.sentiment.load_previous_benchmark": lambda: 2.0},
    }
''')


def test_write_code_gives_one_line_per_check_in_words(tmp_path):
    report = grade("def double(x):\n    return x * 2\n", WRITE_CODE_CHECKS, tmp_path)
    assert [c["text"] for c in report["checks"]] == ["doubles 2 into 4", "doubles zero"]
    assert report["summary"] == "All 2 checks pass"


def test_a_failed_check_carries_pytests_explanation(tmp_path):
    report = grade("def double(x):\n    return x + 2\n", WRITE_CODE_CHECKS, tmp_path)
    assert report["summary"] == "1 of 2 checks pass"
    [failed] = [c for c in report["checks"] if not c["passed"]]
    assert "assert 2 == 0" in failed["details"]


def test_code_that_does_not_import_fails_with_pytests_words(tmp_path):
    report = grade("def double(x) return x\n", WRITE_CODE_CHECKS, tmp_path)
    assert report["passed"] == 0
    assert "SyntaxError" in report["checks"][0]["details"]


def test_each_grading_sees_the_code_it_is_given_not_a_cached_module(tmp_path):
    grade("def double(x):\n    return 0\n", WRITE_CODE_CHECKS, tmp_path)
    assert grade("def double(x):\n    return x * 2\n", WRITE_CODE_CHECKS, tmp_path)["passed"] == 2


GOOD_TESTS = textwrap.dedent('''
    from mlops_lab.data import load_users
    from mlops_lab.sentiment import load_previous_benchmark

    def test_users():
        assert len(load_users()) > 0

    def test_benchmark():
        assert load_previous_benchmark() <= 1
''')


def test_write_tests_must_pass_on_the_real_code_and_fail_on_each_fault(tmp_path):
    report = grade(GOOD_TESTS, WRITE_TESTS_CHECKS, tmp_path)
    assert [c["text"] for c in report["checks"]] == [
        "your tests pass on the real code",
        "catches a dataset loader that returns nothing",
        "catches a benchmark of 2.0",
    ]
    assert report["summary"] == "All 3 checks pass: caught 2 of 2 faults"


@pytest.mark.parametrize(
    "tests",
    ["def test_nothing():\n    pass\n", "def test_trivially_true():\n    assert True\n"],
    ids=["asserts nothing", "asserts something always true"],
)
def test_tests_that_assert_nothing_catch_no_fault(tmp_path, tests):
    report = grade(tests, WRITE_TESTS_CHECKS, tmp_path)
    assert report["summary"] == (
        "1 of 3 checks pass: caught 0 of 2 faults — missed: a dataset loader that returns "
        "nothing, a benchmark of 2.0"
    )


def test_tests_that_fail_on_the_real_code_catch_nothing(tmp_path):
    # Failing everywhere is not catching faults: the fault must be what makes a test fail.
    report = grade("def test_always_fails():\n    assert False\n", WRITE_TESTS_CHECKS, tmp_path)
    assert report["passed"] == 0
    assert report["checks"][0]["text"] == (
        "your tests pass on the real code (failing: test_always_fails)"
    )


def test_no_tests_at_all_says_so(tmp_path):
    report = grade("x = 1\n", WRITE_TESTS_CHECKS, tmp_path)
    assert report["checks"][0]["text"] == "your tests run (write at least one test_ function)"


def test_the_real_code_is_restored_after_grading(tmp_path):
    from mlops_lab import data

    real = data.load_users
    grade(GOOD_TESTS, WRITE_TESTS_CHECKS, tmp_path)
    assert data.load_users is real
