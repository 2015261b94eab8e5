package io.supplytwin.sim.gateway;

import io.supplytwin.platform.mqtt.TcpNoDelaySocketFactory;
import io.supplytwin.sim.model.Reading;
import java.time.Instant;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes readings as one gateway connection per simulator (one MQTT client carries every simulated site; a
 * broker cannot tell the difference from many gateways as topics carry the identity). Publishing blocks while
 * Paho's in-flight window is full, so a slow broker slows the simulation instead of dropping readings.
 */
public final class MqttGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttGateway.class);
    private static final int IN_FLIGHT = 1000;

    private final MqttAsyncClient client;
    private final PayloadEncoding encoding;
    private final int qos;
    private long published;

    private final String username;
    private final String password;

    public MqttGateway(String uri, String clientId, PayloadEncoding encoding, int qos, String username, String password)
            throws MqttException {
        this.encoding = encoding;
        this.qos = qos;
        this.username = username;
        this.password = password;
        this.client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    }

    public void connect() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new TcpNoDelaySocketFactory());
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
        options.setReceiveMaximum(IN_FLIGHT);
        options.setConnectionTimeout(10);
        if (!username.isEmpty()) {
            options.setUserName(username);
            options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        client.connect(options).waitForCompletion(15_000);
        LOG.info("simulator connected uri={} clientId={} format={} qos={}", client.getServerURI(), client.getClientId(),
                encoding.code(), qos);
    }

    public void publish(Reading reading, Instant ts) throws MqttException {
        MqttMessage message = new MqttMessage(encoding.payload(reading, ts));
        message.setQos(qos);
        while (true) {
            try {
                client.publish(encoding.topic(reading), message);
                published++;
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Waits until everything published so far has been acknowledged (QoS ≥ 1). */
    public void flush(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (IMqttToken token : client.getPendingTokens()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            try {
                token.waitForCompletion(left);
            } catch (MqttException e) {
                LOG.debug("pending publish failed while flushing: {}", e.getMessage());
            }
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    public long published() {
        return published;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                flush(5_000);
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.warn("simulator MQTT client did not close cleanly: {}", e.getMessage());
        }
    }
}
