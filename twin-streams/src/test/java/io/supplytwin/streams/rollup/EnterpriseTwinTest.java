package io.supplytwin.streams.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EnterpriseTwinTest {

    private static final long WINDOW = 3_600_000L;

    @Test
    void theHighestHealthInTheWindowIsKeptWithoutKeepingEveryValue() {
        EnterpriseTwin twin = EnterpriseTwin.create("e-1");
        Random random = new Random(7);
        double[] h = new double[2_000];
        for (int i = 0; i < h.length; i++) {
            h[i] = random.nextDouble();
            long time = i * 10_000L; // 360 values per window
            twin.rememberHealth(time, h[i], WINDOW);
            double max = Double.NaN;
            for (int j = 0; j <= i; j++) {
                if (j * 10_000L >= time - WINDOW) {
                    max = Double.isNaN(max) ? h[j] : Math.max(max, h[j]);
                }
            }
            assertThat(twin.recentMaxHealth()).as("after value %d", i).isEqualTo(max);
        }
        // only a falling sequence survives: a few values, not the window's 360
        assertThat(twin.recentHealth.size()).isLessThan(40);
        EnterpriseTwin back = EnterpriseTwin.CODEC.decode(EnterpriseTwin.CODEC.encode(twin));
        assertThat(back.recentMaxHealth()).isEqualTo(twin.recentMaxHealth());
    }

    @Test
    void aFallFromAnEarlierPeakStaysVisibleUntilThePeakLeavesTheWindow() {
        EnterpriseTwin twin = EnterpriseTwin.create("e-1");
        twin.rememberHealth(0, 0.9, WINDOW);
        twin.rememberHealth(600_000, 0.7, WINDOW);
        twin.rememberHealth(1_200_000, 0.75, WINDOW);
        assertThat(twin.recentMaxHealth()).isEqualTo(0.9);
        twin.rememberHealth(WINDOW + 1, 0.72, WINDOW);
        assertThat(twin.recentMaxHealth()).isEqualTo(0.75);
    }
}
