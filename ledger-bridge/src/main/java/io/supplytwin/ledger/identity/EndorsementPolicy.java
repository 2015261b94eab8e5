package io.supplytwin.ledger.identity;

import java.util.List;
import java.util.Set;

/**
 * Which organisations must endorse a transaction, in the spirit of Fabric's signature policies:
 * {@code AND('BankMSP','CoreManufacturerMSP')} or {@code OR(…)}.
 */
public sealed interface EndorsementPolicy {

    boolean satisfiedBy(Set<String> endorsers);

    /** The organisations asked to endorse: all of an AND, the first of an OR. */
    List<String> plan();

    record AllOf(List<String> orgs) implements EndorsementPolicy {
        public AllOf {
            orgs = List.copyOf(orgs);
        }

        @Override
        public boolean satisfiedBy(Set<String> endorsers) {
            return endorsers.containsAll(orgs);
        }

        @Override
        public List<String> plan() {
            return orgs;
        }

        @Override
        public String toString() {
            return "AND(" + String.join(",", orgs.stream().map(o -> "'" + o + "'").toList()) + ")";
        }
    }

    record AnyOf(List<String> orgs) implements EndorsementPolicy {
        public AnyOf {
            orgs = List.copyOf(orgs);
        }

        @Override
        public boolean satisfiedBy(Set<String> endorsers) {
            return orgs.stream().anyMatch(endorsers::contains);
        }

        @Override
        public List<String> plan() {
            return orgs.subList(0, 1);
        }

        @Override
        public String toString() {
            return "OR(" + String.join(",", orgs.stream().map(o -> "'" + o + "'").toList()) + ")";
        }
    }

    static EndorsementPolicy allOf(Org... orgs) {
        return new AllOf(java.util.Arrays.stream(orgs).map(Org::mspId).toList());
    }

    static EndorsementPolicy anyOf(Org... orgs) {
        return new AnyOf(java.util.Arrays.stream(orgs).map(Org::mspId).toList());
    }
}
