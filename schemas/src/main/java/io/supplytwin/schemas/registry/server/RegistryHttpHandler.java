package io.supplytwin.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.supplytwin.schemas.registry.client.CompatibilityLevel;
import io.supplytwin.schemas.registry.client.RegisteredSchema;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API, answered from a {@link LocalSchemaRegistry}. Errors are
 * answered as the Confluent registry answers them: {@code {"error_code": 40401, "message": "…"}}.
 */
final class RegistryHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final LocalSchemaRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttpHandler(LocalSchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            JsonNode answer = route(method, segments(path), exchange);
            respond(exchange, 200, answer);
        } catch (SchemaRegistryException e) {
            LOG.debug("{} {} -> {} {}", method, path, e.status(), e.getMessage());
            respond(exchange, e.status(), error(e.errorCode(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, path, e);
            respond(exchange, 500, error(50001, "Internal error: " + e));
        } finally {
            exchange.close();
        }
    }

    private JsonNode route(String method, List<String> p, HttpExchange exchange) throws IOException {
        int n = p.size();
        if (n == 0) {
            return only(method, "GET", json.createObjectNode());
        }
        switch (p.get(0)) {
            case "schemas":
                if (n == 2 && p.get(1).equals("types")) {
                    only(method, "GET", null);
                    return json.createArrayNode().add("AVRO");
                }
                if (n == 3 && p.get(1).equals("ids")) {
                    only(method, "GET", null);
                    return json.createObjectNode().put("schema", registry.getById(schemaId(p.get(2))).toString());
                }
                break;
            case "subjects":
                return subjects(method, p, exchange);
            case "compatibility":
                if (n == 5 && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
                    only(method, "POST", null);
                    boolean ok = registry.isCompatible(p.get(2), version(p.get(4)), schemaOf(body(exchange)));
                    return json.createObjectNode().put("is_compatible", ok);
                }
                break;
            case "config":
                return config(method, p, exchange);
            default:
                break;
        }
        throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
    }

    private JsonNode subjects(String method, List<String> p, HttpExchange exchange) throws IOException {
        int n = p.size();
        if (n == 1) {
            only(method, "GET", null);
            ArrayNode subjects = json.createArrayNode();
            registry.subjects().forEach(subjects::add);
            return subjects;
        }
        String subject = p.get(1);
        if (n == 2) {
            if (method.equals("DELETE")) {
                throw deleteNotSupported();
            }
            only(method, "POST", null);
            return registered(registry.lookup(subject, schemaOf(body(exchange))));
        }
        if (!p.get(2).equals("versions") || n > 5) {
            throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
        }
        if (n == 3) {
            if (method.equals("POST")) {
                int id = registry.register(subject, schemaOf(body(exchange)));
                return json.createObjectNode().put("id", id);
            }
            only(method, "GET", null);
            ArrayNode versions = json.createArrayNode();
            registry.versions(subject).forEach(versions::add);
            return versions;
        }
        if (method.equals("DELETE")) {
            throw deleteNotSupported();
        }
        only(method, "GET", null);
        RegisteredSchema found = registry.getVersion(subject, version(p.get(3)));
        if (n == 5) {
            if (!p.get(4).equals("schema")) {
                throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
            }
            return json.readTree(found.schema().toString());
        }
        return registered(found);
    }

    private JsonNode config(String method, List<String> p, HttpExchange exchange) throws IOException {
        if (p.size() > 2) {
            throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
        }
        String subject = p.size() == 2 ? p.get(1) : null;
        if (method.equals("PUT")) {
            JsonNode body = body(exchange);
            CompatibilityLevel level = CompatibilityLevel.parse(body.path("compatibility").asText(null));
            if (subject == null) {
                registry.setCompatibility(level);
            } else {
                registry.setCompatibility(subject, level);
            }
            return json.createObjectNode().put("compatibility", level.name());
        }
        if (method.equals("DELETE")) {
            throw deleteNotSupported();
        }
        only(method, "GET", null);
        CompatibilityLevel level;
        if (subject == null) {
            level = registry.getCompatibility();
        } else {
            Optional<CompatibilityLevel> own = registry.subjectCompatibility(subject);
            if (own.isEmpty() && !queryFlag(exchange, "defaultToGlobal")) {
                throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                        "Subject '" + subject + "' does not have subject-level compatibility configured");
            }
            level = own.orElseGet(registry::getCompatibility);
        }
        return json.createObjectNode().put("compatibilityLevel", level.name());
    }

    private ObjectNode registered(RegisteredSchema found) {
        return json.createObjectNode()
                .put("subject", found.subject())
                .put("version", found.version())
                .put("id", found.id())
                .put("schema", found.schema().toString());
    }

    private JsonNode body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new SchemaRegistryException(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new SchemaRegistryException(400, 400, "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException(400, 400, "Malformed JSON request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schemaOf(JsonNode body) {
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Schema type " + type + " is not supported; this registry holds AVRO schemas only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Schema references are not supported; inline the referenced types");
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Request must carry the schema as a JSON string in field \"schema\"");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (RuntimeException e) {
            // Avro reports some invalid schemas (e.g. an unknown type name) with a NullPointerException
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid schema: " + e.getMessage());
        }
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    private static int version(String text) {
        if (text.equals("latest") || text.equals("-1")) {
            return SchemaRegistryClient.LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION,
                "The specified version '" + text + "' is not a valid version id. "
                        + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static <T> T only(String method, String allowed, T answer) {
        if (!method.equals(allowed)) {
            throw new SchemaRegistryException(405, 405, "HTTP 405 Method Not Allowed");
        }
        return answer;
    }

    private static SchemaRegistryException deleteNotSupported() {
        return new SchemaRegistryException(405, 405,
                "Deleting is not supported by the embedded schema registry; ids and versions are permanent");
    }

    private static boolean queryFlag(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return false;
        }
        return Arrays.stream(query.split("&")).anyMatch(kv -> kv.equalsIgnoreCase(name + "=true"));
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                // a '+' in a path is a plus sign, not a space
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private ObjectNode error(int code, String message) {
        return json.createObjectNode().put("error_code", code).put("message", message);
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
