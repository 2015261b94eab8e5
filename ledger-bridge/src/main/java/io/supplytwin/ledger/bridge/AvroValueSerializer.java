package io.supplytwin.ledger.bridge;

import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.LedgerReceipt;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topics;
import org.apache.kafka.common.serialization.Serializer;

/** One producer writes receipts and credit history: picks each topic's own value serializer. */
final class AvroValueSerializer implements Serializer<Object> {

    private final Serializer<LedgerReceipt> receipts;
    private final Serializer<CreditHistory> history;

    AvroValueSerializer(SchemaRegistryClient registry) {
        this.receipts = Topics.LEDGER_RECEIPTS.valueSerde(registry).serializer();
        this.history = Topics.LEDGER_CREDIT_HISTORY.valueSerde(registry).serializer();
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (topic.equals(Topics.LEDGER_RECEIPTS.name())) {
            return receipts.serialize(topic, (LedgerReceipt) data);
        }
        if (topic.equals(Topics.LEDGER_CREDIT_HISTORY.name())) {
            return history.serialize(topic, (CreditHistory) data);
        }
        throw new IllegalArgumentException("the ledger bridge does not write " + topic);
    }
}
