package io.supplytwin.ml.training;

import io.supplytwin.ml.feature.DayObservation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily histories from a CSV file with the header {@code entity_id,day,demand,orders,inventory,sales}, one row per
 * entity and day, days ascending within an entity. A bad row stops the read with its line number.
 */
public final class ForecastCsv {
    static final String HEADER = "entity_id,day,demand,orders,inventory,sales";

    private ForecastCsv() {
    }

    public static List<List<DayObservation>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase(HEADER)) {
            throw new IllegalArgumentException(file + ": the first line must be '" + HEADER + "'");
        }
        Map<String, List<DayObservation>> byEntity = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected 6 fields but found " + f.length);
            }
            try {
                byEntity.computeIfAbsent(f[0], k -> new ArrayList<>()).add(DayObservation.supply(Long.parseLong(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": not a number (" + e.getMessage() + ")");
            }
        }
        return new ArrayList<>(byEntity.values());
    }
}
