package io.supplytwin.ml.experiment;

import io.supplytwin.ml.experiment.search.ForecastModel;
import io.supplytwin.ml.experiment.search.Hyperparameters;
import io.supplytwin.ml.forecast.Forecaster;
import io.supplytwin.ml.ordering.ForecastRulePolicy;
import io.supplytwin.ml.training.ModelTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 000's rule driven by one forecaster, tuned by random search: each trial draws a point of the space, trains
 * on the days before the validation days and is scored by the manufacturer's validation profit. Seed 000 used
 * Optuna's TPE sampler with 10 trials; TPE starts with 10 random trials (Optuna's {@code n_startup_trials}) before it
 * models anything, so 10 TPE trials are random search. The best point is trained again on all training days.
 */
final class TunedRulePolicy implements PolicySource {
    private final ForecastModel model;

    TunedRulePolicy(ForecastModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return model.policyName();
    }

    @Override
    public String kind() {
        return model.kind();
    }

    @Override
    public Prepared prepare(RunContext run, ModelTraining.Progress progress) {
        int trials = run.settings().trials();
        SplittableRandom random = new SplittableRandom(run.seed() * 1_000_003L + model.ordinal());
        List<PolicyRun.Trial> log = new ArrayList<>();
        Hyperparameters best = null;
        double bestProfit = Double.NEGATIVE_INFINITY;
        String stage = name() + " search";
        for (int i = 0; i < trials; i++) {
            progress.update(stage, i, trials);
            Hyperparameters h = model.sample(run.settings().space(), random);
            double profit;
            try (Forecaster f = model.train(h, run.searchWindows(), run.seed() + i, null)) {
                profit = run.validationProfit(new ForecastRulePolicy(name(), f, h.safetyStockBase()));
            }
            log.add(new PolicyRun.Trial(h.describe(model), profit));
            if (profit > bestProfit || best == null) {
                bestProfit = profit;
                best = h;
            }
        }
        progress.update(stage, trials, trials);
        Hyperparameters chosen = best;
        String train = name() + " training";
        boolean epochs = model.family() == ForecastModel.Family.NETWORK || model.family() == ForecastModel.Family.HYBRID;
        int total = epochs ? chosen.epochs() : 1;
        progress.update(train, 0, total);
        Forecaster f = model.train(chosen, run.trainingWindows(), run.seed(), e -> progress.update(train, e, total));
        progress.update(train, total, total);
        return new Prepared(new ForecastRulePolicy(name(), f, chosen.safetyStockBase()), chosen.describe(model), log,
                f);
    }
}
