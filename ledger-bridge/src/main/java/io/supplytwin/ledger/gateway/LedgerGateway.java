package io.supplytwin.ledger.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ledger as the bridge sees it: submit transactions, evaluate (read-only) functions. Implemented by the
 * embedded ledger (default) and by the Hyperledger Fabric gateway; the financing contracts are the same classes
 * on both.
 */
public interface LedgerGateway extends AutoCloseable {

    /** Submits one transaction; the future completes once it is committed or known to be invalid. */
    CompletableFuture<TxResult> submit(Submission submission);

    /** Submits several at once (they may share a block); futures in the order given. */
    default List<CompletableFuture<TxResult>> submitAll(List<Submission> submissions) {
        return submissions.stream().map(this::submit).toList();
    }

    /**
     * Runs a read-only function as {@code mspId} and returns its answer, or empty when the contract says the thing
     * does not exist. Other contract failures throw {@link LedgerException}.
     */
    Optional<String> evaluate(String mspId, String contract, String function, String... args);

    /** Short description for logs: which ledger, where. */
    String describe();

    @Override
    void close();
}
