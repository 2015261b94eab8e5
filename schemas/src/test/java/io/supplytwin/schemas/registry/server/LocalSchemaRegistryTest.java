package io.supplytwin.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.schemas.registry.client.CompatibilityLevel;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class LocalSchemaRegistryTest {

    static final Schema V1 = parse("""
            {"type":"record","name":"Reading","fields":[{"name":"id","type":"string"}]}""");
    static final Schema V2_OPTIONAL_FIELD = parse("""
            {"type":"record","name":"Reading","fields":[{"name":"id","type":"string"},
             {"name":"note","type":["null","string"],"default":null}]}""");
    static final Schema V2_REQUIRED_FIELD = parse("""
            {"type":"record","name":"Reading","fields":[{"name":"id","type":"string"},
             {"name":"note","type":"string"}]}""");
    static final Schema V3_DROPPED_ID = parse("""
            {"type":"record","name":"Reading","fields":[
             {"name":"note","type":["null","string"],"default":null}]}""");

    private final LocalSchemaRegistry registry = LocalSchemaRegistry.inMemory();

    static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    @Test
    void versionsCountPerSubjectAndIdsAreGlobal() {
        int first = registry.register("a-value", V1);
        int second = registry.register("a-value", V2_OPTIONAL_FIELD);
        int sameSchemaOtherSubject = registry.register("b-value", V1);

        assertThat(second).isNotEqualTo(first);
        assertThat(sameSchemaOtherSubject).isEqualTo(first);
        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.getVersion("b-value", 1).id()).isEqualTo(first);
        assertThat(registry.getLatest("a-value").version()).isEqualTo(2);
        assertThat(registry.subjects()).containsExactly("a-value", "b-value");
    }

    @Test
    void registeringAKnownSchemaAgainAddsNoVersion() {
        int id = registry.register("a-value", V1);
        registry.register("a-value", V2_OPTIONAL_FIELD);
        assertThat(registry.register("a-value", V1)).isEqualTo(id);
        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.lookup("a-value", V1).version()).isEqualTo(1);
    }

    @Test
    void backwardIsTheDefaultAndRefusesANewRequiredField() {
        registry.register("a-value", V1);
        assertThat(registry.getCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(registry.isCompatible("a-value", V2_REQUIRED_FIELD)).isFalse();
        assertThatThrownBy(() -> registry.register("a-value", V2_REQUIRED_FIELD))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e).hasMessageContaining("note");
                });
        assertThat(registry.versions("a-value")).containsExactly(1);
    }

    @Test
    void forwardRefusesDroppingARequiredFieldThatBackwardAllows() {
        registry.register("a-value", V2_OPTIONAL_FIELD);
        assertThat(registry.isCompatible("a-value", V3_DROPPED_ID)).isTrue();
        registry.setCompatibility("a-value", CompatibilityLevel.FORWARD);
        assertThat(registry.isCompatible("a-value", V3_DROPPED_ID)).isFalse();
        registry.setCompatibility("a-value", CompatibilityLevel.FULL);
        assertThat(registry.isCompatible("a-value", V3_DROPPED_ID)).isFalse();
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);
        assertThat(registry.register("a-value", V3_DROPPED_ID)).isPositive();
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersion() {
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);
        registry.register("a-value", V1);
        registry.register("a-value", V3_DROPPED_ID);
        // V2 with a required "note" reads V3 data? no: V3's note is nullable. Use a schema V3 can be read by:
        Schema idWithDefault = parse("""
                {"type":"record","name":"Reading","fields":[{"name":"id","type":"string","default":""},
                 {"name":"note","type":["null","string"],"default":null}]}""");
        registry.setCompatibility("a-value", CompatibilityLevel.BACKWARD);
        assertThat(registry.isCompatible("a-value", idWithDefault)).isTrue();
        Schema noteRequired = parse("""
                {"type":"record","name":"Reading","fields":[{"name":"id","type":"string","default":""},
                 {"name":"note","type":["null","string"]}]}""");
        // reads V3 (has note) but not V1 (no note, no default)
        registry.setCompatibility("a-value", CompatibilityLevel.BACKWARD);
        assertThat(registry.isCompatible("a-value", noteRequired)).isTrue();
        registry.setCompatibility("a-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(registry.isCompatible("a-value", noteRequired)).isFalse();
        assertThat(registry.isCompatible("a-value", 2, noteRequired)).isTrue();
    }

    @Test
    void addingAnEnumSymbolIsBackwardAndForwardCompatibleThanksToTheDefault() {
        registry.setCompatibility("alerts-value", CompatibilityLevel.FULL);
        registry.register("alerts-value", Alert.getClassSchema());
        String widened = Alert.getClassSchema().toString().replace("\"CRITICAL\",", "\"CRITICAL\",\"EMERGENCY\",");
        assertThat(widened).contains("EMERGENCY");
        assertThat(registry.isCompatible("alerts-value", parse(widened))).isTrue();

        Schema level = TwinLevel.getClassSchema();
        registry.register("level-value", level);
        Schema withoutDefault = parse(level.toString().replace(",\"default\":\"UNKNOWN\"", "")
                .replace("\"UNKNOWN\"]", "\"UNKNOWN\",\"SITE\"]"));
        registry.setCompatibility("level-value", CompatibilityLevel.FORWARD);
        // old readers (with the default) can read the new symbol
        assertThat(registry.isCompatible("level-value", withoutDefault)).isTrue();
    }

    @Test
    void subjectLevelsOverrideTheGlobalOne() {
        registry.setCompatibility(CompatibilityLevel.FULL);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);
        assertThat(registry.getCompatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.getCompatibility("b-value")).isEqualTo(CompatibilityLevel.FULL);
        assertThat(registry.subjectCompatibility("b-value")).isEmpty();
    }

    @Test
    void missingThingsAnswerWithTheirOwnCodes() {
        registry.register("a-value", V1);
        assertThat(code(() -> registry.getLatest("nope"))).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(code(() -> registry.getVersion("a-value", 9))).isEqualTo(SchemaRegistryException.VERSION_NOT_FOUND);
        assertThat(code(() -> registry.getById(999))).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(code(() -> registry.lookup("a-value", V2_OPTIONAL_FIELD))).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(code(() -> registry.lookup("nope", V1))).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(code(() -> registry.versions("nope"))).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(registry.isCompatible("brand-new-value", V1)).isTrue();
        assertThat(code(() -> registry.isCompatible("nope", 1, V1))).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
    }

    static int code(Runnable call) {
        try {
            call.run();
        } catch (SchemaRegistryException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a SchemaRegistryException");
    }

    @Test
    void storedRecordsUseTheConfluentLayoutAndReplayToTheSameState() {
        RegistryEvent schema = new RegistryEvent.SchemaRegistered("a-value", 2, 7, V1);
        RegistryEvent global = new RegistryEvent.CompatibilitySet(null, CompatibilityLevel.FULL);
        RegistryEvent subject = new RegistryEvent.CompatibilitySet("a-value", CompatibilityLevel.NONE);

        byte[][] stored = KafkaRegistryLog.encode(schema);
        assertThat(new String(stored[0])).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":2,\"magic\":1}");
        assertThat(new String(stored[1])).contains("\"id\":7").contains("\"deleted\":false");
        assertThat(new String(KafkaRegistryLog.encode(global)[0])).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");

        for (RegistryEvent event : new RegistryEvent[] {schema, global, subject}) {
            byte[][] kv = KafkaRegistryLog.encode(event);
            assertThat(KafkaRegistryLog.decode(kv[0], kv[1])).isEqualTo(event);
        }
        assertThat(KafkaRegistryLog.decode("{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(), "{}".getBytes())).isNull();
        assertThat(KafkaRegistryLog.decode("not json".getBytes(), "{}".getBytes())).isNull();
        assertThat(KafkaRegistryLog.decode(stored[0], null)).isNull();
    }
}
