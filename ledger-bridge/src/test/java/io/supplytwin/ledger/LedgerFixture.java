package io.supplytwin.ledger;

import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.chain.Envelope;
import io.supplytwin.ledger.chain.Proposal;
import io.supplytwin.ledger.contract.CaseBook;
import io.supplytwin.ledger.contract.CreditCredential;
import io.supplytwin.ledger.gateway.Submission;
import io.supplytwin.ledger.gateway.TxResult;
import io.supplytwin.ledger.identity.Consortium;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** An embedded ledger in a temporary directory and short-hands for the financing requests tests send. */
public final class LedgerFixture implements AutoCloseable {

    public static final String BANK = "BankMSP";
    public static final String CORE = "CoreManufacturerMSP";
    public static final String SUPPLIER = "SupplierMSP";

    public final EmbeddedLedger ledger;

    public LedgerFixture(Path dir) throws Exception {
        this(dir, 50);
    }

    public LedgerFixture(Path dir, int maxBlock) throws Exception {
        ledger = EmbeddedLedger.open(new EmbeddedLedger.Options(dir, maxBlock, Duration.ofMillis(5), "supplychain"),
                Consortium.loadOrCreate(dir.resolve("msp")));
    }

    public static String credential(double lmax) {
        return CaseBook.JSON.valueToTree(new CreditCredential(0.82, 0.77, 0.12, "credit-v1", lmax, "PREFERENTIAL",
                "ab".repeat(32))).toString();
    }

    public static String rid() {
        return UUID.randomUUID().toString();
    }

    public TxResult run(String submitter, String contract, String function, String... args) {
        return runAs(rid(), submitter, contract, function, args);
    }

    public TxResult runAs(String requestId, String submitter, String contract, String function, String... args) {
        List<String> a = new java.util.ArrayList<>();
        a.add(requestId);
        a.addAll(List.of(args));
        return ledger.submit(new Submission(requestId, contract, function, a, submitter)).join();
    }

    public TxResult apply(String contractId, String enterprise, double amount) {
        return run(SUPPLIER, "application", "apply", contractId, enterprise, Double.toString(amount));
    }

    public TxResult evaluate(String contractId, double lmax) {
        return run(BANK, "evaluation", "evaluate", contractId, credential(lmax));
    }

    public TxResult approve(String contractId) {
        return run(BANK, "evaluation", "approve", contractId);
    }

    public TxResult reject(String contractId) {
        return run(BANK, "evaluation", "reject", contractId, "limit exhausted");
    }

    public TxResult fund(String contractId, double amount) {
        return run(BANK, "allocation", "fund", contractId, Double.toString(amount));
    }

    public TxResult repay(String contractId, double amount) {
        return run(SUPPLIER, "repayment", "repay", contractId, Double.toString(amount));
    }

    public TxResult overdue(String contractId) {
        return run(BANK, "repayment", "markOverdue", contractId);
    }

    public TxResult defaulted(String contractId) {
        return run(BANK, "repayment", "declareDefault", contractId);
    }

    /** Applies, evaluates with this Lmax, approves and funds. */
    public void funded(String contractId, String enterprise, double amount, double lmax) {
        apply(contractId, enterprise, amount);
        evaluate(contractId, lmax);
        approve(contractId);
        fund(contractId, amount);
    }

    /** A signed and endorsed envelope evaluating {@code contractId} as the bank, not yet ordered. */
    public Envelope endorsedEvaluation(String contractId) {
        Proposal p = ledger.propose(new Submission(rid(), "evaluation", "evaluate", List.of(rid(), contractId,
                credential(900)), BANK), BANK);
        return ledger.signAndEndorse(List.of(ledger.simulate(p)), List.of(p)).get(0);
    }

    public String state(String contractId) throws IOException {
        return CaseBook.JSON.readTree(ledger.evaluate(BANK, "application", "readCase", contractId).orElseThrow())
                .get("state").asText();
    }

    public com.fasterxml.jackson.databind.JsonNode history(String enterprise) throws IOException {
        return CaseBook.JSON.readTree(ledger.evaluate(BANK, "application", "readHistory", enterprise).orElseThrow());
    }

    @Override
    public void close() {
        ledger.close();
    }
}
