package io.supplytwin.ml.experiment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.ml.ordering.ChainTrace;
import io.supplytwin.ml.ordering.LayerView;
import io.supplytwin.ml.ordering.OrderingPolicy;
import io.supplytwin.ml.ordering.SupplyChain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerMetricsTest {

    @Test
    void bullwhip_is_the_ratio_of_variances() {
        double[] demand = {2, 4, 2, 4};   // variance 1
        double[] orders = {0, 4, 0, 4};   // variance 4
        assertThat(LayerMetrics.bullwhip(orders, demand)).isEqualTo(4);
        assertThat(LayerMetrics.bullwhip(demand, demand)).isEqualTo(1);
        assertThat(LayerMetrics.bullwhip(orders, new double[] {3, 3, 3, 3})).isNaN();
    }

    @Test
    void the_moving_average_of_efficiency_skips_undefined_days() {
        double[] daily = {1, 1, 1, 1, 1, 1, 1, 0.5, Double.NaN};
        // windows ending on days 6, 7, 8: 7/7, 6.5/7, 5.5/6
        assertThat(LayerMetrics.movingAverageMean(daily, 7)).isCloseTo((1 + 6.5 / 7 + 5.5 / 6) / 3, within(1e-12));
        assertThat(LayerMetrics.movingAverageMean(new double[] {Double.NaN, Double.NaN}, 2)).isNaN();
    }

    @Test
    void metrics_of_a_run_add_up_from_its_days() {
        OrderingPolicy fifty = new OrderingPolicy() {
            @Override
            public String name() {
                return "fifty";
            }

            @Override
            public Decision decide(LayerView view) {
                return new Decision(view.today().day() % 2 == 0 ? 40 : 60, new double[] {55, 55});
            }
        };
        double[] demand = {50, 50, 50, 50, 50, 50};
        ChainTrace t = SupplyChain.run(demand, 6, fifty);
        LayerMetrics m = LayerMetrics.of(t, 1, 2, 6);
        double profit = 0;
        for (int d = 2; d < 6; d++) {
            profit += t.profit(1, d);
        }
        assertThat(m.profit()).isCloseTo(profit, within(1e-9));
        assertThat(m.serviceLevel()).isEqualTo(1);
        assertThat(m.orderVolatility()).isEqualTo(10);
        assertThat(m.bullwhip()).isNaN();                  // constant demand: no ratio
        assertThat(m.mae()).isCloseTo(5, within(1e-12));    // forecast 55 against 50 on every day in range
        assertThat(m.holdingCost() + m.shortageCost()).isEqualTo(m.totalCost());
        // the distributor sees 40, 60, 40, 60: its orders of 40, 60, … reproduce that variance exactly
        assertThat(LayerMetrics.of(t, 2, 2, 6).bullwhip()).isCloseTo(1, within(1e-12));
    }

    @Test
    void composite_score_weighs_normalised_measures_and_layers() {
        // A is best on everything (highest profit, turnover, service; lowest cost and MAE), B worst
        LayerMetrics best = new LayerMetrics(100, 1, 1, 1.0, 20, 5, 0, 1, 2, 1, 1);
        LayerMetrics worst = new LayerMetrics(50, 1, 1, 0.5, 10, 10, 10, 1, 4, 1, 1);
        Map<String, List<LayerMetrics[]>> runs = new LinkedHashMap<>();
        runs.put("A", List.<LayerMetrics[]>of(new LayerMetrics[] {best, best, best}));
        runs.put("B", List.<LayerMetrics[]>of(new LayerMetrics[] {worst, worst, worst}));
        Map<String, double[]> d = CompositeScore.scores(runs, CompositeScore.DEFAULT);
        assertThat(d.get("A")[0]).isCloseTo(0.9, within(1e-12));    // 0.5 + 0.2 + 0.2, cost and MAE at 0
        assertThat(d.get("B")[0]).isCloseTo(-0.2, within(1e-12));   // −0.1 (cost at 1) − 0.1 (MAE at 1)
        Map<String, double[]> c = CompositeScore.scores(runs, CompositeScore.CUSTOM);
        assertThat(c.get("A")[0]).isCloseTo(0.8, within(1e-12));
        // mixed layers: retailer best (0.9 × 0.4), the other two worst (−0.2 × 0.3 each)
        runs.put("C", List.<LayerMetrics[]>of(new LayerMetrics[] {best, worst, worst}));
        assertThat(CompositeScore.scores(runs, CompositeScore.DEFAULT).get("C")[0])
                .isCloseTo(0.9 * 0.4 - 0.2 * 0.6, within(1e-12));
    }

    @Test
    void equal_extrema_or_missing_values_normalise_to_zero() {
        assertThat(CompositeScore.normalise(5, new double[] {5, 5})).isZero();
        assertThat(CompositeScore.normalise(Double.NaN, new double[] {0, 1})).isZero();
        assertThat(CompositeScore.normalise(0.25, new double[] {0, 1})).isEqualTo(0.25);
    }
}
