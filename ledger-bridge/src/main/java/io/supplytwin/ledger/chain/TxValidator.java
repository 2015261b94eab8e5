package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.identity.BatchSignature;
import io.supplytwin.ledger.identity.EndorsementPolicies;
import io.supplytwin.ledger.identity.EndorsementPolicy;
import io.supplytwin.ledger.identity.SignatureCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The committer's checks of one transaction, in Fabric's order: the submitter's signature, the contract's
 * outcome, the endorsements against the function's policy; then {@link BlockValidation} checks MVCC (read versions
 * still current) in block order. The same checks run again when the journal is replayed or verified.
 */
public final class TxValidator {

    /**
     * The short causes a refused verdict carries, for counting, by status (a contract's refusal carries
     * {@code contract} here; the ledger counts it by the contract's own code).
     */
    public static final Map<TxStatus, List<String>> CAUSES = Map.of(
            TxStatus.BAD_SIGNATURE, List.of("unsigned", "wrong_signer", "not_verified", "malformed_proposal"),
            TxStatus.ENDORSEMENT_POLICY_FAILURE, List.of("invalid_signature", "policy_unsatisfied"),
            TxStatus.MVCC_READ_CONFLICT, List.of("in_block", "stale"),
            TxStatus.CONTRACT_REJECTED, List.of("contract"));

    /** A validation code, why (for people) and a short cause (one of {@link #CAUSES}). */
    public record Verdict(TxStatus status, String reason, String cause) {
        static final Verdict VALID = new Verdict(TxStatus.VALID, null, null);

        public boolean valid() {
            return status == TxStatus.VALID;
        }
    }

    private final SignatureCheck signatures;

    public TxValidator(SignatureCheck signatures) {
        this.signatures = signatures;
    }

    /**
     * The checks that do not depend on the world state: the submitter's signature, the contract's outcome, the
     * endorsements' signatures and the endorsement policy. They may run in parallel, ahead of the committer's
     * in-order MVCC check; VALID here means "passes so far".
     */
    public Verdict checkSignaturesAndPolicy(Envelope e) {
        Proposal p;
        try {
            p = e.proposal();
        } catch (Codec.MalformedException ex) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "proposal does not decode: " + ex.getMessage(), "malformed_proposal");
        }
        BatchSignature s = e.submitterSignature();
        if (s == null) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "unsigned transaction", "unsigned");
        }
        if (!s.mspId().equals(p.submitterMsp())) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "proposal names submitter " + p.submitterMsp() + " but is signed by "
                    + s.mspId(), "wrong_signer");
        }
        if (!signatures.valid(s, e.proposalBytes())) {
            return new Verdict(TxStatus.BAD_SIGNATURE, "submitter signature of " + s.mspId() + " does not verify",
                    "not_verified");
        }
        if (e.contractError() != null) {
            return new Verdict(TxStatus.CONTRACT_REJECTED, e.contractError(), "contract");
        }
        byte[] endorsed = e.endorsedBytes();
        Set<String> endorsers = new TreeSet<>();
        for (BatchSignature en : e.endorsements()) {
            if (!signatures.valid(en, endorsed)) {
                return new Verdict(TxStatus.ENDORSEMENT_POLICY_FAILURE, "endorsement by " + en.mspId() + " does not verify",
                        "invalid_signature");
            }
            endorsers.add(en.mspId());
        }
        EndorsementPolicy policy = EndorsementPolicies.of(p.contract(), p.function());
        if (!policy.satisfiedBy(endorsers)) {
            return new Verdict(TxStatus.ENDORSEMENT_POLICY_FAILURE, "endorsement policy " + policy + " not satisfied by "
                    + endorsers, "policy_unsatisfied");
        }
        return Verdict.VALID;
    }
}
