"""Lab: models degrade, code doesn't. The page's blocks are this file's sections, in order; the
tests at the end check what the page says about them."""

# --8<-- [start:simulate]
from mlops_lab.production import Drift, simulate_weeks

# Change the drift, run this block again, then the blocks below: they all use these weeks.
drift = Drift(
    starts_at_week=10,  # the first week reviewers write differently
    rate=0.25,  # how fast the change grows each week (full after four weeks)
    slang=0.8,  # at full drift, the share of sentiment words written as slang
    new_topics=0.0,  # the share of reviews about things the training data never mentions
    label_shift=0.0,  # how far the share of positive reviews falls from one half
)
weeks = simulate_weeks(weeks=30, reviews_per_week=120, drift=drift, seed=7)

for week in (weeks[0], weeks[-1]):
    print(f"Week {week.number}: " + " | ".join(week.texts[:3]))
# --8<-- [end:simulate]
# prints: Week 1: This ending is wonderful and the script is great | A wonderful plot and a wonderful movie | The plot was awful

# --8<-- [start:accuracy]
import pygal
from mlops_lab.retraining import (
    ALERT_ACCURACY,
    LABEL_DELAY_WEEKS,
    first_week_below,
    never,
    run_policy,
)

deployed = run_policy(weeks, never)  # the model as it was deployed, never retrained
falls_in = first_week_below(deployed.accuracy)
if falls_in is None:
    print(f"Accuracy never falls below {ALERT_ACCURACY}.")
else:
    print(f"Accuracy falls below {ALERT_ACCURACY} in week {falls_in}. Its labels arrive "
          f"{LABEL_DELAY_WEEKS} weeks late: the alert fires in week {falls_in + LABEL_DELAY_WEEKS}.")

chart = pygal.Line(title="Accuracy of the deployed model", x_title="Week", range=(0, 1),
                   x_labels_major_every=5, show_minor_x_labels=False)
chart.x_labels = [week.number for week in weeks]
chart.add("accuracy", deployed.accuracy)
chart.add(f"alert below {ALERT_ACCURACY}", [ALERT_ACCURACY] * len(weeks), show_dots=False,
          stroke_style={"dasharray": "6, 4"})
chart
# --8<-- [end:accuracy]
# prints: Accuracy falls below 0.85 in week 12. Its labels arrive 2 weeks late: the alert fires in week 14.

# --8<-- [start:detector]
import pygal
from mlops_lab.drift import PSI_SIGNIFICANT

# The detector needs no labels: it compares the words of each week's reviews with the words of
# the weeks the model was validated on (PSI over word frequencies).
fires_in = next((w.number for w, psi in zip(weeks, deployed.drift, strict=True) if psi > PSI_SIGNIFICANT), None)
print(f"The drift detector (PSI > {PSI_SIGNIFICANT}) fires in week {fires_in}.")

chart = pygal.Line(title="Drift of the inputs (PSI of their words)", x_title="Week",
                   x_labels_major_every=5, show_minor_x_labels=False)
chart.x_labels = [week.number for week in weeks]
chart.add("PSI", deployed.drift)
chart.add(f"significant above {PSI_SIGNIFICANT}", [PSI_SIGNIFICANT] * len(weeks),
          show_dots=False, stroke_style={"dasharray": "6, 4"})
chart
# --8<-- [end:detector]
# prints: The drift detector (PSI > 0.25) fires in week 10.

# --8<-- [start:retraining]
import pygal
from mlops_lab.drift import PSI_SIGNIFICANT
from mlops_lab.retraining import ALERT_ACCURACY, every, never, run_policy


def on_drift(situation):
    """Edit me. Retrain at the end of a week when this returns True. A situation has .week,
    .drift (this week's PSI), .weeks_since_training and .known_accuracy ({week: accuracy} of
    the weeks whose labels have arrived)."""
    return situation.drift > PSI_SIGNIFICANT


runs = [run_policy(weeks, policy) for policy in (never, every(8), on_drift)]
for run in runs:
    failing = sum(accuracy < ALERT_ACCURACY for accuracy in run.accuracy)
    print(f"{run.policy:>13}: {failing:2} of {len(weeks)} weeks below {ALERT_ACCURACY}, "
          f"retrained after weeks {run.retrained_after}")

chart = pygal.Line(title="Accuracy under three retraining policies", x_title="Week",
                   range=(0, 1), x_labels_major_every=5, show_minor_x_labels=False)
chart.x_labels = [week.number for week in weeks]
for run in runs:
    chart.add(run.policy, run.accuracy)
chart
# --8<-- [end:retraining]
# prints:         never: 19 of 30 weeks below 0.85, retrained after weeks []
# prints: every 8 weeks:  5 of 30 weeks below 0.85, retrained after weeks [8, 16, 24]
# prints:      on_drift:  1 of 30 weeks below 0.85, retrained after weeks [10, 11, 12, 13, 14, 15, 16, 17, 29]


# What the page says, checked (these tests are not shown on the page).
def test_the_deployed_model_degrades_once_reviewers_change():
    assert min(deployed.accuracy[: drift.starts_at_week - 1]) >= ALERT_ACCURACY
    assert max(deployed.accuracy[-10:]) < ALERT_ACCURACY


def test_the_detector_fires_before_the_accuracy_alert():
    assert fires_in is not None and falls_in is not None
    assert fires_in < falls_in + LABEL_DELAY_WEEKS


def test_retraining_on_drift_spends_fewer_weeks_failing_than_on_a_schedule():
    failing = {run.policy: sum(a < ALERT_ACCURACY for a in run.accuracy) for run in runs}
    assert failing["on_drift"] < failing["every 8 weeks"] < failing["never"]
