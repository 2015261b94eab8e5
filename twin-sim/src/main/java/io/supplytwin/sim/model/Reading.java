package io.supplytwin.sim.model;

import io.supplytwin.core.catalogue.Level;
import java.util.Map;

/**
 * What one gateway reports for one twin in one cycle: catalogue id → value, every indicator of the level.
 *
 * @param seq the cycle number, counting from 1
 */
public record Reading(String enterpriseId, Level level, String entityId, long seq, Map<String, Double> values) {
    public Reading {
        values = java.util.Collections.unmodifiableMap(values);
    }
}
