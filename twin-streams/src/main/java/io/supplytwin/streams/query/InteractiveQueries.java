package io.supplytwin.streams.query;

import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.scoring.ForecastResult;
import io.supplytwin.ml.scoring.Scorer;
import io.supplytwin.streams.forecast.EnterpriseDays;
import com.fasterxml.jackson.core.type.TypeReference;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.http.HttpError;
import io.supplytwin.platform.http.Request;
import io.supplytwin.platform.http.Response;
import io.supplytwin.streams.rollup.EnterpriseTwin;
import io.supplytwin.streams.state.EntityTwin;
import io.supplytwin.streams.topology.TwinTopology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over HTTP. A request for a key this instance does not own is forwarded to the owner (found
 * with {@link KafkaStreams#queryMetadataForKey} and the owners' {@code application.server}) and its answer relayed;
 * the enterprise list gathers every instance's enterprises. Routes:
 * <ul>
 *   <li>{@code GET /api/twins/{entityId}}</li>
 *   <li>{@code GET /api/enterprises/{id}/health}, {@code GET /api/enterprises/{id}/credit}</li>
 *   <li>{@code GET /api/enterprises?page=0&size=50} (pages from 0; size 1..500)</li>
 *   <li>{@code GET /api/enterprises/{id}/forecast}: the forecast, order and P for the enterprise's closed days, with
 *       their full SHAP explanations computed on request (sampled for neural models); only when scoring</li>
 * </ul>
 */
public final class InteractiveQueries {

    /** Query parameter marking a request already forwarded once: it is answered locally, never forwarded again. */
    static final String FORWARDED = "forwarded";
    /** Query parameter asking one instance for its own enterprises only (used when gathering the list). */
    static final String LOCAL_SCOPE = "scope";
    private static final int MAX_PAGE_SIZE = 500;
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };

    private final KafkaStreams streams;
    private final HostInfo self;
    private final TwinViews views;
    private final Scorer scorer;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public InteractiveQueries(KafkaStreams streams, HostInfo self, TwinViews views) {
        this(streams, self, views, null);
    }

    /** @param scorer the in-stream scorer, for forecast explanations on request; null when scoring is off */
    public InteractiveQueries(KafkaStreams streams, HostInfo self, TwinViews views, Scorer scorer) {
        this.streams = streams;
        this.self = self;
        this.views = views;
        this.scorer = scorer;
    }

    public void install(HttpApi http) {
        http.get("/api/twins/{entityId}", req -> keyed(req, TwinTopology.ENTITY_STORE, req.pathParam("entityId"),
                id -> HttpApi.json(views.twin(this.<EntityTwin>local(TwinTopology.ENTITY_STORE, id)
                        .orElseThrow(() -> HttpError.notFound("no twin with entity id '" + id + "'"))))));
        http.get("/api/enterprises/{id}/health", req -> keyed(req, TwinTopology.ENTERPRISE_STORE, req.pathParam("id"),
                id -> HttpApi.json(views.health(id, enterprise(id).map(EnterpriseTwin::health)
                        .orElseThrow(() -> HttpError.notFound("no health index for enterprise '" + id + "'"))))));
        http.get("/api/enterprises/{id}/credit", req -> keyed(req, TwinTopology.ENTERPRISE_STORE, req.pathParam("id"),
                id -> HttpApi.json(views.credit(id, enterprise(id).map(EnterpriseTwin::credit)
                        .orElseThrow(() -> HttpError.notFound("no credit assessment for enterprise '" + id + "'"))))));
        http.get("/api/enterprises", this::list);
        http.get("/api/enterprises/{id}/forecast", req -> {
            if (scorer == null) {
                throw HttpError.notFound("forecasts are not scored by this twin (streams.scoring=false)");
            }
            return keyed(req, TwinTopology.DAYS_STORE, req.pathParam("id"), id -> HttpApi.json(forecast(id)));
        });
    }

    private Map<String, Object> forecast(String id) {
        EnterpriseDays days = this.<EnterpriseDays>local(TwinTopology.DAYS_STORE, id)
                .orElseThrow(() -> HttpError.notFound("no closed day of enterprise '" + id + "' yet"));
        EntityHistory history = days.history(id);
        ForecastResult r = scorer.forecast(history).orElseThrow(() -> HttpError.notFound("enterprise '" + id + "' has "
                + history.size() + " closed days; a forecast needs " + ForecastFeatures.MIN_HISTORY_DAYS
                + " with finite values"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", id);
        body.put("closedDays", history.size());
        body.put("lastDay", views.day(history.last()));
        body.put("model", r.model());
        body.put("modelVersion", r.version());
        body.put("demand", r.values());
        body.put("recommendedOrder", r.recommendedOrder());
        body.put("demandExplanation", scorer.explain(history).map(views::explanation).orElse(null));
        body.put("p", Double.isNaN(r.p()) ? null : r.p());
        body.put("riskModel", r.riskModel().isEmpty() ? null : r.riskModel());
        body.put("riskExplanation", scorer.explainRisk(history).map(views::explanation).orElse(null));
        return body;
    }

    private Optional<EnterpriseTwin> enterprise(String id) {
        Optional<EnterpriseTwin> twin = local(TwinTopology.ENTERPRISE_STORE, id);
        if (twin.isEmpty()) {
            throw HttpError.notFound("no enterprise '" + id + "' in the twin");
        }
        return twin;
    }

    private Response keyed(Request req, String store, String key, Function<String, Response> answer) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw unavailable();
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw unavailable();
        }
        if (owner.activeHost().equals(self) || req.query().containsKey(FORWARDED)) {
            return answer.apply(key);
        }
        return forward(owner.activeHost(), req.path(), FORWARDED + "=1");
    }

    private Response list(Request req) {
        int page = req.intQuery("page", 0, 0, Integer.MAX_VALUE);
        int size = req.intQuery("size", 50, 1, MAX_PAGE_SIZE);
        List<Map<String, Object>> rows = localRows();
        if (!"local".equals(req.query().get(LOCAL_SCOPE))) {
            for (StreamsMetadata other : metadata()) {
                if (!other.hostInfo().equals(self)) {
                    rows.addAll(remoteRows(other.hostInfo()));
                }
            }
            rows.sort(Comparator.comparing(r -> (String) r.get("enterpriseId")));
            Map<String, Object> body = new LinkedHashMap<>();
            long from = Math.min((long) page * size, rows.size());
            body.put("page", page);
            body.put("size", size);
            body.put("total", rows.size());
            body.put("items", rows.subList((int) from, (int) Math.min(from + size, rows.size())));
            return HttpApi.json(body);
        }
        return HttpApi.json(rows);
    }

    private List<StreamsMetadata> metadata() {
        try {
            return List.copyOf(streams.streamsMetadataForStore(TwinTopology.ENTERPRISE_STORE));
        } catch (IllegalStateException e) {
            throw unavailable();
        }
    }

    private List<Map<String, Object>> localRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        ReadOnlyKeyValueStore<String, EnterpriseTwin> store = store(TwinTopology.ENTERPRISE_STORE);
        try (KeyValueIterator<String, EnterpriseTwin> all = store.all()) {
            all.forEachRemaining(kv -> rows.add(views.summary(kv.value)));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
        return rows;
    }

    private List<Map<String, Object>> remoteRows(HostInfo host) {
        Response r = forward(host, "/api/enterprises", LOCAL_SCOPE + "=local");
        if (r.status() != 200) {
            throw new HttpError(503, "instance " + host.host() + ":" + host.port() + " answered " + r.status());
        }
        try {
            return new ArrayList<>(HttpApi.JSON.readValue(r.body(), ROWS));
        } catch (IOException e) {
            throw new HttpError(502, "instance " + host.host() + ":" + host.port() + " sent an unreadable list");
        }
    }

    private <V> Optional<V> local(String storeName, String key) {
        try {
            ReadOnlyKeyValueStore<String, V> store = store(storeName);
            return Optional.ofNullable(store.get(key));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
    }

    private Response forward(HostInfo host, String path, String query) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path + "?" + query);
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(HttpApi.JSON_TYPE), r.body());
        } catch (IOException e) {
            throw new HttpError(502, "the instance owning this key (" + host.host() + ":" + host.port()
                    + ") did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted while asking " + host.host() + ":" + host.port());
        }
    }

    private static HttpError unavailable() {
        return new HttpError(503, "the twin's state is not queryable right now (starting or rebalancing); retry shortly");
    }
}
