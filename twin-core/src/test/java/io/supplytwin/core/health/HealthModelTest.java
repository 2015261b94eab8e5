package io.supplytwin.core.health;

import io.supplytwin.core.ahp.AhpException;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HealthModelTest {
    private static final HealthModel STANDARD = HealthModel.standard();

    // A three-indicator model small enough to work by hand. Consistent AHP matrix -> weights 4/7, 2/7, 1/7.
    private static final String SMALL_CATALOGUE = """
            id,level,category,unit,min,max,direction,target,tolerance,deadband,out_of_range,description
            fill_pct,enterprise,orders,%,0,100,higher_better,,,0.5,clamp,Orders delivered complete
            on_time_pct,enterprise,orders,%,0,100,higher_better,,,0.5,clamp,Orders on time
            avail_pct,enterprise,production,%,0,100,higher_better,,,0.5,clamp,Mean equipment availability
            order_fill_pct,order,orders,%,0,100,higher_better,,,0.5,clamp,Order fill rate
            delay_h,order,logistics,h,-100,100,target,0,4,1,clamp,Delivery delay
            eq_avail_pct,equipment,equipment_status,%,0,100,higher_better,,,0.5,reject,Machine availability
            """;
    private static final String SMALL_KEYS = """
            id,name,scored_by,roll_up,source,threshold
            fulfilment,Order fulfilment,fill_pct,order_mean,order_fill_pct,
            on_time,On-time delivery,on_time_pct,order_share_at_most,delay_h,0
            availability,Equipment availability,avail_pct,equipment_mean,eq_avail_pct,
            """;
    private static final String SMALL_AHP = """
            criterion,fulfilment,on_time,availability
            fulfilment,1,2,4
            on_time,1/2,1,2
            availability,1/4,1/2,1
            """;

    private static HealthModel small() {
        return smallWith(SMALL_KEYS, SMALL_AHP);
    }

    private static HealthModel smallWith(String keys, String ahp) {
        IndicatorCatalogue catalogue = IndicatorCatalogue.load(new StringReader(SMALL_CATALOGUE), "small");
        return HealthModel.load(catalogue, new StringReader(keys), "keys.csv", new StringReader(ahp), "ahp.csv");
    }

    @Test
    void handWorkedHealthWithRollUpsFromEquipmentAndOrders() {
        HealthModel model = small();
        List<Map<String, Double>> equipment = List.of(
                Map.of("eq_avail_pct", 90.0), Map.of("eq_avail_pct", 80.0),
                Map.of("eq_avail_pct", 999.0)); // implausible: rejected by the catalogue rule, not averaged
        List<Map<String, Double>> orders = List.of(
                Map.of("order_fill_pct", 100.0, "delay_h", -2.0),
                Map.of("order_fill_pct", 90.0, "delay_h", 0.0),
                Map.of("order_fill_pct", 80.0, "delay_h", 5.0));

        List<KeyIndicatorValue> values = model.rollUp(Map.of(), equipment, orders);
        assertThat(values).containsExactly(
                new KeyIndicatorValue("fulfilment", 90.0, ValueSource.ORDER_ROLL_UP, 3),
                new KeyIndicatorValue("on_time", 200.0 / 3, ValueSource.ORDER_ROLL_UP, 3),
                new KeyIndicatorValue("availability", 85.0, ValueSource.EQUIPMENT_ROLL_UP, 2));

        // H = 4/7 * 0.90 + 2/7 * 0.6667 + 1/7 * 0.85 = 5.78333 / 7
        HealthIndex health = model.assess(values);
        assertThat(health.h()).isCloseTo(5.783333333 / 7, within(1e-9));
        assertThat(health.coverage()).isCloseTo(1.0, within(1e-12));
        assertThat(health.score("on_time").contribution()).isCloseTo(2 / 7.0 * 2 / 3.0, within(1e-12));
        assertThat(health.scores().stream().mapToDouble(KeyIndicatorScore::contribution).sum())
                .isCloseTo(health.h(), within(1e-12));
    }

    @Test
    void missingIndicatorsAreLeftOutAndTheOtherWeightsRenormalised() {
        HealthModel model = small();
        HealthIndex health = model.assess(Map.of(), List.of(Map.of("eq_avail_pct", 85.0)), List.of());
        assertThat(health.h()).isCloseTo(0.85, within(1e-12));
        assertThat(health.coverage()).isCloseTo(1 / 7.0, within(1e-12));
        assertThat(health.score("fulfilment").score().status()).isEqualTo(ScoreStatus.MISSING);
        assertThat(health.score("fulfilment").effectiveWeight()).isZero();
        assertThat(health.score("availability").effectiveWeight()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void withoutChildTwinsTheEnterprisesOwnReadingIsUsed() {
        HealthModel model = small();
        List<KeyIndicatorValue> values = model.rollUp(Map.of("fill_pct", 70.0, "on_time_pct", 50.0),
                List.of(Map.of("eq_avail_pct", Double.NaN)), List.of(Map.of("other", 1.0)));
        assertThat(values).containsExactly(
                new KeyIndicatorValue("fulfilment", 70.0, ValueSource.ENTERPRISE, 0),
                new KeyIndicatorValue("on_time", 50.0, ValueSource.ENTERPRISE, 0),
                KeyIndicatorValue.missing("availability"));
        // (4/7 * 0.7 + 2/7 * 0.5) / (6/7) = 3.8 / 6
        assertThat(model.assess(values).h()).isCloseTo(3.8 / 6, within(1e-12));
    }

    @Test
    void noUsableDataGivesZeroHealthAndZeroCoverage() {
        HealthIndex health = small().assess(Map.of(), List.of(), List.of());
        assertThat(health.h()).isZero();
        assertThat(health.coverage()).isZero();
    }

    @Test
    void standardModelHasTheSeedsFourIndicatorsAmongTwelveWithConsistentWeights() {
        assertThat(STANDARD.keyIndicators()).hasSize(12);
        assertThat(STANDARD.keyIndicators()).extracting(KeyIndicator::id).contains(
                "order_fulfilment_rate", "inventory_turnover", "capital_turnover", "quality_pass_rate");
        assertThat(STANDARD.ahp().weights().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertThat(STANDARD.ahp().consistencyRatio()).isCloseTo(0.0108, within(0.0001));
        assertThat(STANDARD.ahp().lambdaMax()).isCloseTo(12.1763, within(0.0001));
    }

    @Test
    void standardWeightsAreTheOnesPublishedInTheDocs() {
        // docs/health-and-credit.md lists these; change both together
        Map<String, Double> documented = Map.ofEntries(
                Map.entry("order_fulfilment_rate", 0.1756), Map.entry("quality_pass_rate", 0.1756),
                Map.entry("inventory_turnover", 0.1079), Map.entry("capital_turnover", 0.1079),
                Map.entry("on_time_delivery", 0.1079), Map.entry("dso", 0.0678), Map.entry("debt_to_asset", 0.0597),
                Map.entry("net_margin", 0.0569), Map.entry("current_ratio", 0.0420), Map.entry("supplier_otif", 0.0372),
                Map.entry("equipment_availability", 0.0372), Map.entry("oee", 0.0242));
        documented.forEach((id, weight) -> assertThat(STANDARD.weight(id)).as(id).isCloseTo(weight, within(0.00005)));
    }

    @Test
    void handWorkedTier1SupplierOnTheStandardModel() {
        Map<String, Double> enterprise = Map.of(
                "inventory_turnover_ratio", 9.0,   // 9/30 = 0.30
                "capital_turnover_ratio", 1.5,     // 1.5/5 = 0.30
                "dso_days", 54.0,                  // (180-54)/180 = 0.70
                "debt_to_asset_pct", 40.0,         // 0.60
                "net_profit_margin_pct", 6.0,      // (6+30)/60 = 0.60
                "current_ratio", 1.2,              // target 2 +/- 0.5: 1.2/1.5 = 0.80
                "supplier_otif_pct", 92.0);        // 0.92
        List<Map<String, Double>> equipment = List.of(
                Map.of("availability_pct", 90.0, "oee_pct", 70.0),
                Map.of("availability_pct", 86.0, "oee_pct", 62.0)); // means 88 and 66
        List<Map<String, Double>> orders = List.of(
                Map.of("order_fill_rate_pct", 95.0, "order_quality_pass_pct", 99.0, "delivery_delay_h", -5.0),
                Map.of("order_fill_rate_pct", 100.0, "order_quality_pass_pct", 98.0, "delivery_delay_h", 0.0),
                Map.of("order_fill_rate_pct", 90.0, "order_quality_pass_pct", 97.0, "delivery_delay_h", 12.0));
        HealthIndex health = STANDARD.assess(enterprise, equipment, orders);
        // Σ w·S with the weights of docs/health-and-credit.md (4 decimals):
        // .1756*.95 + .1756*.98 + .1079*.30 + .1079*.30 + .1079*.6667 + .0678*.70 + .0597*.60 + .0569*.60
        // + .0420*.80 + .0372*.92 + .0372*.88 + .0242*.66 = 0.7095
        assertThat(health.h()).isCloseTo(0.7095, within(0.0005));
        assertThat(health.coverage()).isCloseTo(1.0, within(1e-12));
        assertThat(health.score("on_time_delivery").value()).isCloseTo(200.0 / 3, within(1e-9));
    }

    @Test
    void bestAndWorstEnterprisesScoreOneAndZero() {
        double[] best = {100, 100, 30, 5, 100, 0, 0, 30, 2, 100, 100, 100};
        double[] worst = {0, 0, 0, 0, 0, 180, 100, -30, 0, 0, 0, 0};
        assertThat(STANDARD.keyIndicators()).extracting(KeyIndicator::id).containsExactly(
                "order_fulfilment_rate", "quality_pass_rate", "inventory_turnover", "capital_turnover",
                "on_time_delivery", "dso", "debt_to_asset", "net_margin", "current_ratio", "supplier_otif",
                "equipment_availability", "oee");
        assertThat(STANDARD.assess(best).h()).isCloseTo(1.0, within(1e-12));
        assertThat(STANDARD.assess(worst).h()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void wrongNumberOrOrderOfValuesIsRefused() {
        assertThatThrownBy(() -> STANDARD.assess(new double[3])).hasMessageContaining("expected 12");
        List<KeyIndicatorValue> swapped = new ArrayList<>(small().rollUp(Map.of(), List.of(), List.of()));
        Collections.reverse(swapped);
        assertThatThrownBy(() -> small().assess(swapped)).hasMessageContaining("expected fulfilment");
    }

    @Test
    void brokenKeyIndicatorDefinitionsAndMatricesAreRejected() {
        assertThatThrownBy(() -> smallWith(SMALL_KEYS.replace("fill_pct,order_mean", "nope_pct,order_mean"), SMALL_AHP))
                .hasMessage("keys.csv line 2: scored_by nope_pct is not in the catalogue");
        assertThatThrownBy(() -> smallWith(SMALL_KEYS.replace("fill_pct,order_mean", "order_fill_pct,order_mean"), SMALL_AHP))
                .hasMessage("keys.csv line 2: key indicator fulfilment must be scored by an enterprise-level indicator,"
                        + " not order_fill_pct (order)");
        assertThatThrownBy(() -> smallWith(SMALL_KEYS.replace("order_mean,order_fill_pct", "median,order_fill_pct"), SMALL_AHP))
                .hasMessageContaining("keys.csv line 2: unknown roll_up 'median'");
        assertThatThrownBy(() -> smallWith(SMALL_KEYS.replace("order_mean,order_fill_pct", "order_mean,delay_h"), SMALL_AHP))
                .hasMessageContaining("a mean of delay_h (h) cannot be scored by fill_pct (%)");
        assertThatThrownBy(() -> smallWith(SMALL_KEYS.replace("equipment_mean,eq_avail_pct", "equipment_mean,order_fill_pct"), SMALL_AHP))
                .hasMessageContaining("source order_fill_pct must be equipment-level");
        assertThatThrownBy(() -> smallWith(SMALL_KEYS, SMALL_AHP.replace("availability", "uptime")))
                .hasMessageContaining("do not match the key indicators");
        assertThatThrownBy(() -> smallWith(SMALL_KEYS, """
                criterion,fulfilment,on_time,availability
                fulfilment,1,5,1/5
                on_time,1/5,1,5
                availability,5,1/5,1
                """)).isInstanceOf(AhpException.class).hasMessageContaining("ahp.csv: pairwise matrix is too inconsistent");
    }

    @Property
    void healthIsAlwaysInTheUnitInterval(@ForAll("keyValues") @Size(12) List<Double> values) {
        HealthIndex health = STANDARD.assess(values.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(health.h()).isBetween(0.0, 1.0);
        assertThat(health.coverage()).isBetween(0.0, 1.0);
    }

    @Property
    void healthNeverFallsWhenAScoreWithPositiveWeightRises(@ForAll("keyValues") @Size(12) List<Double> values,
                                                            @ForAll @IntRange(min = 0, max = 11) int index,
                                                            @ForAll("keyValue") double changed) {
        double[] before = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] after = before.clone();
        after[index] = changed;
        HealthIndex was = STANDARD.assess(before);
        HealthIndex is = STANDARD.assess(after);
        Score oldScore = was.scores().get(index).score();
        Score newScore = is.scores().get(index).score();
        Assume.that(oldScore.counts() && newScore.counts() && newScore.value() > oldScore.value());
        assertThat(is.h()).isGreaterThanOrEqualTo(was.h() - 1e-12);
    }

    @Provide
    Arbitrary<List<Double>> keyValues() {
        return keyValue().list().ofSize(12);
    }

    @Provide
    Arbitrary<Double> keyValue() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(-200, 200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1e9)));
    }
}
