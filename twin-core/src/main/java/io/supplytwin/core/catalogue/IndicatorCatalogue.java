package io.supplytwin.core.catalogue;

import io.supplytwin.core.csv.CsvFormatException;
import io.supplytwin.core.csv.CsvRow;
import io.supplytwin.core.csv.CsvRows;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators gateways report, loaded from a CSV file and validated as a whole. The standard
 * catalogue ({@link #standard()}) holds the 277 indicators of the reference deployment.
 */
public final class IndicatorCatalogue {
    /** Classpath location of the standard catalogue. */
    public static final String STANDARD_RESOURCE = "/io/supplytwin/core/catalogue/indicators.csv";

    static final List<String> HEADER = List.of("id", "level", "category", "unit", "min", "max", "direction",
            "target", "tolerance", "deadband", "out_of_range", "description");

    private final Map<String, Indicator> byId;
    private final List<Indicator> all;
    private final Map<Level, List<Indicator>> byLevel;

    private IndicatorCatalogue(List<Indicator> indicators) {
        Map<String, Indicator> ids = new LinkedHashMap<>();
        Map<Level, List<Indicator>> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            levels.put(level, new ArrayList<>());
        }
        for (Indicator indicator : indicators) {
            ids.put(indicator.id(), indicator);
            levels.get(indicator.level()).add(indicator);
        }
        levels.replaceAll((level, list) -> List.copyOf(list));
        this.byId = Collections.unmodifiableMap(ids);
        this.all = List.copyOf(indicators);
        this.byLevel = Collections.unmodifiableMap(levels);
    }

    /** The catalogue shipped with twin-core, loaded and validated on first use. */
    public static IndicatorCatalogue standard() {
        return Standard.CATALOGUE;
    }

    private static final class Standard {
        static final IndicatorCatalogue CATALOGUE = fromResource(STANDARD_RESOURCE);
    }

    /** Loads a catalogue from a classpath resource. */
    public static IndicatorCatalogue fromResource(String resourceName) {
        return load(CsvRows.resource(resourceName), resourceName);
    }

    /**
     * Loads and validates a catalogue.
     *
     * @param source a name for the input, used in error messages
     * @throws CatalogueException naming the line and the reason for the first broken row
     */
    public static IndicatorCatalogue load(Reader reader, String source) {
        List<CsvRow> rows;
        try {
            rows = CsvRows.read(reader);
        } catch (CsvFormatException e) {
            throw new CatalogueException(source, e.line(), e.reason());
        }
        if (rows.isEmpty()) {
            throw new CatalogueException(source, 1, "no header line; expected " + String.join(",", HEADER));
        }
        CsvRow header = rows.get(0);
        if (!header.fields().equals(HEADER)) {
            throw new CatalogueException(source, header.line(),
                    "header must be " + String.join(",", HEADER) + " but was " + String.join(",", header.fields()));
        }
        if (rows.size() == 1) {
            throw new CatalogueException(source, header.line(), "catalogue has no indicators");
        }
        List<Indicator> indicators = new ArrayList<>(rows.size() - 1);
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (CsvRow row : rows.subList(1, rows.size())) {
            Indicator indicator = IndicatorRow.parse(row, source);
            Integer previous = firstLine.putIfAbsent(indicator.id(), row.line());
            if (previous != null) {
                throw new CatalogueException(source, row.line(),
                        "duplicate id " + indicator.id() + " (first defined on line " + previous + ")");
            }
            indicators.add(indicator);
        }
        return new IndicatorCatalogue(indicators);
    }

    public Optional<Indicator> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalArgumentException when the id is not in the catalogue */
    public Indicator get(String id) {
        Indicator indicator = byId.get(id);
        if (indicator == null) {
            throw new IllegalArgumentException("unknown indicator id: " + id);
        }
        return indicator;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** All indicators in file order. */
    public List<Indicator> all() {
        return all;
    }

    public List<Indicator> atLevel(Level level) {
        return byLevel.get(level);
    }

    public int size() {
        return all.size();
    }
}
