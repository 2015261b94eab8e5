package io.supplytwin.ml.experiment.search;

import io.supplytwin.ml.feature.WindowSet;
import io.supplytwin.ml.forecast.BoostSettings;
import io.supplytwin.ml.forecast.Forecaster;
import io.supplytwin.ml.forecast.HybridForecaster;
import io.supplytwin.ml.forecast.LstmForecaster;
import io.supplytwin.ml.forecast.MovingAverageForecaster;
import io.supplytwin.ml.forecast.SequenceNet;
import io.supplytwin.ml.forecast.TransformerForecaster;
import io.supplytwin.ml.forecast.XgbForecaster;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/** The forecasters the experiment drives seed 000's rule with, and how each is trained from a point of the search. */
public enum ForecastModel {
    /** Seed 000's LNN + XGBoost: the adaptive-leak cell, XGBoost on its final state. */
    LNN_XGBOOST("lnn-xgboost", Family.HYBRID),
    /** The same hybrid with the closed-form continuous-time cell. */
    CFC_XGBOOST("cfc-xgboost", Family.HYBRID),
    XGBOOST("xgboost", Family.TREES),
    LSTM("lstm", Family.NETWORK),
    TRANSFORMER("transformer", Family.NETWORK),
    /** The 7-day moving average: the "simple moving average" seed 000 argues against; only the safety base is tuned. */
    MOVING_AVERAGE("ma7", Family.NONE);

    /** What a model has to tune. */
    public enum Family { TREES, NETWORK, HYBRID, NONE }

    private final String policyName;
    private final Family family;

    ForecastModel(String policyName, Family family) {
        this.policyName = policyName;
        this.family = family;
    }

    /** The name of the policy "seed 000's rule driven by this forecaster" in reports. */
    public String policyName() {
        return policyName;
    }

    public Family family() {
        return family;
    }

    /** What kind of policy this makes, for the report's "neural or not". */
    public String kind() {
        return switch (family) {
            case HYBRID -> "neural + trees";
            case NETWORK -> "neural";
            case TREES -> "trees";
            case NONE -> "classical";
        };
    }

    public static ForecastModel named(String name) {
        for (ForecastModel m : values()) {
            if (m.policyName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known: "
                + List.of(values()).stream().map(ForecastModel::policyName).toList());
    }

    public Hyperparameters sample(SearchSpace space, SplittableRandom random) {
        return space.sample(random, this);
    }

    /** Trains the forecaster of point {@code h} on {@code data}; {@code epochDone} hears each finished epoch. */
    public Forecaster train(Hyperparameters h, WindowSet data, long seed, IntConsumer epochDone) {
        BoostSettings boost = new BoostSettings(h.rounds(), h.depth(), h.eta());
        SequenceNet.Settings net = new SequenceNet.Settings(h.epochs(), h.batch(), (float) h.learningRate(), seed);
        return switch (this) {
            case LNN_XGBOOST -> HybridForecaster.train(HybridForecaster.ADAPTIVE_LEAK, data, h.hidden(), net, boost,
                    epochDone);
            case CFC_XGBOOST -> HybridForecaster.train(HybridForecaster.CFC, data, h.hidden(), net, boost, epochDone);
            case XGBOOST -> XgbForecaster.train(data, boost, seed);
            case LSTM -> LstmForecaster.train(data, h.hidden(), net, epochDone);
            case TRANSFORMER -> TransformerForecaster.train(data,
                    new TransformerForecaster.Shape(h.hidden(), h.heads(), h.layers()), net, epochDone);
            case MOVING_AVERAGE -> new MovingAverageForecaster();
        };
    }
}
