package io.supplytwin.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.streams.TwinStreamsService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two instances of one twin application: any of them answers for any key, the owner's state served either way. */
@ExtendWith(PlatformExtension.class)
class InteractiveQueriesIT {

    private static final List<String> ENTERPRISES = List.of("core-01", "t1-01", "t1-02", "t1-03", "t2-01", "t2-02");
    private final HttpClient client = HttpClient.newHttpClient();

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(HttpApi http, String pathAndQuery) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http.url() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), HttpApi.JSON.readTree(r.body()));
    }

    @Test
    void everyInstanceAnswersForEveryKey(EmbeddedPlatform platform) throws Exception {
        StreamsTestKit kit = new StreamsTestKit(platform);
        String app = StreamsTestKit.unique("queries");
        try (HttpApi httpA = new HttpApi("127.0.0.1", 0, new SimpleMeterRegistry());
             HttpApi httpB = new HttpApi("127.0.0.1", 0, new SimpleMeterRegistry())) {
            httpA.start();
            httpB.start();
            try (TwinStreamsService a = kit.twin(app, StreamsTestKit.tempDir(), httpA);
                 TwinStreamsService b = kit.twin(app, StreamsTestKit.tempDir(), httpB)) {
                kit.produce(StreamsTestKit.dataset());
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        a.metrics().readingsIn() + b.metrics().readingsIn() >= StreamsTestKit.dataset().size()
                                && get(httpA, "/api/enterprises?size=10").status() == 200
                                && get(httpA, "/api/enterprises?size=10").body().get("total").asInt() == ENTERPRISES.size());
                assertThat(a.metrics().readingsIn()).as("both instances own partitions").isPositive();
                assertThat(b.metrics().readingsIn()).as("both instances own partitions").isPositive();

                for (String id : ENTERPRISES) {
                    Answer fromA = get(httpA, "/api/enterprises/" + id + "/health");
                    Answer fromB = get(httpB, "/api/enterprises/" + id + "/health");
                    assertThat(fromA.status()).isEqualTo(200);
                    assertThat(fromB.body()).isEqualTo(fromA.body());
                    assertThat(fromA.body().get("components")).hasSize(12);
                    assertThat(fromA.body().get("components").get(0).get("unit").asText()).isEqualTo("%");
                    Answer credit = get(httpB, "/api/enterprises/" + id + "/credit");
                    assertThat(credit.status()).isEqualTo(200);
                    assertThat(credit.body().get("pSource").asText()).isEqualTo("FALLBACK");
                    assertThat(credit.body().get("explanation").size()).isGreaterThan(5);
                    Answer machine = get(httpA, "/api/twins/" + id + "-eq-01");
                    assertThat(machine.status()).isEqualTo(200);
                    assertThat(machine.body().get("indicators").get(0).get("unit").asText()).isEqualTo("°C");
                    assertThat(get(httpB, "/api/twins/" + id + "-eq-01").body()).isEqualTo(machine.body());
                }

                JsonNode first = get(httpB, "/api/enterprises?page=0&size=4").body();
                JsonNode second = get(httpB, "/api/enterprises?page=1&size=4").body();
                assertThat(first.get("total").asInt()).isEqualTo(6);
                assertThat(first.get("items")).hasSize(4);
                assertThat(second.get("items")).hasSize(2);
                assertThat(first.get("items").get(0).get("enterpriseId").asText()).isEqualTo("core-01");
                assertThat(first.get("items").get(0).get("c").asDouble()).isBetween(0.0, 1.0);

                Answer unknown = get(httpA, "/api/twins/no-such-machine");
                assertThat(unknown.status()).isEqualTo(404);
                assertThat(unknown.body().get("message").asText()).contains("no-such-machine");
                assertThat(get(httpB, "/api/enterprises/nobody/health").status()).isEqualTo(404);
                assertThat(get(httpA, "/api/enterprises?size=0").status()).isEqualTo(400);
                assertThat(get(httpA, "/api/enterprises?page=abc").body().get("message").asText()).contains("page");
            }
        }
    }
}
