package io.supplytwin.sim.shock;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A disturbance injected into the simulation.
 *
 * @param kind      what happens
 * @param target    an enterprise id (or equipment id for a machine failure); empty for a market-wide demand surge
 * @param atHours   simulated hours after the start when it begins; negative means "as soon as it is received"
 * @param hours     how long it lasts in simulated hours (a default is permanent)
 * @param magnitude size, meaning depends on the kind (see {@link ShockKind#magnitudeMeaning()})
 */
public record Shock(ShockKind kind, String target, double atHours, double hours, double magnitude) {

    public Shock {
        Objects.requireNonNull(kind, "kind");
        target = target == null ? "" : target.trim();
        if (kind != ShockKind.DEMAND_SURGE && target.isEmpty()) {
            throw new IllegalArgumentException(kind.code() + " needs a target enterprise or equipment id");
        }
        if (!(hours > 0)) {
            throw new IllegalArgumentException("hours must be positive but was " + hours);
        }
        if (!(magnitude >= 0) || !Double.isFinite(magnitude)) {
            throw new IllegalArgumentException("magnitude must be a non-negative number but was " + magnitude);
        }
        if (kind == ShockKind.MACHINE_FAILURE && magnitude > 1) {
            throw new IllegalArgumentException("machine-failure magnitude is the share of capacity lost, at most 1");
        }
    }

    /** A shock of its kind's default size and length, starting as soon as it is received. */
    public static Shock of(ShockKind kind, String target) {
        return new Shock(kind, target, -1, kind.defaultHours(), kind.defaultMagnitude());
    }

    public boolean immediate() {
        return atHours < 0;
    }

    /** The same shock, starting at {@code hours} (used to pin "now" to the simulated clock). */
    public Shock startingAt(double startHours) {
        return new Shock(kind, target, startHours, hours, magnitude);
    }

    /**
     * Reads {@code kind[:target]} (e.g. {@code machine-failure:t1-03}) or a key list
     * {@code kind=late-payer,target=core-01,at=24,hours=720,magnitude=45}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Shock parse(String text) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (text.contains("=")) {
            for (String part : text.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("expected key=value in '" + part + "'");
                }
                fields.put(kv[0].trim(), kv[1].trim());
            }
        } else {
            String[] parts = text.split(":", 2);
            fields.put("kind", parts[0]);
            if (parts.length == 2) {
                fields.put("target", parts[1]);
            }
        }
        return fromFields(fields);
    }

    /** From JSON-like fields: kind (required), target, at, hours, magnitude. Unknown fields are refused. */
    public static Shock fromFields(Map<String, ?> fields) {
        for (String key : fields.keySet()) {
            if (!Arrays.asList("kind", "target", "at", "hours", "magnitude").contains(key)) {
                throw new IllegalArgumentException("unknown shock field '" + key + "' (expected kind, target, at, hours, magnitude)");
            }
        }
        Object kindField = fields.get("kind");
        if (kindField == null) {
            throw new IllegalArgumentException("shock needs a kind: " + kinds());
        }
        ShockKind kind = ShockKind.fromCode(kindField.toString()).orElseThrow(() ->
                new IllegalArgumentException("unknown shock kind '" + kindField + "'; expected " + kinds()));
        Object target = fields.get("target");
        return new Shock(kind, target == null ? "" : target.toString(), number(fields, "at", -1),
                number(fields, "hours", kind.defaultHours()), number(fields, "magnitude", kind.defaultMagnitude()));
    }

    private static double number(Map<String, ?> fields, String key, double dflt) {
        Object v = fields.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shock field " + key + " must be a number but was '" + v + "'");
        }
    }

    private static String kinds() {
        return Arrays.stream(ShockKind.values()).map(ShockKind::code).collect(Collectors.joining(", "));
    }
}
