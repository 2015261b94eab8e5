package io.supplytwin.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.ledger.LedgerFixture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal names its format: another format is refused by name, journals from before the version are read. */
class JournalFormatTest {

    @TempDir
    Path dir;

    private Path journalWithCases() throws Exception {
        Path ledgerDir = dir.resolve("ledger");
        try (LedgerFixture f = new LedgerFixture(ledgerDir, 4)) {
            f.funded("C1", "E1", 100, 150);
            f.fund("C1", 10); // refused, recorded
        }
        return ledgerDir.resolve(Journal.FILE_NAME);
    }

    private static void writeVersion(Path journal, int version) throws Exception {
        byte[] bytes = Files.readAllBytes(journal);
        ByteBuffer.wrap(bytes).putInt(8, version);
        Files.write(journal, bytes);
    }

    /** The same journal as written before the header carried a version: the old magic, then the blocks. */
    private static void makeUnversioned(Path journal) throws Exception {
        byte[] bytes = Files.readAllBytes(journal);
        byte[] old = new byte[bytes.length - 4];
        System.arraycopy("STLEDGR1".getBytes(StandardCharsets.US_ASCII), 0, old, 0, 8);
        System.arraycopy(bytes, 12, old, 8, bytes.length - 12);
        Files.write(journal, old);
    }

    @Test
    void aNewJournalStartsWithItsMagicAndFormatVersion() throws Exception {
        byte[] bytes = Files.readAllBytes(journalWithCases());
        assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("STLEDGRV");
        assertThat(ByteBuffer.wrap(bytes).getInt(8)).isEqualTo(Journal.FORMAT_VERSION).isEqualTo(1);
        JournalVerification v = JournalVerification.of(dir.resolve("ledger"));
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.formatVersion()).isEqualTo(1);
    }

    @Test
    void anUnknownFormatVersionIsNamedAndTheLedgerDoesNotStartNorTouchTheFile() throws Exception {
        Path journal = journalWithCases();
        writeVersion(journal, 2);
        byte[] before = Files.readAllBytes(journal);

        JournalVerification v = JournalVerification.of(journal);
        assertThat(v.ok()).isFalse();
        assertThat(v.unsupportedFormat()).isTrue();
        assertThat(v.formatVersion()).isEqualTo(2);
        assertThat(v.reason()).isEqualTo("block 0 (byte offset 8): journal format version 2 is not supported: this build "
                + "reads format 1 (open it with the SupplyTwin release that wrote it)");

        assertThatThrownBy(() -> new LedgerFixture(journal.getParent())).isInstanceOf(UnsupportedJournalFormatException.class)
                .hasMessageContaining("format version 2");
        assertThat(Files.readAllBytes(journal)).as("nothing appended to a journal of another format").isEqualTo(before);
    }

    @Test
    void aDamagedVersionFieldIsCaughtToo() throws Exception {
        Path journal = journalWithCases();
        writeVersion(journal, 0x01000001);
        assertThat(JournalVerification.of(journal).reason()).contains("format version 16777217 is not supported");
        writeVersion(journal, 0);
        assertThat(JournalVerification.of(journal).ok()).isFalse();
    }

    @Test
    void aJournalFromBeforeTheVersionIsFormatOneAndKeepsItsHeaderWhenAppendedTo() throws Exception {
        Path journal = journalWithCases();
        makeUnversioned(journal);
        JournalVerification v = JournalVerification.of(journal);
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.formatVersion()).isEqualTo(1);
        long transactions = v.transactions();

        try (LedgerFixture f = new LedgerFixture(journal.getParent())) {
            assertThat(f.state("C1")).isEqualTo("FUNDED");
            assertThat(f.repay("C1", 100).committed()).isTrue();
        }
        byte[] bytes = Files.readAllBytes(journal);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo("STLEDGR1".getBytes(StandardCharsets.US_ASCII));
        JournalVerification after = JournalVerification.of(journal);
        assertThat(after.ok()).as(after.reason()).isTrue();
        assertThat(after.transactions()).isEqualTo(transactions + 1);
    }
}
