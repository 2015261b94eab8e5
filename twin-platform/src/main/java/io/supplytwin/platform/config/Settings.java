package io.supplytwin.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolved configuration. Sources, lowest precedence first: each setting's default, a properties file,
 * {@code SUPPLYTWIN_*} environment variables, explicit overrides (CLI flags). A key no declared setting knows
 * is rejected, wherever it comes from, so a typo never silently falls back to a default.
 */
public final class Settings {

    public static final String ENV_PREFIX = "SUPPLYTWIN_";
    /** Environment variables with the prefix that are not settings (read by launch scripts, not by us). */
    private static final java.util.Set<String> ENV_NOT_SETTINGS = java.util.Set.of("SUPPLYTWIN_JAVA_OPTS", "SUPPLYTWIN_LOG_FORMAT", "SUPPLYTWIN_LOG_LEVEL");

    private final Map<String, Setting<?>> known;
    private final Map<String, String> raw;
    private final Map<String, String> origin;

    private Settings(Map<String, Setting<?>> known, Map<String, String> raw, Map<String, String> origin) {
        this.known = known;
        this.raw = raw;
        this.origin = origin;
    }

    /** Defaults only; handy for tests and for embedded use. */
    public static Settings defaults(Collection<Setting<?>> known) {
        return load(known, null, Map.of(), Map.of());
    }

    public static Settings load(Collection<Setting<?>> known, Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        Map<String, Setting<?>> byEnv = new LinkedHashMap<>();
        for (Setting<?> s : known) {
            byKey.put(s.key(), s);
            byEnv.put(s.envName(), s);
        }
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            for (String k : new TreeMap<>(Map.copyOf(castToStrings(p))).keySet()) {
                if (!byKey.containsKey(k)) {
                    throw new ConfigException("unknown config key '" + k + "' in " + file + suggestion(k, byKey.keySet()));
                }
                raw.put(k, p.getProperty(k).trim());
                origin.put(k, "file " + file);
            }
        }
        for (var e : new TreeMap<>(env).entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX) || ENV_NOT_SETTINGS.contains(e.getKey())) {
                continue;
            }
            Setting<?> s = byEnv.get(e.getKey());
            if (s == null) {
                throw new ConfigException("unknown environment variable " + e.getKey() + " (no such setting)");
            }
            raw.put(s.key(), e.getValue().trim());
            origin.put(s.key(), "environment " + e.getKey());
        }
        for (var e : overrides.entrySet()) {
            if (!byKey.containsKey(e.getKey())) {
                throw new ConfigException("unknown config key '" + e.getKey() + "'" + suggestion(e.getKey(), byKey.keySet()));
            }
            raw.put(e.getKey(), e.getValue().trim());
            origin.put(e.getKey(), "flag");
        }
        Settings settings = new Settings(byKey, raw, origin);
        known.forEach(settings::get); // parse everything now: a bad value fails at start, not at first use
        return settings;
    }

    public <T> T get(Setting<T> setting) {
        if (!known.containsKey(setting.key())) {
            throw new IllegalStateException("setting " + setting.key() + " was not declared to this configuration");
        }
        String value = raw.get(setting.key());
        if (value == null) {
            return setting.defaultValue();
        }
        try {
            return setting.parser().apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException("bad value '" + value + "' for " + setting.key() + " (from " + origin.get(setting.key())
                    + "): " + e.getMessage(), e);
        }
    }

    /** Whether a source other than the default gave this setting a value. */
    public boolean isSet(Setting<?> setting) {
        return raw.containsKey(setting.key());
    }

    /** Whether this configuration declares the setting at all (a standalone command declares only its own). */
    public boolean declares(Setting<?> setting) {
        return known.containsKey(setting.key());
    }

    /** Key → effective value as text, for start-up logs and {@code --help}. */
    public Map<String, String> effective() {
        Map<String, String> out = new TreeMap<>();
        for (Setting<?> s : known.values()) {
            Object v = get(s);
            out.put(s.key(), String.valueOf(v));
        }
        return out;
    }

    private static Map<String, String> castToStrings(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return m;
    }

    private static String suggestion(String key, Collection<String> keys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : keys) {
            int d = distance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
