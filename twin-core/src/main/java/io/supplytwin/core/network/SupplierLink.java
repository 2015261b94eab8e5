package io.supplytwin.core.network;

import java.util.Objects;

/** {@code supplierId} delivers to {@code customerId}. */
public record SupplierLink(String supplierId, String customerId) {
    public SupplierLink {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(customerId, "customerId");
        if (supplierId.equals(customerId)) {
            throw new IllegalArgumentException("an enterprise cannot supply itself: " + supplierId);
        }
    }
}
