"""Hidden checks of the model-performance exercise: the reader's tests must pass on the
production model and fail on each faulty release."""

from mlops_lab.sentiment import load_production_model, load_validation_data


class WithMistakes:
    """The production model, wrong on the first `mistakes` validation reviews."""

    def __init__(self, mistakes):
        self.model = load_production_model()
        texts, _ = load_validation_data()
        self.wrong = set(texts[:mistakes])

    def predict(self, text):
        probability = self.model.predict(text)
        return 1 - probability if text in self.wrong else probability

    def score(self, texts, labels):
        hits = sum((self.predict(t) >= 0.5) == bool(label) for t, label in zip(texts, labels, strict=True))
        return hits / len(labels)


MODEL = "mlops_lab.sentiment.load_production_model"
BENCHMARK = "mlops_lab.sentiment.load_previous_benchmark"
FAULTS = {
    # 6 of 30 wrong: 0.80, under the 0.90 threshold.
    "a model below the 0.90 threshold": {MODEL: lambda: WithMistakes(6)},
    # 2 of 30 wrong: 0.933, above the threshold but 3.4 points under the last release (0.967).
    "a release 3 points worse than the last one": {MODEL: lambda: WithMistakes(2)},
    # The last release scored 1.0; this one 0.967 (a test with the old number hard-coded misses).
    "a release under a newer benchmark": {MODEL: lambda: WithMistakes(1), BENCHMARK: lambda: 1.0},
}
