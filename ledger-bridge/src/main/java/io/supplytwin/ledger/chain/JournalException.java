package io.supplytwin.ledger.chain;

/** The journal is damaged or was altered: names the first bad block and why. */
public class JournalException extends RuntimeException {

    private final long block;
    private final long offset;

    public JournalException(long block, long offset, String reason) {
        super("block " + block + " (byte offset " + offset + "): " + reason);
        this.block = block;
        this.offset = offset;
    }

    public long block() {
        return block;
    }

    public long offset() {
        return offset;
    }
}
