package io.supplytwin.ml.explain;

import java.util.Comparator;
import java.util.List;

/**
 * SHAP values of one prediction: base (the expected prediction) plus the contributions equals the prediction.
 *
 * @param exact true for TreeSHAP, false for a sampling estimate
 */
public record Explanation(double base, List<Contribution> contributions, boolean exact) {

    public Explanation {
        contributions = List.copyOf(contributions);
    }

    public double prediction() {
        return base + contributions.stream().mapToDouble(Contribution::value).sum();
    }

    /** The {@code n} contributions of largest magnitude, largest first. */
    public List<Contribution> top(int n) {
        return contributions.stream().sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.value())))
                .limit(n).toList();
    }
}
