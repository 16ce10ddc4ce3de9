"""Exercise: write behavioural tests of the sentiment model (invariance and direction)."""

# --8<-- [start:starter]
from mlops_lab.sentiment import load_production_model


def test_predictions_are_probabilities():
    model = load_production_model()
    assert 0 <= model.predict("This movie is great") <= 1  # a start: says nothing of behaviour


# --8<-- [end:starter]


# --8<-- [start:solution]
from mlops_lab.sentiment import load_production_model


def test_a_typo_does_not_change_the_sentiment():
    model = load_production_model()
    assert abs(model.predict("A great film") - model.predict("A grate film")) < 0.1


def test_negation_lowers_the_score():
    model = load_production_model()
    assert model.predict("This movie is not great") < model.predict("This movie is great")


def test_obvious_cases():
    model = load_production_model()
    assert model.predict("I loved it") > 0.5
    assert model.predict("I hated it") < 0.5


# --8<-- [end:solution]
