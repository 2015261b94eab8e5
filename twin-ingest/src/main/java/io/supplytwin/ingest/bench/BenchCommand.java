package io.supplytwin.ingest.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code twin bench}: benchmarks that run against real embedded brokers and print ratios against raw baselines. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {IngestBenchCommand.class})
public final class BenchCommand {

    /** Runs a benchmark without the {@code twin} launcher, e.g. from an IDE. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
