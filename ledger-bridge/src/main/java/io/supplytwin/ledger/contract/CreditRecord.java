package io.supplytwin.ledger.contract;

/**
 * One enterprise's on-ledger credit history, the input of the historical credit Ch: financing cases opened,
 * repayments made on time and late, cases fully repaid (fulfilled) and defaults.
 */
public record CreditRecord(String enterpriseId, int contracts, int onTimeRepayments, int lateRepayments,
        int fulfilledContracts, int defaults, String updatedAt) {

    public static CreditRecord empty(String enterpriseId) {
        return new CreditRecord(enterpriseId, 0, 0, 0, 0, 0, null);
    }

    CreditRecord plus(int contractsDelta, int onTimeDelta, int lateDelta, int fulfilledDelta, int defaultsDelta, String at) {
        return new CreditRecord(enterpriseId, contracts + contractsDelta, onTimeRepayments + onTimeDelta,
                lateRepayments + lateDelta, fulfilledContracts + fulfilledDelta, defaults + defaultsDelta, at);
    }
}
