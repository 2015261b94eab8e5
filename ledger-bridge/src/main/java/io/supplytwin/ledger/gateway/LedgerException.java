package io.supplytwin.ledger.gateway;

/** A ledger operation failed: a contract refused a query, the ledger is unreachable, or its journal is damaged. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
