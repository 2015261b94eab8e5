package io.supplytwin.ledger.chain;

import java.util.ArrayList;
import java.util.List;

/** A transaction proposal: what the submitter asks and signs. Its encoding is the exact signed bytes. */
public record Proposal(String txId, String requestId, String channel, String contract, String function,
        List<String> args, String submitterMsp, long timestampMillis) {

    public Proposal {
        args = List.copyOf(args);
    }

    public byte[] encode() {
        int size = 128 + txId.length() + requestId.length() + channel.length() + contract.length() + function.length();
        for (String a : args) {
            size += 4 + a.length() * 2;
        }
        Codec.Writer w = new Codec.Writer(size).string(txId).string(requestId).string(channel).string(contract)
                .string(function).intValue(args.size());
        args.forEach(w::string);
        return w.string(submitterMsp).longValue(timestampMillis).toBytes();
    }

    public static Proposal decode(byte[] bytes) {
        Codec.Reader r = new Codec.Reader(bytes);
        String txId = r.string();
        String requestId = r.string();
        String channel = r.string();
        String contract = r.string();
        String function = r.string();
        int n = r.count(1_000);
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(r.string());
        }
        Proposal p = new Proposal(txId, requestId, channel, contract, function, args, r.string(), r.longValue());
        r.end();
        return p;
    }
}
