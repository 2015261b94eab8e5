package io.supplytwin.ledger.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.gateway.LedgerGateway;
import io.supplytwin.ledger.http.LedgerRoutes;
import io.supplytwin.ledger.metrics.MicrometerLedgerMetrics;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.service.Service;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.LedgerReceipt;
import io.supplytwin.schemas.avro.LedgerRequest;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the ledger: reads {@code ledger.requests}, submits them as contract transactions, and
 * publishes a receipt per request on {@code ledger.receipts} and the changed enterprises' credit history on
 * {@code ledger.credit-history}. Keeps the latest {@code twin.credit} assessment per enterprise for evaluations.
 * Offsets are committed after receipts are written; a request seen again after a crash is answered with the
 * first receipt, since the ledger commits a request id once.
 */
public final class LedgerBridgeService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBridgeService.class);

    private final LedgerBridgeConfig config;
    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final PlatformMetrics metrics;
    private final HttpApi http;
    private final CredentialBook credentials = new CredentialBook();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private LedgerGateway ledger;
    private RequestProcessor processor;
    private KafkaConsumer<String, LedgerRequest> requests;
    private KafkaConsumer<String, byte[]> credit;
    private KafkaProducer<String, Object> producer;
    private Deserializer<CreditAssessment> creditDeserializer;
    private Thread loop;
    private volatile boolean running;

    /**
     * @param http routes are added to it when not null (its owner starts it)
     */
    public LedgerBridgeService(LedgerBridgeConfig config, String bootstrapServers, SchemaRegistryClient registry,
            PlatformMetrics metrics, HttpApi http) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.metrics = metrics;
        this.http = http;
    }

    @Override
    public String name() {
        return "ledger";
    }

    public LedgerGateway ledger() {
        return ledger;
    }

    @Override
    public void start() throws Exception {
        ledger = LedgerGateways.open(config);
        if (metrics != null && ledger instanceof EmbeddedLedger embedded) {
            embedded.reportTo(new MicrometerLedgerMetrics(metrics.registry(), embedded));
        }
        processor = new RequestProcessor(ledger, credentials);
        if (http != null) {
            LedgerRoutes.register(http, ledger);
        }
        requests = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                config.maxPollRecords()), new StringDeserializer(),
                Topics.LEDGER_REQUESTS.valueSerde(registry).deserializer());
        requests.subscribe(List.of(Topics.LEDGER_REQUESTS.name()));
        // the compacted credit topic is read whole on every start: no group, all partitions from the beginning
        credit = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (int p = 0; p < Topics.CREDIT.partitions(); p++) {
            parts.add(new TopicPartition(Topics.CREDIT.name(), p));
        }
        credit.assign(parts);
        credit.seekToBeginning(parts);
        creditDeserializer = Topics.CREDIT.valueSerde(registry).deserializer();
        // registered now, not by the first receipt's serializer: a refused schema stops the start with the topic
        Topics.LEDGER_RECEIPTS.registerValueSchema(registry);
        Topics.LEDGER_CREDIT_HISTORY.registerValueSchema(registry);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new org.apache.kafka.common.serialization.StringSerializer(), new AvroValueSerializer(registry));
        if (metrics != null) {
            metrics.bind(requests);
            metrics.bind(credit);
            metrics.bind(producer);
        }
        running = true;
        loop = new Thread(this::run, "ledger-bridge");
        loop.start();
        LOG.info("ledger bridge started on {}", ledger.describe());
    }

    private void run() {
        try {
            while (running) {
                readCredit();
                ConsumerRecords<String, LedgerRequest> polled = requests.poll(Duration.ofMillis(100));
                if (polled.isEmpty()) {
                    continue;
                }
                handle(polled);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("ledger bridge stopped", e);
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Reads {@code twin.credit} up to its current end, so an evaluation uses the latest assessment published
     * before it was processed (bounded wait: a slow broker delays evaluations, it does not stop the bridge).
     */
    private void catchUpCredit() {
        Map<TopicPartition, Long> end = credit.endOffsets(credit.assignment(), Duration.ofSeconds(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline
                && end.entrySet().stream().anyMatch(e -> credit.position(e.getKey()) < e.getValue())) {
            readCredit(Duration.ofMillis(50));
        }
    }

    private void readCredit() {
        readCredit(Duration.ZERO);
    }

    private void readCredit(Duration wait) {
        for (ConsumerRecord<String, byte[]> rec : credit.poll(wait)) {
            if (rec.value() == null) {
                continue;
            }
            try {
                credentials.update(creditDeserializer.deserialize(rec.topic(), rec.value()), rec.value());
            } catch (RuntimeException e) {
                count("bad-credit-record");
                LOG.warn("skipping unreadable credit assessment at {}-{}@{}: {}", rec.topic(), rec.partition(), rec.offset(),
                        e.getMessage());
            }
        }
    }

    private void handle(ConsumerRecords<String, LedgerRequest> polled) {
        long t0 = System.nanoTime();
        List<LedgerRequest> batch = new ArrayList<>(polled.count());
        for (ConsumerRecord<String, LedgerRequest> rec : polled) {
            if (rec.value() != null) {
                batch.add(rec.value());
            }
        }
        if (batch.stream().anyMatch(r -> r.getType() == io.supplytwin.schemas.avro.LedgerRequestType.EVALUATE)) {
            catchUpCredit();
        }
        RequestProcessor.Outcome outcome = processor.process(batch);
        for (int i = 0; i < batch.size(); i++) {
            LedgerReceipt r = outcome.receipts().get(i);
            count(r.getStatus().name());
            producer.send(new ProducerRecord<>(Topics.LEDGER_RECEIPTS.name(), batch.get(i).getEnterpriseId(), r));
        }
        for (String enterprise : outcome.enterprisesTouched()) {
            CreditHistory h = processor.history(enterprise);
            producer.send(new ProducerRecord<>(Topics.LEDGER_CREDIT_HISTORY.name(), enterprise, h));
        }
        producer.flush();
        requests.commitSync();
        if (metrics != null) {
            Timer.builder("supplytwin.ledger.batch.latency").description("poll to receipts written, per batch")
                    .register(metrics.registry()).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }

    private void count(String status) {
        if (metrics != null) {
            Counter.builder("supplytwin.ledger.requests").tag("status", status)
                    .description("ledger requests answered, by receipt status").register(metrics.registry()).increment();
        }
    }

    @Override
    public boolean ready() {
        return running && loop != null && loop.isAlive();
    }

    @Override
    public void close() {
        running = false;
        if (requests != null) {
            requests.wakeup();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(requests);
        closeQuietly(credit);
        closeQuietly(producer);
        closeQuietly(ledger);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("error closing {}", c.getClass().getSimpleName(), e);
        }
    }
}
