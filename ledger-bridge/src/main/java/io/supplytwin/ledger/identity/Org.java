package io.supplytwin.ledger.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four organisations of the financing consortium (seed 001's Fabric network): their MSP ids and the short
 * names requests may use instead.
 */
public enum Org {
    CORE("CoreManufacturerMSP", "core"),
    SUPPLIER("SupplierMSP", "supplier"),
    LOGISTICS("LogisticsMSP", "logistics"),
    BANK("BankMSP", "bank");

    private final String mspId;
    private final String alias;

    Org(String mspId, String alias) {
        this.mspId = mspId;
        this.alias = alias;
    }

    public String mspId() {
        return mspId;
    }

    public String alias() {
        return alias;
    }

    /** The organisation named by MSP id or short name, any case. */
    public static Optional<Org> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Org org : values()) {
            if (org.mspId.toLowerCase(Locale.ROOT).equals(n) || org.alias.equals(n)) {
                return Optional.of(org);
            }
        }
        return Optional.empty();
    }

    public static List<String> mspIds() {
        return List.of(CORE.mspId, SUPPLIER.mspId, LOGISTICS.mspId, BANK.mspId);
    }
}
