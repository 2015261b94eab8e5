package io.supplytwin.core.ahp;

import io.supplytwin.core.csv.CsvFormatException;
import io.supplytwin.core.csv.CsvRow;
import io.supplytwin.core.csv.CsvRows;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A validated AHP pairwise comparison matrix: entry (i, j) says how much more important criterion i
 * is than criterion j on Saaty's 1–9 scale. Positive, 1 on the diagonal and reciprocal
 * (a_ji = 1 / a_ij, within 1% so that 0.333 passes for 1/3).
 *
 * <p>File format: a header {@code criterion,id1,id2,…}, then one row per criterion in the same order,
 * {@code id_i,a_i1,a_i2,…}; entries may be written as fractions such as {@code 1/3}.
 */
public final class PairwiseMatrix {
    static final double RECIPROCAL_TOLERANCE = 0.01;

    private final List<String> criteria;
    private final double[][] entries;

    private PairwiseMatrix(List<String> criteria, double[][] entries) {
        this.criteria = List.copyOf(criteria);
        this.entries = entries;
    }

    /**
     * @throws AhpException when the matrix is not square, not positive, has a diagonal other than 1,
     *                      is not reciprocal, or has more criteria than the random index table covers
     */
    public static PairwiseMatrix of(List<String> criteria, double[][] entries) {
        int n = criteria.size();
        if (n == 0) {
            throw new AhpException("pairwise matrix has no criteria");
        }
        if (n > RandomIndex.MAX_SIZE) {
            throw new AhpException("pairwise matrix has " + n + " criteria; at most " + RandomIndex.MAX_SIZE
                    + " are supported by Saaty's random index table");
        }
        if (new HashSet<>(criteria).size() != n) {
            throw new AhpException("pairwise matrix criteria are not unique: " + criteria);
        }
        if (entries.length != n) {
            throw new AhpException("pairwise matrix has " + entries.length + " rows for " + n + " criteria");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (entries[i].length != n) {
                throw new AhpException("pairwise matrix row " + criteria.get(i) + " has " + entries[i].length
                        + " entries; expected " + n);
            }
            copy[i] = entries[i].clone();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = copy[i][j];
                if (!(a > 0) || !Double.isFinite(a)) {
                    throw new AhpException("pairwise matrix entry (" + criteria.get(i) + ", " + criteria.get(j)
                            + ") = " + a + " must be a positive finite number");
                }
            }
            if (Math.abs(copy[i][i] - 1) > 1e-9) {
                throw new AhpException("pairwise matrix diagonal entry for " + criteria.get(i) + " is " + copy[i][i]
                        + "; a criterion compared with itself must be 1");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(copy[i][j] * copy[j][i] - 1) > RECIPROCAL_TOLERANCE) {
                    throw new AhpException("pairwise matrix is not reciprocal: (" + criteria.get(i) + ", "
                            + criteria.get(j) + ") = " + copy[i][j] + " but (" + criteria.get(j) + ", "
                            + criteria.get(i) + ") = " + copy[j][i] + "; expected " + (1 / copy[i][j]));
                }
            }
        }
        return new PairwiseMatrix(criteria, copy);
    }

    /** Reads and validates a matrix file; errors name the source and, for parse errors, the line. */
    public static PairwiseMatrix load(Reader reader, String source) {
        List<CsvRow> rows;
        try {
            rows = CsvRows.read(reader);
        } catch (CsvFormatException e) {
            throw new AhpException(source + " line " + e.line() + ": " + e.reason());
        }
        if (rows.isEmpty()) {
            throw new AhpException(source + ": empty pairwise matrix file");
        }
        CsvRow header = rows.get(0);
        List<String> criteria = header.fields().subList(1, header.size());
        if (rows.size() - 1 != criteria.size()) {
            throw new AhpException(source + ": " + criteria.size() + " criteria in the header but "
                    + (rows.size() - 1) + " matrix rows");
        }
        double[][] entries = new double[criteria.size()][];
        List<String> rowNames = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CsvRow row = rows.get(i + 1);
            if (row.size() != criteria.size() + 1) {
                throw new AhpException(source + " line " + row.line() + ": expected " + (criteria.size() + 1)
                        + " columns but found " + row.size());
            }
            if (!row.field(0).equals(criteria.get(i))) {
                throw new AhpException(source + " line " + row.line() + ": row '" + row.field(0)
                        + "' must be '" + criteria.get(i) + "' to follow the header order");
            }
            rowNames.add(row.field(0));
            entries[i] = new double[criteria.size()];
            for (int j = 0; j < criteria.size(); j++) {
                entries[i][j] = parseEntry(row.field(j + 1), source, row.line());
            }
        }
        try {
            return of(rowNames, entries);
        } catch (AhpException e) {
            throw new AhpException(source + ": " + e.getMessage());
        }
    }

    /** Loads a matrix from a classpath resource. */
    public static PairwiseMatrix fromResource(String resourceName) {
        return load(CsvRows.resource(resourceName), resourceName);
    }

    private static double parseEntry(String text, String source, int line) {
        try {
            int slash = text.indexOf('/');
            if (slash >= 0) {
                return Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1));
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new AhpException(source + " line " + line + ": entry '" + text + "' is not a number or fraction");
        }
    }

    public List<String> criteria() {
        return criteria;
    }

    public int size() {
        return criteria.size();
    }

    public double entry(int row, int column) {
        return entries[row][column];
    }
}
