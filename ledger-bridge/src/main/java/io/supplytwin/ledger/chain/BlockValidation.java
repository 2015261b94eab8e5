package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.state.ReadWriteSet;
import io.supplytwin.ledger.state.Version;
import io.supplytwin.ledger.state.WorldState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates the transactions of one block in order against the world state, as a Fabric committer does: a
 * transaction that read a key an earlier valid transaction of the same block wrote is an MVCC conflict.
 * {@link #apply} then writes the valid ones with their versions.
 */
final class BlockValidation {

    private final WorldState state;
    private final TxValidator validator;
    private final long blockNumber;
    private final Set<String> writtenInBlock = new HashSet<>();
    private final List<ReadWriteSet> validWrites = new ArrayList<>();
    private final List<Integer> validIndexes = new ArrayList<>();

    BlockValidation(WorldState state, TxValidator validator, long blockNumber) {
        this.state = state;
        this.validator = validator;
        this.blockNumber = blockNumber;
    }

    TxValidator.Verdict next(Envelope e, int index) {
        return next(e, index, validator.checkSignaturesAndPolicy(e));
    }

    /** Like {@link #next(Envelope, int)}, with the stateless checks' verdict already at hand (made in parallel). */
    TxValidator.Verdict next(Envelope e, int index, TxValidator.Verdict checked) {
        TxValidator.Verdict v = checked.valid() ? stale(e.rwset()).orElse(checked) : checked;
        if (v.valid()) {
            e.rwset().writes().forEach(w -> writtenInBlock.add(w.key()));
            validWrites.add(e.rwset());
            validIndexes.add(index);
        }
        return v;
    }

    private Optional<TxValidator.Verdict> stale(ReadWriteSet rw) {
        for (ReadWriteSet.Read r : rw.reads()) {
            if (writtenInBlock.contains(r.key())) {
                return Optional.of(new TxValidator.Verdict(TxStatus.MVCC_READ_CONFLICT, "MVCC read conflict on " + r.key()
                        + ": written by an earlier transaction of block " + blockNumber, "in_block"));
            }
        }
        return state.staleRead(rw).map(reason -> new TxValidator.Verdict(TxStatus.MVCC_READ_CONFLICT, reason, "stale"));
    }

    void apply() {
        for (int i = 0; i < validWrites.size(); i++) {
            state.apply(validWrites.get(i), new Version(blockNumber, validIndexes.get(i)));
        }
    }
}
