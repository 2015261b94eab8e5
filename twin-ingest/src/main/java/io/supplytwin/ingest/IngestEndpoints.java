package io.supplytwin.ingest;

import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Settings;

/**
 * Where a standalone bridge finds Kafka, the registry and the MQTT broker: the external servers the platform settings
 * name ({@code kafka.bootstrap}, {@code registry.url}, {@code mqtt.uri}), else those a {@code twin run} with the same
 * settings would start on this machine.
 */
public record IngestEndpoints(String kafka, String registry, String mqtt) {

    public static IngestEndpoints from(Settings settings) {
        PlatformConfig c = PlatformConfig.from(settings);
        return new IngestEndpoints(
                c.embeddedKafka() ? c.host() + ":" + c.kafkaPort() : c.externalKafka(),
                c.embeddedRegistry() ? "http://" + c.host() + ":" + c.registryPort() : c.externalRegistry(),
                c.embeddedMqtt() ? "tcp://" + c.host() + ":" + c.mqttPort() : c.externalMqtt());
    }
}
