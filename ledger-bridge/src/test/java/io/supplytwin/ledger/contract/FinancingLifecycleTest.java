package io.supplytwin.ledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ledger.LedgerFixture;
import io.supplytwin.ledger.contract.FinancingState.Action;
import io.supplytwin.ledger.gateway.TxResult;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path of the financing lifecycle through the embedded ledger, and the transitions it refuses. */
class FinancingLifecycleTest {

    @TempDir
    Path dir;
    LedgerFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new LedgerFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void appliedEvaluatedApprovedFundedRepaidInOnePayment() throws Exception {
        assertThat(f.apply("C1", "E1", 1000).committed()).isTrue();
        assertThat(f.state("C1")).isEqualTo("APPLIED");
        assertThat(f.evaluate("C1", 1500).committed()).isTrue();
        assertThat(f.state("C1")).isEqualTo("EVALUATED");
        assertThat(f.approve("C1").committed()).isTrue();
        assertThat(f.fund("C1", 1000).committed()).isTrue();
        assertThat(f.state("C1")).isEqualTo("FUNDED");
        assertThat(f.repay("C1", 1000).committed()).isTrue();
        assertThat(f.state("C1")).isEqualTo("REPAID");
        var history = f.history("E1");
        assertThat(history.get("contracts").asInt()).isEqualTo(1);
        assertThat(history.get("onTimeRepayments").asInt()).isEqualTo(1);
        assertThat(history.get("fulfilledContracts").asInt()).isEqualTo(1);
        assertThat(history.get("defaults").asInt()).isZero();
    }

    @Test
    void evaluationStoresTheCredentialAndTheCaseKeepsItsHistory() throws Exception {
        f.apply("C2", "E2", 500);
        f.evaluate("C2", 800);
        var c = CaseBook.JSON.readTree(f.ledger.evaluate("BankMSP", "application", "readCase", "C2").orElseThrow());
        assertThat(c.at("/credential/lmax").asDouble()).isEqualTo(800);
        assertThat(c.at("/credential/c").asDouble()).isEqualTo(0.82);
        assertThat(c.at("/credential/modelVersion").asText()).isEqualTo("credit-v1");
        assertThat(c.at("/credential/rateBand").asText()).isEqualTo("PREFERENTIAL");
        assertThat(c.at("/credential/evidenceHash").asText()).hasSize(64);
        assertThat(c.get("history")).hasSize(2);
        assertThat(c.at("/history/1/by").asText()).isEqualTo("BankMSP");
        assertThat(c.at("/history/1/to").asText()).isEqualTo("EVALUATED");
    }

    @Test
    void partialRepaymentsPassThroughRepaying() throws Exception {
        f.funded("C3", "E3", 900, 1000);
        f.repay("C3", 300);
        assertThat(f.state("C3")).isEqualTo("REPAYING");
        f.repay("C3", 300);
        assertThat(f.state("C3")).isEqualTo("REPAYING");
        f.repay("C3", 300);
        assertThat(f.state("C3")).isEqualTo("REPAID");
        assertThat(f.history("E3").get("onTimeRepayments").asInt()).isEqualTo(3);
        assertThat(f.history("E3").get("fulfilledContracts").asInt()).isEqualTo(1);
    }

    @Test
    void rejectedAfterEvaluation() throws Exception {
        f.apply("C4", "E4", 100);
        f.evaluate("C4", 100);
        assertThat(f.reject("C4").committed()).isTrue();
        assertThat(f.state("C4")).isEqualTo("REJECTED");
        TxResult late = f.fund("C4", 50);
        assertThat(late.committed()).isFalse();
        assertThat(late.reason()).contains("invalid transition").contains("REJECTED");
    }

