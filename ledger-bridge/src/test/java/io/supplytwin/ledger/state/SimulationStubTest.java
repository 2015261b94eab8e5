package io.supplytwin.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.ledger.identity.Consortium;
import io.supplytwin.ledger.identity.OrgIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Test;

/** Fabric's stub over our world state: what a contract sees, what it records, and what it cannot do here. */
class SimulationStubTest {

    private final WorldState state = new WorldState();
    private final OrgIdentity bank = Consortium.generate("BankMSP");

    private SimulationStub stub() {
        return new SimulationStub(state, "supplychain", "tx1", Instant.parse("2026-01-01T00:00:00Z"), bank.serialized(),
                bank.mspId(), "allocation:fund", List.of("r1", "C1", "10"));
    }

    @Test
    void readsRecordVersionsWritesAreBufferedAndUnseenUntilCommit() {
        state.apply(new ReadWriteSet(List.of(), List.of(new ReadWriteSet.Write("a", "1".getBytes()))), new Version(3, 2));
        SimulationStub s = stub();
        assertThat(s.getStringState("a")).isEqualTo("1");
        s.putStringState("a", "2");
        s.delState("b");
        assertThat(s.getStringState("a")).as("as on a peer, no read-your-writes").isEqualTo("1");
        assertThat(s.getState("missing")).isEmpty();
        ReadWriteSet rw = s.readWriteSet();
        assertThat(rw.reads()).containsExactly(new ReadWriteSet.Read("a", new Version(3, 2)), new ReadWriteSet.Read("missing", null));
        assertThat(rw.writes()).hasSize(2);
        assertThat(new String(rw.writes().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(rw.writes().get(1).isDelete()).isTrue();
        assertThat(state.staleRead(rw)).isEmpty();
        state.apply(new ReadWriteSet(List.of(), List.of(new ReadWriteSet.Write("a", "9".getBytes()))), new Version(4, 0));
        assertThat(state.staleRead(rw)).hasValueSatisfying(r -> assertThat(r).contains("MVCC read conflict on a"));
    }

    @Test
    void fabricsContextReadsTheSubmitterFromTheCreatorBytes() {
        Context ctx = new Context(stub());
        assertThat(ctx.getClientIdentity().getMSPID()).isEqualTo("BankMSP");
        assertThat(ctx.getClientIdentity().getId()).contains("admin.BankMSP");
        assertThat(ctx.getStub().getTxId()).isEqualTo("tx1");
        assertThat(ctx.getStub().getFunction()).isEqualTo("allocation:fund");
        assertThat(ctx.getStub().getParameters()).containsExactly("r1", "C1", "10");
    }

    @Test
    void unsupportedCallsSaySo() {
        assertThatThrownBy(() -> stub().getStateByRange("a", "z")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("getStateByRange").hasMessageContaining("embedded ledger");
        assertThatThrownBy(() -> stub().getPrivateData("c", "k")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(stub().splitCompositeKey(stub().createCompositeKey("case", "C1").toString()).getAttributes())
                .containsExactly("C1");
    }
}
