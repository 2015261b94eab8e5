package io.supplytwin.ml.experiment.search;

import java.util.Locale;

/**
 * One point of the search: the sizes a model may use (trees, depth, η of XGBoost; hidden units — the model size of a
 * Transformer —, attention heads and encoder layers, learning rate, batch and epochs of a network) and the rule's
 * safety-stock base. A model reads the fields it has and ignores the others.
 */
public record Hyperparameters(int rounds, int depth, double eta, int hidden, int heads, int layers,
                              double learningRate, int batch, int epochs, double safetyStockBase) {

    /** The fields that matter to {@code model}, for the report. */
    public String describe(ForecastModel model) {
        String trees = String.format(Locale.ROOT, "trees %d, depth %d, η %.3f", rounds, depth, eta);
        String net = String.format(Locale.ROOT, "hidden %d, lr %.1e, batch %d, epochs %d", hidden, learningRate, batch,
                epochs);
        if (model == ForecastModel.TRANSFORMER) {
            net = String.format(Locale.ROOT, "d_model %d, heads %d, layers %d, lr %.1e, batch %d, epochs %d", hidden,
                    heads, layers, learningRate, batch, epochs);
        }
        String ss = String.format(Locale.ROOT, "SS base %.1f", safetyStockBase);
        return switch (model.family()) {
            case TREES -> trees + ", " + ss;
            case NETWORK -> net + ", " + ss;
            case HYBRID -> net + ", " + trees + ", " + ss;
            case NONE -> ss;
        };
    }
}
