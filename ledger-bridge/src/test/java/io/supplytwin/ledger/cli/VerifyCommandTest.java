package io.supplytwin.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ledger.LedgerFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twin ledger verify}: exit 0 and a summary for a sound journal, 2 and one line naming the block otherwise. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new LedgerCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void soundJournalExitsZeroAndDamagedOneExitsTwoNamingTheBlock() throws Exception {
        try (LedgerFixture f = new LedgerFixture(dir, 2)) {
            for (int i = 0; i < 4; i++) {
                f.funded("C" + i, "E" + i, 100, 100);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "verify", dir.toString())).isEqualTo(VerifyCommand.OK);
        assertThat(out.toString()).startsWith("ok: format 1, ").contains("16 transactions");

        Path journal = dir.resolve("ledger.journal");
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length - 40] ^= 0x10; // inside the last block
        Files.write(journal, bytes);
        StringWriter err2 = new StringWriter();
        assertThat(run(new StringWriter(), err2, "verify", dir.toString())).isEqualTo(VerifyCommand.BAD);
        assertThat(err2.toString()).startsWith("bad journal: block ").hasLineCount(1);
    }

    @Test
    void missingJournalAndMissingArgumentExitTwo() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "verify", dir.resolve("nothing").toString())).isEqualTo(VerifyCommand.BAD);
        assertThat(err.toString()).contains("no journal at");
        assertThat(run(new StringWriter(), new StringWriter(), "verify")).isEqualTo(2);
    }

    @Test
    void aJournalInAnotherFormatExitsTwoNamingTheVersion() throws Exception {
        try (LedgerFixture f = new LedgerFixture(dir, 2)) {
            f.apply("C1", "E1", 100);
        }
        Path journal = dir.resolve("ledger.journal");
        byte[] bytes = Files.readAllBytes(journal);
        java.nio.ByteBuffer.wrap(bytes).putInt(8, 9);
        Files.write(journal, bytes);
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "verify", dir.toString())).isEqualTo(VerifyCommand.BAD);
        assertThat(err.toString()).startsWith("unsupported journal: ").contains("format version 9 is not supported")
                .contains("reads format 1").hasLineCount(1);
    }
}
