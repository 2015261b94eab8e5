package io.supplytwin.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supplytwin.app.run.TwinApplication;
import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.topic.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live dashboard in a real headless Chromium: the page loads, draws all 59 enterprises, and a node's colour
 * value changes when a new health record arrives on {@code twin.health}. Needs Debian's chromium and
 * {@code npm install} in src/test/browser (CI does both); without them the test is skipped and says why.
 */
class DashboardBrowserIT {

    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path dataDir;

    @Test
    void pageShowsTheNetworkAndAValueChangesWhenNewDataArrives() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed (cd twin-app/src/test/browser && npm install)");
        assumeTrue(commandWorks("node", "--version"), "no node on PATH");

        Settings settings = Settings.load(PlatformConfig.SETTINGS, null, Map.of(), Map.of(
                "data.dir", dataDir.toString(),
                "kafka.port", String.valueOf(PortCheck.freePort()),
                "kafka.controller-port", String.valueOf(PortCheck.freePort()),
                "registry.port", String.valueOf(PortCheck.freePort()),
                "mqtt.port", String.valueOf(PortCheck.freePort()),
                "http.port", String.valueOf(PortCheck.freePort())));
        try (TwinApplication app = new TwinApplication(settings).start();
             KafkaProducer<String, HealthIndex> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.platform().bootstrapServers()),
                     Topics.HEALTH.keySerde(app.registry()).serializer(), Topics.HEALTH.valueSerde(app.registry()).serializer())) {
            String enterprise = "t1-03";
            producer.send(new ProducerRecord<>(Topics.HEALTH.name(), enterprise, health(enterprise, 0.81))).get(30, TimeUnit.SECONDS);
            app.http().route("POST", "/test/new-data", req -> {
                try {
                    producer.send(new ProducerRecord<>(Topics.HEALTH.name(), enterprise, health(enterprise, 0.42))).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return HttpApi.json(Map.of("sent", true));
            });

            String base = app.http().url();
            int nodes = app.network().enterprises().size();
            assertThat(nodes).isEqualTo(59);
            ProcessBuilder pb = new ProcessBuilder("node", "dashboard-check.mjs", base + "/", enterprise, String.valueOf(nodes),
                    base + "/test/new-data").directory(BROWSER_DIR.toFile()).redirectErrorStream(true);
            pb.environment().put("CHROMIUM", CHROMIUM.toString());
            Process p = pb.start();
            boolean finished = p.waitFor(120, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                p.destroyForcibly();
            }
            assertThat(finished).as("browser check finished; output:%n%s", output).isTrue();
            assertThat(output).contains("nodes 59").contains("h before 0.81").contains("h after 0.42").contains("panel h 0.420").contains("OK");
            assertThat(p.exitValue()).as(output).isZero();
        }
    }

    static HealthIndex health(String enterprise, double h) {
        return HealthIndex.newBuilder().setEnterpriseId(enterprise).setTime(Instant.now()).setH(h)
                .setComponents(List.of(HealthComponent.newBuilder().setKey("order_fulfilment").setLabel("Order fulfilment rate")
                        .setValue(0.93).setScore(h).setWeight(0.2).build()))
                .setAlerts(List.of()).build();
    }

    static boolean commandWorks(String... cmd) {
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
