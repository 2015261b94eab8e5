package io.supplytwin.streams.health;

import static io.supplytwin.core.credit.ExplanationFormat.fixed;

import io.supplytwin.schemas.avro.Alert;
import io.supplytwin.schemas.avro.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Health alerts raised on crossings, never on every record: {@code HEALTH_LOW} when H falls below the threshold
 * (then {@code HEALTH_RECOVERED} once it is back at or above it), {@code HEALTH_DROP} when H fell by at least Δ from
 * its highest value within the window (armed again once the fall is back under Δ).
 */
public final class HealthAlerts {

    public static final String HEALTH_LOW = "HEALTH_LOW";
    public static final String HEALTH_RECOVERED = "HEALTH_RECOVERED";
    public static final String HEALTH_DROP = "HEALTH_DROP";

    /** Which alerts are currently raised for an enterprise. */
    public record State(boolean low, boolean drop) {
        public static final State NONE = new State(false, false);

        /** Flags of the raised alerts, for the health record. */
        public List<String> flags() {
            List<String> f = new ArrayList<>(2);
            if (low) {
                f.add(HEALTH_LOW);
            }
            if (drop) {
                f.add(HEALTH_DROP);
            }
            return f;
        }
    }

    /** The new state and the alerts the transition raised. */
    public record Outcome(State state, List<Alert> alerts) {
    }

    private final double threshold;
    private final double drop;

    public HealthAlerts(double threshold, double drop) {
        this.threshold = threshold;
        this.drop = drop;
    }

    /**
     * @param recentMax highest H within the drop window, including {@code h}
     */
    public Outcome check(String enterpriseId, long time, double h, double recentMax, State before) {
        List<Alert> alerts = new ArrayList<>(2);
        boolean low = before.low();
        if (h < threshold && !low) {
            low = true;
            alerts.add(alert(enterpriseId, time, Severity.CRITICAL, HEALTH_LOW, "Health H = " + fixed(h, 3)
                    + " fell below the alert threshold " + fixed(threshold, 3), h, threshold));
        } else if (h >= threshold && low) {
            low = false;
            alerts.add(alert(enterpriseId, time, Severity.INFO, HEALTH_RECOVERED, "Health H = " + fixed(h, 3)
                    + " is back at or above the alert threshold " + fixed(threshold, 3), h, threshold));
        }
        double fall = Double.isNaN(recentMax) ? 0 : recentMax - h;
        boolean dropping = before.drop();
        if (fall >= drop && !dropping) {
            dropping = true;
            alerts.add(alert(enterpriseId, time, Severity.WARNING, HEALTH_DROP, "Health H fell by " + fixed(fall, 3) + " from "
                    + fixed(recentMax, 3) + " to " + fixed(h, 3) + " within the drop window (alert at " + fixed(drop, 3) + ")", h, drop));
        } else if (fall < drop && dropping) {
            dropping = false;
        }
        return new Outcome(new State(low, dropping), alerts);
    }

    /** An alert with an id made of enterprise, kind and time, so a replay produces the same id. */
    public static Alert alert(String enterpriseId, long time, Severity severity, String kind, String message, double value,
                              double threshold) {
        return new Alert(enterpriseId + ":" + kind + ":" + time, enterpriseId, null, Instant.ofEpochMilli(time), severity,
                kind, message, value, threshold);
    }
}
