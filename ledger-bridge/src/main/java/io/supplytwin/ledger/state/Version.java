package io.supplytwin.ledger.state;

/** Where a key's value was last written: block number and position in the block (Fabric's height). */
public record Version(long block, int tx) {
    @Override
    public String toString() {
        return block + ":" + tx;
    }
}
