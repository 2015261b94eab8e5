package io.supplytwin.core.financing;

import io.supplytwin.core.credit.ExplanationItem;

import java.util.List;

import static io.supplytwin.core.credit.ExplanationFormat.fixed;
import static io.supplytwin.core.credit.ExplanationFormat.grouped;

/**
 * What a lender offers: the limit Lmax = M·C·(1−R), the rate band and the annual rate.
 *
 * @param creditScore       C
 * @param monthlyRevenue    M in CNY
 * @param industryRisk      R in [0, 1]
 * @param limit             Lmax in CNY
 * @param guaranteeRequired true in the risk-alert band
 */
public record FinancingTerms(double creditScore, double monthlyRevenue, double industryRisk, double limit,
                             RateBand band, double annualRatePct, boolean guaranteeRequired, FinancingConfig config) {

    /** Risk alert: the band below 0.6, which also asks for an extra guarantee. */
    public boolean riskAlert() {
        return band == RateBand.RISK_ALERT;
    }

    /**
     * Why the limit and rate are what they are. Limit contributions are in CNY and add up to Lmax; rate
     * contributions are in percentage points and add up to the annual rate.
     */
    public List<ExplanationItem> explanation() {
        String limitOutcome = ExplanationItem.FINANCING_LIMIT;
        double creditCut = -monthlyRevenue * (1 - creditScore);
        double riskCut = -monthlyRevenue * creditScore * industryRisk;
        String score = fixed(creditScore, 3);
        String bandSentence = switch (band) {
            case PREFERENTIAL -> "Credit score " + score + " is above " + fixed(config.preferentialAbove(), 2)
                    + ": preferential band, " + fixed(config.preferentialDiscountPct(), 2) + " points off the base rate.";
            case STANDARD -> "Credit score " + score + " is within [" + fixed(config.riskBelow(), 2) + ", "
                    + fixed(config.preferentialAbove(), 2) + "]: standard band at the base rate.";
            case RISK_ALERT -> "Credit score " + score + " is below " + fixed(config.riskBelow(), 2) + ": risk alert, "
                    + fixed(config.riskPremiumPct(), 2) + " points premium and an extra guarantee required.";
        };
        return List.of(
                new ExplanationItem(limitOutcome, "monthly_revenue", monthlyRevenue, monthlyRevenue,
                        "Average monthly revenue M = " + grouped(monthlyRevenue, 0) + " CNY is the starting point."),
                new ExplanationItem(limitOutcome, "credit_score", creditScore, creditCut,
                        "Credit score C = " + score + " keeps " + fixed(100 * creditScore, 1) + "% of it, removing "
                                + grouped(-creditCut, 0) + " CNY."),
                new ExplanationItem(limitOutcome, "industry_risk", industryRisk, riskCut,
                        "Industry risk R = " + fixed(industryRisk, 2) + " takes a further " + fixed(100 * industryRisk, 0)
                                + "%, removing " + grouped(-riskCut, 0) + " CNY; the limit is " + grouped(limit, 0)
                                + " CNY."),
                new ExplanationItem(ExplanationItem.INTEREST_RATE, "base_rate", config.baseRatePct(),
                        config.baseRatePct(), "The base annual rate is " + fixed(config.baseRatePct(), 2) + "%."),
                new ExplanationItem(ExplanationItem.INTEREST_RATE, "rate_band", creditScore,
                        annualRatePct - config.baseRatePct(), bandSentence));
    }
}
