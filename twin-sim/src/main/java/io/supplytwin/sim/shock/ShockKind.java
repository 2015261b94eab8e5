package io.supplytwin.sim.shock;

import java.util.Locale;
import java.util.Optional;

/** What can go wrong in the simulated network, with the default size and length of each disturbance. */
public enum ShockKind {
    /** Machines stop: one machine when the target is an equipment id, all of an enterprise's machines otherwise. */
    MACHINE_FAILURE(1, 24, "machines stopped (1 = fully down)"),
    /** Market demand (and every supplier's outside demand) is multiplied by the magnitude. */
    DEMAND_SURGE(1.6, 72, "demand multiplier"),
    /** The target pays its suppliers this many days later than its habit. */
    LATE_PAYER(30, 24 * 60, "extra payment delay in days"),
    /** The target stops producing, shipping and paying for good. */
    SUPPLIER_DEFAULT(1, Double.POSITIVE_INFINITY, "unused"),
    /**
     * The target loses this share of its outside sales (a large customer gone, a product line dropped) while its
     * running costs stay: the firm burns cash, pays its suppliers late and, without money, becomes insolvent.
     */
    DISTRESS(0.6, Double.POSITIVE_INFINITY, "share of outside sales lost");

    private final double defaultMagnitude;
    private final double defaultHours;
    private final String magnitudeMeaning;

    ShockKind(double defaultMagnitude, double defaultHours, String magnitudeMeaning) {
        this.defaultMagnitude = defaultMagnitude;
        this.defaultHours = defaultHours;
        this.magnitudeMeaning = magnitudeMeaning;
    }

    public double defaultMagnitude() {
        return defaultMagnitude;
    }

    public double defaultHours() {
        return defaultHours;
    }

    public String magnitudeMeaning() {
        return magnitudeMeaning;
    }

    /** {@code machine-failure}, {@code demand-surge}, {@code late-payer}, {@code supplier-default}, {@code distress}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ShockKind> fromCode(String code) {
        for (ShockKind k : values()) {
            if (k.code().equalsIgnoreCase(code.trim()) || k.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
