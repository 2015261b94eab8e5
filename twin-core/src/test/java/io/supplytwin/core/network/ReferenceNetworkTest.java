package io.supplytwin.core.network;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceNetworkTest {
    private final SupplyNetwork network = ReferenceNetwork.create(42);

    @Test
    void hasTheSeedsThreeTiersWithStableIds() {
        assertThat(network.enterprises()).hasSize(59);
        assertThat(network.withRole(Role.CORE)).extracting(Enterprise::id).containsExactly("core-01");
        assertThat(network.withRole(Role.TIER_1)).hasSize(15).first().extracting(Enterprise::id).isEqualTo("t1-01");
        assertThat(network.withRole(Role.TIER_2)).hasSize(43).last().extracting(Enterprise::id).isEqualTo("t2-43");
        assertThat(network.enterprise("t1-15")).get().extracting(Enterprise::tier).isEqualTo(1);
    }

    @Test
    void everyTier1SuppliesTheCoreAndEveryTier2SuppliesATier1() {
        for (Enterprise t1 : network.withRole(Role.TIER_1)) {
            assertThat(network.customersOf(t1.id())).containsExactly("core-01");
            assertThat(network.suppliersOf(t1.id())).as("tier-2 suppliers of " + t1.id()).isNotEmpty();
        }
        for (Enterprise t2 : network.withRole(Role.TIER_2)) {
            assertThat(network.customersOf(t2.id())).isNotEmpty().hasSizeLessThanOrEqualTo(2)
                    .allMatch(id -> id.startsWith("t1-"));
        }
        assertThat(network.suppliersOf("core-01")).hasSize(15);
    }

    @Test
    void everyEnterpriseHasEquipmentAndOrdersWithReadableIds() {
        Set<String> ids = new HashSet<>();
        for (Enterprise enterprise : network.enterprises()) {
            List<Equipment> machines = network.equipmentOf(enterprise.id());
            assertThat(machines).isNotEmpty().allMatch(e -> e.id().matches(enterprise.id() + "-eq-\\d{2}"));
            assertThat(network.ordersOf(enterprise.id())).isNotEmpty()
                    .allMatch(o -> o.id().matches(enterprise.id() + "-ord-\\d{3}"))
                    .allMatch(o -> o.supplierId().equals(enterprise.id()));
            assertThat(enterprise.monthlyRevenue()).isPositive();
            machines.forEach(e -> assertThat(ids.add(e.id())).isTrue());
        }
        assertThat(network.equipmentOf("t1-03")).first().extracting(Equipment::id).isEqualTo("t1-03-eq-01");
        assertThat(network.ordersOf("core-01")).allMatch(o -> o.customerId().startsWith("cust-"));
        assertThat(network.equipmentOf("nobody")).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameNetworkAndAnotherSeedAnotherOne() {
        assertThat(ReferenceNetwork.create(42)).isEqualTo(network).hasSameHashCodeAs(network);
        SupplyNetwork other = ReferenceNetwork.create(43);
        assertThat(other).isNotEqualTo(network);
        assertThat(other.enterprises()).extracting(Enterprise::id)
                .isEqualTo(network.enterprises().stream().map(Enterprise::id).toList());
    }

    @Test
    void inconsistentNetworksAreRefused() {
        Enterprise core = new Enterprise("core-01", "Core", Role.CORE, Industry.ASSEMBLY, 1e6);
        Enterprise t1 = new Enterprise("t1-01", "T1", Role.TIER_1, Industry.MACHINING, 1e5);
        assertThatThrownBy(() -> new SupplyNetwork(List.of(core, core), List.of(), List.of(), List.of()))
                .hasMessageContaining("duplicate enterprise id core-01");
        assertThatThrownBy(() -> new SupplyNetwork(List.of(core), List.of(new SupplierLink("t1-09", "core-01")),
                List.of(), List.of())).hasMessageContaining("t1-09 is not an enterprise");
        assertThatThrownBy(() -> new SupplyNetwork(List.of(core, t1), List.of(), List.of(),
                List.of(new Order("t1-01-ord-001", "t1-01", "core-01")))).hasMessageContaining("no supplier link");
        assertThatThrownBy(() -> new SupplierLink("t1-01", "t1-01")).hasMessageContaining("cannot supply itself");
        assertThatThrownBy(() -> new Enterprise("x", "x", Role.TIER_2, Industry.PLASTICS, -1))
                .hasMessageContaining("monthly revenue");
    }
}