    @Test
    void overdueThenDefaultedCountsADefault() throws Exception {
        f.funded("C5", "E5", 400, 500);
        f.repay("C5", 100);
        assertThat(f.overdue("C5").committed()).isTrue();
        assertThat(f.state("C5")).isEqualTo("OVERDUE");
        assertThat(f.defaulted("C5").committed()).isTrue();
        assertThat(f.state("C5")).isEqualTo("DEFAULTED");
        assertThat(f.history("E5").get("defaults").asInt()).isEqualTo(1);
        assertThat(f.repay("C5", 300).reason()).contains("invalid transition");
    }

    @Test
    void overdueCaseRepaidLateCountsALateRepayment() throws Exception {
        f.funded("C6", "E6", 400, 500);
        f.overdue("C6");
        assertThat(f.repay("C6", 400).committed()).isTrue();
        assertThat(f.state("C6")).isEqualTo("REPAID");
        assertThat(f.history("E6").get("lateRepayments").asInt()).isEqualTo(1);
        assertThat(f.history("E6").get("onTimeRepayments").asInt()).isZero();
    }

    @Test
    void invalidTransitionsAreRejectedWithAReasonAndRecordedAsRejected() throws Exception {
        f.apply("C7", "E7", 100);
        for (TxResult r : new TxResult[] {f.approve("C7"), f.fund("C7", 10), f.repay("C7", 10), f.overdue("C7"),
                f.defaulted("C7")}) {
            assertThat(r.committed()).isFalse();
            assertThat(r.status()).isEqualTo("CONTRACT_REJECTED");
            assertThat(r.reason()).contains("invalid transition").contains("APPLIED");
            assertThat(r.blockNumber()).as("recorded in a block").isNotNull();
            assertThat(f.ledger.transaction(r.txId())).isPresent()
                    .hasValueSatisfying(t -> assertThat(t.status().name()).isEqualTo("CONTRACT_REJECTED"));
        }
        assertThat(f.state("C7")).isEqualTo("APPLIED");
    }

    @Test
    void allocationCannotExceedLmax() throws Exception {
        f.apply("C8", "E8", 2000);
        f.evaluate("C8", 1200);
        f.approve("C8");
        TxResult over = f.fund("C8", 1500);
        assertThat(over.committed()).isFalse();
        assertThat(over.reason()).contains("exceeds the financing limit Lmax 1200");
        assertThat(f.fund("C8", 1200).committed()).isTrue();
    }

    @Test
    void onlyTheBankApprovesAndFunds() {
        f.apply("C9", "E9", 100);
        f.evaluate("C9", 100);
        TxResult r = f.run("SupplierMSP", "evaluation", "approve", "C9");
        assertThat(r.committed()).isFalse();
        assertThat(r.reason()).contains("must be submitted by BankMSP");
    }

    @Test
    void anUnknownCaseIsReportedAsSuch() {
        assertThat(f.fund("nope", 10).reason()).contains("no financing case nope");
        assertThat(f.ledger.evaluate("BankMSP", "application", "readCase", "nope")).isEmpty();
    }

    @Test
    void lifecycleTableAllowsExactlyTheDocumentedMoves() {
        Set<String> allowed = Set.of("APPLIED-EVALUATE", "EVALUATED-APPROVE", "EVALUATED-REJECT", "APPROVED-FUND",
                "FUNDED-REPAY", "FUNDED-MARK_OVERDUE", "REPAYING-REPAY", "REPAYING-MARK_OVERDUE", "OVERDUE-REPAY",
                "OVERDUE-DEFAULT");
        for (FinancingState s : FinancingState.values()) {
            for (Action a : EnumSet.complementOf(EnumSet.of(Action.APPLY))) {
                assertThat(s.after(a, false).isPresent()).as(s + "-" + a).isEqualTo(allowed.contains(s + "-" + a));
            }
        }
        assertThat(FinancingState.FUNDED.after(Action.REPAY, true)).contains(FinancingState.REPAID);
        assertThat(FinancingState.FUNDED.after(Action.REPAY, false)).contains(FinancingState.REPAYING);
    }
}
