package io.supplytwin.ledger.gateway;

import java.util.List;

/**
 * One transaction to submit: the request id it answers (the idempotency key), the contract and function, Fabric-
 * style string arguments, and the organisation (MSP id) submitting it.
 */
public record Submission(String requestId, String contract, String function, List<String> args, String submitterMsp) {
    public Submission {
        args = List.copyOf(args);
    }
}
