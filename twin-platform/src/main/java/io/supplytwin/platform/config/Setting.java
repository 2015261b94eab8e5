package io.supplytwin.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, type, default and meaning. Every service declares its settings as
 * constants; {@link Settings} resolves them from defaults, a properties file, {@code SUPPLYTWIN_*}
 * environment variables and CLI flags, in that order of precedence (last wins).
 */
public record Setting<T>(String key, T defaultValue, Function<String, T> parser, String description) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parser, "parser");
        if (!key.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("setting key must be dotted lower-case: " + key);
        }
    }

    /** The environment variable that overrides this key: {@code kafka.port} → {@code SUPPLYTWIN_KAFKA_PORT}. */
    public String envName() {
        return Settings.ENV_PREFIX + key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    public static Setting<String> string(String key, String dflt, String description) {
        return new Setting<>(key, dflt, s -> s, description);
    }

    public static Setting<Integer> integer(String key, int dflt, String description) {
        return new Setting<>(key, dflt, Integer::valueOf, description);
    }

    public static Setting<Integer> port(String key, int dflt, String description) {
        return new Setting<>(key, dflt, Setting::parsePort, description);
    }

    public static Setting<Long> longValue(String key, long dflt, String description) {
        return new Setting<>(key, dflt, Long::valueOf, description);
    }

    public static Setting<Double> decimal(String key, double dflt, String description) {
        return new Setting<>(key, dflt, Double::valueOf, description);
    }

    public static Setting<Boolean> bool(String key, boolean dflt, String description) {
        return new Setting<>(key, dflt, Setting::parseBoolean, description);
    }

    public static Setting<Path> path(String key, Path dflt, String description) {
        return new Setting<>(key, dflt, Path::of, description);
    }

    /** ISO-8601 ({@code PT30S}) or a number with unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    public static Setting<Duration> duration(String key, Duration dflt, String description) {
        return new Setting<>(key, dflt, Setting::parseDuration, description);
    }

    static int parsePort(String s) {
        int p = Integer.parseInt(s.trim());
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, got " + p);
        }
        return p;
    }

    static boolean parseBoolean(String s) {
        return switch (s.trim().toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
        };
    }

    /** Parses 500ms, 30s, 5m, 2h, 1d or ISO-8601 (PT30S); the same reading as every duration setting. */
    public static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase());
        }
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 500ms, 30s, 5m, 2h, 1d or PT30S, got '" + s + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
