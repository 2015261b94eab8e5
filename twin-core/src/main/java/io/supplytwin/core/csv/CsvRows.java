package io.supplytwin.core.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small comma-separated data files shipped with twin-core (catalogue, key indicators,
 * AHP matrix). Lines starting with '#' and blank lines are skipped; fields may be wrapped in double
 * quotes to carry commas, with "" for a literal quote. Fields are trimmed.
 */
public final class CsvRows {
    private CsvRows() {
    }

    /** All non-comment, non-blank lines, the header included, each with its line number. */
    public static List<CsvRow> read(Reader reader) {
        List<CsvRow> rows = new ArrayList<>();
        try (BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                rows.add(new CsvRow(line, split(text, line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Opens a classpath resource of twin-core as UTF-8; fails clearly when it is not there. */
    public static Reader resource(String name) {
        InputStream in = CsvRows.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("resource not found on the classpath: " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static List<String> split(String text, int line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CsvFormatException(line, "unterminated quoted field");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
