package io.supplytwin.core.financing;

/** Interest rate band by credit score. */
public enum RateBand {
    /** C above the preferential threshold (0.8): base rate minus the discount. */
    PREFERENTIAL,
    /** C from the risk threshold (0.6) up to and including the preferential threshold (0.8): base rate. */
    STANDARD,
    /** C below the risk threshold (0.6): base rate plus a premium, a risk alert, and an extra guarantee. */
    RISK_ALERT
}
