package io.supplytwin.schemas.registry.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded schema registry.
 *
 * @param bootstrapServers the Kafka cluster holding the registry's topic
 * @param host             interface to listen on
 * @param port             port to listen on; 0 picks a free one ({@link EmbeddedSchemaRegistry#url()} tells which)
 * @param topic            the compacted, single-partition topic holding schemas and config
 * @param replicationFactor replication of that topic when the registry creates it
 * @param startTimeout     how long start-up may take to create and read the topic
 */
public record SchemaRegistryConfig(
        String bootstrapServers, String host, int port, String topic, short replicationFactor, Duration startTimeout) {

    /** The registry's topic, as the Confluent registry names it. The one place this name is written. */
    public static final String DEFAULT_TOPIC = "_schemas";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public SchemaRegistryConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1: " + replicationFactor);
        }
    }

    /** Defaults for the embedded platform: loopback, port 8081, topic {@value #DEFAULT_TOPIC}, replication 1. */
    public static SchemaRegistryConfig defaults(String bootstrapServers) {
        return new SchemaRegistryConfig(bootstrapServers, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TOPIC, (short) 1,
                DEFAULT_START_TIMEOUT);
    }

    public SchemaRegistryConfig withHost(String newHost) {
        return new SchemaRegistryConfig(bootstrapServers, newHost, port, topic, replicationFactor, startTimeout);
    }

    public SchemaRegistryConfig withPort(int newPort) {
        return new SchemaRegistryConfig(bootstrapServers, host, newPort, topic, replicationFactor, startTimeout);
    }

    public SchemaRegistryConfig withTopic(String newTopic) {
        return new SchemaRegistryConfig(bootstrapServers, host, port, newTopic, replicationFactor, startTimeout);
    }

    public SchemaRegistryConfig withReplicationFactor(short newReplicationFactor) {
        return new SchemaRegistryConfig(bootstrapServers, host, port, topic, newReplicationFactor, startTimeout);
    }

    public SchemaRegistryConfig withStartTimeout(Duration newStartTimeout) {
        return new SchemaRegistryConfig(bootstrapServers, host, port, topic, replicationFactor, newStartTimeout);
    }
}
