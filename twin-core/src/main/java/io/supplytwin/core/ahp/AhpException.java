package io.supplytwin.core.ahp;

/** A pairwise comparison matrix that cannot be used for weights. */
public class AhpException extends IllegalArgumentException {
    public AhpException(String message) {
        super(message);
    }
}
