package io.supplytwin.core.catalogue;

import io.supplytwin.core.csv.CsvRow;

/** Turns one catalogue line into an {@link Indicator}, or says exactly what is wrong with it. */
final class IndicatorRow {
    private IndicatorRow() {
    }

    static Indicator parse(CsvRow row, String source) {
        int line = row.line();
        if (row.size() != IndicatorCatalogue.HEADER.size()) {
            throw new CatalogueException(source, line,
                    "expected " + IndicatorCatalogue.HEADER.size() + " columns but found " + row.size());
        }
        String id = row.field(0);
        if (!IndicatorRules.SNAKE_CASE.matcher(id).matches()) {
            throw new CatalogueException(source, line, "id '" + id + "' must be lower snake_case");
        }
        Level level = Level.fromCode(row.field(1)).orElseThrow(() -> new CatalogueException(source, line,
                "unknown level '" + row.field(1) + "' (expected enterprise, order or equipment)"));
        String category = row.field(2);
        if (!IndicatorRules.SNAKE_CASE.matcher(category).matches()) {
            throw new CatalogueException(source, line, "category '" + category + "' must be lower snake_case");
        }
        String unit = row.field(3);
        if (unit.isEmpty()) {
            throw new CatalogueException(source, line, "unit is empty");
        }
        double min = number(row, 4, "min", source);
        double max = number(row, 5, "max", source);
        Direction direction = Direction.fromCode(row.field(6)).orElseThrow(() -> new CatalogueException(source, line,
                "unknown direction '" + row.field(6) + "' (expected higher_better, lower_better or target)"));
        double target = 0;
        double tolerance = 0;
        if (direction == Direction.TARGET) {
            target = number(row, 7, "target", source);
            tolerance = number(row, 8, "tolerance", source);
        } else if (!row.field(7).isEmpty() || !row.field(8).isEmpty()) {
            throw new CatalogueException(source, line, "target and tolerance must be empty unless direction is target");
        }
        double deadband = number(row, 9, "deadband", source);
        OutOfRangeRule rule = OutOfRangeRule.fromCode(row.field(10)).orElseThrow(() -> new CatalogueException(source,
                line, "unknown out_of_range rule '" + row.field(10) + "' (expected clamp or reject)"));
        String description = row.field(11);
        if (description.isEmpty()) {
            throw new CatalogueException(source, line, "description is empty");
        }
        String problem = IndicatorRules.problem(min, max, direction, target, tolerance, deadband);
        if (problem != null) {
            throw new CatalogueException(source, line, problem);
        }
        return new Indicator(id, level, category, unit, min, max, direction, target, tolerance, deadband, rule,
                description);
    }

    private static double number(CsvRow row, int column, String name, String source) {
        String text = row.field(column);
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the column name
        }
        throw new CatalogueException(source, row.line(), name + " '" + text + "' is not a finite number");
    }
}
