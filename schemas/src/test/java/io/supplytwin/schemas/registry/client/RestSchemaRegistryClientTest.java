package io.supplytwin.schemas.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    @Test
    void registryErrorsCarryStatusCodeAndMessage() {
        SchemaRegistryException e = RestSchemaRegistryClient.errorOf(404,
                "{\"error_code\":40401,\"message\":\"Subject 'x-value' not found.\"}");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(e).hasMessage("Subject 'x-value' not found.");
    }

    @Test
    void conflictAndInvalidSchemaCodesAreKept() {
        assertThat(RestSchemaRegistryClient.errorOf(409, "{\"error_code\":409,\"message\":\"incompatible\"}").errorCode())
                .isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        assertThat(RestSchemaRegistryClient.errorOf(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}").errorCode())
                .isEqualTo(SchemaRegistryException.INVALID_SCHEMA);
    }

    @Test
    void bodiesThatAreNotRegistryErrorsKeepTheStatusAsCode() {
        SchemaRegistryException html = RestSchemaRegistryClient.errorOf(502, "<html>Bad Gateway</html>");
        assertThat(html.errorCode()).isEqualTo(502);
        assertThat(html).hasMessage("<html>Bad Gateway</html>");

        SchemaRegistryException empty = RestSchemaRegistryClient.errorOf(503, "");
        assertThat(empty.errorCode()).isEqualTo(503);
        assertThat(empty).hasMessage("HTTP 503");

        assertThat(RestSchemaRegistryClient.errorOf(500, "{\"message\":\"no code\"}").errorCode()).isEqualTo(500);
    }

    @Test
    void anUnreachableRegistryIsAnIoErrorNamingIt() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        RestSchemaRegistryClient client = new RestSchemaRegistryClient("http://127.0.0.1:" + freePort + "/");
        assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:" + freePort);
        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("127.0.0.1:" + freePort);
        assertThatThrownBy(() -> client.register("s", Schema.create(Schema.Type.STRING)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void compatibilityLevelsParseAsTheApiSpellsThem() {
        assertThat(CompatibilityLevel.parse("backward_transitive")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL);
                });
    }
}
