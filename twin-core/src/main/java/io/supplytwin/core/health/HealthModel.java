package io.supplytwin.core.health;

import io.supplytwin.core.ahp.Ahp;
import io.supplytwin.core.ahp.AhpResult;
import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.csv.CsvFormatException;
import io.supplytwin.core.csv.CsvRow;
import io.supplytwin.core.csv.CsvRows;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The health index: 12 key indicators, their roll-ups from child twins, and AHP weights.
 * Immutable and thread-safe; build it once ({@link #standard()}) and share it.
 */
public final class HealthModel {
    public static final String KEY_INDICATORS_RESOURCE = "/io/supplytwin/core/health/key-indicators.csv";
    public static final String AHP_MATRIX_RESOURCE = "/io/supplytwin/core/health/ahp-key-indicators.csv";
    private static final List<String> KEY_HEADER = List.of("id", "name", "scored_by", "roll_up", "source", "threshold");

    private final List<KeyIndicator> keyIndicators;
    private final AhpResult ahp;
    private final double[] weights;
    private final Indicator[] scoredBy;

    private HealthModel(List<KeyIndicator> keyIndicators, AhpResult ahp) {
        this.keyIndicators = List.copyOf(keyIndicators);
        this.ahp = ahp;
        this.weights = new double[keyIndicators.size()];
        this.scoredBy = new Indicator[keyIndicators.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = ahp.weight(keyIndicators.get(i).id());
            scoredBy[i] = keyIndicators.get(i).scoredBy();
        }
    }

    /** The shipped model: standard catalogue, key-indicator definitions and AHP matrix, built on first use. */
    public static HealthModel standard() {
        return Standard.MODEL;
    }

    private static final class Standard {
        static final HealthModel MODEL = load(IndicatorCatalogue.standard(), CsvRows.resource(KEY_INDICATORS_RESOURCE),
                KEY_INDICATORS_RESOURCE, CsvRows.resource(AHP_MATRIX_RESOURCE), AHP_MATRIX_RESOURCE);
    }

    /**
     * Builds a model from key-indicator definitions and an AHP matrix over the same ids.
     *
     * @throws IllegalArgumentException naming the file and line of a bad definition, or the AHP problem
     */
    public static HealthModel load(IndicatorCatalogue catalogue, Reader keyIndicators, String keySource,
                                   Reader ahpMatrix, String ahpSource) {
        List<KeyIndicator> definitions = parseKeyIndicators(catalogue, keyIndicators, keySource);
        AhpResult ahp = Ahp.load(ahpMatrix, ahpSource);
        Set<String> ids = new HashSet<>();
        definitions.forEach(k -> ids.add(k.id()));
        if (!ids.equals(new HashSet<>(ahp.criteria()))) {
            throw new IllegalArgumentException(ahpSource + ": criteria " + ahp.criteria()
                    + " do not match the key indicators of " + keySource + " " + ids);
        }
        return new HealthModel(definitions, ahp);
    }

    public static HealthModel of(List<KeyIndicator> keyIndicators, AhpResult ahp) {
        Set<String> ids = new HashSet<>();
        keyIndicators.forEach(k -> ids.add(k.id()));
        if (ids.size() != keyIndicators.size() || !ids.equals(new HashSet<>(ahp.criteria()))) {
            throw new IllegalArgumentException("AHP criteria " + ahp.criteria()
                    + " must match the unique key indicator ids " + ids);
        }
        return new HealthModel(keyIndicators, ahp);
    }

    public List<KeyIndicator> keyIndicators() {
        return keyIndicators;
    }

    /** The AHP weights, λmax, CI and CR of the model's matrix. */
    public AhpResult ahp() {
        return ahp;
    }

    public double weight(String keyId) {
        return ahp.weight(keyId);
    }

    /**
     * The key indicator values of one enterprise from the latest readings of its twins.
     *
     * @param enterprise latest readings of the enterprise twin, by catalogue id
     * @param equipment  latest readings of each of its equipment twins
     * @param orders     latest readings of each of its order twins
     * @return one value per key indicator, in model order
     */
    public List<KeyIndicatorValue> rollUp(Map<String, Double> enterprise,
                                          Collection<? extends Map<String, Double>> equipment,
                                          Collection<? extends Map<String, Double>> orders) {
        List<KeyIndicatorValue> values = new ArrayList<>(keyIndicators.size());
        for (KeyIndicator key : keyIndicators) {
            values.add(key.rollUp().value(key.id(), key.scoredBy(), enterprise, equipment, orders));
        }
        return values;
    }

    /** Roll-up then health, in one call. */
    public HealthIndex assess(Map<String, Double> enterprise, Collection<? extends Map<String, Double>> equipment,
                              Collection<? extends Map<String, Double>> orders) {
        return assess(rollUp(enterprise, equipment, orders));
    }

    /** Health from key indicator values in model order (as returned by {@link #rollUp}). */
    public HealthIndex assess(List<KeyIndicatorValue> values) {
        double[] raw = new double[keyIndicators.size()];
        if (values.size() != raw.length) {
            throw new IllegalArgumentException("expected " + raw.length + " key indicator values but got " + values.size());
        }
        for (int i = 0; i < raw.length; i++) {
            KeyIndicatorValue value = values.get(i);
            if (!value.id().equals(keyIndicators.get(i).id())) {
                throw new IllegalArgumentException("key indicator value " + i + " is " + value.id() + ", expected "
                        + keyIndicators.get(i).id());
            }
            raw[i] = value.present() ? value.value() : Double.NaN;
        }
        return assess(raw);
    }

    /**
     * Health from raw key indicator values in model order. NaN or infinite means missing. Indicators
     * that are missing or rejected are left out and the remaining weights renormalised to sum 1.
     */
    public HealthIndex assess(double[] values) {
        int n = weights.length;
        if (values.length != n) {
            throw new IllegalArgumentException("expected " + n + " key indicator values but got " + values.length);
        }
        Score[] scores = new Score[n];
        double coverage = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            Score score = Normaliser.score(scoredBy[i], values[i]);
            scores[i] = score;
            if (score.counts()) {
                coverage += weights[i];
                weighted += weights[i] * score.value();
            }
        }
        double h = coverage > 0 ? Math.min(1, weighted / coverage) : 0;
        List<KeyIndicatorScore> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double effective = scores[i].counts() ? weights[i] / coverage : 0;
            double value = Double.isFinite(values[i]) ? values[i] : 0;
            parts.add(new KeyIndicatorScore(keyIndicators.get(i).id(), value, scores[i], weights[i], effective));
        }
        return new HealthIndex(h, Math.min(1, coverage), parts);
    }

    private static List<KeyIndicator> parseKeyIndicators(IndicatorCatalogue catalogue, Reader reader, String source) {
        List<CsvRow> rows;
        try {
            rows = CsvRows.read(reader);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(source + " line " + e.line() + ": " + e.reason());
        }
        if (rows.isEmpty() || !rows.get(0).fields().equals(KEY_HEADER)) {
            throw new IllegalArgumentException(source + ": header must be " + String.join(",", KEY_HEADER));
        }
        List<KeyIndicator> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRow row : rows.subList(1, rows.size())) {
            String where = source + " line " + row.line() + ": ";
            if (row.size() != KEY_HEADER.size()) {
                throw new IllegalArgumentException(where + "expected " + KEY_HEADER.size() + " columns but found " + row.size());
            }
            String id = row.field(0);
            if (!seen.add(id)) {
                throw new IllegalArgumentException(where + "duplicate key indicator " + id);
            }
            Indicator scoredBy = catalogue.find(row.field(2)).orElseThrow(() ->
                    new IllegalArgumentException(where + "scored_by " + row.field(2) + " is not in the catalogue"));
            RollUp rollUp = switch (row.field(3)) {
                case "enterprise" -> new RollUp.EnterpriseReading();
                case "equipment_mean" -> new RollUp.ChildMean(child(catalogue, row, Level.EQUIPMENT, scoredBy, where));
                case "order_mean" -> new RollUp.ChildMean(child(catalogue, row, Level.ORDER, scoredBy, where));
                case "order_share_at_most" -> shareAtMost(catalogue, row, scoredBy, where);
                default -> throw new IllegalArgumentException(where + "unknown roll_up '" + row.field(3)
                        + "' (expected enterprise, equipment_mean, order_mean or order_share_at_most)");
            };
            try {
                keys.add(new KeyIndicator(id, row.field(1), scoredBy, rollUp));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return keys;
    }

    private static Indicator child(IndicatorCatalogue catalogue, CsvRow row, Level level, Indicator scoredBy,
                                   String where) {
        Indicator source = catalogue.find(row.field(4)).orElseThrow(() ->
                new IllegalArgumentException(where + "source '" + row.field(4) + "' is not in the catalogue"));
        if (source.level() != level) {
            throw new IllegalArgumentException(where + "source " + source.id() + " must be " + level.code() + "-level");
        }
        if (!source.unit().equals(scoredBy.unit())) {
            throw new IllegalArgumentException(where + "a mean of " + source.id() + " (" + source.unit()
                    + ") cannot be scored by " + scoredBy.id() + " (" + scoredBy.unit() + ")");
        }
        return source;
    }

    private static RollUp shareAtMost(IndicatorCatalogue catalogue, CsvRow row, Indicator scoredBy, String where) {
        Indicator source = catalogue.find(row.field(4)).orElseThrow(() ->
                new IllegalArgumentException(where + "source '" + row.field(4) + "' is not in the catalogue"));
        if (source.level() != Level.ORDER) {
            throw new IllegalArgumentException(where + "source " + source.id() + " must be order-level");
        }
        if (!scoredBy.unit().equals("%")) {
            throw new IllegalArgumentException(where + "a share is a percentage; " + scoredBy.id() + " is in "
                    + scoredBy.unit());
        }
        try {
            return new RollUp.OrderShareAtMost(source, Double.parseDouble(row.field(5)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "threshold '" + row.field(5) + "' is not a number");
        }
    }
}
