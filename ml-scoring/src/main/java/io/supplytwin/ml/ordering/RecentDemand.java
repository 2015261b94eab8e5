package io.supplytwin.ml.ordering;

/**
 * The last days' demand in the figures the policies use: exponential smoothing (seeded with the first day), mean and
 * population standard deviation.
 */
record RecentDemand(int days, double smoothed, double mean, double sigma) {
    /** Days of demand the seed's rule looks back over. */
    static final int DAYS = 10;

    /** Over the last {@link #DAYS} values of {@code recent} (oldest first); null when it is empty. */
    static RecentDemand of(double[] recent, double alpha) {
        int n = Math.min(DAYS, recent.length);
        if (n == 0) {
            return null;
        }
        double smoothed = recent[recent.length - n];
        double sum = 0;
        double sq = 0;
        for (int i = recent.length - n; i < recent.length; i++) {
            smoothed = alpha * recent[i] + (1 - alpha) * smoothed;
            sum += recent[i];
            sq += recent[i] * recent[i];
        }
        double mean = sum / n;
        return new RecentDemand(n, smoothed, mean, Math.sqrt(Math.max(0, sq / n - mean * mean)));
    }
}
