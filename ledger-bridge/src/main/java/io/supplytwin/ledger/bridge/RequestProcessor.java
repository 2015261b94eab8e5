package io.supplytwin.ledger.bridge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.supplytwin.ledger.contract.CaseBook;
import io.supplytwin.ledger.contract.CreditRecord;
import io.supplytwin.ledger.gateway.LedgerGateway;
import io.supplytwin.ledger.gateway.Submission;
import io.supplytwin.ledger.gateway.TxResult;
import io.supplytwin.ledger.identity.Org;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.LedgerReceipt;
import io.supplytwin.schemas.avro.LedgerRequest;
import io.supplytwin.schemas.avro.ReceiptStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns ledger requests into contract transactions and their results into receipts, without Kafka (the service
 * feeds it polled records; the benchmark feeds it directly). Requests of one poll are submitted together in
 * waves: a wave holds at most one request per enterprise and per case, so requests about the same case follow
 * each other in order instead of conflicting on the same keys.
 */
public final class RequestProcessor {

    /** The receipts of a batch, in request order, and the enterprises whose credit history may have changed. */
    public record Outcome(List<LedgerReceipt> receipts, Set<String> enterprisesTouched) {
    }

    private final LedgerGateway ledger;
    private final CredentialBook credentials;

    public RequestProcessor(LedgerGateway ledger, CredentialBook credentials) {
        this.ledger = ledger;
        this.credentials = credentials;
    }

    public Outcome process(List<LedgerRequest> requests) {
        LedgerReceipt[] receipts = new LedgerReceipt[requests.size()];
        Set<String> touched = new LinkedHashSet<>();
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            remaining.add(i);
        }
        while (!remaining.isEmpty()) {
            List<Integer> wave = new ArrayList<>();
            List<Integer> later = new ArrayList<>();
            Set<String> busy = new HashSet<>();
            for (int i : remaining) {
                LedgerRequest r = requests.get(i);
                if (busy.contains("e:" + r.getEnterpriseId()) || busy.contains("c:" + r.getContractId())) {
                    later.add(i);
                } else {
                    busy.add("e:" + r.getEnterpriseId());
                    busy.add("c:" + r.getContractId());
                    wave.add(i);
                }
            }
            List<Submission> submissions = new ArrayList<>();
            List<Integer> submitted = new ArrayList<>();
            for (int i : wave) {
                LedgerRequest r = requests.get(i);
                Either s = toSubmission(r);
                if (s.refusal != null) {
                    receipts[i] = receipt(r, null, ReceiptStatus.REJECTED, s.refusal, null);
                } else {
                    submissions.add(s.submission);
                    submitted.add(i);
                }
            }
            List<CompletableFuture<TxResult>> futures = ledger.submitAll(submissions);
            for (int k = 0; k < futures.size(); k++) {
                int i = submitted.get(k);
                LedgerRequest r = requests.get(i);
                TxResult result;
                try {
                    result = futures.get(k).join();
                } catch (CompletionException e) {
                    receipts[i] = receipt(r, null, ReceiptStatus.UNKNOWN, "ledger failure: " + e.getCause().getMessage(), null);
                    continue;
                }
                receipts[i] = receipt(r, result, result.committed() ? ReceiptStatus.COMMITTED : ReceiptStatus.REJECTED,
                        result.reason(), result.payload());
                if (result.committed()) {
                    touched.add(r.getEnterpriseId());
                }
            }
            remaining = later;
        }
        return new Outcome(List.of(receipts), touched);
    }

    /** The enterprise's credit history as the ledger holds it now. */
    public CreditHistory history(String enterpriseId) {
        CreditRecord r;
        try {
            r = CaseBook.JSON.readValue(ledger.evaluate(Org.BANK.mspId(), "application", "readHistory", enterpriseId)
                    .orElseThrow(), CreditRecord.class);
        } catch (IOException e) {
            throw new IllegalStateException("credit history of " + enterpriseId + " unreadable", e);
        }
        return CreditHistory.newBuilder().setEnterpriseId(enterpriseId).setContracts(r.contracts())
                .setOnTimeRepayments(r.onTimeRepayments()).setLateRepayments(r.lateRepayments())
                .setFulfilledContracts(r.fulfilledContracts()).setDefaults(r.defaults()).setUpdatedAt(Instant.now()).build();
    }

    private record Either(Submission submission, String refusal) {
    }

    private Either toSubmission(LedgerRequest r) {
        String rid = r.getRequestId();
        String cid = r.getContractId();
        String submitter = Org.find(r.getSubmitterOrg()).map(Org::mspId).orElse(r.getSubmitterOrg());
        String amount = r.getAmount() == null ? "" : Double.toString(r.getAmount());
        return switch (r.getType()) {
            case APPLY -> ok(rid, "application", "apply", submitter, rid, cid, r.getEnterpriseId(), amount);
            case EVALUATE -> {
                Optional<String> credential = credentials.credential(r.getEnterpriseId(), r.getAttributes().get("modelVersion"))
                        .map(c -> CaseBook.JSON.valueToTree(c).toString());
                yield credential.map(c -> ok(rid, "evaluation", "evaluate", submitter, rid, cid, c))
                        .orElse(new Either(null, "no credit assessment of enterprise " + r.getEnterpriseId()
                                + " on twin.credit yet"));
            }
            case APPROVE -> ok(rid, "evaluation", "approve", submitter, rid, cid);
            case REJECT -> ok(rid, "evaluation", "reject", submitter, rid, cid,
                    r.getAttributes().getOrDefault("reason", "rejected by " + submitter));
            case FUND -> ok(rid, "allocation", "fund", submitter, rid, cid, amount);
            case REPAY -> ok(rid, "repayment", "repay", submitter, rid, cid, amount);
            case MARK_OVERDUE -> ok(rid, "repayment", "markOverdue", submitter, rid, cid);
            case DEFAULT -> ok(rid, "repayment", "declareDefault", submitter, rid, cid);
            default -> new Either(null, "unknown request type " + r.getType());
        };
    }

    private static Either ok(String requestId, String contract, String function, String submitter, String... args) {
        return new Either(new Submission(requestId, contract, function, List.of(args), submitter), null);
    }

    private static LedgerReceipt receipt(LedgerRequest r, TxResult t, ReceiptStatus status, String reason, String payload) {
        String state = payload == null ? null : caseState(payload);
        return LedgerReceipt.newBuilder().setRequestId(r.getRequestId()).setContractId(r.getContractId())
                .setTxId(t == null ? null : t.txId()).setStatus(status).setReason(reason)
                .setBlockNumber(t == null ? null : t.blockNumber()).setBlockHash(t == null ? null : t.blockHash())
                .setContractState(state).setMerkleRoot(t == null ? null : t.merkleRoot())
                .setTreeSize(t == null ? null : t.treeSize()).setTime(Instant.now()).build();
    }

    /**
     * The top-level {@code state} of a case's JSON, read by streaming: the receipt needs only that field, and
     * building a tree of the whole case (its history grows with every step) cost more than the contract's own work.
     */
    static String caseState(String caseJson) {
        try (JsonParser p = CaseBook.JSON.getFactory().createParser(caseJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("state".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
