package io.supplytwin.sim;

import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.http.HttpError;
import io.supplytwin.platform.http.Request;
import io.supplytwin.platform.http.Response;
import io.supplytwin.platform.service.Service;
import io.supplytwin.sim.gateway.MqttGateway;
import io.supplytwin.sim.model.Reading;
import io.supplytwin.sim.model.SupplyChainModel;
import io.supplytwin.sim.shock.Shock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway simulator as a service: steps the latent supply-chain model one cycle at a time and publishes every
 * twin's reading over MQTT, stamped with the wall-clock time of publication (the bridge rejects readings from the
 * future, and an accelerated clock would run ahead). Shocks come from the configuration at start and, when an
 * {@link HttpApi} is given, from {@code POST /api/sim/shocks}.
 */
public final class SimulatorService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorService.class);

    private final SimConfig config;
    private final String mqttUri;
    private final SupplyChainModel model;
    private final HttpApi http;
    private final ConcurrentLinkedQueue<Shock> pending = new ConcurrentLinkedQueue<>();
    private final List<Shock> injected = java.util.Collections.synchronizedList(new ArrayList<>());
    private MqttGateway gateway;
    private Thread loop;
    private volatile boolean running;
    private volatile long cycles;
    private volatile long readings;
    private volatile Exception failure;

    /**
     * @param network the network to simulate (the reference network, as {@code twin run} shows it)
     * @param http    where to add the shock and status routes; null for none
     */
    public SimulatorService(SimConfig config, String mqttUri, SupplyNetwork network, HttpApi http) {
        this.config = Objects.requireNonNull(config, "config");
        this.mqttUri = Objects.requireNonNull(mqttUri, "mqttUri");
        this.model = new SupplyChainModel(network, config.seed(), config.networks());
        this.http = http;
        config.shocks().forEach(this::inject);
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public void start() throws Exception {
        gateway = new MqttGateway(mqttUri, config.clientId(), config.format(), config.qos(), config.username(), config.password());
        gateway.connect();
        if (http != null) {
            http.route("POST", "/api/sim/shocks", this::postShock);
            http.get("/api/sim/shocks", req -> HttpApi.json(Map.of("shocks", injected.stream().map(SimulatorService::view).toList())));
            http.get("/api/sim/status", req -> HttpApi.json(status()));
        }
        running = true;
        loop = new Thread(this::run, "simulator");
        loop.setDaemon(true);
        loop.start();
        LOG.info("simulator started entities={} networks={} cycle={} speed={} format={}", model.entityCount(),
                config.networks(), config.cycle(), config.speed(), config.format().code());
    }

    /** Validates and queues a shock; it starts at the next cycle unless it names a later time. */
    public Shock inject(Shock shock) {
        model.validate(shock);
        pending.add(shock);
        injected.add(shock);
        LOG.info("shock queued kind={} target={} hours={} magnitude={}", shock.kind().code(), shock.target(), shock.hours(),
                shock.magnitude());
        return shock;
    }

    private Response postShock(Request request) {
        Map<String, Object> fields;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = HttpApi.JSON.readValue(request.body(), Map.class);
            fields = parsed;
        } catch (IOException | RuntimeException e) {
            throw HttpError.badRequest("body must be a JSON object like {\"kind\":\"machine-failure\",\"target\":\"t1-03\"}");
        }
        try {
            return HttpApi.json(201, view(inject(Shock.fromFields(fields))));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static Map<String, Object> view(Shock s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.kind().code());
        m.put("target", s.target());
        m.put("at", s.immediate() ? "next cycle" : s.atHours());
        m.put("hours", Double.isInfinite(s.hours()) ? "permanent" : s.hours());
        m.put("magnitude", s.magnitude());
        return m;
    }

    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycles", cycles);
        m.put("readings", readings);
        m.put("simulatedHours", cycles * config.cycleHours());
        m.put("entities", model.entityCount());
        m.put("networks", config.networks());
        m.put("speed", config.speed());
        m.put("format", config.format().code());
        m.put("connected", gateway != null && gateway.connected());
        return m;
    }

    private void run() {
        long period = config.wallCycle().toNanos();
        long next = System.nanoTime();
        double dt = config.cycleHours();
        List<Reading> batch = new ArrayList<>(model.entityCount());
        try {
            while (running) {
                for (Shock s; (s = pending.poll()) != null; ) {
                    model.inject(s);
                }
                model.step(dt);
                batch.clear();
                model.readings(batch::add);
                Instant ts = Instant.now();
                for (Reading r : batch) {
                    if (!running) {
                        return;
                    }
                    gateway.publish(r, ts);
                }
                readings += batch.size();
                cycles++;
                if (period > 0) {
                    next += period;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    } else if (-wait > 10 * period) {
                        next = System.nanoTime(); // fell far behind (slow broker): do not burst to catch up
                    }
                }
            }
        } catch (Exception e) {
            if (running) {
                failure = e;
                LOG.error("simulator stopped: {}", e.toString(), e);
            }
        }
    }

    /** Cycles published so far. */
    public long cycles() {
        return cycles;
    }

    /** Readings (MQTT messages) published so far. */
    public long readings() {
        return readings;
    }

    public int entities() {
        return model.entityCount();
    }

    @Override
    public boolean ready() {
        return running && failure == null && gateway != null && gateway.connected();
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (gateway != null) {
            gateway.close();
        }
        LOG.info("simulator stopped cycles={} readings={}", cycles, readings);
    }
}
