package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.state.WorldState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** The outcome of checking a whole journal: fine, or the first bad block and why. */
public record JournalVerification(boolean ok, long blocks, long transactions, long treeSize, String root, Long badBlock,
        String reason) {

    /** Checks the journal in {@code path} (a ledger directory or the journal file itself) without changing it. */
    public static JournalVerification of(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(Journal.FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            return new JournalVerification(false, 0, 0, 0, null, null, "no journal at " + file);
        }
        MerkleLog log = new MerkleLog();
        try {
            LedgerReplay.Result r = LedgerReplay.replay(file, new WorldState(), log, (h, i, leaf, tx) -> { });
            return new JournalVerification(true, r.headers().size(), r.transactions(), r.last().treeSize(),
                    HexFormat.of().formatHex(r.last().ledgerRoot()), null, null);
        } catch (JournalException e) {
            return new JournalVerification(false, e.block(), log.size(), log.size(), null, e.block(), e.getMessage());
        } catch (IOException e) {
            return new JournalVerification(false, 0, 0, 0, null, null, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
