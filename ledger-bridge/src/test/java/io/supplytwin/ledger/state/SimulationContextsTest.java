package io.supplytwin.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.ledger.identity.Consortium;
import io.supplytwin.ledger.identity.OrgIdentity;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Test;

/** Contexts built from a cached identity answer exactly as Fabric's own, each with its own transaction's stub. */
class SimulationContextsTest {

    private final WorldState state = new WorldState();
    private final OrgIdentity bank = Consortium.generate("BankMSP");
    private final OrgIdentity supplier = Consortium.generate("SupplierMSP");
    private final SimulationContexts contexts = new SimulationContexts();

    private SimulationStub stub(OrgIdentity who, String txId) {
        return new SimulationStub(state, "supplychain", txId, Instant.parse("2026-01-01T00:00:00Z"), who.serialized(),
                who.mspId(), "allocation:fund", List.of("r1", "C1", "10"));
    }

    @Test
    void aCachedIdentityIsTheOneFabricParsesAndEachContextHasItsOwnStub() {
        SimulationStub first = stub(bank, "tx1");
        SimulationStub second = stub(bank, "tx2");
        Context a = contexts.forStub(first);
        Context b = contexts.forStub(second);
        Context fabric = new Context(second);
        assertThat(b.getClientIdentity().getMSPID()).isEqualTo(fabric.getClientIdentity().getMSPID()).isEqualTo("BankMSP");
        assertThat(b.getClientIdentity().getId()).isEqualTo(fabric.getClientIdentity().getId());
        assertThat(b.getClientIdentity().getX509Certificate()).isEqualTo(fabric.getClientIdentity().getX509Certificate());
        assertThat(a.getStub()).isSameAs(first);
        assertThat(b.getStub()).isSameAs(second);
        assertThat(b.getClientIdentity()).as("parsed once per creator").isSameAs(a.getClientIdentity());
        assertThat(contexts.cached()).isEqualTo(1);
    }

    @Test
    void anotherCreatorGetsItsOwnIdentity() {
        Context b = contexts.forStub(stub(bank, "tx1"));
        Context s = contexts.forStub(stub(supplier, "tx2"));
        assertThat(b.getClientIdentity().getMSPID()).isEqualTo("BankMSP");
        assertThat(s.getClientIdentity().getMSPID()).isEqualTo("SupplierMSP");
        assertThat(contexts.cached()).isEqualTo(2);
    }

    @Test
    void creatorBytesThatAreNoIdentityFailAsInFabric() {
        SimulationStub bad = new SimulationStub(state, "supplychain", "tx1", Instant.now(), new byte[] {1, 2, 3}, "BankMSP",
                "allocation:fund", List.of());
        assertThatThrownBy(() -> contexts.forStub(bad)).isInstanceOf(RuntimeException.class);
        assertThat(contexts.cached()).isZero();
    }
}
