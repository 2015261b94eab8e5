package io.supplytwin.ml.boost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * An XGBoost model's trees read from its JSON form, evaluated in plain Java. XGBoost's own predictor goes through
 * JNI, builds an array interface and runs under OpenMP for every call: a few hundred microseconds per forecast on
 * our shared 2-core machines, against microseconds for walking 150 shallow trees here. Training, the saved file and
 * TreeSHAP stay with XGBoost; {@code TreeModelTest} checks both give the same predictions.
 *
 * <p>XGBoost's rules: a row goes left when {@code x < split} (as float), a missing value follows {@code default_left};
 * a leaf's value is in {@code split_conditions}; the margin is the base score (the logit of it for
 * {@code binary:logistic}) plus one leaf per tree.
 */
final class TreeEnsemble {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int[][] left;
    private final int[][] right;
    private final int[][] feature;
    private final float[][] value;
    private final boolean[][] defaultLeft;
    private final double baseMargin;
    private final boolean logistic;

    private TreeEnsemble(int[][] left, int[][] right, int[][] feature, float[][] value, boolean[][] defaultLeft,
                         double baseMargin, boolean logistic) {
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.value = value;
        this.defaultLeft = defaultLeft;
        this.baseMargin = baseMargin;
        this.logistic = logistic;
    }

    static TreeEnsemble parse(byte[] modelJson) throws IOException {
        JsonNode learner = JSON.readTree(modelJson).path("learner");
        String objective = learner.path("objective").path("name").asText();
        boolean logistic = objective.equals("binary:logistic");
        if (!logistic && !objective.equals("reg:squarederror")) {
            throw new IOException("unsupported XGBoost objective " + objective);
        }
        String base = learner.path("learner_model_param").path("base_score").asText().replace("[", "").replace("]", "");
        double baseScore = Double.parseDouble(base);
        JsonNode trees = learner.path("gradient_booster").path("model").path("trees");
        int n = trees.size();
        int[][] left = new int[n][];
        int[][] right = new int[n][];
        int[][] feature = new int[n][];
        float[][] value = new float[n][];
        boolean[][] defaultLeft = new boolean[n][];
        for (int t = 0; t < n; t++) {
            JsonNode tree = trees.get(t);
            left[t] = ints(tree.path("left_children"));
            right[t] = ints(tree.path("right_children"));
            feature[t] = ints(tree.path("split_indices"));
            JsonNode cond = tree.path("split_conditions");
            value[t] = new float[cond.size()];
            for (int i = 0; i < cond.size(); i++) {
                value[t][i] = (float) cond.get(i).asDouble();
            }
            JsonNode dl = tree.path("default_left");
            defaultLeft[t] = new boolean[dl.size()];
            for (int i = 0; i < dl.size(); i++) {
                defaultLeft[t][i] = dl.get(i).isBoolean() ? dl.get(i).asBoolean() : dl.get(i).asInt() != 0;
            }
        }
        double margin = logistic ? Math.log(baseScore / (1 - baseScore)) : baseScore;
        return new TreeEnsemble(left, right, feature, value, defaultLeft, margin, logistic);
    }

    /** Predictions for the rows of {@code rows} ({@code columns} wide), as XGBoost's {@code predict} returns them. */
    float[] predict(float[] rows, int columns) {
        int n = rows.length / columns;
        float[] out = new float[n];
        for (int r = 0; r < n; r++) {
            int o = r * columns;
            double margin = baseMargin;
            for (int t = 0; t < left.length; t++) {
                int[] l = left[t];
                int[] rt = right[t];
                int[] f = feature[t];
                float[] v = value[t];
                int node = 0;
                while (l[node] != -1) {
                    float x = rows[o + f[node]];
                    node = Float.isNaN(x) ? (defaultLeft[t][node] ? l[node] : rt[node]) : (x < v[node] ? l[node] : rt[node]);
                }
                margin += v[node];
            }
            out[r] = (float) (logistic ? 1 / (1 + Math.exp(-margin)) : margin);
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
