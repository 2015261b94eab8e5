package io.supplytwin.ml.history;

import io.supplytwin.ml.feature.RiskIndicators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated machine histories with failures, on the simulator's wear model: wear grows with running hours, the
 * failure hazard per hour is base·(1 + 12·wear³), a failure stops the machine for a repair (wear halves), and
 * preventive maintenance every 500 running hours resets wear. Readings every 4 hours: spindle vibration and bearing
 * temperature rise with wear, alarms come faster, OEE falls.
 */
public final class EquipmentFailureHistory {
    public static final int READING_HOURS = 4;
    private static final double PM_INTERVAL_HOURS = 500;

    /** One machine's readings (rows of {@link RiskIndicators#EQUIPMENT}) and, per reading, whether a failure started in the hours before it. */
    public record Machine(String id, List<double[]> readings, boolean[] failedAfter) {
        /** True when a failure starts within {@code readingsAhead} readings after index {@code i}. */
        public boolean failsWithin(int i, int readingsAhead) {
            for (int k = i + 1; k <= Math.min(failedAfter.length - 1, i + readingsAhead); k++) {
                if (failedAfter[k]) {
                    return true;
                }
            }
            return false;
        }
    }

    private EquipmentFailureHistory() {
    }

    public static List<Machine> generate(long seed, int machines, int readings) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Machine> out = new ArrayList<>();
        for (int m = 0; m < machines; m++) {
            out.add(machine(random.split(), "m-" + m, readings));
        }
        return out;
    }

    private static Machine machine(SplittableRandom r, String id, int count) {
        double base = 1.0 / (300 + 500 * r.nextDouble());
        double wearPerHour = (0.6 + 0.8 * r.nextDouble()) / PM_INTERVAL_HOURS;
        double wear = 0.6 * r.nextDouble();
        double sincePm = wear / wearPerHour;
        double repairLeft = 0;
        double alarms = 0;
        List<double[]> readings = new ArrayList<>(count);
        boolean[] failed = new boolean[count];
        for (int i = 0; i < count; i++) {
            for (int h = 0; h < READING_HOURS; h++) {
                alarms *= Math.exp(-1.0 / 24);
                if (repairLeft > 0) {
                    repairLeft -= 1;
                    continue;
                }
                wear = Math.min(1, wear + wearPerHour);
                sincePm += 1;
                alarms += r.nextDouble() < 0.05 + 0.5 * wear * wear * wear ? 1 : 0;
                if (r.nextDouble() < 1 - Math.exp(-base * (1 + 12 * wear * wear * wear))) {
                    failed[i] = true;
                    repairLeft = 4 * Math.exp(0.6 * r.nextGaussian());
                    wear = Math.max(0.02, wear * 0.5);
                } else if (sincePm > PM_INTERVAL_HOURS) {
                    wear = 0.02 + 0.03 * r.nextDouble();
                    sincePm = 0;
                }
            }
            readings.add(new double[] {
                    Math.max(0, 1.5 + 6 * wear * wear + 0.3 * r.nextGaussian()),
                    45 + 25 * wear + 1.5 * r.nextGaussian(),
                    Math.rint(alarms),
                    sincePm,
                    EnterpriseDistressHistory.clamp(85 - 15 * wear + 2 * r.nextGaussian(), 0, 100)});
        }
        return new Machine(id, readings, failed);
    }
}
