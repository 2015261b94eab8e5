package io.supplytwin.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplytwin.app.run.TwinApplication;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.LedgerReceipt;
import io.supplytwin.schemas.avro.LedgerRequest;
import io.supplytwin.schemas.avro.LedgerRequestType;
import io.supplytwin.schemas.avro.ReceiptStatus;
import io.supplytwin.schemas.topic.Topics;
import io.supplytwin.sim.gateway.MqttGateway;
import io.supplytwin.sim.gateway.PayloadEncoding;
import io.supplytwin.sim.model.Reading;
import io.supplytwin.sim.model.SupplyChainModel;
import io.supplytwin.sim.scenario.LiveFinancing;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dt-blockchain through the real services: a private platform on free ports (Kafka, registry, MQTT broker) with the
 * MQTT → Kafka bridge, the Kafka Streams twin and the ledger bridge on the embedded ledger, assembled exactly as
 * {@code twin run} assembles them ({@link TwinApplication}). The simulated gateways publish over MQTT; each financing
 * need becomes {@code ledger.requests} (apply, evaluate, approve or reject, fund; later repay, mark overdue, default),
 * and what comes back is read from {@code ledger.receipts} and from the case the contracts stored on the ledger.
 *
 * <p><b>Clocks.</b> Readings carry simulated time: the run's wall-clock start plus the simulated hours, so the twin's
 * event-time logic (heartbeats, health-drop window, latest-assessment ordering) sees the model's hours. That clock runs
 * ahead of the wall clock, so this private platform raises the bridge's future-skew limit to the run's length and the
 * broker's {@code log.message.timestamp.after.max.ms} (one hour by default in Kafka 4). Approval time is wall-clock:
 * the runner holds the model still while requests are in flight, so a second of pipeline time is a second of model
 * time.
 */
