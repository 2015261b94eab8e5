package io.supplytwin.ml.forecast;

import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.boost.TreeModel;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.WindowSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Seed 000's hybrid: a liquid network (CfC cell, or the seed's adaptive-leak cell) is trained first on the 7-day
 * targets with squared error; its final hidden state then feeds an XGBoost regressor that makes the forecast.
 */
public final class HybridForecaster extends NetworkForecaster {
    public static final String CFC = "cfc-xgboost";
    public static final String ADAPTIVE_LEAK = "leak-xgboost";
    static final String HEAD_FILE = "head.ubj";
    /** Hidden units of the served hybrids. */
    public static final int HIDDEN = 16;

    private final String name;
    private final TreeModel head;

    private HybridForecaster(String name, SequenceNet net, TreeModel head, WindowScaling scaling) {
        super(net, scaling);
        this.name = name;
        this.head = head;
    }

    /** @param name {@link #CFC} or {@link #ADAPTIVE_LEAK} */
    public static HybridForecaster train(String name, WindowSet data, SequenceNet.Settings settings,
                                         IntConsumer epochDone) {
        return train(name, data, HIDDEN, settings, BoostSettings.DEFAULT, epochDone);
    }

    /** With {@code hidden} units in the cell and the given size of the XGBoost head. */
    public static HybridForecaster train(String name, WindowSet data, int hidden, SequenceNet.Settings settings,
                                         BoostSettings boost, IntConsumer epochDone) {
        WindowScaling scaling = WindowScaling.fit(data.inputs());
        SequenceNet.Spec spec = new SequenceNet.Spec(CFC.equals(name) ? "cfc" : "adaptive-leak",
                ForecastFeatures.WINDOW, ForecastFeatures.WIDTH, hidden, ForecastFeatures.HORIZON, false);
        float[] inputs = scaling.scaled(data.inputs());
        SequenceNet net = SequenceNet.train(spec, inputs, HorizonRows.labels(data.targets(), scaling), settings,
                epochDone);
        TreeModel head = HorizonRows.train(net.run(inputs).hidden(), hidden, data.targets(), scaling, boost,
                settings.seed());
        return new HybridForecaster(name, net, head, scaling);
    }

    public static HybridForecaster load(String name, Path dir) throws IOException {
        WindowScaling scaling = WindowScaling.load(dir);
        SequenceNet net = SequenceNet.load(dir);
        try {
            return new HybridForecaster(name, net, TreeModel.load(ArtifactFiles.require(dir.resolve(HEAD_FILE)),
                    net.spec().hidden() + 1), scaling);
        } catch (IOException e) {
            net.close();
            throw e;
        }
    }

    /** The liquid network in front of the tree head. */
    public SequenceNet network() {
        return net;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[][] forecast(List<double[]> windows) {
        return HorizonRows.predict(head, net.run(scaling.scaled(windows)).hidden(), net.spec().hidden(), scaling);
    }

    @Override
    public void save(Path dir) throws IOException {
        super.save(dir);
        head.save(dir.resolve(HEAD_FILE));
    }

    @Override
    public void close() {
        super.close();
        head.close();
    }
}
