package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.identity.Consortium;
import io.supplytwin.ledger.identity.SignatureCheck;
import io.supplytwin.ledger.state.WorldState;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads a journal from the start and checks everything it can: framing and block hashes, block numbers, the hash
 * chain, each block's Merkle root and the ledger-wide root, every signature and endorsement policy, and that each
 * transaction's recorded validation code is what validation gives again (MVCC included, by rebuilding the world
 * state). The embedded ledger starts from this; {@code twin ledger verify} runs only this.
 */
public final class LedgerReplay {

    /** Sees each replayed transaction. */
    public interface Listener {
        void transaction(BlockHeader header, int index, long leafIndex, Transaction tx);
    }

    /** What a replay rebuilt. */
    public record Result(int formatVersion, Consortium consortium, List<BlockHeader> headers, long transactions) {
        public BlockHeader last() {
            return headers.get(headers.size() - 1);
        }
    }

    public static final byte[] NO_PREVIOUS = new byte[32];

    private LedgerReplay() {
    }

    /** Replays {@code journal} into {@code state} and {@code log}; throws {@link JournalException} at the first bad block. */
    public static Result replay(Path journal, WorldState state, MerkleLog log, Listener listener) throws IOException {
        List<BlockHeader> headers = new ArrayList<>();
        Consortium consortium = null;
        TxValidator validator = null;
        long txs = 0;
        int format;
        long firstBlockOffset;
        try (Journal.Reader reader = new Journal.Reader(journal)) {
            format = reader.formatVersion();
            firstBlockOffset = reader.offset();
            Block block;
            while (true) {
                long offset = reader.offset();
                block = reader.next();
                if (block == null) {
                    break;
                }
                BlockHeader h = block.header();
                long n = headers.size();
                if (h.number() != n) {
                    throw new JournalException(n, offset, "block number " + h.number() + " where " + n + " was expected");
                }
                byte[] expectedPrev = n == 0 ? NO_PREVIOUS : headers.get(headers.size() - 1).hash();
                if (!Arrays.equals(h.prevHash(), expectedPrev)) {
                    throw new JournalException(n, offset, "previous-block hash does not match block " + (n - 1));
                }
                List<byte[]> leaves = new ArrayList<>(block.entries().size());
                block.entries().parallelStream().map(MerkleTree::leafHash).forEachOrdered(leaves::add);
                if (!Arrays.equals(MerkleTree.root(leaves), h.txRoot())) {
                    throw new JournalException(n, offset, "Merkle root of the block's transactions does not match its header");
                }
                if (n == 0) {
                    if (block.entries().size() != 1 || h.treeSize() != 0) {
                        throw new JournalException(0, offset, "genesis block must hold exactly the consortium configuration");
                    }
                    try {
                        consortium = Consortium.fromConfigBytes(block.entries().get(0));
                    } catch (GeneralSecurityException | RuntimeException e) {
                        throw new JournalException(0, offset, "consortium configuration unreadable: " + e.getMessage());
                    }
                    validator = new TxValidator(new SignatureCheck(consortium));
                } else {
                    replayBlock(block, leaves, offset, state, log, validator, listener);
                    txs += block.entries().size();
                }
                if (h.treeSize() != log.size() || !Arrays.equals(h.ledgerRoot(), log.root())) {
                    throw new JournalException(n, offset, "ledger-wide Merkle root or size does not match the transactions");
                }
                headers.add(h);
            }
        }
        if (headers.isEmpty()) {
            throw new JournalException(0, firstBlockOffset, "journal has no genesis block");
        }
        return new Result(format, consortium, headers, txs);
    }

    private static void replayBlock(Block block, List<byte[]> leaves, long offset, WorldState state, MerkleLog log,
            TxValidator validator, Listener listener) {
        BlockHeader h = block.header();
        BlockValidation validation = new BlockValidation(state, validator, h.number());
        int n = block.entries().size();
        // decoding and the stateless checks in parallel; MVCC then in block order
        Transaction[] decoded = new Transaction[n];
        String[] undecodable = new String[n];
        TxValidator.Verdict[] checked = new TxValidator.Verdict[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                decoded[i] = Transaction.decode(block.entries().get(i));
                checked[i] = validator.checkSignaturesAndPolicy(decoded[i].envelope());
            } catch (Codec.MalformedException e) {
                undecodable[i] = e.getMessage();
            }
        });
        List<Transaction> txs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (undecodable[i] != null) {
                throw new JournalException(h.number(), offset, "transaction " + i + " does not decode: " + undecodable[i]);
            }
            Transaction tx = decoded[i];
            TxValidator.Verdict v = validation.next(tx.envelope(), i, checked[i]);
            if (v.status() != tx.status()) {
                throw new JournalException(h.number(), offset, "transaction " + i + " is recorded " + tx.status()
                        + " but validates as " + v.status() + (v.reason() == null ? "" : " (" + v.reason() + ")"));
            }
            txs.add(tx);
        }
        long first = log.size();
        leaves.forEach(log::append);
        validation.apply();
        for (int i = 0; i < txs.size(); i++) {
            listener.transaction(h, i, first + i, txs.get(i));
        }
    }
}
