package io.supplytwin.core.financing;

import io.supplytwin.core.credit.CreditAssessment;

import java.util.Objects;

/** Financing limit and rate from a credit score. Pure and thread-safe. */
public final class FinancingTermsCalculator {
    private final FinancingConfig config;

    public FinancingTermsCalculator() {
        this(FinancingConfig.DEFAULT);
    }

    public FinancingTermsCalculator(FinancingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public FinancingConfig config() {
        return config;
    }

    public FinancingTerms terms(CreditAssessment credit, double monthlyRevenue, double industryRisk) {
        return terms(credit.c(), monthlyRevenue, industryRisk);
    }

    /**
     * @param creditScore    C in [0, 1]
     * @param monthlyRevenue M, average monthly revenue in CNY, finite and not negative
     * @param industryRisk   R in [0, 1]
     * @throws IllegalArgumentException for inputs outside those ranges
     */
    public FinancingTerms terms(double creditScore, double monthlyRevenue, double industryRisk) {
        if (!(creditScore >= 0 && creditScore <= 1)) {
            throw new IllegalArgumentException("credit score C must be in [0, 1] but was " + creditScore);
        }
        if (!(monthlyRevenue >= 0) || !Double.isFinite(monthlyRevenue)) {
            throw new IllegalArgumentException("monthly revenue M must be a finite non-negative amount but was "
                    + monthlyRevenue);
        }
        if (!(industryRisk >= 0 && industryRisk <= 1)) {
            throw new IllegalArgumentException("industry risk R must be in [0, 1] but was " + industryRisk);
        }
        double limit = monthlyRevenue * creditScore * (1 - industryRisk);
        RateBand band = config.band(creditScore);
        return new FinancingTerms(creditScore, monthlyRevenue, industryRisk, limit, band, config.ratePct(band),
                band == RateBand.RISK_ALERT, config);
    }
}
