package io.supplytwin.core.catalogue;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The consistency rules of a catalogue row, shared by the record and the file loader. */
final class IndicatorRules {
    static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private IndicatorRules() {
    }

    /** The first rule the numbers break, or null when they are consistent. */
    static String problem(double min, double max, Direction direction, double target, double tolerance, double deadband) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return "min and max must be finite numbers";
        }
        if (min >= max) {
            return "min " + min + " must be less than max " + max;
        }
        if (!Double.isFinite(deadband) || deadband < 0) {
            return "deadband " + deadband + " must not be negative";
        }
        if (deadband >= max - min) {
            return "deadband " + deadband + " must be smaller than the range width " + (max - min);
        }
        if (direction == Direction.TARGET) {
            if (!Double.isFinite(target) || !Double.isFinite(tolerance) || tolerance < 0) {
                return "target needs a finite target and a non-negative tolerance";
            }
            if (target - tolerance < min || target + tolerance > max) {
                return "target " + target + " +/- " + tolerance + " must lie within [" + min + ", " + max + "]";
            }
        } else if (target != 0 || tolerance != 0) {
            return "target and tolerance are only allowed with direction target";
        }
        return null;
    }

    /** The constant whose lower-case name is {@code code}, as written in the catalogue file. */
    static <E extends Enum<E>> Optional<E> byCode(E[] values, String code) {
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
