package io.supplytwin.platform.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.platform.PortCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMqttBrokerIT {

    @TempDir
    Path home;

    @Test
    void messagePublishedIsReceivedByASubscriber() throws Exception {
        int port = PortCheck.freePort();
        try (EmbeddedMqttBroker broker = new EmbeddedMqttBroker(home, "127.0.0.1", port, 1000, false)) {
            broker.start(Duration.ofSeconds(60));
            MqttConnectionOptions opts = new MqttConnectionOptions();
            opts.setSocketFactory(new TcpNoDelaySocketFactory());
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            MqttClient sub = new MqttClient(broker.uri(), "sub", new MemoryPersistence());
            MqttClient pub = new MqttClient(broker.uri(), "pub", new MemoryPersistence());
            try {
                sub.setCallback(new MqttCallbackAdapter((topic, msg) ->
                        received.add(topic + " " + new String(msg.getPayload(), StandardCharsets.UTF_8))));
                sub.connect(opts);
                sub.subscribe("twin/v1/+/equipment/+/telemetry", 1);
                pub.connect(opts);
                MqttMessage msg = new MqttMessage("{\"seq\":1}".getBytes(StandardCharsets.UTF_8));
                msg.setQos(1);
                pub.publish("twin/v1/core-01/equipment/eq-1/telemetry", msg);
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("twin/v1/core-01/equipment/eq-1/telemetry {\"seq\":1}");
            } finally {
                pub.disconnect();
                sub.disconnect();
                pub.close();
                sub.close();
            }
        }
    }
}
