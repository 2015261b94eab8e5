package io.supplytwin.ledger.contract;

import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/** Fund allocation: the bank pays out an approved case, never more than the credential's Lmax nor the amount asked. */
@Contract(name = FundAllocationContract.NAME, info = @Info(title = "Fund allocation", version = "1.0"))
public final class FundAllocationContract implements ContractInterface {

    public static final String NAME = "allocation";

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String fund(Context ctx, String requestId, String contractId, double amount) {
        CaseBook book = new CaseBook(ctx);
        book.requireSubmitter(Set.of(CaseBook.BANK), "fund allocation");
        CaseBook.require(amount > 0 && Double.isFinite(amount), "amount must be positive, got " + amount);
        FinancingCase c = book.requireCase(contractId);
        if (c.credential() == null && c.state() == FinancingState.APPROVED) {
            throw new ChaincodeException("case " + contractId + " has no credit credential", "LIMIT");
        }
        if (c.credential() != null && amount > c.credential().lmax()) {
            throw new ChaincodeException("allocation " + amount + " exceeds the financing limit Lmax "
                    + c.credential().lmax() + " of case " + contractId, "LIMIT");
        }
        if (amount > c.requested()) {
            throw new ChaincodeException("allocation " + amount + " exceeds the requested " + c.requested(), "LIMIT");
        }
        book.claimRequest(requestId);
        FinancingCase next = book.move(c, FinancingState.Action.FUND, false, c.credential(), amount, 0, requestId,
                amount, null);
        return book.save(next);
    }
}
