"""Continuous training: when to retrain the deployed model, and what that does to its accuracy.

Each week the model in production labels that week's reviews. Two things are known then:
- the drift of the week's inputs (PSI of their words against the inputs the model was last
  trained or validated on): no labels needed, so it is known at once;
- the accuracy of earlier weeks, but only LABEL_DELAY_WEEKS late: labels (was the review
  really positive?) take that long to arrive. "No ground truth in production."

A policy looks at a Situation at the end of each week and says whether to retrain now. A
retrained model learns from the original training data plus the latest labelled weeks, and
serves from the next week on.
"""

from dataclasses import dataclass, field

from mlops_lab.drift import PSI_SIGNIFICANT, psi, token_distribution
from mlops_lab.sentiment import SentimentModel, load_production_model, load_training_data

LABEL_DELAY_WEEKS = 2
TRAINING_WINDOW_WEEKS = 6  # how many of the latest labelled weeks a retrained model learns from
REFERENCE_WEEKS = 2  # the first weeks in production: the inputs the model was validated on
ALERT_ACCURACY = 0.85  # below this, the model is failing its users


@dataclass(frozen=True)
class Situation:
    """What is known at the end of `week`, when a policy decides."""

    week: int
    drift: float  # PSI of this week's inputs against the current model's reference inputs
    weeks_since_training: int
    known_accuracy: dict  # {week: accuracy} of the weeks whose labels have arrived


def never(situation):
    """Keep the deployed model whatever happens."""
    return False


def every(weeks):
    """Retrain on a schedule: every `weeks` weeks."""

    def scheduled(situation):
        return situation.weeks_since_training >= weeks

    scheduled.__name__ = f"every {weeks} weeks"
    return scheduled


def on_drift(threshold=PSI_SIGNIFICANT):
    """Retrain as soon as the inputs drift past `threshold` (PSI)."""

    def triggered(situation):
        return situation.drift > threshold

    triggered.__name__ = f"on drift (PSI > {threshold})"
    return triggered


@dataclass
class Run:
    """One policy over the weeks: per week, the serving model's accuracy and the drift score."""

    policy: str
    accuracy: list = field(default_factory=list)
    drift: list = field(default_factory=list)
    retrained_after: list = field(default_factory=list)  # weeks at whose end it retrained


def retrain(labelled_weeks):
    """A new model: the original training data plus the labelled production weeks."""
    texts, labels = load_training_data()
    for week in labelled_weeks:
        texts, labels = texts + list(week.texts), labels + list(week.labels)
    return SentimentModel.train(texts, labels)


def reference_of(weeks):
    """The word distribution drift is measured against, and its vocabulary."""
    distribution = token_distribution(text for week in weeks for text in week.texts)
    return distribution, set(distribution)


def run_policy(weeks, policy):
    """Serve the weeks with the production model, retraining whenever `policy` says so."""
    run = Run(getattr(policy, "__name__", str(policy)))
    model = load_production_model()
    reference, vocabulary = reference_of(weeks[:REFERENCE_WEEKS])
    trained_at = 0
    for week in weeks:
        run.accuracy.append(model.score(week.texts, week.labels))
        run.drift.append(psi(reference, token_distribution(week.texts, vocabulary)))
        labelled = [w for w in weeks if w.number <= week.number - LABEL_DELAY_WEEKS]
        known = {w.number: run.accuracy[w.number - 1] for w in labelled}
        situation = Situation(week.number, run.drift[-1], week.number - trained_at, known)
        if labelled and policy(situation):
            recent = labelled[-TRAINING_WINDOW_WEEKS:]
            model = retrain(recent)
            reference, vocabulary = reference_of(recent)
            trained_at = week.number
            run.retrained_after.append(week.number)
    return run


def first_week_below(accuracy, threshold=ALERT_ACCURACY):
    """The first week (1-based) whose accuracy is under `threshold`, or None."""
    return next((number for number, a in enumerate(accuracy, start=1) if a < threshold), None)
