package io.supplytwin.platform.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.supplytwin.platform.PortCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MQTT 3.1.1/5 broker (HiveMQ Community Edition) in this JVM. Anonymous usage statistics are off, the server
 * receive maximum is raised (HiveMQ's default of 10 in-flight QoS 1 messages per client caps throughput), and
 * persistence is in memory unless asked for on disk. Optionally a TLS listener next to the plain one
 * ({@link #withTls}) and a user name and password every client must present ({@link #withCredentials}, checked by
 * an embedded extension: HiveMQ CE has no authentication of its own).
 *
 * <p>What the configuration cannot change (HiveMQ CE 2025.5): a shared subscription's member list is cached for one
 * second (a compile-time constant), so a member that joined less than a second ago gets nothing of a burst that is
 * over within that second; afterwards the group's messages go to its members in random order, each taking up to its
 * receive maximum (at least 50) per poll. A client that sends no receive maximum gets 50 in flight, not 65,535.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Path home;
    private final String host;
    private final int port;
    private final int receiveMaximum;
    private final boolean filePersistence;
    private Tls tls;
    private String username;
    private byte[] password;
    private EmbeddedHiveMQ hivemq;

    private record Tls(int port, Path keystore, String password) {
    }

    public EmbeddedMqttBroker(Path home, String host, int port, int receiveMaximum, boolean filePersistence) {
        this.home = home;
        this.host = host;
        this.port = port;
        this.receiveMaximum = receiveMaximum;
        this.filePersistence = filePersistence;
    }

    /**
     * Also listens with TLS on {@code tlsPort}, presenting the key in {@code keystore} (JKS or PKCS12; the key's
     * password must be the store's). Call before {@link #start}.
     */
    public synchronized EmbeddedMqttBroker withTls(int tlsPort, Path keystore, String keystorePassword) {
        this.tls = new Tls(tlsPort, Objects.requireNonNull(keystore, "keystore"), Objects.requireNonNull(keystorePassword, "keystorePassword"));
        return this;
    }

    /** Only clients connecting with this user name and password are let in (on every listener). Call before {@link #start}. */
    public synchronized EmbeddedMqttBroker withCredentials(String user, String secret) {
        this.username = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public String uri() {
        return "tcp://" + host + ":" + port;
    }

    /** The TLS listener's URI; only when {@link #withTls} was called. */
    public String tlsUri() {
        if (tls == null) {
            throw new IllegalStateException("no TLS listener configured");
        }
        return "ssl://" + host + ":" + tls.port();
    }

    public synchronized void start(Duration timeout) throws Exception {
        if (hivemq != null) {
            return;
        }
        PortCheck.requireFree(host, port, "MQTT");
        if (tls != null) {
            PortCheck.requireFree(host, tls.port(), "MQTT over TLS");
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        writeConfig(conf.resolve("config.xml"));
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap();
        if (username != null) {
            builder.withEmbeddedExtension(EmbeddedExtension.builder().withId("supplytwin-credentials").withName("SupplyTwin credentials")
                    .withVersion("1").withAuthor("SupplyTwin").withPriority(1000).withStartPriority(1000)
                    .withExtensionMain(new CredentialsExtension(username, password)).build());
        }
        hivemq = builder.build();
        hivemq.start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("mqtt broker ready uri={}{} receiveMaximum={} persistence={} credentials={}", uri(), tls == null ? "" : " tls=" + tlsUri(),
                receiveMaximum, filePersistence ? "file" : "in-memory", username == null ? "none (anonymous)" : "required");
    }

    private void writeConfig(Path file) throws IOException {
        String tlsListener = tls == null ? "" : """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(tls.port(), host, xml(tls.keystore().toAbsolutePath().toString()), xml(tls.password()), xml(tls.password()));
        String xml = """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                %s    </listeners>
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
                """.formatted(port, host, tlsListener, receiveMaximum, filePersistence ? "file" : "in-memory");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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

    /** Lets in only the configured user name and password (compared in constant time). */
    private static final class CredentialsExtension implements ExtensionMain {
        private final String username;
        private final byte[] password;

        CredentialsExtension(String username, byte[] password) {
            this.username = username;
            this.password = password;
        }

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            SimpleAuthenticator check = this::authenticate;
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> check);
        }

        private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
            String user = input.getConnectPacket().getUserName().orElse(null);
            byte[] secret = input.getConnectPacket().getPassword().map(EmbeddedMqttBroker.CredentialsExtension::bytes).orElse(new byte[0]);
            if (username.equals(user) && MessageDigest.isEqual(password, secret)) {
                output.authenticateSuccessfully();
            } else {
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong user name or password");
            }
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.duplicate().get(b);
            return b;
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
            // the authenticator goes with the broker
        }
    }
}
