package io.supplytwin.ml.cli;

import io.supplytwin.ml.bench.ForecastLatencyBenchmark;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twin bench ml}: single-prediction latency of each forecaster (JMH, one thread, one native thread), printed
 * as microseconds and as a ratio to the 7-day moving average measured in the same run.
 */
@Command(name = "ml", mixinStandardHelpOptions = true,
        description = "Latency of one forecast per model (JMH), as ratios to the moving-average baseline of the same run.")
public final class BenchMlCommand implements Callable<Integer> {

    @Option(names = "--iterations", description = "measurement iterations of 1 s (default ${DEFAULT-VALUE})")
    int iterations = 5;

    @Option(names = "--forks", description = "JMH forks; 0 runs in this JVM (default ${DEFAULT-VALUE})")
    int forks = 1;

    @Override
    public Integer call() throws Exception {
        Options options = new OptionsBuilder().include(ForecastLatencyBenchmark.class.getName() + ".*")
                .forks(forks).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1)).threads(1)
                .jvmArgsAppend("-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1",
                        "-Dai.djl.pytorch.num_threads=1")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double baseline = results.stream().filter(r -> label(r).startsWith("baseline")).findFirst()
                .map(r -> r.getPrimaryResult().getScore()).orElse(Double.NaN);
        System.out.printf("%n%-22s %12s %10s %14s%n", "benchmark", "µs/forecast", "± error", "× baseline");
        results.stream().sorted(Comparator.comparing(BenchMlCommand::label)).forEach(r -> System.out.printf(
                "%-22s %12.2f %10.2f %14.1f%n", label(r), r.getPrimaryResult().getScore(),
                r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScore() / baseline));
        return 0;
    }

    private static String label(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
