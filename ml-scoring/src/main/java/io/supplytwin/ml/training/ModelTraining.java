package io.supplytwin.ml.training;

import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.artifact.ForecasterKind;
import io.supplytwin.ml.artifact.Manifest;
import io.supplytwin.ml.artifact.ModelSet;
import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.RiskFeatures;
import io.supplytwin.ml.feature.RiskIndicators;
import io.supplytwin.ml.forecast.Forecaster;
import io.supplytwin.ml.forecast.HybridForecaster;
import io.supplytwin.ml.forecast.LstmForecaster;
import io.supplytwin.ml.forecast.TransformerForecaster;
import io.supplytwin.ml.forecast.MovingAverageForecaster;
import io.supplytwin.ml.forecast.SequenceNet;
import io.supplytwin.ml.forecast.XgbForecaster;
import io.supplytwin.ml.risk.Auc;
import io.supplytwin.ml.risk.LabelledSequences;
import io.supplytwin.ml.risk.SequenceClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one model version and publishes it into a {@link ModelStore}: the chosen forecasters on seed 000's chain (or
 * a CSV), the enterprise risk classifiers (XGBoost, and the LSTM unless skipped; the better validation AUC serves) and
 * the equipment fault classifier, with scalers, feature spec, metrics and the training data's hash.
 */
