package io.supplytwin.ml.risk;

import java.util.ArrayList;
import java.util.List;

/** Raw indicator sequences (row-major window × indicators) with a yes/no outcome each. */
public record LabelledSequences(List<double[]> sequences, List<Boolean> labels) {

    public LabelledSequences() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    public void add(double[] sequence, boolean label) {
        sequences.add(sequence);
        labels.add(label);
    }

    public int size() {
        return sequences.size();
    }

    public float[] labelArray() {
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i) ? 1f : 0f;
        }
        return y;
    }

    public boolean[] labelFlags() {
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return y;
    }

    public double positiveShare() {
        return labels.stream().filter(b -> b).count() / (double) Math.max(1, labels.size());
    }
}
