"""Exercise: write model tests - a quality threshold and no degradation against the last release."""

# --8<-- [start:starter]
from mlops_lab.sentiment import load_previous_benchmark, load_production_model, load_validation_data


def test_model_performance():
    X_val, y_val = load_validation_data()
    accuracy = load_production_model().score(X_val, y_val)
    assert 0 <= accuracy <= 1  # a start: true of every model, good or bad


# --8<-- [end:starter]


# --8<-- [start:solution]
from mlops_lab.sentiment import load_previous_benchmark, load_production_model, load_validation_data

MINIMUM_ACCURACY = 0.90
ALLOWED_DROP = 0.02


def accuracy():
    X_val, y_val = load_validation_data()
    return load_production_model().score(X_val, y_val)


def test_accuracy_meets_the_threshold():
    assert accuracy() >= MINIMUM_ACCURACY


def test_no_degradation_from_the_last_release():
    assert accuracy() >= load_previous_benchmark() - ALLOWED_DROP


def test_accuracy_meets_the_threshold_on_each_class():
    X_val, y_val = load_validation_data()
    for label in (0, 1):
        reviews = [text for text, y in zip(X_val, y_val, strict=True) if y == label]
        assert load_production_model().score(reviews, [label] * len(reviews)) >= MINIMUM_ACCURACY


# --8<-- [end:solution]
