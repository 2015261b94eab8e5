package io.supplytwin.ingest.clean;

/** One value left out of an otherwise accepted reading, and why. */
public record DroppedValue(String indicatorId, RejectReason reason, String detail) {

    @Override
    public String toString() {
        return indicatorId + " " + reason + " (" + detail + ")";
    }
}
