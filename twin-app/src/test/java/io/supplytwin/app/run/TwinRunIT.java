package io.supplytwin.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.http.HttpApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code twin run} gives a newcomer, end to end on the real embedded brokers: every service ready, the
 * simulator's readings going MQTT → bridge → Kafka Streams → health and credit, Prometheus metrics, and the live
 * dashboard in a real headless Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwinRunIT {

    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static TwinApplication app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Settings settings = Settings.load(TwinApplication.SETTINGS, null, Map.of(), Map.of(
                "data.dir", dataDir.toString(),
                "kafka.port", String.valueOf(PortCheck.freePort()),
                "kafka.controller-port", String.valueOf(PortCheck.freePort()),
                "registry.port", String.valueOf(PortCheck.freePort()),
                "mqtt.port", String.valueOf(PortCheck.freePort()),
                "http.port", String.valueOf(PortCheck.freePort()),
                "sim.speed", "300"));
        app = new TwinApplication(settings).start();
        base = app.http().url();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void everyServiceIsReady() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = HttpApi.JSON.readTree(health.body()).get("components");
        for (String c : new String[] {"kafka", "schema-registry", "mqtt", "dashboard", "ledger", "streams", "ingest", "simulator"}) {
            assertThat(components.path(c).asText()).as(c + " in " + health.body()).isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void simulatedReadingsBecomeHealthAndCreditAcrossTheNetwork() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode page = HttpApi.JSON.readTree(get("/api/enterprises?page=0&size=100").body());
            int withHealth = 0;
            int withCredit = 0;
            for (JsonNode e : page.path("items")) {
                withHealth += e.path("h").isNumber() ? 1 : 0;
                withCredit += e.path("c").isNumber() ? 1 : 0;
            }
            assertThat(withHealth).as(page.toString()).isGreaterThanOrEqualTo(30);
            assertThat(withCredit).as(page.toString()).isGreaterThanOrEqualTo(30);
        });
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            HttpResponse<String> credit = get("/api/enterprises/core-01/credit");
            assertThat(credit.statusCode()).isEqualTo(200);
            assertThat(credit.body()).contains("explanation");
        });
    }

    @Test
    @Order(3)
    void metricsCoverPlatformAndServices() throws Exception {
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("jvm_memory_used_bytes", "process_cpu_usage", "kafka_",
                "supplytwin_ingest_accepted_total", "supplytwin_streams_", "supplytwin_http_requests_total");
    }

    @Test
    @Order(4)
    void unknownTwinIs404WithAMessage() throws Exception {
        HttpResponse<String> r = get("/api/twins/no-such-machine");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no-such-machine");
    }

    @Test
    @Order(5)
    void dashboardShowsTheNetworkAndAHealthValueMovesWithNewReadings() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed (cd twin-app/src/test/browser && npm ci)");
        assumeTrue(commandWorks("node", "--version"), "no node on PATH");
        String enterprise = "t1-03";
        // the trigger stops every machine of the enterprise through the simulator; its health must move on the page
        ProcessBuilder pb = new ProcessBuilder("node", "dashboard-check.mjs", base + "/", enterprise,
                String.valueOf(app.network().enterprises().size()), base + "/api/sim/shocks")
                .directory(BROWSER_DIR.toFile()).redirectErrorStream(true);
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        pb.environment().put("TRIGGER_BODY", "{\"kind\":\"machine-failure\",\"target\":\"" + enterprise + "\",\"hours\":48,\"magnitude\":1}");
        Process p = pb.start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("browser check finished; output:%n%s", output).isTrue();
        assertThat(output).contains("nodes 59").contains("h after").contains("OK");
        assertThat(p.exitValue()).as(output).isZero();
    }

    static boolean commandWorks(String... cmd) {
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
