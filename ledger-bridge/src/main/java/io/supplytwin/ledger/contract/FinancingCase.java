package io.supplytwin.ledger.contract;

import java.util.ArrayList;
import java.util.List;

/** A financing case in the world state: who applied, where it is in the lifecycle, money moved, and its history. */
public record FinancingCase(String contractId, String enterpriseId, String applicantMsp, FinancingState state,
        double requested, CreditCredential credential, double funded, double repaid, List<CaseEvent> history) {

    public FinancingCase {
        history = List.copyOf(history);
    }

    public double outstanding() {
        return Math.max(0, funded - repaid);
    }

    FinancingCase with(FinancingState next, CreditCredential cred, double fundedNow, double repaidNow, CaseEvent event) {
        List<CaseEvent> h = new ArrayList<>(history);
        h.add(event);
        return new FinancingCase(contractId, enterpriseId, applicantMsp, next, requested, cred, fundedNow, repaidNow, h);
    }
}
