package io.supplytwin.ml.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SupplyChainTest {
    /** Every layer orders 40 units a day. */
    private static final OrderingPolicy FORTY = new OrderingPolicy() {
        @Override
        public String name() {
            return "forty";
        }

        @Override
        public Decision decide(LayerView view) {
            return new Decision(40, new double[] {40});
        }
    };

    @Test
    void profit_is_revenue_minus_purchase_holding_and_shortage_worked_by_hand() {
        ChainTrace t = SupplyChain.run(new double[] {30, 60, 150}, 3, FORTY);
        // retailer: price 70, cost 30, holding 0.03 × 30 = 0.9 per unit-day, shortage 0.03 × 70 = 2.1 per unit
        // day 0: stock 100, sells 30, keeps 70, orders 40: 2100 − 1200 − 63 − 0
        assertThat(t.sales(1, 0)).isEqualTo(30);
        assertThat(t.inventory(1, 0)).isEqualTo(70);
        assertThat(t.revenue(1, 0)).isEqualTo(2100);
        assertThat(t.purchaseCost(1, 0)).isEqualTo(1200);
        assertThat(t.holdingCost(1, 0)).isCloseTo(63, within(1e-9));
        assertThat(t.profit(1, 0)).isCloseTo(837, within(1e-9));
        // day 1: yesterday's 40 arrive (110), sells 60, keeps 50: 4200 − 1200 − 45
        assertThat(t.inventory(1, 1)).isEqualTo(50);
        assertThat(t.profit(1, 1)).isCloseTo(2955, within(1e-9));
        // day 2: 90 on hand for 150 demanded: sells 90, 60 short: 6300 − 1200 − 0 − 126
        assertThat(t.sales(1, 2)).isEqualTo(90);
        assertThat(t.shortageCost(1, 2)).isCloseTo(126, within(1e-9));
        assertThat(t.profit(1, 2)).isCloseTo(4974, within(1e-9));
        assertThat(t.theoreticalProfit(1, 2)).isEqualTo(150 * 40);
        // distributor: its demand is the retailer's order; price 100, cost 45, holding 1.35, shortage 3
        // day 0: sells 40 of 100, keeps 60, orders 40: 4000 − 1800 − 81
        assertThat(t.demand(2, 0)).isEqualTo(40);
        assertThat(t.profit(2, 0)).isCloseTo(2119, within(1e-9));
        // manufacturer, day 1: 60 + 40 arrive = 100, sells 40, keeps 60: price 130, cost 60 → 5200 − 2400 − 108
        assertThat(t.profit(3, 1)).isCloseTo(2692, within(1e-9));
    }

    @Test
    void histories_hold_what_each_layer_saw_and_ordered() {
        ChainTrace t = SupplyChain.run(new double[] {30, 60, 150}, 3, FORTY);
        assertThat(t.histories()).hasSize(3);
        assertThat(t.histories().get(0).get(2).demand()).isEqualTo(150);
        assertThat(t.histories().get(0).get(2).orders()).isEqualTo(40);
        assertThat(t.histories().get(2).get(0).demand()).isEqualTo(40);
        assertThat(t.forecast(1, 0)).containsExactly(40);
    }

    @Test
    void a_policy_switch_keeps_the_days_before_it() {
        double[] demand = new double[60];
        for (int i = 0; i < demand.length; i++) {
            demand[i] = 50 + 10 * Math.sin(i);
        }
        ChainTrace all = SupplyChain.run(demand, 60, new SmoothedRulePolicy());
        ChainTrace switched = SupplyChain.run(demand, 60, new SmoothedRulePolicy(), 30, FORTY);
        for (int l = 1; l <= 3; l++) {
            for (int d = 0; d < 30; d++) {
                assertThat(switched.order(l, d)).isEqualTo(all.order(l, d));
            }
            assertThat(switched.order(l, 30)).isEqualTo(40);
        }
    }
}
