package io.supplytwin.core.csv;

/** A line of a data file that cannot be used, with the line number and the reason. */
public class CsvFormatException extends IllegalArgumentException {
    private final int line;
    private final String reason;

    public CsvFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    protected CsvFormatException(String source, int line, String reason) {
        super(source + " line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
