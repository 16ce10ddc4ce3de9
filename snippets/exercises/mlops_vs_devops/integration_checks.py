"""Hidden checks of the integration exercise: the reader's test must pass on the real pipeline
and fail when any one stage is broken."""

from mlops_lab.pipeline import LocalReviewAPI
from mlops_lab.sentiment import load_production_model


def fetch_returns_text(api=None):
    """Forgets to parse the response: the JSON text instead of a record."""
    return (api or LocalReviewAPI()).get("/reviews/latest")


def preprocess_drops_everything(raw_data):
    return []


class LabelsNotProbabilities:
    def predict(self, features):
        return int(load_production_model().predict(features) >= 0.5)


FAULTS = {
    "a fetch stage that returns unparsed JSON": {
        "mlops_lab.pipeline.fetch_from_api": fetch_returns_text
    },
    "a preprocessing stage that drops every word": {
        "mlops_lab.pipeline.preprocess": preprocess_drops_everything
    },
    "a model that returns labels, not probabilities": {
        "mlops_lab.pipeline.load_production_model": LabelsNotProbabilities
    },
}
