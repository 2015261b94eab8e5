package io.supplytwin.streams.bench;

import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import io.supplytwin.schemas.serde.AvroDeserializer;
import io.supplytwin.schemas.serde.AvroSerdes;
import io.supplytwin.streams.state.CompactReading;
import io.supplytwin.streams.state.CompactReadingDeserializer;
import io.supplytwin.streams.state.EntityTwin;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The twin's per-reading work before its store: decode a {@code twin.telemetry} record and apply it to the twin, with
 * Avro's reader into {@code TelemetryReading} and its map (as the twin did until 2026-12-02) and with
 * {@link CompactReadingDeserializer} into arrays by catalogue position. Readings are the benchmark's synthetic machines
 * (95 values each); the twin is the same one throughout, so both paths apply to a warm twin of the same indicators.
 * {@code encodeTwin} and {@code decodeTwin} are the store codec's part of each reading (the twin is read from its store
 * and written back).
 *
 * <pre>./mvnw -q -B -pl twin-streams -Pbench verify -DskipTests -Djmh.args="ReadingPathBenchmark -f 1 -wi 3 -i 5"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReadingPathBenchmark {

    private static final String TOPIC = "twin.telemetry";
    private static final int READINGS = 64;
    private static final double ALPHA = 2.0 / 13;

    private final byte[][] records = new byte[READINGS][];
    private AvroDeserializer<TelemetryReading> avro;
    private CompactReadingDeserializer compact;
    private EntityTwin avroTwin;
    private EntityTwin compactTwin;
    private byte[] stored;
    private int next;
    private long time = 300_000L * READINGS;

    @Setup
    public void setUp() {
        LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
        Serializer<TelemetryReading> out = AvroSerdes.specific(TelemetryReading.class, registry, false).serializer();
        SyntheticGateways gateways = new SyntheticGateways("bench", 20);
        for (int i = 0; i < READINGS; i++) {
            // twin 1 of each enterprise is a machine: the same entity every time, as a twin sees its own readings
            records[i] = out.serialize(TOPIC, gateways.reading(1, Instant.ofEpochMilli(300_000L * i)));
        }
        avro = AvroDeserializer.forClass(registry, TelemetryReading.class);
        compact = new CompactReadingDeserializer(registry);
        TelemetryReading first = avro.deserialize(TOPIC, records[0]);
        avroTwin = EntityTwin.create(first.getEntityId(), first.getEnterpriseId(), first.getLevel());
        compactTwin = EntityTwin.create(first.getEntityId(), first.getEnterpriseId(), first.getLevel());
        for (int i = 0; i < READINGS; i++) {
            compactTwin.apply(compact.deserialize(TOPIC, records[i]), 300_000L * i, ALPHA, 0);
        }
        stored = EntityTwin.CODEC.encode(compactTwin);
    }

    private byte[] record() {
        byte[] r = records[next];
        next = (next + 1) % READINGS;
        time += 300_000L;
        return r;
    }

    @Benchmark
    public Object avroReaderThenMapApply() {
        TelemetryReading r = avro.deserialize(TOPIC, record());
        return avroTwin.apply(r.getValues(), time, ALPHA, 0);
    }

    @Benchmark
    public Object compactReaderThenArrayApply() {
        CompactReading r = compact.deserialize(TOPIC, record());
        return compactTwin.apply(r, time, ALPHA, 0);
    }

    /** The store codec's half of a reading: the twin as its store and changelog value. */
    @Benchmark
    public Object encodeTwin() {
        return EntityTwin.CODEC.encode(compactTwin);
    }

    /** The other half: the twin back from its store value. */
    @Benchmark
    public Object decodeTwin() {
        return EntityTwin.CODEC.decode(stored);
    }

    @Benchmark
    public Object avroReaderOnly() {
        return avro.deserialize(TOPIC, record());
    }

    @Benchmark
    public Object compactReaderOnly() {
        return compact.deserialize(TOPIC, record());
    }
}
