package io.supplytwin.streams.bench;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.schemas.avro.TelemetryReading;
import io.supplytwin.schemas.avro.TelemetrySource;
import io.supplytwin.schemas.avro.TwinLevel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Readings of many twins for the benchmark: per enterprise one enterprise twin, 12 machines and 7 orders, each
 * reporting every catalogue indicator of its level. Values sit mid-range and wander with noise of a fifth of a deadband;
 * one reading in twenty moves an indicator by three deadbands, so deadband suppression has realistic work to do.
 */
final class SyntheticGateways {

    private static final int MACHINES = 12;
    private static final int ORDERS = 7;
    private static final int PER_ENTERPRISE = 1 + MACHINES + ORDERS;

    private final Random random = new Random(42);
    private final Map<Level, List<Indicator>> indicators = new HashMap<>();
    private final int twins;
    private final String prefix;
    private final long[] seq;

    SyntheticGateways(String prefix, int twins) {
        IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
        for (Level level : Level.values()) {
            indicators.put(level, catalogue.atLevel(level));
        }
        this.prefix = prefix;
        this.twins = Math.max(PER_ENTERPRISE, twins - twins % PER_ENTERPRISE);
        this.seq = new long[this.twins];
    }

    int twins() {
        return twins;
    }

    /** The reading of twin {@code i} (0 ≤ i < twins) at {@code time}. */
    TelemetryReading reading(int i, Instant time) {
        int enterprise = i / PER_ENTERPRISE;
        int slot = i % PER_ENTERPRISE;
        String enterpriseId = prefix + "-e" + enterprise;
        Level level = slot == 0 ? Level.ENTERPRISE : slot <= MACHINES ? Level.EQUIPMENT : Level.ORDER;
        String entityId = switch (level) {
            case ENTERPRISE -> enterpriseId;
            case EQUIPMENT -> enterpriseId + "-eq-" + slot;
            case ORDER -> enterpriseId + "-ord-" + (slot - MACHINES);
        };
        List<Indicator> list = indicators.get(level);
        Map<String, Double> values = new HashMap<>(list.size() * 2);
        boolean jump = random.nextInt(20) == 0;
        int jumping = random.nextInt(list.size());
        for (int k = 0; k < list.size(); k++) {
            Indicator ind = list.get(k);
            double mid = ind.direction() == io.supplytwin.core.catalogue.Direction.TARGET ? ind.target() : ind.min()
                    + 0.75 * (ind.max() - ind.min());
            double noise = random.nextGaussian() * 0.2 * ind.deadband();
            double step = jump && k == jumping ? 3 * ind.deadband() * (random.nextBoolean() ? 1 : -1) : 0;
            values.put(ind.id(), ind.clamp(mid + noise + step + (enterprise % 7) * ind.deadband()));
        }
        return new TelemetryReading(enterpriseId, TwinLevel.valueOf(level.name()), entityId, ++seq[i], time, time, values,
                List.of(), TelemetrySource.JSON);
    }
}
