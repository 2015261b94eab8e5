package io.supplytwin.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The three-tier network of seed 001: one core manufacturer, 15 tier-1 and 43 tier-2 suppliers
 * (59 enterprises). Industries, revenues, equipment and open orders are drawn from a seeded random
 * source, so the same seed always gives the same network. Every tier-1 supplies the core; every tier-2
 * supplies one or two tier-1s, and every tier-1 has at least one tier-2 supplier.
 */
public final class ReferenceNetwork {
    public static final int TIER_1_COUNT = 15;
    public static final int TIER_2_COUNT = 43;
    public static final String CORE_ID = "core-01";
    /** Seed used by the simulator and docs unless told otherwise. */
    public static final long DEFAULT_SEED = 1L;

    private static final int MARKET_CUSTOMERS = 6;

    private ReferenceNetwork() {
    }

    public static SupplyNetwork create() {
        return create(DEFAULT_SEED);
    }

    public static SupplyNetwork create(long seed) {
        Random random = new Random(seed);
        List<Enterprise> enterprises = new ArrayList<>();
        List<SupplierLink> links = new ArrayList<>();
        List<Equipment> equipment = new ArrayList<>();
        List<Order> orders = new ArrayList<>();

        Enterprise core = new Enterprise(CORE_ID, "Core manufacturer 01", Role.CORE, Industry.ASSEMBLY,
                revenue(random, 120e6));
        enterprises.add(core);
        addEquipment(core, 10 + random.nextInt(5), random, equipment);
        int coreOrders = 16 + random.nextInt(9);
        for (int i = 0; i < coreOrders; i++) {
            String customer = String.format(Locale.ROOT, "cust-%02d", 1 + random.nextInt(MARKET_CUSTOMERS));
            orders.add(new Order(orderId(CORE_ID, i + 1), CORE_ID, customer));
        }

        Industry[] tier1Industries = {Industry.MACHINING, Industry.ELECTRONICS, Industry.PLASTICS,
                Industry.CASTING_FORGING};
        List<Enterprise> tier1 = new ArrayList<>();
        for (int i = 1; i <= TIER_1_COUNT; i++) {
            String id = String.format(Locale.ROOT, "t1-%02d", i);
            Enterprise supplier = new Enterprise(id, "Tier-1 supplier " + String.format(Locale.ROOT, "%02d", i), Role.TIER_1,
                    tier1Industries[random.nextInt(tier1Industries.length)], revenue(random, 15e6));
            tier1.add(supplier);
            enterprises.add(supplier);
            links.add(new SupplierLink(id, CORE_ID));
            addEquipment(supplier, 4 + random.nextInt(5), random, equipment);
        }

        Industry[] tier2Industries = {Industry.MACHINING, Industry.ELECTRONICS, Industry.PLASTICS,
                Industry.CASTING_FORGING, Industry.SURFACE_TREATMENT};
        List<Enterprise> uncovered = new ArrayList<>(tier1);
        Collections.shuffle(uncovered, random);
        for (int i = 1; i <= TIER_2_COUNT; i++) {
            String id = String.format(Locale.ROOT, "t2-%02d", i);
            Enterprise supplier = new Enterprise(id, "Tier-2 supplier " + String.format(Locale.ROOT, "%02d", i), Role.TIER_2,
                    tier2Industries[random.nextInt(tier2Industries.length)], revenue(random, 3e6));
            enterprises.add(supplier);
            // the first 15 tier-2s cover every tier-1 once, the rest pick freely
            Enterprise first = i <= uncovered.size() ? uncovered.get(i - 1) : tier1.get(random.nextInt(tier1.size()));
            links.add(new SupplierLink(id, first.id()));
            if (random.nextDouble() < 0.3) {
                Enterprise second = tier1.get(random.nextInt(tier1.size()));
                if (!second.equals(first)) {
                    links.add(new SupplierLink(id, second.id()));
                }
            }
            addEquipment(supplier, 2 + random.nextInt(4), random, equipment);
        }

        int[] sequence = new int[enterprises.size()];
        for (SupplierLink link : links) {
            int supplierIndex = indexOf(enterprises, link.supplierId());
            int count = 2 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                orders.add(new Order(orderId(link.supplierId(), ++sequence[supplierIndex]), link.supplierId(),
                        link.customerId()));
            }
        }
        return new SupplyNetwork(enterprises, links, equipment, orders);
    }

    private static int indexOf(List<Enterprise> enterprises, String id) {
        for (int i = 0; i < enterprises.size(); i++) {
            if (enterprises.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("unknown enterprise " + id);
    }

    private static String orderId(String supplierId, int sequence) {
        return String.format(Locale.ROOT, "%s-ord-%03d", supplierId, sequence);
    }

    /** Log-normal around the median, rounded to thousands: firm sizes are skewed, never negative. */
    private static double revenue(Random random, double median) {
        return Math.round(median * Math.exp(0.35 * random.nextGaussian()) / 1000) * 1000.0;
    }

    private static void addEquipment(Enterprise owner, int count, Random random, List<Equipment> out) {
        String[] kinds = kinds(owner.industry());
        for (int i = 1; i <= count; i++) {
            out.add(new Equipment(String.format(Locale.ROOT, "%s-eq-%02d", owner.id(), i), owner.id(),
                    kinds[random.nextInt(kinds.length)]));
        }
    }

    private static String[] kinds(Industry industry) {
        return switch (industry) {
            case ASSEMBLY -> new String[] {"assembly_line", "welding_robot", "agv", "end_of_line_test_bench"};
            case MACHINING -> new String[] {"cnc_machining_centre", "cnc_lathe", "grinding_machine"};
            case ELECTRONICS -> new String[] {"smt_placement_line", "reflow_oven", "aoi_station"};
            case PLASTICS -> new String[] {"injection_moulding_machine", "granulate_dryer", "pick_and_place_robot"};
            case CASTING_FORGING -> new String[] {"forging_press", "die_casting_cell", "heat_treatment_furnace"};
            case SURFACE_TREATMENT -> new String[] {"plating_line", "paint_line", "curing_oven"};
        };
    }
}
