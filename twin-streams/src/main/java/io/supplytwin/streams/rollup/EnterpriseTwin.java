package io.supplytwin.streams.rollup;

import io.supplytwin.core.health.HealthModel;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.serde.SingleObject;
import io.supplytwin.streams.state.CatalogueIds;
import io.supplytwin.streams.state.StateCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything an enterprise's health and credit are computed from, kept per enterprise: its own latest values, the
 * latest roll-up values of each of its equipment and order twins, recent H (for the fast-drop alert and the trend),
 * which alerts are raised, the latest risk probability and ledger history, and the last health and credit published.
 */
public final class EnterpriseTwin {

    public static final StateCodec<EnterpriseTwin> CODEC = new StateCodec<>("enterprise twin", 5, EnterpriseTwin::write,
            EnterpriseTwin::read);

    /**
     * The standard health model's component keys and labels, each followed by the other: format 5 writes a health
     * component's key and label as their index here (text only for others), guarded by the list's fingerprint.
     */
    private static final List<String> HEALTH_TEXT = HealthModel.standard().keyIndicators().stream()
            .flatMap(k -> Stream.of(k.id(), k.name())).toList();
    private static final Map<String, Integer> HEALTH_TEXT_INDEX = new HashMap<>();
    private static final int HEALTH_TEXT_FINGERPRINT = HEALTH_TEXT.hashCode();

    static {
        for (int i = HEALTH_TEXT.size() - 1; i >= 0; i--) {
            HEALTH_TEXT_INDEX.put(HEALTH_TEXT.get(i), i);
        }
    }

    /** One past health value. */
    public record HealthPoint(long time, double h) {
    }

    private final String enterpriseId;
    final Map<String, Double> own = new HashMap<>();
    final Map<String, Map<String, Double>> equipment = new TreeMap<>();
    final Map<String, Map<String, Double>> orders = new TreeMap<>();
    final Deque<HealthPoint> recentHealth = new ArrayDeque<>();
    boolean lowAlert;
    boolean dropAlert;
    boolean creditAlert;
    double risk = Double.NaN;
    long riskTime;
    String riskModel = "";
    CreditHistory history;
    HealthIndex health;
    private CreditAssessment credit;
    /** The stored form of {@link #credit} while nobody asked for it: the stream replaces it without reading it. */
    private ByteBuffer storedCredit;
    /** Absolute index (event time / scoring day) of the day being observed; {@link #NO_DAY} before the first. */
    long openDay = NO_DAY;

    static final long NO_DAY = Long.MIN_VALUE;

