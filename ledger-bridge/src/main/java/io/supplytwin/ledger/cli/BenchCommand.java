package io.supplytwin.ledger.cli;

import io.supplytwin.ledger.bench.LedgerBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twin ledger bench}: contract transactions per second and request→receipt latency of the embedded ledger. */
@Command(name = "bench", description = {"Benchmark the embedded ledger: whole financing lifecycles, fsync per block.",
        "Reports tx/s, request->receipt p50/p99, block time (cut to committed) and process CPU time per transaction,",
        "with two baselines from the same run (raw fsync'd appends; one ECDSA signature per transaction)."},
        mixinStandardHelpOptions = true)
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--cases", defaultValue = "8000", description = "financing cases; each is 5 transactions (default ${DEFAULT-VALUE})")
    int cases;

    @Option(names = "--warmup-cases", defaultValue = "2000", description = "cases run first, not measured (default ${DEFAULT-VALUE})")
    int warmupCases;

    @Option(names = "--batch", defaultValue = "500", description = "requests per submitted batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--clients", defaultValue = "2", description = "concurrent submitting clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--block-size", defaultValue = "1000", description = "max transactions per block (default ${DEFAULT-VALUE})")
    int blockSize;

    @Option(names = "--block-timeout-ms", defaultValue = "20", description = "block cut timeout (default ${DEFAULT-VALUE})")
    long blockTimeoutMs;

    @Option(names = "--dir", description = "ledger directory (default: a fresh temporary one)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (cases < 1 || warmupCases < 0 || batch < 1 || clients < 1 || blockSize < 1 || blockTimeoutMs < 0) {
            spec.commandLine().getErr().println("bench: counts must be positive");
            return VerifyCommand.BAD;
        }
        Path where = dir != null ? dir : Files.createTempDirectory("supplytwin-ledger-bench-");
        LedgerBenchmark.Result r = new LedgerBenchmark(new LedgerBenchmark.Plan(cases, warmupCases, batch, clients, blockSize,
                Duration.ofMillis(blockTimeoutMs), where), spec.commandLine().getOut()).run();
        return r.journalOk() && r.committed() == r.transactions() ? 0 : 1;
    }
}
