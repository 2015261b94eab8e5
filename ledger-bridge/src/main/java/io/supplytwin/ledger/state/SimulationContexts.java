package io.supplytwin.ledger.state;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Fabric {@link Context}s for simulations, with the creator's {@link org.hyperledger.fabric.contract.ClientIdentity}
 * parsed once per creator. Fabric's {@code Context} constructor parses the creator's X.509 certificate every time,
 * which was the largest single cost of executing a transaction; the identity depends only on the creator bytes and
 * is immutable, so each new context is a copy of a prototype built once for those bytes, pointed at the
 * transaction's own stub. The contracts still read {@code ctx.getClientIdentity()} exactly as on a peer.
 */
public final class SimulationContexts {

    /** Members of the consortium plus a margin; more distinct creators than this only costs parses again. */
    private static final int MAX_CREATORS = 64;

    private final Map<ByteBuffer, CopyableContext> prototypes = new ConcurrentHashMap<>();

    /** A context for {@code stub} whose client identity is that of {@code stub.getCreator()}. */
    public Context forStub(ChaincodeStub stub) {
        ByteBuffer creator = ByteBuffer.wrap(stub.getCreator());
        CopyableContext prototype = prototypes.get(creator);
        if (prototype == null) {
            if (prototypes.size() >= MAX_CREATORS) {
                prototypes.clear();
            }
            prototype = new CopyableContext(stub); // parses the certificate; fails as Fabric does on a bad creator
            prototypes.put(creator, prototype);
        }
        return prototype.copyFor(stub);
    }

    /** Creators parsed so far. */
    int cached() {
        return prototypes.size();
    }

    /** A Context that can be copied without running Fabric's constructor (and its certificate parse) again. */
    private static final class CopyableContext extends Context implements Cloneable {

        CopyableContext(ChaincodeStub stub) {
            super(stub);
            this.stub = null; // a prototype belongs to no transaction
        }

        CopyableContext copyFor(ChaincodeStub s) {
            try {
                CopyableContext c = (CopyableContext) super.clone();
                c.stub = s;
                return c;
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
