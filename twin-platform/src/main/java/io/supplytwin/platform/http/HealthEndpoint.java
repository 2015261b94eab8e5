package io.supplytwin.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 with {@code "status":"UP"} when every registered component is ready, else 503 with the
 * components that are not. Components register as they start, so a half-started process is never reported ready.
 */
public final class HealthEndpoint {

    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();
    private volatile boolean started;

    public HealthEndpoint register(String component, BooleanSupplier ready) {
        checks.put(component, ready);
        return this;
    }

    /** Marks start-up complete; until then {@code /health} answers 503 {@code STARTING}. */
    public void markStarted() {
        started = true;
    }

    public void install(HttpApi api) {
        api.get("/health", req -> respond());
    }

    public Response respond() {
        Map<String, String> components = new LinkedHashMap<>();
        boolean allUp = started;
        for (var e : new java.util.TreeMap<>(checks).entrySet()) {
            boolean up;
            try {
                up = e.getValue().getAsBoolean();
            } catch (RuntimeException ex) {
                up = false;
            }
            components.put(e.getKey(), up ? "UP" : "DOWN");
            allUp &= up;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !started ? "STARTING" : allUp ? "UP" : "DOWN");
        body.put("components", components);
        return HttpApi.json(allUp ? 200 : 503, body);
    }
}
