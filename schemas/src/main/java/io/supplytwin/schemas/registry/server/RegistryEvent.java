package io.supplytwin.schemas.registry.server;

import io.supplytwin.schemas.registry.client.CompatibilityLevel;
import org.apache.avro.Schema;

/** A change to the registry, as written to and replayed from its log. */
sealed interface RegistryEvent {

    /** A schema became version {@code version} of {@code subject} with global id {@code id}. */
    record SchemaRegistered(String subject, int version, int id, Schema schema) implements RegistryEvent {}

    /** The compatibility level of a subject, or the global one when {@code subject} is null. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements RegistryEvent {}
}
