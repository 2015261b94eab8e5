package io.supplytwin.schemas.registry.server;

import static io.supplytwin.schemas.registry.server.LocalSchemaRegistryTest.V1;
import static io.supplytwin.schemas.registry.server.LocalSchemaRegistryTest.V2_OPTIONAL_FIELD;
import static io.supplytwin.schemas.registry.server.LocalSchemaRegistryTest.V2_REQUIRED_FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.broker.SharedKafka;
import io.supplytwin.schemas.registry.client.CompatibilityLevel;
import io.supplytwin.schemas.registry.client.RegisteredSchema;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded registry on a real broker, driven through the REST client and raw HTTP. */
@ExtendWith(SharedKafka.class)
class EmbeddedSchemaRegistryIT {

    private static SchemaRegistryConfig config;
    private static EmbeddedSchemaRegistry registry;
    private static RestSchemaRegistryClient client;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        config = SchemaRegistryConfig.defaults(SharedKafka.bootstrapServers())
                .withPort(0)
                .withTopic(SchemaRegistryConfig.DEFAULT_TOPIC + "-" + EmbeddedSchemaRegistryIT.class.getSimpleName());
        registry = new EmbeddedSchemaRegistry(config).start();
        client = new RestSchemaRegistryClient(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void registersAndLooksUpLikeConfluent() {
        int id = client.register("reg-value", V1);
        int id2 = client.register("reg-value", V2_OPTIONAL_FIELD);
        int shared = client.register("reg-other-value", V1);

        assertThat(shared).isEqualTo(id);
        assertThat(id2).isNotEqualTo(id);
        RestSchemaRegistryClient fresh = new RestSchemaRegistryClient(registry.url());
        assertThat(fresh.getById(id)).isEqualTo(V1);
        assertThat(fresh.getVersion("reg-value", 1)).isEqualTo(new RegisteredSchema("reg-value", 1, id, V1));
        assertThat(fresh.getLatest("reg-value").id()).isEqualTo(id2);
        assertThat(fresh.lookup("reg-value", V2_OPTIONAL_FIELD).version()).isEqualTo(2);
        assertThat(fresh.versions("reg-value")).containsExactly(1, 2);
        assertThat(fresh.subjects()).contains("reg-value", "reg-other-value");
        assertThat(fresh.register("reg-value", V1)).isEqualTo(id);
        assertThat(fresh.versions("reg-value")).containsExactly(1, 2);
    }

    @Test
    void anIncompatibleChangeIsRefusedWith409() {
        client.register("conflict-value", V1);
        assertThat(client.isCompatible("conflict-value", V2_REQUIRED_FIELD)).isFalse();
        assertThat(client.isCompatible("conflict-value", V2_OPTIONAL_FIELD)).isTrue();
        assertThatThrownBy(() -> client.register("conflict-value", V2_REQUIRED_FIELD))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                });
        assertThat(client.versions("conflict-value")).containsExactly(1);
    }

    @Test
    void badSchemasAndBadRequestsAreRefusedWithTheirCodes() throws Exception {
        assertError(send("POST", "/subjects/bad-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"recrd\\\"}\"}"), 422, 42201);
        assertError(send("POST", "/subjects/bad-value/versions", "{\"schema\": 42}"), 422, 42201);
        assertError(send("POST", "/subjects/bad-value/versions", "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"PROTOBUF\"}"), 422, 42201);
        assertError(send("POST", "/subjects/bad-value/versions", "{not json"), 400, 400);
        assertError(send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertError(send("GET", "/subjects/bad-value/versions/0", null), 422, 42202);
        assertError(send("DELETE", "/subjects/bad-value", null), 405, 405);
        assertError(send("GET", "/nowhere", null), 404, 404);
    }

    @Test
    void missingSubjectsVersionsAndIdsAnswer404WithTheirCodes() throws Exception {
        client.register("found-value", V1);
        assertError(send("GET", "/subjects/missing-value/versions/latest", null), 404, 40401);
        assertError(send("GET", "/subjects/found-value/versions/99", null), 404, 40402);
        assertError(send("GET", "/schemas/ids/99999", null), 404, 40403);
        assertThatThrownBy(() -> client.getById(99999)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> client.lookup("missing-value", V1)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void answersInTheRegistrysMediaType() throws Exception {
        HttpResponse<String> response = send("GET", "/subjects", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(RestSchemaRegistryClient.CONTENT_TYPE);
        HttpResponse<String> raw = send("GET", "/schemas/types", null);
        assertThat(json.readTree(raw.body()).get(0).asText()).isEqualTo("AVRO");
    }

    @Test
    void compatibilityIsConfiguredGloballyAndPerSubject() throws Exception {
        assertThat(client.getCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        client.setCompatibility("config-value", CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(client.getCompatibility("config-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(client.getCompatibility("unconfigured-value")).isEqualTo(CompatibilityLevel.BACKWARD);
        assertError(send("GET", "/config/unconfigured-value", null), 404, 40408);
        JsonNode put = json.readTree(send("PUT", "/config/put-value", "{\"compatibility\":\"NONE\"}").body());
        assertThat(put.path("compatibility").asText()).isEqualTo("NONE");
    }

    @Test
    void concurrentRegistrationsGetDistinctIdsAndContiguousVersions() throws Exception {
        client.setCompatibility("concurrent-value", CompatibilityLevel.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Schema schema = new Schema.Parser().parse(
                        "{\"type\":\"record\",\"name\":\"Concurrent" + i + "\",\"fields\":[]}");
                ids.add(pool.submit(() -> new RestSchemaRegistryClient(registry.url()).register("concurrent-value", schema)));
            }
            HashSet<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(16);
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.versions("concurrent-value")).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
    }

    @Test
    void aRestartOnTheSameKafkaKeepsIdsVersionsAndConfig() {
        SchemaRegistryConfig own = config.withTopic(config.topic() + "-restart");
        int id;
        int creditId;
        try (EmbeddedSchemaRegistry first = new EmbeddedSchemaRegistry(own).start()) {
            RestSchemaRegistryClient c = new RestSchemaRegistryClient(first.url());
            id = c.register("restart-value", V1);
            c.register("restart-value", V2_OPTIONAL_FIELD);
            creditId = c.register("credit-value", CreditAssessment.getClassSchema());
            c.setCompatibility("restart-value", CompatibilityLevel.FORWARD);
            c.setCompatibility(CompatibilityLevel.FULL);
        }
        try (EmbeddedSchemaRegistry second = new EmbeddedSchemaRegistry(own).start()) {
            RestSchemaRegistryClient c = new RestSchemaRegistryClient(second.url());
            assertThat(c.getById(id)).isEqualTo(V1);
            assertThat(c.getById(creditId)).isEqualTo(CreditAssessment.getClassSchema());
            assertThat(c.versions("restart-value")).containsExactly(1, 2);
            assertThat(c.lookup("restart-value", V1).id()).isEqualTo(id);
            assertThat(c.getCompatibility("restart-value")).isEqualTo(CompatibilityLevel.FORWARD);
            assertThat(c.getCompatibility()).isEqualTo(CompatibilityLevel.FULL);
            Schema next = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"AfterRestart\",\"fields\":[]}");
            assertThat(c.register("after-restart-value", next)).isGreaterThan(Math.max(id, creditId));
        }
    }

    @Test
    void aTakenPortIsAClearError() {
        int taken = URI.create(registry.url()).getPort();
        EmbeddedSchemaRegistry second = new EmbeddedSchemaRegistry(config.withPort(taken));
        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + taken);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, int errorCode) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("error_code").asInt()).as(response.body()).isEqualTo(errorCode);
        assertThat(body.path("message").asText()).isNotBlank();
    }
}
