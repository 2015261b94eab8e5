package io.supplytwin.ledger.contract;

import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Credit evaluation: stores the twin's credit credential on the case (bank or core enterprise), then the bank
 * approves or rejects. A case whose credential allows no financing (Lmax ≤ 0) cannot be approved.
 */
@Contract(name = CreditEvaluationContract.NAME, info = @Info(title = "Credit evaluation", version = "1.0"))
public final class CreditEvaluationContract implements ContractInterface {

    public static final String NAME = "evaluation";

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String evaluate(Context ctx, String requestId, String contractId, String credentialJson) {
        CaseBook book = new CaseBook(ctx);
        book.requireSubmitter(Set.of(CaseBook.BANK, CaseBook.CORE), "credit evaluation");
        CreditCredential cred;
        try {
            cred = CaseBook.JSON.readValue(credentialJson, CreditCredential.class);
        } catch (java.io.IOException | RuntimeException e) {
            throw new ChaincodeException("credential is not valid JSON: " + e.getMessage(), "BAD_ARGUMENT");
        }
        CaseBook.require(cred.c() >= 0 && cred.c() <= 1, "credit score C must be within 0..1, got " + cred.c());
        CaseBook.require(cred.lmax() >= 0 && Double.isFinite(cred.lmax()), "Lmax must be a non-negative amount");
        CaseBook.require(cred.evidenceHash() != null && cred.evidenceHash().matches("[0-9a-f]{64}"),
                "evidence hash must be 64 hex digits of SHA-256");
        FinancingCase c = book.requireCase(contractId);
        book.claimRequest(requestId);
        FinancingCase next = book.move(c, FinancingState.Action.EVALUATE, false, cred, c.funded(), c.repaid(), requestId,
                null, "C=" + cred.c() + " Lmax=" + cred.lmax() + " band=" + cred.rateBand());
        return book.save(next);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String approve(Context ctx, String requestId, String contractId) {
        CaseBook book = new CaseBook(ctx);
        book.requireSubmitter(Set.of(CaseBook.BANK), "approval");
        FinancingCase c = book.requireCase(contractId);
        if (c.credential() != null && c.credential().lmax() <= 0) {
            throw new ChaincodeException("case " + contractId + " cannot be approved: its credential allows no financing (Lmax = 0)",
                    "LIMIT");
        }
        book.claimRequest(requestId);
        FinancingCase next = book.move(c, FinancingState.Action.APPROVE, false, c.credential(), c.funded(), c.repaid(),
                requestId, null, null);
        return book.save(next);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String reject(Context ctx, String requestId, String contractId, String reason) {
        CaseBook book = new CaseBook(ctx);
        book.requireSubmitter(Set.of(CaseBook.BANK), "rejection");
        FinancingCase c = book.requireCase(contractId);
        book.claimRequest(requestId);
        FinancingCase next = book.move(c, FinancingState.Action.REJECT, false, c.credential(), c.funded(), c.repaid(),
                requestId, null, reason);
        return book.save(next);
    }
}
