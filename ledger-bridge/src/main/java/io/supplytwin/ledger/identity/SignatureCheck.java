package io.supplytwin.ledger.identity;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies batch signatures against the consortium's certificates, remembering batch roots already verified so a
 * batch's one ECDSA verification serves all its transactions.
 */
public final class SignatureCheck {

    private static final int MAX_REMEMBERED = 100_000;

    private final Consortium consortium;
    private record Signed(String mspId, ByteBuffer batchRoot, ByteBuffer signature) {
    }

    private final Map<Signed, Boolean> verified = new ConcurrentHashMap<>();

    public SignatureCheck(Consortium consortium) {
        this.consortium = consortium;
    }

    public Consortium consortium() {
        return consortium;
    }

    /** Whether {@code sig} is a valid signature by its organisation over {@code payload}. */
    public boolean valid(BatchSignature sig, byte[] payload) {
        if (sig == null || !sig.covers(payload)) {
            return false;
        }
        OrgIdentity org = consortium.find(sig.mspId()).orElse(null);
        if (org == null || !org.mspId().equals(sig.mspId())) {
            return false;
        }
        Signed key = new Signed(sig.mspId(), ByteBuffer.wrap(sig.batchRoot()), ByteBuffer.wrap(sig.signature()));
        Boolean known = verified.get(key);
        if (known != null) {
            return known;
        }
        boolean ok = org.verify(BatchSignature.signedBytes(sig.batchRoot()), sig.signature());
        if (verified.size() > MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(key, ok);
        return ok;
    }
}
