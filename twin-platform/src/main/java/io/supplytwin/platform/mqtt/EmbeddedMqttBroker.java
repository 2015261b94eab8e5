package io.supplytwin.platform.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.supplytwin.platform.PortCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MQTT 3.1.1/5 broker (HiveMQ Community Edition) in this JVM. Anonymous usage statistics are off, the server
 * receive maximum is raised (HiveMQ's default of 10 in-flight QoS 1 messages per client caps throughput), and
 * persistence is in memory unless asked for on disk.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Path home;
    private final String host;
    private final int port;
    private final int receiveMaximum;
    private final boolean filePersistence;
    private EmbeddedHiveMQ hivemq;

    public EmbeddedMqttBroker(Path home, String host, int port, int receiveMaximum, boolean filePersistence) {
        this.home = home;
        this.host = host;
        this.port = port;
        this.receiveMaximum = receiveMaximum;
        this.filePersistence = filePersistence;
    }

    public String uri() {
        return "tcp://" + host + ":" + port;
    }

    public synchronized void start(Duration timeout) throws Exception {
        if (hivemq != null) {
            return;
        }
        PortCheck.requireFree(host, port, "MQTT");
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        writeConfig(conf.resolve("config.xml"));
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("mqtt broker ready uri={} receiveMaximum={} persistence={}", uri(), receiveMaximum,
                filePersistence ? "file" : "in-memory");
    }

    private void writeConfig(Path file) throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                        <queued-messages>
                            <max-queue-size>100000</max-queue-size>
                            <strategy>discard-oldest</strategy>
                        </queued-messages>
                    </mqtt>
                    <persistence>
                        <mode>%s</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, host, receiveMaximum, filePersistence ? "file" : "in-memory");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() throws Exception {
        if (hivemq == null) {
            return;
        }
        LOG.info("stopping mqtt broker {}", uri());
        hivemq.stop().get(30, TimeUnit.SECONDS);
        hivemq.close();
        hivemq = null;
    }
}
