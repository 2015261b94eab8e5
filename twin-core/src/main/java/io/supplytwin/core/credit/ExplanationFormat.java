package io.supplytwin.core.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for explanation sentences: fixed decimals, half-up, '.' as decimal point and ','
 * as thousands separator whatever the JVM locale. Hand-rolled because {@code String.format} cost tens
 * of microseconds per explanation, more than the whole assessment.
 */
public final class ExplanationFormat {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final double EXACT_LIMIT = 1e15;

    private ExplanationFormat() {
    }

    /** {@code value} with exactly {@code decimals} (0–6) digits after the point, e.g. fixed(0.7961, 3) = "0.796". */
    public static String fixed(double value, int decimals) {
        return format(value, decimals, false);
    }

    /** Like {@link #fixed} with thousands separators, e.g. grouped(6368933.3, 0) = "6,368,933". */
    public static String grouped(double value, int decimals) {
        return format(value, decimals, true);
    }

    private static String format(double value, int decimals, boolean grouping) {
        if (decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("decimals must be 0.." + (POWERS.length - 1));
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String digits;
        boolean negative;
        if (Math.abs(value) < EXACT_LIMIT / POWERS[decimals]) {
            long scaled = Math.round(Math.abs(value) * POWERS[decimals]);
            negative = value < 0 && scaled != 0;
            digits = Long.toString(scaled);
        } else {
            BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
            negative = rounded.signum() < 0;
            digits = rounded.abs().unscaledValue().toString();
        }
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        String integer = digits.substring(0, digits.length() - decimals);
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        if (grouping) {
            int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
            out.append(integer, 0, first);
            for (int i = first; i < integer.length(); i += 3) {
                out.append(',').append(integer, i, i + 3);
            }
        } else {
            out.append(integer);
        }
        if (decimals > 0) {
            out.append('.').append(digits, digits.length() - decimals, digits.length());
        }
        return out.toString();
    }
}
