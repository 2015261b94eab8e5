package io.supplytwin.ledger.contract;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of one financing case: APPLIED → EVALUATED → APPROVED | REJECTED → FUNDED → REPAYING → REPAID, or
 * → OVERDUE → DEFAULTED. An overdue case may still be repaid (late); REJECTED, REPAID and DEFAULTED are final.
 */
public enum FinancingState {
    APPLIED, EVALUATED, APPROVED, REJECTED, FUNDED, REPAYING, REPAID, OVERDUE, DEFAULTED;

    /** What a transaction asks to do to a case. */
    public enum Action { APPLY, EVALUATE, APPROVE, REJECT, FUND, REPAY, MARK_OVERDUE, DEFAULT }

    private static final Map<Action, Set<FinancingState>> ALLOWED_FROM = Map.of(
            Action.EVALUATE, Set.of(APPLIED),
            Action.APPROVE, Set.of(EVALUATED),
            Action.REJECT, Set.of(EVALUATED),
            Action.FUND, Set.of(APPROVED),
            Action.REPAY, Set.of(FUNDED, REPAYING, OVERDUE),
            Action.MARK_OVERDUE, Set.of(FUNDED, REPAYING),
            Action.DEFAULT, Set.of(OVERDUE));

    public boolean isFinal() {
        return this == REJECTED || this == REPAID || this == DEFAULTED;
    }

    /**
     * The state after {@code action}, or empty when the lifecycle does not allow it from here.
     *
     * @param fullyRepaid for REPAY: whether this repayment clears what is owed
     */
    public Optional<FinancingState> after(Action action, boolean fullyRepaid) {
        Set<FinancingState> from = ALLOWED_FROM.get(action);
        if (from == null || !from.contains(this)) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case EVALUATE -> EVALUATED;
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case FUND -> FUNDED;
            case REPAY -> fullyRepaid ? REPAID : REPAYING;
            case MARK_OVERDUE -> OVERDUE;
            case DEFAULT -> DEFAULTED;
            case APPLY -> throw new IllegalStateException("APPLY creates a case");
        });
    }
}
