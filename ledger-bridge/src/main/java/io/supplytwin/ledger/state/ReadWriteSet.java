package io.supplytwin.ledger.state;

import java.util.List;

/**
 * What simulating a transaction read (keys with the versions seen; a null version means the key was absent) and
 * what it will write (a null value deletes the key). Reads are checked again at commit: MVCC.
 */
public record ReadWriteSet(List<Read> reads, List<Write> writes) {

    public ReadWriteSet {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    public static final ReadWriteSet EMPTY = new ReadWriteSet(List.of(), List.of());

    public record Read(String key, Version version) {
    }

    public record Write(String key, byte[] value) {
        public boolean isDelete() {
            return value == null;
        }
    }
}
