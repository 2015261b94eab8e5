package io.supplytwin.streams.bench;

import com.sun.management.OperatingSystemMXBean;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.TempDirs;
import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.schemas.avro.ForecastKind;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import io.supplytwin.streams.TwinStreamsService;
import io.supplytwin.streams.topology.StreamsTopics;
import io.supplytwin.streams.topology.TwinTopology;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twin bench streams}: in one run on an embedded Kafka + registry, (1) the twin topology's throughput against
 * a pass-through topology over the same prefilled input, (2) exactly_once_v2 against at_least_once, (3) end-to-end
 * latency from produce to {@code twin.health} at a paced rate (3,333 readings/s: a million twins on a 5-minute
 * cycle), and the event-driven reduction (readings in vs states out).
 */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Benchmark the Kafka Streams twin: throughput against a pass-through topology, exactly_once_v2 against",
                "at_least_once, produce -> twin.health latency at a paced rate, and states out per reading in.",
                "Starts its own embedded Kafka and registry on free ports; prints progress while it runs."})
public final class StreamsBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--readings", description = "prefilled readings per throughput run (default ${DEFAULT-VALUE})")
    int readings = 100_000;

    @Option(names = "--rounds", description = "rounds of the throughput step, each a pass-through and both guarantees,"
            + " alternating which guarantee goes first; rates are averaged (default ${DEFAULT-VALUE})")
    int rounds = 4;

    @Option(names = "--warm-ups", description = "most uncounted warm-up rounds (a pass-through and both guarantees) before"
            + " the throughput step; they stop once the JIT compiler takes under 5% of a twin run's cpu (default ${DEFAULT-VALUE})")
    int warmUps = 4;

    @Option(names = "--twins", description = "distinct twins in the throughput input (default ${DEFAULT-VALUE})")
    int twins = 10_000;

    @Option(names = "--rate", description = "readings/s of the latency run (default ${DEFAULT-VALUE})")
    int rate = 3_333;

    @Option(names = "--seconds", description = "length of the latency run (default ${DEFAULT-VALUE})")
    int seconds = 60;

    @Option(names = "--latency-twins", description = "distinct twins in the latency run (default ${DEFAULT-VALUE})")
    int latencyTwins = 200_000;

    @Option(names = "--commit-interval", paramLabel = "DURATION", description = "streams.commit-interval of every run (default: the"
            + " setting's default, ${DEFAULT-VALUE})")
    String commitInterval = TwinStreamsConfig.COMMIT_INTERVAL.defaultValue().toMillis() + "ms";

    @Option(names = "--threads", description = "streams.threads of the twin runs (default ${DEFAULT-VALUE})")
    int threads = TwinStreamsConfig.THREADS.defaultValue();

    @Option(names = "--compression", description = "streams.compression of every run (default ${DEFAULT-VALUE})")
    String compression = TwinStreamsConfig.COMPRESSION.defaultValue();

    @Option(names = "--linger", paramLabel = "DURATION|commit", description = "streams.linger of every run (default ${DEFAULT-VALUE}: the commit interval)")
    String linger = TwinStreamsConfig.LINGER.defaultValue();

    @Option(names = "--batch-size", description = "streams.batch-size of every run, bytes (default ${DEFAULT-VALUE})")
    int batchSize = TwinStreamsConfig.BATCH_SIZE.defaultValue();

    @Option(names = "--scoring-twins", description = "distinct twins in the scoring on/off input (default ${DEFAULT-VALUE})")
    int scoringTwins = 100;

    @Option(names = "--scoring-readings", description = "prefilled readings of the scoring on/off runs (default ${DEFAULT-VALUE})")
    int scoringReadings = 100_000;

    @Option(names = "--scoring-cycle", paramLabel = "DURATION", description = "event time between a twin's readings in the scoring runs (default ${DEFAULT-VALUE})")
    String scoringCycleText = "1h";

    @Option(names = "--models", paramLabel = "DIR", description = "model versions to score with (default: a temporary directory "
            + "where a small first-start version is trained)")
    Path models;

    @Option(names = "--skip", split = ",", paramLabel = "STEP", description = "steps to leave out: throughput, scoring, latency"
            + " (the cold latency run), warm (the latency run after a warm-up cycle)")
    List<String> skip = List.of();

    private PrintWriter out;
    private Path workDir;
    private EmbeddedPlatform platform;
    private SchemaRegistryClient registry;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Runs the benchmark without the {@code twin} launcher, e.g. from an IDE. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new StreamsBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        if (rounds < 1 || readings < 1 || twins < 1) {
            spec.commandLine().getErr().println("twin bench streams: --rounds, --readings and --twins must be at least 1");
            return 2;
        }
        if (warmUps < 0) {
            spec.commandLine().getErr().println("twin bench streams: --warm-ups must not be negative, got " + warmUps);
            return 2;
        }
        try {
            // the settings' own checks, before any broker starts (a bad --compression failed mid-run before)
            TwinStreamsConfig.with(settings("exactly_once_v2", false));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("twin bench streams: " + e.getMessage());
            return 2;
        }
        Path dir = Files.createTempDirectory("twin-bench-streams-");
        workDir = dir;
        // the broker's log, the stores and the models take gigabytes per run: gone when the run ends, also on Ctrl-C
        Thread cleanup = new Thread(() -> TempDirs.deleteQuietly(dir), "twin-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return measureAll(dir);
        } finally {
            TempDirs.deleteQuietly(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
        }
    }

    private Integer measureAll(Path dir) throws Exception {
        double load0 = os.getSystemLoadAverage();
        try (EmbeddedPlatform started = EmbeddedPlatform.onFreePorts(dir, Map.of()).start()) {
            platform = started;
            registry = new RestSchemaRegistryClient(platform.registryUrl());
            progress("platform up: kafka %s; system load average %.2f on %d cores; commit interval %s, %d stream thread(s)",
                    platform.bootstrapServers(), load0, os.getAvailableProcessors(), commitInterval, threads);

            Duration scoringCycle = Setting.parseDuration(scoringCycleText);
            if (models == null) {
                models = dir.resolve("models");
            }
            progress("model version %s in %s", ModelStore.ensureModels(models), models);

            Run pass = null;
            Run eos = null;
            Run alos = null;
            if (!skip.contains("throughput")) {
                StreamsTopics input = topics("throughput");
                int produced = prefill(input.telemetry(), new SyntheticGateways("tp", twins), readings, Duration.ofMinutes(5));
                warmUp(input, produced);
                // rounds alternate which guarantee goes first, so neither gains from its place; rates are averaged
                List<Run> passes = new ArrayList<>();
                List<Run> eosRuns = new ArrayList<>();
                List<Run> alosRuns = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    String tag = rounds > 1 ? " (round " + round + " of " + rounds + ")" : "";
                    passes.add(passThrough(input, produced, "pass-through" + tag));
                    boolean eosFirst = round % 2 == 1;
                    for (String guarantee : eosFirst ? List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)
                            : List.of(StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2)) {
                        Run run = twin(input, produced, guarantee, false, "twin " + guarantee + tag);
                        (guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) ? eosRuns : alosRuns).add(run);
                    }
                }
                pass = Run.mean(passes);
                eos = Run.mean(eosRuns);
                alos = Run.mean(alosRuns);
                if (rounds > 1) {
                    for (int i = 0; i < rounds; i++) {
                        progress("round %d: pass-through %,.0f/s, twin exactly_once_v2 %,.0f/s (%.2fx), at_least_once %,.0f/s;"
                                        + " exactly_once_v2 = %.2fx at_least_once", i + 1, passes.get(i).rate, eosRuns.get(i).rate,
                                eosRuns.get(i).rate / passes.get(i).rate, alosRuns.get(i).rate, eosRuns.get(i).rate / alosRuns.get(i).rate);
                    }
                }
            }
            Run off = null;
            Run on = null;
            if (!skip.contains("scoring")) {
                StreamsTopics input = topics("scoring");
                int produced = prefill(input.telemetry(), new SyntheticGateways("sc", scoringTwins), scoringReadings, scoringCycle);
                // an uncounted run with scoring on first: it compiles the twin's and the scorer's code, which the
                // counted "on" run had paid for alone (up to a third of its cpu as JIT time)
                twin(input, produced, StreamsConfig.EXACTLY_ONCE_V2, true, "twin, scoring on, warm-up (not counted)");
                off = twin(input, produced, StreamsConfig.EXACTLY_ONCE_V2, false);
                on = twin(input, produced, StreamsConfig.EXACTLY_ONCE_V2, true);
            }
            Latency cold = skip.contains("latency") ? null : latency(false);
            Latency warm = skip.contains("warm") ? null : latency(true);

            out.println();
            if (eos != null) {
                if (rounds > 1) {
                    out.printf(Locale.ROOT, "throughput: mean of %d rounds, alternating which guarantee runs first%n", rounds);
                }
                out.printf(Locale.ROOT, "pass-through (exactly_once_v2)   %,10.0f readings/s   %5.2f ms cpu per reading%n", pass.rate,
                        pass.cpuMs);
                out.printf(Locale.ROOT, "twin topology (exactly_once_v2)  %,10.0f readings/s   %5.2f ms cpu per reading   %.2fx pass-through"
                        + " (target >= 0.5)%n", eos.rate, eos.cpuMs, eos.rate / pass.rate);
                out.printf(Locale.ROOT, "twin topology (at_least_once)    %,10.0f readings/s   %5.2f ms cpu per reading   exactly_once_v2 ="
                        + " %.2fx at_least_once (target >= 0.85)%n", alos.rate, alos.cpuMs, eos.rate / alos.rate);
                out.printf(Locale.ROOT, "event-driven reduction           %,d readings -> %,d states (%.1f%% fewer)%n", eos.in, eos.out,
                        100.0 * (1 - (double) eos.out / eos.in));
            }
            if (on != null) {
                out.printf(Locale.ROOT, "twin, scoring off                %,10.0f readings/s   (%,d twins, a reading every %s of event time)%n",
                        off.rate, scoringTwins, scoringCycleText);
                out.printf(Locale.ROOT, "twin, scoring on                 %,10.0f readings/s   %.2fx scoring off (target >= 0.7); %,d forecast"
                        + " records, %,d scoring calls (%,d skipped)%n", on.rate, on.rate / off.rate, on.forecasts, on.scored,
                        on.skipped);
            }
            for (Latency latency : new Latency[] {cold, warm}) {
                if (latency != null) {
                    out.printf(Locale.ROOT, "latency produce -> twin.health, %s, at %,d readings/s for %d s: p50 %.0f ms, p99 %.0f ms,"
                            + " max %.0f ms over %,d health records (target p99 <= 2000 ms); %,d readings -> %,d states, twin kept"
                            + " up at %,.0f readings/s%n", latency.warm ? "warm (each twin seen 5 min before)" : "cold (every twin new)",
                            rate, seconds, latency.p50, latency.p99, latency.max, latency.samples, latency.in, latency.out,
                            latency.in / (double) seconds);
                }
            }
            out.printf(Locale.ROOT, "system load average: %.2f at start, %.2f at end (%d cores shared with other work)%n", load0,
                    os.getSystemLoadAverage(), os.getAvailableProcessors());
            out.flush();
        }
        return 0;
    }

    /**
     * @param cpuMs    process cpu time per reading (broker included: everything runs in this process)
     * @param jitShare the JIT compiler's share of the run's process cpu
     */
    private record Run(double rate, double cpuMs, double jitShare, long in, long out, long forecasts, long scored, long skipped) {
        Run(double rate, double cpuMs, double jitShare, long in, long out) {
            this(rate, cpuMs, jitShare, in, out, 0, 0, 0);
        }

        /** Mean rate and cpu of runs over the same input (counts from the first). */
        static Run mean(List<Run> runs) {
            Run first = runs.get(0);
            return new Run(runs.stream().mapToDouble(Run::rate).average().orElseThrow(),
                    runs.stream().mapToDouble(Run::cpuMs).average().orElseThrow(),
                    runs.stream().mapToDouble(Run::jitShare).average().orElseThrow(), first.in, first.out, first.forecasts,
                    first.scored, first.skipped);
        }
    }

    private record Latency(boolean warm, double p50, double p99, double max, int samples, long in, long out) {
    }

    private StreamsTopics topics(String name) throws Exception {
        StreamsTopics topics = StreamsTopics.prefixed("bench-" + name + ".");
        try (Admin admin = admin()) {
            topics.ensure(admin, (short) 1);
        }
        return topics;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    private KafkaProducer<String, TelemetryReading> producer(Topic<String, TelemetryReading> topic) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144), topic.keySerde(registry).serializer(),
                topic.valueSerde(registry).serializer());
    }

    /** Every twin reports in turn, {@code cycle} of event time apart per round. */
    private int prefill(Topic<String, TelemetryReading> topic, SyntheticGateways gateways, int readings, Duration cycle) {
        Instant start = Instant.now().minus(cycle.multipliedBy(readings / gateways.twins() + 1));
        LongAdder acked = new LongAdder();
        LongAdder failed = new LongAdder();
        try (KafkaProducer<String, TelemetryReading> producer = producer(topic)) {
            for (int n = 0; n < readings; n++) {
                int i = n % gateways.twins();
                TelemetryReading r = gateways.reading(i, start.plus(cycle.multipliedBy(n / gateways.twins())));
                producer.send(new ProducerRecord<>(topic.name(), r.getEntityId(), r), (meta, e) -> {
                    if (e == null) {
                        acked.increment();
                    } else {
                        failed.increment();
                    }
                });
                if ((n + 1) % 50_000 == 0) {
                    progress("prefilled %,d / %,d readings", n + 1, readings);
                }
            }
        }
        if (failed.sum() > 0) {
            progress("prefill: %,d readings were not accepted by Kafka; measuring over the %,d that were", failed.sum(),
                    acked.sum());
        }
        return (int) acked.sum(); // what the twin will see: a failed send must not make the run wait for it
    }

    /**
     * Uncounted rounds until the JIT has settled. The first runs in a JVM pay for compiling Kafka's, the broker's and
     * the twin's code: the first twin run spent as much cpu in the JIT compiler as in its stream thread, and the
     * compiler still took a third of the first counted run's cpu after one warm-up run (C2 compiles the stream
     * thread's deeply inlined paths again after each deoptimisation), which made whichever guarantee ran first look
     * slower. A long-running instance pays this once; the benchmark measures what comes after.
     */
    private void warmUp(StreamsTopics input, int produced) throws Exception {
        double jit = 1;
        int round = 0;
        while (round < warmUps && jit >= 0.05) {
            round++;
            String tag = " warm-up " + round + " (not counted)";
            passThrough(input, produced, "pass-through" + tag);
            Run a = twin(input, produced, StreamsConfig.EXACTLY_ONCE_V2, false, "twin exactly_once_v2" + tag);
            Run b = twin(input, produced, StreamsConfig.AT_LEAST_ONCE, false, "twin at_least_once" + tag);
            jit = Math.max(a.jitShare(), b.jitShare());
        }
        if (round > 0) {
            progress("warm-up: %d round(s); the JIT compiler took %.0f%% of the last twin warm-up run's cpu%s", round,
                    100 * jit, jit < 0.05 ? "" : " (not settled within --warm-ups; the counted runs still include some)");
        }
    }

    private Map<String, String> settings(String guarantee, boolean scoring) {
        return Map.of("streams.processing-guarantee", guarantee, "streams.commit-interval", commitInterval,
                "streams.scoring", Boolean.toString(scoring), "streams.threads", Integer.toString(threads),
                "streams.compression", compression, "streams.linger", linger, "streams.batch-size", Integer.toString(batchSize));
    }

    private TwinStreamsConfig config(String name, String guarantee, boolean scoring) throws Exception {
        return TwinStreamsConfig.with(settings(guarantee, scoring))
                .withApplication("bench-" + name + "-" + System.nanoTime(), Files.createTempDirectory(workDir, "state-"))
                .withModelsDir(models);
    }

    private Run passThrough(StreamsTopics input, int total, String what) throws Exception {
        StreamsTopics output = topics("passthrough");
        LongAdder processed = new LongAdder();
        TwinStreamsConfig config = config("passthrough", StreamsConfig.EXACTLY_ONCE_V2, false);
        try (KafkaStreams streams = new KafkaStreams(TwinTopology.passThrough(registry, input.telemetry(), output.telemetry(),
                processed), config.streamsProperties(platform.bootstrapServers(), ""))) {
            streams.pause();
            streams.start();
            settle(streams, config.applicationId(), what);
            Run run = measure(what, processed::sum, total);
            progress("%s: bytes produced per reading by topic: %s", what, producedBytes(streams.metrics(), run.in));
            progress("%s: stream thread time %s", what, threadRatios(streams.metrics()));
            return run;
        }
    }

    private Run twin(StreamsTopics input, int total, String guarantee, boolean scoring) throws Exception {
        return twin(input, total, guarantee, scoring, "twin " + guarantee + (scoring ? ", scoring on" : ""));
    }

    private Run twin(StreamsTopics input, int total, String guarantee, boolean scoring, String what) throws Exception {
        String prefix = "bench-twin-" + guarantee + "-" + System.nanoTime() + ".";
        StreamsTopics own = StreamsTopics.prefixed(prefix);
        StreamsTopics topics = new StreamsTopics(input.telemetry(), own.telemetryDlq(), own.equipmentState(),
                own.orderState(), own.enterpriseState(), own.health(), own.forecast(), own.credit(), own.alerts(),
                own.creditHistory());
        try (Admin admin = admin()) {
            topics.ensure(admin, (short) 1);
        }
        PlatformMetrics metrics = new PlatformMetrics("bench");
        TwinStreamsConfig config = config("twin", guarantee, scoring);
        try {
            return twin(config, topics, metrics, total, what);
        } finally {
            // every twin run writes ~80 partitions of its own; left behind, they made each later run's broker costlier
            dropTopics(prefix, config.applicationId() + "-");
        }
    }

    private Run twin(TwinStreamsConfig config, StreamsTopics topics, PlatformMetrics metrics, int total, String what)
            throws Exception {
        try (TwinStreamsService service = new TwinStreamsService(config, platform.bootstrapServers(),
                platform.registryUrl(), null, metrics, topics, ReferenceNetwork.create())) {
            service.start(true);
            settle(service.streams(), config.applicationId(), what);
            Run run = measure(what, service.metrics()::readingsIn, total);
            progress("%s: bytes produced per reading by topic: %s", what, producedBytes(service.streams().metrics(), run.in));
            progress("%s: stream thread time %s", what, threadRatios(service.streams().metrics()));
            TwinStreamsMetrics m = service.metrics();
            long forecasts = 0;
            for (ForecastKind kind : ForecastKind.values()) {
                forecasts += m.forecasts(kind.name());
            }
            long scored = (long) metrics.registry().find("supplytwin.scoring.latency").timers().stream()
                    .mapToLong(t -> t.count()).sum();
            long skipped = (long) metrics.registry().find("supplytwin.scoring.skipped").counters().stream()
                    .mapToDouble(c -> c.count()).sum();
            return new Run(run.rate, run.cpuMs, run.jitShare, m.readingsIn(), m.statesOut(), forecasts, scored, skipped);
        }
    }

    /**
     * Waits, processing paused, until the application's consumer group is stable with every stream thread a member
     * holding partitions, unchanged for 2 s, then resumes. Without it, threads joined one after the other and the
     * first held every task for much of a run: with 2 threads, single rounds differed by 2x in cpu per reading. A
     * long-running instance is past that; the rates are of what comes after.
     */
    private void settle(KafkaStreams streams, String applicationId, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String assignment = "";
        long stableSince = System.nanoTime();
        boolean settled = false;
        try (Admin admin = admin()) {
            while (!settled && System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get()
                        .get(applicationId);
                boolean complete = group.groupState() == GroupState.STABLE && group.members().size() == threads
                        && group.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty());
                String now = group.members().stream().map(m -> m.consumerId() + m.assignment().topicPartitions()).sorted()
                        .toList().toString();
                if (!now.equals(assignment)) {
                    assignment = now;
                    stableSince = System.nanoTime();
                }
                settled = complete && System.nanoTime() - stableSince >= Duration.ofSeconds(2).toNanos();
                Thread.sleep(100);
            }
        }
        if (!settled) {
            progress("%s: the consumer group did not settle within 60 s; measuring anyway", what);
        }
        streams.resume();
    }

    /** Deletes the topics whose names start with one of {@code prefixes}, and waits until the broker has. */
    private void dropTopics(String... prefixes) throws Exception {
        try (Admin admin = admin()) {
            List<String> names = admin.listTopics().names().get().stream()
                    .filter(t -> Arrays.stream(prefixes).anyMatch(t::startsWith)).toList();
            if (!names.isEmpty()) {
                admin.deleteTopics(names).all().get();
            }
        }
    }

    /**
     * Where the stream threads' wall time went: processing, polling, committing, punctuating. Kafka Streams averages
     * these over its last metric windows, which include the paused start; the busy share of {@link #measure} covers
     * the run alone.
     */
    private static String threadRatios(Map<MetricName, ? extends Metric> metrics) {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (String r : List.of("process-ratio", "poll-ratio", "commit-ratio", "punctuate-ratio")) {
            ratios.put(r, new ArrayList<>());
        }
        metrics.forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && ratios.containsKey(name.name())
                    && metric.metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                ratios.get(name.name()).add(n.doubleValue());
            }
        });
        StringJoiner joiner = new StringJoiner(", ", "(Kafka Streams' ratios over its last metric windows, the paused start"
                + " included): ", "");
        ratios.forEach((r, values) -> joiner.add(String.format(Locale.ROOT, "%s %.0f%%", r.replace("-ratio", ""),
                100 * values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
        return joiner.toString();
    }

    /**
     * Bytes the stream threads' producers sent per topic (batches as sent, compression included), per reading; then
     * produce requests, record batches and fetches per 1,000 readings, all from one pass over the metrics. Each batch
     * costs the producer a new compression stream and the broker one append to its partition, whatever its size;
     * batches are estimated per producer as its bytes over its mean batch size.
     */
    private static String producedBytes(Map<MetricName, ? extends Metric> metrics, long readings) {
        Map<String, Double> byTopic = new TreeMap<>();
        Map<String, Double> byClient = new HashMap<>();
        Map<String, Double> batchSize = new HashMap<>();
        double requests = 0;
        double fetches = 0;
        for (var e : metrics.entrySet()) {
            MetricName name = e.getKey();
            if (!(e.getValue().metricValue() instanceof Number number)) {
                continue;
            }
            double value = number.doubleValue();
            String client = name.tags().get("client-id");
            if (name.group().equals("producer-topic-metrics") && name.name().equals("byte-total")) {
                String topic = name.tags().get("topic");
                topic = topic.replaceFirst("^bench-twin-[^.]+\\.", "").replaceFirst("^bench-twin-\\d+-", "");
                byTopic.merge(topic, value, Double::sum);
                byClient.merge(client, value, Double::sum);
            } else if (name.group().equals("producer-metrics") && name.name().equals("batch-size-avg") && value > 0) {
                batchSize.put(client, value);
            } else if (name.group().equals("producer-metrics") && name.name().equals("request-total")) {
                requests += value;
            } else if (name.group().equals("consumer-fetch-manager-metrics") && name.name().equals("fetch-total")) {
                fetches += value;
            }
        }
        double batches = 0;
        for (var e : byClient.entrySet()) {
            Double size = batchSize.get(e.getKey());
            if (size != null) {
                batches += e.getValue() / size;
            }
        }
        double n = Math.max(1, readings);
        double total = byTopic.values().stream().mapToDouble(Double::doubleValue).sum();
        StringJoiner joiner = new StringJoiner(", ");
        byTopic.forEach((topic, b) -> joiner.add(String.format(Locale.ROOT, "%s %.0f B", topic, b / n)));
        return String.format(Locale.ROOT, "%.0f B in all: %s; %.1f producer requests, ~%.0f batches, %.1f fetches per"
                + " 1,000 readings", total / n, joiner, requests * 1000 / n, batches * 1000 / n, fetches * 1000 / n);
    }

    /** Rate from the first processed record to the last, with a progress line every second. */
    private Run measure(String what, LongSupplier processed, int total) throws InterruptedException {
        ThreadCpu threadCpu = new ThreadCpu();
        long cpu0 = os.getProcessCpuTime();
        long first = 0;
        long last = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (processed.getAsLong() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
            long now = System.nanoTime();
            if (first == 0 && processed.getAsLong() > 0) {
                first = now;
            }
            if (now - last >= 1_000_000_000L) {
                last = now;
                progress("%s: %,d / %,d readings", what, processed.getAsLong(), total);
            }
        }
        double secs = (System.nanoTime() - first) / 1e9;
        double rate = processed.getAsLong() / secs;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
        progress("%s: %,d readings in %.1f s = %,.0f readings/s, process cpu %.0f%% of %d cores, %.2f ms cpu per reading; load"
                        + " average %.2f", what, processed.getAsLong(), secs, rate, 100 * cpu / 1e3 / secs / os.getAvailableProcessors(),
                os.getAvailableProcessors(), cpu / processed.getAsLong(), os.getSystemLoadAverage());
        ThreadCpu.Usage usage = threadCpu.since(cpu);
        // cpu over wall: how much of the run the stream threads worked rather than waited (Kafka Streams' own ratios
        // cover its last metric windows, the paused start among them)
        double streamThreadMs = secs * 1e3 * threads;
        double busy = usage.ms().get(ThreadCpu.STREAM_THREADS) / streamThreadMs;
        // run-queue wait: the share of the run a thread was ready but no core was free, which tells a stream thread
        // short of cpu (2 shared cores, the broker in the same process) from one idle for want of input
        ThreadCpu.Waited waited = usage.waited();
        String waiting = waited == null ? "" : String.format(Locale.ROOT, ", waiting for a core %.0f%%; on average"
                + " %.2f threads of the process were waiting for one", 100 * waited.streamThreadsMs() / streamThreadMs,
                waited.allMs() / (secs * 1e3));
        progress("%s: cpu per reading by thread group: %s; stream threads busy %.0f%% of the run%s", what,
                usage.perReading(processed.getAsLong()), 100 * busy, waiting);
        return new Run(rate, cpu / processed.getAsLong(), usage.jitMs() / Math.max(1, cpu), processed.getAsLong(), 0);
    }

    /**
     * The paced run. Cold: every twin is new, so every reading is an INITIAL state and recomputes its enterprise's
     * health. Warm: first each twin's previous reading, 5 minutes of event time earlier, is processed (steady state on
     * a 5-minute cycle: most readings then fall inside the deadband), and only then the paced readings are measured.
     */
    private Latency latency(boolean warm) throws Exception {
        String name = warm ? "latency-warm" : "latency";
        StreamsTopics topics = topics(name);
        SyntheticGateways gateways = new SyntheticGateways(warm ? "lw" : "lt", latencyTwins);
        try (TwinStreamsService service = new TwinStreamsService(config(name, StreamsConfig.EXACTLY_ONCE_V2, true),
                platform.bootstrapServers(), platform.registryUrl(), null, new PlatformMetrics("bench"), topics,
                ReferenceNetwork.create())) {
            service.start();
            if (warm) {
                int twins = gateways.twins();
                Instant before = Instant.now().minus(Duration.ofMinutes(5));
                try (KafkaProducer<String, TelemetryReading> producer = producer(topics.telemetry())) {
                    for (int i = 0; i < twins; i++) {
                        TelemetryReading r = gateways.reading(i, before);
                        producer.send(new ProducerRecord<>(topics.telemetry().name(), r.getEntityId(), r));
                    }
                }
                measure("warm-up cycle (each twin's previous reading)", service.metrics()::readingsIn, twins);
            }
            long readings0 = service.metrics().readingsIn();
            long states0 = service.metrics().statesOut();
            try (KafkaConsumer<String, HealthIndex> consumer = healthReader(topics.health())) {
                long measuredFrom = System.currentTimeMillis();
                AtomicBoolean producing = new AtomicBoolean(true);
                Thread producer = new Thread(() -> pace(topics.telemetry(), gateways, producing), "bench-producer");
                producer.start();
                double[] samples = new double[rate * seconds];
                int n = 0;
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                long nextProgress = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < end) {
                    for (ConsumerRecord<String, HealthIndex> r : consumer.poll(Duration.ofMillis(100))) {
                        long time = r.value().getTime().toEpochMilli();
                        if (n < samples.length && time >= measuredFrom) { // not a late output of the warm-up cycle
                            samples[n++] = System.currentTimeMillis() - time;
                        }
                    }
                    if (System.nanoTime() > nextProgress) {
                        nextProgress += 5_000_000_000L;
                        progress("%s run: %,d readings in, %,d states out, %,d health records seen", warm ? "warm latency"
                                : "cold latency", service.metrics().readingsIn() - readings0,
                                service.metrics().statesOut() - states0, n);
                    }
                }
                producing.set(false);
                producer.join();
                double[] sorted = Arrays.copyOf(samples, n);
                Arrays.sort(sorted);
                return new Latency(warm, percentile(sorted, 0.50), percentile(sorted, 0.99), n == 0 ? Double.NaN : sorted[n - 1],
                        n, service.metrics().readingsIn() - readings0, service.metrics().statesOut() - states0);
            }
        }
    }

    private KafkaConsumer<String, HealthIndex> healthReader(Topic<String, HealthIndex> topic) {
        KafkaConsumer<String, HealthIndex> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic.keySerde(registry).deserializer(),
                topic.valueSerde(registry).deserializer());
        consumer.subscribe(List.of(topic.name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    /** Sends readings at {@link #rate} per second, event time = send time, twins in turn. */
    private void pace(Topic<String, TelemetryReading> topic, SyntheticGateways gateways, AtomicBoolean running) {
        try (KafkaProducer<String, TelemetryReading> producer = producer(topic)) {
            long start = System.nanoTime();
            long sent = 0;
            while (running.get()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (sent < due) {
                    TelemetryReading r = gateways.reading((int) (sent % gateways.twins()), Instant.now());
                    producer.send(new ProducerRecord<>(topic.name(), r.getEntityId(), r));
                    sent++;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
        out.flush();
    }
}
