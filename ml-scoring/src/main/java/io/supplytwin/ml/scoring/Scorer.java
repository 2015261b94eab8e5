package io.supplytwin.ml.scoring;

import io.supplytwin.ml.artifact.ModelSet;
import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.ml.explain.Contribution;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.RiskFeatures;
import io.supplytwin.ml.feature.RiskIndicators;
import io.supplytwin.ml.forecast.Forecaster;
import io.supplytwin.ml.ordering.OrderRule;
import io.supplytwin.ml.risk.SequenceClassifier;
import io.supplytwin.ml.training.RiskData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-stream scoring, plain Java: twin-streams calls {@link #forecast} per enterprise (or entity) and day, and
 * {@link #equipmentFault} per equipment twin. The scorer starts on the newest model version that loads and polls the
 * model directory; a newer version is loaded beside the current one and swapped in atomically, calls in flight finish
 * on the version they started with, and the old one is closed after the last of them. Safe for many threads.
 */
public final class Scorer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scorer.class);

    /**
     * @param pollInterval how often to look for a new version (null or zero: only on {@link #checkForNewVersion})
     * @param topContributors how many SHAP contributions a result carries
     * @param explainTrees    explain tree forecasters on every call (exact TreeSHAP, a few milliseconds)
     * @param explainNeural   explain neural forecasters on every call (a sampling estimate, tens of milliseconds);
     *                        otherwise only on request
     */
    public record Options(Duration pollInterval, OrderRule.Parameters orderRule, int topContributors,
                          boolean explainTrees, boolean explainNeural) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), OrderRule.Parameters.retailer(), 3, true, false);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(interval, orderRule, topContributors, explainTrees, explainNeural);
        }

        public Options withExplanations(boolean trees, boolean neural) {
            return new Options(pollInterval, orderRule, topContributors, trees, neural);
        }
    }

    private final ModelStore store;
    private final Options options;
    private final OrderRule orderRule;
    private final AtomicReference<ModelSet> current = new AtomicReference<>();
    private final Map<String, String> broken = new HashMap<>();
    private final ScheduledExecutorService watcher;
    private final AtomicLong forecasts = new AtomicLong();
    private final AtomicLong skippedShort = new AtomicLong();
    private final AtomicLong skippedNonFinite = new AtomicLong();
    private final AtomicLong faultScores = new AtomicLong();
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicLong failedLoads = new AtomicLong();

    private Scorer(ModelStore store, Options options, ModelSet first) {
        this.store = store;
        this.options = options;
        this.orderRule = new OrderRule(options.orderRule());
        current.set(first);
        Duration poll = options.pollInterval();
        if (poll != null && !poll.isZero() && !poll.isNegative()) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "model-watcher");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::pollQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            watcher = null;
        }
    }

    /**
     * Starts on the newest version in {@code modelDir} that loads (older ones when newer are broken).
     *
     * @throws IOException when no version loads; the message names the files that are missing or corrupt
     */
    public static Scorer open(Path modelDir, Options options) throws IOException {
        ModelStore store = new ModelStore(modelDir);
        Map<String, String> broken = new TreeMap<>();
        Optional<ModelSet> first = store.loadNewestGood(null, broken);
        if (first.isEmpty()) {
            throw new IOException(broken.isEmpty() ? "no model version in " + modelDir + " (run 'twin train')"
                    : "no model version in " + modelDir + " loads: " + String.join("; ", broken.values()));
        }
        LOG.info("Scoring with model version {} (forecaster {}, risk {})", first.get().version(),
                first.get().manifest().servingForecaster(), first.get().manifest().riskModel());
        Scorer scorer = new Scorer(store, options, first.get());
        scorer.broken.putAll(broken);
        scorer.failedLoads.addAndGet(broken.size());
        return scorer;
    }

    /** The version now serving. */
    public String version() {
        return current.get().version();
    }

    /** Forecast, order and risk for the history's last day; empty when the history is too short or not finite. */
    public Optional<ForecastResult> forecast(EntityHistory history) {
        return forecast(history, false);
    }

    /** As {@link #forecast(EntityHistory)}, with the forecast explained (whatever the model) when {@code explain} is set. */
    public Optional<ForecastResult> forecast(EntityHistory history, boolean explain) {
        double[] window = ForecastFeatures.latestWindow(history);
        if (window == null) {
            skippedShort.incrementAndGet();
            return Optional.empty();
        }
        if (!ForecastFeatures.allFinite(window)) {
            skippedNonFinite.incrementAndGet();
            return Optional.empty();
        }
        ModelSet models = acquire();
        try {
            Forecaster f = models.serving();
            double[] values = f.forecast(window);
            List<Contribution> top = List.of();
            if (explain || (f.exactExplanation() ? options.explainTrees() : options.explainNeural())) {
                top = f.explain(window).top(options.topContributors());
            }
            double order = orderRule.decide(values, recentDemand(history), history.last().inventory()).order();
            double p = risk(models.risk(), history);
            forecasts.incrementAndGet();
            return Optional.of(new ForecastResult(values, order, p, top, f.name(), models.version(),
                    Double.isNaN(p) ? "" : "risk-" + models.risk().spec().kind()));
        } finally {
            models.release();
        }
    }

    /**
     * Fault risk of one machine from its recent readings (catalogue id → value, oldest first, one per 4 hours; the
     * last 12 are used); empty when fewer than 12 readings or any value is missing or not finite.
     */
    public Optional<FaultRisk> equipmentFault(String equipmentId, List<Map<String, Double>> readings) {
        return equipmentFault(equipmentId, readings, true);
    }

    /**
     * As {@link #equipmentFault(String, List)}; {@code explain} false leaves out the SHAP reasons of a probability over
     * the threshold (TreeSHAP costs milliseconds; the stream explains only when an alert is newly raised).
     */
    public Optional<FaultRisk> equipmentFault(String equipmentId, List<Map<String, Double>> readings, boolean explain) {
        int window = RiskData.EQUIPMENT_WINDOW;
        if (readings.size() < window) {
            skippedShort.incrementAndGet();
            return Optional.empty();
        }
        List<String> ids = RiskIndicators.EQUIPMENT;
        double[] seq = new double[window * ids.size()];
        for (int r = 0; r < window; r++) {
            Map<String, Double> reading = readings.get(readings.size() - window + r);
            for (int j = 0; j < ids.size(); j++) {
                Double v = reading.get(ids.get(j));
                seq[r * ids.size() + j] = v == null ? Double.NaN : v;
            }
        }
        if (!ForecastFeatures.allFinite(seq)) {
            skippedNonFinite.incrementAndGet();
            return Optional.empty();
        }
        ModelSet models = acquire();
        try {
            SequenceClassifier c = models.equipment();
            double p = c.probabilities(List.of(seq))[0];
            double threshold = models.manifest().faultAlertThreshold();
            List<Contribution> top = explain && p >= threshold ? c.explain(seq).top(options.topContributors()) : List.of();
            faultScores.incrementAndGet();
            return Optional.of(new FaultRisk(equipmentId, p, p >= threshold, threshold, top,
                    "fault-" + c.spec().kind(), models.version()));
        } finally {
            models.release();
        }
    }

    /** Looks for a newer version now; true when one was swapped in. */
    public synchronized boolean checkForNewVersion() {
        ModelSet serving = current.get();
        int before = broken.size();
        Optional<ModelSet> newer = store.loadNewestGood(serving.version(), broken);
        failedLoads.addAndGet(broken.size() - before);
        if (newer.isEmpty()) {
            return false;
        }
        current.set(newer.get());
        serving.retire();
        swaps.incrementAndGet();
        LOG.info("Swapped model version {} for {} (forecaster {}, risk {})", serving.version(), newer.get().version(),
                newer.get().manifest().servingForecaster(), newer.get().manifest().riskModel());
        return true;
    }

    public ScoringCounters counters() {
        return new ScoringCounters(forecasts.get(), skippedShort.get(), skippedNonFinite.get(), faultScores.get(),
                swaps.get(), failedLoads.get());
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        ModelSet last = current.getAndSet(null);
        if (last != null) {
            last.retire();
        }
    }

    private ModelSet acquire() {
        while (true) {
            ModelSet m = current.get();
            if (m == null) {
                throw new IllegalStateException("scorer is closed");
            }
            if (m.retain()) {
                return m;
            }
        }
    }

    private void pollQuietly() {
        try {
            checkForNewVersion();
        } catch (RuntimeException e) {
            LOG.error("Looking for a new model version failed; still serving {}", version(), e);
        }
    }

    private double risk(SequenceClassifier model, EntityHistory history) {
        double[] seq = riskSequence(history);
        return seq == null ? Double.NaN : model.probabilities(List.of(seq))[0];
    }

    /** The last 30 days of H and the risk indicators; null when short, not an enterprise, or not finite (counted). */
    private double[] riskSequence(EntityHistory history) {
        int n = history.size();
        if (n < RiskFeatures.WINDOW_DAYS) {
            return null;
        }
        DayObservation last = history.last();
        if (Double.isNaN(last.health()) && last.indicators().isEmpty()) {
            return null; // not an enterprise history: no risk asked for
        }
        EntityHistory recent = new EntityHistory(history.entityId(), history.enterpriseId(),
                history.days().subList(n - RiskFeatures.WINDOW_DAYS, n));
        double[] seq = RiskFeatures.sequence(RiskFeatures.enterpriseSnapshots(recent), RiskFeatures.WINDOW_DAYS - 1,
                RiskFeatures.WINDOW_DAYS);
        if (!ForecastFeatures.allFinite(seq)) {
            skippedNonFinite.incrementAndGet();
            return null;
        }
        return seq;
    }

    /**
     * SHAP values of P for one enterprise history: exact TreeSHAP in log-odds (base + Σ = logit P) for the XGBoost
     * risk model, a sampling estimate on P for the LSTM; empty when there is no P.
     */
    public Optional<Explanation> explainRisk(EntityHistory history) {
        double[] seq = riskSequence(history);
        if (seq == null) {
            return Optional.empty();
        }
        ModelSet models = acquire();
        try {
            return Optional.of(models.risk().explain(seq));
        } finally {
            models.release();
        }
    }

    private static double[] recentDemand(EntityHistory history) {
        List<DayObservation> days = history.days();
        int from = Math.max(0, days.size() - 10);
        double[] d = new double[days.size() - from];
        for (int i = from; i < days.size(); i++) {
            d[i - from] = days.get(i).demand();
        }
        return d;
    }

    /** Explanation of the serving forecaster for one history (exact for trees, sampled for neural models). */
    public Optional<Explanation> explain(EntityHistory history) {
        double[] window = ForecastFeatures.latestWindow(history);
        if (window == null || !ForecastFeatures.allFinite(window)) {
            return Optional.empty();
        }
        ModelSet models = acquire();
        try {
            return Optional.of(models.serving().explain(window));
        } finally {
            models.release();
        }
    }
}
