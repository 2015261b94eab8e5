package io.supplytwin.streams.state;

/** What a twin did with a reading. */
public enum ApplyOutcome {
    /** At or after the twin's latest reading: latest values, update time and statistics moved forward. */
    APPLIED,
    /** Older than the twin's latest reading but within the grace period: statistics took it, newer values stayed. */
    LATE_APPLIED,
    /** Older than the twin's latest reading by more than the grace period: dropped. */
    TOO_LATE
}
