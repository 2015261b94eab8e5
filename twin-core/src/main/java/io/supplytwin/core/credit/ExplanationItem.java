package io.supplytwin.core.credit;

import java.util.Objects;

/**
 * One line of an assessment's explanation, for a credit officer.
 *
 * @param outcome      what the item moves: {@code credit_score}, {@code financing_limit} or {@code interest_rate}
 * @param factor       the input, e.g. {@code health_index}
 * @param value        the input's value
 * @param contribution how much the input moved the outcome, in the outcome's unit (score points, CNY,
 *                     percentage points); the contributions to one outcome add up to it
 * @param sentence     the same in words
 */
public record ExplanationItem(String outcome, String factor, double value, double contribution, String sentence) {
    public static final String CREDIT_SCORE = "credit_score";
    public static final String FINANCING_LIMIT = "financing_limit";
    public static final String INTEREST_RATE = "interest_rate";

    public ExplanationItem {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(sentence, "sentence");
    }
}
