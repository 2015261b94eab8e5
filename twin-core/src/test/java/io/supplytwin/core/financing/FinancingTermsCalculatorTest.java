package io.supplytwin.core.financing;

import io.supplytwin.core.credit.CreditAssessment;
import io.supplytwin.core.credit.CreditCalculator;
import io.supplytwin.core.credit.CreditHistory;
import io.supplytwin.core.credit.ExplanationItem;
import io.supplytwin.core.network.Role;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FinancingTermsCalculatorTest {
    private final FinancingTermsCalculator calculator = new FinancingTermsCalculator();

    @Test
    void handWorkedStandardBandTerms() {
        CreditAssessment credit = new CreditCalculator().assess(Role.TIER_1, new CreditHistory(12, 0.90, 0.95, 1), 0.80, 0.20);
        FinancingTerms terms = calculator.terms(credit, 10_000_000, 0.20);
        // Lmax = 10,000,000 * 0.7961167 * (1 - 0.20)
        assertThat(terms.limit()).isCloseTo(10_000_000 * 0.7961166667 * 0.8, within(0.01));
        assertThat(terms.band()).isEqualTo(RateBand.STANDARD);
        assertThat(terms.annualRatePct()).isEqualTo(4.35);
        assertThat(terms.guaranteeRequired()).isFalse();
    }

    @Test
    void preferentialAndRiskBandsMoveTheRateByTheConfiguredPoints() {
        FinancingTerms good = calculator.terms(0.90, 5_000_000, 0.25);
        assertThat(good.limit()).isCloseTo(5_000_000 * 0.90 * 0.75, within(1e-6));
        assertThat(good.band()).isEqualTo(RateBand.PREFERENTIAL);
        assertThat(good.annualRatePct()).isCloseTo(3.85, within(1e-12));
        FinancingTerms weak = calculator.terms(0.45, 5_000_000, 0.25);
        assertThat(weak.band()).isEqualTo(RateBand.RISK_ALERT);
        assertThat(weak.riskAlert()).isTrue();
        assertThat(weak.guaranteeRequired()).isTrue();
        assertThat(weak.annualRatePct()).isCloseTo(5.85, within(1e-12));
        FinancingTermsCalculator custom = new FinancingTermsCalculator(new FinancingConfig(6.0, 1.0, 2.5, 0.8, 0.6));
        assertThat(custom.terms(0.9, 1, 0).annualRatePct()).isEqualTo(5.0);
        assertThat(custom.terms(0.5, 1, 0).annualRatePct()).isEqualTo(8.5);
    }

    @Test
    void bandEdgesAreExact() {
        assertThat(calculator.terms(0.8, 1, 0).band()).isEqualTo(RateBand.STANDARD);
        assertThat(calculator.terms(Math.nextUp(0.8), 1, 0).band()).isEqualTo(RateBand.PREFERENTIAL);
        assertThat(calculator.terms(0.6, 1, 0).band()).isEqualTo(RateBand.STANDARD);
        assertThat(calculator.terms(Math.nextDown(0.6), 1, 0).band()).isEqualTo(RateBand.RISK_ALERT);
        assertThat(calculator.terms(0.0, 1, 0).band()).isEqualTo(RateBand.RISK_ALERT);
        assertThat(calculator.terms(1.0, 1, 0).band()).isEqualTo(RateBand.PREFERENTIAL);
    }

    @Test
    void explanationShowsHowRevenueScoreAndIndustryRiskMakeTheLimit() {
        FinancingTerms terms = calculator.terms(0.75, 8_000_000, 0.2);
        List<ExplanationItem> limitItems = terms.explanation().stream()
                .filter(i -> i.outcome().equals(ExplanationItem.FINANCING_LIMIT)).toList();
        assertThat(limitItems).extracting(ExplanationItem::factor)
                .containsExactly("monthly_revenue", "credit_score", "industry_risk");
        assertThat(limitItems).extracting(ExplanationItem::contribution)
                .containsExactly(8_000_000.0, -2_000_000.0, -1_200_000.0);
        assertThat(limitItems.stream().mapToDouble(ExplanationItem::contribution).sum()).isCloseTo(terms.limit(), within(1e-6));
        assertThat(limitItems.get(2).sentence()).isEqualTo(
                "Industry risk R = 0.20 takes a further 20%, removing 1,200,000 CNY; the limit is 4,800,000 CNY.");
        List<ExplanationItem> rateItems = calculator.terms(0.5, 1, 0).explanation().stream()
                .filter(i -> i.outcome().equals(ExplanationItem.INTEREST_RATE)).toList();
        assertThat(rateItems.stream().mapToDouble(ExplanationItem::contribution).sum()).isCloseTo(5.85, within(1e-12));
        assertThat(rateItems.get(1).sentence()).contains("risk alert").contains("extra guarantee");
    }

    @Test
    void invalidInputsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> calculator.terms(1.01, 1, 0)).hasMessage("credit score C must be in [0, 1] but was 1.01");
        assertThatThrownBy(() -> calculator.terms(Double.NaN, 1, 0)).hasMessageContaining("credit score C");
        assertThatThrownBy(() -> calculator.terms(0.7, -5, 0)).hasMessageContaining("monthly revenue M");
        assertThatThrownBy(() -> calculator.terms(0.7, Double.POSITIVE_INFINITY, 0)).hasMessageContaining("monthly revenue M");
        assertThatThrownBy(() -> calculator.terms(0.7, 1, 1.5)).hasMessageContaining("industry risk R");
        assertThatThrownBy(() -> new FinancingConfig(4, 5, 1, 0.8, 0.6)).hasMessageContaining("preferential discount");
        assertThatThrownBy(() -> new FinancingConfig(4, 0.5, 1, 0.5, 0.6)).hasMessageContaining("thresholds");
    }

    @Test
    void configsWithTheSameSettingsAreEqual() {
        assertThat(new FinancingConfig(4.35, 0.5, 1.5, 0.8, 0.6)).isEqualTo(FinancingConfig.DEFAULT)
                .hasSameHashCodeAs(FinancingConfig.DEFAULT);
        assertThat(calculator.terms(0.7, 100, 0.1)).isEqualTo(calculator.terms(0.7, 100, 0.1))
                .isNotEqualTo(calculator.terms(0.7, 100, 0.2));
    }

    @Property
    void limitIsNeverNegativeAndNeverAboveMonthlyRevenue(@ForAll @DoubleRange(min = 0, max = 1) double c,
                                                        @ForAll @DoubleRange(min = 0, max = 1e12) double revenue,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double risk) {
        FinancingTerms terms = calculator.terms(c, revenue, risk);
        assertThat(terms.limit()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(revenue);
        assertThat(terms.guaranteeRequired()).isEqualTo(c < 0.6);
        assertThat(terms.band()).isEqualTo(c > 0.8 ? RateBand.PREFERENTIAL : c >= 0.6 ? RateBand.STANDARD : RateBand.RISK_ALERT);
    }

    @Property
    void higherCreditNeverGivesALowerLimitOrAHigherRate(@ForAll @DoubleRange(min = 0, max = 1) double c,
                                                       @ForAll @DoubleRange(min = 0, max = 1) double d) {
        FinancingTerms low = calculator.terms(Math.min(c, d), 1_000_000, 0.2);
        FinancingTerms high = calculator.terms(Math.max(c, d), 1_000_000, 0.2);
        assertThat(high.limit()).isGreaterThanOrEqualTo(low.limit());
        assertThat(high.annualRatePct()).isLessThanOrEqualTo(low.annualRatePct());
    }
}
