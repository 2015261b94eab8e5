package io.supplytwin.ledger.chain;

/**
 * What the embedded ledger's committer reports as it goes (Micrometer's implementation is
 * {@code io.supplytwin.ledger.metrics.MicrometerLedgerMetrics}). Only live commits report; replaying a journal at
 * start does not.
 */
public interface LedgerMetrics {

    /** Reports nothing. */
    LedgerMetrics NONE = new LedgerMetrics() {
    };

    /**
     * A block is committed: {@code validateNanos} from the cut to the block's verdicts, {@code fsyncNanos} writing
     * and forcing it to disk, {@code applyNanos} applying the valid writes and answering the submitters.
     */
    default void blockCommitted(int transactions, long validateNanos, long fsyncNanos, long applyNanos) {
    }

    /**
     * A transaction is recorded with a status other than VALID. {@code cause} is the verdict's cause, and for
     * {@link TxStatus#CONTRACT_REJECTED} the contract's code ({@code INVALID_TRANSITION}, {@code LIMIT}, ...).
     */
    default void transactionRefused(TxStatus status, String cause) {
    }
}
