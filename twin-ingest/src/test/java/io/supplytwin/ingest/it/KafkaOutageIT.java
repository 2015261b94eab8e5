package io.supplytwin.ingest.it;

import static io.supplytwin.ingest.it.IngestTestKit.bridge;
import static io.supplytwin.ingest.it.IngestTestKit.config;
import static io.supplytwin.ingest.it.IngestTestKit.gateway;
import static io.supplytwin.ingest.it.IngestTestKit.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.ingest.payload.TelemetryPayloads;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.TempDirs;
import io.supplytwin.platform.kafka.EmbeddedKafkaBroker;
import io.supplytwin.platform.kafka.TopicProvisioner;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bridge's promise: Kafka gone for 20 s under load loses nothing and duplicates nothing. */
@ExtendWith(PlatformExtension.class)
class KafkaOutageIT {

    @Test
    void everyReadingPublishedDuringAKafkaOutageArrivesExactlyOnce(EmbeddedPlatform p) throws Exception {
        Path dir = Files.createTempDirectory("ingest-outage-");
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(dir, "127.0.0.1", PortCheck.freePort(), PortCheck.freePort());
        kafka.start(Duration.ofSeconds(60));
        try {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicProvisioner.ensure(admin, List.of(Topics.TELEMETRY.newTopic((short) 1), Topics.TELEMETRY_DLQ.newTopic((short) 1)));
            }
            String ent = unique("outage");
            int entities = 25;
            int perEntity = 120; // 3,000 readings at ~100/s: publishing spans the whole outage
            try (IngestService bridge = bridge(config(ent, unique("bridge"), false), kafka.bootstrapServers(), p.registryUrl(), p.mqttUri())) {
                MqttAsyncClient gw = gateway(p.mqttUri());
                CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                    try {
                        for (int seq = 1; seq <= perEntity; seq++) {
                            Instant ts = Instant.now();
                            for (int e = 0; e < entities; e++) {
                                IngestTestKit.publish(gw, TelemetryPayloads.jsonTopic(ent, Level.EQUIPMENT, "m" + e),
                                        TelemetryPayloads.json(ts, seq, Map.of("spindle_temp_c", 40.0 + e, "spindle_load_pct", 50.0)));
                            }
                            Thread.sleep(250);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(4_000);
                kafka.close();
                Thread.sleep(20_000);
                double acceptedWhileDown = bridge.metrics().acceptedCount();
                kafka.start(Duration.ofSeconds(60));
                publishing.get();
                gw.disconnect().waitForCompletion();

                List<TelemetryReading> readings = IngestTestKit.readings(kafka.bootstrapServers(), p.registryUrl(), ent,
                        entities * perEntity, Duration.ofSeconds(120));
                assertThat(readings).extracting(IngestTestKit::identity).doesNotHaveDuplicates().hasSize(entities * perEntity);
                assertThat(acceptedWhileDown).as("the bridge kept receiving while Kafka was down").isPositive();
            }
        } finally {
            kafka.close();
            TempDirs.deleteQuietly(dir);
        }
    }
}
