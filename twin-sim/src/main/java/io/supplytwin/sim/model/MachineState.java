package io.supplytwin.sim.model;

import io.supplytwin.core.network.Equipment;
import java.util.SplittableRandom;

/**
 * One machine: wear grows with operating hours and raises the failure hazard; a failure stops it for a repair
 * time; preventive maintenance (planned downtime) resets the wear. Availability, performance and quality — and so
 * OEE = A·P·Q — follow from this state.
 */
public final class MachineState {
    static final double SHIFT_HOURS = 8;
    private static final double DAY_HOURS = 24;
    private static final double PM_INTERVAL_HOURS = 500;
    private static final double PM_DURATION_HOURS = 4;
    private static final double MEAN_REPAIR_HOURS = 4;

    final Equipment equipment;
    final SplittableRandom random;
    /** Good-part capacity per day when running at full performance. */
    final double ratePerDay;
    final double idealCycleSeconds;
    final double baseHazardPerHour;
    final double wearPerHour;

    double wear;
    double hoursSincePm;
    double repairLeft;
    double pmLeft;
    double forcedShare;
    double load = 0.8;
    boolean running = true;
    double failures;
    double repairHoursTotal;
    double operatingHoursTotal;
    double performanceNoise;
    double qualityNoise;

    final Ewma availability = new Ewma(SHIFT_HOURS, 1);
    final Ewma performance = new Ewma(SHIFT_HOURS, 0.9);
    final Ewma quality = new Ewma(SHIFT_HOURS, 0.98);
    final Ewma unplannedDown24h = new Ewma(DAY_HOURS, 0);
    final Ewma plannedDown24h = new Ewma(DAY_HOURS, 0);
    final Ewma faults24h = new Ewma(DAY_HOURS, 0);
    final Ewma utilisation = new Ewma(DAY_HOURS, 0.75);
    double producedShift;
    double scrapShift;
    double reworkShift;
    double energyShift;
    double shiftClock;

    MachineState(Equipment equipment, SplittableRandom random, double ratePerDay) {
        this.equipment = equipment;
        this.random = random;
        this.ratePerDay = ratePerDay;
        this.idealCycleSeconds = 20 + random.nextDouble() * 160;
        this.baseHazardPerHour = 1.0 / (300 + random.nextDouble() * 500);
        this.wearPerHour = (0.6 + 0.8 * random.nextDouble()) / PM_INTERVAL_HOURS;
        this.wear = random.nextDouble() * 0.6;
        this.hoursSincePm = wear / wearPerHour;
        this.failures = 1 + random.nextInt(4);
        this.repairHoursTotal = failures * MEAN_REPAIR_HOURS * (0.6 + 0.8 * random.nextDouble());
        this.operatingHoursTotal = 1500 + random.nextDouble() * 500;
    }

    public String id() {
        return equipment.id();
    }

    /** Advances by {@code dt} hours at the given load (0..1 of capacity asked for by production). */
    void step(double dt, double requestedLoad) {
        load = Math.max(0, Math.min(1, requestedLoad));
        boolean unplannedDown;
        boolean plannedDown = false;
        if (repairLeft > 0) {
            repairLeft -= dt;
            unplannedDown = true;
            if (repairLeft <= 0) {
                wear = Math.max(0.02, wear * 0.5);
            }
        } else if (pmLeft > 0) {
            pmLeft -= dt;
            plannedDown = true;
            unplannedDown = false;
            if (pmLeft <= 0) {
                wear = 0.02 + 0.03 * random.nextDouble();
                hoursSincePm = 0;
            }
        } else {
            unplannedDown = false;
            double runHours = dt * load;
            hoursSincePm += runHours;
            operatingHoursTotal += runHours;
            wear = Math.min(1, wear + wearPerHour * runHours);
            double hazard = baseHazardPerHour * (1 + 12 * wear * wear * wear) * (0.3 + 0.7 * load);
            if (random.nextDouble() < 1 - Math.exp(-hazard * dt)) {
                failures++;
                double repair = MEAN_REPAIR_HOURS * Math.exp(0.6 * random.nextGaussian() - 0.18);
                repairLeft = repair;
                repairHoursTotal += repair;
                faults24h.update(DAY_HOURS / dt, dt);
                unplannedDown = true;
            } else if (hoursSincePm > PM_INTERVAL_HOURS) {
                pmLeft = PM_DURATION_HOURS;
            }
        }
        if (!unplannedDown) {
            faults24h.update(0, dt);
        }
        // a forced failure (shock) takes this share of the machine's time away
        double up = unplannedDown ? 0 : 1 - forcedShare;
        if (plannedDown) {
            up = 0;
        }
        running = up > 0;
        availability.update(plannedDown ? availability.value() : up, dt);
        unplannedDown24h.update(unplannedDown ? 1 : forcedShare, dt);
        plannedDown24h.update(plannedDown ? 1 : 0, dt);
        utilisation.update(up * load, dt);
        performanceNoise = 0.9 * performanceNoise + 0.01 * random.nextGaussian();
        qualityNoise = 0.9 * qualityNoise + 0.002 * random.nextGaussian();
        if (up > 0) {
            performance.update(clamp(0.96 - 0.18 * wear + performanceNoise, 0.3, 0.995), dt);
            quality.update(clamp(0.996 - 0.07 * wear * wear + qualityNoise, 0.6, 0.9995), dt);
        }
        shiftClock += dt;
        if (shiftClock >= SHIFT_HOURS) {
            shiftClock -= SHIFT_HOURS;
            producedShift = 0;
            scrapShift = 0;
            reworkShift = 0;
            energyShift = 0;
        }
    }

    /** Good units made in the last step of {@code dt} hours, and books the shift counters. */
    double output(double dt) {
        if (!running) {
            return 0;
        }
        double made = ratePerDay * dt / DAY_HOURS * load * (1 - forcedShare) * performance.value();
        double q = quality.value();
        producedShift += made;
        scrapShift += made * (1 - q) * 0.6;
        reworkShift += made * (1 - q) * 0.4;
        energyShift += powerKw() * dt;
        return made * q;
    }

    double oee() {
        return availability.value() * performance.value() * quality.value();
    }

    double powerKw() {
        return running ? 15 + 60 * load * (1 + 0.2 * wear) : 4;
    }

    double mtbfHours() {
        return operatingHoursTotal / Math.max(1, failures);
    }

    double mttrHours() {
        return repairHoursTotal / Math.max(1, failures);
    }

    boolean down() {
        return !running;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
