package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import io.supplytwin.schemas.serde.AvroDeserializer;
import io.supplytwin.schemas.serde.AvroSerdes;
import io.supplytwin.schemas.serde.BadRecordException;
import io.supplytwin.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class CompactReadingDeserializerTest {

    private static final String TOPIC = "twin.telemetry";
    private final LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
    private final Serializer<TelemetryReading> avroOut = AvroSerdes.specific(TelemetryReading.class, registry, false)
            .serializer();
    private final AvroDeserializer<TelemetryReading> avroIn = AvroDeserializer.forClass(registry, TelemetryReading.class);
    private final CompactReadingDeserializer compact = new CompactReadingDeserializer(registry);

    private static Map<String, Double> values(CompactReading r) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            out.put(r.id(i), r.value(i));
        }
        return out;
    }

    private static void assertSame(CompactReading actual, TelemetryReading expected) {
        assertThat(actual.entityId()).isEqualTo(expected.getEntityId());
        assertThat(actual.enterpriseId()).isEqualTo(expected.getEnterpriseId());
        assertThat(actual.level()).isEqualTo(expected.getLevel());
        assertThat(actual.eventTime()).isEqualTo(expected.getEventTime().toEpochMilli());
        assertThat(values(actual)).isEqualTo(expected.getValues());
        assertThat(actual.size()).isEqualTo(expected.getValues().size());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.position(i)).isEqualTo(CatalogueIds.indexOf(actual.id(i)));
        }
        assertThat(actual.avro()).isEqualTo(expected);
    }

    private static TelemetryReading random(Random rnd) {
        Map<String, Double> values = new LinkedHashMap<>();
        int n = rnd.nextInt(140);
        for (int i = 0; i < n; i++) {
            String id = switch (rnd.nextInt(10)) {
                case 0 -> "vendor_" + rnd.nextInt(50);
                case 1 -> "température_" + rnd.nextInt(5); // outside the catalogue, and not ASCII
                default -> CatalogueIds.id(rnd.nextInt(CatalogueIds.size()));
            };
            double v = switch (rnd.nextInt(20)) {
                case 0 -> Double.NaN;
                case 1 -> Double.NEGATIVE_INFINITY;
                case 2 -> -0.0;
                default -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 4);
            };
            values.put(id, v);
        }
        List<String> flagged = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            flagged.add(CatalogueIds.id(rnd.nextInt(CatalogueIds.size())));
        }
        Instant t = Instant.ofEpochMilli(rnd.nextLong(-1_000_000_000_000L, 4_000_000_000_000L));
        TwinLevel level = TwinLevel.values()[rnd.nextInt(TwinLevel.values().length)];
        return new TelemetryReading("ent-" + rnd.nextInt(1000), level, "e-" + rnd.nextInt(100_000), rnd.nextLong(),
                t, t.plusMillis(rnd.nextInt(10_000)), values, flagged,
                TelemetrySource.values()[rnd.nextInt(TelemetrySource.values().length)]);
    }

    @Test
    void theDecoderFollowsTheCurrentTelemetrySchema() {
        // fails when TelemetryReading's schema changes: update the direct decoder and FOLLOWS together
        assertThat(SchemaNormalization.parsingFingerprint64(TelemetryReading.SCHEMA$))
                .isEqualTo(CompactReadingDeserializer.FOLLOWS);
    }

    @Test
    void decodesRandomReadingsExactlyAsAvrosReaderDoes() {
        Random rnd = new Random(7);
        for (int k = 0; k < 2_000; k++) {
            TelemetryReading r = random(rnd);
            byte[] wire = avroOut.serialize(TOPIC, r);
            assertSame(compact.deserialize(TOPIC, wire), avroIn.deserialize(TOPIC, wire));
            assertThat(compact.decodedDirectly(WireFormat.schemaId(TOPIC, wire))).isTrue();
        }
    }

    @Test
    void keysInTheOrderOfTheLastReadingAndInAnyOtherOrderDecodeTheSame() {
        Random rnd = new Random(11);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(CatalogueIds.id(rnd.nextInt(CatalogueIds.size())));
        }
        String first = ids.get(0);
        String sameLengthOther = first.substring(0, first.length() - 1) + (first.endsWith("x") ? "y" : "x");
        for (int k = 0; k < 300; k++) {
            List<String> order = new ArrayList<>(ids);
            switch (k % 5) {
                case 0, 1 -> { } // the order of the readings before: every key as guessed
                case 2 -> java.util.Collections.reverse(order);
                case 3 -> order.set(0, sameLengthOther); // where a catalogue id is guessed, one that only resembles it
                default -> java.util.Collections.shuffle(order, rnd);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (String id : order) {
                values.put(id, rnd.nextGaussian());
            }
            Instant t = Instant.ofEpochMilli(1_000_000L + k);
            TelemetryReading r = new TelemetryReading("ent-1", TwinLevel.EQUIPMENT, "e-1", (long) k, t, t, values,
                    List.of(), TelemetrySource.values()[0]);
            byte[] wire = avroOut.serialize(TOPIC, r);
            assertSame(compact.deserialize(TOPIC, wire), avroIn.deserialize(TOPIC, wire));
        }
    }

    @Test
    void readsMapsAndArraysWrittenInSizedBlocks() throws IOException {
        Random rnd = new Random(11);
        int id = registry.register(TOPIC + "-value", TelemetryReading.SCHEMA$);
        for (int k = 0; k < 200; k++) {
            TelemetryReading r = random(rnd);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(WireFormat.header(id));
            // a blocking encoder writes negative block counts followed by each block's size in bytes
            Encoder blocked = new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(bytes, null);
            new org.apache.avro.specific.SpecificDatumWriter<TelemetryReading>(TelemetryReading.SCHEMA$).write(r, blocked);
            blocked.flush();
            byte[] wire = bytes.toByteArray();
            assertSame(compact.deserialize(TOPIC, wire), avroIn.deserialize(TOPIC, wire));
        }
    }

    /** The header and a reading's fields up to its values map, written by hand. */
    private static BinaryEncoder fieldsBeforeTheValues(ByteArrayOutputStream bytes, int schemaId) throws IOException {
        bytes.write(WireFormat.header(schemaId));
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        out.writeString("ent-1");
        out.writeEnum(TwinLevel.ORDER.ordinal());
        out.writeString("o-1");
        out.writeLong(5); // seq
        out.writeLong(1_000); // eventTime
        out.writeLong(1_001); // ingestTime
        return out;
    }

    @Test
    void aKeyTwiceInOneMapKeepsTheLastValueAsAvroDoes() throws IOException {
        int id = registry.register(TOPIC + "-value", TelemetryReading.SCHEMA$);
        String known = CatalogueIds.id(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = fieldsBeforeTheValues(bytes, id);
        out.writeMapStart();
        out.setItemCount(5);
        for (Object[] e : new Object[][] {{known, 1.0}, {"vendor_x", 2.0}, {known, 3.0}, {"vendor_x", 4.0}, {"other", 5.0}}) {
            out.startItem();
            out.writeString((String) e[0]);
            out.writeDouble((Double) e[1]);
        }
        out.writeMapEnd();
        out.writeArrayStart();
        out.setItemCount(0);
        out.writeArrayEnd();
        out.writeEnum(0);
        out.flush();
        byte[] wire = bytes.toByteArray();

        CompactReading r = compact.deserialize(TOPIC, wire);
        assertThat(values(r)).isEqualTo(Map.of(known, 3.0, "vendor_x", 4.0, "other", 5.0))
                .isEqualTo(avroIn.deserialize(TOPIC, wire).getValues());
        assertThat(r.size()).isEqualTo(3);
    }

    @Test
    void everyTruncationIsABadRecordAndNotAShorterReading() {
        TelemetryReading r = random(new Random(3));
        byte[] wire = avroOut.serialize(TOPIC, r);
        for (int len = WireFormat.HEADER_SIZE; len < wire.length; len++) {
            byte[] cut = Arrays.copyOf(wire, len);
            assertThatThrownBy(() -> compact.deserialize(TOPIC, cut)).as("first %d of %d bytes", len, wire.length)
                    .isInstanceOf(BadRecordException.class)
                    .satisfies(e -> assertThat(((BadRecordException) e).reason()).isEqualTo(BadRecordException.Reason.UNDECODABLE));
        }
        assertThatThrownBy(() -> compact.deserialize(TOPIC, new byte[] {1, 0, 0, 0, 1}))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("NO_MAGIC_BYTE");
    }

    @Test
    void impossibleSizesAndSymbolsAreRejectedWithoutAllocatingForThem() throws IOException {
        int id = registry.register(TOPIC + "-value", TelemetryReading.SCHEMA$);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = fieldsBeforeTheValues(bytes, id);
        out.writeLong(Integer.MAX_VALUE); // a map block claiming two billion entries
        out.flush();
        byte[] huge = bytes.toByteArray();
        assertThatThrownBy(() -> compact.deserialize(TOPIC, huge)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("entries");

        byte[] wire = avroOut.serialize(TOPIC, new TelemetryReading("e", TwinLevel.ORDER, "o", 1L, Instant.EPOCH,
                Instant.EPOCH, Map.of(), List.of(), TelemetrySource.JSON));
        byte[] badLevel = wire.clone();
        badLevel[WireFormat.HEADER_SIZE + 2] = 40; // level 20: no such symbol
        assertThatThrownBy(() -> compact.deserialize(TOPIC, badLevel)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("TwinLevel");
    }

    @Test
    void readingsWrittenWithAnotherSchemaGoThroughAvrosSchemaResolution() throws IOException {
        // an older writer: no flagged list (the reader's schema has a default for it)
        Schema older = SchemaBuilder.record("TelemetryReading").namespace("io.supplytwin.schemas.avro").fields()
                .requiredString("enterpriseId")
                .name("level").type(TelemetryReading.SCHEMA$.getField("level").schema()).noDefault()
                .requiredString("entityId").requiredLong("seq")
                .name("eventTime").type(TelemetryReading.SCHEMA$.getField("eventTime").schema()).noDefault()
                .name("ingestTime").type(TelemetryReading.SCHEMA$.getField("ingestTime").schema()).noDefault()
                .name("values").type().map().values().doubleType().noDefault()
                .name("source").type(TelemetryReading.SCHEMA$.getField("source").schema()).noDefault()
                .endRecord();
        int id = registry.register("older-telemetry", older);
        GenericRecord g = new GenericData.Record(older);
        g.put("enterpriseId", "ent-9");
        g.put("level", new GenericData.EnumSymbol(older.getField("level").schema(), "EQUIPMENT"));
        g.put("entityId", "m-9");
        g.put("seq", 3L);
        g.put("eventTime", 60_000L);
        g.put("ingestTime", 61_000L);
        g.put("values", Map.of(CatalogueIds.id(0), 1.5, "vendor_q", 2.5));
        g.put("source", new GenericData.EnumSymbol(older.getField("source").schema(), "SPARKPLUG_B"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(WireFormat.header(id));
        BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(older).write(g, out);
        out.flush();
        byte[] wire = bytes.toByteArray();

        CompactReading r = compact.deserialize(TOPIC, wire);
        assertSame(r, avroIn.deserialize(TOPIC, wire));
        assertThat(compact.decodedDirectly(id)).isFalse();
        assertThat(r.avro().getFlagged()).isEmpty();
        assertThat(r.avro().getSource()).isEqualTo(TelemetrySource.SPARKPLUG_B);
        assertThat(values(r)).containsEntry(CatalogueIds.id(0), 1.5).containsEntry("vendor_q", 2.5);
    }

    @Test
    void catalogueIdsAreFoundFromTheirBytesAndOthersAreNot() {
        for (int i = 0; i < CatalogueIds.size(); i++) {
            byte[] b = ("xx" + CatalogueIds.id(i) + "yy").getBytes(StandardCharsets.UTF_8);
            assertThat(CatalogueIds.indexOf(b, 2, b.length - 4)).isEqualTo(i);
            assertThat(CatalogueIds.indexOf(b, 2, b.length - 3)).isEqualTo(-1);
        }
        byte[] none = "not_an_indicator".getBytes(StandardCharsets.UTF_8);
        assertThat(CatalogueIds.indexOf(none, 0, none.length)).isEqualTo(-1);
        assertThat(CatalogueIds.indexOf(none, 0, 0)).isEqualTo(-1);
    }
}
