package io.supplytwin.streams.state;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.IndicatorState;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.serde.AvroWritable;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.apache.avro.util.Utf8;

/**
 * A twin's state as published to {@code twin.state.<level>}: the {@link TwinState} record's content in the twin's own
 * form (its indicator columns), written straight from there by the state topics' serializer. Building the record (a
 * map of an {@code IndicatorState} and two {@code Instant}s per indicator) and then writing it out again was a
 * fourteenth of the stream thread's time. The map's entries are written in the twin's slot order; {@link #toRecord()}
 * gives the same content as a generated record.
 *
 * <p>Immutable: the columns are copied from the twin when the state is taken.
 */
public final class PublishedState implements AvroWritable {

    /** Catalogue ids as Avro text, made once. */
    private static final Utf8[] CATALOGUE_KEYS = new Utf8[CatalogueIds.size()];

    static {
        for (int i = 0; i < CATALOGUE_KEYS.length; i++) {
            CATALOGUE_KEYS[i] = new Utf8(CatalogueIds.id(i));
        }
    }

    private final String entityId;
    private final String enterpriseId;
    private final TwinLevel level;
    private final long updateTime;
    private final long version;
    private final EmitReason reason;
    private final String[] ids;
    private final int[] positions;
    private final double[] values;
    private final long[] updatedAts;
    private final double[] means;
    private final double[] variances;
    private final long[] counts;

    /** The columns are the twin's copies, one element per indicator. */
    PublishedState(String entityId, String enterpriseId, TwinLevel level, long updateTime, long version, EmitReason reason,
                   String[] ids, int[] positions, double[] values, long[] updatedAts, double[] means,
                   double[] variances, long[] counts) {
        this.entityId = entityId;
        this.enterpriseId = enterpriseId;
        this.level = level;
        this.updateTime = updateTime;
        this.version = version;
        this.reason = reason;
        this.ids = ids;
        this.positions = positions;
        this.values = values;
        this.updatedAts = updatedAts;
        this.means = means;
        this.variances = variances;
        this.counts = counts;
    }

    public String entityId() {
        return entityId;
    }

    public TwinLevel level() {
        return level;
    }

    public EmitReason reason() {
        return reason;
    }

    @Override
    public Schema getSchema() {
        return TwinState.SCHEMA$;
    }

    /** TwinState's fields in schema order, as its generated writer would; std from the variance, as in the record. */
    @Override
    public void writeAvro(Encoder out) throws IOException {
        out.writeString(entityId);
        out.writeString(enterpriseId);
        out.writeEnum(level.ordinal());
        out.writeLong(updateTime);
        out.writeLong(version);
        out.writeEnum(reason.ordinal());
        out.writeMapStart();
        out.setItemCount(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.startItem();
            if (positions[i] >= 0) {
                out.writeString(CATALOGUE_KEYS[positions[i]]);
            } else {
                out.writeString(ids[i]);
            }
            out.writeDouble(values[i]);
            out.writeLong(updatedAts[i]);
            out.writeDouble(means[i]);
            out.writeDouble(IndicatorStats.std(variances[i]));
            out.writeLong(counts[i]);
        }
        out.writeMapEnd();
    }

    /** The same state as a generated record. */
    @Override
    public TwinState toRecord() {
        Map<String, IndicatorState> map = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            map.put(ids[i], new IndicatorState(values[i], Instant.ofEpochMilli(updatedAts[i]), means[i], IndicatorStats.std(variances[i]),
                    counts[i]));
        }
        return new TwinState(entityId, enterpriseId, level, Instant.ofEpochMilli(updateTime), version, reason, map);
    }

    @Override
    public String toString() {
        return "PublishedState[" + entityId + " v" + version + " " + reason + ", " + ids.length + " indicators]";
    }
}
