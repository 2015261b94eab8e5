package io.supplytwin.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.ExplanationItem;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.IndicatorState;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.RateBand;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The hand-written writers produce exactly Avro's bytes, and step aside for any schema they were not written for. */
class HandWritersTest {

    private final Random random = new Random(7);
    /** Avro's record equality does not take NaN as equal to itself: off where records are compared after a round trip. */
    private boolean nans = true;

    @Test
    void twinStatesAreWrittenByteForByteAsAvroWritesThem() throws IOException {
        for (int n = 0; n < 300; n++) {
            assertSameBytes(twinState(random.nextInt(n % 10 == 0 ? 3 : 300)));
        }
    }

    @Test
    void healthIndexesAreWrittenByteForByteAsAvroWritesThem() throws IOException {
        for (int n = 0; n < 300; n++) {
            assertSameBytes(healthIndex());
        }
    }

    @Test
    void creditAssessmentsAreWrittenByteForByteAsAvroWritesThem() throws IOException {
        for (int n = 0; n < 300; n++) {
            assertSameBytes(creditAssessment());
        }
    }

    @Test
    void singleObjectEncodingIsWhatTheGeneratedClassWritesAndReads() throws IOException {
        for (int n = 0; n < 100; n++) {
            CreditAssessment credit = creditAssessment();
            java.nio.ByteBuffer bytes = SingleObject.encode(credit);
            assertThat(bytes).isEqualTo(credit.toByteBuffer());
            assertThat(CreditAssessment.fromByteBuffer(bytes).getEnterpriseId()).isEqualTo(credit.getEnterpriseId());
        }
        // a class without a hand writer goes through its own encoder
        IndicatorState state = new IndicatorState(1.5, Instant.EPOCH, 1.0, 0.5, 3L);
        assertThat(SingleObject.encode(state)).isEqualTo(state.toByteBuffer());
    }

    @Test
    void eachWriterIsBoundToTheSchemaItWasWrittenFor() {
        assertThat(HandWriters.forSchema(TwinState.SCHEMA$)).as("fingerprint constants match the generated classes").isNotNull();
        assertThat(HandWriters.forSchema(HealthIndex.SCHEMA$)).isNotNull();
        assertThat(HandWriters.forSchema(CreditAssessment.SCHEMA$)).isNotNull();
        Schema other = SchemaBuilder.record("TwinState").namespace("io.supplytwin.schemas.avro").fields()
                .requiredString("entityId").endRecord();
        assertThat(HandWriters.forSchema(other)).isNull();
        assertThat(HandWriters.forSchema(IndicatorState.SCHEMA$)).isNull();
    }

    @Test
    void theSerializerWritesTheHeaderAndTheSameBodyAndReadsBack() {
        nans = false;
        LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
        var serde = AvroSerdes.specific(TwinState.class, registry, false);
        TwinState big = twinState(40_000); // several MB: the per-thread buffer grows, then is let go
        TwinState small = twinState(5);
        for (TwinState s : List.of(small, big, small)) {
            byte[] bytes = serde.serializer().serialize("twin.state.equipment", s);
            assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
            assertThat(serde.deserializer().deserialize("twin.state.equipment", bytes)).isEqualTo(s);
        }
    }

    @Test
    void aSelfWritingRecordIsWrittenByItselfWhereItsSchemaHasAHandWriterAndAsItsRecordWhereNot() {
        nans = false;
        LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
        AvroSerializer<AvroWritable> serializer = new AvroSerializer<>(registry, false, AvroSerdeConfig.DEFAULTS);
        TwinState state = twinState(12);
        boolean[] wroteItself = {false};
        AvroWritable twin = new AvroWritable() {
            @Override
            public Schema getSchema() {
                return TwinState.SCHEMA$;
            }

            @Override
            public void writeAvro(org.apache.avro.io.Encoder out) throws IOException {
                wroteItself[0] = true;
                new SpecificDatumWriter<TwinState>(TwinState.SCHEMA$).write(state, out);
            }

            @Override
            public SpecificRecord toRecord() {
                return state;
            }
        };
        var states = AvroSerdes.specific(TwinState.class, registry, false);
        assertThat(states.deserializer().deserialize("twin.state.order", serializer.serialize("twin.state.order", twin)))
                .isEqualTo(state);
        assertThat(wroteItself[0]).isTrue();

        // IndicatorState has no hand writer: what the object stands for is written by Avro's writer
        IndicatorState indicator = new IndicatorState(1.5, Instant.ofEpochMilli(42), 1.0, 0.5, 3L);
        AvroWritable other = new AvroWritable() {
            @Override
            public Schema getSchema() {
                return IndicatorState.SCHEMA$;
            }

            @Override
            public void writeAvro(org.apache.avro.io.Encoder out) {
                throw new AssertionError("only a hand writer calls this");
            }

            @Override
            public SpecificRecord toRecord() {
                return indicator;
            }
        };
        var indicators = AvroSerdes.specific(IndicatorState.class, registry, false);
        assertThat(indicators.deserializer().deserialize("indicators", serializer.serialize("indicators", other)))
                .isEqualTo(indicator);
    }

