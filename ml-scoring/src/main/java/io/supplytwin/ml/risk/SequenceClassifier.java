package io.supplytwin.ml.risk;

import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.boost.TreeModel;
import io.supplytwin.ml.explain.Contribution;
import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.explain.SamplingShap;
import io.supplytwin.ml.feature.MinMaxScaler;
import io.supplytwin.ml.feature.RiskFeatures;
import io.supplytwin.ml.forecast.SequenceNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A probability from a window of indicator snapshots: either XGBoost ({@code binary:logistic}) on the window's
 * rolling statistics, or an LSTM on DJL over the scaled window with a sigmoid output. Used for the enterprise risk P
 * and the equipment fault risk. Files: {@code classifier.json} (kind, indicators, window), {@code scaler.json}, and
 * {@code model.ubj} or the network files.
 */
public final class SequenceClassifier implements AutoCloseable {
    public static final String XGBOOST = "xgboost";
    public static final String LSTM = "lstm";
    static final String SPEC_FILE = "classifier.json";
    static final String SCALER_FILE = "scaler.json";
    static final String MODEL_FILE = "model.ubj";

    /** What the classifier reads. */
    public record Spec(String kind, List<String> indicators, int window) {
    }

    private final Spec spec;
    private final MinMaxScaler scaler;
    private final TreeModel tree;
    private final SequenceNet net;

    private SequenceClassifier(Spec spec, MinMaxScaler scaler, TreeModel tree, SequenceNet net) {
        this.spec = spec;
        this.scaler = scaler;
        this.tree = tree;
        this.net = net;
    }

    public static SequenceClassifier trainTree(List<String> indicators, int window, LabelledSequences data, long seed) {
        int width = indicators.size();
        MinMaxScaler scaler = MinMaxScaler.fit(data.sequences(), width);
        float[] rows = summaries(data.sequences(), width);
        TreeModel tree = TreeModel.train(rows, width * 5, data.labelArray(), true, 120, 4, 0.1, seed);
        return new SequenceClassifier(new Spec(XGBOOST, indicators, window), scaler, tree, null);
    }

    public static SequenceClassifier trainLstm(List<String> indicators, int window, LabelledSequences data,
                                               SequenceNet.Settings settings) {
        int width = indicators.size();
        MinMaxScaler scaler = MinMaxScaler.fit(data.sequences(), width);
        SequenceNet net = SequenceNet.train(new SequenceNet.Spec("lstm", window, width, 16, 1, true),
                scaled(scaler, data.sequences()), data.labelArray(), settings, null);
        return new SequenceClassifier(new Spec(LSTM, indicators, window), scaler, null, net);
    }

    public static SequenceClassifier load(Path dir) throws IOException {
        Spec spec = ArtifactFiles.read(dir.resolve(SPEC_FILE), Spec.class);
        MinMaxScaler scaler = ArtifactFiles.read(dir.resolve(SCALER_FILE), MinMaxScaler.class);
        if (XGBOOST.equals(spec.kind())) {
            TreeModel tree = TreeModel.load(ArtifactFiles.require(dir.resolve(MODEL_FILE)), spec.indicators().size() * 5);
            return new SequenceClassifier(spec, scaler, tree, null);
        }
        return new SequenceClassifier(spec, scaler, null, SequenceNet.load(dir));
    }

    public void save(Path dir) throws IOException {
        ArtifactFiles.write(dir.resolve(SPEC_FILE), spec);
        ArtifactFiles.write(dir.resolve(SCALER_FILE), scaler);
        if (tree != null) {
            tree.save(dir.resolve(MODEL_FILE));
        } else {
            net.save(dir);
        }
    }

    public Spec spec() {
        return spec;
    }

    /** One probability per raw sequence (window × indicators, finite values). */
    public double[] probabilities(List<double[]> sequences) {
        float[] out = tree != null ? tree.predict(summaries(sequences, spec.indicators().size()))
                : net.run(scaled(scaler, sequences)).values();
        double[] p = new double[out.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = out[i];
        }
        return p;
    }

    /**
     * SHAP values of one prediction. Trees: exact TreeSHAP in log-odds (base + contributions = logit p), one value per
     * rolling statistic. LSTM: a sampling estimate on the probability, one value per indicator.
     */
    public Explanation explain(double[] sequence) {
        int width = spec.indicators().size();
        if (tree == null) {
            return SamplingShap.forWindow(spec.indicators(), spec.window()).explain(this::probabilities, sequence,
                    List.of(midpoint(sequence.length, width)), 16, 23);
        }
        float[] row = summaries(List.of(sequence), width);
        float[] c = tree.contributions(row)[0];
        List<String> names = RiskFeatures.summaryNames(spec.indicators());
        List<Contribution> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            out.add(new Contribution(names.get(j), c[j]));
        }
        return new Explanation(c[names.size()], out, true);
    }

    @Override
    public void close() {
        if (tree != null) {
            tree.close();
        }
        if (net != null) {
            net.close();
        }
    }

    /** The background for sampling: every indicator at the middle of its training range. */
    private double[] midpoint(int length, int width) {
        double[] m = new double[length];
        for (int i = 0; i < length; i++) {
            m[i] = (scaler.min()[i % width] + scaler.max()[i % width]) / 2;
        }
        return m;
    }

    private static float[] summaries(List<double[]> sequences, int width) {
        int cols = width * 5;
        float[] rows = new float[sequences.size() * cols];
        for (int i = 0; i < sequences.size(); i++) {
            double[] s = RiskFeatures.summary(sequences.get(i), width);
            for (int j = 0; j < cols; j++) {
                rows[i * cols + j] = (float) s[j];
            }
        }
        return rows;
    }

    private static float[] scaled(MinMaxScaler scaler, List<double[]> sequences) {
        int size = sequences.isEmpty() ? 0 : sequences.get(0).length;
        float[] out = new float[sequences.size() * size];
        for (int i = 0; i < sequences.size(); i++) {
            System.arraycopy(scaler.transform(sequences.get(i)), 0, out, i * size, size);
        }
        return out;
    }
}
