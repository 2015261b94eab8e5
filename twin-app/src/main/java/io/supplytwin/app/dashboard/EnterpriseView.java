package io.supplytwin.app.dashboard;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the live dashboard shows of one enterprise: the latest health, credit, alerts and forecast. */
final class EnterpriseView {

    private static final int RECENT_ALERTS = 5;

    final String id;
    Double h;
    long healthTime;
    List<Map<String, Object>> components = List.of();
    Double c;
    String rateBand;
    Double rate;
    Double lmax;
    String pSource;
    long creditTime;
    final Deque<Map<String, Object>> alerts = new ConcurrentLinkedDeque<>(); // read by metric scrapes too
    /** The latest twin.forecast record per kind (DEMAND, ORDERS, RISK, EQUIPMENT_FAULT of any of its machines). */
    final Map<String, Map<String, Object>> forecasts = new java.util.concurrent.ConcurrentSkipListMap<>();

    EnterpriseView(String id) {
        this.id = id;
    }

    void addAlert(Map<String, Object> alert) {
        alerts.addFirst(alert);
        while (alerts.size() > RECENT_ALERTS) {
            alerts.removeLast();
        }
    }

    boolean recentAlert() {
        Map<String, Object> last = alerts.peekFirst();
        return last != null && System.currentTimeMillis() - ((Number) last.get("time")).longValue() < 10 * 60 * 1000L;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("h", h);
        m.put("healthTime", healthTime);
        m.put("components", components);
        m.put("c", c);
        m.put("rateBand", rateBand);
        m.put("rate", rate);
        m.put("lmax", lmax);
        m.put("pSource", pSource);
        m.put("creditTime", creditTime);
        m.put("alerts", new ArrayList<>(alerts));
        m.put("forecasts", new LinkedHashMap<>(forecasts));
        return m;
    }
}
