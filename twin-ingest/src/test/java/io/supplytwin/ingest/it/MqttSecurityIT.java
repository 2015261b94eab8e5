package io.supplytwin.ingest.it;

import static io.supplytwin.ingest.it.IngestTestKit.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.ingest.payload.TelemetryPayloads;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.TempDirs;
import io.supplytwin.platform.mqtt.EmbeddedMqttBroker;
import io.supplytwin.platform.mqtt.TlsNoDelaySocketFactory;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.schemas.avro.TelemetryReading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bridge against the embedded HiveMQ CE with a TLS listener and a required user name and password. The broker's
 * key pair is made for this run with the JDK's keytool (nothing private is in the repository); the bridge trusts its
 * certificate through {@code ingest.mqtt.truststore}.
 */
@ExtendWith(PlatformExtension.class)
class MqttSecurityIT {

    private static final String USER = "gateway-bridge";
    private static final String SECRET = "s3cret-" + unique("pw");
    private static final String STORE_PASSWORD = "changeit-" + unique("ks");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Path dir;
    private static Path truststore;
    private static EmbeddedMqttBroker broker;

    @BeforeAll
    static void secureBroker() throws Exception {
        dir = Files.createTempDirectory("ingest-mqtt-security-");
        Path keystore = dir.resolve("broker.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        Path cert = dir.resolve("broker.pem");
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
                "-file", cert.toString());
        truststore = dir.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
        broker = new EmbeddedMqttBroker(dir.resolve("mqtt"), "127.0.0.1", PortCheck.freePort(), 1000, false)
                .withTls(PortCheck.freePort(), keystore, STORE_PASSWORD)
                .withCredentials(USER, SECRET);
        broker.start(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        TempDirs.deleteQuietly(dir);
    }

    @Test
    void readingsArriveOverTlsWithUserNameAndPassword(EmbeddedPlatform p) throws Exception {
        String ent = unique("tls");
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (IngestService ignored = bridge(ent, broker.tlsUri(), SECRET, truststore, p)) {
            MqttAsyncClient gw = gateway(broker.tlsUri(), SECRET);
            IngestTestKit.publish(gw, TelemetryPayloads.jsonTopic(ent, Level.EQUIPMENT, "press-1"),
                    TelemetryPayloads.json(ts, 1, Map.of("spindle_temp_c", 61.5)));
            gw.disconnect().waitForCompletion();
            List<TelemetryReading> readings = IngestTestKit.readings(p.bootstrapServers(), p.registryUrl(), ent, 1, WAIT);
            assertThat(readings).hasSize(1);
            assertThat(readings.get(0).getValues()).isEqualTo(Map.of("spindle_temp_c", 61.5));
            assertThat(readings.get(0).getEventTime()).isEqualTo(ts);
        }
    }

    @Test
    void aWrongPasswordIsRefusedOnBothListeners(EmbeddedPlatform p) {
        String ent = unique("badpw");
        for (String uri : List.of(broker.tlsUri(), broker.uri())) {
            assertThatThrownBy(() -> bridge(ent, uri, "not-" + SECRET, truststore, p).close()).as(uri)
                    .isInstanceOf(MqttException.class)
                    .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(0x86)); // bad user name or password
        }
    }

    @Test
    void aBrokerCertificateTheBridgeDoesNotTrustStopsTheStart(EmbeddedPlatform p) {
        // without ingest.mqtt.truststore the JVM's default trust applies, which does not know this broker's certificate
        assertThatThrownBy(() -> bridge(unique("untrusted"), broker.tlsUri(), SECRET, null, p).close())
                .isInstanceOf(MqttException.class)
                .hasStackTraceContaining("PKIX");
    }

    private static IngestService bridge(String ent, String uri, String secret, Path trust, EmbeddedPlatform p) throws Exception {
        Map<String, String> set = new HashMap<>(Map.of(
                "ingest.group", "g-" + ent,
                "ingest.client-id", unique("bridge"),
                "ingest.mqtt.topics", "twin/v1/" + ent + "/+/+/telemetry",
                "ingest.mqtt.sparkplug", "false",
                "ingest.mqtt.username", USER,
                "ingest.mqtt.password", secret));
        if (trust != null) {
            set.put("ingest.mqtt.truststore", trust.toString());
            set.put("ingest.mqtt.truststore-password", STORE_PASSWORD);
        }
        return IngestTestKit.bridge(IngestConfig.with(set), p.bootstrapServers(), p.registryUrl(), uri);
    }

    private static MqttAsyncClient gateway(String uri, String secret) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri, unique("gw"), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(TlsNoDelaySocketFactory.trusting(truststore, STORE_PASSWORD));
        o.setUserName(USER);
        o.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        o.setCleanStart(true);
        client.connect(o).waitForCompletion(10_000);
        return client;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
