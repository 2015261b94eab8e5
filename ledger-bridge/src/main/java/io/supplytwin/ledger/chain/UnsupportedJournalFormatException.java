package io.supplytwin.ledger.chain;

/**
 * The journal's header names a format this build does not read (written by a later SupplyTwin, or the header
 * was altered). Nothing in it is checked or appended to.
 */
public final class UnsupportedJournalFormatException extends JournalException {

    private final int version;

    public UnsupportedJournalFormatException(int version, int supported) {
        super(0, Journal.MAGIC.length, "journal format version " + version + " is not supported: this build reads format "
                + supported + " (open it with the SupplyTwin release that wrote it)");
        this.version = version;
    }

    public int version() {
        return version;
    }
}
