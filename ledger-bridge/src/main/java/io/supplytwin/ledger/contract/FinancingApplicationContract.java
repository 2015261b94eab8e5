package io.supplytwin.ledger.contract;

import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/** Financing application: an enterprise opens a case asking for an amount; anyone may read a case. */
@Contract(name = FinancingApplicationContract.NAME, info = @Info(title = "Financing application", version = "1.0"))
@Default
public final class FinancingApplicationContract implements ContractInterface {

    public static final String NAME = "application";

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String apply(Context ctx, String requestId, String contractId, String enterpriseId, double amount) {
        CaseBook book = new CaseBook(ctx);
        CaseBook.require(contractId != null && !contractId.isBlank(), "contract id is required");
        CaseBook.require(enterpriseId != null && !enterpriseId.isBlank(), "enterprise id is required");
        CaseBook.require(amount > 0 && Double.isFinite(amount), "requested amount must be positive, got " + amount);
        if (book.findCase(contractId).isPresent()) {
            throw new ChaincodeException("financing case " + contractId + " already exists", "CONFLICT");
        }
        book.claimRequest(requestId);
        FinancingCase c = new FinancingCase(contractId, enterpriseId, book.submitter(), FinancingState.APPLIED, amount,
                null, 0, 0, List.of(book.event(requestId, FinancingState.Action.APPLY, null, FinancingState.APPLIED, amount, null)));
        String json = book.save(c);
        CreditRecord r = book.record(enterpriseId);
        book.save(r.plus(1, 0, 0, 0, 0, book.now()));
        return json;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String readCase(Context ctx, String contractId) {
        return CaseBook.json(new CaseBook(ctx).requireCase(contractId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String readHistory(Context ctx, String enterpriseId) {
        return CaseBook.json(new CaseBook(ctx).record(enterpriseId));
    }
}
