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
 * @param contractError the contract's refusal, or null when simulation succeeded
 */
public record Envelope(byte[] proposalBytes, BatchSignature submitterSignature, ReadWriteSet rwset, String response,
        String contractError, List<BatchSignature> endorsements) {

    public Envelope {
        endorsements = List.copyOf(endorsements);
    }

    public Proposal proposal() {
        return Proposal.decode(proposalBytes);
    }

    public byte[] endorsedBytes() {
        Codec.Writer w = new Codec.Writer().bytes(MerkleTree.sha256(proposalBytes));
        writeRwset(w, rwset);
        return w.nullableString(response).nullableString(contractError).toBytes();
    }

    public Envelope withEndorsements(List<BatchSignature> e) {
        return new Envelope(proposalBytes, submitterSignature, rwset, response, contractError, e);
    }

    public Envelope withSubmitterSignature(BatchSignature s) {
        return new Envelope(proposalBytes, s, rwset, response, contractError, endorsements);
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
