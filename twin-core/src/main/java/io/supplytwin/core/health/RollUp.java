package io.supplytwin.core.health;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.catalogue.OutOfRangeRule;

import java.util.Collection;
import java.util.Map;

/**
 * How a key indicator's value is obtained from the latest readings of an enterprise twin and its
 * equipment and order twins. Child readings go through the source indicator's out-of-range rule
 * (rejected readings are skipped, clamped ones clamped) before they are combined. When no child has a
 * usable reading, the enterprise's own reading of the scoring indicator is used.
 */
public sealed interface RollUp {

    KeyIndicatorValue value(String keyId, Indicator scoredBy, Map<String, Double> enterprise,
                            Collection<? extends Map<String, Double>> equipment,
                            Collection<? extends Map<String, Double>> orders);

    /** The name used in the key-indicator file. */
    String code();

    /** The enterprise twin's own reading of the scoring indicator. */
    record EnterpriseReading() implements RollUp {
        @Override
        public KeyIndicatorValue value(String keyId, Indicator scoredBy, Map<String, Double> enterprise,
                                       Collection<? extends Map<String, Double>> equipment,
                                       Collection<? extends Map<String, Double>> orders) {
            return own(keyId, scoredBy, enterprise);
        }

        @Override
        public String code() {
            return "enterprise";
        }
    }

    /**
     * Mean of an equipment- or order-level indicator over the enterprise's twins of that level
     * ({@code equipment_mean} or {@code order_mean}).
     */
    record ChildMean(Indicator source) implements RollUp {
        public ChildMean {
            if (source.level() == Level.ENTERPRISE) {
                throw new IllegalArgumentException("a mean rolls up equipment or order readings, not " + source.id());
            }
        }

        @Override
        public KeyIndicatorValue value(String keyId, Indicator scoredBy, Map<String, Double> enterprise,
                                       Collection<? extends Map<String, Double>> equipment,
                                       Collection<? extends Map<String, Double>> orders) {
            boolean machines = source.level() == Level.EQUIPMENT;
            return mean(keyId, scoredBy, source, enterprise, machines ? equipment : orders,
                    machines ? ValueSource.EQUIPMENT_ROLL_UP : ValueSource.ORDER_ROLL_UP);
        }

        @Override
        public String code() {
            return source.level() == Level.EQUIPMENT ? "equipment_mean" : "order_mean";
        }
    }

    /** Percentage of order twins whose reading of an order-level indicator is at most a threshold. */
    record OrderShareAtMost(Indicator source, double threshold) implements RollUp {
        @Override
        public KeyIndicatorValue value(String keyId, Indicator scoredBy, Map<String, Double> enterprise,
                                       Collection<? extends Map<String, Double>> equipment,
                                       Collection<? extends Map<String, Double>> orders) {
            int counted = 0;
            int within = 0;
            for (Map<String, Double> order : orders) {
                double reading = usable(source, order.get(source.id()));
                if (!Double.isNaN(reading)) {
                    counted++;
                    if (reading <= threshold) {
                        within++;
                    }
                }
            }
            if (counted == 0) {
                return own(keyId, scoredBy, enterprise);
            }
            return new KeyIndicatorValue(keyId, 100.0 * within / counted, ValueSource.ORDER_ROLL_UP, counted);
        }

        @Override
        public String code() {
            return "order_share_at_most";
        }
    }

    private static KeyIndicatorValue own(String keyId, Indicator scoredBy, Map<String, Double> enterprise) {
        Double reading = enterprise.get(scoredBy.id());
        if (reading == null || !Double.isFinite(reading)) {
            return KeyIndicatorValue.missing(keyId);
        }
        // the enterprise reading keeps its raw value; the normaliser applies clamp/reject when scoring
        return new KeyIndicatorValue(keyId, reading, ValueSource.ENTERPRISE, 0);
    }

    private static KeyIndicatorValue mean(String keyId, Indicator scoredBy, Indicator source,
                                          Map<String, Double> enterprise,
                                          Collection<? extends Map<String, Double>> children, ValueSource kind) {
        double sum = 0;
        int counted = 0;
        for (Map<String, Double> child : children) {
            double reading = usable(source, child.get(source.id()));
            if (!Double.isNaN(reading)) {
                sum += reading;
                counted++;
            }
        }
        if (counted == 0) {
            return own(keyId, scoredBy, enterprise);
        }
        return new KeyIndicatorValue(keyId, sum / counted, kind, counted);
    }

    /** The reading after the source's out-of-range rule, or NaN when it cannot be used. */
    private static double usable(Indicator source, Double reading) {
        if (reading == null || !Double.isFinite(reading)) {
            return Double.NaN;
        }
        double x = reading;
        if (source.inRange(x)) {
            return x;
        }
        if (source.outOfRange() == OutOfRangeRule.REJECT) {
            return Double.NaN;
        }
        return source.clamp(x);
    }
}
