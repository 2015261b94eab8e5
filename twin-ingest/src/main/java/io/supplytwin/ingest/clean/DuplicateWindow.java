package io.supplytwin.ingest.clean;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which sequence numbers each entity has delivered, in bounded memory: per entity the highest seq and a
 * 64-bit map of the {@code depth} seqs below it (the anti-replay window of IPsec), for at most {@code maxEntities}
 * entities (least recently seen forgotten first), each forgotten {@code window} after its last reading.
 *
 * <p>A seq further than {@code depth} below the highest is either a gateway that restarted its counter (or a
 * Sparkplug seq wrapping from 255 to 0) or a very late copy of an old reading. The measurement time tells them apart:
 * measured after the newest reading accepted so far, it is a restart and the entity's window starts again from it;
 * otherwise it is treated as a duplicate.
 */
public final class DuplicateWindow {

    private static final class Seen {
        long highest;
        long bits;
        long lastMillis;
        long newestEventMillis;
    }

    private final Duration window;
    private final int depth;
    private final Map<String, Seen> entities;

    public DuplicateWindow(Duration window, int depth, int maxEntities) {
        if (depth < 1 || depth > 64) {
            throw new IllegalArgumentException("depth must be within 1..64: " + depth);
        }
        this.window = window;
        this.depth = depth;
        this.entities = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > maxEntities;
            }
        };
    }

    /** True, and remembered, when this (entity, seq) was not seen inside the window; false for a duplicate. */
    public synchronized boolean firstSeen(String entity, long seq, Instant eventTime, Instant now) {
        long nowMillis = now.toEpochMilli();
        long eventMillis = eventTime.toEpochMilli();
        Seen seen = entities.get(entity);
        if (seen == null || nowMillis - seen.lastMillis > window.toMillis()) {
            seen = new Seen();
            seen.highest = seq;
            seen.bits = 1;
            seen.lastMillis = nowMillis;
            seen.newestEventMillis = eventMillis;
            entities.put(entity, seen);
            return true;
        }
        seen.lastMillis = Math.max(seen.lastMillis, nowMillis);
        boolean newer = eventMillis > seen.newestEventMillis;
        if (seq > seen.highest) {
            seen.newestEventMillis = Math.max(seen.newestEventMillis, eventMillis);
            long shift = seq - seen.highest;
            seen.bits = shift >= 64 ? 1 : (seen.bits << shift) | 1;
            seen.highest = seq;
            return true;
        }
        long below = seen.highest - seq;
        if (below >= depth) {
            if (!newer) {
                return false;
            }
            seen.highest = seq;
            seen.bits = 1;
            seen.newestEventMillis = eventMillis;
            return true;
        }
        long bit = 1L << below;
        if ((seen.bits & bit) != 0) {
            return false;
        }
        seen.bits |= bit;
        seen.newestEventMillis = Math.max(seen.newestEventMillis, eventMillis);
        return true;
    }

    public synchronized int entities() {
        return entities.size();
    }
}
