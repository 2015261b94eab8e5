package io.supplytwin.ml.feature;

import java.util.List;

/**
 * The recent daily history of one entity, oldest first, as twin-streams keeps it. Scoring needs at least
 * {@link ForecastFeatures#MIN_HISTORY_DAYS} days for a forecast and {@link RiskFeatures#WINDOW_DAYS} for the risk P.
 */
public record EntityHistory(String entityId, String enterpriseId, List<DayObservation> days) {

    public EntityHistory {
        days = List.copyOf(days);
    }

    public int size() {
        return days.size();
    }

    public DayObservation last() {
        return days.get(days.size() - 1);
    }

    /** The first {@code n} days: the history as it was on day {@code n - 1}. */
    public EntityHistory upTo(int n) {
        return new EntityHistory(entityId, enterpriseId, days.subList(0, n));
    }
}
