package io.supplytwin.ledger.gateway;

/**
 * What became of a submitted transaction. {@code committed} is true only for a valid transaction whose writes
 * are in the world state; otherwise {@code reason} says why (contract refusal, endorsement policy, signature,
 * MVCC conflict). Block, hashes and tree size are null where the ledger does not know them (e.g. on Fabric the
 * gateway reports the block but no Merkle root).
 *
 * @param status    VALID, or the validation code of an invalid transaction
 * @param treeSize  number of transactions in the ledger-wide Merkle log after this transaction's block
 * @param merkleRoot hex root of that log (RFC 9162)
 * @param payload   the contract's answer (JSON of the case), when committed
 */
public record TxResult(String requestId, String txId, boolean committed, String status, String reason, Long blockNumber,
        String blockHash, Long treeSize, String merkleRoot, String payload) {

    public static TxResult rejected(String requestId, String txId, String status, String reason) {
        return new TxResult(requestId, txId, false, status, reason, null, null, null, null, null);
    }
}
