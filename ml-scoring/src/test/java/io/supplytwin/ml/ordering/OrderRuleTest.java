package io.supplytwin.ml.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OrderRuleTest {
    private final OrderRule rule = new OrderRule(OrderRule.Parameters.retailer());
    private final double[] steadyDemand = filled(10, 50);

    @Test
    void orders_come_in_batches_of_16_and_never_below_zero() {
        for (double inventory : new double[] {0, 20, 55, 100, 400}) {
            OrderRule.Decision d = rule.decide(filled(7, 50), steadyDemand, inventory);
            assertThat(d.order() % 16).isZero();
            assertThat(d.order()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void a_backlog_with_volatile_demand_makes_a_larger_candidate_pay() {
        double[] volatileDemand = {20, 80, 20, 80, 20, 80, 20, 80, 20, 80};
        OrderRule.Decision stocked = rule.decide(filled(7, 50), volatileDemand, 100);
        OrderRule.Decision backlog = rule.decide(filled(7, 50), volatileDemand, -100);
        assertThat(stocked.candidates()).isEqualTo(1);
        assertThat(backlog.candidates()).isGreaterThan(1);
        assertThat(backlog.order()).isGreaterThan(stocked.order() + 64);
    }

    @Test
    void tomorrow_weighs_twice_as_much_as_day_seven() {
        double[] rising = {40, 40, 40, 40, 40, 40, 100};
        double[] early = {100, 40, 40, 40, 40, 40, 40};
        assertThat(rule.decide(early, steadyDemand, 50).smoothedDemand())
                .isGreaterThan(rule.decide(rising, steadyDemand, 50).smoothedDemand());
    }

    @Test
    void safety_stock_is_the_base_plus_one_standard_deviation_of_recent_demand() {
        double[] alternating = {40, 60, 40, 60, 40, 60, 40, 60, 40, 60};
        assertThat(rule.decide(filled(7, 50), alternating, 50).safetyStock()).isEqualTo(10 + 10);
        assertThat(rule.decide(filled(7, 50), steadyDemand, 50).safetyStock()).isEqualTo(10);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
