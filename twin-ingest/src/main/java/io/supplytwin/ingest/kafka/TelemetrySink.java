package io.supplytwin.ingest.kafka;

import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.clean.CleaningResult;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.metrics.IngestMetrics;
import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes cleaned readings to {@code twin.telemetry} and dead letters to {@code twin.telemetry.dlq} through one
 * idempotent producer (acks=all, lz4), and runs the MQTT acknowledgement only once Kafka acknowledged every record of
 * the message. A record Kafka does not acknowledge in time is sent again, so a Kafka outage only holds messages back;
 * a reading Kafka refuses for good (e.g. too large) becomes a dead letter instead.
 */
public final class TelemetrySink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetrySink.class);
    private static final Duration RESEND_BACKOFF = Duration.ofSeconds(1);

    private final Producer<String, byte[]> producer;
    private final Serializer<TelemetryReading> readings;
    private final Serializer<DeadLetter> deadLetters;
    private final IngestMetrics metrics;
    private final SchemaRegistryClient registry;
    private final ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-resend");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;

    public TelemetrySink(IngestConfig config, String bootstrapServers, SchemaRegistryClient registry, IngestMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.readings = Topics.TELEMETRY.valueSerde(registry).serializer();
        this.deadLetters = Topics.TELEMETRY_DLQ.valueSerde(registry).serializer();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "supplytwin-" + config.clientId(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis(),
                ProducerConfig.BATCH_SIZE_CONFIG, config.batchSize(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(config.deliveryTimeout().toMillis(),
                        config.linger().toMillis() + 30_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    public Producer<String, byte[]> producer() {
        return producer;
    }

    /**
     * Registers both schemas and loads both topics' metadata, so the first message does not wait for them and a
     * missing topic or unreachable registry stops the start with a clear error.
     */
    public void prime() {
        producer.partitionsFor(Topics.TELEMETRY.name());
        producer.partitionsFor(Topics.TELEMETRY_DLQ.name());
        Topics.TELEMETRY.registerValueSchema(registry);
        Topics.TELEMETRY_DLQ.registerValueSchema(registry);
    }

    /**
     * Publishes what cleaning made of one MQTT message and runs {@code ack} once Kafka acknowledged all of it.
     *
     * @param receivedNanos {@link System#nanoTime()} when the MQTT message arrived, for the latency histogram
     */
    public void publish(CleaningResult result, String mqttTopic, byte[] payload, long receivedNanos, Runnable ack) {
        Instant now = Instant.now();
        int parts = (result.accepted() ? 1 : 0) + (result.deadLetter() ? 1 : 0);
        Delivery delivery = new Delivery(parts, receivedNanos,
                result.accepted() ? result.reading().getEventTime().toEpochMilli() : 0, ack, mqttTopic, payload);
        metrics.inFlight().incrementAndGet();
        if (result.accepted()) {
            TelemetryReading reading = result.reading();
            byte[] value;
            try {
                value = readings.serialize(Topics.TELEMETRY.name(), reading);
            } catch (RuntimeException e) {
                LOG.error("cannot serialize a reading of {}; dead-lettering it", reading.getEntityId(), e);
                value = null;
            }
            if (value == null) {
                sendDeadLetter(delivery, RejectReason.KAFKA_REJECTED, "cannot serialize the reading", now);
            } else {
                send(delivery, new ProducerRecord<>(Topics.TELEMETRY.name(), null, reading.getEventTime().toEpochMilli(),
                        reading.getEntityId(), value), true);
            }
        }
        if (result.deadLetter()) {
            sendDeadLetter(delivery, result.reason(), result.detail(), now);
        }
    }

    private void sendDeadLetter(Delivery delivery, RejectReason reason, String detail, Instant now) {
        byte[] value = deadLetters.serialize(Topics.TELEMETRY_DLQ.name(), deadLetter(delivery.mqttTopic, delivery.payload,
                reason, detail, now));
        send(delivery, new ProducerRecord<>(Topics.TELEMETRY_DLQ.name(), delivery.mqttTopic, value), false);
    }

    private static DeadLetter deadLetter(String topic, byte[] payload, RejectReason reason, String detail, Instant now) {
        return DeadLetter.newBuilder().setSource(topic).setOriginalBytes(ByteBuffer.wrap(payload)).setReason(reason.name())
                .setDetail(detail == null ? "" : detail).setTime(now).setKey(null).build();
    }

    private void send(Delivery delivery, ProducerRecord<String, byte[]> record, boolean reading) {
        long sent = System.nanoTime();
        try {
            producer.send(record, (meta, error) -> {
                if (error == null) {
                    metrics.produced(sent, System.nanoTime());
                    if (!reading) {
                        metrics.deadLettered();
                    }
                    delivery.partDone(metrics);
                } else {
                    failed(delivery, record, reading, error);
                }
            });
        } catch (RuntimeException e) {
            failed(delivery, record, reading, e);
        }
    }

    private void failed(Delivery delivery, ProducerRecord<String, byte[]> record, boolean reading, Exception error) {
        if (closing) {
            // not acknowledged over MQTT: the broker delivers the message again to this session or the group
            metrics.inFlight().decrementAndGet();
            return;
        }
        if (error instanceof RetriableException) {
            metrics.produceRetry();
            LOG.warn("kafka did not acknowledge a record for {} ({}); sending it again", record.topic(), error.toString());
            resender.schedule(() -> send(delivery, record, reading), RESEND_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } else if (reading) {
            LOG.error("kafka refused a reading from {}; dead-lettering it", delivery.mqttTopic, error);
            sendDeadLetter(delivery, RejectReason.KAFKA_REJECTED, error.toString(), Instant.now());
        } else {
            LOG.error("kafka refused a dead letter from {}; it is dropped", delivery.mqttTopic, error);
            delivery.partDone(metrics);
        }
    }

    /** Waits until every record sent so far is acknowledged (or failed), up to the timeout. */
    public void flush() {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            LOG.warn("flush did not complete: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closing = true;
        resender.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }

    /** The records of one MQTT message: the acknowledgement runs when the last one is acknowledged by Kafka. */
    private static final class Delivery {
        private final AtomicInteger pending;
        private final long receivedNanos;
        private final long eventMillis;
        private final Runnable ack;
        private final String mqttTopic;
        private final byte[] payload;

        Delivery(int parts, long receivedNanos, long eventMillis, Runnable ack, String mqttTopic, byte[] payload) {
            this.pending = new AtomicInteger(parts);
            this.receivedNanos = receivedNanos;
            this.eventMillis = eventMillis;
            this.ack = ack;
            this.mqttTopic = mqttTopic;
            this.payload = payload;
        }

        void partDone(IngestMetrics metrics) {
            if (pending.decrementAndGet() == 0) {
                metrics.inFlight().decrementAndGet();
                metrics.delivered(receivedNanos, System.nanoTime(), eventMillis, System.currentTimeMillis());
                ack.run();
            }
        }
    }
}
