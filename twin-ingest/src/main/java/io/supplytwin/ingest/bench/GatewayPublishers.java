package io.supplytwin.ingest.bench;

import io.supplytwin.platform.mqtt.TcpNoDelaySocketFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The simulated gateways: four Paho connections publishing QoS 1, each with at most {@value #WINDOW} messages
 * awaiting the broker's acknowledgement. Runs in the benchmark's JVM or in a child JVM of its own
 * ({@code --publishers-only}), so the bridge can be measured without the publishers on its cores.
 */
final class GatewayPublishers {

    static final int CONNECTIONS = 4;
    static final String RAW_TOPIC_PREFIX = "bench/raw/";
    private static final int WINDOW = 200;

    private GatewayPublishers() {
    }

    /** What one run published (acknowledged by the broker) and how long it took. */
    record Published(long count, double seconds) {
    }

    /**
     * Publishes messages {@code 0..total-1} of the load at {@code rate} per second, spread over the connections;
     * {@code onStart} runs once they are connected, just before the first message.
     */
    static Published paced(String uri, String clientPrefix, GatewayLoad load, int rate, long total, long seqBase, Runnable onStart)
            throws Exception {
        List<Window> pubs = connect(uri, clientPrefix);
        onStart.run();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < pubs.size(); p++) {
            int lane = p;
            Window pub = pubs.get(p);
            threads.add(started(() -> {
                for (long n = lane; n < total; n += pubs.size()) {
                    long wait = t0 + (long) (n * 1e9 / rate) - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    pub.publish(load.topic(n), load.payload(n, seqBase, Instant.now()));
                }
            }));
        }
        return finish(pubs, threads, t0);
    }

    /** Publishes a flat payload of {@code bytes} as fast as the broker acknowledges, for {@code duration}. */
    static Published flat(String uri, String clientPrefix, int bytes, Duration duration, Runnable onStart) throws Exception {
        byte[] payload = new byte[bytes];
        Arrays.fill(payload, (byte) 'x');
        List<Window> pubs = connect(uri, clientPrefix);
        onStart.run();
        long t0 = System.nanoTime();
        long end = t0 + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Window pub : pubs) {
            threads.add(started(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    pub.publish(RAW_TOPIC_PREFIX + (n++ % 100), payload);
                }
            }));
        }
        return finish(pubs, threads, t0);
    }

    private static Published finish(List<Window> pubs, List<Thread> threads, long t0) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
        long count = 0;
        for (Window w : pubs) {
            w.drain();
            count += w.acked.get();
            w.close();
        }
        return new Published(count, (System.nanoTime() - t0) / 1e9);
    }

    private static List<Window> connect(String uri, String prefix) throws Exception {
        List<Window> pubs = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            pubs.add(new Window(client(uri, prefix + "-" + i, 0)));
        }
        return pubs;
    }

    /** A clean-start connection; {@code receiveMaximum} 0 leaves it to the broker's default. */
    static MqttAsyncClient client(String uri, String id, int receiveMaximum) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, id, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        if (receiveMaximum > 0) {
            o.setReceiveMaximum(receiveMaximum);
        }
        o.setSocketFactory(new TcpNoDelaySocketFactory());
        o.setCleanStart(true);
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r, "bench-publisher");
        t.start();
        return t;
    }

    /** One publisher connection with a bounded window of unacknowledged QoS 1 messages; blocks (no spinning) when full. */
    private static final class Window {
        private final MqttAsyncClient client;
        private final Semaphore window = new Semaphore(WINDOW);
        private final AtomicLong acked = new AtomicLong();
        private final MqttActionListener done = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acked.incrementAndGet();
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                window.release();
            }
        };

        Window(MqttAsyncClient client) {
            this.client = client;
        }

        void publish(String topic, byte[] payload) {
            MqttMessage m = new MqttMessage(payload);
            m.setQos(1);
            window.acquireUninterruptibly();
            try {
                client.publish(topic, m, null, done);
            } catch (Exception e) {
                window.release();
            }
        }

        void drain() throws InterruptedException {
            if (window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)) {
                window.release(WINDOW);
            }
        }

        void close() {
            try {
                client.disconnect().waitForCompletion(5_000);
                client.close();
            } catch (Exception ignored) {
                // benchmark teardown
            }
        }
    }
}
