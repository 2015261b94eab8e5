package io.supplytwin.ml.scoring;

import io.supplytwin.ml.explain.Contribution;
import java.util.List;

/**
 * Probability that a machine fails within the next 48 hours (12 readings of 4 hours), from the rolling statistics of
 * its last 12 readings.
 *
 * @param alert true when the probability reached the version's alert threshold
 */
public record FaultRisk(String equipmentId, double probability, boolean alert, double threshold,
                        List<Contribution> topContributors, String model, String version) {
}
