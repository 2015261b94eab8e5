package io.supplytwin.ledger.identity;

import java.util.Map;

/**
 * The endorsement policy of each financing transaction. Money and credit decisions need the bank and the core
 * enterprise (whose credit the chain leans on); opening a case needs the core enterprise to confirm the trade.
 */
public final class EndorsementPolicies {

    public static final EndorsementPolicy BANK_AND_CORE = EndorsementPolicy.allOf(Org.BANK, Org.CORE);
    public static final EndorsementPolicy CORE_OR_BANK = EndorsementPolicy.anyOf(Org.CORE, Org.BANK);

    private static final Map<String, EndorsementPolicy> BY_FUNCTION = Map.of(
            "application:apply", CORE_OR_BANK,
            "evaluation:evaluate", BANK_AND_CORE,
            "evaluation:approve", BANK_AND_CORE,
            "evaluation:reject", BANK_AND_CORE,
            "allocation:fund", BANK_AND_CORE,
            "repayment:repay", BANK_AND_CORE,
            "repayment:markOverdue", BANK_AND_CORE,
            "repayment:declareDefault", BANK_AND_CORE);

    private EndorsementPolicies() {
    }

    /** The policy of {@code contract:function}; anything not listed needs the bank and the core enterprise. */
    public static EndorsementPolicy of(String contract, String function) {
        return BY_FUNCTION.getOrDefault(contract + ":" + function, BANK_AND_CORE);
    }
}
