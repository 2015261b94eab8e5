package io.supplytwin.ingest.clean;

import java.util.Objects;

/** Input that cannot become a reading, with the reason and a detail for the dead-letter record. */
public final class RejectedInputException extends Exception {

    private final RejectReason reason;

    public RejectedInputException(RejectReason reason, String detail) {
        super(detail, null, false, false); // rejections are expected traffic: no stack trace
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
