package io.supplytwin.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.streams.TwinStreamsService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readings produced as Avro to the telemetry topic (the MQTT bridge is tested in twin-ingest) come out as twin states,
 * health and credit; a twin closed mid-run whose local state is then lost resumes from its changelogs and committed
 * offsets, and its committed output equals an uninterrupted run's: nothing lost, nothing twice.
 */
@ExtendWith(PlatformExtension.class)
class TwinStreamsIT {

    private record Outputs(Map<String, List<HealthIndex>> health, Map<String, List<CreditAssessment>> credit,
                           Map<String, List<TwinState>> equipment, Map<String, List<TwinState>> enterprise) {
    }

    private static Outputs outputs(StreamsTestKit kit) {
        return new Outputs(kit.readCommitted(kit.topics.health()), kit.readCommitted(kit.topics.credit()),
                kit.readCommitted(kit.topics.equipmentState()), kit.readCommitted(kit.topics.enterpriseState()));
    }

    private static void awaitHealth(StreamsTestKit kit, int records) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> StreamsTestKit.size(kit.readCommitted(kit.topics.health())) >= records);
    }

    /** Per key: where two output streams part ways (readable, unlike a dump of both). */
    private static <V> List<String> difference(Map<String, List<V>> expected, Map<String, List<V>> actual) {
        List<String> out = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            List<V> e = expected.getOrDefault(key, List.of());
            List<V> a = actual.getOrDefault(key, List.of());
            int i = 0;
            while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
                i++;
            }
            if (i < e.size() || i < a.size()) {
                out.add(key + ": " + e.size() + " expected, " + a.size() + " actual, first difference at " + i + ": "
                        + (i < e.size() ? e.get(i) : "-") + " vs " + (i < a.size() ? a.get(i) : "-"));
            }
        }
        return out;
    }

    @Test
    void readingsBecomeHealthAndCreditAndACrashedTwinResumesWithoutLossOrDuplicates(EmbeddedPlatform platform)
            throws Exception {
        List<TelemetryReading> readings = StreamsTestKit.dataset();

        StreamsTestKit straight = new StreamsTestKit(platform);
        Outputs expected;
        try (TwinStreamsService twin = straight.twin(StreamsTestKit.unique("straight"), StreamsTestKit.tempDir(), null)) {
            // a record no reader can decode, ahead of the good ones: dead-lettered, and the output below is unchanged
            straight.produceRaw(straight.topics.telemetry().name(), "t1-01-eq-01", "{\"oee_pct\": 80}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            straight.produce(readings);
            await().atMost(Duration.ofSeconds(90)).until(() -> twin.metrics().readingsIn() >= readings.size());
            awaitHealth(straight, (int) twin.metrics().registry().get("supplytwin.streams.health").counter().count());
            expected = outputs(straight);
        }
        Map<String, List<DeadLetter>> dead = straight.readCommitted(straight.topics.telemetryDlq());
        assertThat(dead.getOrDefault("t1-01-eq-01", List.of())).extracting(DeadLetter::getReason)
                .containsExactly("NO_MAGIC_BYTE");
        assertThat(expected.health()).hasSize(6);
        assertThat(expected.credit()).hasSize(6);
        assertThat(expected.equipment()).hasSize(12);
        HealthIndex last = expected.health().get("t1-01").get(expected.health().get("t1-01").size() - 1);
        assertThat(last.getH()).isLessThan(expected.health().get("t1-01").get(0).getH());
        assertThat(last.getComponents()).hasSize(12);
        CreditAssessment credit = expected.credit().get("t1-01").get(0);
        assertThat(credit.getPSource()).isEqualTo(ProbabilitySource.FALLBACK);
        assertThat(credit.getLmax()).isGreaterThan(0);
        // event-driven: fewer states than readings
        assertThat(StreamsTestKit.size(expected.equipment()) + StreamsTestKit.size(expected.enterprise()))
                .isLessThan(readings.size());

        StreamsTestKit crashed = new StreamsTestKit(platform);
        String app = StreamsTestKit.unique("crashed");
        stopMidRun(crashed, app, StreamsTestKit.tempDir(), readings);
        // the machine's disk is gone: the restarted twin rebuilds its stores from the changelogs
        try (TwinStreamsService second = crashed.twin(app, StreamsTestKit.tempDir(), null)) {
            awaitSameOutputs(expected, crashed);
            // the changelog has twins as last published; what came after was read again from telemetry
            assertThat(second.metrics().replayedReadings()).isPositive();
        }

        // stopped mid-run and started again on its own disk: the local twins are in step, nothing is read again
        StreamsTestKit resumed = new StreamsTestKit(platform);
        String sameApp = StreamsTestKit.unique("resumed");
        Path disk = StreamsTestKit.tempDir();
        stopMidRun(resumed, sameApp, disk, readings);
        try (TwinStreamsService after = resumed.twin(sameApp, disk, null)) {
            awaitSameOutputs(expected, resumed);
            assertThat(after.metrics().replayedReadings()).isZero();
        }
    }

    /** A twin that takes half the readings, gets the rest, and is stopped with part of them not processed yet. */
    private static void stopMidRun(StreamsTestKit kit, String app, Path disk, List<TelemetryReading> readings)
            throws Exception {
        int half = readings.size() / 2;
        TwinStreamsService twin = kit.twin(app, disk, null);
        kit.produce(readings.subList(0, half));
        await().atMost(Duration.ofSeconds(60)).until(() -> twin.metrics().readingsIn() >= half / 2);
        kit.produce(readings.subList(half, readings.size()));
        twin.close();
    }

    /** Waits for the committed outputs to equal, record for record, those of the uninterrupted run. */
    private static void awaitSameOutputs(Outputs expected, StreamsTestKit kit) {
        awaitHealth(kit, StreamsTestKit.size(expected.health()));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Outputs actual = outputs(kit);
            assertThat(difference(expected.health(), actual.health())).isEmpty();
            assertThat(difference(expected.credit(), actual.credit())).isEmpty();
            assertThat(difference(expected.equipment(), actual.equipment())).isEmpty();
            assertThat(difference(expected.enterprise(), actual.enterprise())).isEmpty();
        });
    }

    @Test
    void aRegistryRefusingAnOutputSchemaStopsTheStartWithTheTopicAndTheReason(EmbeddedPlatform platform) throws Exception {
        StreamsTestKit kit = new StreamsTestKit(platform);
        String subject = kit.topics.orderState().name() + "-value";
        kit.registry.register(subject, SchemaBuilder.record("TwinState").namespace("io.supplytwin.schemas.avro").fields()
                .requiredInt("legacy").endRecord());

        assertThatThrownBy(() -> kit.twin(StreamsTestKit.unique("refused"), StreamsTestKit.tempDir(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for topic " + kit.topics.orderState().name())
                .hasMessageContaining("incompatible with an earlier schema");
        assertThat(kit.registry.versions(subject)).hasSize(1);
        // registered in order: the topics before the refused one have their schema, the ones after it none
        assertThat(kit.registry.subjects()).contains(kit.topics.equipmentState().name() + "-value")
                .doesNotContain(kit.topics.health().name() + "-value");
    }

    @Test
    void theLedgerHistoryChangelogIsRegisteredAtStartUnderTheSubjectItsRecordsUse(EmbeddedPlatform platform) throws Exception {
        StreamsTestKit kit = new StreamsTestKit(platform);
        String app = StreamsTestKit.unique("history");
        Topic<String, CreditHistory> changelog = kit.topics.creditHistoryChangelog(app);
        try (TwinStreamsService twin = kit.twin(app, StreamsTestKit.tempDir(), null)) {
            // no ledger update yet: only the start can have registered it
            assertThat(kit.registry.subjects()).contains(changelog.name() + "-value");
            kit.produce(kit.topics.creditHistory(), List.of(new CreditHistory("core-01", 4, 3, 1, 4, 0, StreamsTestKit.T0)),
                    CreditHistory::getEnterpriseId);
            // the store writes the update to the changelog of that name, readable with that subject's schema
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kit.readCommitted(changelog))
                    .containsKey("core-01"));
            // and the store's serde wrote under no other subject of this application
            assertThat(kit.registry.subjects()).filteredOn(subject -> subject.startsWith(app))
                    .containsExactly(changelog.name() + "-value");
        }
    }
}
