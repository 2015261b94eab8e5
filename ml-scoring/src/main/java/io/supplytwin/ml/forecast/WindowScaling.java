package io.supplytwin.ml.forecast;

import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.MinMaxScaler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature scaler of a forecaster (saved as {@code scaler.json}) and the few training windows sampling SHAP uses as
 * its background ({@code background.json}). Targets are demand, so they share the demand column's scale.
 */
public record WindowScaling(MinMaxScaler scaler, List<double[]> background) {
    static final String SCALER_FILE = "scaler.json";
    static final String BACKGROUND_FILE = "background.json";
    static final int BACKGROUND_SIZE = 16;

    public static WindowScaling fit(List<double[]> windows) {
        MinMaxScaler scaler = MinMaxScaler.fit(windows, ForecastFeatures.WIDTH);
        List<double[]> background = new ArrayList<>();
        int stride = Math.max(1, windows.size() / BACKGROUND_SIZE);
        for (int i = 0; i < windows.size() && background.size() < BACKGROUND_SIZE; i += stride) {
            background.add(windows.get(i));
        }
        return new WindowScaling(scaler, background);
    }

    public static WindowScaling load(Path dir) throws IOException {
        MinMaxScaler scaler = ArtifactFiles.read(dir.resolve(SCALER_FILE), MinMaxScaler.class);
        double[][] background = ArtifactFiles.read(dir.resolve(BACKGROUND_FILE), double[][].class);
        return new WindowScaling(scaler, List.of(background));
    }

    public void save(Path dir) throws IOException {
        ArtifactFiles.write(dir.resolve(SCALER_FILE), scaler);
        ArtifactFiles.write(dir.resolve(BACKGROUND_FILE), background.toArray(new double[0][]));
    }

    /** Scaled windows, concatenated row-major. */
    public float[] scaled(List<double[]> windows) {
        int size = ForecastFeatures.WINDOW * ForecastFeatures.WIDTH;
        float[] out = new float[windows.size() * size];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(scaler.transform(windows.get(i)), 0, out, i * size, size);
        }
        return out;
    }

    public float scaledTarget(double demand) {
        return (float) scaler.scale(0, demand);
    }

    public double demand(double scaled) {
        return scaler.unscale(0, scaled);
    }

    /** Demand units per scaled unit. */
    public double demandRange() {
        return scaler.max()[0] - scaler.min()[0];
    }
}
