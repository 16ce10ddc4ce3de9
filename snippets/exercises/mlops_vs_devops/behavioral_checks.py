"""Hidden checks of the behavioural exercise: the reader's tests must pass on the production
model and fail on each faulty one."""

from mlops_lab.sentiment import SentimentModel, load_production_model, tokenize

NEGATIONS = {"not", "no", "never"}


class IgnoresNegation:
    """Drops "not", "no" and "never" before predicting."""

    def __init__(self):
        self.model = load_production_model()

    def predict(self, text):
        words = tokenize(text) if isinstance(text, str) else text
        return self.model.predict([word for word in words if word not in NEGATIONS])


class BrokenByTypos(SentimentModel):
    """The same model without its look-up of misspelt words."""

    def _closest_known(self, token):
        return []


def broken_by_typos():
    model = load_production_model()
    return BrokenByTypos(model.word_counts, model.class_counts)


class AlwaysPositive:
    def predict(self, text):
        return 0.9


MODEL = "mlops_lab.sentiment.load_production_model"
FAULTS = {
    "a model that ignores negation": {MODEL: IgnoresNegation},
    "a model broken by a typo": {MODEL: broken_by_typos},
    "a model that calls everything positive": {MODEL: AlwaysPositive},
}
