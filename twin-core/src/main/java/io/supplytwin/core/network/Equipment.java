package io.supplytwin.core.network;

import java.util.Objects;

/** A monitored machine of an enterprise, e.g. {@code t1-03-eq-02}. */
public record Equipment(String id, String enterpriseId, String kind) {
    public Equipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(kind, "kind");
    }
}
