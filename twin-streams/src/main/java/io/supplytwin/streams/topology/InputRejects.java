package io.supplytwin.streams.topology;

import io.supplytwin.schemas.avro.DeadLetter;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.serde.BadRecordException;
import io.supplytwin.streams.metrics.TwinStreamsMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the twin does with an input record it cannot read, instead of Kafka Streams' default (fail the stream thread,
 * which is replaced, reads the same record and fails again: one bad record would stop the twin for good).
 *
 * <ul>
 *   <li>{@code twin.telemetry}: the record goes to {@code twin.telemetry.dlq} with its original bytes, the reason
 *       ({@code NO_MAGIC_BYTE}, {@code TOO_SHORT}, {@code UNKNOWN_SCHEMA_ID}, {@code UNDECODABLE}) and the detail, in
 *       the same transaction as the twin's progress; the twin goes on with the next record.</li>
 *   <li>{@code twin.forecast} and {@code ledger.credit-history}: skipped with a log line (the record stays on its own
 *       topic, where its producer can be looked at); the telemetry dead-letter topic is for telemetry.</li>
 *   <li>Anything else (the twin's own repartition topic): the stream thread fails as before. Those records are written
 *       by the twin itself, so an unreadable one is a bug or a version mismatch to stop at, not input to skip.</li>
 * </ul>
 * Only a {@link BadRecordException} (the bytes are not a record) is rejected. Any other failure to read, such as a
 * schema registry that cannot be reached, fails the stream thread as before: it is replaced and reads the record
 * again, so a good reading is never dead-lettered for a passing outage.
 * Every rejection counts in {@code supplytwin.streams.rejected{topic, reason}}.
 */
public final class InputRejects implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InputRejects.class);
    /** Streams property holding the {@link Target} (an object: Kafka Streams passes configuration values through). */
    static final String TARGET_CONFIG = "supplytwin.streams.input-rejects";
    /** The first rejections per topic are logged at WARN, then every {@code LOG_EVERY}-th. */
    private static final long LOG_FIRST = 10;
    private static final long LOG_EVERY = 1000;
    private static final int DETAIL_MAX = 2000;

    private Target target;

    /**
     * Where rejections go.
     *
     * @param telemetryTopic the topic whose rejects are dead-lettered
     * @param skippable      other topics whose rejects are skipped
     */
    record Target(String telemetryTopic, Set<String> skippable, String deadLetterTopic, Serializer<DeadLetter> deadLetters,
                  TwinStreamsMetrics metrics) {
        Target {
            Objects.requireNonNull(telemetryTopic, "telemetryTopic");
            skippable = Set.copyOf(skippable);
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
            Objects.requireNonNull(deadLetters, "deadLetters");
            Objects.requireNonNull(metrics, "metrics");
        }
    }

    /** Sets this handler, and where its rejections go, in the twin's Kafka Streams properties. */
    public static void install(Properties streams, StreamsTopics topics, SchemaRegistryClient registry,
                               TwinStreamsMetrics metrics) {
        streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, InputRejects.class);
        streams.put(TARGET_CONFIG, new Target(topics.telemetry().name(),
                Set.of(topics.forecast().name(), topics.creditHistory().name()), topics.telemetryDlq().name(),
                topics.telemetryDlq().valueSerde(registry).serializer(), metrics));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object t = configs.get(TARGET_CONFIG);
        if (!(t instanceof Target configured)) {
            throw new IllegalStateException(TARGET_CONFIG + " is not set: install the handler with InputRejects.install");
        }
        this.target = configured;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String topic = record.topic();
        boolean telemetry = topic.equals(target.telemetryTopic());
        if (!telemetry && !target.skippable().contains(topic)) {
            LOG.error("unreadable record on the twin's own topic {} partition {} offset {}: {}", topic, record.partition(),
                    record.offset(), exception.toString());
            return Response.fail();
        }
        BadRecordException bad = badRecord(exception);
        if (bad == null) {
            // not the record's fault (the registry unreachable, say): fail, so the replaced thread reads it again
            LOG.error("could not read the record on {} partition {} offset {}, and not because of its bytes: {}", topic,
                    record.partition(), record.offset(), exception.toString());
            return Response.fail();
        }
        String reason = bad.reason().name();
        long n = target.metrics().rejected(topic, reason);
        if (n <= LOG_FIRST || n % LOG_EVERY == 0) {
            LOG.warn("{} record {} on {} partition {} offset {}: {}{} (rejection {} of this kind)",
                    telemetry ? "dead-lettered" : "skipped", reason, topic, record.partition(), record.offset(),
                    exception.getMessage(), n == LOG_FIRST ? "; further ones are logged every " + LOG_EVERY + "th" : "", n);
        }
        if (!telemetry) {
            return Response.resume();
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        byte[] original = record.value() == null ? new byte[0] : record.value();
        DeadLetter letter = new DeadLetter(topic, ByteBuffer.wrap(original), reason, detail(exception),
                Instant.ofEpochMilli(Math.max(0, record.timestamp())), key);
        byte[] value = target.deadLetters().serialize(target.deadLetterTopic(), letter);
        return Response.resume(List.of(new ProducerRecord<>(target.deadLetterTopic(), null, record.key(), value)));
    }

    private static BadRecordException badRecord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadRecordException bad) {
                return bad;
            }
        }
        return null;
    }

    private static String detail(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.length() <= DETAIL_MAX ? m : m.substring(0, DETAIL_MAX) + "…";
    }
}
