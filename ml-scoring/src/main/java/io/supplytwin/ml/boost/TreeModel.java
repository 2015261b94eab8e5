package io.supplytwin.ml.boost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One XGBoost booster on dense float rows: training with one OpenMP thread, prediction in plain Java from the
 * booster's trees ({@link TreeEnsemble}), TreeSHAP contributions from XGBoost, and the UBJSON model file.
 */
public final class TreeModel implements AutoCloseable {
    private final Booster booster;
    private final int columns;
    private final TreeEnsemble trees;

    private TreeModel(Booster booster, int columns) throws XGBoostError, IOException {
        this.booster = booster;
        this.columns = columns;
        this.trees = TreeEnsemble.parse(booster.toByteArray("json"));
    }

    /** Regression (squared error) or binary classification ({@code binary:logistic}). */
    public static TreeModel train(float[] rows, int columns, float[] labels, boolean classifier, int rounds, int depth,
                                  double eta, long seed) {
        try {
            DMatrix data = new DMatrix(rows, labels.length, columns, Float.NaN);
            try {
                data.setLabel(labels);
                Map<String, Object> params = new HashMap<>();
                params.put("objective", classifier ? "binary:logistic" : "reg:squarederror");
                params.put("max_depth", depth);
                params.put("eta", eta);
                params.put("subsample", 0.9);
                params.put("nthread", 1);
                params.put("seed", seed);
                params.put("tree_method", "hist");
                params.put("verbosity", 0);
                Booster booster = XGBoost.train(data, params, rounds, Map.of(), null, null);
                booster.setParam("nthread", 1);
                return new TreeModel(booster, columns);
            } finally {
                data.dispose();
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    public static TreeModel load(Path file, int columns) throws IOException {
        try {
            Booster booster = XGBoost.loadModel(Files.readAllBytes(file));
            booster.setParam("nthread", 1);
            return new TreeModel(booster, columns);
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new IOException("cannot read XGBoost model " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(Path file) throws IOException {
        try {
            Files.write(file, booster.toByteArray("ubj"));
        } catch (XGBoostError e) {
            throw new IOException("cannot write XGBoost model " + file, e);
        }
    }

    public int columns() {
        return columns;
    }

    /** One prediction per row of {@code rows} (row-major, {@link #columns()} wide). */
    public float[] predict(float[] rows) {
        return trees.predict(rows, columns);
    }

    /** {@link #predict} through XGBoost's own predictor. */
    public float[] predictNative(float[] rows) {
        int n = rows.length / columns;
        try {
            float[][] out = booster.inplace_predict(rows, n, columns, Float.NaN);
            float[] flat = new float[n];
            for (int i = 0; i < n; i++) {
                flat[i] = out[i][0];
            }
            return flat;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /**
     * TreeSHAP per row: {@code columns + 1} values, the last one the bias; they add up to the margin (the raw score,
     * before the logistic link for a classifier).
     */
    public float[][] contributions(float[] rows) {
        int n = rows.length / columns;
        try {
            DMatrix data = new DMatrix(rows, n, columns, Float.NaN);
            try {
                return booster.predictContrib(data, 0);
            } finally {
                data.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost contributions failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
