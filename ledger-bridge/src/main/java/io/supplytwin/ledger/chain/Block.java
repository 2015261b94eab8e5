package io.supplytwin.ledger.chain;

import java.util.List;

/**
 * A block: header and the encoded transactions (for block 0, the genesis block, a single entry holding the
 * consortium's members and certificates).
 */
public record Block(BlockHeader header, List<byte[]> entries) {

    public Block {
        entries = List.copyOf(entries);
    }

    public byte[] encode() {
        int size = 256;
        for (byte[] e : entries) {
            size += 4 + e.length;
        }
        Codec.Writer w = new Codec.Writer(size).bytes(header.encode()).intValue(entries.size());
        entries.forEach(w::bytes);
        return w.toBytes();
    }

    public static Block decode(byte[] bytes) {
        Codec.Reader r = new Codec.Reader(bytes);
        BlockHeader h = BlockHeader.decode(r.bytes());
        int n = r.count(1_000_000);
        if (n != h.txCount()) {
            throw new Codec.MalformedException("header counts " + h.txCount() + " transactions, block holds " + n);
        }
        java.util.ArrayList<byte[]> entries = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(r.bytes());
        }
        r.end();
        return new Block(h, entries);
    }
}
