package io.supplytwin.core.health;

/** Where a key indicator's value came from. */
public enum ValueSource {
    /** The enterprise twin's own reading. */
    ENTERPRISE,
    /** Rolled up from the enterprise's equipment twins. */
    EQUIPMENT_ROLL_UP,
    /** Rolled up from the enterprise's order twins. */
    ORDER_ROLL_UP,
    /** No usable value anywhere; the indicator is left out of H and the other weights renormalised. */
    MISSING
}
