package io.supplytwin.core.network;

/** An enterprise's position in the supply network. */
public enum Role {
    CORE(0),
    TIER_1(1),
    TIER_2(2);

    private final int tier;

    Role(int tier) {
        this.tier = tier;
    }

    /** 0 for the core enterprise, 1 for its direct suppliers, 2 for theirs. */
    public int tier() {
        return tier;
    }
}
