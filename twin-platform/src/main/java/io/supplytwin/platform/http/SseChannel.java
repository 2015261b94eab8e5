package io.supplytwin.platform.http;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-sent-events stream: every connected browser gets a snapshot on connect, then each broadcast event.
 * Clients that went away are dropped on the next write. A comment line every few seconds keeps proxies from
 * closing idle connections.
 */
public final class SseChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseChannel.class);

    /** One server-sent event: a name and its (JSON) data. */
    public record Event(String name, String data) {
        byte[] wire() {
            StringBuilder sb = new StringBuilder("event: ").append(name).append('\n');
            for (String line : data.split("\n", -1)) {
                sb.append("data: ").append(line).append('\n');
            }
            return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private final Supplier<List<Event>> snapshot;
    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
    private final Thread keepAlive;
    private volatile boolean open = true;

    public SseChannel(Supplier<List<Event>> snapshot, MeterRegistry metrics, String name) {
        this.snapshot = snapshot;
        Gauge.builder("supplytwin.http.sse.clients", clients, List::size).tag("channel", name)
                .description("browsers connected to a live event stream").register(metrics);
        keepAlive = new Thread(this::keepAlive, "sse-keepalive-" + name);
        keepAlive.setDaemon(true);
        keepAlive.start();
    }

    void accept(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        synchronized (out) {
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            for (Event e : snapshot.get()) {
                out.write(e.wire());
            }
            out.flush();
        }
        clients.add(out);
    }

    public void broadcast(Event event) {
        send(event.wire());
    }

    public int clientCount() {
        return clients.size();
    }

    private void send(byte[] bytes) {
        for (OutputStream out : clients) {
            try {
                synchronized (out) {
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException e) {
                clients.remove(out);
                closeQuietly(out);
                LOG.debug("sse client gone: {}", e.getMessage());
            }
        }
    }

    private void keepAlive() {
        byte[] ping = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
        while (open) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
            send(ping);
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the client is gone either way
        }
    }

    @Override
    public void close() {
        open = false;
        keepAlive.interrupt();
        clients.forEach(SseChannel::closeQuietly);
        clients.clear();
    }
}
