package io.supplytwin.ml.experiment;

import io.supplytwin.ml.ordering.OrderingPolicy;
import io.supplytwin.ml.training.ModelTraining;
import java.util.List;

/** Where a policy of the experiment comes from: tuned and trained on a run's training days, or fixed. */
interface PolicySource {

    String name();

    /** "neural", "neural + trees", "trees" or "classical". */
    String kind();

    /** The run's policy, ready to order from the first measured day. */
    Prepared prepare(RunContext run, ModelTraining.Progress progress);

    /**
     * @param chosen what the search chose, described ("" for a fixed policy)
     * @param close  frees the models behind the policy (called after the run's measurements)
     */
    record Prepared(OrderingPolicy policy, String chosen, List<PolicyRun.Trial> trials, AutoCloseable close) {
    }
}
