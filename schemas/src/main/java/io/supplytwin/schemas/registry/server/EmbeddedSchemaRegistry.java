package io.supplytwin.schemas.registry.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the Confluent REST API over the JDK's HTTP server, keeping schemas and
 * config in a compacted Kafka topic so ids and versions survive restarts. One instance writes to a
 * topic at a time (the Confluent registry elects a leader for that; this one does not).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final int HTTP_THREADS = 4;

    private final SchemaRegistryConfig config;
    private KafkaRegistryLog log;
    private LocalSchemaRegistry registry;
    private HttpServer server;
    private ExecutorService executor;

    public EmbeddedSchemaRegistry(SchemaRegistryConfig config) {
        this.config = config;
    }

    /**
     * Creates the topic if missing, reads it to the end, then listens. Throws {@link
     * IllegalStateException} when the port is taken or Kafka does not answer within the start timeout.
     */
    public synchronized EmbeddedSchemaRegistry start() {
        if (server != null) {
            throw new IllegalStateException("Schema registry already started at " + url());
        }
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new IllegalStateException("Schema registry cannot listen on " + config.host() + ":" + config.port()
                    + ": port " + config.port() + " is already in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Schema registry cannot listen on " + config.host() + ":" + config.port(), e);
        }
        KafkaRegistryLog newLog = new KafkaRegistryLog(config);
        try {
            LocalSchemaRegistry newRegistry = new LocalSchemaRegistry(newLog);
            newRegistry.load();
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
                Thread t = new Thread(r, "schema-registry-http-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            http.createContext("/", new RegistryHttpHandler(newRegistry));
            http.setExecutor(executor);
            http.start();
            log = newLog;
            registry = newRegistry;
            server = http;
        } catch (RuntimeException e) {
            http.stop(0);
            newLog.close();
            if (executor != null) {
                executor.shutdownNow();
            }
            throw e;
        }
        LOG.info("Schema registry listening at {} (topic {}, Kafka {})", url(), config.topic(), config.bootstrapServers());
        return this;
    }

    /** The base URL clients use, with the real port when the configured one was 0. */
    public synchronized String url() {
        if (server == null) {
            throw new IllegalStateException("Schema registry not started");
        }
        InetSocketAddress bound = server.getAddress();
        // listening on every interface: loopback reaches it from this machine
        String host = bound.getAddress().isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress().getHostAddress()
                : bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + bound.getPort();
    }

    /** The registry itself, for in-process callers that need no HTTP round trip. */
    public synchronized LocalSchemaRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("Schema registry not started");
        }
        return registry;
    }

    public SchemaRegistryConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        server = null;
        registry = null;
        log = null;
        LOG.info("Schema registry stopped");
    }
}
