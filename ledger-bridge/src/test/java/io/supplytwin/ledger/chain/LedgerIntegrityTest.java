package io.supplytwin.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ledger.LedgerFixture;
import io.supplytwin.ledger.gateway.TxResult;
import io.supplytwin.ledger.identity.BatchSignature;
import io.supplytwin.ledger.identity.Consortium;
import io.supplytwin.ledger.identity.OrgIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures, endorsement policies, MVCC and request ids: what the committer refuses and why. */
class LedgerIntegrityTest {

    @TempDir
    Path dir;
    LedgerFixture f;
    EmbeddedLedger ledger;

    @BeforeEach
    void open() throws Exception {
        f = new LedgerFixture(dir);
        ledger = f.ledger;
        f.apply("C1", "E1", 1000);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** A signed and endorsed envelope for evaluating C1, not yet ordered. */
    private Envelope evaluation() {
        return f.endorsedEvaluation("C1");
    }

    @Test
    void aProperlySignedAndEndorsedTransactionCommits() {
        TxResult r = ledger.order(evaluation()).join();
        assertThat(r.committed()).isTrue();
        assertThat(r.status()).isEqualTo("VALID");
    }

    @Test
    void unsignedTransactionIsInvalid() {
        TxResult r = ledger.order(evaluation().withSubmitterSignature(null)).join();
        assertThat(r.committed()).isFalse();
        assertThat(r.status()).isEqualTo("BAD_SIGNATURE");
        assertThat(r.reason()).isEqualTo("unsigned transaction");
    }

    @Test
    void transactionSignedByAnotherOrganisationThanItNamesIsInvalid() {
        Envelope e = evaluation();
        BatchSignature core = BatchSignature.sign(ledger.consortium().get("CoreManufacturerMSP"), List.of(e.proposalBytes())).get(0);
        TxResult r = ledger.order(e.withSubmitterSignature(core)).join();
        assertThat(r.status()).isEqualTo("BAD_SIGNATURE");
        assertThat(r.reason()).contains("signed by CoreManufacturerMSP");
    }

    @Test
    void signatureMadeWithAKeyOutsideTheConsortiumDoesNotVerify() {
        Envelope e = evaluation();
        OrgIdentity impostor = Consortium.generate("BankMSP");
        BatchSignature forged = BatchSignature.sign(impostor, List.of(e.proposalBytes())).get(0);
        TxResult r = ledger.order(e.withSubmitterSignature(forged)).join();
        assertThat(r.status()).isEqualTo("BAD_SIGNATURE");
        assertThat(r.reason()).contains("does not verify");
    }

    @Test
    void proposalChangedAfterSigningIsInvalid() {
        Envelope e = evaluation();
        Proposal p = e.proposal();
        Proposal changed = new Proposal(p.txId(), p.requestId(), p.channel(), p.contract(), p.function(),
                List.of(p.args().get(0), "C1", LedgerFixture.credential(9_000_000)), p.submitterMsp(), p.timestampMillis());
        Envelope tampered = new Envelope(changed.encode(), e.submitterSignature(), e.rwset(), e.response(), null,
                e.endorsements());
        TxResult r = ledger.order(tampered).join();
        assertThat(r.status()).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void missingEndorsementFailsThePolicy() {
        Envelope e = evaluation();
        List<BatchSignature> bankOnly = e.endorsements().stream().filter(s -> s.mspId().equals("BankMSP")).toList();
        TxResult r = ledger.order(e.withEndorsements(bankOnly)).join();
        assertThat(r.status()).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
        assertThat(r.reason()).contains("AND('BankMSP','CoreManufacturerMSP')").contains("[BankMSP]");
        assertThat(ledger.order(e.withEndorsements(List.of())).join().status()).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
    }

    @Test
    void writesChangedAfterEndorsementBreakTheEndorsement() {
        Envelope e = evaluation();
        var rw = e.rwset();
        var writes = new ArrayList<>(rw.writes());
        writes.set(0, new io.supplytwin.ledger.state.ReadWriteSet.Write(writes.get(0).key(), "{}".getBytes()));
        Envelope tampered = new Envelope(e.proposalBytes(), e.submitterSignature(),
                new io.supplytwin.ledger.state.ReadWriteSet(rw.reads(), writes), e.response(), null, e.endorsements());
        TxResult r = ledger.order(tampered).join();
        assertThat(r.status()).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
        assertThat(r.reason()).contains("does not verify");
    }

    @Test
    void staleReadAtCommitIsAnMvccConflict() throws Exception {
        Envelope first = evaluation();
        Envelope second = evaluation(); // simulated on the same state: both read case C1 as APPLIED
        assertThat(ledger.order(first).join().committed()).isTrue();
        TxResult r = ledger.order(second).join();
        assertThat(r.committed()).isFalse();
        assertThat(r.status()).isEqualTo("MVCC_READ_CONFLICT");
        assertThat(r.reason()).contains("case/C1");
        assertThat(f.state("C1")).isEqualTo("EVALUATED");
    }

    @Test
    void conflictingTransactionsInOneBlockCommitOnlyTheFirst() {
        Envelope a = evaluation();
        Envelope b = evaluation();
        var fa = ledger.order(a);
        var fb = ledger.order(b);
        TxResult ra = fa.join();
        TxResult rb = fb.join();
        assertThat(ra.committed()).isTrue();
        assertThat(rb.status()).isEqualTo("MVCC_READ_CONFLICT");
    }

    @Test
    void aReplayedRequestIdIsCommittedOnceAndAnsweredWithTheFirstReceipt() throws Exception {
        String rid = LedgerFixture.rid();
        long before = ledger.size();
        TxResult first = f.runAs(rid, "SupplierMSP", "application", "apply", "C2", "E2", "100");
        TxResult again = f.runAs(rid, "SupplierMSP", "application", "apply", "C2", "E2", "100");
        assertThat(again.txId()).isEqualTo(first.txId());
        assertThat(again.committed()).isTrue();
        assertThat(ledger.size()).isEqualTo(before + 1);
        f.close();
        try (LedgerFixture reopened = new LedgerFixture(dir)) {
            TxResult afterRestart = reopened.runAs(rid, "SupplierMSP", "application", "apply", "C2", "E2", "100");
            assertThat(afterRestart.txId()).isEqualTo(first.txId());
            assertThat(reopened.ledger.size()).isEqualTo(before + 1);
        }
    }

    @Test
    void requestFromAnUnknownOrganisationIsRefused() {
        TxResult r = f.run("PirateMSP", "application", "apply", "C3", "E3", "10");
        assertThat(r.committed()).isFalse();
        assertThat(r.reason()).contains("unknown organisation");
    }
}
