package io.supplytwin.ingest.bench;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.payload.TelemetryPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Simulated gateway readings: entity {@code i} reports every indicator of its level with values drawn from the
 * catalogue ranges. Levels rotate enterprise, order, equipment, so three consecutive entities cover all 277 indicators.
 * Message {@code n} of a run is entity {@code n % entities}'s reading number {@code n / entities}.
 */
final class GatewayLoad {

    private static final Level[] LEVELS = {Level.ENTERPRISE, Level.ORDER, Level.EQUIPMENT};
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
    private final String enterprise;
    private final int entities;
    private final Map<Integer, String> valuesJson = new ConcurrentHashMap<>();

    GatewayLoad(String enterprise, int entities) {
        this.enterprise = enterprise;
        this.entities = entities;
    }

    int entities() {
        return entities;
    }

    String topic(long n) {
        int entity = entity(n);
        return TelemetryPayloads.jsonTopic(enterprise, LEVELS[entity % 3], "e" + entity);
    }

    /**
     * The reading of message {@code n}, with sequence number {@code seqBase + n / entities + 1} (runs against the same
     * bridge pass increasing bases so their readings are not duplicates); its values are drawn once per entity and
     * reused, so the simulated gateways spend their CPU on publishing rather than on building JSON.
     */
    byte[] payload(long n, long seqBase, Instant ts) {
        String values = valuesJson.computeIfAbsent(entity(n), this::drawValues);
        return ("{\"ts\":\"" + ts + "\",\"seq\":" + (seqBase + n / entities + 1) + ",\"values\":" + values + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The reading of message {@code n} as the bridge would decode it: indicator id to value. */
    Map<String, Double> values(long n) {
        List<Indicator> indicators = catalogue.atLevel(LEVELS[entity(n) % 3]);
        Map<String, Double> values = new HashMap<>(indicators.size() * 2);
        for (Indicator i : indicators) {
            values.put(i.id(), Math.round((i.min() + ThreadLocalRandom.current().nextDouble() * (i.max() - i.min())) * 1000) / 1000.0);
        }
        return values;
    }

    private int entity(long n) {
        return (int) (n % entities);
    }

    private String drawValues(int entity) {
        String json = new String(TelemetryPayloads.json(Instant.EPOCH, 0, values(entity)), StandardCharsets.UTF_8);
        return json.substring(json.indexOf("\"values\":") + "\"values\":".length(), json.length() - 1);
    }
}
