"""Section 5, layer 2: model tests check quality thresholds and regressions."""

# --8<-- [start:example]
from mlops_lab.sentiment import (
    load_previous_benchmark,
    load_production_model,
    load_validation_data,
)

model = load_production_model()


def test_model_performance():
    # Load validation set
    X_val, y_val = load_validation_data()

    # Test accuracy threshold
    accuracy = model.score(X_val, y_val)
    assert accuracy >= 0.90  # Minimum acceptable

    # Test for no degradation
    previous_accuracy = load_previous_benchmark()
    assert accuracy >= previous_accuracy - 0.02  # Max 2% drop


if __name__ == "__main__":
    test_model_performance()
    X_val, y_val = load_validation_data()
    print(f"Validation accuracy {model.score(X_val, y_val):.3f} on {len(y_val)} reviews "
          f"(threshold 0.90, previous release {load_previous_benchmark():.3f})")
# --8<-- [end:example]
# prints: Validation accuracy 1.000 on 30 reviews (threshold 0.90, previous release 0.967)
