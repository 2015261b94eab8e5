package io.supplytwin.sim.scenario;

/**
 * What one scenario run measured.
 *
 * @param applications       financing applications filed
 * @param approved           applications approved
 * @param approvalMeanHours  mean time from application to decision
 * @param approvalP90Hours   90th percentile of that time
 * @param ratePct            principal-weighted annual interest rate of approved financing
 * @param badDebtPct         lender losses over principal lent, in percent
 * @param transparency       mean transparency index at decision time
 * @param auc                AUC of the credit score C for predicting distress within 90 days (NaN without both classes)
 * @param series             daily time series for the plots
 */
public record ScenarioResult(Scenario scenario, int days, int applications, int approved, double approvalMeanHours,
                             double approvalP90Hours, double ratePct, double badDebtPct, double transparency, double auc,
                             int distressed, double lentCny, ScenarioSeries series) {
}
