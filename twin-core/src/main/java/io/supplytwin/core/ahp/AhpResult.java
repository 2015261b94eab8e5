package io.supplytwin.core.ahp;

import java.util.List;

/**
 * Weights derived from a pairwise matrix, with its consistency figures.
 *
 * @param weights          principal eigenvector normalised to sum 1, in the order of {@code criteria}
 * @param lambdaMax        principal eigenvalue
 * @param consistencyIndex CI = (λmax − n) / (n − 1), 0 for n ≤ 2
 * @param randomIndex      Saaty's RI for n
 * @param consistencyRatio CR = CI / RI, 0 for n ≤ 2 (such matrices are always consistent)
 */
public record AhpResult(List<String> criteria, List<Double> weights, double lambdaMax, double consistencyIndex,
                        double randomIndex, double consistencyRatio) {
    /** Saaty's acceptance threshold: a matrix is consistent enough when CR &lt; 0.1. */
    public static final double MAX_CONSISTENCY_RATIO = 0.1;

    public AhpResult {
        criteria = List.copyOf(criteria);
        weights = List.copyOf(weights);
    }

    public boolean acceptable() {
        return consistencyRatio < MAX_CONSISTENCY_RATIO;
    }

    public double weight(String criterion) {
        int i = criteria.indexOf(criterion);
        if (i < 0) {
            throw new IllegalArgumentException("unknown criterion: " + criterion);
        }
        return weights.get(i);
    }
}
