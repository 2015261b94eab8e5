package io.supplytwin.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.forecast.InStreamScoring;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.ml.scoring.Scorer;
import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.ForecastKind;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.forecast.DailyObservations;
import io.supplytwin.streams.state.EntityTwinProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The twin topology with the real scorer on a first-start model version: an enterprise's closed days become DEMAND,
 * ORDERS and RISK records, P from the model replaces the fallback in credit, machines' 4-hourly samples become
 * EQUIPMENT_FAULT records with alerts on crossings, and a model version swapped in mid-stream leaves no day unscored.
 */
class InStreamScoringTest {

    private static final String SUPPLIER = "t1-04";
    private static final String MACHINE = "t1-04-m01";
    private static Path models;
    private static Scorer scorer;

    private TwinDriver twin;

    @BeforeAll
    static void trainModels() throws IOException {
        models = Files.createTempDirectory("scoring-models-");
        ModelStore.ensureModels(models);
        scorer = Scorer.open(models, Scorer.Options.defaults().withPollInterval(null));
    }

    @AfterAll
    static void closeScorer() {
        scorer.close();
    }

    /** The twin registers {@link StreamsTopics#outputs} at start: that list must be what the topology writes. */
    @Test
    void theTopicsRegisteredAtStartAreTheTopologysOutputs() {
        StreamsTopics topics = StreamsTopics.standard();
        for (boolean scoring : new boolean[] {false, true}) {
            TwinStreamsMetrics metrics = new TwinStreamsMetrics(new SimpleMeterRegistry());
            Topology topology = TwinTopology.build(TwinStreamsConfig.defaults(), LocalSchemaRegistry.inMemory(), topics,
                    ReferenceNetwork.create(), metrics, scoring ? new InStreamScoring(scorer, metrics) : null);
            Set<String> sinks = new TreeSet<>();
            for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
                for (TopologyDescription.Node node : sub.nodes()) {
                    if (node instanceof TopologyDescription.Sink sink && !sink.topic().endsWith("-repartition")) {
                        sinks.add(sink.topic());
                    }
                }
            }
            assertThat(sinks).as("scoring " + scoring)
                    .containsExactlyInAnyOrderElementsOf(topics.outputs(scoring).stream().map(Topic::name).toList());
        }
    }

    @AfterEach
    void close() {
        if (twin != null) {
            twin.close();
        }
    }

    /**
     * An enterprise reporting at 00:00, 06:00, 12:00 and 18:00 (UTC) of days {@code fromDay} until {@code toDay}
     * (day 0 = T0's date): the 12 scoring indicators and the daily ones.
     */
    private void enterpriseDays(int fromDay, int toDay, Random random) {
        for (int d = fromDay; d < toDay; d++) {
            for (int q = 0; q < 4; q++) {
                Map<String, Double> v = new HashMap<>(TwinDriver.healthy());
                double output = 500 + 120 * Math.sin(2 * Math.PI * d / 30.0) + random.nextGaussian() * 10;
                v.put(DailyObservations.OUTPUT, output);
                v.put(DailyObservations.REVENUE, output * 30 * 200);
                v.put(DailyObservations.ORDER_INTAKE, output * 30 * 200 * (1.05 + 0.05 * random.nextGaussian()));
                v.put(DailyObservations.FINISHED_GOODS, 2000 + 300 * random.nextGaussian());
                v.put(DailyObservations.RAW_MATERIAL, 5000 + 20 * d + 200 * random.nextGaussian());
                v.put("overdue_payables_pct", 5 + random.nextDouble());
                v.put("supplier_payments_on_time_pct", 95 + random.nextDouble());
                v.put("credit_line_utilisation_pct", 40 + 5 * random.nextDouble());
                twin.enterprise(SUPPLIER, Duration.ofDays(d).plusHours(6L * q - 8), v); // T0 is 08:00
            }
        }
    }

    private static List<Forecast> of(List<Forecast> all, ForecastKind kind) {
        return all.stream().filter(f -> f.getKind() == kind).toList();
    }

    @Test
    void closedDaysBecomeDemandOrderAndRiskRecordsAndPFromTheModelReachesCredit() {
        twin = new TwinDriver(Map.of(), scorer);
        TestOutputTopic<String, Forecast> out = twin.output(twin.topics.forecast());
        TestOutputTopic<String, CreditAssessment> credit = twin.output(twin.topics.credit());
        enterpriseDays(0, 36, new Random(5));

        List<Forecast> all = out.readValuesToList();
        // days 0..34 are closed (day 35 is still open); a forecast needs 15 days, P needs 30
        List<Forecast> demand = of(all, ForecastKind.DEMAND);
        assertThat(demand).hasSize(35 - 14);
        assertThat(of(all, ForecastKind.ORDERS)).hasSize(demand.size());
        assertThat(of(all, ForecastKind.RISK)).hasSize(35 - 29);
        assertThat(twin.metrics.forecasts("DEMAND")).isEqualTo(demand.size());

        Forecast first = demand.get(0);
        assertThat(first.getEntityId()).isEqualTo(SUPPLIER);
        assertThat(first.getTime()).isEqualTo(TwinDriver.T0.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(15)));
        for (Forecast f : demand) {
            assertThat(f.getValues()).hasSize(7).allSatisfy(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0.0));
            // a forecast of a plant selling 380..620 units a day stays in that order of magnitude
            assertThat(f.getValues().stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isBetween(50.0, 5000.0);
            assertThat(f.getModelVersion()).isEqualTo("v0001");
            assertThat(f.getContributors()).isNotEmpty();
        }
        for (Forecast f : of(all, ForecastKind.ORDERS)) {
            assertThat(f.getValues()).hasSize(1);
            assertThat(f.getValues().get(0) % 16).isZero();
        }
        for (Forecast f : of(all, ForecastKind.RISK)) {
            assertThat(f.getProbability()).isBetween(0.0, 1.0);
            assertThat(f.getModel()).startsWith("risk-");
        }

        // the RISK records go round through twin.forecast: later credit uses the model's P
        List<CreditAssessment> assessments = credit.readValuesToList();
        CreditAssessment last = assessments.get(assessments.size() - 1);
        assertThat(last.getPSource()).isEqualTo(ProbabilitySource.MODEL);
        Forecast lastRisk = of(all, ForecastKind.RISK).get(of(all, ForecastKind.RISK).size() - 1);
        assertThat(last.getP()).isEqualTo(lastRisk.getProbability());
        assertThat(assessments.get(0).getPSource()).isEqualTo(ProbabilitySource.FALLBACK);
    }

    @Test
    void daysTooShortForAForecastAreCountedNotScored() {
        twin = new TwinDriver(Map.of(), scorer);
        enterpriseDays(0, 10, new Random(6));
        assertThat(twin.output(twin.topics.forecast()).readValuesToList()).isEmpty();
        assertThat(twin.metrics.registry().get("supplytwin.scoring.skipped").tag("reason", "short").counter().count())
                .isEqualTo(9);
    }

    @Test
    void aModelVersionSwappedInMidStreamLeavesNoDayUnscored() throws IOException {
        Path own = Files.createTempDirectory("scoring-swap-");
        copyVersion(models, "v0001", own, "v0001");
        try (Scorer swapping = Scorer.open(own, Scorer.Options.defaults().withPollInterval(null))) {
            twin = new TwinDriver(Map.of(), swapping);
            swapUnderTraffic(own, swapping);
        }
    }

    private void swapUnderTraffic(Path dir, Scorer swapping) throws IOException {
        TestOutputTopic<String, Forecast> out = twin.output(twin.topics.forecast());
        Random random = new Random(7);
        enterpriseDays(0, 20, random);
        copyVersion(dir, "v0001", dir, "v0002");
        assertThat(swapping.checkForNewVersion()).isTrue();
        enterpriseDays(20, 30, random);

        List<Forecast> demand = of(out.readValuesToList(), ForecastKind.DEMAND);
        assertThat(demand).hasSize(29 - 14);
        List<String> versions = demand.stream().map(Forecast::getModelVersion).toList();
        assertThat(versions.subList(0, 5)).containsOnly("v0001");   // closed days 14..18
        assertThat(versions.subList(5, versions.size())).containsOnly("v0002");
        for (int i = 1; i < demand.size(); i++) {
            assertThat(Duration.between(demand.get(i - 1).getTime(), demand.get(i).getTime())).isEqualTo(Duration.ofDays(1));
        }
    }

    @Test
    void machineSamplesBecomeFaultRiskWithAlertsOnCrossings() {
        twin = new TwinDriver(Map.of(), scorer);
        TestOutputTopic<String, Forecast> out = twin.output(twin.topics.forecast());
        TestOutputTopic<String, Alert> alerts = twin.output(twin.topics.alerts());
        // hourly readings for 6 days: a healthy machine, then one wearing out fast (vibration, heat, alarms)
        for (int h = 0; h < 144; h++) {
            double wear = h < 72 ? 0 : (h - 72) / 72.0;
            Map<String, Double> v = new HashMap<>();
            v.put("spindle_vibration_mm_s", 1.5 + 9 * wear);
            v.put("bearing_temp_de_c", 45 + 40 * wear);
            v.put("alarm_count_24h", Math.floor(12 * wear));
            v.put("operating_hours_since_pm_h", 100.0 + h);
            v.put("oee_pct", 85 - 30 * wear);
            twin.reading(SUPPLIER, TwinLevel.EQUIPMENT, MACHINE, Duration.ofHours(h), v);
        }
        List<Forecast> faults = of(out.readValuesToList(), ForecastKind.EQUIPMENT_FAULT);
        // 36 samples (one per 4 hours); the first 11 fill the model's window
        assertThat(faults).hasSize(36 - 11);
        assertThat(faults).allSatisfy(f -> {
            assertThat(f.getEntityId()).isEqualTo(MACHINE);
            assertThat(f.getEnterpriseId()).isEqualTo(SUPPLIER);
            assertThat(f.getProbability()).isBetween(0.0, 1.0);
        });
        // one alert per crossing of the model's threshold, in the order of the records
        double threshold = 0.5;
        List<String> expected = new ArrayList<>();
        boolean raised = false;
        for (Forecast f : faults) {
            boolean above = f.getProbability() >= threshold;
            if (above != raised) {
                expected.add(above ? EntityTwinProcessor.FAULT_RISK : EntityTwinProcessor.FAULT_RISK_CLEARED);
                raised = above;
            }
        }
        List<Alert> got = alerts.readValuesToList().stream().filter(a -> MACHINE.equals(a.getEntityId())).toList();
        assertThat(got).extracting(Alert::getKind).containsExactlyElementsOf(expected);
        // the wearing machine ends riskier than it started
        assertThat(faults.get(faults.size() - 1).getProbability()).isGreaterThan(faults.get(0).getProbability());
    }

    /** Publishes a copy of a version under a new name, as 'twin train' publishes one (hidden, then renamed). */
    private static void copyVersion(Path fromDir, String from, Path toDir, String to) throws IOException {
        Path source = fromDir.resolve(from);
        Path incoming = toDir.resolve(".incoming-" + to);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = incoming.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path manifest = incoming.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8).replace("\"" + from + "\"",
                "\"" + to + "\""), StandardCharsets.UTF_8);
        Files.move(incoming, toDir.resolve(to));
    }
}
