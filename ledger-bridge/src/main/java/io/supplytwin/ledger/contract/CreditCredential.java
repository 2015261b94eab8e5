package io.supplytwin.ledger.contract;

/**
 * The credit credential stored by an evaluation: credit score C, health H, risk probability P, the scoring
 * model's version, the financing limit Lmax, the rate band, and the SHA-256 of the twin's assessment it came from.
 */
public record CreditCredential(double c, double h, double p, String modelVersion, double lmax, String rateBand,
        String evidenceHash) {
}
