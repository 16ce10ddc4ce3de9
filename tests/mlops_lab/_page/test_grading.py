"""The grader, on small exercises of its own: both modes, their reports, and what must never
count as a pass."""

import json
import textwrap

import pytest
from mlops_lab._page.grading import grade
from mlops_lab.data import load_users

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


def test_code_with_a_syntax_error_says_so_first_and_holds_every_check_back(tmp_path):
    report = grade("def double(x) return x\n", WRITE_CODE_CHECKS, tmp_path)
    assert report["passed"] == 0
    assert [(c["text"], c["outcome"]) for c in report["checks"]] == [
        ("SyntaxError on line 1: expected ':'", "failed"),
        ("not checked yet: doubles 2 into 4", "not-checked"),
        ("not checked yet: doubles zero", "not-checked"),
    ]
    assert report["checks"][0]["code"].splitlines()[0] == "def double(x) return x"
    assert report["summary"] == (
        "SyntaxError on line 1: expected ':' — fix this first; 2 checks not checked yet"
    )
    assert report["diagnosis"]["line"] == 1


def test_code_that_fails_as_it_is_imported_is_named_with_its_line(tmp_path):
    code = "def double(x):\n    return 2 * x\n\nLIMIT = 1 / 0\n"
    report = grade(code, WRITE_CODE_CHECKS, tmp_path)
    assert report["summary"].startswith("ZeroDivisionError on line 4: division by zero — ")
    assert report["checks"][0]["code"] == "LIMIT = 1 / 0"


def test_code_without_the_function_the_checks_call_says_so(tmp_path):
    report = grade("def twice(x):\n    return 2 * x\n", WRITE_CODE_CHECKS, tmp_path)
    assert report["checks"][0]["text"] == "your code does not define double, which the checks use"
    assert "_pytest" not in json.dumps(report)


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
        "your tests fail on the real code: test_always_fails: assert False"
    )


def not_checked(report):
    return [c["text"].removeprefix("not checked yet: ") for c in report["checks"]
            if c["outcome"] == "not-checked"]  # fmt: skip


FAULTS = ["a dataset loader that returns nothing", "a benchmark of 2.0"]


def test_a_test_that_fails_on_the_real_data_comes_first_and_no_fault_is_judged(
    tmp_path, monkeypatch
):
    # This test fails on every fault too: saying that it missed them, or caught them, is false.
    # Started beside the grader's folder, pytest writes the file's path relative to it, as it
    # does from a checkout next to the temporary folder: the reader still sees their own code.
    monkeypatch.chdir(tmp_path)
    tests = GOOD_TESTS + "\ndef test_ages():\n    assert load_users()['age'].mean() > 1000\n"
    report = grade(tests, WRITE_TESTS_CHECKS, tmp_path)
    mean = load_users()["age"].mean()
    first = f"your tests fail on the real code: test_ages: assert {mean!r} > 1000"
    assert [(c["text"], c["outcome"]) for c in report["checks"][:1]] == [(first, "failed")]
    assert not_checked(report) == FAULTS
    assert report["summary"] == f"Y{first[1:]} — fix this first; 2 faults not checked yet"
    assert "miss" not in json.dumps(report) and "catches" not in json.dumps(report)
    assert "test_reader" not in report["checks"][0]["details"]  # the reader's file, not ours


def test_no_tests_at_all_says_so(tmp_path):
    report = grade("x = 1\n", WRITE_TESTS_CHECKS, tmp_path)
    assert report["checks"][0]["text"] == "your code defines no test_ function"
    assert not_checked(report) == FAULTS
    assert report["summary"] == (
        "Your code defines no test_ function — fix this first; 2 faults not checked yet"
    )


@pytest.mark.parametrize(
    ("tests", "summary", "line"),
    [
        ("from mlops_lab.data import load_users\n\n\ndef test_ages()\n    assert load_users()\n",
         "SyntaxError on line 4: expected ':'", "def test_ages()"),
        ("def test_ages():\n    x = 1\n      assert x\n",
         "IndentationError on line 3: unexpected indent", "      assert x"),
        ("from mlops_lab.data import load_user\n\ndef test_ages():\n    assert load_user()\n",
         "ImportError on line 1: mlops_lab.data has no name 'load_user' "
         "(did you mean 'load_users'?)", "from mlops_lab.data import load_user"),
        ("import json\nfrom mlops_lab.dat import load_users\n\ndef test_ages():\n    assert 1\n",
         "ModuleNotFoundError on line 2: No module named 'mlops_lab.dat' "
         "(did you mean 'mlops_lab.data'?)", "from mlops_lab.dat import load_users"),
        ("from mlops_lab.data import load_users\nAGES = load_users()['ages']\n\n"
         "def test_ages():\n    assert AGES\n",
         "KeyError on line 2: 'ages'", "AGES = load_users()['ages']"),
    ],
    ids=["a missing colon", "an indentation error", "a missing name", "a missing module",
         "an error as the file is imported"],
)  # fmt: skip
def test_tests_that_cannot_be_collected_say_why_first_and_hold_every_fault_back(
    tmp_path, tests, summary, line
):
    report = grade(tests, WRITE_TESTS_CHECKS, tmp_path)
    first = report["checks"][0]
    assert (first["text"], first["outcome"]) == (summary, "failed")
    assert first["code"].splitlines()[0] == line
    assert not_checked(report) == FAULTS
    assert report["summary"] == f"{summary} — fix this first; 2 faults not checked yet"
    assert report["diagnosis"]["summary"] == summary
    assert "test_ function" not in json.dumps(report) and "_pytest" not in json.dumps(report)


def test_a_fault_that_makes_the_test_file_fail_to_import_is_caught(tmp_path):
    # A module-level check that breaks only under a fault turns the run red: caught.
    tests = GOOD_TESTS.replace("def test_benchmark", "assert load_previous_benchmark() < 1.5\n\n"
                               "def test_benchmark")  # fmt: skip
    report = grade(tests, WRITE_TESTS_CHECKS, tmp_path)
    assert "catches a benchmark of 2.0" in [c["text"] for c in report["checks"]]


def test_a_grader_that_fails_says_so_and_never_raises(tmp_path):
    checks = "import mlops_lab.no_such_module\n\nFAULTS = {}\n"
    report = grade(GOOD_TESTS, checks, tmp_path)
    assert report["passed"] == 0
    assert report["summary"] == (
        "The grader failed, not your code: ModuleNotFoundError: No module named "
        "'mlops_lab.no_such_module'"
    )


def test_the_real_code_is_restored_after_grading(tmp_path):
    from mlops_lab import data

    real = data.load_users
    grade(GOOD_TESTS, WRITE_TESTS_CHECKS, tmp_path)
    assert data.load_users is real
