package io.supplytwin.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.Samples;
import io.supplytwin.schemas.registry.client.RegisteredSchema;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AvroSerdesTest {

    private final LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();

    static Stream<SpecificRecord> samples() {
        return Samples.all().stream();
    }

    static Stream<Topic<?, ?>> topics() {
        return Topics.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void everyGeneratedClassRoundTrips(T record) {
        Serde<T> serde = AvroSerdes.specific((Class<T>) record.getClass(), registry, false);
        byte[] bytes = serde.serializer().serialize("round-trip", record);

        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
                .isEqualTo(registry.getLatest("round-trip-value").id());
        assertThat(serde.deserializer().deserialize("round-trip", bytes)).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("topics")
    <K, V> void everyTopicCarriesItsValueAndStringKeys(Topic<K, V> topic) {
        V value = Samples.of(topic.valueType());
        Serde<V> values = topic.valueSerde(registry);
        byte[] bytes = values.serializer().serialize(topic.name(), value);
        assertThat(values.deserializer().deserialize(topic.name(), bytes)).isEqualTo(value);
        assertThat(registry.subjects()).contains(TopicNameStrategy.subject(topic.name(), false));

        Serde<K> keys = topic.keySerde(registry);
        @SuppressWarnings("unchecked")
        K key = (K) "E-01/press-3";
        assertThat(keys.serializer().serialize(topic.name(), key)).isEqualTo("E-01/press-3".getBytes());
        assertThat(keys.deserializer().deserialize(topic.name(), "E-01".getBytes())).isEqualTo("E-01");
    }

    @Test
    void nullIsATombstoneBothWays() {
        Serde<Alert> serde = Topics.ALERTS.valueSerde(registry);
        assertThat(serde.serializer().serialize(Topics.ALERTS.name(), null)).isNull();
        assertThat(serde.deserializer().deserialize(Topics.ALERTS.name(), null)).isNull();
    }

    @Test
    void recordsWrittenWithAnOlderSchemaAreReadIntoTheCurrentClass() {
        // Alert as it might have been before "value" and "threshold" were added
        Schema old = SchemaBuilder.record("Alert").namespace("io.supplytwin.schemas.avro").fields()
                .requiredString("alertId").requiredString("enterpriseId")
                .name("entityId").type().unionOf().nullType().and().stringType().endUnion().nullDefault()
                .name("time").type(Alert.getClassSchema().getField("time").schema()).noDefault()
                .name("severity").type(Alert.getClassSchema().getField("severity").schema()).noDefault()
                .requiredString("kind").requiredString("message").endRecord();
        GenericRecord written = new GenericData.Record(old);
        written.put("alertId", "A-7");
        written.put("enterpriseId", "E-02");
        written.put("time", Samples.T0.toEpochMilli());
        written.put("severity", new GenericData.EnumSymbol(old.getField("severity").schema(), "CRITICAL"));
        written.put("kind", "CREDIT_RISK");
        written.put("message", "C below 0.6");
        byte[] bytes = AvroSerdes.generic(registry, false).serializer().serialize("alerts-evolution", written);

        Alert read = AvroSerdes.specific(Alert.class, registry, false).deserializer().deserialize("alerts-evolution", bytes);

        assertThat(read.getAlertId()).isEqualTo("A-7");
        assertThat(read.getTime()).isEqualTo(Samples.T0);
        assertThat(read.getValue()).isNull();
        assertThat(read.getThreshold()).isNull();
    }

    @Test
    void genericSerdeReadsWithTheWritersSchema() {
        Serde<GenericRecord> generic = AvroSerdes.generic(registry, false);
        byte[] bytes = Topics.ALERTS.valueSerde(registry).serializer().serialize(Topics.ALERTS.name(), Samples.alert());

        GenericRecord read = generic.deserializer().deserialize(Topics.ALERTS.name(), bytes);

        assertThat(read.getSchema()).isEqualTo(Alert.getClassSchema());
        assertThat(read.get("alertId").toString()).isEqualTo("A-1");
        assertThat(generic.serializer().serialize(Topics.ALERTS.name(), read)).isEqualTo(bytes);
    }

    @Test
    void keySerdesRegisterUnderTheKeySubject() {
        Schema keySchema = SchemaBuilder.record("CompositeKey").fields().requiredString("id").endRecord();
        GenericRecord key = new GenericData.Record(keySchema);
        key.put("id", "E-01");
        Serde<GenericRecord> serde = AvroSerdes.generic(registry, true);
        byte[] bytes = serde.serializer().serialize("keyed", key);

        assertThat(serde.deserializer().deserialize("keyed", bytes)).isEqualTo(key);
        assertThat(registry.subjects()).containsExactly("keyed-key");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefused() {
        Serde<Alert> serde = Topics.ALERTS.valueSerde(registry, new AvroSerdeConfig(false));
        assertThatThrownBy(() -> serde.serializer().serialize(Topics.ALERTS.name(), Samples.alert()))
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(BadRecordException.class)
                .hasMessageContaining(TopicNameStrategy.subject(Topics.ALERTS.name(), false));

        int id = registry.register(TopicNameStrategy.subject(Topics.ALERTS.name(), false), Alert.getClassSchema());
        byte[] bytes = serde.serializer().serialize(Topics.ALERTS.name(), Samples.alert());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        RegisteredSchema latest = registry.getLatest(TopicNameStrategy.subject(Topics.ALERTS.name(), false));
        assertThat(latest.version()).isEqualTo(1);
    }
}
