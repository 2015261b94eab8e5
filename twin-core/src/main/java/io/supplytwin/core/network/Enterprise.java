package io.supplytwin.core.network;

import java.util.Objects;

/**
 * A participant of the supply network.
 *
 * @param monthlyRevenue average monthly revenue M in CNY, used for the financing limit
 */
public record Enterprise(String id, String name, Role role, Industry industry, double monthlyRevenue) {
    public Enterprise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(industry, "industry");
        if (!(monthlyRevenue >= 0) || !Double.isFinite(monthlyRevenue)) {
            throw new IllegalArgumentException("monthly revenue of " + id + " must be a finite non-negative number");
        }
    }

    public int tier() {
        return role.tier();
    }
}
