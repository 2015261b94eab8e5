package io.supplytwin.schemas.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caching client of the Confluent Schema Registry REST API, on the JDK's HTTP client. Works
 * against a Confluent Schema Registry and against SupplyTwin's embedded registry alike.
 *
 * <p>Ids never change meaning, so id → schema and (subject, schema) → id are cached for the life of
 * the client; subject listings, versions and config are always asked fresh. Transport failures are
 * {@link UncheckedIOException}s, answers with an error status are {@link SchemaRegistryException}s.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** The registry's own media type; requests and answers carry it. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final String baseUrl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, String schema) {}

    /** A client of the registry at {@code baseUrl}, e.g. {@code http://localhost:8081}. */
    public RestSchemaRegistryClient(String baseUrl) {
        this(baseUrl, DEFAULT_TIMEOUT);
    }

    public RestSchemaRegistryClient(String baseUrl, Duration requestTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt();
        remember(key, id, schema);
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        requireAvro(answer);
        Schema schema = parse(answer.path("schema").asText());
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return registered(send("GET", "/subjects/" + encode(subject) + "/versions/" + versionPath(version), null));
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        RegisteredSchema found = registered(send("POST", "/subjects/" + encode(subject), schemaBody(schema)));
        remember(new SubjectSchema(subject, schema.toString()), found.id(), schema);
        return found;
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        subjects.sort(null);
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    @Override
    public boolean isCompatible(String subject, int version, Schema schema) {
        JsonNode answer = send("POST",
                "/compatibility/subjects/" + encode(subject) + "/versions/" + versionPath(version), schemaBody(schema));
        return answer.path("is_compatible").asBoolean(false);
    }

    @Override
    public CompatibilityLevel getCompatibility() {
        return CompatibilityLevel.parse(send("GET", "/config", null).path("compatibilityLevel").asText(null));
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        try {
            JsonNode answer = send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null);
            return CompatibilityLevel.parse(answer.path("compatibilityLevel").asText(null));
        } catch (SchemaRegistryException e) {
            // registries older than defaultToGlobal answer "not configured" for subjects without a level
            if (e.errorCode() == SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED
                    || e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return getCompatibility();
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        send("PUT", "/config", configBody(level));
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        send("PUT", "/config/" + encode(subject), configBody(level));
    }

    private void remember(SubjectSchema key, int id, Schema schema) {
        idsBySubjectSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, schema);
    }

    private RegisteredSchema registered(JsonNode answer) {
        requireAvro(answer);
        Schema schema = parse(answer.path("schema").asText());
        int id = answer.path("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(answer.path("subject").asText(), answer.path("version").asInt(), id, schema);
    }

    private static void requireAvro(JsonNode answer) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "Schema type " + type + " is not supported by this client; only AVRO is");
        }
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private String schemaBody(Schema schema) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private String configBody(CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode();
        body.put("compatibility", level.name());
        return body.toString();
    }

    private static String versionPath(int version) {
        return version == LATEST ? "latest" : Integer.toString(version);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Schema registry " + baseUrl + " unreachable: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted: " + method + " " + baseUrl + path));
        }
        if (response.statusCode() / 100 != 2) {
            SchemaRegistryException error = errorOf(response.statusCode(), response.body());
            LOG.debug("{} {} -> {}", method, path, error);
            throw error;
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(response.statusCode(), response.statusCode(),
                    "Unreadable answer to " + method + " " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code {"error_code":…,"message":…}}; a body without it keeps the status as the code. */
    static SchemaRegistryException errorOf(int status, String body) {
        try {
            JsonNode node = new ObjectMapper().readTree(body);
            if (node != null && node.has("error_code")) {
                return new SchemaRegistryException(status, node.path("error_code").asInt(status),
                        node.path("message").asText(""));
            }
        } catch (IOException notJson) {
            // fall through: an answer from something that is not the registry (a proxy, a wrong URL)
        }
        String text = body == null || body.isBlank() ? "HTTP " + status : body.strip();
        return new SchemaRegistryException(status, status, text);
    }
}
