package io.supplytwin.core.financing;

import io.supplytwin.core.credit.ExplanationItem;

import java.util.List;
import java.util.Locale;

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
        String bandSentence = switch (band) {
            case PREFERENTIAL -> String.format(Locale.ROOT,
                    "Credit score %.3f is above %.2f: preferential band, %.2f points off the base rate.",
                    creditScore, config.preferentialAbove(), config.preferentialDiscountPct());
            case STANDARD -> String.format(Locale.ROOT,
                    "Credit score %.3f is within [%.2f, %.2f]: standard band at the base rate.",
                    creditScore, config.riskBelow(), config.preferentialAbove());
            case RISK_ALERT -> String.format(Locale.ROOT,
                    "Credit score %.3f is below %.2f: risk alert, %.2f points premium and an extra guarantee required.",
                    creditScore, config.riskBelow(), config.riskPremiumPct());
        };
        return List.of(
                new ExplanationItem(limitOutcome, "monthly_revenue", monthlyRevenue, monthlyRevenue,
                        String.format(Locale.ROOT, "Average monthly revenue M = %,.0f CNY is the starting point.",
                                monthlyRevenue)),
                new ExplanationItem(limitOutcome, "credit_score", creditScore, creditCut,
                        String.format(Locale.ROOT, "Credit score C = %.3f keeps %.1f%% of it, removing %,.0f CNY.",
                                creditScore, 100 * creditScore, -creditCut)),
                new ExplanationItem(limitOutcome, "industry_risk", industryRisk, riskCut,
                        String.format(Locale.ROOT,
                                "Industry risk R = %.2f takes a further %.0f%%, removing %,.0f CNY; the limit is %,.0f CNY.",
                                industryRisk, 100 * industryRisk, -riskCut, limit)),
                new ExplanationItem(ExplanationItem.INTEREST_RATE, "base_rate", config.baseRatePct(),
                        config.baseRatePct(), String.format(Locale.ROOT, "The base annual rate is %.2f%%.",
                                config.baseRatePct())),
                new ExplanationItem(ExplanationItem.INTEREST_RATE, "rate_band", creditScore,
                        annualRatePct - config.baseRatePct(), bandSentence));
    }
}
