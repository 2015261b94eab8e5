package io.supplytwin.ml.forecast;

import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.WindowSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * A Transformer encoder on DJL ({@link TransformerEncoder}) over the scaled window, one linear output per day of the
 * horizon. Seed 000 searches model sizes 64–256, 2–8 heads and 1–3 layers ({@link #train(WindowSet, Shape,
 * SequenceNet.Settings, IntConsumer)} takes any of them); the served default is smaller still, 32 units, 4 heads and
 * one layer: on seed 000's chain it scored as well as 64 units and trains in half the time.
 */
public final class TransformerForecaster extends NetworkForecaster {
    public static final String NAME = "transformer";
    /** Adam's learning rate for the Transformer; the recurrent networks' 0.005 is too high for attention. */
    public static final float LEARNING_RATE = 0.002f;

    /**
     * The encoder's shape.
     *
     * @param model  embedding size (a multiple of {@code heads})
     * @param heads  attention heads
     * @param layers encoder layers
     */
    public record Shape(int model, int heads, int layers) {
        public static Shape small() {
            return new Shape(32, 4, 1);
        }
    }

    private TransformerForecaster(SequenceNet net, WindowScaling scaling) {
        super(net, scaling);
    }

    private TransformerForecaster(Trained trained) {
        super(trained);
    }

    public static TransformerForecaster train(WindowSet data, SequenceNet.Settings settings, IntConsumer epochDone) {
        return train(data, Shape.small(), settings, epochDone);
    }

    public static TransformerForecaster train(WindowSet data, Shape shape, SequenceNet.Settings settings,
                                              IntConsumer epochDone) {
        SequenceNet.Spec spec = new SequenceNet.Spec("transformer", ForecastFeatures.WINDOW, ForecastFeatures.WIDTH,
                shape.model(), ForecastFeatures.HORIZON, false, shape.heads(), shape.layers());
        return new TransformerForecaster(trainOnWindows(spec, data, settings, epochDone));
    }

    public static TransformerForecaster load(Path dir) throws IOException {
        return new TransformerForecaster(SequenceNet.load(dir), WindowScaling.load(dir));
    }

    @Override
    public String name() {
        return NAME;
    }
}
