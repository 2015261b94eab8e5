/** The embedded schema registry: Confluent REST API on the JDK HTTP server, state in a compacted Kafka topic. */
package io.supplytwin.schemas.registry.server;
