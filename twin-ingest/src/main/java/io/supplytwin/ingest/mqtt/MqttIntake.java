package io.supplytwin.ingest.mqtt;

import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.platform.mqtt.MqttCallbackAdapter;
import io.supplytwin.platform.mqtt.TcpNoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT v5 connection of the bridge (Eclipse Paho): a persistent session (clean start off, session expiry) in the
 * shared-subscription group, QoS 1, and manual acknowledgements: a message is acknowledged only when the handler
 * says Kafka has it. Unacknowledged messages count against the receive maximum, so a slow or absent Kafka makes
 * the broker hold messages back instead of the bridge buffering them.
 *
 * <p>Acknowledgements that complete after the connection was lost are not sent: packet ids are reused on the next
 * connection, and the broker delivers those messages again anyway.
 */
public final class MqttIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIntake.class);

    /** Receives each message; must call {@code ack} once the message is safely in Kafka, and must not throw. */
    @FunctionalInterface
    public interface Handler {
        void handle(String topic, MqttMessage message, Runnable ack);
    }

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final List<String> filters;
    private final AtomicLong connection = new AtomicLong();
    private volatile boolean closing;

    public MqttIntake(String serverUri, String clientId, IngestConfig config, Handler handler) throws Exception {
        this.filters = config.sharedFilters();
        this.client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        this.options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setReceiveMaximum(config.receiveMaximum());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(30);
        if (serverUri.startsWith("ssl://")) {
            options.setSocketFactory(io.supplytwin.platform.mqtt.TlsNoDelaySocketFactory.trusting(config.truststore(), config.truststorePassword()));
        } else {
            options.setSocketFactory(new TcpNoDelaySocketFactory());
        }
        if (!config.username().isEmpty()) {
            options.setUserName(config.username());
        }
        if (!config.password().isEmpty()) {
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        client.setManualAcks(true);
        client.setCallback(new MqttCallbackAdapter((topic, message) -> deliver(handler, topic, message)) {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                connection.incrementAndGet();
                if (!closing) {
                    LOG.warn("mqtt connection {} lost ({}); reconnecting", clientId, response);
                }
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
                if (reconnect && !closing) {
                    LOG.info("mqtt connection {} back to {}", clientId, uri);
                    subscribeQuietly();
                }
            }
        });
    }

    private void deliver(Handler handler, String topic, MqttMessage message) {
        long seenOn = connection.get();
        int id = message.getId();
        int qos = message.getQos();
        if (closing) {
            return; // not acknowledged: delivered again to this session or another member of the group
        }
        handler.handle(topic, message, () -> acknowledge(seenOn, id, qos));
    }

    private void acknowledge(long seenOn, int id, int qos) {
        if (qos == 0 || seenOn != connection.get()) {
            return;
        }
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException e) {
            LOG.debug("ack of message {} not sent ({}); the broker will deliver it again", id, e.getMessage());
        }
    }

    /** Connects and subscribes, waiting up to {@code timeout}. */
    public void start(Duration timeout) throws MqttException {
        IMqttToken connect = client.connect(options);
        connect.waitForCompletion(timeout.toMillis());
        IMqttToken sub = subscribe();
        sub.waitForCompletion(timeout.toMillis());
        int[] codes = sub.getReasonCodes();
        if (codes != null && Arrays.stream(codes).anyMatch(c -> c >= 0x80)) {
            throw new MqttException(codes[0]);
        }
        LOG.info("mqtt intake {} subscribed to {} at {} (session present={})", client.getClientId(), filters,
                client.getCurrentServerURI(), connect.getSessionPresent());
    }

    private IMqttToken subscribe() throws MqttException {
        int[] qos = new int[filters.size()];
        Arrays.fill(qos, 1);
        return client.subscribe(filters.toArray(String[]::new), qos);
    }

    private void subscribeQuietly() {
        try {
            subscribe();
        } catch (MqttException e) {
            LOG.warn("re-subscribing {} failed: {}", client.getClientId(), e.toString());
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    /** Stops handing messages to the handler; those not yet acknowledged will be delivered again. */
    public void pause() {
        closing = true;
    }

    @Override
    public void close() {
        closing = true;
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(6_000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect of {}: {}", client.getClientId(), e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close of {}: {}", client.getClientId(), e.toString());
        }
    }
}
