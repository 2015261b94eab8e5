package io.supplytwin.ml.experiment.rl;

import java.util.SplittableRandom;

/** Experience replay: the last {@code capacity} transitions (state, action, reward, next state), sampled uniformly. */
final class ReplayBuffer {
    private final float[][] states;
    private final int[] actions;
    private final float[] rewards;
    private final float[][] next;
    private int size;
    private int cursor;

    ReplayBuffer(int capacity) {
        states = new float[capacity][];
        actions = new int[capacity];
        rewards = new float[capacity];
        next = new float[capacity][];
    }

    void add(float[] state, int action, float reward, float[] nextState) {
        states[cursor] = state;
        actions[cursor] = action;
        rewards[cursor] = reward;
        next[cursor] = nextState;
        cursor = (cursor + 1) % states.length;
        size = Math.min(size + 1, states.length);
    }

    int size() {
        return size;
    }

    int capacity() {
        return states.length;
    }

    /** {@code n} transitions drawn with replacement. */
    Batch sample(int n, SplittableRandom random) {
        int width = states[0].length;
        float[] s = new float[n * width];
        int[] a = new int[n];
        float[] r = new float[n];
        float[][] s2 = new float[n][];
        for (int i = 0; i < n; i++) {
            int j = random.nextInt(size);
            System.arraycopy(states[j], 0, s, i * width, width);
            a[i] = actions[j];
            r[i] = rewards[j];
            s2[i] = next[j];
        }
        return new Batch(s, a, r, s2, width);
    }

    /** States flattened row-major; next states one array each. */
    record Batch(float[] states, int[] actions, float[] rewards, float[][] next, int width) {
    }
}
