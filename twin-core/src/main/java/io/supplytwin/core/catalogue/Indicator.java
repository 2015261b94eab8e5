package io.supplytwin.core.catalogue;

import java.util.Objects;

/**
 * One catalogue row: an indicator a gateway reports, its valid range, which way is good, and the
 * deadband that decides whether a change is worth a new twin state.
 *
 * @param target    the ideal value; meaningful only when {@code direction} is {@link Direction#TARGET}, else 0
 * @param tolerance half-width of the band around {@code target} that scores 1; 0 unless TARGET
 * @param deadband  absolute change, in {@code unit}, a value must exceed to count as a change
 */
public record Indicator(
        String id,
        Level level,
        String category,
        String unit,
        double min,
        double max,
        Direction direction,
        double target,
        double tolerance,
        double deadband,
        OutOfRangeRule outOfRange,
        String description) {

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outOfRange, "outOfRange");
        Objects.requireNonNull(description, "description");
        String problem = IndicatorRules.problem(min, max, direction, target, tolerance, deadband);
        if (problem != null) {
            throw new IllegalArgumentException("indicator " + id + ": " + problem);
        }
    }

    public boolean inRange(double value) {
        return value >= min && value <= max;
    }

    /** The nearest value inside [min, max]; what the {@code clamp} rule keeps of an out-of-range reading. */
    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    /** True when moving from {@code previous} to {@code current} exceeds the deadband. */
    public boolean exceedsDeadband(double previous, double current) {
        return Math.abs(current - previous) > deadband;
    }
}
