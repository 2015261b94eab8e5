package io.supplytwin.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.sim.shock.Shock;
import io.supplytwin.sim.shock.ShockKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SupplyChainModelTest {
    private static final double FIVE_MINUTES = 1.0 / 12;
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

    @Test
    void theSameSeedGivesTheSameReadingsAndAnotherSeedDoesNot() {
        List<Reading> a = run(7, 40);
        List<Reading> b = run(7, 40);
        List<Reading> c = run(8, 40);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void everyTwinOfTheReferenceNetworkReportsEveryIndicatorOfItsLevel() {
        SupplyChainModel model = new SupplyChainModel(3);
        model.step(FIVE_MINUTES);
        List<Reading> readings = model.readings();
        var network = ReferenceNetwork.create();
        assertThat(readings).hasSize(network.enterprises().size() + network.allEquipment().size() + network.allOrders().size());
        Set<String> reported = new HashSet<>();
        for (Reading r : readings) {
            assertThat(r.values().keySet()).containsExactlyElementsOf(
                    catalogue.atLevel(r.level()).stream().map(Indicator::id).toList());
            reported.addAll(r.values().keySet());
        }
        assertThat(reported).hasSize(277);
    }

    @Test
    void everyIndicatorStaysInsideItsCatalogueRangeOverHalfAYearWithShocks() {
        SupplyChainModel model = new SupplyChainModel(11);
        model.inject(new Shock(ShockKind.DEMAND_SURGE, "", 24 * 20, 24 * 10, 2.5));
        model.inject(new Shock(ShockKind.MACHINE_FAILURE, "t1-02", 24 * 30, 24 * 5, 1));
        model.inject(new Shock(ShockKind.LATE_PAYER, "core-01", 24 * 40, 24 * 60, 45));
        model.inject(new Shock(ShockKind.SUPPLIER_DEFAULT, "t2-05", 24 * 50, Double.POSITIVE_INFINITY, 1));
        model.inject(new Shock(ShockKind.DISTRESS, "t2-11", 24 * 5, Double.POSITIVE_INFINITY, 0.8));
        model.setOverdraft(false);
        model.setInsolvencyArrearsDays(10);
        for (int hour = 1; hour <= 24 * 180; hour++) {
            model.step(1);
            if (hour % 12 == 0) {
                for (Reading r : model.readings()) {
                    for (Map.Entry<String, Double> v : r.values().entrySet()) {
                        Indicator ind = catalogue.get(v.getKey());
                        assertThat(v.getValue()).as("%s of %s at hour %d", v.getKey(), r.entityId(), hour)
                                .isFinite().isBetween(ind.min(), ind.max());
                    }
                }
            }
        }
    }

    @Test
    void aDistressedFirmWithoutFinancingBecomesInsolventAndItsCustomersBuyTheComponentElsewhere() {
        SupplyChainModel model = new SupplyChainModel(1);
        model.setOverdraft(false);
        model.setInsolvencyArrearsDays(10);
        EnterpriseState distressed = model.enterprise("t2-01");
        EnterpriseState calm = model.enterprise("t2-02");
        model.inject(new Shock(ShockKind.DISTRESS, distressed.id(), 24 * 10, Double.POSITIVE_INFINITY, 0.7));
        for (int hour = 1; hour <= 24 * 180; hour++) {
            model.step(1);
        }
        assertThat(distressed.defaulted()).isTrue();
        assertThat(distressed.defaultedHour()).isGreaterThan(24 * 10.0);
        assertThat(calm.defaulted()).isFalse();
        // nobody else fell with it: its customers re-sourced the component
        assertThat(model.enterprises().stream().filter(EnterpriseState::defaulted)).containsExactly(distressed);
    }

    @Test
    void oeeIsAvailabilityTimesPerformanceTimesQuality() {
        SupplyChainModel model = new SupplyChainModel(5);
        for (int i = 0; i < 100; i++) {
            model.step(FIVE_MINUTES);
        }
        for (Reading r : model.readings()) {
            if (r.level() == Level.EQUIPMENT) {
                Map<String, Double> v = r.values();
                assertThat(v.get("oee_pct")).isCloseTo(
                        v.get("availability_pct") * v.get("performance_pct") * v.get("quality_rate_pct") / 10_000,
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(v.get("tool_life_remaining_pct") + v.get("tool_wear_pct")).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void anInjectedMachineFailureLowersThatEnterprisesAvailabilityAndOeeWithinAFewCycles() {
        SupplyChainModel calm = new SupplyChainModel(9);
        SupplyChainModel hit = new SupplyChainModel(9);
        for (int i = 0; i < 24; i++) {
            calm.step(FIVE_MINUTES);
            hit.step(FIVE_MINUTES);
        }
        hit.inject(Shock.of(ShockKind.MACHINE_FAILURE, "t1-03"));
        for (int i = 0; i < 3; i++) {
            calm.step(FIVE_MINUTES);
            hit.step(FIVE_MINUTES);
        }
        Map<String, Double> before = enterprise(calm, "t1-03");
        Map<String, Double> after = enterprise(hit, "t1-03");
        assertThat(after.get("equipment_availability_pct")).isLessThan(before.get("equipment_availability_pct") - 1);
        assertThat(after.get("plant_oee_pct")).isLessThan(before.get("plant_oee_pct") - 1);
        Map<String, Double> calmMachines = machines(calm, "t1-03");
        machines(hit, "t1-03").forEach((id, availability) -> assertThat(availability).isLessThan(calmMachines.get(id)));
        // a firm the shock did not touch reads the same
        assertThat(enterprise(hit, "t1-04")).isEqualTo(enterprise(calm, "t1-04"));
    }

    @Test
    void copiesOfTheNetworkHaveDistinctPrefixedIds() {
        SupplyChainModel model = new SupplyChainModel(ReferenceNetwork.create(), 1, 3);
        model.step(FIVE_MINUTES);
        List<Reading> readings = model.readings();
        Set<String> ids = readings.stream().map(Reading::entityId).collect(Collectors.toSet());
        assertThat(ids).hasSize(readings.size()).contains("core-01", "n02-core-01", "n03-t2-43");
        assertThat(readings.stream().filter(r -> r.entityId().startsWith("n03-"))
                .allMatch(r -> r.enterpriseId().startsWith("n03-"))).isTrue();
    }

    @Test
    void aShockOnAnUnknownTargetIsRefused() {
        SupplyChainModel model = new SupplyChainModel(1);
        assertThatThrownBy(() -> model.inject(Shock.of(ShockKind.LATE_PAYER, "t9-99")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t9-99");
    }

    private static List<Reading> run(long seed, int cycles) {
        SupplyChainModel model = new SupplyChainModel(seed);
        for (int i = 0; i < cycles; i++) {
            model.step(FIVE_MINUTES);
        }
        return model.readings();
    }

    private static Map<String, Double> enterprise(SupplyChainModel model, String id) {
        return model.readings().stream().filter(r -> r.level() == Level.ENTERPRISE && r.entityId().equals(id))
                .findFirst().orElseThrow().values();
    }

    private static Map<String, Double> machines(SupplyChainModel model, String enterpriseId) {
        return model.readings().stream().filter(r -> r.level() == Level.EQUIPMENT && r.enterpriseId().equals(enterpriseId))
                .collect(Collectors.toMap(Reading::entityId, r -> r.values().get("availability_pct")));
    }
}
