package io.supplytwin.platform.kafka;

import io.supplytwin.platform.PortCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka (KRaft, combined broker + controller) running in this JVM. The log directory is
 * formatted on first start and reused afterwards, so topics and records survive a restart on the same directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(Path logDir, String host, int port, int controllerPort) {
        this.logDir = logDir;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public synchronized void start(Duration timeout) throws Exception {
        if (server != null) {
            return;
        }
        PortCheck.requireFree(host, port, "Kafka");
        PortCheck.requireFree(host, controllerPort, "Kafka controller");
        Files.createDirectories(logDir);
        Properties props = brokerProperties();
        formatIfNeeded();
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(timeout);
        LOG.info("kafka broker ready bootstrap={} logDir={}", bootstrapServers(), logDir);
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // single node: internal topics cannot have more than one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a restart the controller keeps the previous broker incarnation's registration alive for one session
        // timeout before the new incarnation may register (9 s by default): a short session makes warm starts fast.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "2500");
        p.put("auto.create.topics.enable", "false");
        // a laptop's disk is the budget: small segments, a week of retention unless a topic says otherwise
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        // Offset and time indexes sized for those segments: an entry per 4 KB of log fills 128 KB / 192 KB of a 64 MB
        // segment, and the broker maps each index file whole. Kafka's 10 MB (sized for 1 GB segments) made every new
        // partition and segment fault in up to 20 MB of zero pages where the kernel reads ahead far (8 MB on the
        // benchmark machine): the broker's request threads spent half their kernel time zeroing them.
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("log.retention.hours", "168");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        return p;
    }

    private void formatIfNeeded() throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
        LOG.info("formatted new kafka log dir {}: {}", logDir, out.toString(StandardCharsets.UTF_8).trim());
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready within " + timeout, last);
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        LOG.info("stopping kafka broker {}", bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }
}
