package io.supplytwin.streams.state;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.TwinLevel;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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

    public static final StateCodec<EntityTwin> CODEC = new StateCodec<>("entity twin", 5, EntityTwin::write, EntityTwin::read);

    /** Format 4 flags: what the columns of a twin usually share, written once instead of per indicator. */
    private static final int ALL_UPDATED_AT_LATEST = 1;
    private static final int ALL_COUNTS_EQUAL = 2;
    private static final int ALL_PUBLISHED_AT_VALUE = 4;

    private static final long NEVER = Long.MIN_VALUE;
    private static final int NO_SLOT = -1;

    private final String entityId;
    private final String enterpriseId;
    private final TwinLevel level;
    private long version;
    private long latestEventTime = NEVER;
    private long publishedAt = NEVER;
    private long readings;
    private long lateReadings;
    private long appliedOffset = -1; // input offset of the last reading applied, -1 unknown
    private long dirtySince = -1;    // input offset of the first reading since the last snapshot, -1 none

    // Indicators as parallel arrays, one slot each in the order first seen: a reading touches ~100 indicators, and
    // objects per indicator in a map made decoding, applying and encoding the twin the stream thread's main cost.
    private int size;
    private String[] ids;
    private int[] positions; // catalogue position of each slot, -1 for ids outside the catalogue
    private double[] values;
    private long[] updatedAts;
    private double[] means;
    private double[] variances;
    private long[] counts;
    private double[] publisheds;
    private int[] slotByPosition; // catalogue position -> slot, NO_SLOT where this twin has none; null until needed

    private EntityTwin(String entityId, String enterpriseId, TwinLevel level, int capacity) {
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.enterpriseId = Objects.requireNonNull(enterpriseId, "enterpriseId");
        this.level = Objects.requireNonNull(level, "level");
        allocate(capacity);
    }

    /** A twin that has seen nothing yet. */
    public static EntityTwin create(String entityId, String enterpriseId, TwinLevel level) {
        return new EntityTwin(entityId, enterpriseId, level, 0);
    }

    private void allocate(int capacity) {
        ids = new String[capacity];
        positions = new int[capacity];
        values = new double[capacity];
        updatedAts = new long[capacity];
        means = new double[capacity];
        variances = new double[capacity];
        counts = new long[capacity];
        publisheds = new double[capacity];
    }

    private void grow(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int capacity = Math.max(needed, Math.max(8, ids.length * 2));
        ids = Arrays.copyOf(ids, capacity);
        positions = Arrays.copyOf(positions, capacity);
        values = Arrays.copyOf(values, capacity);
        updatedAts = Arrays.copyOf(updatedAts, capacity);
        means = Arrays.copyOf(means, capacity);
        variances = Arrays.copyOf(variances, capacity);
        counts = Arrays.copyOf(counts, capacity);
        publisheds = Arrays.copyOf(publisheds, capacity);
    }

    /** The slot of an indicator, {@link #NO_SLOT} when this twin has none. */
    private int slot(String id) {
        int position = CatalogueIds.indexOf(id);
        if (position >= 0) {
            int[] index = slotIndex();
            return index[position];
        }
        for (int i = 0; i < size; i++) {
            if (positions[i] < 0 && ids[i].equals(id)) {
                return i;
            }
        }
        return NO_SLOT;
    }

    private int[] slotIndex() {
        if (slotByPosition == null) {
            slotByPosition = new int[CatalogueIds.size()];
            Arrays.fill(slotByPosition, NO_SLOT);
            for (int i = 0; i < size; i++) {
                if (positions[i] >= 0) {
                    slotByPosition[positions[i]] = i;
                }
            }
        }
        return slotByPosition;
    }

    private int addSlot(String id, int position) {
        grow(size + 1);
        int i = size++;
        ids[i] = position >= 0 ? CatalogueIds.id(position) : id;
        positions[i] = position;
        publisheds[i] = Double.NaN;
        if (position >= 0 && slotByPosition != null) {
            slotByPosition[position] = i;
        }
        return i;
    }

    /**
     * Applies one reading.
     *
     * @param alpha   weight of a new reading in the exponentially weighted statistics
     * @param graceMs how far behind the twin's latest reading a reading may be and still count
     */
    public ApplyOutcome apply(Map<String, Double> values, long eventTime, double alpha, long graceMs) {
        return apply(CompactReading.values(values), eventTime, alpha, graceMs);
    }

    /** Applies one reading at its own event time. */
    public ApplyOutcome apply(CompactReading reading, double alpha, long graceMs) {
        return apply(reading, reading.eventTime(), alpha, graceMs);
    }

    /** Applies one reading as if measured at {@code eventTime}. */
    public ApplyOutcome apply(CompactReading reading, long eventTime, double alpha, long graceMs) {
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
        int n = reading.size();
        if (size == 0) {
            grow(n); // a new twin: room for this reading's indicators at once; later ones grow by doubling
        }
        int[] index = slotIndex();
        for (int k = 0; k < n; k++) {
            double x = reading.value(k);
            if (!Double.isFinite(x)) {
                continue;
            }
            int position = reading.position(k);
            int i = position >= 0 ? index[position] : slot(reading.id(k));
            if (i == NO_SLOT) {
                i = addSlot(reading.id(k), position);
            }
            boolean newest = counts[i] == 0 || eventTime >= updatedAts[i];
            accumulate(i, x, alpha);
            if (newest) {
                this.values[i] = x;
                updatedAts[i] = eventTime;
            }
        }
        return outcome;
    }

    /** Adds a reading to the mean and variance: EWMA with weight alpha (West's incremental form). */
    private void accumulate(int i, double x, double alpha) {
        if (counts[i] == 0) {
            means[i] = x;
            variances[i] = 0;
        } else {
            double diff = x - means[i];
            double increment = alpha * diff;
            means[i] += increment;
            variances[i] = (1 - alpha) * (variances[i] + diff * increment);
        }
        counts[i]++;
    }

    /**
     * Whether any indicator is unpublished or moved beyond its deadband since it was last published.
     *
     * @param deadbands deadband by catalogue position ({@link EmissionPolicy}); indicators outside the catalogue have 0
     */
    boolean movedBeyondDeadband(double[] deadbands) {
        for (int i = 0; i < size; i++) {
            double published = publisheds[i];
            if (Double.isNaN(published)) {
                return true;
            }
            double band = positions[i] >= 0 ? deadbands[positions[i]] : 0;
            if (Math.abs(values[i] - published) > band) {
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
            int i = slot(id);
            if (i != NO_SLOT && Double.compare(values[i], publisheds[i]) != 0) {
                changed = true;
                break;
            }
        }
        System.arraycopy(values, 0, publisheds, 0, size);
        version++;
        publishedAt = latestEventTime;
        return changed;
    }

    /** The twin as published to {@code twin.state.*}: a copy of its columns as they are now. */
    public PublishedState toState(EmitReason reason) {
        return new PublishedState(entityId, enterpriseId, level, latestEventTime, version, reason,
                Arrays.copyOf(ids, size), Arrays.copyOf(positions, size), Arrays.copyOf(values, size),
                Arrays.copyOf(updatedAts, size), Arrays.copyOf(means, size), Arrays.copyOf(variances, size),
                Arrays.copyOf(counts, size));
    }

    /** Latest values of the indicators among {@code ids} that this twin has. */
    public Map<String, Double> latest(Collection<String> ids) {
        Map<String, Double> out = new HashMap<>();
        for (String id : ids) {
            int i = slot(id);
            if (i != NO_SLOT) {
                out.put(id, values[i]);
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

    /** Input offset of the last reading applied, -1 when not known (a twin written before format 5). */
    public long appliedOffset() {
        return appliedOffset;
    }

    /** Input offset of the first reading applied since the twin was last snapshotted to its changelog, -1 for none. */
    public long dirtySince() {
        return dirtySince;
    }

    /** Records that the reading at {@code offset} was applied. */
    void applied(long offset) {
        appliedOffset = offset;
        if (dirtySince < 0) {
            dirtySince = offset;
        }
    }

    /** Records that the twin, as it is, went to its changelog. */
    void snapshotted() {
        dirtySince = -1;
    }

    /** Indicator id → statistics, in the order they were first seen (a copy, for queries). */
    public Map<String, IndicatorStats> indicators() {
        Map<String, IndicatorStats> out = new LinkedHashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            out.put(ids[i], new IndicatorStats(values[i], updatedAts[i], means[i], variances[i], counts[i], publisheds[i]));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Format 5, what a twin costs in its local store on every reading and in its changelog on every snapshot
     * ({@link EntityTwinStore}). After the twin's counters come two input offsets (the last reading applied, the first
     * since the last snapshot; +1, so unknown is one byte). Indicators are written column by column: catalogue positions as distances from the
     * previous slot's (one byte when slots follow the catalogue; ids outside the catalogue as text), latest values as
     * doubles, means as float distances from the value, variances as floats; then three columns that are usually the
     * same for every indicator, each written once when it is (a flag says so) and per indicator otherwise: the update
     * time (as the distance from the twin's latest event time), the count, and the last published value (as a float
     * distance from the value; written once when the twin published on this reading). A machine twin of 95 values
     * takes ~21.5 bytes per indicator (~17.5 right after a publication), against format 3's 23 (the same fields
     * interleaved) and format 2's 35.
     * Floats keep 24 significant bits of a distance that is itself of the order of the indicator's spread, so the
     * statistics and deadband decisions lose nothing that matters; and because every reading reads the twin back
     * from its store, an instance rebuilt from the changelog computes exactly what an uninterrupted one does.
     * Formats 4 (the same without the offsets), 3, 2 (doubles throughout, absolute positions) and 1 (ids as text) are
     * still read.
     */
    private static void write(EntityTwin t, StateCodec.Out out) throws IOException {
        out.writeUTF(t.entityId);
        out.writeUTF(t.enterpriseId);
        out.writeByte(t.level.ordinal());
        out.writeVarLong(t.version);
        out.writeLong(t.latestEventTime);
        out.writeLong(t.publishedAt);
        out.writeVarLong(t.readings);
        out.writeVarLong(t.lateReadings);
        out.writeVarLong(t.appliedOffset + 1);
        out.writeVarLong(t.dirtySince + 1);
        out.writeInt(CatalogueIds.FINGERPRINT);
        int n = t.size;
        out.writeVarLong(n);
        if (n == 0) {
            return;
        }
        int flags = ALL_UPDATED_AT_LATEST | ALL_COUNTS_EQUAL | ALL_PUBLISHED_AT_VALUE;
        long count0 = t.counts[0];
        for (int i = 0; i < n; i++) {
            if (t.updatedAts[i] != t.latestEventTime) {
                flags &= ~ALL_UPDATED_AT_LATEST;
            }
            if (t.counts[i] != count0) {
                flags &= ~ALL_COUNTS_EQUAL;
            }
            if (Double.doubleToRawLongBits(t.publisheds[i]) != Double.doubleToRawLongBits(t.values[i])) {
                flags &= ~ALL_PUBLISHED_AT_VALUE;
            }
        }
        out.writeByte(flags);
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long position = t.positions[i] + 1L;
            out.writeVarLong(zigZag(position - previous));
            previous = position;
            if (t.positions[i] < 0) {
                out.writeUTF(t.ids[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            out.writeDouble(t.values[i]);
        }
        for (int i = 0; i < n; i++) {
            out.writeFloat((float) (t.means[i] - t.values[i]));
        }
        for (int i = 0; i < n; i++) {
            out.writeFloat((float) t.variances[i]);
        }
        if ((flags & ALL_UPDATED_AT_LATEST) == 0) {
            for (int i = 0; i < n; i++) {
                out.writeVarLong(zigZag(t.latestEventTime - t.updatedAts[i]));
            }
        }
        if ((flags & ALL_COUNTS_EQUAL) != 0) {
            out.writeVarLong(count0);
        } else {
            for (int i = 0; i < n; i++) {
                out.writeVarLong(t.counts[i]);
            }
        }
        if ((flags & ALL_PUBLISHED_AT_VALUE) == 0) {
            for (int i = 0; i < n; i++) {
                out.writeFloat((float) (t.publisheds[i] - t.values[i])); // NaN (never published) stays NaN
            }
        }
    }

    private static EntityTwin read(StateCodec.In in, int version) throws IOException {
        String entityId = in.readUTF();
        String enterpriseId = in.readUTF();
        TwinLevel level = TwinLevel.values()[in.readUnsignedByte()];
        if (version == 1) {
            return readFormat1(in, new EntityTwin(entityId, enterpriseId, level, 0));
        }
        long twinVersion = in.readVarLong();
        long latest = in.readLong();
        long publishedAt = in.readLong();
        long readings = in.readVarLong();
        long lateReadings = in.readVarLong();
        long appliedOffset = version >= 5 ? in.readVarLong() - 1 : -1;
        long dirtySince = version >= 5 ? in.readVarLong() - 1 : -1;
        if (in.readInt() != CatalogueIds.FINGERPRINT) {
            // written against another catalogue: positions mean other indicators, so start this twin afresh
            CatalogueIds.warnStale(entityId);
            return create(entityId, enterpriseId, level);
        }
        int n = (int) in.readVarLong();
        EntityTwin t = new EntityTwin(entityId, enterpriseId, level, n);
        t.version = twinVersion;
        t.latestEventTime = latest;
        t.publishedAt = publishedAt;
        t.readings = readings;
        t.lateReadings = lateReadings;
        t.appliedOffset = appliedOffset;
        t.dirtySince = dirtySince;
        if (version >= 4) {
            readColumns(in, t, n);
        } else {
            readInterleaved(in, t, n, version);
        }
        t.size = n;
        return t;
    }

    private static void readColumns(StateCodec.In in, EntityTwin t, int n) throws IOException {
        if (n == 0) {
            return;
        }
        int flags = in.readUnsignedByte();
        long previous = 0;
        for (int i = 0; i < n; i++) {
            previous += unZigZag(in.readVarLong());
            readSlot(in, t, i, (int) previous - 1);
        }
        for (int i = 0; i < n; i++) {
            t.values[i] = in.readDouble();
        }
        for (int i = 0; i < n; i++) {
            t.means[i] = t.values[i] + in.readFloat();
        }
        for (int i = 0; i < n; i++) {
            t.variances[i] = in.readFloat();
        }
        if ((flags & ALL_UPDATED_AT_LATEST) != 0) {
            Arrays.fill(t.updatedAts, 0, n, t.latestEventTime);
        } else {
            for (int i = 0; i < n; i++) {
                t.updatedAts[i] = t.latestEventTime - unZigZag(in.readVarLong());
            }
        }
        if ((flags & ALL_COUNTS_EQUAL) != 0) {
            Arrays.fill(t.counts, 0, n, in.readVarLong());
        } else {
            for (int i = 0; i < n; i++) {
                t.counts[i] = in.readVarLong();
            }
        }
        if ((flags & ALL_PUBLISHED_AT_VALUE) != 0) {
            System.arraycopy(t.values, 0, t.publisheds, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                t.publisheds[i] = t.values[i] + in.readFloat();
            }
        }
    }

    /** Slot {@code i} at a catalogue position; an id outside the catalogue (position -1) follows as text. */
    private static void readSlot(StateCodec.In in, EntityTwin t, int i, int position) throws IOException {
        t.ids[i] = position < 0 ? in.readUTF() : CatalogueIds.id(position);
        t.positions[i] = position;
    }

    /** Formats 2 and 3: one indicator's fields after another. */
    private static void readInterleaved(StateCodec.In in, EntityTwin t, int n, int version) throws IOException {
        long latest = t.latestEventTime;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            int position;
            if (version == 2) {
                position = (int) in.readVarLong() - 1;
            } else {
                previous += unZigZag(in.readVarLong());
                position = (int) previous - 1;
            }
            readSlot(in, t, i, position);
            double value = in.readDouble();
            t.values[i] = value;
            t.updatedAts[i] = latest - unZigZag(in.readVarLong());
            if (version == 2) {
                t.means[i] = in.readDouble();
                t.variances[i] = in.readDouble();
                t.counts[i] = in.readVarLong();
                t.publisheds[i] = in.readDouble();
            } else {
                t.means[i] = value + in.readFloat();
                t.variances[i] = in.readFloat();
                t.counts[i] = in.readVarLong();
                t.publisheds[i] = value + in.readFloat();
            }
        }
    }

    private static EntityTwin readFormat1(StateCodec.In in, EntityTwin t) throws IOException {
        t.version = in.readLong();
        t.latestEventTime = in.readLong();
        t.publishedAt = in.readLong();
        t.readings = in.readLong();
        t.lateReadings = in.readLong();
        int n = in.readInt();
        t.grow(n);
        for (int i = 0; i < n; i++) {
            String id = in.readUTF();
            int slot = t.addSlot(id, CatalogueIds.indexOf(id));
            t.values[slot] = in.readDouble();
            t.updatedAts[slot] = in.readLong();
            t.means[slot] = in.readDouble();
            t.variances[slot] = in.readDouble();
            t.counts[slot] = in.readLong();
            t.publisheds[slot] = in.readDouble();
        }
        return t;
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unZigZag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
