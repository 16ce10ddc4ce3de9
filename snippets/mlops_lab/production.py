"""Weeks of production reviews for the lesson's sentiment model, with drift you control.

The deployed model was trained on reviews.csv. In production reviewers keep writing, and their
words change: slang the model never saw takes the place of the words it knows ("mid" for
"boring", "fire" for "great"), reviews start to mention new things, and the share of happy
reviewers moves. The model's code never changes; its accuracy does.

Every review here is made from templates, so each has a true label; the same seed always gives
the same reviews.
"""

import random
import re
from dataclasses import dataclass

# Words the deployed model learned from reviews.csv, and slang it never saw.
POSITIVE = ("great", "wonderful", "brilliant", "excellent", "amazing", "fantastic",
            "beautiful", "superb", "delightful", "charming", "perfect", "enjoyable")  # fmt: skip
NEGATIVE = ("terrible", "awful", "boring", "dull", "bad", "weak", "dreadful", "horrible",
            "tedious", "poor", "stupid", "disappointing")  # fmt: skip
POSITIVE_SLANG = ("fire", "goated", "banger", "slaps", "iconic", "immaculate", "peak", "lit")
NEGATIVE_SLANG = ("mid", "cringe", "flop", "trash", "yikes", "overhyped", "snoozefest", "meh")
# Neutral words about things the training data never mentions.
NEW_TOPICS = ("streaming", "sequel", "franchise", "reboot", "spinoff", "binge", "episode")
NOUNS = ("movie", "film", "story", "cast", "acting", "plot", "ending", "script", "music")
SLOT = re.compile(r"\{(noun|word|Word)\}")
TEMPLATES = (
    "The {noun} was {word}",
    "A {word} {noun} and a {word} {noun}",
    "{Word} {noun}, really {word}",
    "This {noun} is {word} and the {noun} is {word}",
)


@dataclass(frozen=True)
class Drift:
    """How reviews change. Nothing changes before `starts_at_week`; from then on the drift grows
    by `rate` a week until it is full (1.0). At full drift:

    - `slang`: the share of sentiment words written as slang instead;
    - `new_topics`: the share of reviews that also mention a new topic (harmless words);
    - `label_shift`: how far the share of positive reviews falls from one half.
    """

    starts_at_week: int = 10
    rate: float = 0.25
    slang: float = 0.8
    new_topics: float = 0.0
    label_shift: float = 0.0

    def strength(self, week):
        """0 before the drift starts, rising by `rate` a week, 1 at full drift."""
        return min(1.0, max(0, week - self.starts_at_week + 1) * self.rate)


NO_DRIFT = Drift(slang=0.0, new_topics=0.0, label_shift=0.0)


@dataclass(frozen=True)
class Week:
    number: int  # 1 is the first week in production
    texts: tuple
    labels: tuple  # 1 positive, 0 negative: known here, late in real life


def review(rng, label, slang_share, new_topic_share):
    """One review with the given true label."""
    known, slang = (POSITIVE, POSITIVE_SLANG) if label else (NEGATIVE, NEGATIVE_SLANG)

    def fill(slot):
        if slot == "noun":
            return rng.choice(NOUNS)
        word = rng.choice(slang if rng.random() < slang_share else known)
        return word.capitalize() if slot == "Word" else word

    text = SLOT.sub(lambda match: fill(match[1]), rng.choice(TEMPLATES))
    if rng.random() < new_topic_share:
        text += f" for a {rng.choice(NEW_TOPICS)}"
    return text


def simulate_weeks(weeks=30, reviews_per_week=120, drift=Drift(), seed=7):
    """`weeks` weeks of production reviews; the same arguments always give the same reviews."""
    rng = random.Random(seed)
    simulated = []
    for number in range(1, weeks + 1):
        strength = drift.strength(number)
        positive_share = 0.5 - drift.label_shift * strength
        labels = tuple(int(rng.random() < positive_share) for _ in range(reviews_per_week))
        texts = tuple(
            review(rng, label, drift.slang * strength, drift.new_topics * strength)
            for label in labels
        )
        simulated.append(Week(number, texts, labels))
    return simulated
