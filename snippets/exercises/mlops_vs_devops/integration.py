"""Exercise: write an end-to-end test of the prediction pipeline that catches a broken stage."""

# --8<-- [start:starter]
from mlops_lab.pipeline import fetch_from_api, load_production_model, preprocess


def test_pipeline():
    raw_data = fetch_from_api()
    assert raw_data is not None  # a start: only the first stage, and barely


# --8<-- [end:starter]


# --8<-- [start:solution]
from mlops_lab.pipeline import fetch_from_api, load_production_model, preprocess


def test_end_to_end_pipeline():
    raw_data = fetch_from_api()
    assert isinstance(raw_data, dict) and raw_data["text"]

    features = preprocess(raw_data)
    assert features and all(isinstance(word, str) for word in features)

    prediction = load_production_model().predict(features)
    assert isinstance(prediction, float)
    assert 0 <= prediction <= 1


# --8<-- [end:solution]
