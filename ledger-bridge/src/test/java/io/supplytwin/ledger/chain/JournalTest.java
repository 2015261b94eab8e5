package io.supplytwin.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.ledger.LedgerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal survives restarts, and any changed byte in it is caught. */
class JournalTest {

    @TempDir
    Path dir;

    /** A ledger with cases in several states, some rejected and some conflicting transactions, closed. */
    private Path populated() throws Exception {
        Path ledgerDir = dir.resolve("ledger");
        try (LedgerFixture f = new LedgerFixture(ledgerDir, 4)) {
            for (int i = 0; i < 6; i++) {
                f.funded("C" + i, "E" + (i % 2), 100, 150);
                f.repay("C" + i, 40);
            }
            f.fund("C0", 10); // invalid transition, recorded as rejected
            f.overdue("C1");
            f.defaulted("C1");
        }
        return ledgerDir;
    }

    @Test
    void reopeningReplaysToTheSameHeadAndState() throws Exception {
        Path ledgerDir = populated();
        LedgerHead head;
        String state;
        try (LedgerFixture f = new LedgerFixture(ledgerDir)) {
            head = f.ledger.head();
            state = f.state("C1");
            assertThat(f.repay("C2", 60).committed()).isTrue();
        }
        try (LedgerFixture f = new LedgerFixture(ledgerDir)) {
            assertThat(f.ledger.head().treeSize()).isEqualTo(head.treeSize() + 1);
            assertThat(f.state("C1")).isEqualTo(state).isEqualTo("DEFAULTED");
            assertThat(f.state("C2")).isEqualTo("REPAID");
            assertThat(f.ledger.consistencyProof(head.treeSize(), f.ledger.size())).isNotEmpty();
            assertThat(MerkleTree.verifyConsistency(head.treeSize(), f.ledger.size(), HexFormat.of().parseHex(head.root()),
                    f.ledger.root(f.ledger.size()), f.ledger.consistencyProof(head.treeSize(), f.ledger.size()))).isTrue();
        }
        JournalVerification v = JournalVerification.of(ledgerDir);
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.transactions()).isEqualTo(head.treeSize() + 1);
    }

    @Test
    void everyOneOf200RandomSingleByteFlipsIsCaught() throws Exception {
        Path ledgerDir = populated();
        byte[] original = Files.readAllBytes(ledgerDir.resolve(Journal.FILE_NAME));
        assertThat(JournalVerification.of(ledgerDir).ok()).isTrue();
        Random random = new Random(20260101L);
        for (int trial = 0; trial < 200; trial++) {
            byte[] copy = original.clone();
            int pos = random.nextInt(copy.length);
            copy[pos] ^= (byte) (1 + random.nextInt(255));
            Path file = dir.resolve("flip-" + trial + ".journal");
            Files.write(file, copy);
            JournalVerification v = JournalVerification.of(file);
            assertThat(v.ok()).as("flip at byte %d of %d went unnoticed", pos, copy.length).isFalse();
            assertThat(v.reason()).startsWith("block ");
            Files.delete(file);
        }
    }

    @Test
    void aTruncatedJournalIsCaughtAndNamesTheBlock() throws Exception {
        Path ledgerDir = populated();
        byte[] original = Files.readAllBytes(ledgerDir.resolve(Journal.FILE_NAME));
        Path file = dir.resolve("cut.journal");
        Files.write(file, java.util.Arrays.copyOf(original, original.length - 10));
        JournalVerification v = JournalVerification.of(file);
        assertThat(v.ok()).isFalse();
        assertThat(v.badBlock()).isEqualTo(v.blocks()).isPositive();
    }

    @Test
    void theLedgerRefusesToStartOnADamagedJournal() throws Exception {
        Path ledgerDir = populated();
        Path journal = ledgerDir.resolve(Journal.FILE_NAME);
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(journal, bytes);
        assertThatThrownBy(() -> new LedgerFixture(ledgerDir)).isInstanceOf(JournalException.class)
                .hasMessageStartingWith("block ");
    }

    @Test
    void aTransactionsInclusionProofVerifiesAgainstThePublishedRoot() throws Exception {
        try (LedgerFixture f = new LedgerFixture(dir.resolve("p"))) {
            var results = List.of(f.apply("A", "E", 10), f.apply("B", "E", 10), f.apply("C", "E", 10));
            LedgerHead head = f.ledger.head();
            for (var r : results) {
                TxRecord rec = f.ledger.transaction(r.txId()).orElseThrow();
                assertThat(MerkleTree.verifyInclusion(f.ledger.leafHash(rec.leafIndex()), rec.leafIndex(), head.treeSize(),
                        f.ledger.inclusionProof(rec.leafIndex(), head.treeSize()), HexFormat.of().parseHex(head.root()))).isTrue();
            }
        }
    }
}
