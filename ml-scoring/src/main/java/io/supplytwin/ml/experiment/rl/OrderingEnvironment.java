package io.supplytwin.ml.experiment.rl;

import io.supplytwin.ml.feature.DayObservation;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One supply-chain layer's daily ordering problem, as the DQN agent trains on it. Any simulator can implement it;
 * {@link DemandReplayEnvironment} replays a demand series with seed 000's accounting.
 */
public interface OrderingEnvironment {

    /** Starts an episode (where it starts may be drawn from {@code random}); returns today's state. */
    Observation reset(SplittableRandom random);

    /** Places today's order and runs until the next decision (tomorrow, after its demand is served). */
    Outcome step(double order);

    /**
     * What a layer knows when it orders, as in the experiment's {@code LayerView}.
     *
     * @param history   the layer's days, oldest first, the last one today (its {@code orders} is NaN: being decided)
     * @param inventory stock after today's sales
     */
    record Observation(List<DayObservation> history, double inventory) {
    }

    /**
     * The money and service of the step: the purchase of the order placed, and the next day's sales, holding and
     * shortage.
     *
     * @param done true when the episode has ended (the next observation is still valid)
     */
    record Outcome(Observation next, double revenue, double purchaseCost, double holdingCost, double shortageCost,
                   double demand, double sales, boolean done) {
        public double profit() {
            return revenue - purchaseCost - holdingCost - shortageCost;
        }

        /** Share of the day's demand served (1 on a day without demand). */
        public double serviceLevel() {
            return demand <= 0 ? 1 : sales / demand;
        }
    }
}