    EnterpriseTwin(String enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    public static EnterpriseTwin create(String enterpriseId) {
        return new EnterpriseTwin(enterpriseId);
    }

    /** Takes a published twin's values: the enterprise's own, or one child's (replacing what that child sent before). */
    void accept(String entityId, TwinLevel level, Map<String, Double> values) {
        switch (level) {
            case EQUIPMENT -> equipment.put(entityId, new HashMap<>(values));
            case ORDER -> orders.put(entityId, new HashMap<>(values));
            default -> own.putAll(values);
        }
    }

    /**
     * Records H at {@code time} and forgets values older than the window. Only what can still be the window's highest
     * H is kept (a falling sequence: an earlier value not above a later one never will be), so the store value stays
     * small however often an enterprise updates within the window.
     */
    void rememberHealth(long time, double h, long windowMs) {
        while (!recentHealth.isEmpty() && recentHealth.peekLast().h() <= h && recentHealth.peekLast().time() <= time) {
            recentHealth.removeLast();
        }
        recentHealth.addLast(new HealthPoint(time, h));
        while (!recentHealth.isEmpty() && recentHealth.peekFirst().time() < time - windowMs) {
            recentHealth.removeFirst();
        }
        while (recentHealth.size() > 512) {
            recentHealth.removeFirst(); // bounded even under a burst of updates within one window
        }
    }

    /** Highest H within the remembered window (including the latest), NaN when none. */
    double recentMaxHealth() {
        double max = Double.NaN;
        for (HealthPoint p : recentHealth) {
            max = Double.isNaN(max) ? p.h() : Math.max(max, p.h());
        }
        return max;
    }

    public String enterpriseId() {
        return enterpriseId;
    }

    public Map<String, Double> own() {
        return own;
    }

    public Map<String, Map<String, Double>> equipment() {
        return equipment;
    }

    public Map<String, Map<String, Double>> orders() {
        return orders;
    }

    /** The last health index published, null before the first. */
    public HealthIndex health() {
        return health;
    }

    /** The last credit assessment published, null before the first. */
    public CreditAssessment credit() {
        if (credit == null && storedCredit != null) {
            try {
                credit = CreditAssessment.fromByteBuffer(storedCredit.duplicate());
            } catch (IOException e) {
                throw new UncheckedIOException("corrupt credit assessment of enterprise " + enterpriseId, e);
            }
        }
        return credit;
    }

    void credit(CreditAssessment assessment) {
        credit = assessment;
        storedCredit = null;
    }

    public CreditHistory history() {
        return history;
    }

    /**
     * Format 3 writes catalogue indicators as their position (guarded by the catalogue's fingerprint, like entity
     * twins), not as text. Format 4 writes the ledger history and the last health index field by field instead of as
     * Avro (Avro's writer and reader for them were an eighth of the stream thread's time: the enterprise twin is read
     * and written on every update of the enterprise). Format 5 writes the health components' keys and labels as their
     * index in the standard health model ({@link #HEALTH_TEXT}). Formats 1 to 4 still read.
     */
    private static void write(EnterpriseTwin t, StateCodec.Out out) throws IOException {
        out.writeUTF(t.enterpriseId);
        out.writeInt(CatalogueIds.FINGERPRINT);
        writeValues(out, t.own);
        writeChildren(out, t.equipment);
        writeChildren(out, t.orders);
        out.writeInt(t.recentHealth.size());
        for (HealthPoint p : t.recentHealth) {
            out.writeLong(p.time());
            out.writeDouble(p.h());
        }
        out.writeBoolean(t.lowAlert);
        out.writeBoolean(t.dropAlert);
        out.writeBoolean(t.creditAlert);
        out.writeDouble(t.risk);
        out.writeLong(t.riskTime);
        out.writeUTF(t.riskModel);
        EnterpriseInput.writeHistory(out, t.history);
        writeHealth(out, t.health);
        writeAvro(out, t.credit != null ? SingleObject.encode(t.credit) : t.storedCredit);
        out.writeLong(t.openDay);
    }

    private static EnterpriseTwin read(StateCodec.In in, int version) throws IOException {
        EnterpriseTwin t = new EnterpriseTwin(in.readUTF());
        boolean positions = version >= 3;
        if (positions && in.readInt() != CatalogueIds.FINGERPRINT) {
            // written against another catalogue: positions mean other indicators; the children's next publications
            // fill it again
            CatalogueIds.warnStale(t.enterpriseId);
            return t;
        }
        readValues(in, t.own, positions);
        readChildren(in, t.equipment, positions);
        readChildren(in, t.orders, positions);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            t.recentHealth.addLast(new HealthPoint(in.readLong(), in.readDouble()));
        }
        t.lowAlert = in.readBoolean();
        t.dropAlert = in.readBoolean();
        t.creditAlert = in.readBoolean();
        t.risk = in.readDouble();
        t.riskTime = in.readLong();
        t.riskModel = in.readUTF();
        if (version >= 4) {
            t.history = EnterpriseInput.readHistory(in);
            t.health = readHealth(in, t.enterpriseId, version >= 5);
        } else {
            ByteBuffer history = readAvro(in);
            ByteBuffer health = readAvro(in);
            t.history = history == null ? null : CreditHistory.fromByteBuffer(history);
            t.health = health == null ? null : HealthIndex.fromByteBuffer(health);
        }
        t.storedCredit = readAvro(in);
        t.openDay = version >= 2 ? in.readLong() : NO_DAY; // format 1 had no daily history
        return t;
    }

