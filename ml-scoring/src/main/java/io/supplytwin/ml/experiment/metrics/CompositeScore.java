package io.supplytwin.ml.experiment.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's composite score. Five measures per layer (cumulative profit, inventory turnover, service level, total
 * cost = holding + shortage, prediction MAE) are min-max normalised with the extrema over every policy, run and layer
 * (0 when the extrema are equal, or when a value is missing); a layer's score is the weighted sum, and a run's score
 * is 0.4 × retailer + 0.3 × distributor + 0.3 × manufacturer.
 */
public final class CompositeScore {

    /** Weights of the five normalised measures; cost and MAE weigh negatively. */
    public record Weights(String name, double profit, double turnover, double service, double cost, double mae) {
    }

    /** The seed's "default" weights, emphasising profit. */
    public static final Weights DEFAULT = new Weights("default", 0.5, 0.2, 0.2, -0.1, -0.1);
    /** The seed's "custom" weights, emphasising service. */
    public static final Weights CUSTOM = new Weights("custom", 0.4, 0.1, 0.3, -0.1, -0.1);
    public static final List<Weights> SCHEMES = List.of(DEFAULT, CUSTOM);
    /** Retailer, distributor, manufacturer. */
    static final double[] LAYER_WEIGHTS = {0.4, 0.3, 0.3};

    private CompositeScore() {
    }

    /**
     * @param runs per policy, per run, the metrics of layers 1..3
     * @return per policy, one score per run (in the order given)
     */
    public static Map<String, double[]> scores(Map<String, List<LayerMetrics[]>> runs, Weights w) {
        double[][] range = new double[5][] ;
        for (int m = 0; m < 5; m++) {
            range[m] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        for (List<LayerMetrics[]> policyRuns : runs.values()) {
            for (LayerMetrics[] run : policyRuns) {
                for (LayerMetrics layer : run) {
                    double[] v = measures(layer);
                    for (int m = 0; m < 5; m++) {
                        if (Double.isFinite(v[m])) {
                            range[m][0] = Math.min(range[m][0], v[m]);
                            range[m][1] = Math.max(range[m][1], v[m]);
                        }
                    }
                }
            }
        }
        double[] weights = {w.profit(), w.turnover(), w.service(), w.cost(), w.mae()};
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<LayerMetrics[]>> e : runs.entrySet()) {
            double[] scores = new double[e.getValue().size()];
            for (int r = 0; r < scores.length; r++) {
                LayerMetrics[] run = e.getValue().get(r);
                for (int l = 0; l < run.length; l++) {
                    double[] v = measures(run[l]);
                    double layerScore = 0;
                    for (int m = 0; m < 5; m++) {
                        layerScore += weights[m] * normalise(v[m], range[m]);
                    }
                    scores[r] += LAYER_WEIGHTS[l] * layerScore;
                }
            }
            out.put(e.getKey(), scores);
        }
        return out;
    }

    private static double[] measures(LayerMetrics m) {
        return new double[] {m.profit(), m.turnover(), m.serviceLevel(), m.totalCost(), m.mae()};
    }

    static double normalise(double v, double[] range) {
        double span = range[1] - range[0];
        if (!Double.isFinite(v) || !(span > 0)) {
            return 0;
        }
        return (v - range[0]) / span;
    }
}
