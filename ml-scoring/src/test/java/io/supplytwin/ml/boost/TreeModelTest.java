package io.supplytwin.ml.boost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeModelTest {

    @Test
    void java_predictions_match_xgboost_for_regression_and_classification_with_missing_values(@TempDir Path dir)
            throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        int n = 2000;
        int cols = 6;
        float[] x = new float[n * cols];
        float[] y = new float[n];
        float[] cls = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] = r.nextInt(20) == 0 ? Float.NaN : (float) r.nextGaussian();
            }
            double v = 2 * x[i * cols] - x[i * cols + 1] * x[i * cols + 2] + 0.3 * r.nextGaussian();
            y[i] = (float) (Double.isNaN(v) ? 0 : v);
            cls[i] = y[i] > 0.5 ? 1 : 0;
        }
        for (boolean classifier : new boolean[] {false, true}) {
            try (TreeModel m = TreeModel.train(x, cols, classifier ? cls : y, classifier, 60, 5, 0.2, 1)) {
                float[] java = m.predict(x);
                float[] xgb = m.predictNative(x);
                for (int i = 0; i < n; i++) {
                    assertThat(java[i]).isCloseTo(xgb[i], within(1e-4f));
                }
                Path file = dir.resolve(classifier + ".ubj");
                m.save(file);
                try (TreeModel loaded = TreeModel.load(file, cols)) {
                    assertThat(loaded.predict(x)).containsExactly(java);
                }
            }
        }
    }
}
