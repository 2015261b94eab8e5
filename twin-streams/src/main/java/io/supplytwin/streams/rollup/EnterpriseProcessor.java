package io.supplytwin.streams.rollup;

import io.supplytwin.core.credit.ExplanationFormat;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.forecast.DailyObservations;
import io.supplytwin.streams.forecast.EnterpriseDays;
import io.supplytwin.streams.forecast.InStreamScoring;
import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.RateBand;
import io.supplytwin.schemas.avro.Severity;
import io.supplytwin.streams.credit.CreditScorer;
import io.supplytwin.streams.health.HealthAlerts;
import io.supplytwin.streams.health.HealthRollUp;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import io.supplytwin.streams.state.WriteBehind;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Enterprise twins, keyed by enterprise id. A published twin's values update the roll-up inputs, then H and its 12
 * components are recomputed and published, alerts raised on crossings, and credit re-assessed; a new risk probability
 * or ledger history re-assesses credit only. Output values are {@link HealthIndex}, {@link Alert} or
 * {@link CreditAssessment}.
 */
public final class EnterpriseProcessor implements Processor<String, EnterpriseInput, String, SpecificRecord> {

    public static final String CREDIT_RISK = "CREDIT_RISK";

    private final String storeName;
    private final String pendingName;
    private final HealthRollUp rollUp;
    private final HealthAlerts alerts;
    private final CreditScorer scorer;
    private final double minCoverage;
    private final long dropWindowMs;
    private final TwinStreamsMetrics metrics;
    private final DailyScoring daily;
    private ProcessorContext<String, SpecificRecord> context;
    private WriteBehind<EnterpriseTwin> twins;
    private KeyValueStore<String, EnterpriseDays> days;

    /** Where closed days are kept and who scores them (the processor takes null when scoring is off). */
    public record DailyScoring(String storeName, long dayMs, InStreamScoring scoring) {
    }

    /**
     * @param storeName   the enterprise twins' store
     * @param pendingName a {@link WriteBehind} in front of it: an enterprise changed by several inputs between two
     *                    commits is decoded, encoded and logged once
     */
    public EnterpriseProcessor(String storeName, String pendingName, HealthRollUp rollUp, HealthAlerts alerts, CreditScorer scorer,
                               double minCoverage, long dropWindowMs, TwinStreamsMetrics metrics, DailyScoring daily) {
        this.daily = daily;
        this.storeName = storeName;
        this.pendingName = pendingName;
        this.rollUp = rollUp;
        this.alerts = alerts;
        this.scorer = scorer;
        this.minCoverage = minCoverage;
        this.dropWindowMs = dropWindowMs;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        KeyValueStore<String, EnterpriseTwin> store = context.getStateStore(storeName);
        this.twins = WriteBehind.unwrap(context.getStateStore(pendingName));
        twins.target(store);
        if (daily != null) {
            this.days = context.getStateStore(daily.storeName());
        }
    }

    @Override
    public void process(Record<String, EnterpriseInput> record) {
        EnterpriseInput in = record.value();
        String id = record.key();
        if (in == null || id == null) {
            return;
        }
        EnterpriseTwin twin = twins.get(id);
        if (twin == null) {
            twin = EnterpriseTwin.create(id);
        }
        long time = in.time();
        switch (in.kind()) {
            case TWIN -> {
                if (daily != null && in.level() == TwinLevel.ENTERPRISE) {
                    advanceDay(twin, time);
                }
                twin.accept(in.entityId(), in.level(), in.values());
                health(twin, time);
            }
            case RISK -> {
                if (time >= twin.riskTime || Double.isNaN(twin.risk)) {
                    twin.risk = in.probability();
                    twin.riskTime = time;
                    twin.riskModel = in.model();
                }
            }
            case HISTORY -> twin.history = in.history();
        }
        if (twin.health != null && covered(twin.health)) {
            credit(twin, Math.max(time, twin.health.getTime().toEpochMilli()));
        }
        twins.put(id, twin);
    }

