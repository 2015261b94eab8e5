package io.supplytwin.sim.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.ingest.clean.CleaningResult;
import io.supplytwin.ingest.clean.DuplicateWindow;
import io.supplytwin.ingest.clean.EdgeCleaner;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.mqtt.TcpNoDelaySocketFactory;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.sim.SimConfig;
import io.supplytwin.sim.SimulatorService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's readings arrive over the real embedded MQTT broker on the bridge's topics, and the bridge's edge cleaning accepts them whole. */
@ExtendWith(PlatformExtension.class)
class SimulatorServiceIT {

    @ParameterizedTest
    @CsvSource({"json, twin/v1/#", "sparkplug, spBv1.0/#"})
    void oneCycleOfEveryTwinArrivesAndIsAcceptedByTheBridgesCleaning(String format, String filter, EmbeddedPlatform p) throws Exception {
        Map<String, byte[]> byTopic = new ConcurrentHashMap<>();
        MqttClient subscriber = subscriber(p, filter, byTopic);
        SimConfig config = SimConfig.from(Settings.load(SimConfig.SETTINGS, null, Map.of(),
                Map.of("sim.format", format, "sim.speed", "1", "sim.cycle", "5s", "sim.client-id", "sim-it-" + format)));
        int twins = ReferenceNetwork.create().enterprises().size() + ReferenceNetwork.create().allEquipment().size()
                + ReferenceNetwork.create().allOrders().size();
        try (SimulatorService sim = new SimulatorService(config, p.mqttUri(), ReferenceNetwork.create(), null)) {
            sim.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> byTopic.size() >= twins);
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
        EdgeCleaner cleaner = new EdgeCleaner(IndicatorCatalogue.standard(), Duration.ofMinutes(5), Duration.ofDays(1),
                new DuplicateWindow(Duration.ofMinutes(10), 16, 10_000));
        assertThat(byTopic).containsKey(format.equals("json") ? "twin/v1/t1-03/enterprise/t1-03/telemetry"
                : "spBv1.0/t1-03/DDATA/enterprise/t1-03");
        for (Map.Entry<String, byte[]> m : byTopic.entrySet()) {
            CleaningResult result = cleaner.clean(m.getKey(), m.getValue(), Instant.now());
            assertThat(result.accepted()).as("%s: %s", m.getKey(), result.detail()).isTrue();
            assertThat(result.dropped()).as(m.getKey()).isEmpty();
        }
    }

    @Test
    void shocksCanBePostedWhileItRuns(EmbeddedPlatform p) throws Exception {
        var http = new io.supplytwin.platform.http.HttpApi("127.0.0.1", 0, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        SimConfig config = SimConfig.defaults();
        try (SimulatorService sim = new SimulatorService(config, p.mqttUri(), ReferenceNetwork.create(), http)) {
            sim.start();
            http.start();
            var client = java.net.http.HttpClient.newHttpClient();
            var ok = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url() + "/api/sim/shocks"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"machine-failure\",\"target\":\"t1-03\",\"hours\":6}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var bad = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url() + "/api/sim/shocks"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"late-payer\",\"target\":\"nobody\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(201);
            assertThat(ok.body()).contains("machine-failure", "t1-03");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("unknown target 'nobody'");
        } finally {
            http.close();
        }
    }

    private static MqttClient subscriber(EmbeddedPlatform p, String filter, Map<String, byte[]> byTopic) throws Exception {
        MqttClient client = new MqttClient(p.mqttUri(), "sim-it-sub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new TcpNoDelaySocketFactory());
        client.connect(options);
        // the (filter, qos, listener) overload of Paho 1.2.5 recurses forever; the array form works
        client.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {new org.eclipse.paho.mqttv5.common.MqttSubscription(filter, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> byTopic.put(topic, message.getPayload())});
        return client;
    }
}
