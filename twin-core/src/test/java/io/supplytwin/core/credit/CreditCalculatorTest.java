package io.supplytwin.core.credit;

import io.supplytwin.core.network.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CreditCalculatorTest {
    private final CreditCalculator calculator = new CreditCalculator();

    @Test
    void handWorkedTier1SupplierWithAYearOfHistoryAndOneDefault() {
        CreditHistory history = new CreditHistory(12, 0.90, 0.95, 1);
        CreditAssessment credit = calculator.assess(Role.TIER_1, history, 0.80, 0.20);
        // a = 0.4 * 12 / (12 + 12) = 0.2
        assertThat(credit.a()).isCloseTo(0.2, within(1e-12));
        // Ch = (0.5*0.90 + 0.3*0.95 + 0.2*(11/12)) * 0.85 = 0.9183333 * 0.85
        assertThat(credit.ch()).isCloseTo(0.9183333333 * 0.85, within(1e-9));
        // Cr = 0.65*0.80 + 0.35*(1-0.20) = 0.52 + 0.28
        assertThat(credit.cr()).isCloseTo(0.80, within(1e-12));
        // C = 0.2*0.7805833 + 0.8*0.80
        assertThat(credit.c()).isCloseTo(0.1561166667 + 0.64, within(1e-9));
    }

    @Test
    void withoutHistoryTheScoreRestsOnLiveOperationsOnly() {
        CreditAssessment credit = calculator.assess(Role.TIER_2, CreditHistory.NONE, 0.90, 0.10);
        assertThat(credit.a()).isZero();
        // C = Cr = 0.65*0.90 + 0.35*0.90
        assertThat(credit.c()).isCloseTo(0.90, within(1e-12));
        assertThat(credit.explanation()).first().satisfies(item -> {
            assertThat(item.factor()).isEqualTo("history_weight");
            assertThat(item.sentence()).contains("No financing contracts");
        });
    }

    @Test
    void historyWeightGrowsWithContractsButNeverPassesTheRoleCap() {
        CreditHistory lots = new CreditHistory(10_000, 1, 1, 0);
        assertThat(calculator.historyWeight(Role.CORE, lots)).isLessThan(0.5).isGreaterThan(0.499);
        assertThat(calculator.historyWeight(Role.TIER_1, lots)).isLessThan(0.4);
        assertThat(calculator.historyWeight(Role.TIER_2, lots)).isLessThan(0.3);
        assertThat(calculator.historyWeight(Role.TIER_2, new CreditHistory(3, 1, 1, 0)))
                .isCloseTo(0.3 * 3 / 15, within(1e-12));
        assertThat(calculator.historyWeight(Role.CORE, new CreditHistory(12, 1, 1, 0))).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theSeedsPositiveRiskTermWouldRewardRiskOursPenalisesIt() {
        CreditAssessment calm = calculator.assess(Role.TIER_1, CreditHistory.NONE, 0.7, 0.05);
        CreditAssessment risky = calculator.assess(Role.TIER_1, CreditHistory.NONE, 0.7, 0.60);
        assertThat(risky.c()).isLessThan(calm.c());
        assertThat(calm.c() - risky.c()).isCloseTo(0.35 * 0.55, within(1e-12));
    }

    @Test
    void eachDefaultCutsTheHistoricalCredit() {
        double clean = calculator.historicalCredit(new CreditHistory(20, 1, 1, 0));
        double one = calculator.historicalCredit(new CreditHistory(20, 1, 1, 1));
        double three = calculator.historicalCredit(new CreditHistory(20, 1, 1, 3));
        assertThat(clean).isEqualTo(1.0);
        assertThat(one).isCloseTo((0.8 + 0.2 * 19 / 20.0) * 0.85, within(1e-12));
        assertThat(three).isLessThan(one);
    }

    @Test
    void explanationContributionsAddUpToTheScore() {
        CreditAssessment credit = calculator.assess(Role.CORE, new CreditHistory(30, 0.97, 0.99, 2), 0.74, 0.18);
        List<ExplanationItem> items = credit.explanation();
        assertThat(items).extracting(ExplanationItem::factor).containsExactly("history_weight",
                "on_time_repayment_rate", "contract_fulfilment_rate", "default_free_share", "defaults",
                "health_index", "risk_probability");
        assertThat(items).allMatch(i -> i.outcome().equals(ExplanationItem.CREDIT_SCORE));
        assertThat(items.stream().mapToDouble(ExplanationItem::contribution).sum()).isCloseTo(credit.c(), within(1e-12));
        assertThat(items.get(4).contribution()).isNegative();
        assertThat(items.get(5).sentence()).isEqualTo(String.format(java.util.Locale.ROOT,
                "Supply chain health H = 0.740, weighted %.3f ((1-a) x beta), adds %.3f.",
                (1 - credit.a()) * 0.65, (1 - credit.a()) * 0.65 * 0.74));
    }

    @Test
    void inputsOutsideTheUnitIntervalAreRefusedWithAMessage() {
        assertThatThrownBy(() -> calculator.assess(Role.CORE, CreditHistory.NONE, 1.2, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("health H must be in [0, 1] but was 1.2");
        assertThatThrownBy(() -> calculator.assess(Role.CORE, CreditHistory.NONE, Double.NaN, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("health H must be in [0, 1] but was NaN");
        assertThatThrownBy(() -> calculator.assess(Role.CORE, CreditHistory.NONE, 0.5, -0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("risk probability P");
        assertThatThrownBy(() -> new CreditHistory(5, 1.5, 1, 0))
                .hasMessage("on-time repayment rate must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> new CreditHistory(5, 1, Double.NaN, 0)).hasMessageContaining("contract fulfilment rate");
        assertThatThrownBy(() -> new CreditHistory(5, 1, 1, 6)).hasMessageContaining("defaults must be between 0");
        assertThatThrownBy(() -> new CreditHistory(-1, 1, 1, 0)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new CreditConfig(0.65, 0.5, 0.4, 0.3, 12, 0.5, 0.3, 0.3, 0.15))
                .hasMessageContaining("sum to 1");
    }

    @Test
    void equalInputsGiveEqualAssessments() {
        assertThat(new CreditHistory(4, 0.75, 1, 0)).isEqualTo(new CreditHistory(4, 0.75, 1, 0))
                .isNotEqualTo(new CreditHistory(4, 0.75, 1, 1));
        assertThat(calculator.assess(Role.TIER_2, new CreditHistory(4, 0.75, 1, 0), 0.6, 0.3))
                .isEqualTo(new CreditCalculator(CreditConfig.DEFAULT)
                        .assess(Role.TIER_2, new CreditHistory(4, 0.75, 1, 0), 0.6, 0.3));
    }

    @Property
    void creditIsAlwaysInTheUnitInterval(@ForAll Role role, @ForAll("histories") CreditHistory history,
                                         @ForAll @DoubleRange(min = 0, max = 1) double health,
                                         @ForAll @DoubleRange(min = 0, max = 1) double risk) {
        CreditAssessment credit = calculator.assess(role, history, health, risk);
        assertThat(credit.c()).isBetween(0.0, 1.0);
        assertThat(credit.a()).isBetween(0.0, 0.5);
        assertThat(credit.explanation().stream().mapToDouble(ExplanationItem::contribution).sum())
                .isCloseTo(credit.c(), within(1e-9));
    }

    @Property
    void betterHealthOrLowerRiskNeverLowersCredit(@ForAll Role role, @ForAll("histories") CreditHistory history,
                                                  @ForAll @DoubleRange(min = 0, max = 1) double health,
                                                  @ForAll @DoubleRange(min = 0, max = 1) double risk,
                                                  @ForAll @DoubleRange(min = 0, max = 1) double step) {
        double base = calculator.assess(role, history, health, risk).c();
        assertThat(calculator.assess(role, history, Math.min(1, health + step), risk).c()).isGreaterThanOrEqualTo(base);
        assertThat(calculator.assess(role, history, health, Math.max(0, risk - step)).c()).isGreaterThanOrEqualTo(base);
    }

    @Property
    void noHistoryMeansHistoryCannotMatter(@ForAll Role role, @ForAll @DoubleRange(min = 0, max = 1) double health,
                                           @ForAll @DoubleRange(min = 0, max = 1) double risk) {
        CreditAssessment credit = calculator.assess(role, CreditHistory.NONE, health, risk);
        assertThat(credit.c()).isCloseTo(0.65 * health + 0.35 * (1 - risk), within(1e-12));
    }

    @Provide
    Arbitrary<CreditHistory> histories() {
        Arbitrary<Integer> contracts = Arbitraries.integers().between(0, 500);
        return contracts.flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, n)).as((onTime, fulfil, defaults) ->
                new CreditHistory(n, onTime, fulfil, defaults)));
    }

    @Property(tries = 50)
    void historyWeightIsZeroWithoutContracts(@ForAll Role role, @ForAll @IntRange(min = 1, max = 1000) int n) {
        assertThat(calculator.historyWeight(role, CreditHistory.NONE)).isZero();
        assertThat(calculator.historyWeight(role, new CreditHistory(n, 1, 1, 0))).isPositive();
    }
}
