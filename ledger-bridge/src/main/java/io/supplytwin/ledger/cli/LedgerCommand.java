package io.supplytwin.ledger.cli;

import picocli.CommandLine.Command;

/** {@code twin ledger}: check a journal, or measure the embedded ledger. */
@Command(name = "ledger", description = "Financing ledger tools: verify a journal, benchmark the embedded ledger.",
        mixinStandardHelpOptions = true, subcommands = {VerifyCommand.class, BenchCommand.class})
public final class LedgerCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
