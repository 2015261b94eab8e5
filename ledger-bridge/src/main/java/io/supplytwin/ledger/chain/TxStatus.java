package io.supplytwin.ledger.chain;

/** Validation code of a transaction in a block, as Fabric marks them. Only VALID transactions change the state. */
public enum TxStatus {
    VALID, CONTRACT_REJECTED, BAD_SIGNATURE, ENDORSEMENT_POLICY_FAILURE, MVCC_READ_CONFLICT
}
