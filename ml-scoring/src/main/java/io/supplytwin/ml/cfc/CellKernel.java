package io.supplytwin.ml.cfc;

/**
 * A trained cell's step in plain Java. DJL runs every tensor operation through JNI (about 20 µs each here), and a
 * 10-step window of a cell is some 180 of them; for cells this small the same arithmetic in Java takes microseconds.
 * Training stays on DJL; {@code ForecastersTest} checks both paths give the same numbers.
 */
@FunctionalInterface
public interface CellKernel {

    /** The new state from input x, state h and elapsed time dt. */
    float[] step(float[] x, float[] h, float dt);

    /** The final state after a window (row-major steps × features) starting from zeros, one time unit per step. */
    default float[] unroll(float[] window, int offset, int steps, int features, int hidden) {
        float[] h = new float[hidden];
        float[] x = new float[features];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(window, offset + t * features, x, 0, features);
            h = step(x, h, 1f);
        }
        return h;
    }

    static float[] join(float[] x, float[] h) {
        float[] z = new float[x.length + h.length];
        System.arraycopy(x, 0, z, 0, x.length);
        System.arraycopy(h, 0, z, x.length, h.length);
        return z;
    }

    static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }
}
