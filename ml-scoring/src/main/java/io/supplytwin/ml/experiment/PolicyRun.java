package io.supplytwin.ml.experiment;

import io.supplytwin.ml.experiment.metrics.LayerMetrics;
import java.util.List;

/**
 * One policy in one run.
 *
 * @param layers           metrics of layers 1..3 over the measured days
 * @param cumulativeProfit per layer, the running sum of profit over the measured days
 * @param chosen           the hyperparameters the search chose, described (empty for untuned policies)
 * @param trials           the search's trials: description and the manufacturer's validation profit
 * @param noiseProfit      total profit of the three layers per noise level (in the settings' order)
 * @param seconds          search, training and runs of this policy
 */
public record PolicyRun(long seed, LayerMetrics[] layers, double[][] cumulativeProfit, String chosen,
                        List<Trial> trials, double[] noiseProfit, double seconds) {

    /** A trial of the search. */
    public record Trial(String hyperparameters, double objective) {
    }

    public double totalProfit() {
        double s = 0;
        for (LayerMetrics m : layers) {
            s += m.profit();
        }
        return s;
    }
}
