package io.supplytwin.ledger.chain;

/**
 * A block's header. {@code txRoot} is the RFC 9162 root over this block's transactions; {@code treeSize} and
 * {@code ledgerRoot} describe the ledger-wide log of all transactions up to and including this block. The block
 * hash is SHA-256 of the encoded header, and the next header carries it as {@code prevHash}.
 */
public record BlockHeader(long number, byte[] prevHash, byte[] txRoot, long treeSize, byte[] ledgerRoot,
        long timestampMillis, int txCount) {

    public byte[] encode() {
        return new Codec.Writer().longValue(number).raw(prevHash).raw(txRoot).longValue(treeSize).raw(ledgerRoot)
                .longValue(timestampMillis).intValue(txCount).toBytes();
    }

    public static BlockHeader decode(byte[] bytes) {
        Codec.Reader r = new Codec.Reader(bytes);
        BlockHeader h = new BlockHeader(r.longValue(), r.raw(32), r.raw(32), r.longValue(), r.raw(32), r.longValue(),
                r.intValue());
        r.end();
        return h;
    }

    public byte[] hash() {
        return MerkleTree.sha256(encode());
    }
}
