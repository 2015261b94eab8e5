package io.supplytwin.core.ahp;

/** Saaty's random consistency index RI(n): the mean CI of random reciprocal matrices of size n. */
public final class RandomIndex {
    /** Saaty (1980/2012) values for n = 1..15. */
    private static final double[] SAATY = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
            1.57, 1.59};
    public static final int MAX_SIZE = SAATY.length;

    private RandomIndex() {
    }

    public static double of(int n) {
        if (n < 1 || n > MAX_SIZE) {
            throw new IllegalArgumentException("random index is tabulated for 1.." + MAX_SIZE + " criteria, not " + n);
        }
        return SAATY[n - 1];
    }
}
