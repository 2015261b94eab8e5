package io.supplytwin.sim.scenario;

/**
 * Daily values of one run: mean approval time of the day's decisions (hours; NaN when none), cumulative bad-debt
 * rate (%), mean credit score of the day's applicants, and the share of firms short of cash.
 */
public record ScenarioSeries(double[] approvalHours, double[] badDebtPct, double[] creditScore, double[] shortOfCash) {
}
