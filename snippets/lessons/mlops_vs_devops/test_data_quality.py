"""Section 5, layer 1: data tests check the data before any model sees it."""

# --8<-- [start:example]
from mlops_lab.data import load_users

df = load_users()  # in production: pandas.read_parquet(...) of the training snapshot


def test_data_quality():
    # Check data schema
    assert 'user_id' in df.columns

    # Check for nulls
    assert df['age'].isnull().sum() == 0

    # Check value ranges
    assert df['age'].min() >= 0
    assert df['age'].max() <= 120

    # Check distribution
    assert 18 <= df['age'].mean() <= 65


if __name__ == "__main__":
    test_data_quality()
    ages = df['age']
    print(f"Data quality passed on {len(df)} rows: ages {ages.min()}-{ages.max()}, "
          f"mean {ages.mean():.1f}, no nulls")
# --8<-- [end:example]
# prints: Data quality passed on 60 rows: ages 18-66, mean 38.4, no nulls
