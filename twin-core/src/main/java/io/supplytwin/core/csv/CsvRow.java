package io.supplytwin.core.csv;

import java.util.List;

/** One data line of a comma-separated file, with its 1-based line number for error messages. */
public record CsvRow(int line, List<String> fields) {
    public CsvRow {
        fields = List.copyOf(fields);
    }

    public int size() {
        return fields.size();
    }

    public String field(int index) {
        return fields.get(index);
    }
}
