"""Continuous training on simulated production weeks, with the lab's default parameters."""

from mlops_lab.drift import PSI_SIGNIFICANT
from mlops_lab.production import NO_DRIFT, Drift, simulate_weeks
from mlops_lab.retraining import (
    ALERT_ACCURACY,
    LABEL_DELAY_WEEKS,
    every,
    first_week_below,
    never,
    on_drift,
    run_policy,
)

DRIFT = Drift()  # the defaults the lab starts from
WEEKS = simulate_weeks(drift=DRIFT)
RECOVERY_WEEKS = 4  # triggered retraining must restore accuracy within this many weeks


def test_without_retraining_accuracy_falls_below_the_alert_and_stays_there():
    run = run_policy(WEEKS, never)
    assert first_week_below(run.accuracy) >= DRIFT.starts_at_week
    assert max(run.accuracy[DRIFT.starts_at_week + RECOVERY_WEEKS :]) < ALERT_ACCURACY
    assert run.retrained_after == []


def test_the_drift_detector_fires_before_accuracy_can_be_measured():
    run = run_policy(WEEKS, never)
    fired = next(number for number, psi in enumerate(run.drift, 1) if psi > PSI_SIGNIFICANT)
    assert max(run.drift[: DRIFT.starts_at_week - 1]) < PSI_SIGNIFICANT  # no false alarm first
    assert fired < first_week_below(run.accuracy) + LABEL_DELAY_WEEKS


def test_triggered_retraining_recovers_within_a_few_weeks_of_drift_onset():
    run = run_policy(WEEKS, on_drift())
    recovered_by = DRIFT.starts_at_week + RECOVERY_WEEKS
    assert min(run.accuracy[recovered_by - 1 :]) >= ALERT_ACCURACY
    assert run.retrained_after[0] == DRIFT.starts_at_week


def test_scheduled_retraining_recovers_only_at_its_next_date():
    run = run_policy(WEEKS, every(8))
    assert run.retrained_after == [8, 16, 24]
    assert min(run.accuracy[16:]) >= ALERT_ACCURACY  # served by the model retrained after week 16
    failing = sum(accuracy < ALERT_ACCURACY for accuracy in run.accuracy)
    assert failing > sum(a < ALERT_ACCURACY for a in run_policy(WEEKS, on_drift()).accuracy)


def test_a_policy_sees_only_labels_that_have_arrived():
    seen = []

    def watching(situation):
        seen.append((situation.week, sorted(situation.known_accuracy)))
        return False

    run_policy(simulate_weeks(weeks=5, drift=NO_DRIFT), watching)
    # Asked only once there is something to retrain on: week 3, when week 1's labels arrive.
    assert seen == [(3, [1]), (4, [1, 2]), (5, [1, 2, 3])]
