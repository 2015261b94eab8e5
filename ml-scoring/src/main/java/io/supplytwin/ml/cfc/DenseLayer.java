package io.supplytwin.ml.cfc;

import ai.djl.nn.core.Linear;

/** A trained linear layer copied out of DJL for plain-Java inference: y = W·x + b, W stored (out, in) row-major. */
public record DenseLayer(float[] weight, float[] bias, int in, int out) {

    public static DenseLayer of(Linear linear) {
        float[] w = linear.getParameters().get("weight").getArray().toFloatArray();
        float[] b = linear.getParameters().get("bias").getArray().toFloatArray();
        return new DenseLayer(w, b, w.length / b.length, b.length);
    }

    public float[] apply(float[] x) {
        float[] y = new float[out];
        for (int o = 0; o < out; o++) {
            float s = bias[o];
            int row = o * in;
            for (int i = 0; i < in; i++) {
                s += weight[row + i] * x[i];
            }
            y[o] = s;
        }
        return y;
    }
}
