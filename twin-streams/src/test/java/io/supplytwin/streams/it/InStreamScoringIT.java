package io.supplytwin.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.Forecast;
import io.supplytwin.schemas.avro.ForecastKind;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import io.supplytwin.streams.TwinStreamsService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-stream scoring on the real brokers: five weeks of an enterprise's readings go in through Kafka; DEMAND, ORDERS
 * and RISK records come out committed on twin.forecast, credit switches to the model's P, and the forecast with its
 * full explanation is served over HTTP (404 with a message for an enterprise without enough days).
 */
@ExtendWith(PlatformExtension.class)
class InStreamScoringIT {

    private static final Instant DAY0 = Instant.parse("2026-05-04T00:00:00Z");
    private final HttpClient client = HttpClient.newHttpClient();

    private JsonNode get(HttpApi http, String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(expectedStatus);
        return HttpApi.JSON.readTree(r.body());
    }

    /** An enterprise reporting every 6 hours for {@code days} days: H's 12 indicators and the daily quantities. */
    private static List<TelemetryReading> weeks(String enterprise, int days, long seed) {
        Random random = new Random(seed);
        List<TelemetryReading> out = new ArrayList<>();
        long seq = 0;
        for (int d = 0; d < days; d++) {
            for (int q = 0; q < 4; q++) {
                Map<String, Double> v = new LinkedHashMap<>();
                v.put("order_fulfilment_rate_pct", 97 + random.nextGaussian());
                v.put("quality_pass_rate_pct", 98 + random.nextGaussian() * 0.3);
                v.put("inventory_turnover_ratio", 20.0);
                v.put("capital_turnover_ratio", 3.0);
                v.put("orders_on_time_pct", 95 + random.nextGaussian());
                v.put("dso_days", 35.0);
                v.put("debt_to_asset_pct", 40.0);
                v.put("net_profit_margin_pct", 8.0);
                v.put("current_ratio", 1.6);
                v.put("supplier_otif_pct", 96.0);
                v.put("equipment_availability_pct", 93.0);
                v.put("plant_oee_pct", 78.0);
                double output = 800 + 150 * Math.sin(2 * Math.PI * d / 21.0) + 20 * random.nextGaussian();
                v.put("output_units_day", output);
                v.put("revenue_cny_month", output * 30 * 120);
                v.put("order_intake_cny_month", output * 30 * 120 * (1.02 + 0.03 * random.nextGaussian()));
                v.put("finished_goods_units", 3000 + 200 * random.nextGaussian());
                v.put("raw_material_on_hand_units", 8000 + 300 * random.nextGaussian());
                v.put("overdue_payables_pct", 4 + random.nextDouble());
                v.put("supplier_payments_on_time_pct", 96 + random.nextDouble());
                v.put("credit_line_utilisation_pct", 35 + 5 * random.nextDouble());
                Instant at = DAY0.plus(Duration.ofDays(d)).plus(Duration.ofHours(6L * q));
                out.add(new TelemetryReading(enterprise, TwinLevel.ENTERPRISE, enterprise, ++seq, at, at, v, List.of(),
                        TelemetrySource.JSON));
            }
        }
        return out;
    }

    @Test
    void weeksOfReadingsBecomeCommittedForecastsAndTheModelsP(EmbeddedPlatform platform) throws Exception {
        StreamsTestKit kit = new StreamsTestKit(platform);
        try (HttpApi http = new HttpApi("127.0.0.1", 0, new SimpleMeterRegistry())) {
            http.start();
            try (TwinStreamsService twin = kit.twin(StreamsTestKit.unique("scoring"), StreamsTestKit.tempDir(), http)) {
                List<TelemetryReading> readings = new ArrayList<>(weeks("t1-05", 35, 3));
                readings.addAll(weeks("t2-07", 5, 4));
                kit.produce(readings);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> twin.metrics().readingsIn() >= readings.size() && twin.metrics().forecasts("RISK") >= 5);

                Map<String, List<Forecast>> byKey = kit.readCommitted(kit.topics.forecast());
                List<Forecast> records = byKey.get("t1-05");
                // 34 closed days: forecasts from the 15th, P from the 30th
                assertThat(records.stream().filter(f -> f.getKind() == ForecastKind.DEMAND)).hasSize(34 - 14);
                assertThat(records.stream().filter(f -> f.getKind() == ForecastKind.ORDERS)).hasSize(34 - 14);
                assertThat(records.stream().filter(f -> f.getKind() == ForecastKind.RISK)).hasSize(34 - 29);
                assertThat(byKey).doesNotContainKey("t2-07");
                List<CreditAssessment> credit = kit.readCommitted(kit.topics.credit()).get("t1-05");
                assertThat(credit.get(credit.size() - 1).getPSource()).isEqualTo(ProbabilitySource.MODEL);

                JsonNode f = get(http, "/api/enterprises/t1-05/forecast", 200);
                assertThat(f.get("closedDays").asInt()).isEqualTo(34);
                assertThat(f.get("demand")).hasSize(7);
                assertThat(f.get("recommendedOrder").asDouble() % 16).isZero();
                assertThat(f.get("p").asDouble()).isBetween(0.0, 1.0);
                JsonNode why = f.get("demandExplanation");
                double sum = why.get("base").asDouble();
                for (JsonNode c : why.get("contributions")) {
                    sum += c.get("value").asDouble();
                }
                double meanForecast = 0;
                for (JsonNode v : f.get("demand")) {
                    meanForecast += v.asDouble() / 7;
                }
                assertThat(sum).as("SHAP: base + contributions = mean forecast").isCloseTo(meanForecast, within(1e-2));
                assertThat(f.get("riskExplanation").get("contributions").size()).isPositive();

                assertThat(get(http, "/api/enterprises/t2-07/forecast", 404).get("message").asText()).contains("4 closed days");
                assertThat(get(http, "/api/enterprises/nobody/forecast", 404).get("message").asText()).contains("nobody");
            }
        }
    }
}
