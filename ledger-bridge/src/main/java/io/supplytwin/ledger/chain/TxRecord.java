package io.supplytwin.ledger.chain;

/** Where a committed transaction sits and what became of it (kept in memory for lookups and proofs). */
public record TxRecord(String txId, String requestId, String contract, String function, String submitterMsp,
        long blockNumber, int indexInBlock, long leafIndex, TxStatus status, String reason, long timestampMillis) {
}
