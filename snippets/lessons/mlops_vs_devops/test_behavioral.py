"""Section 5, layer 3: behavioural tests check what the model does, not just how often it is right.

The three test types come from CheckList (Ribeiro et al., ACL 2020): invariance (INV),
directional expectation (DIR) and minimum functionality (MFT).
"""

# --8<-- [start:example]
from mlops_lab.sentiment import load_production_model

model = load_production_model()


def test_model_invariances():
    """Test model behavior on transformations."""

    # Original prediction
    text = "This movie is great!"
    pred1 = model.predict(text)

    # Small typo shouldn't change sentiment drastically
    text_typo = "This movie is grate!"
    pred2 = model.predict(text_typo)

    assert abs(pred1 - pred2) < 0.1  # Similar predictions


if __name__ == "__main__":
    test_model_invariances()
    for text in ["This movie is great!", "This movie is grate!"]:
        print(f"{model.predict(text):.3f}  {text}")
    print("Invariance test passed")
# --8<-- [end:example]
# prints: 0.889  This movie is grate!
# prints: Invariance test passed


# --8<-- [start:checklist]
from mlops_lab.sentiment import load_production_model

model = load_production_model()


def test_directional_expectation():
    """Adding a clearly negative clause must lower the score."""
    base = model.predict("This movie is great!")
    worse = model.predict("This movie is great! But the ending was terrible.")
    assert worse < base


def test_minimum_functionality():
    """Simple, obvious cases the model must get right."""
    assert model.predict("I loved it") > 0.5
    assert model.predict("I hated it") < 0.5


if __name__ == "__main__":
    test_directional_expectation()
    test_minimum_functionality()
    print(f"{model.predict('This movie is great! But the ending was terrible.'):.3f}  "
          "This movie is great! But the ending was terrible.")
    print("Directional and minimum-functionality tests passed")
# --8<-- [end:checklist]
# prints: Directional and minimum-functionality tests passed