    /**
     * The enterprise's own readings drive its day: the first one of a later day closes the open day with the values
     * and H as they stood at its end, appends it to the daily history, scores it and forwards the forecast records.
     * Late readings (an earlier day) leave the clock alone.
     */
    private void advanceDay(EnterpriseTwin twin, long time) {
        long day = Math.floorDiv(time, daily.dayMs());
        if (twin.openDay == EnterpriseTwin.NO_DAY) {
            twin.openDay = day;
            return;
        }
        if (day <= twin.openDay) {
            return;
        }
        long closing = twin.openDay;
        twin.openDay = day;
        if (twin.own.isEmpty()) {
            return;
        }
        String id = twin.enterpriseId();
        EnterpriseDays history = days.get(id);
        if (history == null) {
            history = EnterpriseDays.startingAt(closing);
        }
        double h = twin.health == null ? Double.NaN : twin.health.getH();
        history.add(DailyObservations.close(closing - history.origin(), twin.own, h, history.last()));
        days.put(id, history);
        long end = (closing + 1) * daily.dayMs();
        for (Forecast f : daily.scoring().daily(history.history(id), end)) {
            context.forward(new Record<String, SpecificRecord>(id, f, end));
            metrics.forecast(f.getKind().name());
        }
    }

    private boolean covered(HealthIndex health) {
        return coverage(health) + 1e-9 >= minCoverage;
    }

    /** Share of the AHP weight whose key indicator had a score in a published health record. */
    private static double coverage(HealthIndex health) {
        double coverage = 0;
        for (var c : health.getComponents()) {
            if (c.getScore() != null) {
                coverage += c.getWeight();
            }
        }
        return coverage;
    }

    private void health(EnterpriseTwin twin, long time) {
        io.supplytwin.core.health.HealthIndex index = rollUp.assess(twin.own, twin.equipment.values(), twin.orders.values());
        HealthAlerts.State state = new HealthAlerts.State(twin.lowAlert, twin.dropAlert);
        if (index.coverage() + 1e-9 >= minCoverage) {
            if (twin.health != null && index.coverage() > coverage(twin.health) + 1e-9) {
                // a key indicator joined H: earlier values were computed over fewer indicators and are not
                // comparable, so the drop window starts again (otherwise a start-up looks like a fast drop)
                twin.recentHealth.clear();
            }
            twin.rememberHealth(time, index.h(), dropWindowMs);
            HealthAlerts.Outcome outcome = alerts.check(twin.enterpriseId(), time, index.h(), twin.recentMaxHealth(), state);
            state = outcome.state();
            twin.lowAlert = state.low();
            twin.dropAlert = state.drop();
            outcome.alerts().forEach(a -> alert(a, time));
        }
        twin.health = rollUp.toRecord(twin.enterpriseId(), time, index, state.flags());
        context.forward(new Record<String, SpecificRecord>(twin.enterpriseId(), twin.health, time));
        metrics.health();
    }

    private void credit(EnterpriseTwin twin, long time) {
        double h = twin.health.getH();
        double fall = Math.max(0, twin.recentMaxHealth() - h);
        CreditScorer.Inputs inputs = new CreditScorer.Inputs(twin.enterpriseId(), time, h, Double.isNaN(fall) ? 0 : fall,
                twin.risk, twin.riskTime, twin.riskModel, twin.own);
        CreditAssessment credit = scorer.assess(inputs, twin.history);
        twin.credit(credit);
        context.forward(new Record<String, SpecificRecord>(twin.enterpriseId(), credit, time));
        metrics.credit();
        boolean risky = credit.getRateBand() == RateBand.RISK_ALERT;
        if (risky && !twin.creditAlert) {
            alert(HealthAlerts.alert(twin.enterpriseId(), time, Severity.WARNING, CREDIT_RISK, "Credit score C = "
                    + ExplanationFormat.fixed(credit.getC(), 3)
                    + " is in the risk-alert band: an extra guarantee is required", credit.getC(), scorer.riskThreshold()), time);
        }
        twin.creditAlert = risky;
    }

    private void alert(Alert alert, long time) {
        context.forward(new Record<String, SpecificRecord>(alert.getEnterpriseId(), alert, time));
        metrics.alert(alert.getKind());
    }
}
