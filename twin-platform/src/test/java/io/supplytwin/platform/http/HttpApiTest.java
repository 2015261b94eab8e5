package io.supplytwin.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplytwin.platform.PortCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK HTTP server behind our routes: path parameters, JSON errors with messages, 404/405, counted statuses. */
class HttpApiTest {

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final HttpClient client = HttpClient.newHttpClient();
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        api = new HttpApi("127.0.0.1", PortCheck.freePort(), metrics);
        api.get("/api/twins/{id}", req -> {
            if (req.pathParam("id").equals("missing")) {
                throw HttpError.notFound("no twin with id 'missing'");
            }
            return HttpApi.json(Map.of("id", req.pathParam("id"), "limit", req.intQuery("limit", 10, 1, 100)));
        });
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(api.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesWithPathAndQueryParameters() throws Exception {
        HttpResponse<String> r = get("/api/twins/eq%2D7?limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body()).contains("\"id\":\"eq-7\"").contains("\"limit\":5");
    }

    @Test
    void badRequestsGetAStatusAndAMessage() throws Exception {
        assertThat(get("/api/twins/missing").statusCode()).isEqualTo(404);
        assertThat(get("/api/twins/missing").body()).contains("no twin with id 'missing'");
        HttpResponse<String> badLimit = get("/api/twins/a?limit=1000");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit").contains("1..100");
        assertThat(get("/api/twins/a?limit=ten").body()).contains("must be an integer");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/twins/a"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(metrics.get("supplytwin.http.requests").tag("status", "404").counter().count()).isEqualTo(3.0);
    }

    @Test
    void healthIsStartingUntilMarkedThenFollowsItsComponents() throws Exception {
        HealthEndpoint health = new HealthEndpoint();
        boolean[] kafkaUp = {true};
        health.register("kafka", () -> kafkaUp[0]);
        health.install(api);
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/health").body()).contains("STARTING");
        health.markStarted();
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/health").body()).contains("\"status\":\"UP\"").contains("\"kafka\":\"UP\"");
        kafkaUp[0] = false;
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/health").body()).contains("\"kafka\":\"DOWN\"");
    }
}
