from mlops_lab.data import load_users, load_users_with_bad_rows


def test_users_table_is_clean():
    df = load_users()
    assert df.columns == ["user_id", "age", "country", "plan"]
    assert len(df) == 60
    assert len(set(df["user_id"])) == 60
    assert df["age"].isnull().sum() == 0


def test_bad_rows_add_a_missing_and_an_impossible_age():
    df = load_users_with_bad_rows()
    assert len(df) == 62
    assert df["age"].isnull().sum() == 1
    assert df["age"].max() == 212
