import pytest
from mlops_lab.frame import Frame, read_csv


def test_read_csv_infers_ints_and_missing_values():
    df = read_csv(["user_id,age,plan", "1,30,free", "2,,pro"])
    assert df.columns == ["user_id", "age", "plan"]
    assert len(df) == 2
    assert df["age"].isnull().sum() == 1
    assert df["age"].min() == df["age"].max() == df["age"].mean() == 30
    assert list(df["plan"]) == ["free", "pro"]


def test_frame_rejects_ragged_columns():
    with pytest.raises(ValueError, match="different lengths"):
        Frame({"a": [1, 2], "b": [1]})


def test_read_csv_rejects_header_only():
    with pytest.raises(ValueError, match="no rows"):
        read_csv(["a,b"])
