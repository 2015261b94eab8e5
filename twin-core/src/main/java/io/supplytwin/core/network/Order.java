package io.supplytwin.core.network;

import java.util.Objects;

/**
 * An open order placed by {@code customerId} with {@code supplierId}; its twin belongs to the supplier,
 * who executes it. Ids look like {@code t1-03-ord-001} (supplier id, then a sequence).
 */
public record Order(String id, String supplierId, String customerId) {
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
