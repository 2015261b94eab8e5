package io.supplytwin.ledger.contract;

import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Repayment management: repayments (partial or full), overdue marking and default, each updating the borrower's
 * credit record: a repayment counts on time unless the case is overdue, a full one fulfils the contract.
 */
@Contract(name = RepaymentContract.NAME, info = @Info(title = "Repayment management", version = "1.0"))
public final class RepaymentContract implements ContractInterface {

    public static final String NAME = "repayment";
    private static final double CENT = 0.005;

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String repay(Context ctx, String requestId, String contractId, double amount) {
        CaseBook book = new CaseBook(ctx);
        CaseBook.require(amount > 0 && Double.isFinite(amount), "amount must be positive, got " + amount);
        FinancingCase c = book.requireCase(contractId);
        if (c.state().after(FinancingState.Action.REPAY, false).isPresent() && amount > c.outstanding() + CENT) {
            throw new ChaincodeException("repayment " + amount + " exceeds the outstanding " + c.outstanding()
                    + " of case " + contractId, "LIMIT");
        }
        book.claimRequest(requestId);
        boolean full = amount >= c.outstanding() - CENT;
        boolean late = c.state() == FinancingState.OVERDUE;
        FinancingCase next = book.move(c, FinancingState.Action.REPAY, full, c.credential(), c.funded(),
                Math.min(c.funded(), c.repaid() + amount), requestId, amount, late ? "late" : "on time");
        String json = book.save(next);
        CreditRecord r = book.record(c.enterpriseId());
        book.save(r.plus(0, late ? 0 : 1, late ? 1 : 0, full ? 1 : 0, 0, book.now()));
        return json;
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String markOverdue(Context ctx, String requestId, String contractId) {
        CaseBook book = new CaseBook(ctx);
        book.requireSubmitter(Set.of(CaseBook.BANK), "marking a case overdue");
        FinancingCase c = book.requireCase(contractId);
        book.claimRequest(requestId);
        FinancingCase next = book.move(c, FinancingState.Action.MARK_OVERDUE, false, c.credential(), c.funded(),
                c.repaid(), requestId, null, null);
        return book.save(next);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String declareDefault(Context ctx, String requestId, String contractId) {
        CaseBook book = new CaseBook(ctx);
        book.requireSubmitter(Set.of(CaseBook.BANK), "declaring a default");
        FinancingCase c = book.requireCase(contractId);
        book.claimRequest(requestId);
        FinancingCase next = book.move(c, FinancingState.Action.DEFAULT, false, c.credential(), c.funded(), c.repaid(),
                requestId, null, null);
        String json = book.save(next);
        CreditRecord r = book.record(c.enterpriseId());
        book.save(r.plus(0, 0, 0, 0, 1, book.now()));
        return json;
    }
}
