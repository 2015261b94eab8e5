package io.supplytwin.core.credit;

/**
 * An enterprise's financing record from the ledger.
 *
 * @param contracts           financing contracts concluded so far
 * @param onTimeRepaymentRate share of repayments made by their due date, in [0, 1]
 * @param fulfilmentRate      share of contracts fulfilled as agreed, in [0, 1]
 * @param defaults            contracts in default, at most {@code contracts}
 */
public record CreditHistory(int contracts, double onTimeRepaymentRate, double fulfilmentRate, int defaults) {
    /** An enterprise with no financing record yet. */
    public static final CreditHistory NONE = new CreditHistory(0, 0, 0, 0);

    public CreditHistory {
        if (contracts < 0) {
            throw new IllegalArgumentException("number of past contracts must not be negative but was " + contracts);
        }
        CreditCalculator.requireUnit("on-time repayment rate", onTimeRepaymentRate);
        CreditCalculator.requireUnit("contract fulfilment rate", fulfilmentRate);
        if (defaults < 0 || defaults > contracts) {
            throw new IllegalArgumentException("defaults must be between 0 and the number of contracts (" + contracts
                    + ") but was " + defaults);
        }
    }

    public boolean isEmpty() {
        return contracts == 0;
    }

    /** Share of contracts without a default; 1 when there are none. */
    public double defaultFreeShare() {
        return contracts == 0 ? 1 : 1 - (double) defaults / contracts;
    }
}
