package io.supplytwin.ledger.chain;

/** A transaction as a block holds it: the envelope and the validation code the committer gave it, with a reason. */
public record Transaction(Envelope envelope, TxStatus status, String reason) {

    public boolean valid() {
        return status == TxStatus.VALID;
    }

    /** The bytes of the journal and of the Merkle leaf. */
    public byte[] encode() {
        Codec.Writer w = new Codec.Writer(envelope.estimatedSize() + 16 + (reason == null ? 0 : reason.length() * 2));
        envelope.write(w);
        return w.intValue(status.ordinal()).nullableString(reason).toBytes();
    }

    public static Transaction decode(byte[] bytes) {
        Codec.Reader r = new Codec.Reader(bytes);
        Envelope e = Envelope.read(r);
        int s = r.intValue();
        if (s < 0 || s >= TxStatus.values().length) {
            throw new Codec.MalformedException("unknown transaction status " + s);
        }
        Transaction tx = new Transaction(e, TxStatus.values()[s], r.nullableString());
        r.end();
        return tx;
    }
}
