package io.supplytwin.core.catalogue;

import io.supplytwin.core.csv.CsvFormatException;

/** A catalogue that cannot be used; names the source, the line and the reason. */
public class CatalogueException extends CsvFormatException {
    public CatalogueException(String source, int line, String reason) {
        super("indicator catalogue " + source, line, reason);
    }
}
