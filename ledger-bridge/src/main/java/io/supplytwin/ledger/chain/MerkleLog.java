package io.supplytwin.ledger.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ledger-wide log of transaction leaf hashes, appended block by block. Keeps the right edge of the tree (the
 * roots of its perfect subtrees), so the root after each append costs O(log n) hashes; proofs walk the stored
 * leaf hashes.
 */
public final class MerkleLog {

    private final List<byte[]> leaves = new ArrayList<>();
    /** Roots of the perfect subtrees covering the log, largest first, with their sizes. */
    private final List<byte[]> edge = new ArrayList<>();
    private final List<Long> edgeSizes = new ArrayList<>();

    public synchronized void append(byte[] leafHash) {
        leaves.add(leafHash);
        byte[] h = leafHash;
        long size = 1;
        while (!edge.isEmpty() && edgeSizes.get(edgeSizes.size() - 1) == size) {
            h = MerkleTree.nodeHash(edge.remove(edge.size() - 1), h);
            edgeSizes.remove(edgeSizes.size() - 1);
            size *= 2;
        }
        edge.add(h);
        edgeSizes.add(size);
    }

    public synchronized int size() {
        return leaves.size();
    }

    /** The root of the whole log. */
    public synchronized byte[] root() {
        if (edge.isEmpty()) {
            return MerkleTree.sha256();
        }
        byte[] r = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            r = MerkleTree.nodeHash(edge.get(i), r);
        }
        return r;
    }

    public synchronized byte[] root(int size) {
        return size == leaves.size() ? root() : MerkleTree.root(leaves, 0, size);
    }

    public synchronized byte[] leaf(int index) {
        return leaves.get(index);
    }

    public synchronized List<byte[]> inclusionProof(int index, int size) {
        return MerkleTree.inclusionProof(Collections.unmodifiableList(leaves), index, size);
    }

    public synchronized List<byte[]> consistencyProof(int first, int second) {
        return MerkleTree.consistencyProof(Collections.unmodifiableList(leaves), first, second);
    }
}
