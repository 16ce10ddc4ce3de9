"""Section 5, layer 4: the integration test runs the whole prediction path end to end."""

# --8<-- [start:example]
from mlops_lab.pipeline import fetch_from_api, load_production_model, preprocess


def test_end_to_end_pipeline():
    """Test complete prediction pipeline."""

    # Fetch raw data
    raw_data = fetch_from_api()

    # Preprocess
    features = preprocess(raw_data)

    # Load model
    model = load_production_model()

    # Predict
    prediction = model.predict(features)

    # Validate output format
    assert 0 <= prediction <= 1
    assert isinstance(prediction, float)


if __name__ == "__main__":
    test_end_to_end_pipeline()
    raw = fetch_from_api()
    print(f"Review {raw['id']}: {raw['text']!r}")
    print(f"-> features {preprocess(raw)}")
    print(f"-> P(positive) = {load_production_model().predict(preprocess(raw)):.3f}")
# --8<-- [end:example]
# prints: -> P(positive) = 0.960
