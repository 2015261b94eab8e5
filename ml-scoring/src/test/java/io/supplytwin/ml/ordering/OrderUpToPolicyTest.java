package io.supplytwin.ml.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.ml.experiment.metrics.LayerMetrics;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderUpToPolicyTest {

    @Test
    void the_safety_factor_comes_from_the_lost_sales_critical_ratio() {
        OrderRule.Parameters retailer = OrderRule.Parameters.layer(1);
        // underage: margin 40 + shortage 2.1; overage: holding 0.9 a day
        assertThat(OrderUpToPolicy.criticalRatio(retailer)).isCloseTo(42.1 / 43, within(1e-12));
        assertThat(OrderUpToPolicy.safetyFactor(retailer)).isCloseTo(2.03490, within(1e-4));
    }

    @Test
    void base_stock_brings_the_stock_up_to_its_level_every_day() {
        double[] demand = new double[40];
        Arrays.fill(demand, 48);
        ChainTrace t = SupplyChain.run(demand, 40, OrderUpToPolicy.baseStock());
        // σ = 0, so S = 48: while the initial 100 units last nothing is ordered; then stock + order comes to S within
        // half a batch of 16 every evening, and all demand is served
        assertThat(t.order(1, 0)).isZero();
        for (int d = 1; d < 40; d++) {
            assertThat(t.inventory(1, d) + t.order(1, d)).isCloseTo(48, within(8.0));
            assertThat(t.sales(1, d)).isEqualTo(48);
        }
    }

    @Test
    void proportional_order_up_to_damps_the_orders_variance() {
        SplittableRandom random = new SplittableRandom(3);
        int days = 2000;
        double[] demand = new double[days];
        for (int d = 0; d < days; d++) {
            demand[d] = Math.max(0, 50 + 10 * random.nextGaussian());
        }
        ChainTrace out = SupplyChain.run(demand, days, OrderUpToPolicy.baseStock());
        ChainTrace pout = SupplyChain.run(demand, days, OrderUpToPolicy.proportional(4));
        double[] outOrders = orders(out, days);
        double[] poutOrders = orders(pout, days);
        double[] consumer = Arrays.copyOfRange(demand, 100, days);
        assertThat(LayerMetrics.bullwhip(outOrders, consumer)).isGreaterThan(1.2);
        assertThat(LayerMetrics.bullwhip(poutOrders, consumer)).isLessThan(LayerMetrics.bullwhip(outOrders, consumer));
        assertThat(LayerMetrics.bullwhip(poutOrders, consumer)).isLessThan(1.0);
    }

    private static double[] orders(ChainTrace t, int days) {
        double[] o = new double[days - 100];
        for (int d = 100; d < days; d++) {
            o[d - 100] = t.order(1, d);
        }
        return o;
    }
}
