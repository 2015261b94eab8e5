package io.supplytwin.ml.artifact;

import io.supplytwin.ml.forecast.Forecaster;
import io.supplytwin.ml.forecast.HybridForecaster;
import io.supplytwin.ml.forecast.LstmForecaster;
import io.supplytwin.ml.forecast.TransformerForecaster;
import io.supplytwin.ml.forecast.XgbForecaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The forecasters a model version can hold, by the name their directory carries. */
public final class ForecasterKind {
    public static final List<String> ALL = List.of(XgbForecaster.NAME, HybridForecaster.CFC,
            HybridForecaster.ADAPTIVE_LEAK, LstmForecaster.NAME, TransformerForecaster.NAME);

    private ForecasterKind() {
    }

    public static Forecaster load(String name, Path dir) throws IOException {
        return switch (name) {
            case XgbForecaster.NAME -> XgbForecaster.load(dir);
            case HybridForecaster.CFC, HybridForecaster.ADAPTIVE_LEAK -> HybridForecaster.load(name, dir);
            case LstmForecaster.NAME -> LstmForecaster.load(dir);
            case TransformerForecaster.NAME -> TransformerForecaster.load(dir);
            default -> throw new IOException("unknown forecaster '" + name + "' in " + dir);
        };
    }
}