public final class ModelTraining {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);
    static final String FEATURE_SPEC_FILE = "feature-spec.json";
    static final double FAULT_ALERT_THRESHOLD = 0.5;

    /** Where training stands; the CLI draws a progress bar from it. */
    public interface Progress {
        /** {@code done} of {@code total} units of {@code stage}. */
        void update(String stage, int done, int total);

        Progress LOG = (stage, done, total) -> {
            if (done == total) {
                ModelTraining.LOG.info("Training: {} done", stage);
            }
        };
    }

    /**
     * @param forecasters which forecasters to train ({@link ForecasterKind#ALL})
     * @param csv         daily histories to train the forecasters on instead of the generated chain (null: generate)
     * @param epochs      epochs of the neural forecasters
     * @param riskLstm    also train the LSTM risk classifier
     */
    public record Options(List<String> forecasters, long seed, int runs, int days, Path csv, int epochs,
                          boolean riskLstm, int firms, int machines) {
        /** What a first start trains: XGBoost forecaster and risk models, seconds. */
        public static Options quick() {
            return new Options(List.of(XgbForecaster.NAME), 42, 1, 1095, null, 0, false, 80, 40);
        }

        public Options withSeed(long newSeed) {
            return new Options(forecasters, newSeed, runs, days, csv, epochs, riskLstm, firms, machines);
        }

        public Options withCsv(Path file) {
            return new Options(forecasters, seed, runs, days, file, epochs, riskLstm, firms, machines);
        }

        /** Every model, a minute or so on 2 cores. */
        public static Options full() {
            return new Options(ForecasterKind.ALL, 42, 1, 1095, null, 30, true, 120, 60);
        }
    }

    private ModelTraining() {
    }

    public static Path train(ModelStore store, Options o, Progress progress) throws IOException {
        progress.update("data", 0, 1);
        ForecastData data;
        if (o.csv() == null) {
            data = ForecastData.generated(o.seed(), o.runs(), o.days());
        } else {
            List<List<DayObservation>> series = ForecastCsv.read(o.csv());
            data = ForecastData.of(series, splitDay(series), 1);
        }
        String source = o.csv() == null ? "generated seed 000 chain, seeds " + o.seed() + ".." + (o.seed() + o.runs() - 1)
                + ", " + o.days() + " days" : "csv " + o.csv().toAbsolutePath();
        RiskData risk = RiskData.enterprises(o.seed() + 1000, o.firms(), 360);
        RiskData equipment = RiskData.equipment(o.seed() + 2000, o.machines(), 1500);
        String hash = new DataHash().add(data.training().inputs()).add(data.training().targets())
                .add(data.heldOut().inputs()).add(data.heldOut().targets())
                .add(risk.training().sequences()).addLabels(risk.training().labels())
                .add(equipment.training().sequences()).addLabels(equipment.training().labels()).hex();
        progress.update("data", 1, 1);
        if (data.training().size() == 0 || data.heldOut().size() == 0) {
            throw new IllegalArgumentException("not enough history to train and validate a forecaster: need "
                    + ForecastFeatures.MIN_HISTORY_DAYS + " + " + ForecastFeatures.HORIZON + " days on each side of the split");
        }

        Path staged = store.stage();
        Map<String, Double> mae = new LinkedHashMap<>();
        Map<String, Double> maeRetail = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        evaluate(new MovingAverageForecaster(), data, mae, maeRetail);
        for (String name : o.forecasters()) {
            long t0 = System.nanoTime();
            try (Forecaster f = trainForecaster(name, data, o, epoch -> progress.update(name, epoch, o.epochs()))) {
                seconds.put(name, (System.nanoTime() - t0) / 1e9);
                evaluate(f, data, mae, maeRetail);
                Path dir = Files.createDirectories(staged.resolve(ModelSet.FORECAST_DIR).resolve(name));
                f.save(dir);
            }
            progress.update(name, Math.max(1, o.epochs()), Math.max(1, o.epochs()));
            LOG.info("Forecaster {}: validation MAE {} (moving average {})", name, String.format("%.3f", mae.get(name)),
                    String.format("%.3f", mae.get(MovingAverageForecaster.NAME)));
        }
        String serving = o.forecasters().stream().min((a, b) -> Double.compare(mae.get(a), mae.get(b))).orElseThrow();

        Map<String, Double> auc = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        SequenceClassifier riskModel = SequenceClassifier.trainTree(RiskIndicators.ENTERPRISE, RiskFeatures.WINDOW_DAYS,
                risk.training(), o.seed());
        auc.put(SequenceClassifier.XGBOOST, auc(riskModel, risk.validation()));
        seconds.put("risk-" + SequenceClassifier.XGBOOST, (System.nanoTime() - t0) / 1e9);
        progress.update("risk", 1, o.riskLstm() ? 2 : 1);
        if (o.riskLstm()) {
            t0 = System.nanoTime();
            SequenceClassifier lstm = SequenceClassifier.trainLstm(RiskIndicators.ENTERPRISE, RiskFeatures.WINDOW_DAYS,
                    risk.training(), new SequenceNet.Settings(8, 64, 0.005f, o.seed()));
            auc.put(SequenceClassifier.LSTM, auc(lstm, risk.validation()));
            seconds.put("risk-" + SequenceClassifier.LSTM, (System.nanoTime() - t0) / 1e9);
            if (auc.get(SequenceClassifier.LSTM) > auc.get(SequenceClassifier.XGBOOST)) {
                riskModel.close();
                riskModel = lstm;
            } else {
                lstm.close();
            }
            progress.update("risk", 2, 2);
        }
        String riskKind = riskModel.spec().kind();
        try (SequenceClassifier chosen = riskModel) {
            chosen.save(Files.createDirectories(staged.resolve(ModelSet.RISK_DIR)));
        }
        LOG.info("Risk model: {} (validation AUC {})", riskKind, auc);

        t0 = System.nanoTime();
        double equipmentAuc;
        try (SequenceClassifier fault = SequenceClassifier.trainTree(RiskIndicators.EQUIPMENT, RiskData.EQUIPMENT_WINDOW,
                equipment.training(), o.seed())) {
            equipmentAuc = auc(fault, equipment.validation());
            fault.save(Files.createDirectories(staged.resolve(ModelSet.EQUIPMENT_DIR)));
        }
        seconds.put("equipment-fault", (System.nanoTime() - t0) / 1e9);
        progress.update("equipment", 1, 1);

        TrainingReport report = new TrainingReport(source, data.training().size(), data.heldOut().size(), mae,
                maeRetail, serving, risk.training().size(), risk.training().positiveShare(), auc, riskKind,
                equipmentAuc, equipment.training().positiveShare(), seconds);
        ArtifactFiles.write(staged.resolve(TrainingReport.FILE), report);
        ArtifactFiles.write(staged.resolve(FEATURE_SPEC_FILE), Map.of(
                "forecastFeatures", ForecastFeatures.NAMES, "window", ForecastFeatures.WINDOW,
                "horizonDays", ForecastFeatures.HORIZON, "scaling", "min-max per feature, scaler.json per model",
                "riskIndicators", RiskIndicators.ENTERPRISE, "riskWindowDays", RiskFeatures.WINDOW_DAYS,
                "riskHorizonDays", RiskData.DISTRESS_HORIZON_DAYS, "equipmentIndicators", RiskIndicators.EQUIPMENT,
                "equipmentWindowReadings", RiskData.EQUIPMENT_WINDOW, "equipmentHorizonReadings", RiskData.EQUIPMENT_HORIZON));
        synchronized (ModelTraining.class) { // one publisher at a time picks the next number
            String version = store.nextVersion();
            ArtifactFiles.write(staged.resolve(Manifest.FILE), new Manifest(version, Instant.now().toString(), source,
                    hash, serving, List.copyOf(o.forecasters()), riskKind, FAULT_ALERT_THRESHOLD));
            return store.publish(staged, version);
        }
    }

    /** The figures of the newest version's {@code metrics.json}. */
    public static TrainingReport report(Path versionDir) throws IOException {
        return ArtifactFiles.read(versionDir.resolve(TrainingReport.FILE), TrainingReport.class);
    }

    private static Forecaster trainForecaster(String name, ForecastData data, Options o, IntConsumer epochDone) {
        SequenceNet.Settings settings = new SequenceNet.Settings(o.epochs(), 32, 0.005f, o.seed());
        return switch (name) {
            case XgbForecaster.NAME -> XgbForecaster.train(data.training(), o.seed());
            case HybridForecaster.CFC, HybridForecaster.ADAPTIVE_LEAK ->
                    HybridForecaster.train(name, data.training(), settings, epochDone);
            case LstmForecaster.NAME -> LstmForecaster.train(data.training(), settings, epochDone);
            case TransformerForecaster.NAME -> TransformerForecaster.train(data.training(),
                    new SequenceNet.Settings(o.epochs(), 32, TransformerForecaster.LEARNING_RATE, o.seed()), epochDone);
            default -> throw new IllegalArgumentException("unknown forecaster '" + name + "'; known: "
                    + ForecasterKind.ALL);
        };
    }

    private static void evaluate(Forecaster f, ForecastData data, Map<String, Double> mae, Map<String, Double> retail) {
        mae.put(f.name(), ForecastData.mae(f.forecast(data.heldOut().inputs()), data.heldOut().targets()));
        retail.put(f.name(), ForecastData.mae(f.forecast(data.heldOutRetailer().inputs()),
                data.heldOutRetailer().targets()));
    }

    private static double auc(SequenceClassifier c, LabelledSequences validation) {
        return Auc.of(c.probabilities(validation.sequences()), validation.labelFlags());
    }

    /** CSV histories validate on their last third of days. */
    private static long splitDay(List<List<DayObservation>> series) {
        long max = series.stream().flatMap(List::stream).mapToLong(DayObservation::day).max().orElse(0);
        long min = series.stream().flatMap(List::stream).mapToLong(DayObservation::day).min().orElse(0);
        return min + (max - min) * 2 / 3;
    }
}
