package io.supplytwin.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.supplytwin.schemas.avro.Samples;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import io.supplytwin.schemas.topic.Topics;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final String TOPIC = Topics.TELEMETRY.name();
    private final LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
    private final Deserializer<TelemetryReading> deserializer = Topics.TELEMETRY.valueSerde(registry).deserializer();

    @Test
    void headerIsMagicByteThenBigEndianId() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaId(TOPIC, new byte[] {0, 0, 0, 1, 0, 42})).isEqualTo(256);
    }

    @Test
    void serializedRecordStartsWithTheHeaderOfItsRegisteredId() {
        byte[] bytes = Topics.TELEMETRY.valueSerde(registry).serializer().serialize(TOPIC, Samples.telemetry());
        int id = registry.getLatest(TopicNameStrategy.subject(TOPIC, false)).id();
        assertThat(Arrays.copyOf(bytes, WireFormat.HEADER_SIZE)).isEqualTo(WireFormat.header(id));
    }

    @Test
    void bytesWithoutTheMagicByteAreABadRecord() {
        BadRecordException e = catchThrowableOfType(BadRecordException.class,
                () -> deserializer.deserialize(TOPIC, "{\"json\":1}".getBytes()));
        assertThat(e.reason()).isEqualTo(BadRecordException.Reason.NO_MAGIC_BYTE);
        assertThat(e.topic()).isEqualTo(TOPIC);
        assertThat(e.schemaId()).isEmpty();
        assertThat(e).isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
    }

    @Test
    void bytesShorterThanTheHeaderAreABadRecord() {
        BadRecordException e = catchThrowableOfType(BadRecordException.class,
                () -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}));
        assertThat(e.reason()).isEqualTo(BadRecordException.Reason.TOO_SHORT);
        assertThat(e).hasMessageContaining(TOPIC).hasMessageContaining("3 bytes");
    }

    @Test
    void anUnknownSchemaIdIsABadRecordNamingTopicAndId() {
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 'x'};
        BadRecordException e = catchThrowableOfType(BadRecordException.class,
                () -> deserializer.deserialize(TOPIC, bytes));
        assertThat(e.reason()).isEqualTo(BadRecordException.Reason.UNKNOWN_SCHEMA_ID);
        assertThat(e.schemaId()).hasValue(12345);
        assertThat(e).hasMessageContaining(TOPIC).hasMessageContaining("12345");
    }

    @Test
    void aTruncatedBodyIsABadRecord() {
        byte[] bytes = Topics.TELEMETRY.valueSerde(registry).serializer().serialize(TOPIC, Samples.telemetry());
        BadRecordException e = catchThrowableOfType(BadRecordException.class,
                () -> deserializer.deserialize(TOPIC, Arrays.copyOf(bytes, 12)));
        assertThat(e.reason()).isEqualTo(BadRecordException.Reason.UNDECODABLE);
        assertThat(e.schemaId()).isPresent();
    }

    @Test
    void theGoodRecordAfterABadOneStillReads() {
        byte[] good = Topics.TELEMETRY.valueSerde(registry).serializer().serialize(TOPIC, Samples.telemetry());
        catchThrowableOfType(BadRecordException.class, () -> deserializer.deserialize(TOPIC, new byte[] {7}));
        assertThat(deserializer.deserialize(TOPIC, good)).isEqualTo(Samples.telemetry());
    }
}
