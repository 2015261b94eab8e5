package io.supplytwin.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.serde.WireFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import io.supplytwin.schemas.serde.BadRecordException;
import java.util.HashMap;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records the twin cannot read: dead-lettered (telemetry) or skipped (forecasts, ledger), counted, and not fatal. */
class UnreadableInputTest {

    private final TwinDriver twin = new TwinDriver();

    @AfterEach
    void close() {
        twin.close();
    }

    private TestInputTopic<byte[], byte[]> raw(String topic) {
        return twin.driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private double rejected(String topic, String reason) {
        var counter = twin.metrics.registry().find("supplytwin.streams.rejected").tag("topic", topic).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void unreadableTelemetryIsDeadLetteredWithItsBytesAndReasonAndTheNextReadingStillCounts() {
        String topic = twin.topics.telemetry().name();
        byte[] json = utf8("{\"oee_pct\": 80}");
        byte[] unknownId = ByteBuffer.allocate(9).put(WireFormat.MAGIC_BYTE).putInt(987_654).putInt(42).array();
        // a real reading cut short: the header and schema id are fine, the Avro body ends early
        byte[] good = twin.topics.telemetry().valueSerde(twin.registry).serializer().serialize(topic,
                new io.supplytwin.schemas.avro.TelemetryReading("t2-05", TwinLevel.EQUIPMENT, "m1", 1L,
                        TwinDriver.T0, TwinDriver.T0, Map.of("oee_pct", 80.0, "availability_pct", 90.0), List.of(),
                        io.supplytwin.schemas.avro.TelemetrySource.JSON));
        byte[] truncated = Arrays.copyOf(good, good.length - 12);
        TestInputTopic<byte[], byte[]> in = raw(topic);
        in.pipeInput(utf8("m1"), json);
        in.pipeInput(utf8("m1"), new byte[] {0, 1});
        in.pipeInput(utf8("m1"), unknownId);
        in.pipeInput(utf8("m1"), truncated);
        twin.reading("t2-05", TwinLevel.EQUIPMENT, "m1", Duration.ofMinutes(5), Map.of("oee_pct", 81.0));

        List<DeadLetter> dead = twin.output(twin.topics.telemetryDlq()).readValuesToList();
        assertThat(dead).extracting(DeadLetter::getReason)
                .containsExactly("NO_MAGIC_BYTE", "TOO_SHORT", "UNKNOWN_SCHEMA_ID", "UNDECODABLE");
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.getSource()).isEqualTo(topic);
            assertThat(d.getKey()).isEqualTo("m1");
            assertThat(d.getDetail()).isNotBlank();
        });
        ByteBuffer original = dead.get(0).getOriginalBytes();
        byte[] kept = new byte[original.remaining()];
        original.get(kept);
        assertThat(kept).isEqualTo(json);
        assertThat(dead.get(2).getDetail()).contains("987654");

        List<TwinState> states = twin.output(twin.topics.equipmentState()).readValuesToList();
        assertThat(states).hasSize(1);
        assertThat(states.get(0).getIndicators().get("oee_pct").getValue()).isEqualTo(81.0);
        assertThat(twin.metrics.readingsIn()).isEqualTo(1);
        assertThat(rejected(topic, "NO_MAGIC_BYTE")).isEqualTo(1);
        assertThat(rejected(topic, "UNDECODABLE")).isEqualTo(1);
    }

    @Test
    void unreadableForecastsAndLedgerHistoryAreSkippedAndCountedWithoutDeadLetters() {
        raw(twin.topics.forecast().name()).pipeInput(utf8("t2-05"), utf8("not avro"));
        raw(twin.topics.creditHistory().name()).pipeInput(utf8("t2-05"), new byte[] {0, 0, 0});
        twin.risk("t2-05", Duration.ZERO, 0.2);
        twin.enterprise("t2-05", Duration.ofMinutes(1), TwinDriver.healthy());

        assertThat(rejected(twin.topics.forecast().name(), "NO_MAGIC_BYTE")).isEqualTo(1);
        assertThat(rejected(twin.topics.creditHistory().name(), "TOO_SHORT")).isEqualTo(1);
        assertThat(twin.output(twin.topics.telemetryDlq()).isEmpty()).isTrue();
        // the good forecast that followed still reached the enterprise: its credit uses P = 0.2
        assertThat(twin.enterprises().get("t2-05")).isNotNull();
        assertThat(twin.output(twin.topics.credit()).readValuesToList()).isNotEmpty()
                .last().satisfies(c -> assertThat(c.getP()).isEqualTo(0.2));
    }

    @Test
    void aRecordThatCouldNotBeReadForAnotherReasonFailsTheThreadInsteadOfBeingDeadLettered() {
        // e.g. the registry unreachable: retrying helps, so the record must not be lost to the dead-letter topic
        Properties props = new Properties();
        InputRejects.install(props, twin.topics, twin.registry, twin.metrics);
        InputRejects handler = new InputRejects();
        Map<String, Object> configs = new HashMap<>();
        props.forEach((k, v) -> configs.put((String) k, v));
        handler.configure(configs);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(twin.topics.telemetry().name(), 0, 7L, utf8("m1"),
                new byte[] {0, 0, 0, 0, 1, 2});

        DeserializationExceptionHandler.Response outage = handler.handleError(null, record,
                new SerializationException("Cannot fetch schema id 1 for topic twin.telemetry: connection refused"));
        assertThat(outage.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(outage.deadLetterQueueRecords()).isEmpty();

        DeserializationExceptionHandler.Response bad = handler.handleError(null, record, new BadRecordException(
                twin.topics.telemetry().name(), 1, BadRecordException.Reason.UNDECODABLE, "ends early", null));
        assertThat(bad.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(bad.deadLetterQueueRecords()).singleElement()
                .satisfies(r -> assertThat(r.topic()).isEqualTo(twin.topics.telemetryDlq().name()));
    }

    @Test
    void anUnreadableRecordOnTheTwinsOwnRepartitionTopicStopsTheThread() {
        String repartition = "twin-test-" + TwinTopology.ENTERPRISE_INPUTS + "-repartition";
        assertThatThrownBy(() -> raw(repartition).pipeInput(utf8("t2-05"), new byte[] {99, 1, 2}))
                .isInstanceOf(StreamsException.class);
    }
}
