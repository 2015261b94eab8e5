package io.supplytwin.ml.forecast;

import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.WindowSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/** LSTM on DJL over the scaled window, one linear output per day of the horizon. */
public final class LstmForecaster extends NetworkForecaster {
    public static final String NAME = "lstm";
    private LstmForecaster(SequenceNet net, WindowScaling scaling) {
        super(net, scaling);
    }

    private LstmForecaster(Trained trained) {
        super(trained);
    }

    /** Hidden units of the served LSTM. */
    public static final int HIDDEN = 32;

    public static LstmForecaster train(WindowSet data, SequenceNet.Settings settings, IntConsumer epochDone) {
        return train(data, HIDDEN, settings, epochDone);
    }

    public static LstmForecaster train(WindowSet data, int hidden, SequenceNet.Settings settings,
                                       IntConsumer epochDone) {
        SequenceNet.Spec spec = new SequenceNet.Spec("lstm", ForecastFeatures.WINDOW, ForecastFeatures.WIDTH, hidden,
                ForecastFeatures.HORIZON, false);
        return new LstmForecaster(trainOnWindows(spec, data, settings, epochDone));
    }

    public static LstmForecaster load(Path dir) throws IOException {
        return new LstmForecaster(SequenceNet.load(dir), WindowScaling.load(dir));
    }

    @Override
    public String name() {
        return NAME;
    }
}
