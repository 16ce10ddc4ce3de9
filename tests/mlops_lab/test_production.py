"""The production simulator: deterministic weeks whose words drift as the Drift says."""

from mlops_lab.production import (
    NEGATIVE_SLANG,
    NEW_TOPICS,
    NO_DRIFT,
    POSITIVE_SLANG,
    Drift,
    simulate_weeks,
)
from mlops_lab.sentiment import tokenize

SLANG = set(POSITIVE_SLANG) | set(NEGATIVE_SLANG)


def words(week):
    return [token for text in week.texts for token in tokenize(text)]


def test_the_same_seed_gives_the_same_reviews():
    assert simulate_weeks(seed=3) == simulate_weeks(seed=3)
    assert simulate_weeks(seed=3) != simulate_weeks(seed=4)


def test_drift_grows_from_its_first_week_until_it_is_full():
    drift = Drift(starts_at_week=5, rate=0.25)
    assert [drift.strength(week) for week in (4, 5, 6, 8, 20)] == [0, 0.25, 0.5, 1.0, 1.0]


def test_slang_appears_only_once_the_drift_starts():
    weeks = simulate_weeks(weeks=20, drift=Drift(starts_at_week=10, rate=1.0, slang=0.8))
    assert not SLANG & set(words(weeks[8]))
    slang_share = sum(token in SLANG for token in words(weeks[15])) / len(words(weeks[15]))
    assert slang_share > 0.2


def test_new_topics_and_label_shift_change_what_they_say():
    weeks = simulate_weeks(weeks=12, drift=Drift(starts_at_week=1, rate=1.0, slang=0.0,
                                                  new_topics=1.0, label_shift=0.3))  # fmt: skip
    assert all(any(topic in text for topic in NEW_TOPICS) for text in weeks[-1].texts)
    assert 0.1 < sum(weeks[-1].labels) / len(weeks[-1].labels) < 0.3


def test_without_drift_every_week_reads_like_the_first():
    weeks = simulate_weeks(weeks=8, drift=NO_DRIFT)
    assert not SLANG & {token for week in weeks for token in words(week)}
