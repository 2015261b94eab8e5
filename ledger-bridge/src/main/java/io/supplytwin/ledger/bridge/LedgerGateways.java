package io.supplytwin.ledger.bridge;

import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.fabric.FabricLedgerGateway;
import io.supplytwin.ledger.gateway.LedgerGateway;
import java.io.IOException;

/** Opens the ledger the configuration names. */
public final class LedgerGateways {

    private LedgerGateways() {
    }

    public static LedgerGateway open(LedgerBridgeConfig config) throws IOException {
        return config.mode().equals("fabric") ? FabricLedgerGateway.connect(config.fabric())
                : EmbeddedLedger.open(config.embedded());
    }
}
