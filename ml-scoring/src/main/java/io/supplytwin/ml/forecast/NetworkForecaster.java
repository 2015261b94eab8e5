package io.supplytwin.ml.forecast;

import io.supplytwin.ml.explain.Explanation;
import java.io.IOException;
import java.nio.file.Path;

/** What the neural forecasters share: a network, its scaler, sampled explanations, files and closing. */
abstract class NetworkForecaster implements Forecaster {
    protected final SequenceNet net;
    protected final WindowScaling scaling;

    NetworkForecaster(SequenceNet net, WindowScaling scaling) {
        this.net = net;
        this.scaling = scaling;
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
