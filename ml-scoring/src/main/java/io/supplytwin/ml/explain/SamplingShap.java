package io.supplytwin.ml.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Permutation-sampling estimate of SHAP values (Štrumbelj and Kononenko 2014) for models that are not trees. A player
 * is a group of input positions (one feature over every day of the window). For each sampled permutation and
 * background row the players are switched from the background's values to the explained input's one at a time; each
 * switch's change in the output is that player's marginal contribution. Per permutation the contributions add up to
 * f(x) − f(background), so base = the mean output over the backgrounds used keeps the sum exact.
 */
public final class SamplingShap {
    private final List<String> players;
    private final int[][] positions;

    /** @param positions for each player, the input positions it owns */
    public SamplingShap(List<String> players, int[][] positions) {
        this.players = List.copyOf(players);
        this.positions = positions;
    }

    /** Players are the columns of a row-major (steps × width) window. */
    public static SamplingShap forWindow(List<String> features, int steps) {
        int width = features.size();
        int[][] pos = new int[width][steps];
        for (int j = 0; j < width; j++) {
            for (int r = 0; r < steps; r++) {
                pos[j][r] = r * width + j;
            }
        }
        return new SamplingShap(features, pos);
    }

    /**
     * @param model        scalar output per input, evaluated in batches
     * @param background   rows standing for "feature unknown"
     * @param permutations how many permutations to sample
     */
    public Explanation explain(Function<List<double[]>, double[]> model, double[] x, List<double[]> background,
                               int permutations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = players.size();
        List<double[]> batch = new ArrayList<>(permutations * (m + 1));
        int[][] orders = new int[permutations][];
        for (int p = 0; p < permutations; p++) {
            int[] order = shuffled(m, random);
            orders[p] = order;
            double[] current = background.get(p % background.size()).clone();
            batch.add(current.clone());
            for (int player : order) {
                for (int pos : positions[player]) {
                    current[pos] = x[pos];
                }
                batch.add(current.clone());
            }
        }
        double[] out = model.apply(batch);
        double[] phi = new double[m];
        double base = 0;
        for (int p = 0; p < permutations; p++) {
            int o = p * (m + 1);
            base += out[o];
            for (int k = 0; k < m; k++) {
                phi[orders[p][k]] += out[o + k + 1] - out[o + k];
            }
        }
        List<Contribution> contributions = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            contributions.add(new Contribution(players.get(j), phi[j] / permutations));
        }
        return new Explanation(base / permutations, contributions, false);
    }

    private static int[] shuffled(int m, SplittableRandom random) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
