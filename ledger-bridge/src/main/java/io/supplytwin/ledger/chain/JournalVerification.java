package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.state.WorldState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The outcome of checking a whole journal: fine, or the first bad block and why.
 *
 * @param formatVersion the format the journal's header names (0 when the header itself is unreadable)
 * @param unsupportedFormat the header names a format this build does not read; nothing else was checked
 */
public record JournalVerification(boolean ok, int formatVersion, boolean unsupportedFormat, long blocks,
        long transactions, long treeSize, String root, Long badBlock, String reason) {

    /** Checks the journal in {@code path} (a ledger directory or the journal file itself) without changing it. */
    public static JournalVerification of(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(Journal.FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            return new JournalVerification(false, 0, false, 0, 0, 0, null, null, "no journal at " + file);
        }
        MerkleLog log = new MerkleLog();
        int format = 0;
        try {
            try (Journal.Reader header = new Journal.Reader(file)) {
                format = header.formatVersion();
            }
            LedgerReplay.Result r = LedgerReplay.replay(file, new WorldState(), log, (h, i, leaf, tx) -> { });
            return new JournalVerification(true, r.formatVersion(), false, r.headers().size(), r.transactions(),
                    r.last().treeSize(), HexFormat.of().formatHex(r.last().ledgerRoot()), null, null);
        } catch (UnsupportedJournalFormatException e) {
            return new JournalVerification(false, e.version(), true, 0, 0, 0, null, e.block(), e.getMessage());
        } catch (JournalException e) {
            return new JournalVerification(false, format, false, e.block(), log.size(), log.size(), null, e.block(),
                    e.getMessage());
        } catch (IOException e) {
            return new JournalVerification(false, format, false, 0, 0, 0, null, null, "cannot read " + file + ": "
                    + e.getMessage());
        }
    }
}
