package io.supplytwin.core.health;

/**
 * The value of one key indicator for one enterprise, in the unit of its scoring catalogue row.
 *
 * @param value  the value; 0 when {@code source} is MISSING
 * @param twins  how many child twins contributed to a roll-up (0 for enterprise readings and missing values)
 */
public record KeyIndicatorValue(String id, double value, ValueSource source, int twins) {
    public KeyIndicatorValue {
        if (source == ValueSource.MISSING) {
            value = 0;
        } else if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("key indicator " + id + " value must be finite but was " + value);
        }
    }

    public static KeyIndicatorValue missing(String id) {
        return new KeyIndicatorValue(id, 0, ValueSource.MISSING, 0);
    }

    public boolean present() {
        return source != ValueSource.MISSING;
    }
}
