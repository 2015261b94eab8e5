package io.supplytwin.ml.experiment;

import io.supplytwin.ml.experiment.rl.DemandReplayEnvironment;
import io.supplytwin.ml.experiment.rl.DqnAgent;
import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.ordering.LayerView;
import io.supplytwin.ml.ordering.OrderRule;
import io.supplytwin.ml.ordering.OrderingPolicy;
import io.supplytwin.ml.ordering.SupplyChain;
import io.supplytwin.ml.training.ModelTraining;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Seed 000's reinforcement-learning model: one DQN agent per layer ({@link DqnAgent}, its defaults: two hidden layers
 * of 64, replay of 20,000, ε 1.0 → 0.1), trained by replaying the layer's demand of the training days
 * ({@link DemandReplayEnvironment}, episodes of 60 days), ordering by itself — the rule is not used. It is not
 * searched: one training of the three agents costs as much as the whole search of a forecaster.
 */
final class DqnPolicySource implements PolicySource {
    static final String NAME = "dqn";
    static final int EPISODE_DAYS = 60;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String kind() {
        return "neural";
    }

    @Override
    public Prepared prepare(RunContext run, ModelTraining.Progress progress) {
        int episodes = run.settings().space().dqnEpisodes();
        DqnAgent[] agents = new DqnAgent[SupplyChain.LAYERS];
        for (int l = 1; l <= SupplyChain.LAYERS; l++) {
            List<DayObservation> history = run.trainingHistories().get(l - 1);
            double[] demand = history.stream().mapToDouble(DayObservation::demand).toArray();
            double mean = Arrays.stream(demand).average().orElse(1);
            OrderRule.Parameters e = OrderRule.Parameters.layer(l);
            String stage = NAME + " layer " + l;
            DqnAgent.Settings s = DqnAgent.Settings.defaults(DqnAgent.Settings.actionsFor(demand), episodes,
                    run.seed() * 31 + l);
            agents[l - 1] = DqnAgent.train(new DemandReplayEnvironment(demand, e, SupplyChain.INITIAL_INVENTORY,
                    EPISODE_DAYS), Math.max(1, mean), e.price(), s, ep -> progress.update(stage, ep, episodes));
        }
        OrderingPolicy policy = new OrderingPolicy() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Decision decide(LayerView view) {
                return new Decision(agents[view.layer() - 1].order(view.history(), view.inventory()), new double[0]);
            }
        };
        return new Prepared(policy, String.format(Locale.ROOT, "%d episodes of %d days per layer, defaults",
                episodes, EPISODE_DAYS), List.of(), () -> { });
    }
}
