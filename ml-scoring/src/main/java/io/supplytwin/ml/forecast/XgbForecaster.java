package io.supplytwin.ml.forecast;

import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.boost.TreeModel;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.WindowSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** XGBoost on the features alone: the scaled 10-day window (100 values) plus the day of the horizon. */
public final class XgbForecaster implements Forecaster {
    public static final String NAME = "xgboost";
    static final String MODEL_FILE = "model.ubj";
    private static final int WIDTH = ForecastFeatures.WINDOW * ForecastFeatures.WIDTH;
    private static final int[] GROUPS = new int[WIDTH];

    static {
        for (int j = 0; j < WIDTH; j++) {
            GROUPS[j] = j % ForecastFeatures.WIDTH;
        }
    }

    private final TreeModel model;
    private final WindowScaling scaling;

    private XgbForecaster(TreeModel model, WindowScaling scaling) {
        this.model = model;
        this.scaling = scaling;
    }

    public static XgbForecaster train(WindowSet data, long seed) {
        return train(data, BoostSettings.DEFAULT, seed);
    }

    public static XgbForecaster train(WindowSet data, BoostSettings boost, long seed) {
        WindowScaling scaling = WindowScaling.fit(data.inputs());
        TreeModel model = HorizonRows.train(scaling.scaled(data.inputs()), WIDTH, data.targets(), scaling, boost, seed);
        return new XgbForecaster(model, scaling);
    }

    public static XgbForecaster load(Path dir) throws IOException {
        WindowScaling scaling = WindowScaling.load(dir);
        return new XgbForecaster(TreeModel.load(ArtifactFiles.require(dir.resolve(MODEL_FILE)), WIDTH + 1), scaling);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] forecast(List<double[]> windows) {
        return HorizonRows.predict(model, scaling.scaled(windows), WIDTH, scaling);
    }

    @Override
    public boolean exactExplanation() {
        return true;
    }

    @Override
    public Explanation explain(double[] window) {
        return HorizonRows.explain(model, scaling.scaled(List.of(window)), GROUPS, ForecastFeatures.NAMES, scaling);
    }

    @Override
    public void save(Path dir) throws IOException {
        scaling.save(dir);
        model.save(dir.resolve(MODEL_FILE));
    }

    @Override
    public void close() {
        model.close();
    }
}
