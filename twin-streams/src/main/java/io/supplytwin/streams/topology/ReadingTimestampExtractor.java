package io.supplytwin.streams.topology;

import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.streams.state.CompactReading;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Event time of a telemetry record: when the gateway measured ({@code eventTime}), else the record's own timestamp. */
public final class ReadingTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof CompactReading reading && reading.eventTime() != Long.MIN_VALUE) {
            return reading.eventTime();
        }
        if (record.value() instanceof TelemetryReading reading && reading.getEventTime() != null) {
            return reading.getEventTime().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }
}
