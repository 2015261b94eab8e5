package io.supplytwin.streams.forecast;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.streams.state.StateCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed days of one enterprise, oldest first, as the scorer reads them: kept in their own store and touched once
 * per enterprise and day, so the per-reading enterprise twin stays small. Day numbers count from the enterprise's
 * first closed day (absolute day index {@link #origin}).
 */
public final class EnterpriseDays {

    /** Days kept: P needs 30, a forecast 15; a few more so a skipped day does not empty the window. */
    public static final int KEEP = 40;

    public static final StateCodec<EnterpriseDays> CODEC = new StateCodec<>("enterprise days", 1, EnterpriseDays::write,
            EnterpriseDays::read);

    private final long origin;
    private final List<DayObservation> days;

    private EnterpriseDays(long origin, List<DayObservation> days) {
        this.origin = origin;
        this.days = days;
    }

    /** No day closed yet; the first closed day will be day 0 at absolute index {@code origin}. */
    public static EnterpriseDays startingAt(long origin) {
        return new EnterpriseDays(origin, new ArrayList<>());
    }

    /** Absolute day index (event time / day length) of day 0. */
    public long origin() {
        return origin;
    }

    public List<DayObservation> days() {
        return List.copyOf(days);
    }

    /** The last closed day, null when none. */
    public DayObservation last() {
        return days.isEmpty() ? null : days.get(days.size() - 1);
    }

    /** Appends a closed day, forgetting the oldest beyond {@link #KEEP}. */
    public void add(DayObservation day) {
        days.add(day);
        while (days.size() > KEEP) {
            days.remove(0);
        }
    }

    public EntityHistory history(String enterpriseId) {
        return new EntityHistory(enterpriseId, enterpriseId, days);
    }

    private static void write(EnterpriseDays d, StateCodec.Out out) throws IOException {
        out.writeLong(d.origin);
        out.writeShort(d.days.size());
        for (DayObservation o : d.days) {
            out.writeLong(o.day());
            out.writeDouble(o.demand());
            out.writeDouble(o.orders());
            out.writeDouble(o.inventory());
            out.writeDouble(o.sales());
            out.writeDouble(o.health());
            out.writeByte(o.indicators().size());
            for (Map.Entry<String, Double> e : o.indicators().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
        }
    }

    private static EnterpriseDays read(StateCodec.In in, int version) throws IOException {
        long origin = in.readLong();
        int n = in.readUnsignedShort();
        List<DayObservation> days = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            long day = in.readLong();
            double demand = in.readDouble();
            double orders = in.readDouble();
            double inventory = in.readDouble();
            double sales = in.readDouble();
            double health = in.readDouble();
            int k = in.readUnsignedByte();
            Map<String, Double> indicators = new HashMap<>(k * 2);
            for (int j = 0; j < k; j++) {
                indicators.put(in.readUTF(), in.readDouble());
            }
            days.add(new DayObservation(day, demand, orders, inventory, sales, health, indicators));
        }
        return new EnterpriseDays(origin, days);
    }
}
