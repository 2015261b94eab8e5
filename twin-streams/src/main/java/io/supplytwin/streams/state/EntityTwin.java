package io.supplytwin.streams.state;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.IndicatorState;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one equipment, order or enterprise twin as kept in its store: every indicator's latest value, update
 * time, rolling statistics and last published value, plus the twin's version and clocks. Mutable: a processor reads
 * it, applies a reading, maybe publishes, and writes it back.
 *
 * <p>Time semantics: a reading at or after the twin's latest event time moves everything forward. A reading older
 * than that but within the grace period ({@link ApplyOutcome#LATE_APPLIED}) enters the rolling statistics, and
 * replaces an indicator's latest value only where that indicator has no newer reading, so "latest" never goes back in
 * time. Anything older is {@link ApplyOutcome#TOO_LATE} and leaves the twin untouched.
 */
public final class EntityTwin {

    public static final StateCodec<EntityTwin> CODEC = new StateCodec<>("entity twin", 2, EntityTwin::write, EntityTwin::read);

    private static final long NEVER = Long.MIN_VALUE;

    private final String entityId;
    private final String enterpriseId;
    private final TwinLevel level;
    private long version;
    private long latestEventTime = NEVER;
    private long publishedAt = NEVER;
    private long readings;
    private long lateReadings;
    private final Map<String, IndicatorStats> indicators;

    private EntityTwin(String entityId, String enterpriseId, TwinLevel level, Map<String, IndicatorStats> indicators) {
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.enterpriseId = Objects.requireNonNull(enterpriseId, "enterpriseId");
        this.level = Objects.requireNonNull(level, "level");
        this.indicators = indicators;
    }

    /** A twin that has seen nothing yet. */
    public static EntityTwin create(String entityId, String enterpriseId, TwinLevel level) {
        return new EntityTwin(entityId, enterpriseId, level, new LinkedHashMap<>());
    }

    /**
     * Applies one reading.
     *
     * @param alpha   weight of a new reading in the exponentially weighted statistics
     * @param graceMs how far behind the twin's latest reading a reading may be and still count
     */
    public ApplyOutcome apply(Map<String, Double> values, long eventTime, double alpha, long graceMs) {
        ApplyOutcome outcome;
        if (latestEventTime == NEVER || eventTime >= latestEventTime) {
            outcome = ApplyOutcome.APPLIED;
            latestEventTime = eventTime;
        } else if (latestEventTime - eventTime <= graceMs) {
            outcome = ApplyOutcome.LATE_APPLIED;
            lateReadings++;
        } else {
            return ApplyOutcome.TOO_LATE;
        }
        readings++;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double x = e.getValue();
            if (!Double.isFinite(x)) {
                continue;
            }
            IndicatorStats s = indicators.computeIfAbsent(e.getKey(), k -> new IndicatorStats());
            boolean newest = s.count == 0 || eventTime >= s.updatedAt;
            s.accumulate(x, alpha);
            if (newest) {
                s.value = x;
                s.updatedAt = eventTime;
            }
        }
        return outcome;
    }

    /** Whether any indicator is unpublished or moved beyond its deadband since it was last published. */
    public boolean movedBeyondDeadband(Map<String, Double> deadbands) {
        for (Map.Entry<String, IndicatorStats> e : indicators.entrySet()) {
            IndicatorStats s = e.getValue();
            if (Double.isNaN(s.published)) {
                return true;
            }
            Double band = deadbands.get(e.getKey());
            if (Math.abs(s.value - s.published) > (band == null ? 0 : band)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this twin never published. */
    public boolean neverPublished() {
        return publishedAt == NEVER;
    }

    /** Event time since the last publication, in ms; 0 before the first. */
    public long sincePublished() {
        return neverPublished() ? 0 : latestEventTime - publishedAt;
    }

    /**
     * Marks the current values published and returns whether any of {@code watched} changed its published value
     * (or was published for the first time).
     */
    public boolean markPublished(Collection<String> watched) {
        boolean changed = false;
        for (String id : watched) {
            IndicatorStats s = indicators.get(id);
            if (s != null && Double.compare(s.value, s.published) != 0) {
                changed = true;
            }
        }
        for (IndicatorStats s : indicators.values()) {
            s.published = s.value;
        }
        version++;
        publishedAt = latestEventTime;
        return changed;
    }

    /** The twin as a {@code twin.state.*} record. */
    public TwinState toState(EmitReason reason) {
        Map<String, IndicatorState> map = new HashMap<>(indicators.size() * 2);
        indicators.forEach((id, s) -> map.put(id, new IndicatorState(s.value, java.time.Instant.ofEpochMilli(s.updatedAt),
                s.mean, s.std(), s.count)));
        return new TwinState(entityId, enterpriseId, level, java.time.Instant.ofEpochMilli(latestEventTime), version, reason,
                map);
    }

    /** Latest values of the indicators among {@code ids} that this twin has. */
    public Map<String, Double> latest(Collection<String> ids) {
        Map<String, Double> out = new HashMap<>();
        for (String id : ids) {
            IndicatorStats s = indicators.get(id);
            if (s != null) {
                out.put(id, s.value);
            }
        }
        return out;
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

    public long version() {
        return version;
    }

    /** Event time of the newest reading applied. */
    public long latestEventTime() {
        return latestEventTime;
    }

    /** Event time of the last publication, {@link Long#MIN_VALUE} before the first. */
    public long publishedAt() {
        return publishedAt;
    }

    public long readings() {
        return readings;
    }

    public long lateReadings() {
        return lateReadings;
    }

    /** Indicator id → statistics, in the order they were first seen. */
    public Map<String, IndicatorStats> indicators() {
        return java.util.Collections.unmodifiableMap(indicators);
    }

    /**
     * Format 2: catalogue indicators are written as their position in the catalogue (guarded by a fingerprint of the
     * catalogue's ids; other ids as text), update times as the distance from the twin's latest event time, counts
     * as variable-length numbers: about half the bytes of format 1, which wrote every id as text.
     */
    private static void write(EntityTwin t, DataOutputStream out) throws IOException {
        out.writeUTF(t.entityId);
        out.writeUTF(t.enterpriseId);
        out.writeByte(t.level.ordinal());
        writeVarLong(out, t.version);
        out.writeLong(t.latestEventTime);
        out.writeLong(t.publishedAt);
        writeVarLong(out, t.readings);
        writeVarLong(out, t.lateReadings);
        out.writeInt(CatalogueIds.FINGERPRINT);
        writeVarLong(out, t.indicators.size());
        for (Map.Entry<String, IndicatorStats> e : t.indicators.entrySet()) {
            IndicatorStats s = e.getValue();
            int index = CatalogueIds.indexOf(e.getKey());
            writeVarLong(out, index + 1L);
            if (index < 0) {
                out.writeUTF(e.getKey());
            }
            out.writeDouble(s.value);
            writeVarLong(out, zigZag(t.latestEventTime - s.updatedAt));
            out.writeDouble(s.mean);
            out.writeDouble(s.variance);
            writeVarLong(out, s.count);
            out.writeDouble(s.published);
        }
    }

    private static EntityTwin read(DataInputStream in, int version) throws IOException {
        String entityId = in.readUTF();
        String enterpriseId = in.readUTF();
        TwinLevel level = TwinLevel.values()[in.readUnsignedByte()];
        EntityTwin t = new EntityTwin(entityId, enterpriseId, level, new LinkedHashMap<>());
        if (version == 1) {
            readFormat1(in, t);
            return t;
        }
        t.version = readVarLong(in);
        t.latestEventTime = in.readLong();
        t.publishedAt = in.readLong();
        t.readings = readVarLong(in);
        t.lateReadings = readVarLong(in);
        if (in.readInt() != CatalogueIds.FINGERPRINT) {
            // written against another catalogue: positions mean other indicators, so start this twin afresh
            CatalogueIds.warnStale(entityId);
            return create(entityId, enterpriseId, level);
        }
        long n = readVarLong(in);
        for (long i = 0; i < n; i++) {
            int index = (int) readVarLong(in) - 1;
            String id = index < 0 ? in.readUTF() : CatalogueIds.id(index);
            double value = in.readDouble();
            long updatedAt = t.latestEventTime - unZigZag(readVarLong(in));
            t.indicators.put(id, new IndicatorStats(value, updatedAt, in.readDouble(), in.readDouble(), readVarLong(in),
                    in.readDouble()));
        }
        return t;
    }

    private static void readFormat1(DataInputStream in, EntityTwin t) throws IOException {
        t.version = in.readLong();
        t.latestEventTime = in.readLong();
        t.publishedAt = in.readLong();
        t.readings = in.readLong();
        t.lateReadings = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String id = in.readUTF();
            t.indicators.put(id, new IndicatorStats(in.readDouble(), in.readLong(), in.readDouble(), in.readDouble(),
                    in.readLong(), in.readDouble()));
        }
    }

    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("variable-length number longer than 10 bytes");
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unZigZag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
