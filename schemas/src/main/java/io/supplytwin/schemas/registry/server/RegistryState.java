package io.supplytwin.schemas.registry.server;

import io.supplytwin.schemas.registry.client.CompatibilityLevel;
import io.supplytwin.schemas.registry.client.RegisteredSchema;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The registry's data and rules, with the Confluent registry's semantics: one global id per distinct
 * schema text (the same schema under two subjects shares an id), versions counted per subject from 1,
 * compatibility checked with Avro's own {@link SchemaCompatibility}. Not thread-safe; {@link
 * LocalSchemaRegistry} guards it.
 */
final class RegistryState {

    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> idsBySubjectVersion = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int maxId;

    /** What registering a schema under a subject would do. */
    record Registration(RegisteredSchema schema, boolean isNew) {}

    void apply(RegistryEvent event) {
        if (event instanceof RegistryEvent.SchemaRegistered registered) {
            schemasById.putIfAbsent(registered.id(), registered.schema());
            idsBySchemaText.putIfAbsent(registered.schema().toString(), registered.id());
            idsBySubjectVersion.computeIfAbsent(registered.subject(), s -> new TreeMap<>())
                    .put(registered.version(), registered.id());
            maxId = Math.max(maxId, registered.id());
        } else if (event instanceof RegistryEvent.CompatibilitySet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
        }
    }

    /** The existing version holding the schema, or a new one after the compatibility check (409). */
    Registration planRegistration(String subject, Schema schema) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        Integer knownId = idsBySchemaText.get(schema.toString());
        if (versions != null && knownId != null) {
            for (Map.Entry<Integer, Integer> version : versions.entrySet()) {
                if (version.getValue().equals(knownId)) {
                    return new Registration(new RegisteredSchema(subject, version.getKey(), knownId,
                            schemasById.get(knownId)), false);
                }
            }
        }
        List<String> problems = compatibilityProblems(subject, schema, levelOf(subject), versions, true);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\" (" + levelOf(subject) + "): " + String.join("; ", problems));
        }
        int id = knownId != null ? knownId : maxId + 1;
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        return new Registration(new RegisteredSchema(subject, version, id, schema), true);
    }

    Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    RegisteredSchema version(String subject, int version) {
        TreeMap<Integer, Integer> versions = subjectVersions(subject);
        Integer key = version == SchemaRegistryClient.LATEST ? versions.lastKey() : Integer.valueOf(version);
        Integer id = versions.get(key);
        if (id == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND,
                    "Version " + version + " not found for subject \"" + subject + "\"");
        }
        return new RegisteredSchema(subject, key, id, schemasById.get(id));
    }

    RegisteredSchema lookup(String subject, Schema schema) {
        TreeMap<Integer, Integer> versions = subjectVersions(subject);
        Integer id = idsBySchemaText.get(schema.toString());
        if (id != null) {
            for (Map.Entry<Integer, Integer> version : versions.entrySet()) {
                if (version.getValue().equals(id)) {
                    return new RegisteredSchema(subject, version.getKey(), id, schemasById.get(id));
                }
            }
        }
        throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                "Schema not found under subject \"" + subject + "\"");
    }

    List<String> subjects() {
        return new ArrayList<>(idsBySubjectVersion.keySet());
    }

    List<Integer> versions(String subject) {
        return new ArrayList<>(subjectVersions(subject).keySet());
    }

    boolean isCompatible(String subject, int version, Schema schema) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (version == SchemaRegistryClient.LATEST) {
            // as Confluent: any schema may become the first version of a new subject
            return compatibilityProblems(subject, schema, levelOf(subject), versions, true).isEmpty();
        }
        RegisteredSchema against = version(subject, version);
        TreeMap<Integer, Integer> single = new TreeMap<>(Map.of(against.version(), against.id()));
        return compatibilityProblems(subject, schema, levelOf(subject), single, false).isEmpty();
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private TreeMap<Integer, Integer> subjectVersions(String subject) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private List<String> compatibilityProblems(String subject, Schema candidate, CompatibilityLevel level,
            TreeMap<Integer, Integer> versions, boolean honourTransitive) {
        if (level == CompatibilityLevel.NONE || versions == null || versions.isEmpty()) {
            return List.of();
        }
        List<Integer> against = level.transitive() && honourTransitive
                ? new ArrayList<>(versions.descendingMap().values())
                : List.of(versions.lastEntry().getValue());
        List<String> problems = new ArrayList<>();
        for (int id : against) {
            Schema existing = schemasById.get(id);
            if (level.backward()) {
                problems.addAll(problems(SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing),
                        "new schema cannot read data written with schema id " + id));
            }
            if (level.forward()) {
                problems.addAll(problems(SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate),
                        "schema id " + id + " cannot read data written with the new schema"));
            }
        }
        return problems;
    }

    private static List<String> problems(SchemaPairCompatibility result, String what) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        String details = result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + (i.getMessage() == null ? "" : " (" + i.getMessage() + ")"))
                .collect(Collectors.joining(", "));
        return List.of(what + ": " + details);
    }
}
