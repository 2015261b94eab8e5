package io.supplytwin.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.state.EntityTwin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the entity twins' changelog gets: a twin when it publishes, or when it went quiet without doing so. */
class SnapshotChangelogTest {

    private static final String MACHINE = "t1-01-eq-01";
    private static final String OTHER = "t1-01-eq-02";

    private final TwinDriver twin = new TwinDriver();
    private final TestOutputTopic<byte[], byte[]> changelog = twin.entityChangelog();

    @AfterEach
    void close() {
        twin.close();
    }

    private void availability(String machine, int minute, double value) {
        twin.reading("t1-01", TwinLevel.EQUIPMENT, machine, Duration.ofMinutes(minute),
                Map.of("availability_pct", value, "oee_pct", 80.0));
    }

    /** The twins written to the changelog, decoded, in order; the store's own record left out. */
    private List<KeyValue<String, EntityTwin>> snapshots() {
        return changelog.readKeyValuesToList().stream().filter(kv -> (kv.key[0] & 0xFF) != 0xFF)
                .map(kv -> KeyValue.pair(new String(kv.key, StandardCharsets.UTF_8), EntityTwin.CODEC.decode(kv.value)))
                .toList();
    }

    @Test
    void onlyPublicationsReachTheChangelogWhileTheStoreHasEveryReading() {
        availability(MACHINE, 0, 90.0);  // initial: published
        availability(MACHINE, 5, 90.3);  // inside the deadband: the store only
        availability(MACHINE, 10, 90.4); // the store only
        availability(MACHINE, 15, 91.0); // beyond it: published

        List<KeyValue<String, EntityTwin>> written = snapshots();
        assertThat(written).extracting(kv -> kv.key).containsExactly(MACHINE, MACHINE);
        assertThat(written).extracting(kv -> kv.value.readings()).containsExactly(1L, 4L);
        assertThat(written).extracting(kv -> kv.value.dirtySince()).containsExactly(-1L, -1L);

        availability(MACHINE, 20, 91.1);
        assertThat(snapshots()).isEmpty();
        EntityTwin stored = twin.entities().get(MACHINE);
        assertThat(stored.readings()).isEqualTo(5);
        // the store knows which input offset it last applied and since when it is ahead of its snapshot
        assertThat(stored.appliedOffset()).isEqualTo(4);
        assertThat(stored.dirtySince()).isEqualTo(4);
    }

    @Test
    void theSweepSnapshotsATwinThatWentQuietAHeartbeatWithReadingsNotInItsChangelog() {
        availability(MACHINE, 0, 90.0);
        availability(MACHINE, 5, 90.2); // not published, and the machine then goes quiet
        availability(OTHER, 0, 70.0);
        availability(OTHER, 20, 70.1);
        snapshots();

        twin.driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(snapshots()).as("stream time 20 min: not quiet for a heartbeat (30 min) yet").isEmpty();

        availability(OTHER, 40, 70.2); // stream time 40 min: the machine is 35 min behind
        twin.driver.advanceWallClockTime(Duration.ofSeconds(10));
        List<KeyValue<String, EntityTwin>> written = snapshots();
        // the other machine's heartbeat publication at 40 min, then the sweep's snapshot of the quiet one
        assertThat(written).extracting(kv -> kv.key).containsExactly(OTHER, MACHINE);
        assertThat(written.get(1).value.readings()).isEqualTo(2);
        assertThat(twin.entities().get(MACHINE).dirtySince()).isEqualTo(-1);
        assertThat(twin.entities().get(OTHER).dirtySince()).as("published at 40 min: heartbeat").isEqualTo(-1);
        assertThat(twin.metrics.registry().get("supplytwin.streams.snapshots.quiet").counter().count()).isEqualTo(1);
    }

    @Test
    void interactiveQueriesOverTheStoreSeeTwinsOnlyNotItsOwnRecords() {
        availability(MACHINE, 0, 90.0);
        availability(OTHER, 0, 70.0);
        try (var all = twin.entities().all()) {
            assertThat(all).toIterable().extracting(kv -> kv.key).containsExactly(MACHINE, OTHER);
        }
    }
}
