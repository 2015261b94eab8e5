package io.supplytwin.ingest.bench;

import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.ingest.clean.CleaningResult;
import io.supplytwin.ingest.clean.DuplicateWindow;
import io.supplytwin.ingest.clean.EdgeCleaner;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.topic.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;

/**
 * The CPU time one message costs on the bridge's own path, part by part, on one thread: Paho decoding the PUBLISH
 * packet, edge cleaning (JSON decoding included), Avro serialization. Thread CPU time, not wall time, so it moves
 * much less than the rates with other load on the machine; it leaves out the MQTT and Kafka I/O.
 */
final class BridgePathCost {

    /** Microseconds of CPU per message. */
    record Cost(double pahoDecode, double clean, double serialize, int messages) {
        double total() {
            return pahoDecode + clean + serialize;
        }
    }

    private BridgePathCost() {
    }

    static Cost measure(GatewayLoad load, Serializer<TelemetryReading> serializer, int messages) throws Exception {
        List<byte[]> packets = new ArrayList<>(messages);
        Instant now = Instant.now();
        for (int n = 0; n < messages; n++) {
            MqttMessage m = new MqttMessage(load.payload(n, 0, now));
            m.setQos(1);
            MqttPublish publish = new MqttPublish(load.topic(n), m, new MqttProperties());
            publish.setMessageId(1 + n % 60_000);
            byte[] header = publish.getHeader();
            byte[] payload = publish.getPayload();
            byte[] packet = new byte[header.length + payload.length];
            System.arraycopy(header, 0, packet, 0, header.length);
            System.arraycopy(payload, 0, packet, header.length, payload.length);
            packets.add(packet);
        }
        EdgeCleaner cleaner = new EdgeCleaner(IndicatorCatalogue.standard(), Duration.ofMinutes(5), Duration.ofHours(1),
                new DuplicateWindow(Duration.ofMinutes(30), 64, messages));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] spent = new long[3];
        int measured = 0;
        for (int i = 0; i < packets.size(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            MqttPublish publish = (MqttPublish) MqttWireMessage.createWireMessage(packets.get(i));
            long c1 = threads.getCurrentThreadCpuTime();
            CleaningResult result = cleaner.clean(publish.getTopicName(), publish.getMessage().getPayload(), now);
            long c2 = threads.getCurrentThreadCpuTime();
            if (!result.accepted()) {
                throw new IllegalStateException("bench reading rejected: " + result.reason() + " " + result.detail());
            }
            serializer.serialize(Topics.TELEMETRY.name(), result.reading());
            long c3 = threads.getCurrentThreadCpuTime();
            if (i >= packets.size() / 2) { // the first half warms the JIT up
                spent[0] += c1 - c0;
                spent[1] += c2 - c1;
                spent[2] += c3 - c2;
                measured++;
            }
        }
        return new Cost(spent[0] / 1e3 / measured, spent[1] / 1e3 / measured, spent[2] / 1e3 / measured, measured);
    }
}
