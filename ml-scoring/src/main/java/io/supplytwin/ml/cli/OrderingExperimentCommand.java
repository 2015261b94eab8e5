package io.supplytwin.ml.cli;

import io.supplytwin.ml.experiment.ExperimentResult;
import io.supplytwin.ml.experiment.ExperimentSettings;
import io.supplytwin.ml.experiment.OrderingExperiment;
import io.supplytwin.ml.experiment.ResultFile;
import io.supplytwin.ml.experiment.report.ExperimentReport;
import io.supplytwin.ml.experiment.search.ForecastModel;
import io.supplytwin.ml.experiment.search.SearchSpace;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twin experiment ordering}: seed 000's ordering experiment (docs/experiment.md). Exit codes: 0 done, 1
 * failure, 2 bad option.
 */
@Command(name = "ordering", mixinStandardHelpOptions = true,
        description = {"Seed 000's ordering experiment: its profit-driven rule driven by the LNN+XGBoost hybrid, "
                + "XGBoost, LSTM, a Transformer and a moving average, and DQN agents, against order-up-to and proportional order-up-to policies, "
                + "on the seed's 4-layer chain; writes report.md and PNG plots.",
                "The full default (10 runs, the paper's search ranges) takes hours on 2 cores; --space compact "
                        + "takes minutes per run; --quick about a minute."})
public final class OrderingExperimentCommand implements Callable<Integer> {

    private static final String DQN = "dqn";

    @Option(names = "--runs", description = "runs, seeds 42, 43, … (default ${DEFAULT-VALUE})")
    int runs = 10;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "the runs' seeds (instead of --runs)")
    List<Long> seeds;

    @Option(names = "--quick", description = "one run of 365 days, 2 trials, networks of a few epochs")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "report directory (default ${DEFAULT-VALUE})")
    Path out = Path.of(".twin-data", "experiments", "ordering");

    @Option(names = "--trials", description = "random-search trials per model and run (default: 10, quick: 2)")
    Integer trials;

    @Option(names = "--space", paramLabel = "NAME",
            description = "search ranges: paper (seed 000's), compact (small networks), quick (default: paper, "
                    + "quick with --quick)")
    String space;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "forecasters driving the rule, of lnn-xgboost, cfc-xgboost, xgboost, lstm, transformer, ma7, "
                    + "and dqn (the DQN agents) (default: lnn-xgboost,xgboost,lstm,transformer,ma7,dqn)")
    List<String> models;

    @Option(names = "--report-from", split = ",", paramLabel = "DIR",
            description = "write the report from these directories' results.json (same seeds) instead of running")
    List<Path> reportFrom;

    @Override
    public Integer call() {
        if (reportFrom != null) {
            return reportOnly();
        }
        ExperimentSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            System.out.println("twin experiment ordering: " + e.getMessage());
            return 2;
        }
        System.out.printf(Locale.ROOT, "Ordering experiment: %d run(s), %d days, %d trial(s) per model in the '%s' "
                        + "space, policies: %s%s + base-stock, pout%n", settings.seeds().size(), settings.days(),
                settings.trials(), settings.space().name(),
                settings.models().stream().map(ForecastModel::policyName).toList(), settings.dqn() ? " + dqn" : "");
        TrainCommand.ProgressBar bar = new TrainCommand.ProgressBar();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            ExperimentResult result = OrderingExperiment.run(settings, bar);
            bar.finish();
            ResultFile.write(result, out);
            Path report = ExperimentReport.write(result, out);
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf(Locale.ROOT, "Wrote %s (%.0f s; load average %.2f at the start, %.2f at the end)%n",
                    report.toAbsolutePath(), result.seconds(), loadBefore, loadAfter);
            return 0;
        } catch (Exception e) {
            bar.finish();
            System.out.println("twin experiment ordering failed: " + e);
            return 1;
        }
    }

    private int reportOnly() {
        ExperimentResult merged = null;
        try {
            for (Path dir : reportFrom) {
                ExperimentResult r = ResultFile.read(dir);
                merged = merged == null ? r : ResultFile.merge(merged, r);
            }
        } catch (IOException | IllegalArgumentException e) {
            System.out.println("twin experiment ordering: " + e.getMessage());
            return 2;
        }
        try {
            ResultFile.write(merged, out);
            System.out.println("Wrote " + ExperimentReport.write(merged, out).toAbsolutePath());
            return 0;
        } catch (IOException e) {
            System.out.println("twin experiment ordering failed: " + e);
            return 1;
        }
    }

    ExperimentSettings settings() {
        if (seeds == null && runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
        }
        ExperimentSettings s = quick ? ExperimentSettings.quick() : ExperimentSettings.paper(runs);
        if (seeds != null) {
            s = s.withSeeds(seeds);
        }
        if (trials != null) {
            s = s.withTrials(trials);
        }
        if (space != null) {
            s = s.withSpace(SearchSpace.named(space));
        }
        if (models != null) {
            s = s.withModels(models.stream().filter(m -> !DQN.equals(m)).map(ForecastModel::named).toList(),
                    models.contains(DQN));
        }
        return s;
    }
}
