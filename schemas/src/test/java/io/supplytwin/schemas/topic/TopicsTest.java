package io.supplytwin.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void allHoldsEveryDeclaredTopicOnceWithDistinctNames() throws IllegalAccessException {
        List<Topic<?, ?>> declared = new java.util.ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class && Modifier.isPublic(field.getModifiers())) {
                declared.add((Topic<?, ?>) field.get(null));
            }
        }
        assertThat(Topics.all()).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(Topics.all().stream().map(Topic::name).distinct()).hasSameSizeAs(Topics.all());
        assertThat(Topics.all()).hasSize(12);
    }

    @Test
    void telemetryIsSixPartitionsOfTelemetryReadings() {
        assertThat(Topics.TELEMETRY.partitions()).isEqualTo(6);
        assertThat(Topics.TELEMETRY.valueType()).isEqualTo(TelemetryReading.class);
        assertThat(Topics.TELEMETRY.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
    }

    @Test
    void latestValueTopicsAreCompacted() {
        assertThat(Topics.all().stream().filter(t -> t.cleanupPolicy() == CleanupPolicy.COMPACT))
                .containsExactlyInAnyOrder(Topics.STATE_EQUIPMENT, Topics.STATE_ORDER, Topics.STATE_ENTERPRISE,
                        Topics.CREDIT, Topics.LEDGER_CREDIT_HISTORY);
        assertThat(Arrays.asList(Topics.STATE_EQUIPMENT, Topics.STATE_ORDER, Topics.STATE_ENTERPRISE))
                .allSatisfy(t -> assertThat(t.valueType()).isEqualTo(TwinState.class));
    }

    @Test
    void newTopicCarriesPartitionsReplicationAndConfigs() {
        NewTopic request = Topics.CREDIT.newTopic((short) 3);
        assertThat(request.name()).isEqualTo(Topics.CREDIT.name());
        assertThat(request.numPartitions()).isEqualTo(Topics.PARTITIONS);
        assertThat(request.replicationFactor()).isEqualTo((short) 3);
        assertThat(request.configs()).containsEntry("cleanup.policy", "compact")
                .containsAllEntriesOf(Topics.CREDIT.configs());
        assertThat(Topics.TELEMETRY.newTopic((short) 1).configs()).containsEntry("cleanup.policy", "delete")
                .containsKey("retention.ms");
    }

    @Test
    void topicsAreFoundByName() {
        assertThat(Topics.byName(Topics.ALERTS.name())).contains(Topics.ALERTS);
        assertThat(Topics.byName("no.such.topic")).isEmpty();
    }
}
