package io.supplytwin.ml.forecast;

import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.WindowSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/** What the neural forecasters share: a network, its scaler, sampled explanations, files and closing. */
abstract class NetworkForecaster implements Forecaster {
    protected final SequenceNet net;
    protected final WindowScaling scaling;

    NetworkForecaster(SequenceNet net, WindowScaling scaling) {
        this.net = net;
        this.scaling = scaling;
    }

    NetworkForecaster(Trained trained) {
        this(trained.net(), trained.scaling());
    }

    /** A network and the scaling of the windows it was trained on. */
    record Trained(SequenceNet net, WindowScaling scaling) {
    }

    /** Fits the scaler to {@code data}, then trains {@code spec} on the scaled windows against the 7 scaled targets. */
    static Trained trainOnWindows(SequenceNet.Spec spec, WindowSet data, SequenceNet.Settings settings,
                                  IntConsumer epochDone) {
        WindowScaling scaling = WindowScaling.fit(data.inputs());
        SequenceNet net = SequenceNet.train(spec, scaling.scaled(data.inputs()),
                HorizonRows.labels(data.targets(), scaling), settings, epochDone);
        return new Trained(net, scaling);
    }

    /** The network's own head; the hybrids override this with their tree stage. */
    @Override
    public double[][] forecast(List<double[]> windows) {
        return headForecast(windows);
    }

    /** The network's own outputs as demand, clipped at 0: the forecast of the forecasters without a tree stage. */
    protected double[][] headForecast(List<double[]> windows) {
        float[] out = net.run(scaling.scaled(windows)).values();
        double[][] f = new double[windows.size()][ForecastFeatures.HORIZON];
        for (int i = 0; i < f.length; i++) {
            for (int k = 0; k < ForecastFeatures.HORIZON; k++) {
                f[i][k] = Math.max(0, scaling.demand(out[i * ForecastFeatures.HORIZON + k]));
            }
        }
        return f;
    }

    @Override
    public Explanation explain(double[] window) {
        return NeuralExplainer.explain(this, window, scaling);
    }

    @Override
    public void save(Path dir) throws IOException {
        scaling.save(dir);
        net.save(dir);
    }

    @Override
    public void close() {
        net.close();
    }
}
