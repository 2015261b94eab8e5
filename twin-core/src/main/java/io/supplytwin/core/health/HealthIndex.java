package io.supplytwin.core.health;

import java.util.List;

/**
 * Supply chain health H = Σ wᵢ·Sᵢ of one enterprise.
 *
 * @param h        health in [0, 1]; 0 when no key indicator counted (check {@code coverage})
 * @param coverage sum of the AHP weights of the key indicators that counted, in [0, 1]; 1 when all did
 * @param scores   one entry per key indicator, in the model's order
 */
public record HealthIndex(double h, double coverage, List<KeyIndicatorScore> scores) {
    public HealthIndex {
        if (!(h >= 0 && h <= 1)) {
            throw new IllegalArgumentException("health must be in [0, 1] but was " + h);
        }
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage must be in [0, 1] but was " + coverage);
        }
        scores = List.copyOf(scores);
    }

    public KeyIndicatorScore score(String keyId) {
        for (KeyIndicatorScore score : scores) {
            if (score.id().equals(keyId)) {
                return score;
            }
        }
        throw new IllegalArgumentException("unknown key indicator: " + keyId);
    }
}