    @Test
    void aMissingRequiredFieldIsASerializationErrorNamingTheRecord() {
        nans = false;
        LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
        var serde = AvroSerdes.specific(HealthIndex.class, registry, false);
        HealthIndex broken = healthIndex();
        broken.setEnterpriseId(null);
        assertThatThrownBy(() -> serde.serializer().serialize("twin.health", broken))
                .isInstanceOf(SerializationException.class).hasMessageContaining("HealthIndex");
        // and the thread's buffer is fine afterwards
        HealthIndex ok = healthIndex();
        assertThat(serde.deserializer().deserialize("twin.health", serde.serializer().serialize("twin.health", ok))).isEqualTo(ok);
    }

    private static void assertSameBytes(SpecificRecord record) throws IOException {
        Schema schema = record.getSchema();
        assertThat(write(HandWriters.forSchema(schema), record))
                .as(schema.getName())
                .isEqualTo(write(new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass())), record));
    }

    private static byte[] write(DatumWriter<Object> writer, Object record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private TwinState twinState(int indicators) {
        Map<String, IndicatorState> map = new LinkedHashMap<>();
        for (int i = 0; i < indicators; i++) {
            map.put(text() + i, new IndicatorState(value(), Instant.ofEpochMilli(random.nextLong() >> 20), value(), value(),
                    random.nextLong() >>> random.nextInt(64)));
        }
        return new TwinState(text(), text(), pick(TwinLevel.values()), Instant.ofEpochMilli(random.nextLong() >> 20),
                random.nextLong(), pick(EmitReason.values()), map);
    }

    private HealthIndex healthIndex() {
        List<HealthComponent> components = new ArrayList<>();
        for (int i = 0, n = random.nextInt(14); i < n; i++) {
            components.add(new HealthComponent(text(), text(), random.nextBoolean() ? null : value(),
                    random.nextBoolean() ? null : value(), value()));
        }
        return new HealthIndex(text(), Instant.ofEpochMilli(random.nextLong() >> 20), value(), components, texts());
    }

    private CreditAssessment creditAssessment() {
        List<ExplanationItem> items = new ArrayList<>();
        for (int i = 0, n = random.nextInt(8); i < n; i++) {
            items.add(new ExplanationItem(text(), value(), value(), text()));
        }
        return new CreditAssessment(text(), Instant.ofEpochMilli(random.nextLong() >> 20), value(), value(), value(), value(),
                value(), pick(ProbabilitySource.values()), value(), value(), value(), value(), pick(RateBand.values()), value(),
                random.nextBoolean(), texts(), items);
    }

    private <E> E pick(E[] values) {
        return values[random.nextInt(values.length)];
    }

    private double value() {
        return switch (random.nextInt(6)) {
            case 0 -> nans ? Double.NaN : 0.5;
            case 1 -> -0.0;
            case 2 -> Double.MAX_VALUE;
            default -> random.nextGaussian() * 1e3;
        };
    }

    /** Empty, ASCII, and text outside Latin-1 (each encodes differently in UTF-8). */
    private String text() {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "équipement-" + random.nextInt(1000);
            case 2 -> "设备-" + random.nextInt(1000) + "-\uD83D\uDE80";
            default -> "eq-" + random.nextInt(1_000_000);
        };
    }

    private List<String> texts() {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            out.add(text());
        }
        return out;
    }
}
