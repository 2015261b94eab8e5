package io.supplytwin.streams.state;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Positions of the standard catalogue's indicators, for compact store values, with a fingerprint of the id list so a
 * value written against a different catalogue is recognised instead of misread.
 */
public final class CatalogueIds {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueIds.class);
    private static final List<String> IDS = IndicatorCatalogue.standard().all().stream().map(Indicator::id).toList();
    private static final Map<String, Integer> INDEX = new HashMap<>();
    public static final int FINGERPRINT = IDS.hashCode();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    // the ids as UTF-8 bytes in an open-addressing table (position + 1, 0 empty), for looking ids up in a record's bytes
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final String[] ID_ARRAY = IDS.toArray(new String[0]);
    private static final byte[][] ID_BYTES = new byte[IDS.size()][];
    private static final int[] TABLE = new int[Integer.highestOneBit(Math.max(1, IDS.size())) * 8];
    private static final int MASK = TABLE.length - 1;

    static {
        for (int i = 0; i < IDS.size(); i++) {
            INDEX.put(IDS.get(i), i);
            byte[] bytes = IDS.get(i).getBytes(StandardCharsets.UTF_8);
            ID_BYTES[i] = bytes;
            int at = hash(bytes, 0, bytes.length) & MASK;
            while (TABLE[at] != 0) {
                at = (at + 1) & MASK;
            }
            TABLE[at] = i + 1;
        }
    }

    /**
     * Hash of the bytes from their length and their first and last 8 bytes (two loads, not a loop over every byte:
     * ids are ~19 bytes, and the per-byte String-style hash was a fifth of decoding a reading). Ids sharing both ends
     * and the length collide and are told apart by comparing bytes.
     */
    private static int hash(byte[] buf, int off, int len) {
        long a;
        long z;
        if (len >= 8) {
            a = (long) LONG.get(buf, off);
            z = (long) LONG.get(buf, off + len - 8);
        } else {
            a = 0;
            for (int i = 0; i < len; i++) {
                a |= (buf[off + i] & 0xFFL) << (8 * i);
            }
            z = 0;
        }
        long x = a * 0x9E3779B97F4A7C15L ^ z * 0xC2B2AE3D27D4EB4FL ^ len;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        return (int) (x ^ (x >>> 32));
    }

    private CatalogueIds() {
    }

    /** Position of the id in the catalogue, -1 when it is not there. */
    public static int indexOf(String id) {
        Integer i = INDEX.get(id);
        return i == null ? -1 : i;
    }

    /** Position of the id whose UTF-8 bytes are {@code buf[off, off + len)}, -1 when it is not in the catalogue. */
    public static int indexOf(byte[] buf, int off, int len) {
        int at = hash(buf, off, len) & MASK;
        for (int p; (p = TABLE[at] - 1) >= 0; at = (at + 1) & MASK) {
            byte[] id = ID_BYTES[p];
            if (id.length == len && Arrays.equals(id, 0, len, buf, off, off + len)) {
                return p;
            }
        }
        return -1;
    }

    /** Whether {@code buf[off, off + len)} are the UTF-8 bytes of the id at {@code position}. */
    public static boolean is(int position, byte[] buf, int off, int len) {
        byte[] id = ID_BYTES[position];
        return id.length == len && Arrays.equals(id, 0, len, buf, off, off + len);
    }

    /** How many indicators the catalogue has. */
    public static int size() {
        return IDS.size();
    }

    public static String id(int index) {
        return ID_ARRAY[index];
    }

    public static void warnStale(String entityId) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("twin {} (and maybe others) was stored with another indicator catalogue; such twins start afresh", entityId);
        }
    }
}
