package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.identity.BatchSignature;
import io.supplytwin.ledger.identity.EndorsementPolicies;
import io.supplytwin.ledger.identity.EndorsementPolicy;
import io.supplytwin.ledger.identity.SignatureCheck;
import io.supplytwin.ledger.state.ReadWriteSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The committer's checks of one transaction, in Fabric's order: the submitter's signature, the contract's
 * outcome, the endorsements against the function's policy, then MVCC (read versions still current). The same
 * checks run again when the journal is replayed or verified.
 */
public final class TxValidator {

    /** A validation code and why. */
    public record Verdict(TxStatus status, String reason) {
        static final Verdict VALID = new Verdict(TxStatus.VALID, null);
    }

    private final SignatureCheck signatures;

    public TxValidator(SignatureCheck signatures) {
        this.signatures = signatures;
    }

    public Verdict validate(Envelope e, Function<ReadWriteSet, Optional<String>> staleRead) {
        Proposal p;
        try {
            p = e.proposal();
        } catch (Codec.MalformedException ex) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "proposal does not decode: " + ex.getMessage());
        }
        BatchSignature s = e.submitterSignature();
        if (s == null) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "unsigned transaction");
        }
        if (!s.mspId().equals(p.submitterMsp())) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "proposal names submitter " + p.submitterMsp() + " but is signed by "
                    + s.mspId());
        }
        if (!signatures.valid(s, e.proposalBytes())) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "submitter signature of " + s.mspId() + " does not verify");
        }
        if (e.contractError() != null) {
            return new Verdict(TxStatus.CONTRACT_REJECTED, e.contractError());
        }
        byte[] endorsed = e.endorsedBytes();
        Set<String> endorsers = new TreeSet<>();
        for (BatchSignature en : e.endorsements()) {
            if (!signatures.valid(en, endorsed)) {
                return new Verdict(TxStatus.ENDORSEMENT_POLICY_FAILURE, "endorsement by " + en.mspId() + " does not verify");
            }
            endorsers.add(en.mspId());
        }
        EndorsementPolicy policy = EndorsementPolicies.of(p.contract(), p.function());
        if (!policy.satisfiedBy(endorsers)) {
            return new Verdict(TxStatus.ENDORSEMENT_POLICY_FAILURE, "endorsement policy " + policy + " not satisfied by "
                    + endorsers);
        }
        Optional<String> stale = staleRead.apply(e.rwset());
        if (stale.isPresent()) {
            return new Verdict(TxStatus.MVCC_READ_CONFLICT, stale.get());
        }
        return Verdict.VALID;
    }
}
