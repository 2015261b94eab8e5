package io.supplytwin.schemas.registry.client;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The operations of the Confluent Schema Registry REST API that SupplyTwin uses. {@link
 * RestSchemaRegistryClient} speaks it over HTTP to any Confluent-compatible registry; the embedded
 * registry's {@code InMemorySchemaRegistry} applies the same rules in-process for tests without a
 * broker. Errors are {@link SchemaRegistryException}s carrying the registry's error code.
 */
public interface SchemaRegistryClient {

    /** Version number meaning "the latest version" in {@link #getVersion} and compatibility checks. */
    int LATEST = -1;

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; 40403 when there is none. */
    Schema getById(int id);

    /** A version of a subject ({@link #LATEST} for the latest); 40401 / 40402 when missing. */
    RegisteredSchema getVersion(String subject, int version);

    default RegisteredSchema getLatest(String subject) {
        return getVersion(subject, LATEST);
    }

    /** The version of the subject holding exactly this schema; 40401 / 40403 when missing. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** All subjects, sorted. */
    List<String> subjects();

    /** The versions of a subject, ascending; 40401 when the subject is unknown. */
    List<Integer> versions(String subject);

    /** Whether the schema could be registered against that version under the subject's rules. */
    boolean isCompatible(String subject, int version, Schema schema);

    default boolean isCompatible(String subject, Schema schema) {
        return isCompatible(subject, LATEST, schema);
    }

    /** The global compatibility level. */
    CompatibilityLevel getCompatibility();

    /** The subject's level, or the global one when the subject has none of its own. */
    CompatibilityLevel getCompatibility(String subject);

    void setCompatibility(CompatibilityLevel level);

    void setCompatibility(String subject, CompatibilityLevel level);
}
