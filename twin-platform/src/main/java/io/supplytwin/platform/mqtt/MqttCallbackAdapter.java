package io.supplytwin.platform.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho v5's callback with only message arrival to implement. Paho's per-subscription listener overload sends a
 * subscription identifier some brokers reject, so our clients subscribe plainly and receive through this.
 */
public class MqttCallbackAdapter implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(MqttCallbackAdapter.class);

    @FunctionalInterface
    public interface MessageHandler {
        void onMessage(String topic, MqttMessage message) throws Exception;
    }

    private final MessageHandler handler;

    public MqttCallbackAdapter(MessageHandler handler) {
        this.handler = handler;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        handler.onMessage(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("mqtt disconnected: {}", response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("mqtt error", exception);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // publishers that care wait on their tokens
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        LOG.debug("mqtt connected to {} (reconnect={})", serverURI, reconnect);
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
