"""The prediction pipeline of the lesson's integration test: fetch -> preprocess -> predict.

``fetch_from_api`` talks to :class:`LocalReviewAPI`, an in-process stand-in for the review
service. In production it would be an HTTP call (``requests.get(url).json()``); keeping the
source local makes the test fast, deterministic and runnable offline and in the browser, while
the payload still travels as JSON text, as it would over the wire.
"""

import json

from mlops_lab.sentiment import load_production_model, tokenize

__all__ = ["LocalReviewAPI", "fetch_from_api", "load_production_model", "preprocess"]


class LocalReviewAPI:
    """A fake review service: returns the newest review as a JSON document."""

    def __init__(self, reviews=None):
        self.reviews = reviews or [
            {"id": 41, "text": "Great cast, but the story is a little slow."},
            {"id": 42, "text": "Brilliant, funny and beautifully shot!"},
        ]

    def get(self, path):
        if path != "/reviews/latest":
            raise LookupError(f"404 Not Found: {path}")
        return json.dumps(self.reviews[-1])


def fetch_from_api(api=None):
    """Fetch the latest raw review record (a dict) from the review service."""
    return json.loads((api or LocalReviewAPI()).get("/reviews/latest"))


def preprocess(raw_data):
    """Turn a raw review record into model features: its lower-cased word tokens."""
    text = raw_data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"review {raw_data.get('id')!r} has no text")
    return tokenize(text)
