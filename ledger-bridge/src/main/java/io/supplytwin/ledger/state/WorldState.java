package io.supplytwin.ledger.state;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned key-value world state of the embedded ledger, rebuilt from the journal at start. Only the committer
 * writes; simulations read concurrently.
 */
public final class WorldState {

    public record Entry(byte[] value, Version version) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The first read whose version moved since simulation, as a reason; empty when all reads are current. */
    public Optional<String> staleRead(ReadWriteSet rw) {
        for (ReadWriteSet.Read r : rw.reads()) {
            Entry now = entries.get(r.key());
            Version current = now == null ? null : now.version();
            if (!Objects.equals(current, r.version())) {
                return Optional.of("MVCC read conflict on " + r.key() + ": read version " + r.version()
                        + ", committed version now " + current);
            }
        }
        return Optional.empty();
    }

    public void apply(ReadWriteSet rw, Version version) {
        for (ReadWriteSet.Write w : rw.writes()) {
            if (w.isDelete()) {
                entries.remove(w.key());
            } else {
                entries.put(w.key(), new Entry(w.value(), version));
            }
        }
    }

    public int size() {
        return entries.size();
    }
}
