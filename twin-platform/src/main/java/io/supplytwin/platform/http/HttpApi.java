package io.supplytwin.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supplytwin.platform.PortCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a SupplyTwin process, on the JDK's built-in server (no framework to learn or start).
 * Services add routes like {@code GET /api/twins/{id}}; handlers return a {@link Response} or throw
 * {@link HttpError} for a 4xx with a JSON {@code {"status":…,"message":…}} body. Unknown paths answer 404,
 * wrong methods 405, and unexpected failures 500 — all counted by status.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final String JSON_TYPE = "application/json; charset=utf-8";

    private record Route(String method, Pattern pattern, List<String> params, Function<Request, Response> handler) {
    }

    private final String host;
    private final int port;
    private final MeterRegistry metrics;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, SseChannel> streams = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, Counter> requests = new java.util.concurrent.ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    public HttpApi(String host, int port, MeterRegistry metrics) {
        this.host = host;
        this.port = port;
        this.metrics = metrics;
    }

    /** Adds a route; {@code {name}} in the path template matches one path segment. */
    public synchronized HttpApi route(String method, String template, Function<Request, Response> handler) {
        List<String> params = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            params.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), params, handler));
        return this;
    }

    /** Serves a server-sent-events stream at a fixed path. */
    public HttpApi sse(String path, SseChannel channel) {
        streams.put(path, channel);
        return this;
    }

    /** Serves a classpath resource folder (e.g. a web page and its scripts) under a path prefix. */
    public HttpApi staticResources(String prefix, String classpathFolder) {
        return get(prefix.endsWith("/") ? prefix + "{file}" : prefix + "/{file}", req -> {
            String file = req.pathParam("file");
            if (!file.matches("[A-Za-z0-9_.-]+") || file.startsWith(".")) {
                throw HttpError.badRequest("bad file name: " + file);
            }
            return resource(classpathFolder + "/" + file);
        });
    }

    /** A classpath resource as a response, with its content type from the file extension; 404 when absent. */
    public static Response resource(String path) {
        try (InputStream in = HttpApi.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw HttpError.notFound("no such file: " + path.substring(path.lastIndexOf('/') + 1));
            }
            return new Response(200, contentType(path), in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String contentType(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (p.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (p.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (p.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (p.endsWith(".png")) {
            return "image/png";
        } else if (p.endsWith(".json")) {
            return JSON_TYPE;
        }
        return "application/octet-stream";
    }

    public HttpApi get(String template, Function<Request, Response> handler) {
        return route("GET", template, handler);
    }

    public static Response json(int status, Object body) {
        try {
            return new Response(status, JSON_TYPE, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static Response json(Object body) {
        return json(200, body);
    }

    public synchronized void start() throws IOException {
        PortCheck.requireFree(host, port, "HTTP");
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "http-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("http api listening on {}", url());
    }

    public int port() {
        return server == null ? port : server.getAddress().getPort();
    }

    public String url() {
        return "http://" + host + ":" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        SseChannel stream = streams.get(ex.getRequestURI().getPath());
        if (stream != null && "GET".equals(ex.getRequestMethod())) {
            stream.accept(ex); // stays open; the channel writes to it and drops it when the browser leaves
            return;
        }
        Response response;
        try {
            response = dispatch(ex);
        } catch (HttpError e) {
            response = error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            response = error(500, "internal error: " + e.getClass().getSimpleName());
        }
        requests.computeIfAbsent(response.status(), status -> Counter.builder("supplytwin.http.requests")
                .tag("status", String.valueOf(status)).description("HTTP requests answered, by status").register(metrics))
                .increment();
        ex.getResponseHeaders().set("Content-Type", response.contentType());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(response.status(), head || response.body().length == 0 ? -1 : response.body().length);
        if (!head && response.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(response.body());
            }
        }
        ex.close();
    }

    private Response dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = "HEAD".equals(ex.getRequestMethod()) ? "GET" : ex.getRequestMethod();
        boolean pathKnown = false;
        List<Route> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(routes);
        }
        for (Route r : snapshot) {
            Matcher m = r.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!r.method().equals(method)) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < r.params().size(); i++) {
                params.put(r.params().get(i), java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            return r.handler().apply(new Request(method, path, params, Request.parseQuery(ex.getRequestURI().getRawQuery()), body));
        }
        if (pathKnown) {
            throw new HttpError(405, "method " + ex.getRequestMethod() + " not allowed on " + path);
        }
        throw HttpError.notFound("no such resource: " + path);
    }

    private static Response error(int status, String message) {
        return json(status, Map.of("status", status, "message", message));
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