    private static void writeValues(StateCodec.Out out, Map<String, Double> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, Double> e : values.entrySet()) {
            int position = CatalogueIds.indexOf(e.getKey());
            out.writeShort(position);
            if (position < 0) {
                out.writeUTF(e.getKey());
            }
            out.writeDouble(e.getValue());
        }
    }

    private static void readValues(StateCodec.In in, Map<String, Double> into, boolean positions) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String id;
            if (positions) {
                int position = in.readShort();
                id = position < 0 ? in.readUTF() : CatalogueIds.id(position);
            } else {
                id = in.readUTF();
            }
            into.put(id, in.readDouble());
        }
    }

    private static void writeChildren(StateCodec.Out out, Map<String, Map<String, Double>> children) throws IOException {
        out.writeInt(children.size());
        for (Map.Entry<String, Map<String, Double>> e : children.entrySet()) {
            out.writeUTF(e.getKey());
            writeValues(out, e.getValue());
        }
    }

    private static void readChildren(StateCodec.In in, Map<String, Map<String, Double>> into, boolean positions)
            throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String id = in.readUTF();
            Map<String, Double> values = new HashMap<>();
            readValues(in, values, positions);
            into.put(id, values);
        }
    }

    /* Every field of the health index, in schema order; EnterpriseTwinTest fails when a field is added. */

    private static void writeHealth(StateCodec.Out out, HealthIndex h) throws IOException {
        out.writeBoolean(h != null);
        if (h == null) {
            return;
        }
        out.writeLong(h.getTime().toEpochMilli());
        out.writeDouble(h.getH());
        out.writeInt(HEALTH_TEXT_FINGERPRINT);
        out.writeInt(h.getComponents().size());
        for (HealthComponent c : h.getComponents()) {
            writeHealthText(out, c.getKey());
            writeHealthText(out, c.getLabel());
            writeOptional(out, c.getValue());
            writeOptional(out, c.getScore());
            out.writeDouble(c.getWeight());
        }
        out.writeInt(h.getAlerts().size());
        for (String alert : h.getAlerts()) {
            out.writeUTF(alert);
        }
    }

    /** A health component's key or label: its index in {@link #HEALTH_TEXT}, or -1 and the text. */
    private static void writeHealthText(StateCodec.Out out, String text) throws IOException {
        Integer index = HEALTH_TEXT_INDEX.get(text);
        out.writeShort(index == null ? -1 : index);
        if (index == null) {
            out.writeUTF(text);
        }
    }

    /**
     * @param indexed format 5: keys and labels as indexes. A health index whose indexes refer to another model's list
     *                (another fingerprint) is read past and left out: the enterprise's next update computes it again.
     */
    private static HealthIndex readHealth(StateCodec.In in, String enterpriseId, boolean indexed) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long time = in.readLong();
        double h = in.readDouble();
        boolean known = !indexed || in.readInt() == HEALTH_TEXT_FINGERPRINT;
        int n = in.readInt();
        List<HealthComponent> components = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = indexed ? readHealthText(in) : in.readUTF();
            String label = indexed ? readHealthText(in) : in.readUTF();
            components.add(new HealthComponent(key, label, readOptional(in), readOptional(in), in.readDouble()));
        }
        int alerts = in.readInt();
        List<String> flags = new ArrayList<>(alerts);
        for (int i = 0; i < alerts; i++) {
            flags.add(in.readUTF());
        }
        return known ? new HealthIndex(enterpriseId, Instant.ofEpochMilli(time), h, components, flags) : null;
    }

    private static String readHealthText(StateCodec.In in) throws IOException {
        int index = in.readShort();
        if (index < 0) {
            return in.readUTF();
        }
        // an index beyond this list is from another model: placeholder text, and the record is dropped by the caller
        return index < HEALTH_TEXT.size() ? HEALTH_TEXT.get(index) : "";
    }

    private static void writeOptional(StateCodec.Out out, Double v) {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeDouble(v);
        }
    }

    private static Double readOptional(StateCodec.In in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static void writeAvro(StateCodec.Out out, ByteBuffer bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.remaining());
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    }

    private static ByteBuffer readAvro(StateCodec.In in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return ByteBuffer.wrap(b);
    }
}
