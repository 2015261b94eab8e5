package io.supplytwin.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.Samples;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
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

    @Test
    void registeringAValueSchemaAheadGivesTheIdItsSerializerWrites() {
        LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
        int id = Topics.HEALTH.registerValueSchema(registry);

        assertThat(registry.subjects()).containsExactly(Topics.HEALTH.name() + "-value");
        byte[] bytes = Topics.HEALTH.valueSerde(registry).serializer().serialize(Topics.HEALTH.name(),
                Samples.of(HealthIndex.class));
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(registry.versions(Topics.HEALTH.name() + "-value")).hasSize(1);
    }

    @Test
    void aRefusedSchemaNamesTheTopicAndTheRegistrysReason() {
        LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
        Schema other = SchemaBuilder.record("TwinState").namespace("io.supplytwin.schemas.avro").fields()
                .requiredInt("legacy").endRecord();
        registry.register(Topics.STATE_ORDER.name() + "-value", other);

        assertThatThrownBy(() -> Topics.STATE_ORDER.registerValueSchema(registry))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.supplytwin.schemas.avro.TwinState")
                .hasMessageContaining("for topic " + Topics.STATE_ORDER.name())
                .hasMessageContaining("incompatible with an earlier schema");
        assertThat(registry.versions(Topics.STATE_ORDER.name() + "-value")).hasSize(1);
    }
}
