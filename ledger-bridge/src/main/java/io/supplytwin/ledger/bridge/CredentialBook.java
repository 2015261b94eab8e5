package io.supplytwin.ledger.bridge;

import io.supplytwin.ledger.chain.MerkleTree;
import io.supplytwin.ledger.contract.CreditCredential;
import io.supplytwin.schemas.avro.CreditAssessment;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest credit assessment per enterprise from {@code twin.credit}, as the credential an evaluation stores.
 * The evidence hash is SHA-256 of the Kafka record's value bytes, so anyone holding the record can check it.
 */
public final class CredentialBook {

    private record Latest(CreditAssessment assessment, String evidenceHash) {
    }

    private final Map<String, Latest> byEnterprise = new ConcurrentHashMap<>();

    public void update(CreditAssessment assessment, byte[] recordValue) {
        String hash = HexFormat.of().formatHex(MerkleTree.sha256(recordValue));
        byEnterprise.merge(assessment.getEnterpriseId(), new Latest(assessment, hash),
                (old, now) -> now.assessment().getTime().isBefore(old.assessment().getTime()) ? old : now);
    }

    /** The credential of the enterprise's latest assessment; {@code modelVersion} when the request names none. */
    public Optional<CreditCredential> credential(String enterpriseId, String modelVersion) {
        Latest l = byEnterprise.get(enterpriseId);
        if (l == null) {
            return Optional.empty();
        }
        CreditAssessment a = l.assessment();
        String model = modelVersion != null ? modelVersion : "credit-model/" + a.getPSource();
        return Optional.of(new CreditCredential(a.getC(), a.getH(), a.getP(), model, a.getLmax(), a.getRateBand().name(),
                l.evidenceHash()));
    }

    public int size() {
        return byEnterprise.size();
    }
}
