package io.supplytwin.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.core.network.Enterprise;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.ExplanationItem;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.RateBand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CreditJoinTest {

    private static final String SUPPLIER = "t1-04";

    private final TwinDriver twin = new TwinDriver();
    private final TestOutputTopic<String, CreditAssessment> credit = twin.output(twin.topics.credit());

    @AfterEach
    void close() {
        twin.close();
    }

    private double healthAfter(Map<String, Double> values) {
        twin.enterprise(SUPPLIER, Duration.ZERO, values);
        return twin.output(twin.topics.health()).readValue().getH();
    }

    @Test
    void withoutAForecastPFallsBackToHealthAndSaysSo() {
        double h = healthAfter(TwinDriver.healthy());

        CreditAssessment c = credit.readValue();
        assertThat(c.getPSource()).isEqualTo(ProbabilitySource.FALLBACK);
        assertThat(c.getP()).isCloseTo(1 - h, within(1e-9));
        assertThat(c.getA()).isZero();
        assertThat(c.getC()).isCloseTo(0.65 * h + 0.35 * (1 - c.getP()), within(1e-9));
        assertThat(c.getRateBand()).isEqualTo(RateBand.PREFERENTIAL);
        assertThat(c.getAlerts()).contains("P_FALLBACK");
        assertThat(c.getExplanation()).extracting(ExplanationItem::getFactor).contains("risk_probability_source",
                "credit_score/health_index", "financing_limit/monthly_revenue", "interest_rate/rate_band");
        Enterprise known = TwinDriver.NETWORK.enterprise(SUPPLIER).orElseThrow();
        assertThat(c.getMonthlyRevenue()).isEqualTo(known.monthlyRevenue());
        assertThat(c.getIndustryRisk()).isEqualTo(known.industry().riskCoefficient());
        assertThat(c.getLmax()).isCloseTo(known.monthlyRevenue() * c.getC() * (1 - c.getIndustryRisk()), within(1e-3));
    }

    @Test
    void aRiskForecastReplacesTheFallbackAndReassessesAtOnce() {
        double h = healthAfter(TwinDriver.healthy());
        credit.readValue();
        twin.risk(SUPPLIER, Duration.ofMinutes(1), 0.4);

        CreditAssessment c = credit.readValue();
        assertThat(c.getPSource()).isEqualTo(ProbabilitySource.MODEL);
        assertThat(c.getP()).isEqualTo(0.4);
        assertThat(c.getCr()).isCloseTo(0.65 * h + 0.35 * 0.6, within(1e-9));
        assertThat(c.getAlerts()).doesNotContain("P_FALLBACK");
    }

    @Test
    void aStaleForecastIsNotUsed() {
        twin.risk(SUPPLIER, Duration.ZERO, 0.4);
        twin.enterprise(SUPPLIER, Duration.ofDays(3), TwinDriver.healthy());

        assertThat(credit.readValue().getPSource()).isEqualTo(ProbabilitySource.FALLBACK);
    }

    @Test
    void ledgerHistoryGivesHistoryAWeightAndCanPullCreditDown() {
        healthAfter(TwinDriver.healthy());
        CreditAssessment before = credit.readValue();
        twin.history(SUPPLIER, 12, 6, 6, 8, 3);

        CreditAssessment after = credit.readValue();
        assertThat(after.getA()).isCloseTo(0.4 * 12 / 24.0, within(1e-9)); // tier-1 cap 0.4, half weight at 12
        assertThat(after.getCh()).isGreaterThan(0).isLessThan(before.getCr());
        assertThat(after.getC()).isLessThan(before.getC());
        assertThat(after.getExplanation()).extracting(ExplanationItem::getFactor)
                .contains("credit_score/on_time_repayment_rate", "credit_score/defaults");
        // the ledger table's cache hands the update to the enterprise twins while the task commits; their write-behind
        // is flushed after it (stores flush in topological order), so the commit that took the update also stored it
        assertThat(twin.enterprises().get(SUPPLIER).history().getContracts()).isEqualTo(12);
        assertThat(twin.enterprises().get(SUPPLIER).credit()).isEqualTo(after);
    }

    @Test
    void reportedMonthlyRevenueOverridesTheNetworkModel() {
        healthAfter(TwinDriver.with(TwinDriver.healthy(), "revenue_cny_month", 2_000_000.0));

        assertThat(credit.readValue().getMonthlyRevenue()).isEqualTo(2_000_000.0);
    }

    @Test
    void historyOrRiskBeforeAnyHealthWaitsForIt() {
        twin.history(SUPPLIER, 3, 3, 0, 3, 0);
        twin.risk(SUPPLIER, Duration.ZERO, 0.2);
        assertThat(credit.isEmpty()).isTrue();

        twin.enterprise(SUPPLIER, Duration.ofMinutes(1), TwinDriver.healthy());
        CreditAssessment c = credit.readValue();
        assertThat(c.getPSource()).isEqualTo(ProbabilitySource.MODEL);
        assertThat(c.getA()).isGreaterThan(0);
        List<HealthIndex> health = twin.output(twin.topics.health()).readValuesToList();
        assertThat(c.getH()).isEqualTo(health.get(0).getH());
    }
}
