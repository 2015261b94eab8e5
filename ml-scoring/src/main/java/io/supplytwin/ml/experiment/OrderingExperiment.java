package io.supplytwin.ml.experiment;

import io.supplytwin.ml.experiment.metrics.LayerMetrics;
import io.supplytwin.ml.experiment.search.ForecastModel;
import io.supplytwin.ml.explain.Contribution;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.history.SeedDemandChain;
import io.supplytwin.ml.ordering.ChainTrace;
import io.supplytwin.ml.ordering.ForecastRulePolicy;
import io.supplytwin.ml.ordering.OrderUpToPolicy;
import io.supplytwin.ml.ordering.OrderingPolicy;
import io.supplytwin.ml.ordering.SupplyChain;
import io.supplytwin.ml.training.ModelTraining;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 000's ordering experiment, reproduced: per seed, consumer demand for all days; the training days run under
 * seed 000's smoothing rule and give the forecasters their data; then each policy orders from the first measured day
 * to the last, on the same demand from the same state, and is measured layer by layer. Each policy is run again on
 * the measured days' demand with Gaussian noise added (seed 000's Table 4). The XGBoost forecaster's predictions are
 * explained with TreeSHAP.
 */
public final class OrderingExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(OrderingExperiment.class);

    private OrderingExperiment() {
    }

    public static ExperimentResult run(ExperimentSettings settings, ModelTraining.Progress progress) {
        long started = System.nanoTime();
        List<PolicySource> sources = new ArrayList<>();
        for (ForecastModel m : settings.models()) {
            sources.add(new TunedRulePolicy(m));
        }
        if (settings.dqn()) {
            sources.add(new DqnPolicySource());
        }
        if (settings.baselines()) {
            sources.add(fixed(OrderUpToPolicy.baseStock()));
            sources.add(fixed(OrderUpToPolicy.proportional(OrderUpToPolicy.DEFAULT_TI)));
        }
        Map<String, List<PolicyRun>> runs = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        sources.forEach(s -> {
            runs.put(s.name(), new ArrayList<>());
            kinds.put(s.name(), s.kind());
        });
        List<double[]> shap = new ArrayList<>();
        int shapRuns = 0;
        int runNo = 0;
        for (long seed : settings.seeds()) {
            runNo++;
            RunContext run = new RunContext(settings, seed, SeedDemandChain.consumerDemand(seed, settings.days()));
            String prefix = "run " + runNo + "/" + settings.seeds().size() + " ";
            ModelTraining.Progress runProgress = (stage, done, total) -> progress.update(prefix + stage, done, total);
            for (PolicySource source : sources) {
                long t0 = System.nanoTime();
                PolicySource.Prepared prepared = source.prepare(run, runProgress);
                try {
                    ChainTrace trace = run.measure(prepared.policy(), run.consumerDemand());
                    double[] noise = noiseProfits(run, prepared.policy(), runProgress);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    runs.get(source.name()).add(new PolicyRun(seed, metrics(trace, settings),
                            cumulativeProfit(trace, settings), prepared.chosen(), prepared.trials(), noise, seconds));
                    LOG.info("Run {} (seed {}), {}: total profit {}, {} s", runNo, seed, source.name(),
                            Math.round(runs.get(source.name()).get(runNo - 1).totalProfit()), Math.round(seconds));
                    if (prepared.policy() instanceof ForecastRulePolicy p
                            && ForecastModel.XGBOOST.policyName().equals(source.name())) {
                        runProgress.update("SHAP", 0, 1);
                        List<double[]> s = meanAbsoluteShap(p, trace, settings);
                        accumulate(shap, s);
                        shapRuns++;
                        runProgress.update("SHAP", 1, 1);
                    }
                } finally {
                    close(prepared.close());
                }
            }
        }
        for (double[] layer : shap) {
            for (int j = 0; j < layer.length; j++) {
                layer[j] /= shapRuns;
            }
        }
        List<String> features = new ArrayList<>(ForecastFeatures.NAMES);
        features.add("horizon_day");
        return new ExperimentResult(settings, runs, kinds, shap.isEmpty() ? List.of() : features, shap,
                (System.nanoTime() - started) / 1e9);
    }

    private static PolicySource fixed(OrderingPolicy policy) {
        return new PolicySource() {
            @Override
            public String name() {
                return policy.name();
            }

            @Override
            public String kind() {
                return "classical";
            }

            @Override
            public Prepared prepare(RunContext run, ModelTraining.Progress progress) {
                return new Prepared(policy, "", List.of(), () -> { });
            }
        };
    }

    private static LayerMetrics[] metrics(ChainTrace trace, ExperimentSettings s) {
        LayerMetrics[] out = new LayerMetrics[SupplyChain.LAYERS];
        for (int l = 1; l <= SupplyChain.LAYERS; l++) {
            out[l - 1] = LayerMetrics.of(trace, l, s.trainingDays(), s.days());
        }
        return out;
    }

    private static double[][] cumulativeProfit(ChainTrace trace, ExperimentSettings s) {
        double[][] out = new double[SupplyChain.LAYERS][s.days() - s.trainingDays()];
        for (int l = 1; l <= SupplyChain.LAYERS; l++) {
            double sum = 0;
            for (int t = s.trainingDays(); t < s.days(); t++) {
                sum += trace.profit(l, t);
                out[l - 1][t - s.trainingDays()] = sum;
            }
        }
        return out;
    }

    /**
     * Seed 000's Table 4: Gaussian noise with mean 0 and standard deviation level × σ(measured days' demand) is added
     * to the consumer demand of the measured days, clamped to [0, 2 × their maximum]. The noise is drawn from the
     * run's seed and the level, so every policy meets the same noisy demand.
     */
    static double[] noisyDemand(double[] demand, int from, double level, long seed) {
        double[] out = demand.clone();
        double[] measured = Arrays.copyOfRange(demand, from, demand.length);
        double sigma = Math.sqrt(LayerMetrics.variance(measured));
        double max = Arrays.stream(measured).max().orElse(0);
        SplittableRandom random = new SplittableRandom(seed * 7919 + Double.hashCode(level));
        for (int t = from; t < out.length; t++) {
            out[t] = Math.min(2 * max, Math.max(0, demand[t] + level * sigma * random.nextGaussian()));
        }
        return out;
    }

    private static double[] noiseProfits(RunContext run, OrderingPolicy policy, ModelTraining.Progress progress) {
        List<Double> levels = run.settings().noiseLevels();
        double[] out = new double[levels.size()];
        for (int i = 0; i < out.length; i++) {
            progress.update(policy.name() + " noise", i, out.length);
            ChainTrace trace = run.measure(policy, noisyDemand(run.consumerDemand(), run.settings().trainingDays(),
                    levels.get(i), run.seed()));
            for (int l = 1; l <= SupplyChain.LAYERS; l++) {
                for (int t = run.settings().trainingDays(); t < run.settings().days(); t++) {
                    out[i] += trace.profit(l, t);
                }
            }
        }
        progress.update(policy.name() + " noise", out.length, out.length);
        return out;
    }

    /** Mean |SHAP| per feature (and the horizon day) over windows spread evenly over the measured days. */
    private static List<double[]> meanAbsoluteShap(ForecastRulePolicy policy, ChainTrace trace, ExperimentSettings s) {
        List<double[]> out = new ArrayList<>();
        int measured = s.days() - s.trainingDays();
        int step = Math.max(1, measured / Math.max(1, s.shapWindows()));
        for (List<DayObservation> history : trace.histories()) {
            double[] sum = new double[ForecastFeatures.WIDTH + 1];
            int n = 0;
            for (int t = s.trainingDays(); t < s.days() && n < s.shapWindows(); t += step) {
                Explanation e = policy.forecaster().explain(ForecastFeatures.window(history, t));
                List<Contribution> cs = e.contributions();
                for (int j = 0; j < cs.size() && j < sum.length; j++) {
                    sum[j] += Math.abs(cs.get(j).value());
                }
                n++;
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= Math.max(1, n);
            }
            out.add(sum);
        }
        return out;
    }

    private static void accumulate(List<double[]> into, List<double[]> add) {
        if (into.isEmpty()) {
            add.forEach(a -> into.add(a.clone()));
            return;
        }
        for (int l = 0; l < add.size(); l++) {
            for (int j = 0; j < add.get(l).length; j++) {
                into.get(l)[j] += add.get(l)[j];
            }
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Could not free a model: {}", e.toString());
        }
    }
}
