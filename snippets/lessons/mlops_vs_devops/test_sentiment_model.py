"""Section 5 interview answer: one test that mixes performance, behaviour and robustness."""

# --8<-- [start:example]
from mlops_lab.sentiment import load_production_model, load_validation_data

model = load_production_model()
predict = model.predict
accuracy = model.score(*load_validation_data())


def test_sentiment_model():
    # Performance test
    assert accuracy >= 0.90

    # Behavioral test
    assert predict('great') > predict('bad')

    # Robustness test
    assert abs(predict('great') - predict('grate')) < 0.1


if __name__ == "__main__":
    test_sentiment_model()
    print(f"accuracy={accuracy:.3f}  predict('great')={predict('great'):.3f}  "
          f"predict('bad')={predict('bad'):.3f}  predict('grate')={predict('grate'):.3f}")
# --8<-- [end:example]
# prints: accuracy=1.000  predict('great')=0.889  predict('bad')=0.167  predict('grate')=0.889
