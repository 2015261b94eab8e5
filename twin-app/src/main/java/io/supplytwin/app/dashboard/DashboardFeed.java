package io.supplytwin.app.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.supplytwin.core.network.Enterprise;
import io.supplytwin.core.network.SupplierLink;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.http.SseChannel;
import io.supplytwin.platform.service.Service;
import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topic;
import io.supplytwin.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the live dashboard: reads the streams' outputs (health, credit, alerts, forecasts), keeps the latest per
 * enterprise, and pushes changed enterprises to connected browsers twice a second over server-sent events. On start
 * it rewinds each partition a little, so a fresh page shows recent values instead of an empty network.
 */
public final class DashboardFeed implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);
    private static final int REWIND_PER_PARTITION = 500;
    private static final Duration PUSH_INTERVAL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final SupplyNetwork network;
    private final Map<String, EnterpriseView> views = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final SseChannel channel;
    private final Counter undecodable;
    private final Deserializer<HealthIndex> health;
    private final Deserializer<CreditAssessment> credit;
    private final Deserializer<Alert> alerts;
    private final Deserializer<Forecast> forecasts;
    private volatile boolean running;
    private volatile boolean assigned;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread poller;

    public DashboardFeed(String bootstrapServers, SchemaRegistryClient registry, SupplyNetwork network, MeterRegistry metrics) {
        this.bootstrapServers = bootstrapServers;
        this.network = network;
        this.channel = new SseChannel(this::snapshot, metrics, "dashboard");
        this.undecodable = Counter.builder("supplytwin.dashboard.undecodable").description("records the dashboard could not decode")
                .register(metrics);
        this.health = deserializer(Topics.HEALTH, registry);
        this.credit = deserializer(Topics.CREDIT, registry);
        this.alerts = deserializer(Topics.ALERTS, registry);
        this.forecasts = deserializer(Topics.FORECAST, registry);
        network.enterprises().forEach(e -> views.put(e.id(), new EnterpriseView(e.id())));
        registerDomainGauges(metrics);
    }

    /** The supply chain at a glance for Grafana: H and C by tier, how many report, how many are under alert. */
    private void registerDomainGauges(MeterRegistry metrics) {
        for (int tier = 0; tier <= 2; tier++) {
            int t = tier;
            Gauge.builder("supplytwin.domain.health.mean", () -> meanOf(t, v -> v.h)).tag("tier", String.valueOf(t))
                    .description("mean health index H of the enterprises of a tier that report one").register(metrics);
            Gauge.builder("supplytwin.domain.health.min", () -> minOf(t, v -> v.h)).tag("tier", String.valueOf(t))
                    .description("lowest health index H in a tier").register(metrics);
            Gauge.builder("supplytwin.domain.credit.mean", () -> meanOf(t, v -> v.c)).tag("tier", String.valueOf(t))
                    .description("mean credit score C of a tier").register(metrics);
            Gauge.builder("supplytwin.domain.reporting", () -> valuesOf(t, v -> v.h).count()).tag("tier", String.valueOf(t))
                    .description("enterprises of a tier with a health index").register(metrics);
            Gauge.builder("supplytwin.domain.risk.band", () -> views.values().stream()
                            .filter(v -> tierOf(v.id) == t && "RISK_ALERT".equals(v.rateBand)).count()).tag("tier", String.valueOf(t))
                    .description("enterprises of a tier whose credit is in the risk-alert band").register(metrics);
        }
        Gauge.builder("supplytwin.domain.alerting", () -> views.values().stream().filter(EnterpriseView::recentAlert).count())
                .description("enterprises with an alert in the last 10 minutes").register(metrics);
    }

    private int tierOf(String enterpriseId) {
        return network.enterprise(enterpriseId).map(Enterprise::tier).orElse(-1);
    }

    private java.util.stream.DoubleStream valuesOf(int tier, java.util.function.Function<EnterpriseView, Double> field) {
        return views.values().stream().filter(v -> tierOf(v.id) == tier).map(field).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue);
    }

    private double meanOf(int tier, java.util.function.Function<EnterpriseView, Double> field) {
        return valuesOf(tier, field).average().orElse(Double.NaN);
    }

    private double minOf(int tier, java.util.function.Function<EnterpriseView, Double> field) {
        return valuesOf(tier, field).min().orElse(Double.NaN);
    }

    private static <V> Deserializer<V> deserializer(Topic<String, V> topic, SchemaRegistryClient registry) {
        return topic.valueSerde(registry).deserializer();
    }

    /** Routes: the page, its files, the network, the current state and the live stream. */
    public void install(HttpApi api) {
        api.get("/", req -> HttpApi.resource("dashboard/index.html"));
        api.get("/dashboard", req -> HttpApi.resource("dashboard/index.html"));
        api.staticResources("/dashboard/", "dashboard");
        api.get("/api/dashboard/network", req -> HttpApi.json(networkJson()));
        api.get("/api/dashboard/enterprises", req -> HttpApi.json(views.values().stream().map(EnterpriseView::toJson).toList()));
        api.sse("/api/dashboard/events", channel);
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "supplytwin-dashboard-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "supplytwin-dashboard"), new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        poller = new Thread(this::run, "dashboard-feed");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public boolean ready() {
        return running && assigned;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<?, ?> t : List.of(Topics.HEALTH, Topics.CREDIT, Topics.ALERTS, Topics.FORECAST)) {
                consumer.partitionsFor(t.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            consumer.endOffsets(partitions).forEach((tp, end) -> consumer.seek(tp, Math.max(begin.get(tp), end - REWIND_PER_PARTITION)));
            assigned = true;
            long nextPush = System.nanoTime() + PUSH_INTERVAL.toNanos();
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r);
                }
                if (System.nanoTime() >= nextPush) {
                    push();
                    nextPush = System.nanoTime() + PUSH_INTERVAL.toNanos();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("dashboard feed stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    void apply(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            String topic = r.topic();
            if (topic.equals(Topics.HEALTH.name())) {
                HealthIndex h = health.deserialize(topic, r.value());
                EnterpriseView v = view(h.getEnterpriseId());
                v.h = h.getH();
                v.healthTime = h.getTime().toEpochMilli();
                List<Map<String, Object>> comps = new ArrayList<>();
                for (HealthComponent c : h.getComponents()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", c.getKey());
                    m.put("label", c.getLabel());
                    m.put("value", c.getValue());
                    m.put("score", c.getScore());
                    m.put("weight", c.getWeight());
                    comps.add(m);
                }
                v.components = comps;
                dirty.add(v.id);
            } else if (topic.equals(Topics.CREDIT.name())) {
                CreditAssessment c = credit.deserialize(topic, r.value());
                EnterpriseView v = view(c.getEnterpriseId());
                v.c = c.getC();
                v.rateBand = c.getRateBand().name();
                v.rate = c.getRate();
                v.lmax = c.getLmax();
                v.pSource = c.getPSource().name();
                v.creditTime = c.getTime().toEpochMilli();
                dirty.add(v.id);
            } else if (topic.equals(Topics.ALERTS.name())) {
                Alert a = alerts.deserialize(topic, r.value());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("time", a.getTime().toEpochMilli());
                m.put("severity", a.getSeverity().name());
                m.put("kind", a.getKind());
                m.put("message", a.getMessage());
                EnterpriseView v = view(a.getEnterpriseId());
                v.addAlert(m);
                dirty.add(v.id);
            } else if (topic.equals(Topics.FORECAST.name())) {
                Forecast f = forecasts.deserialize(topic, r.value());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", f.getKind().name());
                m.put("values", f.getValues());
                m.put("probability", f.getProbability());
                m.put("model", f.getModel() + " " + f.getModelVersion());
                m.put("time", f.getTime().toEpochMilli());
                m.put("entityId", f.getEntityId());
                if (f.getContributors() != null) {
                    m.put("contributors", f.getContributors().stream().map(c -> Map.of("feature", c.getFeature(),
                            "value", c.getValue())).toList());
                }
                EnterpriseView v = view(f.getEnterpriseId());
                v.forecasts.put(f.getKind().name(), m);
                dirty.add(v.id);
            }
        } catch (RuntimeException e) {
            undecodable.increment();
            LOG.debug("undecodable record on {} at offset {}: {}", r.topic(), r.offset(), e.getMessage());
        }
    }

    private EnterpriseView view(String enterpriseId) {
        return views.computeIfAbsent(enterpriseId, EnterpriseView::new);
    }

    void push() {
        if (dirty.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>(dirty);
        dirty.removeAll(ids);
        List<Map<String, Object>> changed = ids.stream().map(views::get).map(EnterpriseView::toJson).toList();
        channel.broadcast(new SseChannel.Event("enterprises", json(changed)));
    }

    private List<SseChannel.Event> snapshot() {
        return List.of(new SseChannel.Event("enterprises", json(views.values().stream().map(EnterpriseView::toJson).toList())));
    }

    private Map<String, Object> networkJson() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Enterprise e : network.enterprises()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", e.id());
            n.put("name", e.name());
            n.put("role", e.role().name());
            n.put("tier", e.tier());
            n.put("industry", e.industry().name());
            n.put("monthlyRevenue", e.monthlyRevenue());
            nodes.add(n);
        }
        List<Map<String, String>> links = new ArrayList<>();
        for (SupplierLink l : network.links()) {
            links.add(Map.of("supplier", l.supplierId(), "customer", l.customerId()));
        }
        return Map.of("nodes", nodes, "links", links);
    }

    private static String json(Object o) {
        try {
            return HttpApi.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public SseChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (poller != null) {
            try {
                poller.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel.close();
    }
}
