package io.supplytwin.ingest.bench;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.payload.TelemetryPayloads;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Simulated gateway readings: entity {@code i} reports every indicator of its level with values drawn from the
 * catalogue ranges. Levels rotate enterprise, order, equipment, so three consecutive entities cover all 277 indicators.
 */
final class GatewayLoad {

    private static final Level[] LEVELS = {Level.ENTERPRISE, Level.ORDER, Level.EQUIPMENT};
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
    private final String enterprise;
    private final int entities;
    private final Map<Integer, String> valuesJson = new java.util.concurrent.ConcurrentHashMap<>();

    GatewayLoad(String enterprise, int entities) {
        this.enterprise = enterprise;
        this.entities = entities;
    }

    String topic(long n) {
        int entity = (int) (n % entities);
        return TelemetryPayloads.jsonTopic(enterprise, LEVELS[entity % 3], "e" + entity);
    }

    /**
     * The reading of entity {@code n % entities}; its values are drawn once per entity and reused, so the simulated
     * gateways spend their CPU on publishing rather than on building JSON.
     */
    byte[] payload(long n, Instant ts) {
        int entity = (int) (n % entities);
        String values = valuesJson.computeIfAbsent(entity, this::drawValues);
        return ("{\"ts\":\"" + ts + "\",\"seq\":" + (n / entities + 1) + ",\"values\":" + values + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String drawValues(int entity) {
        List<Indicator> indicators = catalogue.atLevel(LEVELS[entity % 3]);
        Map<String, Double> values = new HashMap<>(indicators.size() * 2);
        for (Indicator i : indicators) {
            values.put(i.id(), Math.round((i.min() + ThreadLocalRandom.current().nextDouble() * (i.max() - i.min())) * 1000) / 1000.0);
        }
        String json = new String(TelemetryPayloads.json(Instant.EPOCH, 0, values), java.nio.charset.StandardCharsets.UTF_8);
        return json.substring(json.indexOf("\"values\":") + "\"values\":".length(), json.length() - 1);
    }
}
