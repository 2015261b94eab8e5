package io.supplytwin.core.financing;

/**
 * Rate bands and prices for financing terms. Rates are annual, in percent.
 *
 * @param baseRatePct             rate of the standard band
 * @param preferentialDiscountPct percentage points off the base rate above {@code preferentialAbove}
 * @param riskPremiumPct          percentage points on top of the base rate below {@code riskBelow}
 * @param preferentialAbove       C strictly above this is preferential (0.8)
 * @param riskBelow               C strictly below this is a risk alert (0.6)
 */
public record FinancingConfig(double baseRatePct, double preferentialDiscountPct, double riskPremiumPct,
                              double preferentialAbove, double riskBelow) {

    /** Base 4.35% (a common one-year benchmark lending rate), 0.5 points off, 1.5 points on. */
    public static final FinancingConfig DEFAULT = new FinancingConfig(4.35, 0.5, 1.5, 0.8, 0.6);

    public FinancingConfig {
        if (!(baseRatePct >= 0) || !Double.isFinite(baseRatePct)) {
            throw new IllegalArgumentException("base rate must be a non-negative number but was " + baseRatePct);
        }
        if (!(preferentialDiscountPct >= 0 && preferentialDiscountPct <= baseRatePct)) {
            throw new IllegalArgumentException("preferential discount must be between 0 and the base rate but was "
                    + preferentialDiscountPct);
        }
        if (!(riskPremiumPct >= 0) || !Double.isFinite(riskPremiumPct)) {
            throw new IllegalArgumentException("risk premium must be a non-negative number but was " + riskPremiumPct);
        }
        if (!(riskBelow > 0 && riskBelow <= preferentialAbove && preferentialAbove < 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < riskBelow <= preferentialAbove < 1 but were "
                    + riskBelow + " and " + preferentialAbove);
        }
    }

    public RateBand band(double creditScore) {
        if (creditScore > preferentialAbove) {
            return RateBand.PREFERENTIAL;
        }
        return creditScore >= riskBelow ? RateBand.STANDARD : RateBand.RISK_ALERT;
    }

    public double ratePct(RateBand band) {
        return switch (band) {
            case PREFERENTIAL -> baseRatePct - preferentialDiscountPct;
            case STANDARD -> baseRatePct;
            case RISK_ALERT -> baseRatePct + riskPremiumPct;
        };
    }
}
