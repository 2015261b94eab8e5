package io.supplytwin.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.platform.PortCheck;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code twin run} gives a user: a ready platform with /health and Prometheus /metrics. */
class TwinApplicationIT {

    @TempDir
    Path dataDir;

    @Test
    void runStartsThePlatformAndAnswersHealthAndMetrics() throws Exception {
        Map<String, String> flags = Map.of(
                "data.dir", dataDir.toString(),
                "kafka.port", String.valueOf(PortCheck.freePort()),
                "kafka.controller-port", String.valueOf(PortCheck.freePort()),
                "registry.port", String.valueOf(PortCheck.freePort()),
                "mqtt.port", String.valueOf(PortCheck.freePort()),
                "http.port", String.valueOf(PortCheck.freePort()));
        Settings settings = Settings.load(PlatformConfig.SETTINGS, null, Map.of(), flags);
        HttpClient http = HttpClient.newHttpClient();
        try (TwinApplication app = new TwinApplication(settings).start()) {
            String base = app.http().url();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"kafka\":\"UP\"")
                    .contains("\"schema-registry\":\"UP\"").contains("\"mqtt\":\"UP\"");

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("jvm_memory_used_bytes")
                    .contains("process_cpu_usage")
                    .contains("kafka_") // Kafka client metrics of the platform's admin client
                    .contains("service=\"twin-app\"");
            assertThat(app.readyMillis()).isPositive();
        }
    }
}
