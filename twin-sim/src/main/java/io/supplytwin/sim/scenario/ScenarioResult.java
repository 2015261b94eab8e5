package io.supplytwin.sim.scenario;

/**
 * What one scenario run measured.
 *
 * @param seed               the run's random seed
 * @param applications       financing applications filed
 * @param approved           applications approved (decided within the run)
 * @param approvalMeanHours  mean time from application to decision
 * @param approvalP90Hours   90th percentile of that time
 * @param ratePct            principal-weighted annual interest rate of approved financing
 * @param badDebtPct         lender losses over principal lent, in percent
 * @param transparency       mean transparency index at decision time
 * @param auc                AUC of the credit score C for predicting the applicant's default within 90 days (NaN
 *                           without both outcomes)
 * @param defaultedOutcomes  scored applications followed by a default within 90 days
 * @param defaults           firms that defaulted during the run
 * @param lender             how the lender worked: the documented model, or the live services and their speed
 * @param scored             (C, 1 for a default within 90 days else 0) of every scored application, for pooling
 * @param series             daily time series for the plots
 */
public record ScenarioResult(Scenario scenario, long seed, int days, int applications, int approved, double approvalMeanHours,
                             double approvalP90Hours, double ratePct, double badDebtPct, double transparency, double auc,
                             int defaultedOutcomes, int defaults, double lentCny, String lender, double[][] scored,
                             ScenarioSeries series) {
}
