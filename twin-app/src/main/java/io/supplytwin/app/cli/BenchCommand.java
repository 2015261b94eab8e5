package io.supplytwin.app.cli;

import io.supplytwin.ingest.bench.IngestBenchCommand;
import io.supplytwin.ledger.cli.LedgerBenchCommand;
import io.supplytwin.ml.cli.BenchMlCommand;
import io.supplytwin.streams.bench.StreamsBenchCommand;
import picocli.CommandLine.Command;

/**
 * {@code twin bench}: benchmarks of each service against real embedded brokers. Every one reports a ratio against
 * a baseline measured in the same run, because our machines are shared and absolute figures drift.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark; each prints its figures as ratios against a baseline measured in the same run.",
        subcommands = {IngestBenchCommand.class, StreamsBenchCommand.class, LedgerBenchCommand.class, BenchMlCommand.class})
public final class BenchCommand {
}
