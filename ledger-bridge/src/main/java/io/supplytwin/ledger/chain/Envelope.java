package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.identity.BatchSignature;
import io.supplytwin.ledger.state.ReadWriteSet;
import io.supplytwin.ledger.state.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction on its way to the orderer: the signed proposal, the simulation's read-write set and answer (or
 * the contract's refusal), and the endorsements of the organisations the policy names. Endorsers sign
 * {@link #endorsedBytes()}: the proposal's hash, the read-write set and the outcome.
 *
 * <p>Immutable. The decoded proposal and the endorsed bytes are computed once and kept, since endorsing and every
 * validation need them again (they depend only on the fields, never on the signatures).
 */
public final class Envelope {

    private final byte[] proposalBytes;
    private final BatchSignature submitterSignature;
    private final ReadWriteSet rwset;
    private final String response;
    private final String contractError;
    private final List<BatchSignature> endorsements;
    private volatile Proposal proposal;
    private volatile byte[] endorsedBytes;

    /** @param contractError the contract's refusal, or null when simulation succeeded */
    public Envelope(byte[] proposalBytes, BatchSignature submitterSignature, ReadWriteSet rwset, String response,
            String contractError, List<BatchSignature> endorsements) {
        this(proposalBytes, submitterSignature, rwset, response, contractError, endorsements, null, null);
    }

    private Envelope(byte[] proposalBytes, BatchSignature submitterSignature, ReadWriteSet rwset, String response,
            String contractError, List<BatchSignature> endorsements, Proposal proposal, byte[] endorsedBytes) {
        this.proposalBytes = proposalBytes;
        this.submitterSignature = submitterSignature;
        this.rwset = rwset;
        this.response = response;
        this.contractError = contractError;
        this.endorsements = List.copyOf(endorsements);
        this.proposal = proposal;
        this.endorsedBytes = endorsedBytes;
    }

    /** The envelope of a simulation of {@code p}, whose encoding is {@code proposalBytes}. */
    static Envelope simulated(Proposal p, byte[] proposalBytes, ReadWriteSet rwset, String response, String contractError) {
        return new Envelope(proposalBytes, null, rwset, response, contractError, List.of(), p, null);
    }

    public byte[] proposalBytes() {
        return proposalBytes;
    }

    public BatchSignature submitterSignature() {
        return submitterSignature;
    }

    public ReadWriteSet rwset() {
        return rwset;
    }

    public String response() {
        return response;
    }

    public String contractError() {
        return contractError;
    }

    public List<BatchSignature> endorsements() {
        return endorsements;
    }

    /** The proposal the signed bytes hold; throws {@link Codec.MalformedException} when they do not decode. */
    public Proposal proposal() {
        Proposal p = proposal;
        if (p == null) {
            p = Proposal.decode(proposalBytes);
            proposal = p;
        }
        return p;
    }

    public byte[] endorsedBytes() {
        byte[] b = endorsedBytes;
        if (b == null) {
            Codec.Writer w = new Codec.Writer(64 + rwsetSize(rwset) + length(response) + length(contractError))
                    .bytes(MerkleTree.sha256(proposalBytes));
            writeRwset(w, rwset);
            b = w.nullableString(response).nullableString(contractError).toBytes();
            endorsedBytes = b;
        }
        return b;
    }

    public Envelope withEndorsements(List<BatchSignature> e) {
        return new Envelope(proposalBytes, submitterSignature, rwset, response, contractError, e, proposal, endorsedBytes);
    }

    public Envelope withSubmitterSignature(BatchSignature s) {
        return new Envelope(proposalBytes, s, rwset, response, contractError, endorsements, proposal, endorsedBytes);
    }

    /** About the encoded size, so the writer rarely grows. */
    int estimatedSize() {
        int sigs = (submitterSignature == null ? 0 : 1) + endorsements.size();
        return proposalBytes.length + rwsetSize(rwset) + length(response) + length(contractError) + sigs * 512 + 64;
    }

    private static int rwsetSize(ReadWriteSet rw) {
        int n = 8;
        for (ReadWriteSet.Read r : rw.reads()) {
            n += r.key().length() + 20;
        }
        for (ReadWriteSet.Write w : rw.writes()) {
            n += w.key().length() + (w.value() == null ? 0 : w.value().length) + 12;
        }
        return n;
    }

    private static int length(String s) {
        return s == null ? 1 : 5 + s.length() * 2;
    }

    void write(Codec.Writer w) {
        w.bytes(proposalBytes);
        w.bool(submitterSignature != null);
        if (submitterSignature != null) {
            writeSignature(w, submitterSignature);
        }
        writeRwset(w, rwset);
        w.nullableString(response).nullableString(contractError).intValue(endorsements.size());
        endorsements.forEach(e -> writeSignature(w, e));
    }

    static Envelope read(Codec.Reader r) {
        byte[] proposal = r.bytes();
        BatchSignature submitter = r.bool() ? readSignature(r) : null;
        ReadWriteSet rw = readRwset(r);
        String response = r.nullableString();
        String error = r.nullableString();
        int n = r.count(16);
        List<BatchSignature> endorsements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            endorsements.add(readSignature(r));
        }
        return new Envelope(proposal, submitter, rw, response, error, endorsements);
    }

    static void writeSignature(Codec.Writer w, BatchSignature s) {
        w.string(s.mspId()).bytes(s.batchRoot()).intValue(s.index()).intValue(s.size()).intValue(s.path().size());
        s.path().forEach(w::bytes);
        w.bytes(s.signature());
    }

    static BatchSignature readSignature(Codec.Reader r) {
        String msp = r.string();
        byte[] root = r.bytes();
        int index = r.intValue();
        int size = r.intValue();
        int n = r.count(64);
        List<byte[]> path = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            path.add(r.bytes());
        }
        return new BatchSignature(msp, root, index, size, path, r.bytes());
    }

    static void writeRwset(Codec.Writer w, ReadWriteSet rw) {
        w.intValue(rw.reads().size());
        for (ReadWriteSet.Read read : rw.reads()) {
            w.string(read.key()).bool(read.version() != null);
            if (read.version() != null) {
                w.longValue(read.version().block()).intValue(read.version().tx());
            }
        }
        w.intValue(rw.writes().size());
        for (ReadWriteSet.Write write : rw.writes()) {
            w.string(write.key()).nullableBytes(write.value());
        }
    }

    static ReadWriteSet readRwset(Codec.Reader r) {
        int nr = r.count(100_000);
        List<ReadWriteSet.Read> reads = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) {
            String key = r.string();
            Version v = r.bool() ? new Version(r.longValue(), r.intValue()) : null;
            reads.add(new ReadWriteSet.Read(key, v));
        }
        int nw = r.count(100_000);
        List<ReadWriteSet.Write> writes = new ArrayList<>(nw);
        for (int i = 0; i < nw; i++) {
            writes.add(new ReadWriteSet.Write(r.string(), r.nullableBytes()));
        }
        return new ReadWriteSet(reads, writes);
    }
}
