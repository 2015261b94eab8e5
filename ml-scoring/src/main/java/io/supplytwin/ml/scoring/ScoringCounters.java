package io.supplytwin.ml.scoring;

/**
 * Counts since the scorer started.
 *
 * @param skippedShort     histories too short for a forecast
 * @param skippedNonFinite windows or risk sequences holding NaN or infinite values, never passed to a model
 * @param swaps            model versions swapped in while running
 * @param failedLoads      versions that could not be loaded (missing or corrupt file) and were skipped
 */
public record ScoringCounters(long forecasts, long skippedShort, long skippedNonFinite, long faultScores,
                              long swaps, long failedLoads) {
}
