package io.supplytwin.ml.experiment.rl;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.ordering.OrderRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A layer facing a given daily demand series, with seed 000's rules: an order arrives the next morning (lead time
 * one day), demand is served from stock and unmet demand is lost; each day costs purchase = unit cost × order,
 * holding = rate × unit cost × stock left and shortage = rate × price × unmet demand, and earns price × sales. An
 * episode is {@code episodeDays} decisions from a random start in the series; the first day of an episode is
 * served from the initial inventory.
 *
 * <p>For an upstream layer, the demand is what the layer below ordered in the history replayed: the agent's own
 * orders do not change it, which is how the agent is trained on the experiment's training days.
 */
public final class DemandReplayEnvironment implements OrderingEnvironment {
    private final double[] demand;
    private final OrderRule.Parameters economics;
    private final double initialInventory;
    private final int episodeDays;
    private final List<DayObservation> history = new ArrayList<>();
    private final List<DayObservation> view = Collections.unmodifiableList(history);
    private int day;
    private int end;
    private double inventory;

    /**
     * @param demand      the layer's demand, one value per day
     * @param economics   price, unit cost, holding and shortage rates of the layer
     * @param episodeDays decisions per episode, at most {@code demand.length − 1}
     */
    public DemandReplayEnvironment(double[] demand, OrderRule.Parameters economics, double initialInventory,
                                   int episodeDays) {
        if (episodeDays < 1 || episodeDays > demand.length - 1) {
            throw new IllegalArgumentException("an episode of " + episodeDays + " days needs at least "
                    + (episodeDays + 1) + " days of demand, had " + demand.length);
        }
        this.demand = demand.clone();
        this.economics = economics;
        this.initialInventory = initialInventory;
        this.episodeDays = episodeDays;
    }

    @Override
    public Observation reset(SplittableRandom random) {
        int starts = demand.length - episodeDays;
        day = starts == 1 ? 0 : random.nextInt(starts);
        end = day + episodeDays;
        history.clear();
        inventory = initialInventory;
        serve(day);
        return new Observation(view, inventory);
    }

    @Override
    public Outcome step(double order) {
        if (day >= end) {
            throw new IllegalStateException("the episode has ended; reset first");
        }
        double placed = Math.max(0, order);
        DayObservation today = history.get(history.size() - 1);
        history.set(history.size() - 1,
                DayObservation.supply(today.day(), today.demand(), placed, today.inventory(), today.sales()));
        inventory += placed;
        day++;
        double sales = serve(day);
        double unmet = demand[day] - sales;
        return new Outcome(new Observation(view, inventory), economics.price() * sales, economics.unitCost() * placed,
                economics.holdingCost(inventory), economics.shortageCost(unmet), demand[day], sales, day == end);
    }

    private double serve(int t) {
        double sales = Math.min(inventory, demand[t]);
        inventory -= sales;
        history.add(DayObservation.supply(t, demand[t], Double.NaN, inventory, sales));
        return sales;
    }
}
