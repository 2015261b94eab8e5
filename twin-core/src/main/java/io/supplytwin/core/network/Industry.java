package io.supplytwin.core.network;

/**
 * Industry segments of the reference network, each with a default industry risk coefficient R for
 * the financing limit Lmax = M·C·(1−R). The coefficients are illustrative defaults, ordered by how
 * cyclical and margin-thin the segment is; a lender replaces them with its own sector ratings.
 */
public enum Industry {
    ASSEMBLY(0.15),
    MACHINING(0.20),
    ELECTRONICS(0.25),
    PLASTICS(0.25),
    CASTING_FORGING(0.30),
    SURFACE_TREATMENT(0.35);

    private final double riskCoefficient;

    Industry(double riskCoefficient) {
        this.riskCoefficient = riskCoefficient;
    }

    public double riskCoefficient() {
        return riskCoefficient;
    }
}
