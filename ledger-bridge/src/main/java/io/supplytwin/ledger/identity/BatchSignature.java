package io.supplytwin.ledger.identity;

import io.supplytwin.ledger.chain.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One organisation's signature over one payload, made by signing the Merkle root of a batch of payload hashes
 * (one ECDSA signature per batch instead of per transaction; the JDK signs about a thousand times a second on
 * one core). The payload is bound to the signed root by its RFC 9162 audit path, so it verifies alone.
 *
 * @param index leaf position of the payload in the batch
 * @param size  number of payloads in the batch
 */
public record BatchSignature(String mspId, byte[] batchRoot, int index, int size, List<byte[]> path, byte[] signature) {

    private static final byte[] DOMAIN = "supplytwin/batch-signature/v1".getBytes(StandardCharsets.US_ASCII);

    public BatchSignature {
        path = List.copyOf(path);
    }

    /** The bytes actually signed: a domain label and the batch root. */
    public static byte[] signedBytes(byte[] batchRoot) {
        byte[] out = new byte[DOMAIN.length + batchRoot.length];
        System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
        System.arraycopy(batchRoot, 0, out, DOMAIN.length, batchRoot.length);
        return out;
    }

    /** Signs each payload of a batch as {@code signer}, with one ECDSA signature. */
    public static List<BatchSignature> sign(OrgIdentity signer, List<byte[]> payloads) {
        List<byte[]> leaves = new ArrayList<>(payloads.size());
        for (byte[] p : payloads) {
            leaves.add(MerkleTree.leafHash(p));
        }
        byte[] root = MerkleTree.root(leaves);
        byte[] sig = signer.sign(signedBytes(root));
        List<List<byte[]>> paths = MerkleTree.allInclusionProofs(leaves);
        List<BatchSignature> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            out.add(new BatchSignature(signer.mspId(), root, i, payloads.size(), paths.get(i), sig));
        }
        return out;
    }

    /** Whether the payload is in the signed batch (audit path); the ECDSA check itself is {@link SignatureCheck}'s. */
    public boolean covers(byte[] payload) {
        return MerkleTree.verifyInclusion(MerkleTree.leafHash(payload), index, size, path, batchRoot);
    }
}
