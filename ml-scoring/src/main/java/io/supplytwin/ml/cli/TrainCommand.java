package io.supplytwin.ml.cli;

import io.supplytwin.ml.artifact.ForecasterKind;
import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.ml.training.ModelTraining;
import io.supplytwin.ml.training.TrainingReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twin train}: trains a new model version from generated history (seed 000's chain, generated enterprise and
 * machine histories) or a CSV of daily histories, and publishes it into the model directory, where a running scorer
 * picks it up. Exit codes: 0 trained, 1 failure, 2 bad input (CSV, option).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model version (forecasters, risk and equipment fault models) and publish it.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "DIR", description = "model directory (default ${DEFAULT-VALUE})")
    Path models = Path.of(".twin-data", "models");

    @Option(names = "--csv", paramLabel = "FILE",
            description = "daily histories: entity_id,day,demand,orders,inventory,sales (default: generated)")
    Path csv;

    @Option(names = "--forecasters", split = ",", paramLabel = "NAME",
            description = "forecasters to train, of xgboost, cfc-xgboost, leak-xgboost, lstm, transformer (default: all)")
    List<String> forecasters = ForecasterKind.ALL;

    @Option(names = "--quick", description = "XGBoost forecaster and risk models only, seconds")
    boolean quick;

    @Option(names = "--seed", description = "seed of the generated histories (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--epochs", description = "epochs of the neural forecasters (default ${DEFAULT-VALUE})")
    int epochs = 30;

    @Override
    public Integer call() {
        for (String f : forecasters) {
            if (!ForecasterKind.ALL.contains(f)) {
                System.out.println("Unknown forecaster '" + f + "'; known: " + ForecasterKind.ALL);
                return 2;
            }
        }
        ModelTraining.Options full = ModelTraining.Options.full();
        ModelTraining.Options options = quick ? ModelTraining.Options.quick().withSeed(seed).withCsv(csv)
                : new ModelTraining.Options(forecasters, seed, full.runs(), full.days(), csv, epochs,
                full.riskLstm(), full.firms(), full.machines());
        ProgressBar bar = new ProgressBar();
        try {
            Path version = ModelTraining.train(new ModelStore(models), options, bar);
            bar.finish();
            TrainingReport r = ModelTraining.report(version);
            System.out.println("Published " + version.toAbsolutePath());
            System.out.println("Trained on: " + r.source());
            System.out.printf("%-18s %14s %14s%n", "forecaster", "MAE (all)", "MAE (retailer)");
            for (Map.Entry<String, Double> e : r.forecastMae().entrySet()) {
                System.out.printf("%-18s %14.3f %14.3f%s%n", e.getKey(), e.getValue(),
                        r.forecastMaeRetailer().get(e.getKey()), e.getKey().equals(r.servingForecaster()) ? "  serving" : "");
            }
            System.out.println("Risk (default within 30 days), validation AUC: " + r.riskAuc() + " -> " + r.riskModel());
            System.out.printf("Equipment fault (within 48 h), validation AUC: %.3f%n", r.equipmentAuc());
            return 0;
        } catch (IllegalArgumentException e) {
            bar.finish();
            System.out.println("twin train: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            bar.finish();
            System.out.println("twin train failed: " + e);
            return 1;
        }
    }

    /** One line redrawn in place: [#####.....] stage done/total. */
    static final class ProgressBar implements ModelTraining.Progress {
        private static final int WIDTH = 30;
        private boolean drawn;
        /** The longest stage drawn so far: shorter ones are padded to it so nothing of the last line stays. */
        private int stageWidth = 14;

        @Override
        public synchronized void update(String stage, int done, int total) {
            int filled = total <= 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
            stageWidth = Math.max(stageWidth, stage.length());
            System.out.printf("\r[%s%s] %-" + stageWidth + "s %3d/%-3d", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    stage, done, total);
            System.out.flush();
            drawn = true;
        }

        synchronized void finish() {
            if (drawn) {
                System.out.println();
                drawn = false;
            }
        }
    }
}
