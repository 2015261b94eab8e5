package io.supplytwin.streams.state;

import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinLevel;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A telemetry reading as the twin applies it: the fields the twin uses, and the values as parallel arrays with each id
 * already resolved to its catalogue position ({@link CatalogueIds}). Decoded straight from the record's bytes by
 * {@link CompactReadingDeserializer}, it spares the stream thread a String and a map entry per value and a hash lookup
 * per value when applying (docs/performance.md). The reading as Avro's generated class is still at hand, decoded on
 * demand, for the rare paths that want it (a late reading's dead letter).
 */
public final class CompactReading {

    private final String entityId;
    private final String enterpriseId;
    private final TwinLevel level;
    private final long eventTime;
    private final int size;
    private final int[] positions;
    private final String[] ids;
    private final double[] values;
    private final Supplier<TelemetryReading> avro;

    /**
     * @param positions catalogue position of each value, -1 for ids outside the catalogue
     * @param ids       the id of each value whose position is -1 (other entries may be null)
     * @param avro      the same reading as Avro's class, decoded when asked for
     */
    CompactReading(String entityId, String enterpriseId, TwinLevel level, long eventTime, int size, int[] positions,
                   String[] ids, double[] values, Supplier<TelemetryReading> avro) {
        this.entityId = entityId;
        this.enterpriseId = enterpriseId;
        this.level = level;
        this.eventTime = eventTime;
        this.size = size;
        this.positions = positions;
        this.ids = ids;
        this.values = values;
        this.avro = avro;
    }

    /** The reading in Avro's class, as decoded by Avro (tests, and writer schemas the direct decoder does not know). */
    public static CompactReading of(TelemetryReading r) {
        Objects.requireNonNull(r, "reading");
        return of(r.getEntityId(), r.getEnterpriseId(), r.getLevel(),
                r.getEventTime() == null ? Long.MIN_VALUE : r.getEventTime().toEpochMilli(), r.getValues(), () -> r);
    }

    /** Values by id alone, for applying to a twin outside a topology (tests, tools); it has no Avro form. */
    public static CompactReading values(Map<String, Double> values) {
        return of(null, null, null, Long.MIN_VALUE, values, () -> {
            throw new IllegalStateException("these values were not read from a record");
        });
    }

    private static CompactReading of(String entityId, String enterpriseId, TwinLevel level, long eventTime,
                                     Map<String, Double> map, Supplier<TelemetryReading> avro) {
        int n = map == null ? 0 : map.size();
        int[] positions = new int[n];
        String[] ids = new String[n];
        double[] values = new double[n];
        int i = 0;
        if (map != null) {
            for (Map.Entry<String, Double> e : map.entrySet()) {
                Double v = e.getValue();
                positions[i] = CatalogueIds.indexOf(e.getKey());
                ids[i] = positions[i] < 0 ? e.getKey() : null;
                values[i] = v == null ? Double.NaN : v;
                i++;
            }
        }
        return new CompactReading(entityId, enterpriseId, level, eventTime, i, positions, ids, values, avro);
    }

    public String entityId() {
        return entityId;
    }

    public String enterpriseId() {
        return enterpriseId;
    }

    public TwinLevel level() {
        return level;
    }

    /** When the gateway measured, epoch ms. */
    public long eventTime() {
        return eventTime;
    }

    /** How many values. */
    public int size() {
        return size;
    }

    /** Catalogue position of value {@code i}, -1 when its id is not in the catalogue. */
    public int position(int i) {
        return positions[i];
    }

    /** The id of value {@code i}. */
    public String id(int i) {
        return positions[i] >= 0 ? CatalogueIds.id(positions[i]) : ids[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** The same reading as Avro's generated class. */
    public TelemetryReading avro() {
        return avro.get();
    }
}
