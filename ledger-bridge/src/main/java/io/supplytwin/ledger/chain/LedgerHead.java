package io.supplytwin.ledger.chain;

/** The published head of the ledger: transactions in the Merkle log, its root (hex), blocks and the last block's hash. */
public record LedgerHead(long treeSize, String root, long blocks, String lastBlockHash) {
}
