package io.supplytwin.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9162 trees against the Certificate Transparency reference vectors, and every proof of small trees. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> referenceLeaves() {
        return LEAVES.stream().map(h -> MerkleTree.leafHash(HEX.parseHex(h))).toList();
    }

    private static List<byte[]> hex(String... h) {
        return java.util.Arrays.stream(h).map(HEX::parseHex).toList();
    }

    @Test
    void rootsMatchTheReferenceTreeHeadsForEverySize() {
        List<byte[]> leaves = referenceLeaves();
        MerkleLog log = new MerkleLog();
        assertThat(HEX.formatHex(log.root())).isEqualTo(ROOTS.get(0));
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleTree.root(leaves, 0, n))).as("size %d", n).isEqualTo(ROOTS.get(n));
            if (n > 0) {
                log.append(leaves.get(n - 1));
                assertThat(HEX.formatHex(log.root())).as("incremental size %d", n).isEqualTo(ROOTS.get(n));
            }
        }
    }

    @Test
    void inclusionProofsMatchTheReferenceVectors() {
        List<byte[]> leaves = referenceLeaves();
        assertThat(MerkleTree.inclusionProof(leaves, 0, 8)).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(hex("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertThat(MerkleTree.inclusionProof(leaves, 5, 8)).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(hex("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertThat(MerkleTree.inclusionProof(leaves, 0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsMatchTheReferenceVectors() {
        List<byte[]> leaves = referenceLeaves();
        assertThat(MerkleTree.consistencyProof(leaves, 1, 8)).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(hex("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertThat(MerkleTree.consistencyProof(leaves, 6, 8)).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(hex("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertThat(MerkleTree.consistencyProof(leaves, 2, 5)).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(hex("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
    }

    @Test
    void everyInclusionProofOfEveryTreeUpTo40VerifiesAndRejectsTampering() {
        List<byte[]> leaves = syntheticLeaves(40);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(leaves, 0, size);
            List<List<byte[]>> all = MerkleTree.allInclusionProofs(leaves.subList(0, size));
            for (int i = 0; i < size; i++) {
                List<byte[]> path = MerkleTree.inclusionProof(leaves, i, size);
                assertThat(all.get(i)).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(path);
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, path, root)).as("leaf %d of %d", i, size).isTrue();
                int other = (i + 1) % size;
                if (other != i) {
                    assertThat(MerkleTree.verifyInclusion(leaves.get(other), i, size, path, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(leaves.get(i), other, size, path, root)).isFalse();
                }
                if (!path.isEmpty()) {
                    List<byte[]> bad = new ArrayList<>(path);
                    byte[] flipped = bad.get(0).clone();
                    flipped[0] ^= 1;
                    bad.set(0, flipped);
                    assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, bad, root)).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), size, size, path, root)).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenSizesUpTo40VerifiesAndRejectsTampering() {
        List<byte[]> leaves = syntheticLeaves(40);
        MerkleLog log = new MerkleLog();
        leaves.forEach(log::append);
        for (int second = 1; second <= leaves.size(); second++) {
            byte[] secondRoot = MerkleTree.root(leaves, 0, second);
            assertThat(log.root(second)).isEqualTo(secondRoot);
            for (int first = 0; first <= second; first++) {
                byte[] firstRoot = MerkleTree.root(leaves, 0, first);
                List<byte[]> proof = log.consistencyProof(first, second);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                if (first > 0 && first < second) {
                    byte[] wrong = firstRoot.clone();
                    wrong[5] ^= 0x40;
                    assertThat(MerkleTree.verifyConsistency(first, second, wrong, secondRoot, proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, wrong, proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof.subList(1, proof.size())))
                            .isFalse();
                }
            }
        }
    }

    private static List<byte[]> syntheticLeaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        return out;
    }
}
