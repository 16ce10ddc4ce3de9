"""Exercise: write data tests that catch bad user tables (graded against seeded faults)."""

# --8<-- [start:starter]
from mlops_lab.data import load_users


def test_users_table():
    df = load_users()
    assert len(df) > 0  # a start: this catches an empty table, and nothing else


# --8<-- [end:starter]


# --8<-- [start:solution]
from mlops_lab.data import load_users


def test_schema():
    assert {"user_id", "age", "country", "plan"} <= set(load_users().columns)


def test_no_missing_ages():
    assert load_users()["age"].isnull().sum() == 0


def test_ages_are_human():
    ages = load_users()["age"]
    assert ages.min() >= 0 and ages.max() <= 120


def test_age_distribution_is_as_expected():
    assert 18 <= load_users()["age"].mean() <= 65


def test_one_row_per_user():
    user_ids = list(load_users()["user_id"])
    assert len(set(user_ids)) == len(user_ids)


def test_plans_are_ones_we_sell():
    assert set(load_users()["plan"]) <= {"free", "pro", "team"}


# --8<-- [end:solution]
