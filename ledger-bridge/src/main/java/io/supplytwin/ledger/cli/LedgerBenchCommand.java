package io.supplytwin.ledger.cli;

import picocli.CommandLine.Command;

/** The same benchmark as {@code twin ledger bench}, named for the launcher's {@code twin bench ledger}. */
@Command(name = "ledger", description = "Benchmark the embedded ledger: whole financing lifecycles, fsync per block.",
        mixinStandardHelpOptions = true)
public final class LedgerBenchCommand extends BenchCommand {
}
