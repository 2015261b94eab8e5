package io.supplytwin.core.credit;

import io.supplytwin.core.network.Role;

/**
 * Parameters of the credit model C = a·Ch + (1−a)·Cr, Cr = β·H + (1−β)·(1−P).
 *
 * @param beta                 β, weight of current health against the risk outlook in Cr (seed 001: 0.65)
 * @param coreHistoryCap       largest a for a core enterprise
 * @param tier1HistoryCap      largest a for a tier-1 supplier
 * @param tier2HistoryCap      largest a for a tier-2 supplier
 * @param historyHalfWeight    number of past contracts at which a reaches half its cap: a = cap·n/(n + this)
 * @param onTimeWeight         weight of the on-time repayment rate in Ch
 * @param fulfilmentWeight     weight of the contract fulfilment rate in Ch
 * @param defaultFreeWeight    weight of the default-free share of contracts in Ch
 * @param defaultPenalty       each default multiplies Ch by (1 − this)
 */
public record CreditConfig(double beta, double coreHistoryCap, double tier1HistoryCap, double tier2HistoryCap,
                           double historyHalfWeight, double onTimeWeight, double fulfilmentWeight,
                           double defaultFreeWeight, double defaultPenalty) {

    public static final CreditConfig DEFAULT = new CreditConfig(0.65, 0.5, 0.4, 0.3, 12, 0.5, 0.3, 0.2, 0.15);

    public CreditConfig {
        CreditCalculator.requireUnit("beta", beta);
        CreditCalculator.requireUnit("core history cap", coreHistoryCap);
        CreditCalculator.requireUnit("tier-1 history cap", tier1HistoryCap);
        CreditCalculator.requireUnit("tier-2 history cap", tier2HistoryCap);
        CreditCalculator.requireUnit("default penalty", defaultPenalty);
        if (!(historyHalfWeight > 0) || !Double.isFinite(historyHalfWeight)) {
            throw new IllegalArgumentException("history half weight must be positive but was " + historyHalfWeight);
        }
        double sum = onTimeWeight + fulfilmentWeight + defaultFreeWeight;
        if (onTimeWeight < 0 || fulfilmentWeight < 0 || defaultFreeWeight < 0 || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("history weights must be non-negative and sum to 1 but sum to " + sum);
        }
    }

    public double historyCap(Role role) {
        return switch (role) {
            case CORE -> coreHistoryCap;
            case TIER_1 -> tier1HistoryCap;
            case TIER_2 -> tier2HistoryCap;
        };
    }

    /** Ch before the default penalty: the weighted on-time, fulfilment and default-free shares. */
    public double historyBase(CreditHistory history) {
        return onTimeWeight * history.onTimeRepaymentRate() + fulfilmentWeight * history.fulfilmentRate()
                + defaultFreeWeight * history.defaultFreeShare();
    }

    /** (1 − penalty)^defaults. */
    public double defaultMultiplier(CreditHistory history) {
        return Math.pow(1 - defaultPenalty, history.defaults());
    }
}
