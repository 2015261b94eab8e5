package io.supplytwin.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The numbers of the financing scenarios, from {@code scenario-parameters.properties} (sources are cited there). */
public final class ScenarioParameters {
    public static final String RESOURCE = "/io/supplytwin/sim/scenario/scenario-parameters.properties";

    private final Properties properties;

    private ScenarioParameters(Properties properties) {
        this.properties = properties;
    }

    public static ScenarioParameters standard() {
        try (InputStream in = ScenarioParameters.class.getResourceAsStream(RESOURCE)) {
            Properties p = new Properties();
            p.load(in);
            return new ScenarioParameters(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** The shipped parameters with the keys of {@code file} overriding them. */
    public static ScenarioParameters withOverrides(Path file) throws IOException {
        ScenarioParameters base = standard();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            if (!base.properties.containsKey(key)) {
                throw new IllegalArgumentException("unknown scenario parameter '" + key + "' in " + file);
            }
            base.properties.setProperty(key, p.getProperty(key));
        }
        return base;
    }

    public double get(String key) {
        String v = properties.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing scenario parameter " + key);
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scenario parameter " + key + " must be a number but was '" + v + "'");
        }
    }
}
