package io.supplytwin.ledger.cli;

import io.supplytwin.ledger.chain.JournalVerification;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twin ledger verify <dir>}: replays a whole journal (hash chain, Merkle roots, signatures, endorsement
 * policies, validation codes) and names the first bad block. Exit 0 when sound, 2 when not (one line; a journal in
 * a format this build does not read says so and names the format version).
 */
@Command(name = "verify", description = "Check a ledger journal; names the first bad block. Exit 0 ok, 2 bad.",
        mixinStandardHelpOptions = true)
public final class VerifyCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int BAD = 2;

    @Parameters(index = "0", paramLabel = "<dir>", description = "ledger directory (or its ledger.journal file)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        JournalVerification v = JournalVerification.of(dir);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (v.ok()) {
            spec.commandLine().getOut().printf("ok: format %d, %d blocks, %d transactions, root %s (tree size %d), checked in %d ms%n",
                    v.formatVersion(), v.blocks(), v.transactions(), v.root(), v.treeSize(), ms);
            spec.commandLine().getOut().flush();
            return OK;
        }
        spec.commandLine().getErr().println((v.unsupportedFormat() ? "unsupported journal: " : "bad journal: ") + v.reason());
        spec.commandLine().getErr().flush();
        return BAD;
    }
}
