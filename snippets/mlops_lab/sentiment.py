"""A tiny, deterministic sentiment model: multinomial Naive Bayes on a shipped review corpus.

Production code would train with scikit-learn (``MultinomialNB`` on a ``CountVectorizer``) and
load a versioned artifact from a model registry. This pure-Python version trains in a few
milliseconds, always gives the same predictions, and exposes the two calls the lesson uses:
``model.score(X, y)`` (accuracy) and ``model.predict(text)`` (probability of positive).
"""

import csv
import math
import re
from collections import Counter
from difflib import get_close_matches
from functools import cache

from mlops_lab.resources import data_json, data_lines

_WORD = re.compile(r"[a-z']+")


def tokenize(text):
    """Lower-cased words; punctuation and digits are dropped."""
    return _WORD.findall(text.lower())


class SentimentModel:
    """Naive Bayes over words, with add-one smoothing and typo-tolerant lookup.

    Unknown words of four letters or more are mapped to the closest known word (``grate`` ->
    ``great``), which is what makes the lesson's typo-invariance test pass. Remove that step in
    :meth:`_known_tokens` and watch the behavioural test catch it.
    """

    def __init__(self, word_counts, class_counts):
        self.word_counts = word_counts  # {label: Counter(word -> count)}
        self.class_counts = class_counts  # {label: number of training documents}
        self.vocabulary = sorted(set().union(*word_counts.values()))
        self._known = set(self.vocabulary)
        self._closest = {}  # unknown token -> its close matches (difflib is slow; tokens repeat)
        self._totals = {label: sum(counts.values()) for label, counts in word_counts.items()}

    @classmethod
    def train(cls, texts, labels):
        word_counts = {0: Counter(), 1: Counter()}
        for text, label in zip(texts, labels, strict=True):
            word_counts[label].update(tokenize(text))
        return cls(word_counts, Counter(labels))

    def _known_tokens(self, tokens):
        for token in tokens:
            if token in self._known:
                yield token
            elif len(token) >= 4:
                yield from self._closest_known(token)

    def _closest_known(self, token):
        if token not in self._closest:
            self._closest[token] = get_close_matches(token, self.vocabulary, n=1, cutoff=0.8)
        return self._closest[token]

    def _log_likelihood(self, label, tokens):
        size = len(self.vocabulary)
        total = self._totals[label]
        counts = self.word_counts[label]
        prior = math.log(self.class_counts[label] / sum(self.class_counts.values()))
        return prior + sum(math.log((counts[token] + 1) / (total + size)) for token in tokens)

    def predict(self, text_or_tokens):
        """Probability that the review is positive, a float in [0, 1]."""
        words = tokenize(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
        tokens = list(self._known_tokens(words))
        log_odds = self._log_likelihood(1, tokens) - self._log_likelihood(0, tokens)
        return 1 / (1 + math.exp(-log_odds))

    def score(self, texts, labels):
        """Accuracy on labelled texts, like scikit-learn's ``score``."""
        pairs = zip(texts, labels, strict=True)
        hits = sum((self.predict(text) >= 0.5) == bool(label) for text, label in pairs)
        return hits / len(labels)


def _reviews(split):
    rows = [row for row in csv.DictReader(data_lines("reviews.csv")) if row["split"] == split]
    return [row["text"] for row in rows], [int(row["label"]) for row in rows]


def load_training_data():
    """(texts, labels) the production model is trained on."""
    return _reviews("train")


def load_validation_data():
    """(X_val, y_val): held-out labelled reviews the model never saw in training."""
    return _reviews("validation")


@cache
def load_production_model():
    """The model "in production". Here: trained on first use, then shared (it is deterministic)."""
    return SentimentModel.train(*load_training_data())


def load_previous_benchmark():
    """Validation accuracy of the previous released model, stored when it shipped."""
    return data_json("benchmark.json")["validation_accuracy"]
