package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.schemas.avro.EmitReason;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.avro.TwinState;
import io.supplytwin.schemas.registry.server.LocalSchemaRegistry;
import io.supplytwin.schemas.serde.AvroSerdeConfig;
import io.supplytwin.schemas.serde.AvroSerdes;
import io.supplytwin.schemas.serde.AvroSerializer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class PublishedStateTest {

    private static final String TOPIC = "twin.state.equipment";

    @Test
    void aPublishedStateIsReadBackAsTheRecordItStandsFor() {
        LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();
        Serde<TwinState> records = AvroSerdes.specific(TwinState.class, registry, false);
        AvroSerializer<PublishedState> states = new AvroSerializer<>(registry, false, AvroSerdeConfig.DEFAULTS);
        Random random = new Random(7);
        List<String> ids = List.of("availability_pct", "oee_pct", "scrap_rate_pct", "mtbf_h", "vendor_x", "ünits_ŝpecial");
        for (int n = 0; n < 200; n++) {
            EntityTwin twin = EntityTwin.create("eq-" + n, "ent-" + (n % 7), TwinLevel.EQUIPMENT);
            long t = 1_000_000L;
            for (int r = 0, readings = 1 + random.nextInt(5); r < readings; r++) {
                Map<String, Double> values = new HashMap<>();
                for (String id : ids) {
                    if (random.nextInt(3) > 0) {
                        values.put(id, random.nextInt(10) == 0 ? -0.0 : random.nextGaussian() * 100);
                    }
                }
                twin.apply(values, t, 0.2, 600_000L);
                t += random.nextInt(600_000);
            }
            EmitReason reason = EmitReason.values()[random.nextInt(3)];
            PublishedState state = twin.toState(reason);

            TwinState read = records.deserializer().deserialize(TOPIC, states.serialize(TOPIC, state));

            assertThat(read).isEqualTo(state.toRecord());
            assertThat(read).as("the same as the record written by Avro's writer")
                    .isEqualTo(records.deserializer().deserialize(TOPIC, records.serializer().serialize(TOPIC, state.toRecord())));
            assertThat(read.getIndicators()).hasSize(twin.indicators().size());
            assertThat(read.getEmitReason()).isEqualTo(reason);
            assertThat(read.getUpdateTime().toEpochMilli()).isEqualTo(twin.latestEventTime());
        }
    }

    @Test
    void aStateIsACopyOfTheTwinAsItWasWhenTaken() {
        EntityTwin twin = EntityTwin.create("eq-1", "ent-1", TwinLevel.EQUIPMENT);
        twin.apply(Map.of("availability_pct", 90.0), 1_000_000L, 0.2, 600_000L);
        PublishedState state = twin.toState(EmitReason.INITIAL);
        twin.apply(Map.of("availability_pct", 50.0, "oee_pct", 60.0), 1_300_000L, 0.2, 600_000L);

        TwinState record = state.toRecord();

        assertThat(record.getIndicators()).containsOnlyKeys("availability_pct");
        assertThat(record.getIndicators().get("availability_pct").getValue()).isEqualTo(90.0);
        assertThat(record.getUpdateTime().toEpochMilli()).isEqualTo(1_000_000L);
    }
}
