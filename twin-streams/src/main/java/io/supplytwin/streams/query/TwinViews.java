package io.supplytwin.streams.query;

import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.health.HealthModel;
import io.supplytwin.core.health.KeyIndicator;
import io.supplytwin.core.network.Enterprise;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.ExplanationItem;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.streams.rollup.EnterpriseTwin;
import io.supplytwin.streams.state.EntityTwin;
import io.supplytwin.streams.state.IndicatorStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON bodies of the interactive-query API, built from the twin's stores, with indicator descriptions and units
 * from the catalogue and enterprise names and roles from the network model.
 */
public final class TwinViews {

    private final IndicatorCatalogue catalogue;
    private final SupplyNetwork network;
    private final Map<String, KeyIndicator> keyIndicators = new HashMap<>();

    public TwinViews(IndicatorCatalogue catalogue, HealthModel model, SupplyNetwork network) {
        this.catalogue = catalogue;
        this.network = network;
        model.keyIndicators().forEach(k -> keyIndicators.put(k.id(), k));
    }

    /** One twin: its clocks and every indicator with latest value, rolling statistics and catalogue metadata. */
    public Map<String, Object> twin(EntityTwin t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entityId", t.entityId());
        body.put("enterpriseId", t.enterpriseId());
        body.put("level", t.level().name());
        body.put("version", t.version());
        body.put("updateTime", time(t.latestEventTime()));
        body.put("publishedAt", t.neverPublished() ? null : time(t.publishedAt()));
        body.put("readings", t.readings());
        body.put("lateReadings", t.lateReadings());
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Map.Entry<String, IndicatorStats> e : t.indicators().entrySet()) {
            IndicatorStats s = e.getValue();
            Optional<Indicator> known = catalogue.find(e.getKey());
            Map<String, Object> i = ordered("id", e.getKey(), "description", known.map(Indicator::description).orElse(null),
                    "unit", known.map(Indicator::unit).orElse(null), "value", s.value(), "updatedAt", time(s.updatedAt()),
                    "mean", s.mean(), "std", s.std(), "count", s.count(),
                    "published", Double.isNaN(s.published()) ? null : s.published(),
                    "deadband", known.map(Indicator::deadband).orElse(0.0));
            indicators.add(i);
        }
        body.put("indicators", indicators);
        return body;
    }

    /** H, its 12 components (value in the scoring indicator's unit, score, AHP weight) and raised alert flags. */
    public Map<String, Object> health(String enterpriseId, HealthIndex h) {
        Map<String, Object> body = header(enterpriseId);
        body.put("time", h.getTime().toString());
        body.put("h", h.getH());
        body.put("alerts", List.copyOf(h.getAlerts()));
        List<Map<String, Object>> components = new ArrayList<>();
        for (HealthComponent c : h.getComponents()) {
            KeyIndicator key = keyIndicators.get(c.getKey());
            Map<String, Object> m = ordered("key", c.getKey(), "label", c.getLabel(),
                    "indicator", key == null ? null : key.scoredBy().id(), "unit", key == null ? null : key.scoredBy().unit(),
                    "rollUp", key == null ? null : key.rollUp().code(), "value", c.getValue(), "score", c.getScore(),
                    "weight", c.getWeight());
            components.add(m);
        }
        body.put("components", components);
        return body;
    }

    /** C, its parts, the financing terms and the explanation. */
    public Map<String, Object> credit(String enterpriseId, CreditAssessment c) {
        Map<String, Object> body = header(enterpriseId);
        body.put("time", c.getTime().toString());
        body.put("c", c.getC());
        body.put("ch", c.getCh());
        body.put("cr", c.getCr());
        body.put("a", c.getA());
        body.put("h", c.getH());
        body.put("p", c.getP());
        body.put("pSource", c.getPSource().name());
        body.put("monthlyRevenue", Map.of("value", c.getMonthlyRevenue(), "unit", "CNY"));
        body.put("industryRisk", c.getIndustryRisk());
        body.put("lmax", Map.of("value", c.getLmax(), "unit", "CNY"));
        body.put("rateBand", c.getRateBand().name());
        body.put("ratePct", c.getRate());
        body.put("guaranteeRequired", c.getGuaranteeRequired());
        body.put("alerts", List.copyOf(c.getAlerts()));
        List<Map<String, Object>> explanation = new ArrayList<>();
        for (ExplanationItem item : c.getExplanation()) {
            Map<String, Object> m = ordered("factor", item.getFactor(), "value", item.getValue(),
                    "contribution", item.getContribution(), "text", item.getText());
            explanation.add(m);
        }
        body.put("explanation", explanation);
        return body;
    }

    /** One row of the enterprise list: H and C at a glance. */
    public Map<String, Object> summary(EnterpriseTwin t) {
        Map<String, Object> body = header(t.enterpriseId());
        HealthIndex h = t.health();
        CreditAssessment c = t.credit();
        body.put("h", h == null ? null : h.getH());
        body.put("healthTime", h == null ? null : h.getTime().toString());
        body.put("c", c == null ? null : c.getC());
        body.put("rateBand", c == null ? null : c.getRateBand().name());
        body.put("lmax", c == null ? null : c.getLmax());
        body.put("alerts", h == null ? List.of() : List.copyOf(h.getAlerts()));
        return body;
    }

    private Map<String, Object> header(String enterpriseId) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<Enterprise> known = network.enterprise(enterpriseId);
        body.put("enterpriseId", enterpriseId);
        body.put("name", known.map(Enterprise::name).orElse(null));
        body.put("role", known.map(e -> e.role().name()).orElse(null));
        return body;
    }

    /** A map keeping the order of its keys (JSON fields in that order), from key, value, key, value, … */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String time(long millis) {
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis).toString();
    }

    /** One closed day as the scorer saw it. */
    public Map<String, Object> day(DayObservation d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", d.day());
        m.put("demand", finite(d.demand()));
        m.put("orders", finite(d.orders()));
        m.put("inventory", finite(d.inventory()));
        m.put("sales", finite(d.sales()));
        m.put("h", finite(d.health()));
        m.put("indicators", new TreeMap<>(d.indicators()));
        return m;
    }

    /** A SHAP explanation: base, every contribution (largest magnitude first), whether exact; base + sum = prediction. */
    public Map<String, Object> explanation(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base", e.base());
        m.put("prediction", e.prediction());
        m.put("exact", e.exact());
        m.put("contributions", e.top(e.contributions().size()).stream()
                .map(c -> Map.of("feature", c.feature(), "value", c.value())).toList());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
