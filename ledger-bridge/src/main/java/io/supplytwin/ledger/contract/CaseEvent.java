package io.supplytwin.ledger.contract;

/** One step in a financing case's history, as the ledger recorded it. */
public record CaseEvent(String txId, String requestId, String time, String action, String from, String to,
        Double amount, String by, String note) {
}