public final class PipelineFinancing implements LiveFinancing, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineFinancing.class);
    private static final Duration RECEIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TwinApplication app;
    private final MqttGateway gateway;
    private final KafkaProducer<String, LedgerRequest> requests;
    private final KafkaConsumer<String, byte[]> answers;
    private final Deserializer<LedgerReceipt> receiptReader;
    private final Deserializer<HealthIndex> healthReader;
    private final Instant epoch;
    private final int enterpriseEveryHours;
    private final int equipmentEveryHours;
    private final Map<String, LedgerReceipt> receipts = new HashMap<>();
    private final Map<String, Long> receivedNanos = new HashMap<>();
    private final Map<String, Instant> published = new HashMap<>();
    private final Map<String, Instant> healthSeen = new HashMap<>();
    private final Map<String, Double> fundedByCase = new HashMap<>();
    private final List<String> unsettled = new ArrayList<>();
    private final List<String> cases = new ArrayList<>();
    private long steps;
    private long readings;
    private long publishNanos;
    private long syncNanos;
    private int syncs;
    private int lateTwin;
    private final List<Double> requestSeconds = new ArrayList<>();
    private int requestCount;
    private long startedNanos;

    private PipelineFinancing(TwinApplication app, int enterpriseEveryHours, int equipmentEveryHours, Instant epoch) throws Exception {
        this.app = app;
        this.enterpriseEveryHours = enterpriseEveryHours;
        this.equipmentEveryHours = equipmentEveryHours;
        this.epoch = epoch;
        String bootstrap = app.platform().bootstrapServers();
        requests = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                Topics.LEDGER_REQUESTS.keySerde(app.registry()).serializer(),
                Topics.LEDGER_REQUESTS.valueSerde(app.registry()).serializer());
        answers = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // health only tells how far the twin got (the ledger bridge reads credit the same way)
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (var topic : List.of(Topics.LEDGER_RECEIPTS, Topics.HEALTH)) {
            for (int p = 0; p < topic.partitions(); p++) {
                parts.add(new TopicPartition(topic.name(), p));
            }
        }
        answers.assign(parts);
        answers.seekToBeginning(parts);
        receiptReader = Topics.LEDGER_RECEIPTS.valueSerde(app.registry()).deserializer();
        healthReader = Topics.HEALTH.valueSerde(app.registry()).deserializer();
        gateway = new MqttGateway(app.platform().mqttUri(), "supplytwin-scenario", PayloadEncoding.JSON, 1, "", "");
        gateway.connect();
    }

    /**
     * Starts the platform and the services in {@code dataDir} (empty: a fresh ledger and twin) on free ports.
     *
     * @param days                the run's length: how far ahead of the wall clock simulated time may get
     * @param enterpriseEveryHours enterprise twins report every this many simulated hours (1: every step)
     * @param equipmentEveryHours  equipment and order twins report every this many simulated hours
     */
    public static PipelineFinancing start(Path dataDir, int days, int enterpriseEveryHours, int equipmentEveryHours)
            throws Exception {
        if (enterpriseEveryHours < 1 || equipmentEveryHours < 1) {
            throw new IllegalArgumentException("readings every N hours needs N >= 1, got " + enterpriseEveryHours + " and "
                    + equipmentEveryHours);
        }
        Map<String, String> set = new LinkedHashMap<>();
        set.put("data.dir", dataDir.toString());
        for (String port : List.of("kafka.port", "kafka.controller-port", "registry.port", "mqtt.port", "http.port")) {
            set.put(port, String.valueOf(PortCheck.freePort()));
        }
        set.put(TwinApplication.RUN_SERVICES.key(), "ledger,streams,ingest");
        set.put("ingest.max-future-skew", (days + 2) + "d");
        TwinApplication app = new TwinApplication(Settings.load(TwinApplication.SETTINGS, null, Map.of(), set)).start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.platform().bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, ""), List.of(new AlterConfigOp(
                    new ConfigEntry("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)),
                    AlterConfigOp.OpType.SET)))).all().get();
        } catch (Exception e) {
            app.close();
            throw e;
        }
        try {
            PipelineFinancing live = new PipelineFinancing(app, enterpriseEveryHours, equipmentEveryHours,
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            live.startedNanos = System.nanoTime();
            return live;
        } catch (Exception e) {
            app.close();
            throw e;
        }
    }

    /** The HTTP base URL of the services (ledger routes under {@code /api/ledger}). */
    public String httpUrl() {
        return app.http().url();
    }

    @Override
    public void publish(SupplyChainModel model, double hour) {
        long t0 = System.nanoTime();
        // the step counts simulated hours (the scenario's step is 1 h); step 0 is the gateways' first report
        Set<Level> levels = EnumSet.noneOf(Level.class);
        if (steps % enterpriseEveryHours == 0) {
            levels.add(Level.ENTERPRISE);
        }
        if (steps % equipmentEveryHours == 0) {
            levels.addAll(List.of(Level.EQUIPMENT, Level.ORDER));
        }
        steps++;
        if (levels.isEmpty()) {
            return;
        }
        Instant ts = simulated(hour);
        model.readings(levels, r -> send(r, ts));
        publishNanos += System.nanoTime() - t0;
    }

    private void send(Reading r, Instant ts) {
        try {
            gateway.publish(r, ts);
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            throw new IllegalStateException("publishing " + r.entityId() + " failed: " + e.getMessage(), e);
        }
        readings++;
        if (r.level() == Level.ENTERPRISE) {
            published.put(r.enterpriseId(), ts);
        }
    }

    private Instant simulated(double hour) {
        return epoch.plusMillis(Math.round(hour * 3_600_000));
    }

    @Override
    public List<Evaluation> evaluate(List<Need> needs, double hour) {
        catchUp();
        Map<String, Long> sent = new HashMap<>();
        List<String> waitFor = new ArrayList<>();
        for (Need n : needs) {
            cases.add(n.contractId());
            sent.put(n.contractId(), System.nanoTime());
            send(n.contractId() + "/apply", n.contractId(), LedgerRequestType.APPLY, n.enterpriseId(), "supplier", n.amount(), Map.of(), hour);
            send(n.contractId() + "/evaluate", n.contractId(), LedgerRequestType.EVALUATE, n.enterpriseId(), "bank", null, Map.of(), hour);
            waitFor.add(n.contractId() + "/apply");
            waitFor.add(n.contractId() + "/evaluate");
        }
        await(waitFor);
        List<Evaluation> out = new ArrayList<>();
        for (Need n : needs) {
            LedgerReceipt applied = receipts.get(n.contractId() + "/apply");
            LedgerReceipt evaluated = receipts.get(n.contractId() + "/evaluate");
            if (applied.getStatus() != ReceiptStatus.COMMITTED || evaluated.getStatus() != ReceiptStatus.COMMITTED) {
                LedgerReceipt bad = applied.getStatus() != ReceiptStatus.COMMITTED ? applied : evaluated;
                out.add(new Evaluation(n.contractId(), false, Double.NaN, Double.NaN, Double.NaN, 0, null, bad.getReason(),
                        seconds(sent.get(n.contractId()), receivedNanos.get(n.contractId() + "/evaluate"))));
                continue;
            }
            // the bank reads the credential the evaluation contract stored on the case
            JsonNode credential = readCase(n.contractId()).path("credential");
            out.add(new Evaluation(n.contractId(), true, credential.path("c").asDouble(), credential.path("h").asDouble(),
                    credential.path("p").asDouble(), credential.path("lmax").asDouble(), credential.path("rateBand").asText(),
                    null, seconds(sent.get(n.contractId()), System.nanoTime())));
        }
        return out;
    }

    @Override
    public List<Outcome> decide(List<Decision> decisions, double hour) {
        Map<String, Long> sent = new HashMap<>();
        List<String> waitFor = new ArrayList<>();
        for (Decision d : decisions) {
            sent.put(d.contractId(), System.nanoTime());
            if (d.approve()) {
                send(d.contractId() + "/approve", d.contractId(), LedgerRequestType.APPROVE, d.enterpriseId(), "bank", null, Map.of(), hour);
                send(d.contractId() + "/fund", d.contractId(), LedgerRequestType.FUND, d.enterpriseId(), "bank", d.amount(), Map.of(), hour);
                waitFor.add(d.contractId() + "/approve");
                waitFor.add(d.contractId() + "/fund");
            } else {
                send(d.contractId() + "/reject", d.contractId(), LedgerRequestType.REJECT, d.enterpriseId(), "bank", null,
                        Map.of("reason", "credit score below the bank's floor"), hour);
                waitFor.add(d.contractId() + "/reject");
            }
        }
        await(waitFor);
        List<Outcome> out = new ArrayList<>();
        for (Decision d : decisions) {
            String last = d.contractId() + (d.approve() ? "/fund" : "/reject");
            LedgerReceipt r = receipts.get(last);
            LedgerReceipt first = receipts.get(d.contractId() + (d.approve() ? "/approve" : "/reject"));
            boolean funded = d.approve() && first.getStatus() == ReceiptStatus.COMMITTED && r.getStatus() == ReceiptStatus.COMMITTED;
            if (funded) {
                fundedByCase.put(d.contractId(), d.amount());
            }
            String reason = first.getStatus() != ReceiptStatus.COMMITTED ? first.getReason() : r.getReason();
            out.add(new Outcome(d.contractId(), funded ? d.amount() : 0, r.getContractState(), reason,
                    seconds(sent.get(d.contractId()), receivedNanos.get(last))));
        }
        return out;
    }

    @Override
    public void settle(List<Settlement> settlements, double hour) {
        for (Settlement s : settlements) {
            String c = s.contractId();
            double amount = fundedByCase.getOrDefault(c, s.amount());
            switch (s.kind()) {
                case REPAID_ON_TIME -> {
                    send(c + "/repay", c, LedgerRequestType.REPAY, s.enterpriseId(), "supplier", amount, Map.of(), hour);
                    unsettled.add(c + "/repay");
                }
                case REPAID_LATE -> {
                    send(c + "/overdue", c, LedgerRequestType.MARK_OVERDUE, s.enterpriseId(), "bank", null, Map.of(), hour);
                    send(c + "/repay", c, LedgerRequestType.REPAY, s.enterpriseId(), "supplier", amount, Map.of(), hour);
                    unsettled.addAll(List.of(c + "/overdue", c + "/repay"));
                }
                case DEFAULTED -> {
                    send(c + "/overdue", c, LedgerRequestType.MARK_OVERDUE, s.enterpriseId(), "bank", null, Map.of(), hour);
                    send(c + "/default", c, LedgerRequestType.DEFAULT, s.enterpriseId(), "bank", null, Map.of(), hour);
                    unsettled.addAll(List.of(c + "/overdue", c + "/default"));
                }
            }
        }
    }

    /**
     * Before a decision: every reading sent so far has reached the twin (each enterprise's health is at least as new
     * as its latest published reading) and every repayment or default sent has its receipt, so C is computed on the
     * same state the model is in and on the history the ledger holds.
     */
    private void catchUp() {
        long t0 = System.nanoTime();
        gateway.flush(RECEIPT_TIMEOUT.toMillis());
        await(unsettled);
        unsettled.clear();
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        while (true) {
            String behind = null;
            for (Map.Entry<String, Instant> e : published.entrySet()) {
                Instant seen = healthSeen.get(e.getKey());
                if (seen == null || seen.isBefore(e.getValue())) {
                    behind = e.getKey();
                    break;
                }
            }
            if (behind == null) {
                break;
            }
            if (System.nanoTime() > deadline) {
                // decide on what the twin has, as a live bank would; counted and reported with the results
                lateTwin++;
                LOG.warn("deciding on a twin that has not caught up within {}: health of {} is at {}, its latest reading at {}",
                        RECEIPT_TIMEOUT, behind, healthSeen.get(behind), published.get(behind));
                break;
            }
            poll();
        }
        syncNanos += System.nanoTime() - t0;
        syncs++;
    }

    private void send(String requestId, String contractId, LedgerRequestType type, String enterpriseId, String submitter,
                      Double amount, Map<String, String> attributes, double hour) {
        LedgerRequest r = LedgerRequest.newBuilder().setRequestId(requestId).setContractId(contractId).setType(type)
                .setEnterpriseId(enterpriseId).setSubmitterOrg(submitter).setAmount(amount).setAttributes(new HashMap<>(attributes))
                .setTime(Instant.now()).build();
        requests.send(new ProducerRecord<>(Topics.LEDGER_REQUESTS.name(), enterpriseId, r));
        requestCount++;
    }

    private void await(List<String> requestIds) {
        requests.flush();
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        for (String id : requestIds) {
            while (!receipts.containsKey(id)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no receipt for ledger request " + id + " within " + RECEIPT_TIMEOUT);
                }
                poll();
            }
        }
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> rec : answers.poll(Duration.ofMillis(20))) {
            if (rec.value() == null) {
                continue;
            }
            if (rec.topic().equals(Topics.LEDGER_RECEIPTS.name())) {
                LedgerReceipt r = receiptReader.deserialize(rec.topic(), rec.value());
                if (receipts.putIfAbsent(r.getRequestId(), r) == null) {
                    receivedNanos.put(r.getRequestId(), System.nanoTime());
                }
            } else {
                HealthIndex h = healthReader.deserialize(rec.topic(), rec.value());
                healthSeen.merge(h.getEnterpriseId(), h.getTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    private JsonNode readCase(String contractId) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.http().url() + "/api/ledger/contracts/"
                    + URLEncoder.encode(contractId, StandardCharsets.UTF_8).replace("+", "%20"))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("ledger answered " + r.statusCode() + " for case " + contractId + ": " + r.body());
            }
            return HttpApi.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read case " + contractId + " from the ledger: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading case " + contractId, e);
        }
    }

    private double seconds(long from, Long to) {
        double s = (to == null ? System.nanoTime() : to) - from;
        requestSeconds.add(s / 1e9);
        return s / 1e9;
    }

    /** Contract ids of every case filed so far, in filing order. */
    public List<String> cases() {
        return List.copyOf(cases);
    }

    /** Readings published so far. */
    public long readings() {
        return readings;
    }

    /** Requests sent to {@code ledger.requests} so far. */
    public int requests() {
        return requestCount;
    }

    @Override
    public String describe() {
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        double[] s = requestSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "live services (MQTT/HiveMQ CE -> twin-ingest -> twin-streams -> ledger-bridge, embedded"
                        + " ledger): %d readings over MQTT (enterprises every %d h, equipment and orders every %d h), %.0f readings/s"
                        + " of wall time; %d ledger requests; request legs median %.3f s, max %.3f s; waiting for the twin to"
                        + " catch up before decisions %.1f s over %d decision days (%d decided on a twin still behind); %.0f s"
                        + " wall in all",
                readings, enterpriseEveryHours, equipmentEveryHours, readings / Math.max(1e-9, wall), requestCount,
                s.length == 0 ? Double.NaN : s[s.length / 2], s.length == 0 ? Double.NaN : s[s.length - 1], syncNanos / 1e9, syncs, lateTwin, wall);
    }

    @Override
    public void close() {
        try {
            await(unsettled);
        } catch (RuntimeException e) {
            LOG.warn("closing with unanswered settlements: {}", e.getMessage());
        }
        gateway.close();
        requests.close();
        answers.close();
        app.close();
    }
}
