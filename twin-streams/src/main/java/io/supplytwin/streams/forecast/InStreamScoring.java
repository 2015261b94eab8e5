package io.supplytwin.streams.forecast;

import io.supplytwin.ml.explain.Contribution;
import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.RiskFeatures;
import io.supplytwin.ml.scoring.FaultRisk;
import io.supplytwin.ml.scoring.ForecastResult;
import io.supplytwin.ml.scoring.Scorer;
import io.supplytwin.ml.training.RiskData;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.ForecastContributor;
import io.supplytwin.schemas.avro.ForecastKind;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream's side of ml-scoring: turns a closed enterprise day into {@code twin.forecast} records (the 7-day demand
 * forecast, seed 000's recommended order and the risk P with their SHAP reasons) and an equipment twin's 4-hourly
 * samples into an EQUIPMENT_FAULT record. A scoring call that cannot happen (history too short, a value not finite)
 * or fails is counted and skipped: it never stops the stream thread.
 */
public final class InStreamScoring {

    private static final Logger LOG = LoggerFactory.getLogger(InStreamScoring.class);

    /** The fault model reads one sample per 4 hours of a machine's readings (as it was trained). */
    public static final Duration FAULT_SAMPLE_INTERVAL = Duration.ofHours(4);
    /** Horizon of the fault model: a failure within the next 12 samples. */
    public static final int FAULT_HORIZON_DAYS = 2;
    private static final int TOP = 3;

    private final Scorer scorer;
    private final TwinStreamsMetrics metrics;

    public InStreamScoring(Scorer scorer, TwinStreamsMetrics metrics) {
        this.scorer = scorer;
        this.metrics = metrics;
    }

    /** The DEMAND, ORDERS and RISK records for the history's last day (RISK only when P exists); empty when skipped. */
    public List<Forecast> daily(EntityHistory history, long time) {
        if (history.size() < ForecastFeatures.MIN_HISTORY_DAYS) {
            metrics.scoringSkipped("short");
            return List.of();
        }
        long start = System.nanoTime();
        Optional<ForecastResult> scored;
        List<Contribution> riskReasons = List.of();
        try {
            scored = scorer.forecast(history);
            if (scored.isPresent() && !Double.isNaN(scored.get().p())) {
                riskReasons = scorer.explainRisk(history).map(e -> e.top(TOP)).orElse(List.of());
            }
        } catch (RuntimeException e) {
            LOG.warn("scoring {} failed; day skipped", history.enterpriseId(), e);
            metrics.scoringSkipped("error");
            return List.of();
        }
        if (scored.isEmpty()) {
            metrics.scoringSkipped("not_finite");
            return List.of();
        }
        ForecastResult r = scored.get();
        metrics.scored("forecast", r.model(), r.version(), System.nanoTime() - start);
        String id = history.enterpriseId();
        Instant at = Instant.ofEpochMilli(time);
        List<Forecast> out = new ArrayList<>(3);
        out.add(new Forecast(id, id, at, ForecastKind.DEMAND, ForecastFeatures.HORIZON, values(r.values()), null,
                r.model(), r.version(), contributors(r.topContributors())));
        out.add(new Forecast(id, id, at, ForecastKind.ORDERS, 1, List.of(r.recommendedOrder()), null, "order-rule",
                r.version(), null));
        if (!Double.isNaN(r.p())) {
            out.add(new Forecast(id, id, at, ForecastKind.RISK, RiskFeatures.WINDOW_DAYS, List.of(), r.p(), r.riskModel(),
                    r.version(), contributors(riskReasons)));
        }
        return out;
    }

    /**
     * The EQUIPMENT_FAULT record for a machine's latest samples (oldest first), with the scorer's verdict; the reasons
     * of a probability over the threshold only when {@code explain} (the stream asks when an alert would be new).
     */
    public Optional<Scored> fault(String equipmentId, String enterpriseId, List<Map<String, Double>> samples, long time,
                                  boolean explain) {
        long start = System.nanoTime();
        Optional<FaultRisk> scored;
        try {
            scored = scorer.equipmentFault(equipmentId, samples, explain);
        } catch (RuntimeException e) {
            LOG.warn("fault scoring of {} failed; sample skipped", equipmentId, e);
            metrics.scoringSkipped("error");
            return Optional.empty();
        }
        if (scored.isEmpty()) {
            metrics.scoringSkipped(samples.size() < RiskData.EQUIPMENT_WINDOW ? "short" : "not_finite");
            return Optional.empty();
        }
        FaultRisk f = scored.get();
        metrics.scored("fault", f.model(), f.version(), System.nanoTime() - start);
        Forecast record = new Forecast(equipmentId, enterpriseId, Instant.ofEpochMilli(time), ForecastKind.EQUIPMENT_FAULT,
                FAULT_HORIZON_DAYS, List.of(), f.probability(), f.model(), f.version(), contributors(f.topContributors()));
        return Optional.of(new Scored(record, f));
    }

    /** A fault record and the verdict behind it. */
    public record Scored(Forecast record, FaultRisk risk) {
    }

    private static List<Double> values(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static List<ForecastContributor> contributors(List<Contribution> top) {
        if (top == null || top.isEmpty()) {
            return null;
        }
        List<ForecastContributor> out = new ArrayList<>(top.size());
        for (Contribution c : top) {
            out.add(new ForecastContributor(c.feature(), c.value()));
        }
        return out;
    }
}
