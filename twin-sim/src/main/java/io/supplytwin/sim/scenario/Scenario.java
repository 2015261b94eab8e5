package io.supplytwin.sim.scenario;

import java.util.Locale;
import java.util.Optional;

/** The three modes of seed 001's evaluation. */
public enum Scenario {
    /** Paper documents, credit from periodic statements, manual review. */
    BASELINE("baseline"),
    /** Trade documents and repayments on a ledger; credit still from statements and passed down from the core. */
    BLOCKCHAIN("blockchain"),
    /** Ledger plus the live twin: credit C from live health H and ledger history, decided by contract. */
    DT_BLOCKCHAIN("dt-blockchain");

    private final String code;

    Scenario(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Prefix of this mode's keys in the parameter file. */
    String parameterPrefix() {
        return this == DT_BLOCKCHAIN ? "dt" : code;
    }

    public static Optional<Scenario> fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Scenario s : values()) {
            if (s.code.equals(c) || (s == BLOCKCHAIN && c.equals("blockchain-only"))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
