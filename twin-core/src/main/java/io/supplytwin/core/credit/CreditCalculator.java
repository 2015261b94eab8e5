package io.supplytwin.core.credit;

import io.supplytwin.core.network.Role;

import java.util.Objects;

/**
 * Credit score C = a·Ch + (1−a)·Cr with Cr = β·H + (1−β)·(1−P).
 * <ul>
 *   <li>Ch, from the ledger: (w₁·on-time repayment + w₂·fulfilment + w₃·default-free share) × (1 − penalty)^defaults</li>
 *   <li>a = cap(role) · n / (n + n½): no history gives a = 0, and a never exceeds the role's cap</li>
 *   <li>P is the predicted probability of a risk event in the next 30 days, so it enters as 1 − P</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class CreditCalculator {
    private final CreditConfig config;

    public CreditCalculator() {
        this(CreditConfig.DEFAULT);
    }

    public CreditCalculator(CreditConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public CreditConfig config() {
        return config;
    }

    /**
     * @param health H in [0, 1]
     * @param risk   P in [0, 1], predicted probability of a risk event in the next 30 days
     * @throws IllegalArgumentException when H or P is outside [0, 1] or not a number
     */
    public CreditAssessment assess(Role role, CreditHistory history, double health, double risk) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(history, "history");
        requireUnit("health H", health);
        requireUnit("risk probability P", risk);
        double a = historyWeight(role, history);
        double ch = historicalCredit(history);
        double cr = config.beta() * health + (1 - config.beta()) * (1 - risk);
        double c = clampUnit(a * ch + (1 - a) * cr);
        return new CreditAssessment(role, history, health, risk, config, a, ch, clampUnit(cr), c);
    }

    /** a = cap(role) · n / (n + n½); 0 without history. */
    public double historyWeight(Role role, CreditHistory history) {
        double n = history.contracts();
        return config.historyCap(role) * n / (n + config.historyHalfWeight());
    }

    /** Ch in [0, 1]; 0 without history (it then carries no weight). */
    public double historicalCredit(CreditHistory history) {
        if (history.isEmpty()) {
            return 0;
        }
        return clampUnit(config.historyBase(history) * config.defaultMultiplier(history));
    }

    static void requireUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1] but was " + value);
        }
    }

    /** Keeps sums of unit values inside [0, 1] despite floating-point rounding. */
    static double clampUnit(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
