package io.supplytwin.core.ahp;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Analytic hierarchy process: weights from a pairwise matrix by power iteration, with Saaty's consistency check. */
public final class Ahp {
    private static final int MAX_ITERATIONS = 10_000;
    private static final double CONVERGENCE = 1e-13;

    private Ahp() {
    }

    /** Principal eigenvector, λmax, CI and CR of the matrix, without judging consistency. */
    public static AhpResult evaluate(PairwiseMatrix matrix) {
        int n = matrix.size();
        // start from the normalised row geometric means: already close to the eigenvector
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double logSum = 0;
            for (int j = 0; j < n; j++) {
                logSum += Math.log(matrix.entry(i, j));
            }
            w[i] = Math.exp(logSum / n);
        }
        normalise(w);
        double[] next = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            multiply(matrix, w, next);
            normalise(next);
            double change = 0;
            for (int i = 0; i < n; i++) {
                change = Math.max(change, Math.abs(next[i] - w[i]));
            }
            double[] swap = w;
            w = next;
            next = swap;
            if (change < CONVERGENCE) {
                break;
            }
        }
        multiply(matrix, w, next);
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            lambda += next[i] / w[i];
        }
        lambda /= n;
        double ci = n <= 2 ? 0 : Math.max(0, (lambda - n) / (n - 1));
        double ri = RandomIndex.of(n);
        double cr = n <= 2 ? 0 : ci / ri;
        List<Double> weights = new ArrayList<>(n);
        for (double v : w) {
            weights.add(v);
        }
        return new AhpResult(matrix.criteria(), weights, lambda, ci, ri, cr);
    }

    /**
     * Weights of a matrix that passes Saaty's test.
     *
     * @throws AhpException when CR ≥ 0.1, with the CR in the message
     */
    public static AhpResult weigh(PairwiseMatrix matrix) {
        AhpResult result = evaluate(matrix);
        if (!result.acceptable()) {
            throw new AhpException(String.format(java.util.Locale.ROOT,
                    "pairwise matrix is too inconsistent: CR = %.4f (CI = %.4f, RI = %.2f, λmax = %.4f), must be < %.1f;"
                            + " revise the judgements",
                    result.consistencyRatio(), result.consistencyIndex(), result.randomIndex(), result.lambdaMax(),
                    AhpResult.MAX_CONSISTENCY_RATIO));
        }
        return result;
    }

    /** Parses, validates and weighs a matrix file; any failure names the source. */
    public static AhpResult load(Reader reader, String source) {
        PairwiseMatrix matrix = PairwiseMatrix.load(reader, source);
        try {
            return weigh(matrix);
        } catch (AhpException e) {
            throw new AhpException(source + ": " + e.getMessage());
        }
    }

    private static void multiply(PairwiseMatrix matrix, double[] w, double[] out) {
        int n = matrix.size();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += matrix.entry(i, j) * w[j];
            }
            out[i] = sum;
        }
    }

    private static void normalise(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
    }
}
