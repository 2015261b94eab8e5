package io.supplytwin.streams.rollup;

import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.state.StateCodec;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What reaches an enterprise, keyed by enterprise id: a published twin's values (its own, or one of its equipment or
 * order twins), a risk probability P from a RISK forecast, or its on-ledger credit history (null when cleared).
 *
 * @param time event time of the input
 */
public record EnterpriseInput(Kind kind, String entityId, TwinLevel level, long time, Map<String, Double> values,
                              double probability, String model, CreditHistory history) {

    public enum Kind { TWIN, RISK, HISTORY }

    public static final StateCodec<EnterpriseInput> CODEC = new StateCodec<>("enterprise input", 1, EnterpriseInput::write,
            EnterpriseInput::read);

    /** Latest values of a published twin, restricted to those the roll-ups and credit need. */
    public static EnterpriseInput twin(String entityId, TwinLevel level, long time, Map<String, Double> values) {
        return new EnterpriseInput(Kind.TWIN, entityId, level, time, Map.copyOf(values), Double.NaN, null, null);
    }

    public static EnterpriseInput risk(String entityId, long time, double probability, String model) {
        return new EnterpriseInput(Kind.RISK, entityId, null, time, Map.of(), probability, model, null);
    }

    public static EnterpriseInput history(CreditHistory history, long time) {
        return new EnterpriseInput(Kind.HISTORY, null, null, time, Map.of(), Double.NaN, null, history);
    }

    private static void write(EnterpriseInput in, StateCodec.Out out) throws IOException {
        out.writeByte(in.kind.ordinal());
        out.writeLong(in.time);
        switch (in.kind) {
            case TWIN -> {
                out.writeUTF(in.entityId);
                out.writeByte(in.level.ordinal());
                out.writeInt(in.values.size());
                for (Map.Entry<String, Double> e : in.values.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeDouble(e.getValue());
                }
            }
            case RISK -> {
                out.writeUTF(in.entityId);
                out.writeDouble(in.probability);
                out.writeUTF(in.model == null ? "" : in.model);
            }
            case HISTORY -> writeHistory(out, in.history);
        }
    }

    /** A ledger history that may be null, every field in schema order (also the enterprise twin's stored form). */
    static void writeHistory(StateCodec.Out out, CreditHistory h) throws IOException {
        out.writeBoolean(h != null);
        if (h != null) {
            out.writeUTF(h.getEnterpriseId());
            out.writeInt(h.getContracts());
            out.writeInt(h.getOnTimeRepayments());
            out.writeInt(h.getLateRepayments());
            out.writeInt(h.getFulfilledContracts());
            out.writeInt(h.getDefaults());
            out.writeLong(h.getUpdatedAt().toEpochMilli());
        }
    }

    static CreditHistory readHistory(StateCodec.In in) throws IOException {
        return in.readBoolean() ? new CreditHistory(in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), Instant.ofEpochMilli(in.readLong())) : null;
    }

    private static EnterpriseInput read(StateCodec.In in, int version) throws IOException {
        Kind kind = Kind.values()[in.readUnsignedByte()];
        long time = in.readLong();
        return switch (kind) {
            case TWIN -> {
                String entityId = in.readUTF();
                TwinLevel level = TwinLevel.values()[in.readUnsignedByte()];
                int n = in.readInt();
                Map<String, Double> values = new HashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    values.put(in.readUTF(), in.readDouble());
                }
                yield twin(entityId, level, time, values);
            }
            case RISK -> risk(in.readUTF(), time, in.readDouble(), in.readUTF());
            case HISTORY -> history(readHistory(in), time);
        };
    }
}
